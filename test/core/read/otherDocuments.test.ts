/*
 * Tables that look like a department's disclosure tables but are a government's budget, a budget
 * execution report or a list of items: set aside by what they are (title words, column captions,
 * row labels), while a department's tables worded alike are still read.
 */
import { makeGrid } from "../../../src/core/grid";
import type { CellValue } from "../../../src/core/grid";
import { readWorkbook } from "../../../src/core/read/workbook";
import { loadFixture } from "../../helpers/fixtures";

type Rows = CellValue[][];

/** A coded expenditure table under `title` with the given columns and three coded rows. */
function codedTable(title: string, columns: string[], meta: CellValue[] = ["单位：万元"]): Rows {
  const row = (code: string, name: string, amount: number): CellValue[] => [
    code,
    name,
    ...columns.map(() => amount),
  ];
  return [
    [title],
    meta,
    ["科目编码", "科目名称", ...columns],
    ["", "合计", ...columns.map(() => 300)],
    row("201", "一般公共服务支出", 300),
    row("20132", "组织事务", 300),
    row("2013201", "行政运行", 300),
  ];
}

function read(rows: Rows, sheet = "Sheet1") {
  return readWorkbook([makeGrid(sheet, rows)]);
}

describe("a government's budget is no department's table", () => {
  it("by its title: an area, a year and a fund's budget (曲阳县2024年一般公共预算支出预算表)", () => {
    const model = read(codedTable("曲阳县2024年一般公共预算支出预算表", ["预算数"]));
    expect(model.tables).toEqual([]);
    expect(model.otherDocuments).toEqual([
      expect.objectContaining({
        kind: "governmentBudget",
        source: "title",
        sheet: "Sheet1",
        cell: "A1",
        title: "曲阳县2024年一般公共预算支出预算表",
      }),
    ]);
  });

  it.each([
    "全县政府性基金预算支出表",
    "市本级2024年国有资本经营预算支出表",
    "2024年某某市一般公共预算支出表",
  ])("by its title: “%s”", (title) => {
    expect(read(codedTable(title, ["预算数"])).otherDocuments?.[0]?.kind).toBe("governmentBudget");
  });

  it("by its columns: what it spends itself beside what it passes down (本级 | 补助下级)", () => {
    const model = read(
      codedTable("2024年一般公共预算支出表", ["合计", "本级支出", "补助下级支出"])
    );
    expect(model.tables).toEqual([]);
    expect(model.otherDocuments?.[0]).toMatchObject({
      kind: "governmentBudget",
      source: "column",
      evidence: "补助下级支出",
    });
  });

  it("by its income lines: taxes (税收收入, 增值税 …) are no department's income", () => {
    const model = read([
      ["2024年收支预算总表"],
      ["单位：万元"],
      ["收入", "", "支出", ""],
      ["项目", "预算数", "项目", "预算数"],
      ["一、税收收入", 520, "一、一般公共服务支出", 210],
      ["增值税", 180, "二、教育支出", 480],
      ["二、非税收入", 140, "", ""],
      ["收入总计", 660, "支出总计", 690],
    ]);
    expect(model.tables).toEqual([]);
    expect(model.otherDocuments?.[0]).toMatchObject({
      kind: "governmentBudget",
      source: "row",
      evidence: "税收收入",
    });
  });

  // Worded as a government's table might be, but a department's: they must still be read.
  it.each([
    ["2024年一般公共预算支出预算表（不含上年结转）", ["合计", "基本支出", "项目支出"]],
    ["中共长治市屯留区委组织部2024年一般公共预算支出表", ["合计", "基本支出", "项目支出"]],
    ["某某县2024年部门预算一般公共预算支出表", ["合计", "基本支出", "项目支出"]],
    ["某某县2024年一般公共预算财政拨款支出表", ["合计", "基本支出", "项目支出"]],
    ["2024年一般公共预算支出表", ["2023年预算数", "2024年预算数", "增减%"]],
    ["某某市2024年一般公共预算支出表", ["合计", "基本支出", "项目支出"]],
  ])("still reads a department's “%s”", (title, columns) => {
    const model = read(codedTable(title, columns, ["部门名称：某某局", "单位：万元"]));
    expect(model.otherDocuments).toEqual([]);
    expect(model.tables.map((t) => t.kind)).toEqual(["一般公共预算支出表"]);
  });
});

describe("a budget execution report is no disclosure table", () => {
  it("by its title (…执行情况表), though it names a standard table", () => {
    const model = read(
      codedTable("2024年6月一般公共预算支出执行情况表", ["年初预算数", "调整预算数", "累计执行"])
    );
    expect(model.tables).toEqual([]);
    expect(model.otherDocuments?.[0]).toMatchObject({ kind: "execution", source: "title" });
  });

  it.each([
    "2024年一般公共预算支出预算及2023年执行情况表",
    "一般公共预算支出预算表（含上年执行数）",
  ])("but this year's budget beside last year's outturn is a disclosure table: “%s”", (title) => {
    const model = read(codedTable(title, ["预算数"]));
    expect(model.otherDocuments).toEqual([]);
    expect(model.tables.map((t) => t.kind)).toEqual(["一般公共预算支出表"]);
  });

  it("by its columns (累计执行, 执行率) under a standard table's title", () => {
    const model = read(codedTable("2024年一般公共预算支出表", ["预算数", "累计执行数", "执行率"]));
    expect(model.tables).toEqual([]);
    expect(model.otherDocuments?.[0]).toMatchObject({
      kind: "execution",
      source: "column",
      evidence: "累计执行数",
    });
  });
});

describe("a list of items is no 政府采购预算表", () => {
  const items: Rows = [
    ["序号", "资产名称", "规格型号", "计量单位", "数量", "单价", "金额"],
    ["1", "台式计算机", "M720", "台", 10, 0.5, 5],
    ["2", "打印机", "M405", "台", 4, 0.3, 1.2],
  ];

  it("without a title: 数量 × 单价 = 金额 and nothing about funding", () => {
    const model = read(items);
    expect(model.tables).toEqual([]);
    expect(model.otherDocuments).toEqual([
      expect.objectContaining({ kind: "itemList", sheet: "Sheet1", cell: "A1" }),
    ]);
  });

  it("titled 政府采购明细 (no 预算) with no fund columns", () => {
    const model = read([["某局2024年政府采购明细表"], ["单位：万元"], ...items]);
    expect(model.tables).toEqual([]);
    expect(model.otherDocuments?.[0]?.kind).toBe("itemList");
  });

  it("a 政府采购预算表 without 预算 in its title is read when its columns name the funds", () => {
    const model = read([
      ["部门政府采购表"],
      ["单位：万元"],
      ["采购物品名称", "数量", "单价", "合计", "一般公共预算拨款", "单位资金"],
      ["台式计算机", 10, 0.5, 5, 5, ""],
    ]);
    expect(model.otherDocuments).toEqual([]);
    expect(model.tables.map((t) => t.kind)).toEqual(["政府采购表"]);
  });
});

describe("the published disclosures are read as before", () => {
  it.each(["quyang-2024", "tunliu-2024"])("%s: no table is set aside", async (name) => {
    const model = readWorkbook(await loadFixture(name));
    expect(model.otherDocuments).toEqual([]);
    expect(model.tables.length).toBeGreaterThan(9);
  });
});
