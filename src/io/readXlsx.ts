/**
 * Reading an .xlsx file into Grids (Node): the streaming reader (xlsxStream.ts) under a cell limit,
 * and the full exceljs read (excelJsGrids.ts) for the few files the streaming reader declines. Both
 * give the same Grids; only the memory differs (the full read holds about 1 KB a cell).
 */
import type { Grid } from "../core/grid";
import { gridsFromXlsxStreaming, WorkbookTooLargeError } from "./xlsxStream";
import type { ReadLimits } from "./xlsxStream";

export { NotAWorkbookError } from "./cellValues";
export { DEFAULT_MAX_CELLS, WorkbookTooLargeError } from "./xlsxStream";
export type { ReadLimits } from "./xlsxStream";

/**
 * Reads an .xlsx file's bytes into Grids. Throws WorkbookTooLargeError for a workbook with more
 * cells than the limit (DEFAULT_MAX_CELLS unless told), before it can exhaust memory; on bytes
 * that are not an xlsx, the full reader's error (callers report it), and a NotAWorkbookError on a
 * zip that is not a workbook or a workbook with no worksheet: exceljs reads both as an empty
 * workbook, which would pass any check without one being made.
 */
export async function gridsFromXlsx(
  data: ArrayBuffer | Uint8Array,
  limits: ReadLimits = {}
): Promise<Grid[]> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  let grids: Grid[] | undefined;
  try {
    grids = await gridsFromXlsxStreaming(bytes, limits);
  } catch (error) {
    if (error instanceof WorkbookTooLargeError) throw error;
    // Declined or unreadable here: the full read reproduces what the streaming one does not,
    // and reports damaged files in its own words, as before.
  }
  if (grids && grids.length > 0) return grids;
  return gridsFromXlsxFull(data);
}

/**
 * The full exceljs read (excelJsGrids.ts), loaded only when a file needs it: exceljs takes about
 * 0.4 s to load, more than reading a hundred ordinary workbooks through the streaming reader.
 */
export async function gridsFromXlsxFull(data: ArrayBuffer | Uint8Array): Promise<Grid[]> {
  const { gridsFromXlsxFull: readInFull } = await import("./excelJsGrids");
  return readInFull(data);
}
