import { readFileSync } from "fs";
import path from "path";
import { checkWorkbook } from "../../../src/core/check/workbook";
import type { CellValue, Grid } from "../../../src/core/grid";
import { a1 } from "../../../src/core/grid";
import { readLedger } from "../../../src/core/ledger";
import { ledgerTableGrids } from "../../../src/core/format/ledgerTables";
import { ledgerFigures } from "../../../src/core/figures/aggregate";
import { roundLinesControlled } from "../../../src/core/format/buildSheets";
import { chineseNumber } from "../../../src/core/templates";
import { Money, roundMoney, sumMoney } from "../../../src/core/money";
import { gridsFromXlsx } from "../../../src/io/readXlsx";
import { loadFixtureSheet } from "../../helpers/fixtures";
import { yuanLedger } from "../../helpers/ledgers";
import { amountsByMeaning } from "../../helpers/tables";

const EXAMPLE = path.resolve(__dirname, "../../../examples/quyang-2024-ledger.xlsx");

const STANDARD_SHEETS = [
  "收支总表",
  "收入总表",
  "支出总表",
  "财政拨款收支总表",
  "一般公共预算支出表",
  "基本支出表",
  "政府性基金支出表",
  "国有资本经营支出表",
  "三公经费",
];

async function exampleGrids(): Promise<Grid[]> {
  const { ledger } = readLedger(await gridsFromXlsx(readFileSync(EXAMPLE)));
  return ledgerTableGrids(ledgerFigures(ledger!), ledger!.department);
}

describe("ledgerTableGrids on the example ledger", () => {
  it("renders the nine Hebei standard tables in the published order", async () => {
    expect((await exampleGrids()).map((g) => g.sheet)).toEqual(STANDARD_SHEETS);
  });

  it.each(STANDARD_SHEETS)(
    "reproduces every amount of quyang-2024's %s by row code or label and column caption",
    async (sheet) => {
      const derived = (await exampleGrids()).find((g) => g.sheet === sheet)!;
      const published = await loadFixtureSheet("quyang-2024", sheet);
      expect(amountsByMeaning(derived)).toEqual(amountsByMeaning(published));
    }
  );

  it("puts every number of the nine tables at the published address, with the published format", async () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (const derived of await exampleGrids()) {
      const published = await loadFixtureSheet("quyang-2024", derived.sheet);
      const rows = Math.max(derived.values.length, published.values.length);
      for (let r = 0; r < rows; r++) {
        const cols = Math.max(derived.values[r]?.length ?? 0, published.values[r]?.length ?? 0);
        for (let c = 0; c < cols; c++) {
          const mine = derived.values[r]?.[c];
          const theirs = published.values[r]?.[c];
          if (typeof mine !== "number" && typeof theirs !== "number") continue;
          compared++;
          const format = (g: Grid) => g.numberFormats?.[r]?.[c] ?? "General";
          if (mine !== theirs || format(derived) !== format(published)) {
            mismatches.push(
              `${derived.sheet}!${a1(r + 1, c + 1)}: ${String(theirs)} published, ${String(mine)} derived`
            );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(300);
  });

  it("prints the published titles, department line and empty-table notes", async () => {
    const grids = await exampleGrids();
    const cell = (sheet: string, row: number, col: number) =>
      grids.find((g) => g.sheet === sheet)!.values[row - 1][col - 1];
    expect(cell("收入总表", 1, 1)).toBe("部门预算收入总表");
    expect(cell("收入总表", 2, 1)).toBe("203 中国共产党曲阳县委员会组织部");
    expect(cell("收入总表", 2, 7)).toBe("预算年度：2024");
    expect(cell("收入总表", 2, 13)).toBe("单位：万元");
    expect(cell("政府性基金支出表", 6, 1)).toBe("注：无政府基金预算财政拨款预算，空表列示。");
    expect(cell("国有资本经营支出表", 6, 1)).toBe("注：无国有资本经营预算财政拨款预算，空表列示。");
    expect(cell("三公经费", 12, 2)).toBe("          公务用车运行维护费");
  });

  it("gives checkWorkbook nothing to report as an error", async () => {
    const result = checkWorkbook(await exampleGrids());
    expect(result.template).toBe("hebei");
    expect(result.model.tables).toHaveLength(9);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

/**
 * Amounts in 元 whose 万元 values have 3–4 decimals: rounding each printed cell on its own would
 * make parents miss the sum of their children (2101101 2.5555 and 2101102 3.5555 print 2.56 + 2.56
 * = 6.12, while their 款 21011, 6.111, prints 6.11).
 */
const YUAN_ROWS: CellValue[][] = [
  ["2013201", "30101", "人员经费", "一般公共预算", "否", "", 129636],
  ["2013201", "30102", "人员经费", "一般公共预算", "否", "", 199920],
  ["2013201", "30201", "公用经费", "一般公共预算", "否", "", 10050],
  ["2013201", "30231", "公用经费", "一般公共预算", "否", "", 33335],
  ["2013202", "30299", "项目支出", "一般公共预算", "否", "培训", 10050],
  ["2013202", "30217", "项目支出", "一般公共预算", "是", "接待", 16665],
  ["2013299", "30299", "项目支出", "一般公共预算", "否", "党建", 10050],
  ["2013250", "30107", "人员经费", "事业收入", "否", "", 45005],
  ["2013250", "30201", "公用经费", "单位资金", "否", "", 12345],
  ["2080505", "30108", "人员经费", "一般公共预算", "否", "", 67895],
  ["2080501", "30302", "人员经费", "一般公共预算", "否", "", 15005],
  ["2101101", "30110", "人员经费", "财政专户管理资金", "否", "", 25555],
  ["2101102", "30110", "人员经费", "一般公共预算", "否", "", 35555],
  ["2120399", "30905", "项目支出", "政府性基金预算拨款", "否", "道路", 1234565],
  ["2120399", "30212", "项目支出", "政府性基金预算拨款", "是", "考察", 4445],
  ["2240102", "30299", "项目支出", "国有资本经营预算拨款", "否", "改制", 98765],
  ["2210201", "30113", "人员经费", "一般公共预算", "否", "", 77775],
];

describe("ledgerTableGrids controlled rounding", () => {
  it("is needed here: rounding each figure on its own would break 21011 = Σ its 项 and 合计 = Σ 类", () => {
    const exact = ledgerFigures(yuanLedger("河北", YUAN_ROWS)).byFunction;
    const roundedSumOfChildren = (code: string, level: number) =>
      sumMoney(
        exact
          .filter((n) => n.level === level && n.code.startsWith(code))
          .map((n) => roundMoney(n.all.total))
      ).toString();
    const roundedParent = (code: string) =>
      roundMoney(exact.find((n) => n.code === code)!.all.total).toString();
    expect([roundedParent("21011"), roundedSumOfChildren("21011", 3)]).toEqual(["6.11", "6.12"]);
    expect([roundedParent(""), roundedSumOfChildren("", 1)]).toEqual(["202.66", "202.67"]);
  });

  it("prints tables where every parent equals the sum of its children: no sum.* finding, not even info", () => {
    const ledger = yuanLedger("河北", YUAN_ROWS);
    const grids = ledgerTableGrids(ledgerFigures(ledger), ledger.department);
    const result = checkWorkbook(grids);
    expect(result.model.tables).toHaveLength(9);
    expect(result.findings.filter((f) => f.ruleId.startsWith("sum."))).toEqual([]);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("prints the same figure identically in every table", () => {
    const ledger = yuanLedger("河北", YUAN_ROWS);
    const grids = ledgerTableGrids(ledgerFigures(ledger), ledger.department);
    const amounts = (sheet: string) => amountsByMeaning(grids.find((g) => g.sheet === sheet)!);
    const summary = amounts("收支总表");
    const income = amounts("收入总表");
    const expenditure = amounts("支出总表");
    expect(summary["1|201#1|预算数"]).toBe(expenditure["0|201#1|合计"]);
    expect(income["0|201#1|合计"]).toBe(expenditure["0|201#1|合计"]);
    expect(summary["1|本年支出合计#1|预算数"]).toBe(expenditure["0|合计#1|合计"]);
    expect(amounts("一般公共预算支出表")["0|合计#1|基本支出"]).toBe(
      amounts("基本支出表")["0|合计#1|合计"]
    );
    expect(amounts("财政拨款收支总表")["1|212#1|政府性基金预算财政拨款"]).toBe(
      amounts("政府性基金支出表")["0|212#1|合计"]
    );
  });

  it("keeps the grand total equal to the exact total rounded, and every line within a fen", () => {
    const exact = ledgerFigures(yuanLedger("河北", YUAN_ROWS));
    const rounded = roundLinesControlled(exact.lines);
    const exactTotal = sumMoney(exact.lines.map((l) => l.amount));
    expect(sumMoney(rounded.map((l) => l.amount)).toString()).toBe(
      roundMoney(exactTotal).toString()
    );
    rounded.forEach((line, i) => {
      expect(line.amount.decimalPlaces()).toBeLessThanOrEqual(2);
      expect(line.amount.minus(exact.lines[i].amount).abs().lessThan(new Money("0.01"))).toBe(true);
    });
  });

  it("fills the 政府性基金 and 国有资本经营 tables when the ledger has such money, without the empty note", () => {
    const ledger = yuanLedger("河北", YUAN_ROWS);
    const grids = ledgerTableGrids(ledgerFigures(ledger), ledger.department);
    const fund = grids.find((g) => g.sheet === "政府性基金支出表")!;
    expect(fund.values[5].slice(0, 4)).toEqual([1, "", "合计", 123.9]);
    expect(fund.values.flat().some((v) => typeof v === "string" && v.startsWith("注"))).toBe(false);
    const capital = amountsByMeaning(grids.find((g) => g.sheet === "国有资本经营支出表")!);
    expect(capital["0|2240102#1|项目支出"]).toBe("9.88");
  });
});

describe("chineseNumber", () => {
  it("writes the ordinals of the summary tables", () => {
    expect([1, 10, 11, 20, 22, 30, 31].map(chineseNumber)).toEqual([
      "一",
      "十",
      "十一",
      "二十",
      "二十二",
      "三十",
      "三十一",
    ]);
  });
});
