/**
 * The Office.js host adapter: the only code that calls Office.js. Data in, data out; every step
 * queues its commands and sends them with one `context.sync()`, never one per sheet, row or cell.
 *
 * Round trips per call:
 * - readWorkbook: 2 — the sheet list (names, visibility); then every sheet's used range (values,
 *   number formats, position, whether rows or columns are hidden) and merged areas in one request,
 *   whatever the number of sheets; 1 more when a sheet hides some of its rows or columns (each
 *   row's and column's state of those sheets, in one request). Excel on the web
 *   refuses a response over 5 MB; a workbook that large is then read in row bands of at most
 *   `readChunkCells` cells per request: 1 more round trip for the sizes and 1 per band request,
 *   in proportion to the workbook's size (cells / readChunkCells), never to its sheet count.
 * - existingSheets: 1.
 * - writeSheets: 2 — the sheet names; then everything (values, formats, merges, widths, page
 *   setup, frozen rows, chart) with calculation suspended, in requests of at most
 *   `WRITE_REQUEST_LIMIT` commands and bytes: one for most outputs, one more per step of that size
 *   for a large one (18 goal forms are some 10 000 commands). 1 more when replacing earlier output
 *   (which of the existing sheets this add-in made). A failure adds 2 (find and delete what was
 *   added).
 * - selectCell: 1. createWorkbookFromXlsx: Excel.createWorkbook, no sync.
 * - writeCells: 2 — what the cells hold now; then the new values, whatever the number of cells.
 *   restoreCells: 1.
 *
 * New tables are drawn under temporary names and take their final names, replacing earlier output
 * when asked, only at the end of the last request: until then no existing sheet is touched, and a
 * failure deletes the temporary sheets, leaving the workbook as it was. Generated sheets carry a
 * custom property (ExcelApi 1.12), so a sheet the user made is never replaced, even when it has an
 * output's name; on an older Excel a same-named sheet is replaced once the user has confirmed. One
 * case cannot be undone: if deleting an earlier output itself fails in that last step, the earlier
 * outputs deleted before it stay deleted (their replacements are removed with the rest).
 *
 * Drawing the tables (writeSheets) lives in sheetWriter.ts, loaded on the first 生成 so that it
 * is not part of the JavaScript before the first findings.
 */
import type { CellValue, Grid } from "../../core/grid";
import type { CellEdit } from "../../core/fixes";
import type { CellContent, CellWriteResult, WorkbookHost } from "./host";
import { Extent, hiddenIndexes, noteDates, parseAreaAddresses, planChunks } from "./reading";
import {
  Api,
  HOST_MESSAGES,
  RequestLimit,
  WRITE_REQUEST_LIMIT,
  isPayloadLimit,
  supports,
} from "./officeApi";

export { GENERATED_MARK, HOST_MESSAGES, TEMPORARY_PREFIX, WRITE_REQUEST_LIMIT } from "./officeApi";
export type { RequestLimit } from "./officeApi";

export interface OfficeHostOptions {
  /** Office.js's `Excel`; the global unless given (tests and the simulated host pass their own). */
  excel?: typeof Excel;
  /** Office.js's `Office`; the global unless given. */
  office?: typeof Office;
  /**
   * Cells per request when a workbook is too large to read in one (~40 bytes a cell: 50 000 cells
   * stay well below Excel on the web's 5 MB). Halved again if a request is still refused.
   */
  readChunkCells?: number;
  /** What one request that draws tables may carry; WRITE_REQUEST_LIMIT unless given. */
  writeRequestLimit?: RequestLimit;
}

const DEFAULT_READ_CHUNK_CELLS = 50_000;

// ---------------------------------------------------------------------------------------------
// Reading

interface SheetRead {
  used: Excel.Range;
  merged?: Excel.RangeAreas;
}

/** Queues the merged areas of the whole sheet (ExcelApi 1.13), not only of its used range. */
function queueMerges(sheet: Excel.Worksheet): Excel.RangeAreas {
  const merged = sheet.getRange().getMergedAreasOrNullObject();
  merged.load("address");
  return merged;
}

function mergesOf(read: SheetRead) {
  return read.merged && !read.merged.isNullObject ? parseAreaAddresses(read.merged.address) : [];
}

function gridOf(name: string, read: SheetRead): Grid {
  const merges = mergesOf(read);
  if (read.used.isNullObject)
    return { sheet: name, origin: { row: 1, col: 1 }, values: [], numberFormats: [], merges };
  return {
    sheet: name,
    origin: { row: read.used.rowIndex + 1, col: read.used.columnIndex + 1 },
    values: read.used.values as CellValue[][],
    numberFormats: read.used.numberFormat as string[][],
    merges,
  };
}

/**
 * Adds to each grid what its values do not show: a hidden sheet, hidden rows and columns (one more
 * request, only for sheets that hide some but not all of them), dates as text with a note.
 */
async function withCellFacts(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  reads: SheetRead[],
  grids: Grid[]
): Promise<Grid[]> {
  const pending = reads.map((read, i) => {
    const { used } = read;
    if (used.isNullObject) return undefined;
    const rows =
      used.rowHidden === null
        ? Array.from({ length: used.rowCount }, (_, r) => used.getRow(r).load("rowHidden"))
        : undefined;
    const columns =
      used.columnHidden === null
        ? Array.from({ length: used.columnCount }, (_, c) => used.getColumn(c).load("columnHidden"))
        : undefined;
    return { i, rows, columns };
  });
  if (pending.some((p) => p && (p.rows || p.columns))) await context.sync();
  return grids.map((grid, i) => {
    const { used } = reads[i];
    const facts: Partial<Grid> = {};
    if (sheets[i].visibility !== "Visible") facts.sheetHidden = true;
    if (!used.isNullObject) {
      const p = pending[i];
      const rows = hiddenIndexes(
        used.rowIndex + 1,
        used.rowCount,
        used.rowHidden,
        p?.rows?.map((r) => r.rowHidden)
      );
      const columns = hiddenIndexes(
        used.columnIndex + 1,
        used.columnCount,
        used.columnHidden,
        p?.columns?.map((c) => c.columnHidden)
      );
      if (rows.length > 0) facts.hiddenRows = rows;
      if (columns.length > 0) facts.hiddenColumns = columns;
    }
    return noteDates({ ...grid, ...facts });
  });
}

/**
 * The slow path for a workbook over the payload limit: the used ranges' sizes first, then row
 * bands, several sheets' bands to a request, each request below `chunkCells` cells.
 */
async function readInChunks(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  names: string[],
  withMerges: boolean,
  chunkCells: number
): Promise<Grid[]> {
  const reads: SheetRead[] = sheets.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount,rowHidden,columnHidden");
    return { used, merged: withMerges ? queueMerges(sheet) : undefined };
  });
  await context.sync();

  const grids: Grid[] = names.map((name, i) => {
    const { used } = reads[i];
    const merges = mergesOf(reads[i]);
    if (used.isNullObject)
      return { sheet: name, origin: { row: 1, col: 1 }, values: [], numberFormats: [], merges };
    return {
      sheet: name,
      origin: { row: used.rowIndex + 1, col: used.columnIndex + 1 },
      values: Array.from({ length: used.rowCount }, () => []),
      numberFormats: Array.from({ length: used.rowCount }, () => []),
      merges,
    };
  });
  const extents: Extent[] = reads.flatMap(({ used }, sheet) =>
    used.isNullObject
      ? []
      : [
          {
            sheet,
            rowIndex: used.rowIndex,
            columnIndex: used.columnIndex,
            rowCount: used.rowCount,
            columnCount: used.columnCount,
          },
        ]
  );

  let budget = chunkCells;
  let requests = planChunks(extents, budget);
  while (requests.length > 0) {
    const bands = requests[0];
    const ranges = bands.map((band) => {
      const range = sheets[band.sheet].getRangeByIndexes(
        band.rowIndex,
        band.columnIndex,
        band.rowCount,
        band.columnCount
      );
      range.load("values,numberFormat");
      return range;
    });
    try {
      // One request per band group: their number grows with the workbook's size, not its sheets.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      const smallest = bands.length === 1 && bands[0].rowCount === 1;
      if (!isPayloadLimit(error) || smallest) throw error;
      budget = Math.max(1, Math.floor(budget / 2));
      requests = planChunks(requests.flat(), budget);
      continue;
    }
    bands.forEach((band, i) => {
      const grid = grids[band.sheet];
      const offset = band.rowIndex + 1 - grid.origin.row;
      (ranges[i].values as CellValue[][]).forEach((row, r) => (grid.values[offset + r] = row));
      (ranges[i].numberFormat as string[][]).forEach(
        (row, r) => (grid.numberFormats![offset + r] = row)
      );
    });
    requests = requests.slice(1);
  }
  return withCellFacts(context, sheets, reads, grids);
}

async function readWorkbook(api: Api, chunkCells: number): Promise<Grid[]> {
  const withMerges = supports(api, "1.13");
  return api.excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    await context.sync();

    const sheets = worksheets.items;
    const names = sheets.map((sheet) => sheet.name);
    const reads: SheetRead[] = sheets.map((sheet) => {
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load(
        "rowIndex,columnIndex,rowCount,columnCount,values,numberFormat,rowHidden,columnHidden"
      );
      return { used, merged: withMerges ? queueMerges(sheet) : undefined };
    });
    try {
      await context.sync();
    } catch (error) {
      if (!isPayloadLimit(error)) throw error;
      return readInChunks(context, sheets, names, withMerges, chunkCells);
    }
    return withCellFacts(
      context,
      sheets,
      reads,
      names.map((name, i) => gridOf(name, reads[i]))
    );
  });
}

async function existingSheets(api: Api, names: readonly string[]): Promise<string[]> {
  return api.excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const present = new Set(worksheets.items.map((sheet) => sheet.name.toLowerCase()));
    return names.filter((name) => present.has(name.toLowerCase()));
  });
}

/** A blank cell is "" in Excel and null or absent in a Grid. */
function sameCellValue(a: CellValue, b: CellValue): boolean {
  const blank = (v: CellValue) => v === null || v === undefined || v === "";
  return blank(a) ? blank(b) : a === b;
}

async function writeCells(api: Api, edits: readonly CellEdit[]): Promise<CellWriteResult> {
  if (edits.length === 0) return { ok: true, previous: [] };
  return api.excel.run(async (context) => {
    const ranges = edits.map((edit) => {
      const range = context.workbook.worksheets.getItem(edit.sheet).getRange(edit.cell);
      range.load("values,formulas,numberFormat");
      return range;
    });
    await context.sync();
    const previous: CellContent[] = ranges.map((range, i) => {
      const formula = range.formulas[0][0];
      return {
        sheet: edits[i].sheet,
        cell: edits[i].cell,
        value: range.values[0][0] as CellContent["value"],
        ...(typeof formula === "string" && formula.startsWith("=") ? { formula } : {}),
        numberFormat: String(range.numberFormat[0][0]),
      };
    });
    const changed = edits.filter((edit, i) => !sameCellValue(previous[i].value, edit.from));
    if (changed.length > 0)
      return { ok: false, changed: changed.map(({ sheet, cell }) => ({ sheet, cell })) };
    edits.forEach((edit, i) => {
      if (edit.numberFormat) ranges[i].numberFormat = [[edit.numberFormat]];
      ranges[i].values = [[edit.to]];
    });
    await context.sync();
    return { ok: true, previous };
  });
}

/**
 * What to write to get a cell's content back: its formula; text behind an apostrophe, so that
 * Excel keeps "236.34" as the text it was instead of reading it as a number; else the value.
 */
function restoredInput(content: CellContent): string | number | boolean {
  if (content.formula) return content.formula;
  if (typeof content.value === "string" && content.value !== "" && content.numberFormat !== "@")
    return `'${content.value}`;
  return content.value;
}

async function restoreCells(api: Api, contents: readonly CellContent[]): Promise<void> {
  if (contents.length === 0) return;
  await api.excel.run(async (context) => {
    for (const content of contents) {
      const range = context.workbook.worksheets.getItem(content.sheet).getRange(content.cell);
      range.numberFormat = [[content.numberFormat]];
      range.values = [[restoredInput(content)]];
    }
    await context.sync();
  });
}

async function selectCell(api: Api, sheetName: string, address: string): Promise<void> {
  await api.excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(address.slice(address.lastIndexOf("!") + 1)).select();
    await context.sync();
  });
}

/**
 * The WorkbookHost over Office.js. Call it once Office is ready; `Excel` and `Office` are looked up
 * when a method runs, so a page may install them late.
 *
 * @example
 * Office.onReady(() => render(createOfficeHost()));
 */
export function createOfficeHost(options: OfficeHostOptions = {}): WorkbookHost {
  const office = () => options.office ?? (typeof Office === "undefined" ? undefined : Office);
  const api = (): Api => ({ excel: options.excel ?? Excel, office: office() });
  const chunkCells = options.readChunkCells ?? DEFAULT_READ_CHUNK_CELLS;
  const writeLimit = options.writeRequestLimit ?? WRITE_REQUEST_LIMIT;
  return {
    readWorkbook: () => readWorkbook(api(), chunkCells),
    existingSheets: (names) => existingSheets(api(), names),
    // The writing half loads on the first 生成, not before the first findings (issue 12 §4).
    writeSheets: async (specs, writeOptions) => {
      const { writeSheets } = await import(/* webpackChunkName: "sheet-writer" */ "./sheetWriter");
      return writeSheets(api(), specs, writeOptions, writeLimit);
    },
    selectCell: (sheet, address) => selectCell(api(), sheet, address),
    writeCells: (edits) => writeCells(api(), edits),
    restoreCells: (contents) => restoreCells(api(), contents),
    async createWorkbookFromXlsx(base64) {
      const current = api();
      if (!supports(current, "1.8")) throw new Error(HOST_MESSAGES.cannotOpenWorkbook);
      await current.excel.createWorkbook(base64);
    },
    displayLanguage: () => office()?.context?.displayLanguage || "zh-CN",
  };
}
