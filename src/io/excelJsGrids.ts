/**
 * The full exceljs read: turns an .xlsx workbook into Grids the way Office.js would present it
 * (merged areas hold their value in the top-left cell only), with merges and number formats
 * attached. Usable in Node and in the browser. It holds the whole workbook as exceljs objects
 * (about 1 KB a cell); the CLI reads through the streaming reader (xlsxStream.ts, readXlsx.ts),
 * which gives the same Grids and falls back to this one for what it does not reproduce.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellNote, CellRange, CellValue, Grid } from "../core/grid";
import {
  NotAWorkbookError,
  emptyTextResults,
  formulaResult,
  parseRange,
  plainValue,
  recalculatesOnLoad,
} from "./cellValues";

export { NotAWorkbookError, parseRange, plainValue };

/**
 * One Grid per worksheet, covering A1 to the last used cell, with what the values alone do not
 * show: hidden rows, columns and sheets, formulas saved without a result, dates.
 */
export function gridsFromWorkbook(
  workbook: ExcelJS.Workbook,
  recalculateOnLoad = false,
  emptyText: ReadonlyMap<string, ReadonlySet<string>> = new Map()
): Grid[] {
  return workbook.worksheets.map((sheet) => {
    const emptyInSheet = emptyText.get(sheet.name);
    const rowCount = sheet.actualRowCount === 0 ? 0 : sheet.rowCount;
    const colCount = sheet.actualColumnCount === 0 ? 0 : sheet.columnCount;
    const values: CellValue[][] = [];
    const numberFormats: string[][] = [];
    const cellNotes: CellNote[] = [];
    const hiddenRows: number[] = [];
    for (let r = 1; r <= rowCount; r++) {
      const row = sheet.getRow(r);
      if (row.hidden) hiddenRows.push(r);
      const rowValues: CellValue[] = [];
      const rowFormats: string[] = [];
      for (let c = 1; c <= colCount; c++) {
        const cell = row.getCell(c);
        const isSlave = cell.isMerged && cell.master !== cell;
        const value =
          cell.type === ExcelJS.ValueType.Formula
            ? formulaResult(cell, recalculateOnLoad, emptyInSheet?.has(cell.address) === true)
            : cell.value;
        const read = isSlave ? { value: "" } : plainValue(value, cell.numFmt);
        rowValues.push(read.value);
        if ("note" in read && read.note) cellNotes.push({ row: r, col: c, ...read.note });
        rowFormats.push(cell.numFmt || "General");
      }
      values.push(rowValues);
      numberFormats.push(rowFormats);
    }
    const hiddenColumns: number[] = [];
    for (let c = 1; c <= colCount; c++) if (sheet.getColumn(c).hidden) hiddenColumns.push(c);
    const merges = ((sheet.model as { merges?: string[] }).merges ?? [])
      .map(parseRange)
      .filter((m): m is CellRange => m !== undefined);
    return {
      sheet: sheet.name,
      origin: { row: 1, col: 1 },
      values,
      numberFormats,
      merges,
      ...(hiddenRows.length > 0 ? { hiddenRows } : {}),
      ...(hiddenColumns.length > 0 ? { hiddenColumns } : {}),
      ...(sheet.state && sheet.state !== "visible" ? { sheetHidden: true } : {}),
      ...(cellNotes.length > 0 ? { cellNotes } : {}),
    };
  });
}

/**
 * Reads an .xlsx file's bytes into Grids with exceljs. Throws on bytes that are not an xlsx (callers
 * report it), and a NotAWorkbookError on a zip that is not a workbook or a workbook with no
 * worksheet: exceljs reads both as an empty workbook, which would pass any check without one being
 * made.
 */
export async function gridsFromXlsxFull(data: ArrayBuffer | Uint8Array): Promise<Grid[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as ArrayBuffer);
  const zip = await JSZip.loadAsync(data);
  const workbookPart = zip.file("xl/workbook.xml");
  if (workbook.worksheets.length === 0)
    throw new NotAWorkbookError(workbookPart ? "noSheets" : "notWorkbook");
  // exceljs reads calcPr but keeps none of its attributes.
  const workbookXml = workbookPart ? await workbookPart.async("string") : "";
  const recalculate = recalculatesOnLoad(workbookXml);
  return gridsFromWorkbook(
    workbook,
    recalculate,
    recalculate ? new Map() : await emptyTextResultsBySheet(zip, workbookXml)
  );
}

/**
 * By sheet name, the cells whose formula's saved result is empty text (emptyTextResults), which
 * exceljs cannot tell from formulas saved without a result. Sheets are found as the workbook part
 * names them (its relationships give each one's part).
 */
async function emptyTextResultsBySheet(
  zip: JSZip,
  workbookXml: string
): Promise<Map<string, Set<string>>> {
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const id = /\bId\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
    if (id !== undefined && target !== undefined)
      targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, Set<string>>();
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)) {
    const name = /\bname\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
    const part = id === undefined ? undefined : zip.file(targets.get(id) ?? "");
    if (name === undefined || !part) continue;
    const refs = emptyTextResults(await part.async("string"));
    if (refs.size > 0) out.set(decodeXmlText(name), refs);
  }
  return out;
}

/** The five predefined entities and character references of an attribute value. */
function decodeXmlText(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
