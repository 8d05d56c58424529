/**
 * The exceljs host: turns an .xlsx workbook into Grids the way Office.js would present it (merged
 * areas hold their value in the top-left cell only), with merges and number formats attached.
 * Usable in Node and in the browser.
 */
import ExcelJS from "exceljs";
import { CellRange, CellValue, Grid } from "../core/grid";
import { parseA1 } from "../core/grid";

function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((run) => run.text).join("");
    if ("formula" in value || "sharedFormula" in value)
      return plainValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("text" in value) return String((value as ExcelJS.CellHyperlinkValue).text);
    if ("error" in value) return String((value as ExcelJS.CellErrorValue).error);
  }
  return String(value);
}

function parseRange(ref: string): CellRange | undefined {
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

/** One Grid per worksheet, covering A1 to the last used cell. */
export function gridsFromWorkbook(workbook: ExcelJS.Workbook): Grid[] {
  return workbook.worksheets.map((sheet) => {
    const rowCount = sheet.actualRowCount === 0 ? 0 : sheet.rowCount;
    const colCount = sheet.actualColumnCount === 0 ? 0 : sheet.columnCount;
    const values: CellValue[][] = [];
    const numberFormats: string[][] = [];
    for (let r = 1; r <= rowCount; r++) {
      const row = sheet.getRow(r);
      const rowValues: CellValue[] = [];
      const rowFormats: string[] = [];
      for (let c = 1; c <= colCount; c++) {
        const cell = row.getCell(c);
        const isSlave = cell.isMerged && cell.master !== cell;
        rowValues.push(isSlave ? "" : plainValue(cell.value));
        rowFormats.push(cell.numFmt || "General");
      }
      values.push(rowValues);
      numberFormats.push(rowFormats);
    }
    const merges = ((sheet.model as { merges?: string[] }).merges ?? [])
      .map(parseRange)
      .filter((m): m is CellRange => m !== undefined);
    return { sheet: sheet.name, origin: { row: 1, col: 1 }, values, numberFormats, merges };
  });
}

/** Reads an .xlsx file's bytes into Grids. Throws on bytes that are not an xlsx (callers report it). */
export async function gridsFromXlsx(data: ArrayBuffer | Uint8Array): Promise<Grid[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as ArrayBuffer);
  return gridsFromWorkbook(workbook);
}
