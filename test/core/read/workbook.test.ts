import { makeGrid } from "../../../src/core/grid";
import { readWorkbook, splitAtTitles } from "../../../src/core/read/workbook";
import { cloneGrid, loadFixture } from "../../helpers/fixtures";

describe("splitAtTitles", () => {
  it("opens a table at a title that does not say 表 when a table's first lines follow", () => {
    const grid = makeGrid("Sheet1", [
      ["部门预算收支总表"],
      ["单位：万元"],
      ["项目", "预算数"],
      ["本年收入合计", 1],
      [],
      ["部门政府采购预算"],
      ["某某局", "", "单位：万元"],
      ["项目名称", "采购物品名称", "数量", "单价", "政府采购金额"],
    ]);
    expect(splitAtTitles(grid).map((b) => [b.kind, b.grid.origin.row])).toEqual([
      ["收支总表", 1],
      ["政府采购表", 6],
    ]);
  });

  it("starts a table at its number printed alone on the line above its title (表1, 公开表1-1)", () => {
    const grid = makeGrid("Sheet1", [
      ["表1"],
      ["部门收支总表"],
      ["项目", "预算数"],
      ["本年收入合计", 1],
      [],
      ["公开表1-1"],
      [],
      ["部门收入总表"],
      ["科目编码", "科目名称", "合计"],
      ["", "合计", 1],
    ]);
    // Before: 表1 was a block of its own (table.unrecognized), 公开表1-1 a row of the 收支总表.
    expect(splitAtTitles(grid).map((b) => [b.kind, b.grid.origin.row])).toEqual([
      ["收支总表", 1],
      ["收入总表", 6],
    ]);
    expect(readWorkbook([grid]).findings).toEqual([]);
  });

  it("does not take a row label that names a table's subject for a title", () => {
    const grid = makeGrid("Sheet1", [
      ["部门预算收支总表"],
      ["项目", "预算数"],
      ["二十二、国有资本经营预算支出"],
      ["二十三、灾害防治及应急管理支出"],
    ]);
    expect(splitAtTitles(grid)).toHaveLength(1);
  });
});

describe("readWorkbook", () => {
  it("recognises an empty table by its title and its note, with no header", async () => {
    const grids = (await loadFixture("quyang-2024")).map(cloneGrid);
    const fund = grids.find((g) => g.sheet === "政府性基金支出表")!;
    fund.values = [
      fund.values[0],
      fund.values[1],
      ["注：本部门无政府性基金预算财政拨款支出，本表为空表。", "", "", "", "", ""],
    ];
    fund.merges = [];
    const model = readWorkbook(grids);
    const table = model.tables.find((t) => t.kind === "政府性基金支出表");
    expect(table?.table.notes.map((n) => n.address)).toEqual(["A3"]);
    expect(table?.table.year?.value).toBe(2024);
    expect(model.findings).toEqual([]);
  });

  it("does not take a title with no header and no empty note for a table", () => {
    const model = readWorkbook([makeGrid("Sheet1", [["政府性基金预算支出表"], ["单位：万元"]])]);
    expect(model.tables).toEqual([]);
  });

  it("reads a table that starts in another column, given as a used range", async () => {
    const grid = cloneGrid((await loadFixture("tunliu-2024")).find((g) => g.sheet === "支出总表")!);
    const moved = {
      ...grid,
      origin: { row: 4, col: 3 },
      merges: (grid.merges ?? []).map((m) => ({
        top: m.top + 3,
        bottom: m.bottom + 3,
        left: m.left + 2,
        right: m.right + 2,
      })),
    };
    const table = readWorkbook([moved]).tables[0].table;
    expect(table.sides[0].rows[0].cells[0].address).toBe("E9");
    expect(table.department?.address).toBe("C6");
  });
});

describe("a table outside the standard set, stacked under a standard one", () => {
  it("ends the table above it, so its rows are not read as that table's", () => {
    const grid = makeGrid("Sheet1", [
      ["部门预算支出总表"],
      ["单位：万元"],
      ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
      ["", "合计", 10, 4, 6],
      ["201", "一般公共服务支出", 10, 4, 6],
      [],
      ["部门基本情况表"],
      ["单位：人"],
      ["项目", "编制数", "实有人数"],
      ["行政编制", 12, 11],
    ]);
    const blocks = splitAtTitles(grid);
    expect(blocks.map((b) => [b.kind, b.otherTable, b.grid.origin.row])).toEqual([
      ["支出总表", undefined, 1],
      [undefined, true, 7],
    ]);
    const expenditure = readWorkbook([grid]).tables.find((t) => t.kind === "支出总表")!;
    expect(expenditure.table.sides[0].rows.map((r) => r.label)).toEqual([
      "合计",
      "一般公共服务支出",
    ]);
  });

  it("does not take the table number under a title (预算公开表3) for a title of its own", () => {
    const grid = makeGrid("Sheet1", [
      ["2024年预算支出总表"],
      ["预算公开表3"],
      ["部门名称：某局", "", "", "", "单位：万元"],
      ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
      ["", "合计", 10, 4, 6],
    ]);
    expect(splitAtTitles(grid)).toHaveLength(1);
  });
});
