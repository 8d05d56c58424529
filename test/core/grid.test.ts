import { isDateFormat, noteAt, serialDateText } from "../../src/core/grid";
import type { Grid } from "../../src/core/grid";

describe("isDateFormat", () => {
  it.each([
    "yyyy/m/d",
    "m/d/yy",
    "yyyy-mm-dd",
    'yyyy"年"m"月"d"日"',
    "h:mm",
    "[$-F800]dddd, mmmm dd, yyyy",
  ])("takes %s for a date or time", (format) => expect(isDateFormat(format)).toBe(true));
  it.each([
    undefined,
    "General",
    "@",
    "0.00",
    "#,##0.00",
    '#,##0.00"万元"',
    "[Red]-#,##0.00",
    "0.00_);\\(0.00\\)",
  ])("takes %s for no date", (format) => expect(isDateFormat(format)).toBe(false));
});

describe("serialDateText", () => {
  it("reads Excel's 1900 serial numbers, past its phantom 1900-02-29", () => {
    expect(serialDateText(1)).toBe("1900-01-01");
    expect(serialDateText(59)).toBe("1900-02-28");
    expect(serialDateText(61)).toBe("1900-03-01");
    expect(serialDateText(45296)).toBe("2024-01-05");
    expect(serialDateText(45296.75)).toBe("2024-01-05");
  });
});

describe("noteAt", () => {
  it("finds a note by grid index, in sheet coordinates past the origin", () => {
    const grid: Grid = {
      sheet: "表",
      origin: { row: 3, col: 2 },
      values: [["", ""]],
      cellNotes: [{ row: 3, col: 3, kind: "date", text: "2024-01-05" }],
    };
    expect(noteAt(grid, 0, 1)).toMatchObject({ kind: "date" });
    expect(noteAt(grid, 0, 0)).toBeUndefined();
  });
});
