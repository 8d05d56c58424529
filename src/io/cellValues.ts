/**
 * What both .xlsx readers share and what needs no exceljs at run time: a cell's value as the engine
 * reads it, A1 ranges of merged areas, and the error for a zip that is not a workbook. Apart from
 * excelJsGrids.ts so that the streaming reader (xlsxStream.ts), which reads nearly every file, does
 * not load exceljs (about 0.4 s in each worker thread) only to use these.
 */
import type ExcelJS from "exceljs";
import type { CellNote, CellRange, CellValue } from "../core/grid";
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
      // no value to read, and a blank would be taken for zero. A saved 0 is a result (the readers
      // keep it, see formulaResult). A cell sharing another's formula names only that cell (its
      // own formula is the other's, moved), so no formula is quoted for it.
      if (formula.result === undefined || formula.result === null)
        return {
          value: "",
          note: {
            kind: "formulaWithoutValue",
            ...(formula.formula ? { text: `=${formula.formula}` } : {}),
          },
        };
      return plainValue(formula.result as ExcelJS.CellValue, numFmt);
    }
    if ("text" in value) return { value: String((value as ExcelJS.CellHyperlinkValue).text) };
    if ("error" in value) return { value: String((value as ExcelJS.CellErrorValue).error) };
  }
  return { value: String(value) };
}

/**
 * A formula cell's value as exceljs read it, with its saved result even when that is 0, FALSE or
 * empty text (exceljs' Cell.value keeps only a truthy result, so a total that Excel calculated as
 * 0 would read as a formula without a result); and with no result at all in a workbook that asks
 * to be recalculated on opening (XlsxWriter saves 0 for every formula and sets that flag), whose
 * saved results are placeholders.
 */
export function formulaResult(
  cell: Pick<ExcelJS.Cell, "value" | "result">,
  recalculateOnLoad: boolean,
  emptyText = false
): ExcelJS.CellValue {
  const formula = { ...(cell.value as ExcelJS.CellFormulaValue) };
  delete (formula as Partial<ExcelJS.CellFormulaValue>).result;
  const result = recalculateOnLoad ? undefined : (cell.result ?? (emptyText ? "" : undefined));
  return (result === undefined ? formula : { ...formula, result }) as ExcelJS.CellValue;
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
