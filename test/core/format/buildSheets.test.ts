import { readFileSync } from "fs";
import path from "path";
import { checkWorkbook } from "../../../src/core/check/workbook";
import { buildSheets } from "../../../src/core/format/buildSheets";
import type { SheetSpec } from "../../../src/core/format/sheetSpec";
import { specToGrid } from "../../../src/core/format/specToGrid";
import type { CellValue, Grid } from "../../../src/core/grid";
import { readLedger } from "../../../src/core/ledger";
import { ledgerFigures } from "../../../src/core/figures/aggregate";
import type { Ledger } from "../../../src/core/ledger";
import type { BudgetFigures } from "../../../src/core/figures/figures";
import { parseTable } from "../../../src/core/read/table";
import type { TemplateId } from "../../../src/core/model";
import { gridsFromXlsx } from "../../../src/io/readXlsx";
import { loadFixtureSheet } from "../../helpers/fixtures";
import { yuanLedger } from "../../helpers/ledgers";
import { amountsByMeaning } from "../../helpers/tables";

const EXAMPLE = path.resolve(__dirname, "../../../examples/quyang-2024-ledger.xlsx");
const LAYOUTS: TemplateId[] = ["hebei", "shanxi", "mof"];

let example: Ledger;
beforeAll(async () => {
  example = readLedger(await gridsFromXlsx(readFileSync(EXAMPLE))).ledger!;
});

const exampleSpecs = (layout: TemplateId, options = {}) =>
  buildSheets(ledgerFigures(example), example.department, layout, options);

function captionsOf(grid: Grid): { title?: string; captions: string[][] } {
  const parsed = parseTable(grid);
  if (!parsed.ok) throw new Error(`${grid.sheet}: ${parsed.message}`);
  return {
    title: parsed.table.title?.text,
    captions: parsed.table.sides.map((side) => side.captions),
  };
}

const HEBEI_SHEETS: [string, string][] = [
  ["表1 收支总表", "收支总表"],
  ["表2 收入总表", "收入总表"],
  ["表3 支出总表", "支出总表"],
  ["表4 财政拨款收支总表", "财政拨款收支总表"],
  ["表5 一般公共预算支出表", "一般公共预算支出表"],
  ["表6 基本支出表", "基本支出表"],
  ["表7 政府性基金支出表", "政府性基金支出表"],
  ["表8 国有资本经营支出表", "国有资本经营支出表"],
  ["表9 三公经费", "三公经费"],
];

describe("buildSheets in the Hebei layout, from the example ledger", () => {
  it("draws quyang's nine tables in the published order, then the 项目支出表", () => {
    expect(exampleSpecs("hebei").map((s) => s.sheetName)).toEqual([
      ...HEBEI_SHEETS.map(([mine]) => mine),
      "表10 项目支出",
    ]);
  });

  it.each(HEBEI_SHEETS)(
    "reproduces quyang-2024's %s: title, captions and every amount",
    async (mine, published) => {
      const spec = exampleSpecs("hebei").find((s) => s.sheetName === mine)!;
      const derived = specToGrid(spec);
      const fixture = await loadFixtureSheet("quyang-2024", published);
      expect(captionsOf(derived)).toEqual(captionsOf(fixture));
      expect(amountsByMeaning(derived)).toEqual(amountsByMeaning(fixture));
    }
  );

  it("re-reads with no error and not even a 舍入差异 (no sum.* finding)", () => {
    const result = checkWorkbook(exampleSpecs("hebei").map(specToGrid));
    expect(result.template).toBe("hebei");
    expect(result.model.tables).toHaveLength(10);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId.startsWith("sum."))).toEqual([]);
  });

  it("lists every project in the 项目支出表, with its 上年结转 apart", () => {
    const projects = amountsByMeaning(specToGrid(exampleSpecs("hebei")[9]));
    expect(projects["0|合计#1|合计"]).toBe("555.78");
    expect(projects["0|合计#1|小计"]).toBe("539.43");
    expect(projects["0|合计#1|上年结转"]).toBe("16.35");
    expect(projects["0|农村党员干部现代远程教育终端站点维护项目经费#1|一般公共预算拨款"]).toBe(
      "40.62"
    );
  });
});

describe.each(["shanxi", "mof"] as const)("buildSheets in the %s layout", (layout) => {
  it("re-reads with no error, no sum.* finding and every required table present", () => {
    const result = checkWorkbook(exampleSpecs(layout).map(specToGrid));
    expect(result.template).toBe(layout);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId.startsWith("sum."))).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId.startsWith("completeness."))).toEqual([]);
  });

  it("shows the same 合计 figures as the Hebei layout", () => {
    const total = (specs: SheetSpec[], kind: string) =>
      amountsByMeaning(specToGrid(specs.find((s) => s.kind === kind)!));
    const hebei = total(exampleSpecs("hebei"), "支出总表");
    const other = total(exampleSpecs(layout), "支出总表");
    for (const caption of ["合计", "基本支出", "项目支出"])
      expect(other[`0|合计#1|${caption}`]).toBe(hebei[`0|合计#1|${caption}`]);
  });
});

describe("buildSheets in the Shanxi layout", () => {
  const sheet = (name: string) =>
    specToGrid(exampleSpecs("shanxi").find((s) => s.sheetName === name)!);

  it("prints the table number and the department line above the header", () => {
    const grid = sheet("表2 收入总表");
    expect(grid.values[0][0]).toBe("2024年预算收入总表");
    expect(grid.values[1][0]).toBe("预算公开表2");
    expect(grid.values[2][0]).toBe("部门名称：中国共产党曲阳县委员会组织部");
    expect(grid.values[2][8]).toBe("单位：万元");
    expect(grid.merges).toEqual(
      expect.arrayContaining([
        { top: 4, left: 1, bottom: 4, right: 2 },
        { top: 4, left: 3, bottom: 4, right: 8 },
        { top: 4, left: 9, bottom: 5, right: 9 },
        { top: 6, left: 1, bottom: 6, right: 2 },
      ])
    );
  });

  it("keeps this year's money and the carry-over apart (表5, 表12 and 表13)", () => {
    expect(amountsByMeaning(sheet("表5 一般公共预算支出表"))["0|合计#1|项目支出"]).toBe("539.43");
    expect(
      amountsByMeaning(sheet("表12 项目支出(本年)"))["0|中国共产党曲阳县委员会组织部#1|合计"]
    ).toBe("539.43");
    expect(
      amountsByMeaning(sheet("表13 项目支出(上年结转)"))["0|中国共产党曲阳县委员会组织部#1|合计"]
    ).toBe("16.35");
  });

  it("prints an empty table with its 合计 row and 注：本表无数据", () => {
    const grid = sheet("表8 政府性基金支出表");
    expect(grid.values.slice(4).map((row) => row[0])).toEqual(["合计", "注：本表无数据"]);
  });

  it("leaves the unit-fund columns out of 表13 when all carried-over project money is 财政拨款", () => {
    expect(sheet("表12 项目支出(本年)").values[3]).toHaveLength(7);
    expect(sheet("表13 项目支出(上年结转)").values[3]).toHaveLength(5);
    expect(sheet("表13 项目支出(上年结转)").values[5]).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("prints the 政府经济 class beside each 部门经济 款 of 表6", () => {
    const rows = sheet("表6 基本支出表").values;
    expect(rows.find((row) => row[0] === "基本工资")?.[1]).toBe("工资奖金津补贴");
    expect(rows.find((row) => row[0] === "工资福利支出")?.[1]).toBe("");
  });

  it("prints no 机关运行经费 for a 事业 unit, only the note", () => {
    const figures: BudgetFigures = { ...ledgerFigures(example), unitNature: "事业" };
    const spec = buildSheets(figures, example.department, "shanxi").find(
      (s) => s.kind === "机关运行经费表"
    )!;
    const grid = specToGrid(spec);
    expect(grid.values.slice(5).map((row) => row.slice(0, 2))).toEqual([
      ["部门合计", ""],
      ["中国共产党曲阳县委员会组织部", ""],
      ["注：本表无数据", ""],
    ]);
  });
});

describe("buildSheets options and spec details", () => {
  it("prints zeros as 0.00 when asked, and still re-reads without error", () => {
    const specs = exampleSpecs("hebei", { zeroAs: "0.00" });
    expect(specs.every((s) => s.zeroAs === "0.00")).toBe(true);
    const grids = specs.map(specToGrid);
    // 支出总表, 合计 row: 经营支出 is a real zero.
    expect(grids[2].values[5][6]).toBe(0);
    expect(grids[2].numberFormats![5][6]).toBe("0.00");
    const result = checkWorkbook(grids);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("freezes the header block and prints wide tables landscape", () => {
    const [summary, income] = exampleSpecs("hebei");
    expect(summary.headerRows).toBe(5);
    expect(summary.printTitleRows).toEqual({ from: 2, to: 4 });
    expect(summary.page.orientation).toBe("portrait");
    expect(income.page.orientation).toBe("landscape");
    expect(income.columnWidths).toHaveLength(income.columnCount);
  });

  it("leaves the year out when the department gives none", () => {
    const specs = buildSheets(ledgerFigures(example), { name: "测试局" }, "shanxi");
    expect(specs[0].title).toBe("预算收支总表");
    const grid = specToGrid(specs[0]);
    expect(grid.values[4]).toEqual(["项目", "", "项目", "合计", "当年预算安排", "上年结转安排"]);
  });
});

/**
 * Amounts in 元 whose 万元 values have 3–4 decimals (129,636 元 = 12.9636 万元), from every source,
 * carried over or not: rounding each printed cell on its own would make parents miss the sum of
 * their children by a fen here and there.
 */
const AWKWARD_ROWS: CellValue[][] = [
  ["2013201", "30101", "人员经费", "一般公共预算", "否", "", 129636],
  ["2013201", "30102", "人员经费", "一般公共预算", "否", "", 199920],
  ["2013201", "30201", "公用经费", "一般公共预算", "否", "", 33333.33],
  ["2013201", "30231", "公用经费", "一般公共预算", "否", "", 33335],
  ["2013201", "30217", "公用经费", "一般公共预算", "是", "", 16665.55],
  ["2013202", "30299", "项目支出", "一般公共预算", "否", "培训", 10050],
  ["2013202", "30217", "项目支出", "一般公共预算", "是", "接待", 16665],
  ["2013299", "30299", "项目支出", "一般公共预算", "否", "党建", 129636],
  ["2013299", "30299", "项目支出", "一般公共预算", "是", "党建", 199920],
  ["2013250", "30107", "人员经费", "事业收入", "否", "", 45005],
  ["2013250", "30201", "公用经费", "单位资金", "否", "", 12345],
  ["2013250", "30299", "项目支出", "事业收入", "是", "设备维护", 33333.33],
  ["2080505", "30108", "人员经费", "一般公共预算", "否", "", 67895],
  ["2080501", "30302", "人员经费", "一般公共预算", "否", "", 15005],
  ["2101101", "30110", "人员经费", "财政专户管理资金", "否", "", 25555],
  ["2101102", "30110", "人员经费", "一般公共预算", "否", "", 35555],
  ["2120399", "30905", "项目支出", "政府性基金预算拨款", "否", "道路", 1234565],
  ["2120399", "30212", "项目支出", "政府性基金预算拨款", "是", "考察", 4445],
  ["2240102", "30299", "项目支出", "国有资本经营预算拨款", "否", "改制", 98765],
  ["2210201", "30113", "人员经费", "一般公共预算", "否", "", 77775],
];

function awkwardLedger(): Ledger {
  return yuanLedger("山西", AWKWARD_ROWS);
}

describe("controlled rounding across a whole disclosure", () => {
  it.each(LAYOUTS)(
    "leaves no sum.* finding at all in the %s layout of a ledger in 元 with awkward amounts",
    (layout) => {
      const ledger = awkwardLedger();
      const specs = buildSheets(ledgerFigures(ledger), ledger.department, layout);
      const result = checkWorkbook(specs.map(specToGrid), { template: layout });
      expect(result.findings.filter((f) => f.ruleId.startsWith("sum."))).toEqual([]);
      expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
      expect(result.findings.filter((f) => f.rounding)).toEqual([]);
    }
  );

  it("prints a figure identically in every table and every layout that shows it", () => {
    const ledger = awkwardLedger();
    const grids = (layout: TemplateId) =>
      buildSheets(ledgerFigures(ledger), ledger.department, layout).map(specToGrid);
    const hebei = grids("hebei");
    const shanxi = grids("shanxi");
    const amounts = (set: Grid[], i: number) => amountsByMeaning(set[i]);
    expect(amounts(hebei, 0)["1|201#1|预算数"]).toBe(amounts(hebei, 2)["0|201#1|合计"]);
    expect(amounts(shanxi, 0)["1|201#1|2025年合计"]).toBe(amounts(hebei, 2)["0|201#1|合计"]);
    expect(amounts(shanxi, 2)["0|合计#1|合计"]).toBe(amounts(hebei, 2)["0|合计#1|合计"]);
    // this year's money + carry-over = all of it, to the fen, in the Shanxi 收支总表
    const row = amounts(shanxi, 0);
    expect(
      Number(row["1|本年支出合计#1|当年预算安排"]) + Number(row["1|本年支出合计#1|上年结转安排"])
    ).toBeCloseTo(Number(row["1|本年支出合计#1|2025年合计"]), 10);
  });

  it("prints 表13's 单位资金 column when carried-over project money is unit money", () => {
    const ledger = awkwardLedger();
    const spec = buildSheets(ledgerFigures(ledger), ledger.department, "shanxi")[12];
    expect(captionsOf(specToGrid(spec)).captions[0]).toEqual([
      "合计",
      "一般公共预算",
      "政府性基金预算",
      "国有资本经营预算",
      "单位资金",
    ]);
    expect(amountsByMeaning(specToGrid(spec))["0|设备维护#1|单位资金"]).toBe("3.33");
  });
});
