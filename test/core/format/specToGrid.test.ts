import type { SheetSpec } from "../../../src/core/format/sheetSpec";
import { specToGrid } from "../../../src/core/format/specToGrid";
import { Money } from "../../../src/core/money";

function spec(zeroAs: SheetSpec["zeroAs"]): SheetSpec {
  return {
    sheetName: "表3 支出总表",
    title: "部门预算支出总表",
    kind: "支出总表",
    rowCount: 3,
    columnCount: 4,
    cells: [
      { row: 0, col: 0, value: { kind: "text", text: "部门预算支出总表" }, style: "title" },
      { row: 1, col: 0, value: { kind: "integer", value: 1 }, style: "text" },
      { row: 1, col: 1, value: { kind: "text", text: "2013201" }, style: "code" },
      {
        row: 1,
        col: 2,
        value: { kind: "amount", value: new Money("12.96"), decimals: 2 },
        style: "amount",
      },
      {
        row: 1,
        col: 3,
        value: { kind: "amount", value: new Money(0), decimals: 2 },
        style: "amount",
      },
      { row: 2, col: 0, value: { kind: "empty" }, style: "amount" },
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
    columnWidths: [6, 11, 14, 14],
    headerRows: 1,
    printTitleRows: { from: 0, to: 0 },
    page: { orientation: "portrait", paper: "A4", fitToWidth: true },
    zeroAs,
  };
}

describe("specToGrid", () => {
  it("holds values as Office.js does: numbers, texts, merged areas in their top-left cell", () => {
    const grid = specToGrid(spec("blank"));
    expect(grid.sheet).toBe("表3 支出总表");
    expect(grid.origin).toEqual({ row: 1, col: 1 });
    expect(grid.values).toEqual([
      ["部门预算支出总表", "", "", ""],
      [1, "2013201", 12.96, ""],
      ["", "", "", ""],
    ]);
    expect(grid.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }]);
  });

  it("writes zeros as 0 when the spec prints them", () => {
    expect(specToGrid(spec("0.00")).values[1][3]).toBe(0);
  });

  it("formats amounts 0.00 (blank ones too) and codes as text", () => {
    const formats = specToGrid(spec("blank")).numberFormats!;
    expect(formats[1]).toEqual(["General", "@", "0.00", "0.00"]);
    expect(formats[2][0]).toBe("0.00");
  });
});
