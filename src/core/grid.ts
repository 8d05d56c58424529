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

export interface Grid {
  sheet: string;
  /** 1-based sheet row and column of `values[0][0]`. */
  origin: { row: number; col: number };
  values: CellValue[][];
  /** Number formats, same shape as `values`, where the host provides them. */
  numberFormats?: string[][];
  /** Merged areas in sheet coordinates, where the host provides them. */
  merges?: CellRange[];
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
