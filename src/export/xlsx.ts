/**
 * The exceljs renderer of SheetSpecs: one worksheet per table, in the published look (宋体, bold
 * 16 pt title, grey bordered headers, `0.00` amounts, A4 landscape fitted to the page width, header
 * rows repeated on every printed page). It draws what the spec says and decides nothing about the
 * figures. Usable in Node and in the browser.
 *
 * Zero amounts, when the spec says `zeroAs: "blank"`, are written as empty (bordered, formatted)
 * cells rather than as a 0 hidden by the number format `0.00;-0.00;;@`: the published tables have
 * empty cells there, so the workbook reads back exactly as published, a clerk who copies the table
 * or sums it in another tool sees no hidden zeros, and the engine already treats blank as zero.
 */
import ExcelJS from "exceljs";
import { moneyToNumber } from "../core/money";
import type { CellStyleName, SheetSpec, SpecCell, SpecMerge } from "../core/format/sheetSpec";

export interface XlsxOptions {
  /** Overrides every spec's `zeroAs` (how zero amounts show). */
  zeroAs?: SheetSpec["zeroAs"];
  /** Stored as the workbook's creation date; fixed by tests for byte-stable output. */
  created?: Date;
  /** 宋体 unless told otherwise; the name is written into the file, no font is embedded. */
  fontName?: string;
}

const DEFAULT_FONT = "宋体";
/** GB2312: a machine without 宋体 substitutes another Chinese font instead of boxes. */
const CHINESE_CHARSET = 134;
const BODY_SIZE = 10;
const TITLE_SIZE = 16;
const HEADER_FILL = "FFD9D9D9";
const BORDER_COLOR = "FF000000";
const TEXT_FORMAT = "@";
/** Text that a spreadsheet would take for a formula if it were typed in. */
const FORMULA_LIKE = /^[=+\-@]/;

type StyleEntry = {
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

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: BORDER_COLOR } };
const ALL_THIN: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

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

function styleOf(cell: SpecCell): StyleEntry {
  const entry = XLSX_STYLES[cell.style];
  // The 预算年度 line sits in the middle of the department line; only the first item is flush left.
  if (cell.style === "meta" && cell.col > 0)
    return { ...entry, alignment: { ...entry.alignment, horizontal: "center" } };
  return entry;
}

function applyStyle(
  target: ExcelJS.Cell,
  entry: StyleEntry,
  fontName: string,
  numFmt: string | undefined
): void {
  target.font = { name: fontName, charset: CHINESE_CHARSET, ...entry.font };
  target.alignment = entry.alignment;
  if (entry.bordered) target.border = ALL_THIN;
  if (entry.fill)
    target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: entry.fill } };
  if (numFmt) target.numFmt = numFmt;
}

/** The value written for a spec cell (never a formula object) and its number format. */
function cellContent(
  cell: SpecCell,
  zeroAs: SheetSpec["zeroAs"]
): { value: string | number | null; numFmt?: string } {
  const v = cell.value;
  switch (v.kind) {
    case "text":
      // Strings are stored as strings. The Text format keeps a code (2013201) and a formula-like
      // text what they are even after a clerk edits the cell and presses Enter.
      return {
        value: v.text,
        numFmt: cell.style === "code" || FORMULA_LIKE.test(v.text) ? TEXT_FORMAT : undefined,
      };
    case "integer":
      return { value: v.value };
    case "amount":
      return {
        value: v.value.isZero() && zeroAs === "blank" ? null : moneyToNumber(v.value),
        numFmt: amountFormat(v.decimals),
      };
    case "empty":
      return {
        value: null,
        numFmt: cell.style === "amount" || cell.style === "totalAmount" ? "0.00" : undefined,
      };
  }
}

/**
 * Heights for the header rows and the notes, estimated from the text and the column widths: no
 * spreadsheet fits a row to text in merged cells, so these would otherwise be cut off. Data rows
 * are left to the application, which fits them when it opens the file.
 */
function estimatedRowHeights(spec: SheetSpec, widths: readonly number[]): Map<number, number> {
  const merged = new Map<string, SpecMerge>();
  for (const m of spec.merges) merged.set(`${m.top},${m.left}`, m);
  const lines = new Map<number, number>();
  for (const cell of spec.cells) {
    if (cell.value.kind !== "text" || cell.style === "title") continue;
    if (cell.row >= spec.headerRows && cell.style !== "note") continue;
    if (!XLSX_STYLES[cell.style].alignment.wrapText) continue;
    const merge = merged.get(`${cell.row},${cell.col}`);
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

function columnWidths(spec: SheetSpec): number[] {
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

function addSheet(
  workbook: ExcelJS.Workbook,
  spec: SheetSpec,
  name: string,
  options: XlsxOptions
): void {
  const fontName = options.fontName ?? DEFAULT_FONT;
  const zeroAs = options.zeroAs ?? spec.zeroAs;
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", xSplit: 0, ySplit: spec.headerRows, showGridLines: false }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: spec.page.orientation,
      fitToPage: spec.page.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddFooter: "&C第 &P 页，共 &N 页",
      differentFirst: false,
      differentOddEven: false,
    },
  });
  const widths = columnWidths(spec);
  widths.forEach((width, c) => (sheet.getColumn(c + 1).width = width));

  const styled = new Set<string>();
  const bySpec = new Map<string, { entry: StyleEntry; numFmt?: string }>();
  for (const cell of spec.cells) {
    const target = sheet.getCell(cell.row + 1, cell.col + 1);
    const { value, numFmt } = cellContent(cell, zeroAs);
    // Plain strings and numbers only: exceljs never turns a string into a formula.
    target.value = value;
    const entry = styleOf(cell);
    applyStyle(target, entry, fontName, numFmt);
    styled.add(`${cell.row},${cell.col}`);
    bySpec.set(`${cell.row},${cell.col}`, { entry, numFmt });
  }
  // Every cell of a merged area carries the area's style, or Excel draws its borders broken.
  for (const m of spec.merges) {
    const master = bySpec.get(`${m.top},${m.left}`);
    if (!master) continue;
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        applyStyle(sheet.getCell(r + 1, c + 1), master.entry, fontName, master.numFmt);
        styled.add(`${r},${c}`);
      }
  }
  // A spec may leave a blank cell out of a bordered row; the row is still a ruled line of the table.
  const borderedRows = new Set(
    spec.cells.filter((cell) => XLSX_STYLES[cell.style].bordered).map((cell) => cell.row)
  );
  for (const row of borderedRows)
    for (let c = 0; c < spec.columnCount; c++) {
      if (styled.has(`${row},${c}`)) continue;
      const target = sheet.getCell(row + 1, c + 1);
      target.font = { name: fontName, charset: CHINESE_CHARSET, size: BODY_SIZE };
      target.border = ALL_THIN;
    }
  for (const m of spec.merges) {
    if (m.bottom > m.top || m.right > m.left)
      sheet.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }

  sheet.getRow(1).height = 30;
  for (const [row, height] of estimatedRowHeights(spec, widths)) {
    if (row > 0) sheet.getRow(row + 1).height = Math.max(height, 18);
  }
  const { from, to } = spec.printTitleRows;
  if (to >= from) sheet.pageSetup.printTitlesRow = `${from + 1}:${to + 1}`;
}

/**
 * Renders the tables into one .xlsx workbook, a worksheet per SheetSpec in the given order.
 *
 * @example
 * const bytes = await writeXlsx(buildSheets(figures, department, template));
 */
export async function writeXlsx(
  specs: readonly SheetSpec[],
  options: XlsxOptions = {}
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "budget-disclosure";
  const created = options.created ?? new Date();
  workbook.created = created;
  workbook.modified = created;
  const names = safeSheetNames(specs.map((s) => s.sheetName));
  specs.forEach((spec, i) => addSheet(workbook, spec, names[i], options));
  // A Buffer in Node, an ArrayBuffer-backed array in the browser.
  const buffer = (await workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer | Uint8Array;
  return ArrayBuffer.isView(buffer)
    ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
    : new Uint8Array(buffer);
}
