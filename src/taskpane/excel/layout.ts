/**
 * What the Office.js renderer writes for each SheetSpec, decided without Excel: the value and
 * number-format matrices (one write each per table), the cell looks grouped into rectangles (one
 * format write per rectangle, not per cell), merges, column widths in points, row heights and the
 * page setup. Pure, so the look is unit-tested here and officeHost.ts only issues the calls.
 *
 * The look is the xlsx renderer's (XLSX_STYLES in src/render/sheetLook.ts), so a table generated in
 * Excel and the exported .xlsx look the same.
 */
import { moneyToNumber } from "../../core/money";
import type { CellStyleName, SheetSpec, SpecCell } from "../../core/format/sheetSpec";
import { a1, columnLetters } from "../../core/grid";
import {
  XLSX_STYLES,
  amountFormat,
  columnWidths,
  estimatedRowHeights,
  safeSheetNames,
} from "../../render/sheetLook";
import type { ChartData } from "./host";

/** A rectangle of a sheet, 0-based and inclusive, like a SpecMerge. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type HorizontalAlignment = "General" | "Left" | "Center" | "Right";

/** The format of a cell, in Office.js terms. */
export interface CellLook {
  bold: boolean;
  /** Points. */
  size: number;
  horizontal: HorizontalAlignment;
  wrapText: boolean;
  /** "#D9D9D9"; no fill when absent. */
  fill?: string;
  /** Thin black lines on every edge. */
  bordered: boolean;
}

export interface StyleArea {
  look: CellLook;
  /** Disjoint rectangles that together cover every cell of this look. */
  rects: Rect[];
}

export interface PageSetup {
  orientation: "Landscape" | "Portrait";
  paperSize: "A4";
  /** Fit all columns on one page wide, as many pages tall as needed. */
  fitToWidth: boolean;
  /** "$3:$4", or undefined when the spec repeats no rows. */
  printTitleRows?: string;
  /** The table itself, so the chart's data columns are not printed. */
  printArea: string;
  centerHorizontally: true;
  /** Points (the xlsx renderer's 0.4″ sides, 0.6″ top and bottom, 0.3″ header and footer). */
  margins: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
  centerFooter: string;
}

export interface SheetLayout {
  /** The worksheet name, made safe the same way as in the exported .xlsx. */
  name: string;
  rowCount: number;
  columnCount: number;
  /** The whole table, one write: "" where a cell is empty. */
  values: (string | number)[][];
  /** Same shape; written before the values, so text marked "@" stays text. */
  numberFormats: string[][];
  /** The table's base font; areas set their own size and weight on top. */
  fontName: string;
  fontSize: number;
  areas: StyleArea[];
  /** Only areas of more than one cell. */
  merges: Rect[];
  /** Column widths in points, one per column. */
  columnWidths: number[];
  /** Rows (0-based) whose height is set, in points; the others are left to Excel. */
  rowHeights: Array<{ row: number; height: number }>;
  freezeRows: number;
  page: PageSetup;
}

export interface ChartLayout {
  /** Index of the layout the chart goes on. */
  sheetIndex: number;
  title: string;
  /** The chart's source data (a 类 column and an amount column under a heading row), 0-based. */
  dataRect: Rect;
  values: (string | number)[][];
  numberFormats: string[][];
  /** Top-left and bottom-right cells the chart is stretched over, e.g. "I2" and "P20". */
  from: string;
  to: string;
}

export const FONT_NAME = "宋体";
const BODY_SIZE = 10;
const TITLE_ROW_HEIGHT = 30;
const MIN_ROW_HEIGHT = 18;
const TEXT_FORMAT = "@";
const GENERAL_FORMAT = "General";
/** Excel treats a typed text that starts with one of these as a formula. */
const FORMULA_LIKE = /^\s*[=+\-@]/;
/** Texts Excel turns into a number, date, time or percentage when typed, e.g. "2013201", "2024年", "1/2". */
const DATA_LIKE = /^[\s\d.,:/%$¥￥()eE+\-年月日时分秒]*\d[\s\d.,:/%$¥￥()eE+\-年月日时分秒]*$/;
const BOOLEAN_LIKE = /^\s*(true|false)\s*$/i;
const POINTS_PER_INCH = 72;
/**
 * SheetSpec widths are Excel character units as stored in .xlsx (what exceljs writes): one unit is
 * the width of a digit of the default font, 7 pixels for 11 pt 等线/Calibri, and a pixel is 0.75 pt.
 * A column of width 10 is 70 px = 52.5 pt, as Excel shows it.
 */
const PIXELS_PER_CHARACTER = 7;
const POINTS_PER_PIXEL = 0.75;

/** Office.js column width (points) of a width in Excel character units. */
export function characterWidthToPoints(width: number): number {
  return Math.round(width * PIXELS_PER_CHARACTER) * POINTS_PER_PIXEL;
}

/** Text that Excel would not keep as typed (a formula, a number, a date, a boolean). */
export function needsTextFormat(text: string): boolean {
  return FORMULA_LIKE.test(text) || DATA_LIKE.test(text) || BOOLEAN_LIKE.test(text);
}

/** "A1:E39" of a 0-based rectangle; "B7" for one cell. */
export function rectAddress(rect: Rect): string {
  const from = a1(rect.top + 1, rect.left + 1);
  return rect.top === rect.bottom && rect.left === rect.right
    ? from
    : `${from}:${a1(rect.bottom + 1, rect.right + 1)}`;
}

/** "B:D" for 0-based columns 1 to 3. */
export function columnsAddress(from: number, to: number): string {
  return `${columnLetters(from + 1)}:${columnLetters(to + 1)}`;
}

/** "3:3" for 0-based row 2. */
export function rowsAddress(from: number, to: number): string {
  return `${from + 1}:${to + 1}`;
}

function lookOf(style: CellStyleName, col: number): CellLook {
  const entry = XLSX_STYLES[style];
  // The 预算年度 line sits in the middle of the department line; only the first item is flush left.
  const horizontal = style === "meta" && col > 0 ? "center" : entry.alignment.horizontal;
  return {
    bold: entry.font.bold === true,
    size: entry.font.size ?? BODY_SIZE,
    horizontal:
      horizontal === "center"
        ? "Center"
        : horizontal === "right"
          ? "Right"
          : horizontal === "left"
            ? "Left"
            : "General",
    wrapText: entry.alignment.wrapText === true,
    ...(entry.fill ? { fill: `#${entry.fill.slice(-6)}` } : {}),
    bordered: entry.bordered,
  };
}

/** A blank cell in a ruled row: borders and the body font, nothing else. */
const RULED_BLANK: CellLook = {
  bold: false,
  size: BODY_SIZE,
  horizontal: "General",
  wrapText: false,
  bordered: true,
};

function lookKey(look: CellLook): string {
  return [
    look.bold,
    look.size,
    look.horizontal,
    look.wrapText,
    look.fill ?? "",
    look.bordered,
  ].join("|");
}

function cellContent(
  cell: SpecCell,
  zeroAs: SheetSpec["zeroAs"]
): { value: string | number; numberFormat: string } {
  const v = cell.value;
  switch (v.kind) {
    case "text":
      return {
        value: v.text,
        numberFormat:
          cell.style === "code" || needsTextFormat(v.text) ? TEXT_FORMAT : GENERAL_FORMAT,
      };
    case "integer":
      return { value: v.value, numberFormat: GENERAL_FORMAT };
    case "amount":
      return {
        value: v.value.isZero() && zeroAs === "blank" ? "" : moneyToNumber(v.value),
        numberFormat: amountFormat(v.decimals),
      };
    case "empty":
      return {
        value: "",
        numberFormat:
          cell.style === "amount" || cell.style === "totalAmount"
            ? "0.00"
            : cell.style === "code"
              ? TEXT_FORMAT
              : GENERAL_FORMAT,
      };
  }
}

/**
 * Groups equal keys of a matrix into rectangles: runs along each row, stacked while the run below
 * has the same extent. A table's looks come out as a few column bands and header blocks.
 */
export function groupRects<K>(keys: (K | undefined)[][]): Map<K, Rect[]> {
  const groups = new Map<K, Rect[]>();
  let open = new Map<string, { key: K; rect: Rect }>();
  const close = (entry: { key: K; rect: Rect }) => {
    let list = groups.get(entry.key);
    if (!list) groups.set(entry.key, (list = []));
    list.push(entry.rect);
  };
  keys.forEach((row, r) => {
    const next = new Map<string, { key: K; rect: Rect }>();
    for (let c = 0; c < row.length;) {
      const key = row[c];
      let end = c;
      while (end + 1 < row.length && row[end + 1] === key) end++;
      if (key !== undefined) {
        const id = `${c}:${end}:${String(key)}`;
        const above = open.get(id);
        if (above && above.key === key) {
          above.rect.bottom = r;
          next.set(id, above);
          open.delete(id);
        } else next.set(id, { key, rect: { top: r, left: c, bottom: r, right: end } });
      }
      c = end + 1;
    }
    open.forEach(close);
    open = next;
  });
  open.forEach(close);
  // Rectangles in reading order within each group, so a layout is stable and easy to inspect.
  groups.forEach((rects) => rects.sort((a, b) => a.top - b.top || a.left - b.left));
  return groups;
}

/** Heights of the header rows and the notes (the xlsx estimate), and the title row's own height. */
function rowHeights(
  spec: SheetSpec,
  widths: readonly number[]
): Array<{ row: number; height: number }> {
  const heights = new Map<number, number>([[0, TITLE_ROW_HEIGHT]]);
  for (const [row, height] of estimatedRowHeights(spec, widths))
    if (row > 0) heights.set(row, Math.max(height, MIN_ROW_HEIGHT));
  return [...heights].sort(([a], [b]) => a - b).map(([row, height]) => ({ row, height }));
}

function inches(value: number): number {
  return Math.round(value * POINTS_PER_INCH * 10) / 10;
}

function layoutSheet(spec: SheetSpec, name: string): SheetLayout {
  const rows = spec.rowCount;
  const cols = spec.columnCount;
  const values: (string | number)[][] = Array.from({ length: rows }, () =>
    Array<string>(cols).fill("")
  );
  const numberFormats: string[][] = Array.from({ length: rows }, () =>
    Array<string>(cols).fill(GENERAL_FORMAT)
  );
  const looks: (CellLook | undefined)[][] = Array.from({ length: rows }, () =>
    Array<CellLook | undefined>(cols).fill(undefined)
  );
  for (const cell of spec.cells) {
    if (cell.row >= rows || cell.col >= cols) continue;
    const { value, numberFormat } = cellContent(cell, spec.zeroAs);
    values[cell.row][cell.col] = value;
    numberFormats[cell.row][cell.col] = numberFormat;
    looks[cell.row][cell.col] = lookOf(cell.style, cell.col);
  }
  const merges = spec.merges.filter(
    (m) => (m.bottom > m.top || m.right > m.left) && m.bottom < rows && m.right < cols
  );
  // Every cell of a merged area carries the area's look, or Excel draws its borders broken.
  for (const m of merges) {
    const look = looks[m.top][m.left];
    if (!look) continue;
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) {
        looks[r][c] = look;
        numberFormats[r][c] = numberFormats[m.top][m.left];
      }
  }
  // A spec may leave a blank cell out of a ruled row; the row is still a ruled line of the table.
  looks.forEach((row) => {
    if (!row.some((look) => look?.bordered)) return;
    row.forEach((look, c) => {
      if (!look) row[c] = RULED_BLANK;
    });
  });

  const byKey = new Map<string, CellLook>();
  const keys = looks.map((row) =>
    row.map((look) => {
      if (!look) return undefined;
      const key = lookKey(look);
      if (!byKey.has(key)) byKey.set(key, look);
      return key;
    })
  );
  const areas = [...groupRects(keys)].map(([key, rects]) => ({ look: byKey.get(key)!, rects }));
  const widths = columnWidths(spec);
  const { from, to } = spec.printTitleRows;
  return {
    name,
    rowCount: rows,
    columnCount: cols,
    values,
    numberFormats,
    fontName: FONT_NAME,
    fontSize: BODY_SIZE,
    areas,
    merges,
    columnWidths: widths.map(characterWidthToPoints),
    rowHeights: rowHeights(spec, widths),
    freezeRows: spec.headerRows,
    page: {
      orientation: spec.page.orientation === "landscape" ? "Landscape" : "Portrait",
      paperSize: "A4",
      fitToWidth: spec.page.fitToWidth,
      printTitleRows: to >= from ? `$${from + 1}:$${to + 1}` : undefined,
      printArea: rectAddress({
        top: 0,
        left: 0,
        bottom: Math.max(0, rows - 1),
        right: Math.max(0, cols - 1),
      }),
      centerHorizontally: true,
      margins: {
        left: inches(0.4),
        right: inches(0.4),
        top: inches(0.6),
        bottom: inches(0.6),
        header: inches(0.3),
        footer: inches(0.3),
      },
      centerFooter: "第 &P 页，共 &N 页",
    },
  };
}

/**
 * The layouts of all tables of one generation, named as the exported .xlsx names them.
 *
 * @example
 * const layouts = layoutSheets(buildSheets(figures, department, template));
 */
export function layoutSheets(specs: readonly SheetSpec[]): SheetLayout[] {
  const names = safeSheetNames(specs.map((spec) => spec.sheetName));
  return specs.map((spec, i) => layoutSheet(spec, names[i]));
}

/** Chart columns start one blank column to the right of the table. */
const CHART_GAP = 1;
const CHART_WIDTH_COLUMNS = 8;
const CHART_HEIGHT_ROWS = 18;

/**
 * Where the 类 chart goes: its data two columns wide beside the table on `chart.sheet`, the chart
 * to the right of its data. Undefined when that sheet is not among the specs or there are no bars.
 */
export function chartLayout(
  specs: readonly SheetSpec[],
  layouts: readonly SheetLayout[],
  chart: ChartData
): ChartLayout | undefined {
  const sheetIndex = specs.findIndex((spec) => spec.sheetName === chart.sheet);
  const count = Math.min(chart.categories.length, chart.values.length);
  if (sheetIndex < 0 || count === 0) return undefined;
  const left = layouts[sheetIndex].columnCount + CHART_GAP;
  const values: (string | number)[][] = [["类", "金额（万元）"]];
  const numberFormats: string[][] = [[TEXT_FORMAT, TEXT_FORMAT]];
  for (let i = 0; i < count; i++) {
    values.push([chart.categories[i], chart.values[i]]);
    numberFormats.push([TEXT_FORMAT, "0.00"]);
  }
  const chartLeft = left + 3;
  return {
    sheetIndex,
    title: chart.title,
    dataRect: { top: 0, left, bottom: count, right: left + 1 },
    values,
    numberFormats,
    from: a1(2, chartLeft + 1),
    to: a1(1 + CHART_HEIGHT_ROWS, chartLeft + CHART_WIDTH_COLUMNS),
  };
}
