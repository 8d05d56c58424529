import { readFileSync } from "fs";
import path from "path";
import type { CellValue } from "../../../src/core/grid";
import { makeGrid } from "../../../src/core/grid";
import { readLedger } from "../../../src/core/ledger";
import { ledgerFigures } from "../../../src/core/figures/aggregate";
import type { Ledger } from "../../../src/core/ledger";
import type { BudgetFigures, ClassifiedFigures } from "../../../src/core/figures/figures";
import { gridsFromXlsx } from "../../../src/io/readXlsx";

const EXAMPLE = path.resolve(__dirname, "../../../examples/quyang-2024-ledger.xlsx");

async function exampleFigures(): Promise<BudgetFigures> {
  const { ledger } = readLedger(await gridsFromXlsx(readFileSync(EXAMPLE)));
  return ledgerFigures(ledger!);
}

const HEADER = [
  "功能分类科目编码",
  "经济分类科目编码",
  "支出类型",
  "资金来源",
  "上年结转",
  "项目名称",
  "金额（元）",
];

function ledgerOf(rows: CellValue[][], unitNature = "行政", header = HEADER): Ledger {
  const info = makeGrid("部门信息", [
    ["部门名称", "测试局"],
    ["部门编码", "101"],
    ["预算年度", 2025],
    ["单位性质", unitNature],
    ["模板", "河北"],
  ]);
  const { ledger, findings } = readLedger([info, makeGrid("明细", [header, ...rows])]);
  if (!ledger || findings.length > 0) throw new Error(JSON.stringify(findings));
  return ledger;
}

const node = (list: ClassifiedFigures[], code: string) => list.find((n) => n.code === code)!;
const s = (value: { toString(): string }) => value.toString();

describe("ledgerFigures on the example ledger", () => {
  it("adds up to the published totals of quyang-2024", async () => {
    const f = await exampleFigures();
    const total = f.byFunction[0];
    expect(total.level).toBe(0);
    expect(
      [
        total.all.total,
        total.all.basic,
        total.all.project,
        total.all.personnel,
        total.all.publicUse,
      ].map(s)
    ).toEqual(["872.24", "316.46", "555.78", "287.14", "29.32"]);
    expect(
      [
        f.income.current,
        f.income.carryover,
        f.income.total,
        f.income.fiscalCurrent,
        f.income.fiscalCarryover,
      ].map(s)
    ).toEqual(["855.89", "16.35", "872.24", "855.89", "16.35"]);
    expect(
      [f.expenditure.current, f.expenditure.total, f.expenditure.yearEndCarryover].map(s)
    ).toEqual(["872.24", "872.24", "0"]);
  });

  it("gives every 功能 类, 款 and 项 its 合计, 基本支出, 项目支出, 本年 and 上年结转", async () => {
    const f = await exampleFigures();
    expect(f.byFunction.map((n) => n.code).slice(0, 7)).toEqual([
      "",
      "201",
      "20132",
      "2013201",
      "2013202",
      "2013250",
      "2013299",
    ]);
    const row = (code: string) => {
      const a = node(f.byFunction, code).all;
      return [a.total, a.basic, a.project, a.current, a.carryover].map(s);
    };
    expect(row("201")).toEqual(["717.94", "236.34", "481.6", "717.94", "0"]);
    expect(row("2130152")).toEqual(["33.56", "0", "33.56", "17.21", "16.35"]);
    expect(row("2101102")).toEqual(["2.61", "2.61", "0", "2.61", "0"]);
    expect(node(f.byFunction, "2130152").bySource["一般公共预算"].carryover.toString()).toBe(
      "16.35"
    );
    expect(node(f.byFunction, "2130152").name).toBe("对高校毕业生到基层任职补助");
  });

  it("splits 基本支出 by economic 类 and 款 into 人员经费 and 公用经费", async () => {
    const f = await exampleFigures();
    const basic = (code: string) => {
      const a = node(f.byEconomic, code).bySource["一般公共预算"];
      return [a.basic, a.personnel, a.publicUse].map(s);
    };
    expect(basic("301")).toEqual(["271.99", "271.99", "0"]);
    expect(basic("30101")).toEqual(["107.09", "107.09", "0"]);
    expect(basic("302")).toEqual(["29.32", "0", "29.32"]);
    expect(basic("303")).toEqual(["15.15", "15.15", "0"]);
  });

  it("finds the 1.20 三公 公务用车运行维护费 and the 29.32 机关运行经费 of an administrative unit", async () => {
    const f = await exampleFigures();
    expect(s(f.threePublic.total.total)).toBe("1.2");
    expect(s(f.threePublic.vehicleOperation.bySource["一般公共预算"])).toBe("1.2");
    expect(
      [f.threePublic.abroad, f.threePublic.reception, f.threePublic.vehiclePurchase].map((i) =>
        s(i.total)
      )
    ).toEqual(["0", "0", "0"]);
    expect(s(f.agencyOperating!)).toBe("29.32");
  });

  it("lists the 18 projects, telling the two same-named 选调生 projects apart by their codes", async () => {
    const f = await exampleFigures();
    expect(f.projects).toHaveLength(18);
    const carried = f.projects.filter((p) => !p.amounts.carryover.isZero());
    expect(carried.map((p) => [p.name, p.code, s(p.amounts.carryover), p.functionCodes])).toEqual([
      ["下派选调生到村工作中央财政补助资金", "13063423P00C30H10005G", "11.2", ["2130152"]],
      ["下派选调生到村工作中央财政补助资金", "13063423P00C30H100064", "5.15", ["2130152"]],
    ]);
    expect(f.projects[1]).toMatchObject({
      name: "人才发展专项公用项目经费",
      functionCodes: ["2013202"],
      economicCodes: ["30299"],
    });
  });
});

describe("ledgerFigures definitions", () => {
  it("converts 元 to 万元 exactly, without rounding", () => {
    const f = ledgerFigures(
      ledgerOf([["2013201", "30101", "人员经费", "一般公共预算", "否", "", 129636]])
    );
    expect(f.unit).toBe("万元");
    expect(s(f.byFunction[0].all.total)).toBe("12.9636");
    expect(s(f.lines[0].amount)).toBe("12.9636");
  });

  it("counts 三公 spending from 基本 and 项目 lines alike, but only what 财政拨款 pays", () => {
    const f = ledgerFigures(
      ledgerOf([
        ["2013201", "30212", "公用经费", "一般公共预算", "否", "", 10000],
        ["2013202", "30212", "项目支出", "政府性基金", "否", "出访", 20000],
        ["2013202", "30217", "项目支出", "事业收入", "否", "接待", 30000], // not 财政拨款: left out
        ["2013202", "31013", "项目支出", "一般公共预算", "是", "购车", 150000],
        ["2013201", "30231", "公用经费", "国有资本经营", "否", "", 5000],
      ])
    );
    const t = f.threePublic;
    expect(s(t.abroad.total)).toBe("3");
    expect(s(t.abroad.bySource["政府性基金"])).toBe("2");
    expect(s(t.reception.total)).toBe("0");
    expect(
      [t.vehiclePurchase.total, t.vehicleOperation.total, t.vehicle.total, t.total.total].map(s)
    ).toEqual(["15", "0.5", "15.5", "18.5"]);
  });

  it("reports 机关运行经费 for 行政 and 参公 units only, from 一般公共预算 公用经费", () => {
    const rows = [
      ["2013201", "30201", "公用经费", "一般公共预算", "否", "", 10000],
      ["2013201", "30201", "公用经费", "事业收入", "否", "", 10000],
      ["2013201", "30101", "人员经费", "一般公共预算", "否", "", 10000],
    ];
    expect(s(ledgerFigures(ledgerOf(rows, "行政")).agencyOperating!)).toBe("1");
    expect(s(ledgerFigures(ledgerOf(rows, "参公")).agencyOperating!)).toBe("1");
    expect(ledgerFigures(ledgerOf(rows, "事业")).agencyOperating).toBeUndefined();
  });

  it("adds income by source: this year's by source, 上年结转 apart, 单位资金 together", () => {
    const f = ledgerFigures(
      ledgerOf([
        ["2013201", "30101", "人员经费", "一般公共预算", "否", "", 10000],
        ["2013201", "30101", "人员经费", "财政专户管理资金", "否", "", 20000],
        ["2013201", "30201", "公用经费", "事业收入", "否", "", 30000],
        ["2013201", "30201", "公用经费", "单位资金", "否", "", 40000],
        ["2013202", "30299", "项目支出", "政府性基金预算拨款", "是", "P", 50000],
      ])
    );
    const i = f.income;
    expect(
      [
        i.currentBySource["一般公共预算"],
        i.currentBySource["财政专户"],
        i.unitFundsCurrent,
        i.current,
      ].map(s)
    ).toEqual(["1", "2", "7", "10"]);
    expect(
      [
        i.carryoverBySource["政府性基金"],
        i.carryover,
        i.fiscalCarryover,
        i.fiscalCurrent,
        i.total,
      ].map(s)
    ).toEqual(["5", "5", "5", "1", "15"]);
    const total = f.byFunction[0];
    expect([total.fiscal.total, total.unitFunds.total].map(s)).toEqual(["6", "7"]);
  });

  it("orders every 类 before its 款 and every 款 before its 项", () => {
    const f = ledgerFigures(
      ledgerOf([
        ["2210201", "30113", "人员经费", "一般公共预算", "否", "", 1],
        ["2013201", "30101", "人员经费", "一般公共预算", "否", "", 1],
        ["2080505", "30108", "人员经费", "一般公共预算", "否", "", 1],
      ])
    );
    expect(f.byFunction.map((n) => `${n.level}:${n.code}`)).toEqual([
      "0:",
      "1:201",
      "2:20132",
      "3:2013201",
      "1:208",
      "2:20805",
      "3:2080505",
      "1:221",
      "2:22102",
      "3:2210201",
    ]);
    expect(f.byEconomic.map((n) => n.code)).toEqual(["", "301", "30101", "30108", "30113"]);
  });
});
