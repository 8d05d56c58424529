import type { Grid } from "../../../src/core/grid";
import {
  Extent,
  hiddenIndexes,
  noteDates,
  parseAreaAddresses,
  planChunks,
} from "../../../src/taskpane/excel/reading";

describe("parseAreaAddresses", () => {
  test("reads each area of a RangeAreas address", () => {
    expect(
      parseAreaAddresses("'表1 收支总表'!A1:E1, '表1 收支总表'!$B$3:$C$4, '表1 收支总表'!F9")
    ).toEqual([
      { top: 1, left: 1, bottom: 1, right: 5 },
      { top: 3, left: 2, bottom: 4, right: 3 },
      { top: 9, left: 6, bottom: 9, right: 6 },
    ]);
  });

  test("is not misled by commas and exclamation marks in the sheet name", () => {
    expect(parseAreaAddresses("'收入,支出!'!A1:B2,'收入,支出!'!C3:D4")).toEqual([
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 3, left: 3, bottom: 4, right: 4 },
    ]);
  });

  test("returns nothing for an empty address", () => {
    expect(parseAreaAddresses("")).toEqual([]);
  });
});

describe("planChunks", () => {
  const extent = (sheet: number, rowCount: number, columnCount: number): Extent => ({
    sheet,
    rowIndex: 2,
    columnIndex: 1,
    rowCount,
    columnCount,
  });

  test("splits a large range into row bands of at most the budget", () => {
    const requests = planChunks([extent(0, 100, 7)], 70);
    expect(requests).toHaveLength(10);
    requests.forEach(([band]) => expect(band.rowCount * band.columnCount).toBeLessThanOrEqual(70));
    expect(requests.flat().map((b) => b.rowIndex)).toEqual([2, 12, 22, 32, 42, 52, 62, 72, 82, 92]);
  });

  test("packs small ranges of several sheets into one request", () => {
    const requests = planChunks(
      [extent(0, 3, 5), extent(1, 4, 5), extent(2, 0, 0), extent(3, 2, 5)],
      100
    );
    expect(requests).toHaveLength(1);
    expect(requests[0].map((b) => b.sheet)).toEqual([0, 1, 3]);
  });

  test("covers every row exactly once, and gives a row wider than the budget a request of its own", () => {
    const requests = planChunks([extent(0, 5, 50), extent(1, 9, 3)], 20);
    const rows = requests.flat().filter((b) => b.sheet === 0);
    expect(rows.map((b) => b.rowCount)).toEqual([1, 1, 1, 1, 1]);
    expect(
      requests
        .flat()
        .filter((b) => b.sheet === 1)
        .reduce((n, b) => n + b.rowCount, 0)
    ).toBe(9);
    requests
      .filter((request) => request.some((b) => b.sheet === 1))
      .forEach((request) =>
        expect(request.reduce((n, b) => n + b.rowCount * b.columnCount, 0)).toBeLessThanOrEqual(20)
      );
  });
});

describe("noteDates", () => {
  it("turns a serial number in a date format into its text, with a note in sheet coordinates", () => {
    const grid: Grid = {
      sheet: "表",
      origin: { row: 2, col: 3 },
      values: [[45296, 45296, "2024"]],
      numberFormats: [["yyyy/m/d", "#,##0.00", "yyyy/m/d"]],
    };
    expect(noteDates(grid)).toEqual({
      ...grid,
      values: [["2024-01-05", 45296, "2024"]],
      cellNotes: [{ row: 2, col: 3, kind: "date", text: "2024-01-05" }],
    });
  });

  it("returns a grid without dates unchanged", () => {
    const grid: Grid = {
      sheet: "表",
      origin: { row: 1, col: 1 },
      values: [[1.5]],
      numberFormats: [["0.00"]],
    };
    expect(noteDates(grid)).toBe(grid);
  });
});

describe("hiddenIndexes", () => {
  it("reads Excel's rowHidden: true for all, false for none, null for some", () => {
    expect(hiddenIndexes(5, 3, true)).toEqual([5, 6, 7]);
    expect(hiddenIndexes(5, 3, false)).toEqual([]);
    expect(hiddenIndexes(5, 3, null, [false, true, false])).toEqual([6]);
    expect(hiddenIndexes(5, 0, null)).toEqual([]);
  });
});
