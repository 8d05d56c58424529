/**
 * Pure helpers of the workbook reader: merged-area addresses as Excel reports them, the plan for
 * reading used ranges too large for one request in row bands, and what the values alone do not
 * show (dates, hidden rows and columns).
 */
import type { CellNote, CellRange, CellValue, Grid } from "../../core/grid";
import { isDateFormat, parseA1, serialDateText } from "../../core/grid";

/** A used range, 0-based as Office.js reports it (rowIndex, columnIndex, rowCount, columnCount). */
export interface Extent {
  /** Index of the sheet in the workbook. */
  sheet: number;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/**
 * The rectangles of a RangeAreas address, e.g. "'表1 收支总表'!A1:E1, '表1 收支总表'!A2:B2".
 * Only what follows each "!" is read, so a comma or a quote in the sheet name does not matter.
 */
export function parseAreaAddresses(address: string): CellRange[] {
  const areas: CellRange[] = [];
  const pattern = /!(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?(?=\s*,|\s*$)/g;
  for (let match = pattern.exec(address); match; match = pattern.exec(address)) {
    const from = parseA1(match[1]);
    const to = parseA1(match[2] ?? match[1]);
    if (!from || !to) continue;
    areas.push({
      top: Math.min(from.row, to.row),
      left: Math.min(from.col, to.col),
      bottom: Math.max(from.row, to.row),
      right: Math.max(from.col, to.col),
    });
  }
  return areas;
}

/**
 * Splits used ranges into row bands of at most `maxCells` cells (at least one row each) and packs
 * the bands, in sheet order, into requests of at most `maxCells` cells. A band is an Extent too,
 * so a request refused as too large can be planned again with a smaller budget.
 */
export function planChunks(extents: readonly Extent[], maxCells: number): Extent[][] {
  const budget = Math.max(1, Math.floor(maxCells));
  const bands: Extent[] = [];
  for (const extent of extents) {
    if (extent.rowCount <= 0 || extent.columnCount <= 0) continue;
    const rowsPerBand = Math.max(1, Math.floor(budget / extent.columnCount));
    for (let offset = 0; offset < extent.rowCount; offset += rowsPerBand)
      bands.push({
        ...extent,
        rowIndex: extent.rowIndex + offset,
        rowCount: Math.min(rowsPerBand, extent.rowCount - offset),
      });
  }
  const requests: Extent[][] = [];
  let current: Extent[] = [];
  let cells = 0;
  for (const band of bands) {
    const size = band.rowCount * band.columnCount;
    if (current.length > 0 && cells + size > budget) {
      requests.push(current);
      current = [];
      cells = 0;
    }
    current.push(band);
    cells += size;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

/**
 * Excel gives a date as its serial number (45296) in a date format: the Grid holds its text
 * (2024-01-05) and a note, so that it is never read as an amount of 45,296.
 */
export function noteDates(grid: Grid): Grid {
  const formats = grid.numberFormats;
  if (!formats) return grid;
  const notes: CellNote[] = [...(grid.cellNotes ?? [])];
  const values: CellValue[][] = grid.values.map((row, r) =>
    row.map((value, c) => {
      if (typeof value !== "number" || !isDateFormat(formats[r]?.[c])) return value;
      const text = serialDateText(value);
      notes.push({ row: grid.origin.row + r, col: grid.origin.col + c, kind: "date", text });
      return text;
    })
  );
  return notes.length > (grid.cellNotes?.length ?? 0)
    ? { ...grid, values, cellNotes: notes }
    : grid;
}

/**
 * The hidden rows (or columns) of a span from what Excel reports: `whole` is the span's own
 * rowHidden (true: all, false: none, null: some), `each` the state of each row when it was null.
 */
export function hiddenIndexes(
  first: number,
  count: number,
  whole: boolean | null,
  each?: readonly (boolean | null)[]
): number[] {
  if (whole === false || count <= 0) return [];
  if (whole === true) return Array.from({ length: count }, (_, i) => first + i);
  return (each ?? []).flatMap((hidden, i) => (hidden ? [first + i] : []));
}
