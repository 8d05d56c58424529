/**
 * The published look of the tables, shared by every renderer of SheetSpecs: the exceljs writer
 * (src/render/xlsx.ts) and the Office.js adapter (src/taskpane/excel/layout.ts). It imports no
 * exceljs code, only its types, so the task pane can use it without loading exceljs.
 */
import type ExcelJS from "exceljs";
import type { CellStyleName, SheetSpec, SpecMerge } from "../core/format/sheetSpec";

export const DEFAULT_FONT = "宋体";
/** GB2312: a machine without 宋体 substitutes another Chinese font instead of boxes. */
export const CHINESE_CHARSET = 134;
export const BODY_SIZE = 10;
export const TITLE_SIZE = 16;
export const HEADER_FILL = "FFD9D9D9";
export const BORDER_COLOR = "FF000000";
export const TEXT_FORMAT = "@";
/** Text that a spreadsheet would take for a formula if it were typed in. */
export const FORMULA_LIKE = /^[=+\-@]/;

export type StyleEntry = {
  font: Partial<ExcelJS.Font>;
  alignment: Partial<ExcelJS.Alignment>;
  bordered: boolean;
  fill?: string;
};

/** The look of each style name of a SheetSpec: the single place where the published look lives. */
export const XLSX_STYLES: Readonly<Record<CellStyleName, StyleEntry>> = {
  title: {
    font: { size: TITLE_SIZE, bold: true },
    alignment: { horizontal: "center", vertical: "middle", wrapText: true },
    bordered: false,
  },
  subtitle: {
    font: { size: BODY_SIZE },
    alignment: { horizontal: "left", vertical: "middle" },
    bordered: false,
  },
  meta: {
    font: { size: BODY_SIZE },
    alignment: { horizontal: "left", vertical: "middle" },
    bordered: false,
  },
  metaRight: {
    font: { size: BODY_SIZE },
    alignment: { horizontal: "right", vertical: "middle" },
    bordered: false,
  },
  header: {
    font: { size: BODY_SIZE, bold: true },
    alignment: { horizontal: "center", vertical: "middle", wrapText: true },
    bordered: true,
    fill: HEADER_FILL,
  },
  columnNumber: {
    font: { size: BODY_SIZE },
    alignment: { horizontal: "center", vertical: "middle" },
    bordered: true,
    fill: HEADER_FILL,
  },
  code: {
    font: { size: BODY_SIZE },
    alignment: { horizontal: "left", vertical: "middle" },
    bordered: true,
  },
  text: {
    font: { size: BODY_SIZE },
    alignment: { horizontal: "left", vertical: "middle", wrapText: true },
    bordered: true,
  },
  textIndented: {
    font: { size: BODY_SIZE },
    alignment: { horizontal: "left", vertical: "middle", wrapText: true },
    bordered: true,
  },
  amount: {
    font: { size: BODY_SIZE },
    alignment: { horizontal: "right", vertical: "middle" },
    bordered: true,
  },
  total: {
    font: { size: BODY_SIZE, bold: true },
    alignment: { horizontal: "center", vertical: "middle", wrapText: true },
    bordered: true,
  },
  totalAmount: {
    font: { size: BODY_SIZE, bold: true },
    alignment: { horizontal: "right", vertical: "middle" },
    bordered: true,
  },
  note: {
    font: { size: BODY_SIZE },
    alignment: { horizontal: "left", vertical: "middle", wrapText: true },
    bordered: false,
  },
};

/** `0.00` for 2 decimals, `0` for none. */
export function amountFormat(decimals: number): string {
  return decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
}

/** Excel forbids []:*?/\ in sheet names, a name over 31 characters and two sheets of one name. */
export function safeSheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw) => {
    const base =
      raw
        .replace(/[[\]:*?/\\]/g, "_")
        .replace(/^'+|'+$/g, "")
        .slice(0, 31) || "Sheet";
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = base.slice(0, 31 - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/** Width of text in Excel character units: a CJK character takes two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 1;
  return width;
}

/**
 * Heights for the header rows, the notes and text merged across columns (a goal form's 资金用途),
 * estimated from the text and the column widths: no spreadsheet fits a row to text in merged cells,
 * so these would otherwise be cut off. Other data rows are left to the application, which fits them
 * when it opens the file.
 */
export function estimatedRowHeights(
  spec: SheetSpec,
  widths: readonly number[]
): Map<number, number> {
  const merged = new Map<string, SpecMerge>();
  for (const m of spec.merges) merged.set(`${m.top},${m.left}`, m);
  const lines = new Map<number, number>();
  for (const cell of spec.cells) {
    if (cell.value.kind !== "text" || cell.style === "title") continue;
    const merge = merged.get(`${cell.row},${cell.col}`);
    const spansColumns = merge !== undefined && merge.right > merge.left;
    if (cell.row >= spec.headerRows && cell.style !== "note" && !spansColumns) continue;
    if (!XLSX_STYLES[cell.style].alignment.wrapText) continue;
    const right = merge?.right ?? cell.col;
    const rows = merge ? merge.bottom - merge.top + 1 : 1;
    let width = 0;
    for (let c = cell.col; c <= right; c++) width += widths[c];
    // Runs of spaces in captions come from wrapped Word cells: they are where the line broke.
    const chunks = cell.value.text.split(/\s{2,}|\n/);
    const needed = chunks.reduce(
      (sum, chunk) => sum + Math.max(1, Math.ceil(textWidth(chunk) / Math.max(1, width - 1))),
      0
    );
    const perRow = Math.ceil(needed / rows);
    if (perRow > (lines.get(cell.row) ?? 1)) lines.set(cell.row, perRow);
  }
  const heights = new Map<number, number>();
  for (const [row, n] of lines) heights.set(row, n * 13 + 5);
  return heights;
}

export function columnWidths(spec: SheetSpec): number[] {
  const widths: number[] = [];
  for (let c = 0; c < spec.columnCount; c++) {
    const given = spec.columnWidths[c];
    if (given !== undefined && given > 0) {
      widths.push(given);
      continue;
    }
    // A spec without a width for this column: fit its longest unmerged text, within bounds.
    const texts = spec.cells.filter(
      (cell) =>
        cell.col === c &&
        cell.value.kind === "text" &&
        cell.style !== "title" &&
        cell.style !== "note"
    );
    const longest = Math.max(
      8,
      ...texts.map((t) => textWidth(t.value.kind === "text" ? t.value.text : "") + 2)
    );
    widths.push(Math.min(40, longest));
  }
  return widths;
}
