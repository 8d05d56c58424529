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
import type { SheetSpec, SpecCell } from "../core/format/sheetSpec";
import {
  BODY_SIZE,
  BORDER_COLOR,
  CHINESE_CHARSET,
  DEFAULT_FONT,
  FORMULA_LIKE,
  TEXT_FORMAT,
  XLSX_STYLES,
  amountFormat,
  columnWidths,
  estimatedRowHeights,
  safeSheetNames,
} from "./sheetLook";
import type { StyleEntry } from "./sheetLook";
import { FIXED_PACKAGE_DATE, stablePackage } from "./stableZip";

export { XLSX_STYLES, amountFormat, safeSheetNames, textWidth } from "./sheetLook";

export interface XlsxOptions {
  /** Overrides every spec's `zeroAs` (how zero amounts show). */
  zeroAs?: SheetSpec["zeroAs"];
  /**
   * The workbook's creation and modification date, and its zip entries' date: the same tables and
   * date give the same bytes. By default a fixed date (stableZip's FIXED_PACKAGE_DATE), never the clock.
   */
  created?: Date;
  /** 宋体 unless told otherwise; the name is written into the file, no font is embedded. */
  fontName?: string;
}

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: BORDER_COLOR } };
const ALL_THIN: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

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
  const created = options.created ?? FIXED_PACKAGE_DATE;
  workbook.created = created;
  workbook.modified = created;
  const names = safeSheetNames(specs.map((s) => s.sheetName));
  specs.forEach((spec, i) => addSheet(workbook, spec, names[i], options));
  // A Buffer in Node, an ArrayBuffer-backed array in the browser.
  const buffer = (await workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer | Uint8Array;
  const bytes = ArrayBuffer.isView(buffer)
    ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
    : new Uint8Array(buffer);
  return stablePackage(bytes, created);
}
