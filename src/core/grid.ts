/**
 * A Grid is what every host hands the engine: the values of one rectangular range, as Office.js
 * `range.values` returns them, plus where that range sits on its sheet.
 */
export type CellValue = string | number | boolean | null | undefined;

/** A rectangle on a sheet, 1-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A cell whose value, as the Grid holds it, is not what the sheet shows: a formula saved without
 * its result (read as blank), a date (read as its text, 2024-01-05, never as a serial number).
 */
export interface CellNote {
  /** 1-based sheet row and column. */
  row: number;
  col: number;
  kind: "formulaWithoutValue" | "date";
  /** The formula (=SUM(C7:C9)) or the date as written. */
  text?: string;
}

export interface Grid {
  sheet: string;
  /** 1-based sheet row and column of `values[0][0]`. */
  origin: { row: number; col: number };
  values: CellValue[][];
  /** Number formats, same shape as `values`, where the host provides them. */
  numberFormats?: string[][];
  /** Merged areas in sheet coordinates, where the host provides them. */
  merges?: CellRange[];
  /** 1-based sheet rows the host reports hidden (where it can tell). */
  hiddenRows?: number[];
  /** 1-based sheet columns the host reports hidden. */
  hiddenColumns?: number[];
  /** The whole sheet is hidden in the workbook. */
  sheetHidden?: boolean;
  /** Cells whose value cannot be taken as shown, in sheet coordinates (sparse). */
  cellNotes?: CellNote[];
}

/** 1 → "A", 27 → "AA". */
export function columnLetters(col: number): string {
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** "AB12" → 28 (column number); the inverse of {@link columnLetters}. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A1 address of a 1-based sheet position. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** Parses "B7", "$B$7" or "Sheet1!B7" (the sheet part is returned separately). */
export function parseA1(address: string): { sheet?: string; row: number; col: number } | undefined {
  const bang = address.lastIndexOf("!");
  const sheet =
    bang >= 0
      ? address
          .slice(0, bang)
          .replace(/^'(.*)'$/, "$1")
          .replace(/''/g, "'")
      : undefined;
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)/.exec(address.slice(bang + 1));
  if (!match) return undefined;
  return { sheet, row: Number(match[2]), col: columnNumber(match[1]) };
}

/** Sheet address of the cell at grid index (r, c). */
export function gridAddress(grid: Grid, r: number, c: number): string {
  return a1(grid.origin.row + r, grid.origin.col + c);
}

/** A Grid from plain values, starting at A1 unless told otherwise. */
export function makeGrid(sheet: string, values: CellValue[][], origin = { row: 1, col: 1 }): Grid {
  return { sheet, origin, values };
}

const noteIndex = new WeakMap<Grid, Map<string, CellNote>>();

/** The host's note on the cell at grid index (r, c), if any. */
export function noteAt(grid: Grid, r: number, c: number): CellNote | undefined {
  if (!grid.cellNotes || grid.cellNotes.length === 0) return undefined;
  let index = noteIndex.get(grid);
  if (!index) {
    index = new Map(grid.cellNotes.map((n) => [`${n.row},${n.col}`, n]));
    noteIndex.set(grid, index);
  }
  return index.get(`${grid.origin.row + r},${grid.origin.col + c}`);
}

/**
 * Whether a number format shows a date or a time (yyyy/m/d, mm-dd-yy, yyyy"年"m"月"d"日", h:mm):
 * quoted text, escaped and padding characters and [colour]/[$locale] sections are left out first.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === "General" || format === "@") return false;
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[[^\]]*\]/g, "");
  return /[ymdhs]/i.test(bare) || /[年月日]/.test(format.replace(/"[^"]*"/g, ""));
}

/** An Excel serial date (1900 system) as ISO yyyy-mm-dd. */
export function serialDateText(serial: number): string {
  // Day 60 is Excel's phantom 1900-02-29; serials after it are one day ahead of the calendar.
  const days = serial > 60 ? serial - 1 : serial;
  const ms = Date.UTC(1899, 11, 31) + Math.floor(days) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}
