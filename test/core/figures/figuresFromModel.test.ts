import { readFileSync } from "fs";
import path from "path";
import { checkWorkbook } from "../../../src/core/check/workbook";
import { buildSheets } from "../../../src/core/format/buildSheets";
import { figuresFromModel } from "../../../src/core/figures/figuresFromModel";
import { specToGrid } from "../../../src/core/format/specToGrid";
import type { CellValue, Grid } from "../../../src/core/grid";
import { makeGrid } from "../../../src/core/grid";
import { readLedger } from "../../../src/core/ledger";
import { ledgerFigures } from "../../../src/core/figures/aggregate";
import type { Ledger, LedgerDepartment } from "../../../src/core/ledger";
import type { BudgetFigures } from "../../../src/core/figures/figures";
import { Money, sumMoney } from "../../../src/core/money";
import { readWorkbook } from "../../../src/core/read/workbook";
import type { TemplateId } from "../../../src/core/model";
import { gridsFromXlsx } from "../../../src/io/readXlsx";
import { cloneGrid, loadFixture, loadFixtureSheet } from "../../helpers/fixtures";
import { amountsByMeaning } from "../../helpers/tables";

const EXAMPLE = path.resolve(__dirname, "../../../examples/quyang-2024-ledger.xlsx");

async function rebuilt(fixture: string) {
  const result = figuresFromModel(readWorkbook(await loadFixture(fixture)));
  if (!result.figures || !result.department) throw new Error(JSON.stringify(result.findings));
  return result as typeof result & { figures: BudgetFigures; department: LedgerDepartment };
}

const gridsOf = (figures: BudgetFigures, department: LedgerDepartment, layout: TemplateId) =>
  buildSheets(figures, department, layout).map(specToGrid);

const grid = (grids: Grid[], sheet: string) => grids.find((g) => g.sheet === sheet)!;

const node = (figures: BudgetFigures, code: string) =>
  figures.byFunction.find((n) => n.code === code)!;

describe("figuresFromModel on quyang-2024 (Hebei, published)", () => {
  it("keeps every published figure: its own layout drawn again changes nothing", async () => {
    const { figures, department, changes } = await rebuilt("quyang-2024");
    expect(changes).toEqual([]);
    const again = gridsOf(figures, department, "hebei");
    for (const [mine, published] of [
      ["表1 收支总表", "收支总表"],
      ["表3 支出总表", "支出总表"],
      ["表6 基本支出表", "基本支出表"],
      ["表9 三公经费", "三公经费"],
    ]) {
      expect(amountsByMeaning(grid(again, mine))).toEqual(
        amountsByMeaning(await loadFixtureSheet("quyang-2024", published))
      );
    }
  });

  it("lays it out in the Shanxi layout, which re-reads with no error and every table present", async () => {
    const { figures, department } = await rebuilt("quyang-2024");
    const result = checkWorkbook(gridsOf(figures, department, "shanxi"));
    expect(result.template).toBe("shanxi");
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId.startsWith("sum."))).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId.startsWith("completeness."))).toEqual([]);
  });

  it("shows quyang's published 合计 figures in the Shanxi layout", async () => {
    const { figures, department } = await rebuilt("quyang-2024");
    const shanxi = gridsOf(figures, department, "shanxi");
    const summary = amountsByMeaning(grid(shanxi, "表1 收支总表"));
    expect(summary["0|本年收入合计#1|2024年"]).toBe("855.89");
    expect(summary["0|上年结转#1|2024年"]).toBe("16.35");
    expect(summary["0|收入总计#1|2024年"]).toBe("872.24");
    expect(summary["1|支出总计#1|2024年合计"]).toBe("872.24");
    const spending = amountsByMeaning(grid(shanxi, "表3 支出总表"));
    expect(["合计", "基本支出", "项目支出"].map((c) => spending[`0|合计#1|${c}`])).toEqual([
      "872.24",
      "316.46",
      "555.78",
    ]);
    const basic = amountsByMeaning(grid(shanxi, "表6 基本支出表"));
    expect(["合计", "人员经费", "公用经费"].map((c) => basic[`0|合计#1|${c}`])).toEqual([
      "316.46",
      "287.14",
      "29.32",
    ]);
    expect(amountsByMeaning(grid(shanxi, "表10 三公经费"))["0|合计#1|合计"]).toBe("1.2");
  });

  it("names the projects after its 项目绩效目标表, the carried-over ones in 表13", async () => {
    const { figures, department, findings } = await rebuilt("quyang-2024");
    expect(findings).toContainEqual(
      expect.objectContaining({
        ruleId: "figures.projects-named",
        message: expect.stringContaining("项目绩效目标表"),
      })
    );
    expect(figures.projects).toHaveLength(18);
    const carried = grid(gridsOf(figures, department, "shanxi"), "表13 项目支出(上年结转)");
    expect(carried.values.slice(8).map((row) => [row[0], row[1]])).toEqual([
      ["下派选调生到村工作中央财政补助资金", 11.2],
      ["下派选调生到村工作中央财政补助资金", 5.15],
    ]);
  });
});

/*
 * tunliu-2024 publishes tables that miss each other by 0.01 here and there (the budget system sums
 * amounts in 元 and rounds each printed cell). figuresFromModel resolves them by keeping the most
 * detailed published figure and deriving every total from it:
 * - 支出总表 20132 and 201 say 1,813.51, their 项 add up to 1,813.52: the 项 are kept, so 201 is
 *   1,813.52 everywhere — and 合计 stays 4,707.09, as published, because the 类 sum of the 项 is it.
 * - 表12 prints 3,377.72 over projects that add up to 3,377.71, as do the 项目支出 of 表5's 项:
 *   3,377.71 it is; 本年收入合计 3,661.68 (283.97 + 3,377.71) stays as published.
 * - 表13's projects add up to 1,042.88, the carried-over project money of the 项 in 收入总表 to
 *   1,042.89 (and 收入总计 = 支出总计 rests on the 项): the 项 win, and the 0.01 goes to the largest
 *   project of the 项 that is short, with a finding naming it.
 * - 2013201 carries 2.52 of 基本支出 over, which no 基本支出表 classifies (表6 is 不含上年结转): it is
 *   booked under 30299 其他商品和服务支出 (公用经费), with a finding.
 * Every published cell that changes is reported as figures.changed; all of them by 0.01.
 */
describe("figuresFromModel on tunliu-2024 (Shanxi, published, with 0.01 gaps)", () => {
  it("lays it out in the Hebei layout, which re-reads with no error and adds up everywhere", async () => {
    const { figures, department } = await rebuilt("tunliu-2024");
    const result = checkWorkbook(gridsOf(figures, department, "hebei"));
    expect(result.template).toBe("hebei");
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId.startsWith("sum."))).toEqual([]);
    expect(result.findings.filter((f) => f.rounding)).toEqual([]);
  });

  it("keeps the 项 and derives 201 and 20132 from them, the 合计 staying as published", async () => {
    const { figures } = await rebuilt("tunliu-2024");
    expect(node(figures, "20132").all.total.toString()).toBe("1813.52");
    expect(node(figures, "201").all.basic.toString()).toBe("219.92");
    expect(figures.byFunction[0].all.total.toString()).toBe("4707.09");
    expect(figures.income.current.toString()).toBe("3661.68");
    expect(figures.income.carryover.toString()).toBe("1045.41");
  });

  it("takes this year's project money from the project rows, not from 表12's 合计", async () => {
    const { figures } = await rebuilt("tunliu-2024");
    const general = figures.byFunction[0].bySource["一般公共预算"];
    expect([general.basic, general.project].map(String)).toEqual(["286.49", "4420.6"]);
    const thisYear = figures.projects.filter((p) => !p.amounts.current.isZero());
    expect(thisYear).toHaveLength(20);
    expect(thisYear.reduce((sum, p) => sum + Number(p.amounts.current), 0)).toBeCloseTo(3377.71, 6);
  });

  it("gives the 0.01 the carried-over projects miss to the largest project of the short 项", async () => {
    const { figures, findings } = await rebuilt("tunliu-2024");
    const carried = figures.projects.filter((p) => !p.amounts.carryover.isZero());
    expect(carried.reduce((sum, p) => sum + Number(p.amounts.carryover), 0)).toBeCloseTo(
      1042.89,
      6
    );
    const adjusted = findings.filter((f) => f.ruleId === "figures.projects-adjusted");
    expect(adjusted).toEqual([
      expect.objectContaining({ severity: "info", sheet: "项目支出(上年结转)" }),
    ]);
    const name = /最大的项目“(.+)”/.exec(adjusted[0].message)![1];
    const project = figures.projects.find((p) => p.name === name)!;
    expect(project.amounts.carryover.toString()).toBe(adjusted[0].expected);
  });

  it("books the carried-over 基本支出 of 2013201 under 30299 and says so", async () => {
    const { figures, findings } = await rebuilt("tunliu-2024");
    const line = figures.byEconomic.find((n) => n.code === "30299")!;
    expect(line.bySource["一般公共预算"].carryover.toString()).toBe("2.52");
    expect(findings).toContainEqual(
      expect.objectContaining({ ruleId: "figures.basic-unclassified", severity: "warning" })
    );
  });

  it("reports every published cell it changes, with its old and new value, none by more than 0.01", async () => {
    const { changes } = figuresFromModel(readWorkbook(await loadFixture("tunliu-2024")));
    expect(changes.map((c) => `${c.sheet}!${c.cell}`)).toEqual(
      expect.arrayContaining([
        "支出总表!C8",
        "支出总表!D8",
        "一般公共预算支出表!E6",
        "项目支出(本年)!B7",
      ])
    );
    expect(changes.every((c) => c.withinRounding)).toBe(true);
    // The example: 201 is published as 1,813.51, its 项 add up to 1,813.52.
    expect(changes).toContainEqual(
      expect.objectContaining({
        sheet: "支出总表",
        cell: "C7",
        label: "201 一般公共服务支出",
        caption: "合计",
        before: new Money("1813.51"),
        after: new Money("1813.52"),
      })
    );
  });

  it("marks a change larger than rounding, and a project row it cannot place, as blocking", async () => {
    // A project of 50 万元 more than the 支出总表's project money of its 项.
    const grids = (await loadFixture("tunliu-2024")).map(cloneGrid);
    const projects = grids.find((g) => g.sheet === "项目支出(本年)")!;
    const row = projects.values.findIndex((r) => r[0] === "公务员奖励奖金");
    projects.values[row] = projects.values[row].map((v, c) => (c >= 1 && v === 50 ? 100 : v));
    const { changes, findings } = figuresFromModel(readWorkbook(grids));
    // The 50 万元 the 项 has no room for comes off the project list (the last rows of the 项):
    // every such row is listed, with more than rounding, and together they lose the 50.
    const beyond = changes.filter((c) => !c.withinRounding && c.caption === "合计");
    expect(beyond.length).toBeGreaterThan(0);
    expect(beyond.every((c) => c.sheet === "项目支出(本年)" && c.after.lessThan(c.before))).toBe(
      true
    );
    expect(sumMoney(beyond.map((c) => c.before.minus(c.after))).toString()).toBe("50");
    expect(findings).toContainEqual(
      expect.objectContaining({ ruleId: "figures.project-unmatched", severity: "error" })
    );
  });

  it("keeps two projects of the same name apart", async () => {
    const { figures } = await rebuilt("tunliu-2024");
    const twins = figures.projects.filter((p) =>
      p.name.startsWith("提前下达2024年度选调生到村工作")
    );
    expect(twins.map((p) => p.amounts.total.toString()).sort()).toEqual(["5.8", "7"]);
  });
});

describe("figuresFromModel on generated workbooks", () => {
  let example: Ledger;
  beforeAll(async () => {
    example = readLedger(await gridsFromXlsx(readFileSync(EXAMPLE))).ledger!;
  });

  it.each(["shanxi", "mof"] as const)(
    "brings the example ledger's %s tables back to the same nine Hebei tables",
    (layout) => {
      const published = buildSheets(ledgerFigures(example), example.department, layout).map(
        specToGrid
      );
      const { figures, department, changes } = figuresFromModel(readWorkbook(published));
      expect(changes).toEqual([]);
      const direct = buildSheets(ledgerFigures(example), example.department, "hebei")
        .slice(0, 9)
        .map(specToGrid);
      const again = gridsOf(figures!, department!, "hebei").slice(0, 9);
      again.forEach((g, i) => expect(amountsByMeaning(g)).toEqual(amountsByMeaning(direct[i])));
    }
  );
});

/** Every source, this year's and carried-over money, amounts in 元 that do not round evenly. */
const MIXED_ROWS: CellValue[][] = [
  ["2013201", "30101", "人员经费", "一般公共预算", "否", "", 129636],
  ["2013201", "30231", "公用经费", "一般公共预算", "否", "", 33335],
  ["2013201", "30217", "公用经费", "一般公共预算", "是", "", 16665.55],
  ["2013202", "30217", "项目支出", "一般公共预算", "是", "接待", 16665],
  ["2013299", "30299", "项目支出", "一般公共预算", "否", "党建", 129636],
  ["2013299", "30299", "项目支出", "一般公共预算", "是", "党建", 199920],
  ["2013250", "30107", "人员经费", "事业收入", "否", "", 45005],
  ["2013250", "30299", "项目支出", "事业收入", "是", "设备维护", 33333.33],
  ["2101101", "30110", "人员经费", "财政专户管理资金", "否", "", 25555],
  ["2120399", "30905", "项目支出", "政府性基金预算拨款", "否", "道路", 1234565],
  ["2120399", "30212", "项目支出", "政府性基金预算拨款", "是", "考察", 4445],
  ["2240102", "30299", "项目支出", "国有资本经营预算拨款", "否", "改制", 98765],
];

function mixedLedger(): Ledger {
  const info = makeGrid("部门信息", [
    ["部门名称", "测试局"],
    ["部门编码", "101"],
    ["预算年度", 2025],
    ["单位性质", "行政"],
    ["模板", "河北"],
  ]);
  const header = [
    "功能分类科目编码",
    "经济分类科目编码",
    "支出类型",
    "资金来源",
    "上年结转",
    "项目名称",
    "金额（元）",
  ];
  const { ledger, findings } = readLedger([info, makeGrid("明细", [header, ...MIXED_ROWS])]);
  if (!ledger || findings.length > 0) throw new Error(JSON.stringify(findings));
  return ledger;
}

describe("figuresFromModel re-laying out a department with money from every source", () => {
  it("turns its Hebei tables into exactly the Shanxi tables its ledger gives", () => {
    const ledger = mixedLedger();
    const hebei = buildSheets(ledgerFigures(ledger), ledger.department, "hebei").map(specToGrid);
    const { figures, department, findings } = figuresFromModel(readWorkbook(hebei));
    expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
    const direct = buildSheets(ledgerFigures(ledger), ledger.department, "shanxi").map(specToGrid);
    const again = gridsOf(figures!, department!, "shanxi");
    again.forEach((g, i) => expect(amountsByMeaning(g)).toEqual(amountsByMeaning(direct[i])));
  });

  it("turns its Shanxi tables into Hebei tables that re-read without error and keep every total", () => {
    const ledger = mixedLedger();
    const shanxi = buildSheets(ledgerFigures(ledger), ledger.department, "shanxi").map(specToGrid);
    const { figures, department } = figuresFromModel(readWorkbook(shanxi));
    const again = gridsOf(figures!, department!, "hebei");
    const result = checkWorkbook(again);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId.startsWith("sum."))).toEqual([]);
    const direct = buildSheets(ledgerFigures(ledger), ledger.department, "hebei").map(specToGrid);
    // The Shanxi layout tells neither 事业收入 from other 单位资金 (表2) nor the 经济 class of
    // carried-over 基本支出 (表6 is 不含上年结转); every other table comes back as it was.
    for (const i of [0, 2, 3, 4, 6, 7, 8])
      expect(amountsByMeaning(again[i])).toEqual(amountsByMeaning(direct[i]));
  });
});

describe("figuresFromModel on what it cannot use", () => {
  it("says so when no table lists spending by 功能分类", async () => {
    const grids = (await loadFixture("quyang-2024")).filter((g) =>
      ["收支总表", "三公经费"].includes(g.sheet)
    );
    const result = figuresFromModel(readWorkbook(grids));
    expect(result.figures).toBeUndefined();
    expect(result.findings).toEqual([
      expect.objectContaining({ ruleId: "figures.no-function-table", severity: "error" }),
    ]);
  });

  it("leaves out 经营支出, which budget lines cannot hold, and says so", async () => {
    const grids = (await loadFixture("quyang-2024")).map((g) => {
      if (g.sheet !== "支出总表") return g;
      const copy = cloneGrid(g);
      copy.values[8][6] = 5; // G9: 2013201 经营支出
      return copy;
    });
    const { findings } = figuresFromModel(readWorkbook(grids));
    expect(findings).toContainEqual(
      expect.objectContaining({ ruleId: "figures.dropped-column", sheet: "支出总表", cell: "G9" })
    );
  });
});
