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
import { isDateFormat, parseA1, serialDateText } from "../core/grid";

/** A cell's value as the engine reads it, and what it cannot show (see CellNote). */
export function plainValue(
  value: ExcelJS.CellValue,
  numFmt?: string
): {
  value: CellValue;
  note?: Omit<CellNote, "row" | "col">;
} {
  if (value === null || value === undefined) return { value: "" };
  // exceljs turns only the built-in date formats into Dates; a custom one (yyyy"年"m"月") stays a
  // serial number, which would be read as an amount of 45,000.
  if (typeof value === "number" && isDateFormat(numFmt)) {
    const text = serialDateText(value);
    return { value: text, note: { kind: "date", text } };
  }
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return { value };
  if (value instanceof Date) {
    const text = value.toISOString().slice(0, 10);
    return { value: text, note: { kind: "date", text } };
  }
  if (typeof value === "object") {
    if ("richText" in value) return { value: value.richText.map((run) => run.text).join("") };
    if ("formula" in value || "sharedFormula" in value) {
      const formula = value as ExcelJS.CellFormulaValue & { sharedFormula?: string };
      // A workbook written by a program may hold formulas that Excel never calculated: there is
      // no value to read, and a blank would be taken for zero.
      if (formula.result === undefined || formula.result === null)
        return {
          value: "",
          note: {
            kind: "formulaWithoutValue",
            text: `=${formula.formula ?? formula.sharedFormula ?? ""}`,
          },
        };
      return plainValue(formula.result as ExcelJS.CellValue, numFmt);
    }
    if ("text" in value) return { value: String((value as ExcelJS.CellHyperlinkValue).text) };
    if ("error" in value) return { value: String((value as ExcelJS.CellErrorValue).error) };
  }
  return { value: String(value) };
}

export function parseRange(ref: string): CellRange | undefined {
  const [from, to = from] = ref.split(":");
  const a = parseA1(from);
  const b = parseA1(to);
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/**
 * One Grid per worksheet, covering A1 to the last used cell, with what the values alone do not
 * show: hidden rows, columns and sheets, formulas saved without a result, dates.
 */
export function gridsFromWorkbook(workbook: ExcelJS.Workbook): Grid[] {
  return workbook.worksheets.map((sheet) => {
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
        const read = isSlave ? { value: "" } : plainValue(cell.value, cell.numFmt);
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

/** Bytes that are a zip but not a workbook, or a workbook without a worksheet. */
export class NotAWorkbookError extends Error {
  constructor(readonly reason: "notWorkbook" | "noSheets") {
    super(
      reason === "notWorkbook"
        ? "the zip archive holds no xl/workbook.xml"
        : "the workbook has no worksheet"
    );
    this.name = "NotAWorkbookError";
  }
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
  if (workbook.worksheets.length === 0) {
    const zip = await JSZip.loadAsync(data);
    throw new NotAWorkbookError(zip.file("xl/workbook.xml") ? "noSheets" : "notWorkbook");
  }
  return gridsFromWorkbook(workbook);
}
