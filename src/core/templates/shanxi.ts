/**
 * Shanxi (山西): 预算公开表1–13 of 中共长治市屯留区委组织部 2024 (seeds/004, fixtures/tunliu-2024).
 * No 序号 column; the year is in the title; row 2 carries the table number, row 3
 * `部门名称：… 单位：万元`; 合计 is merged over 科目编码 and 科目名称. Tables 5–9 are 不含上年结转 (this
 * year's money only), 表12 lists this year's project money and 表13 the carried-over.
 *
 * Two departures from the 2024 print, both deliberate: 表9 is numbered 预算公开表9 (printed
 * 部门公开表9), and 表11's caption reads `{year}年预算数` (printed `2024预算数`).
 */
import { SUMMARY_CLASSES, WIDTH, amount, code, fiscalSummaryTable, label } from "./common";
import { DEFAULT_CHANGE_REASON_THRESHOLD_PERCENT } from "./province";
import type { Province } from "./province";
import type { ColumnTemplate, MetaCell, TableTemplate } from "./types";

/** `预算公开表N` over A:B, then `部门名称：…` up to the third column from the right and `单位：万元`. */
function tableHeading(n: number): readonly (readonly MetaCell[])[] {
  return [
    [{ text: `预算公开表${n}`, col: 1, toCol: 2 }],
    [
      { text: "部门名称：{department}", col: 1, toCol: -3 },
      { text: "单位：万元", col: -1, align: "right" },
    ],
  ];
}

const ITEM = "项目";
const BUDGET = "{year}年预算数";
const FISCAL = "{year}年财政拨款";

const FUNCTION_CODE = [code([ITEM, "科目编码"]), label([ITEM, "科目名称"])];

const summary: TableTemplate = {
  id: "shanxi.summary",
  kind: "收支总表",
  sheetName: "表1 收支总表",
  title: "{year}年预算收支总表",
  meta: tableHeading(1),
  columns: [
    label(["收入", ITEM], WIDTH.item, 0),
    amount(["收入", "{year}年"], "all.current", { side: 0 }),
    label(["支出", ITEM], WIDTH.item, 1),
    amount(["支出", "{year}年合计"], "all.total", { side: 1 }),
    amount(["支出", "当年预算安排"], "all.current", { side: 1 }),
    amount(["支出", "上年结转安排"], "all.carryover", { side: 1 }),
  ],
  sides: [
    {
      rows: {
        kind: "items",
        rows: [
          { label: "一、一般公共预算", key: "一般公共预算.current" },
          { label: "二、政府性基金预算", key: "政府性基金.current" },
          { label: "三、国有资本经营预算", key: "国有资本经营.current" },
          { label: "四、财政专户管理资金", key: "财政专户.current" },
          { label: "五、单位资金", key: "unitFunds.current" },
        ],
      },
      footer: [
        { label: "本年收入合计", key: "all.current", total: true },
        { label: "上年结转", key: "all.carryover" },
        { label: "收入总计", key: "all.total", total: true },
      ],
    },
    {
      rows: { kind: "classes", classes: SUMMARY_CLASSES },
      footer: [
        { label: "本年支出合计", total: true },
        { label: "年终结转", key: "zero" },
        { label: "支出总计", total: true },
      ],
    },
  ],
  required: true,
};

const THIS_YEAR = "本年收入";

const income: TableTemplate = {
  id: "shanxi.income",
  kind: "收入总表",
  sheetName: "表2 收入总表",
  title: "{year}年预算收入总表",
  meta: tableHeading(2),
  columns: [
    ...FUNCTION_CODE,
    amount([THIS_YEAR, "合计"], "all.current"),
    amount([THIS_YEAR, "一般公共预算"], "一般公共预算.current"),
    amount([THIS_YEAR, "政府性基金"], "政府性基金.current"),
    amount([THIS_YEAR, "国有资本经营预算"], "国有资本经营.current"),
    amount([THIS_YEAR, "财政专户管理资金"], "财政专户.current"),
    amount([THIS_YEAR, "单位资金"], "unitFunds.current"),
    amount(["上年结转"], "all.carryover"),
  ],
  sides: [{ rows: { kind: "function" }, totalLabelAt: "span" }],
  required: true,
};

const basicProject = (key: (measure: string) => string): ColumnTemplate[] => [
  amount([BUDGET, "合计"], key("total")),
  amount([BUDGET, "基本支出"], key("basic")),
  amount([BUDGET, "项目支出"], key("project")),
];

const expenditure: TableTemplate = {
  id: "shanxi.expenditure",
  kind: "支出总表",
  sheetName: "表3 支出总表",
  title: "{year}年预算支出总表",
  meta: tableHeading(3),
  columns: [...FUNCTION_CODE, ...basicProject((m) => `all.${m}`)],
  sides: [{ rows: { kind: "function" }, totalLabelAt: "span" }],
  required: true,
};

const fiscalSummary = fiscalSummaryTable({
  id: "shanxi.fiscal-summary",
  title: "{year}年财政拨款收支总表",
  meta: tableHeading(4),
  item: ITEM,
  incomeAmount: "金额",
  expenditure: [
    ["金额", "小计"],
    ["金额", "一般公共预算"],
    ["金额", "政府性基金预算"],
    ["金额", "国有资本经营预算"],
  ],
  sourceSuffix: "",
  carryoverIn: "上年财政拨款结转",
  carryoverOut: "年终结转",
  classes: SUMMARY_CLASSES,
});

const generalBudget: TableTemplate = {
  id: "shanxi.general-budget",
  kind: "一般公共预算支出表",
  sheetName: "表5 一般公共预算支出表",
  title: "{year}年一般公共预算支出预算表（不含上年结转）",
  meta: tableHeading(5),
  columns: [...FUNCTION_CODE, ...basicProject((m) => `一般公共预算.${m}@current`)],
  sides: [{ rows: { kind: "function" }, totalLabelAt: "span" }],
  required: true,
};

const basic: TableTemplate = {
  id: "shanxi.basic",
  kind: "基本支出表",
  sheetName: "表6 基本支出表",
  title: "{year}年一般公共预算安排基本支出分经济科目表（不含上年结转）",
  meta: tableHeading(6),
  columns: [
    label(["部门预算支出经济科目名称"], WIDTH.name),
    { caption: ["政府预算支出经济科目名称"], role: "govEconomicName", width: 20 },
    amount([BUDGET, "合计"], "一般公共预算.basic@current"),
    amount([BUDGET, "人员经费"], "一般公共预算.personnel@current"),
    amount([BUDGET, "公用经费"], "一般公共预算.publicUse@current"),
  ],
  // The 部门 and 政府 class names stand side by side; the 合计 label spans both.
  sides: [{ rows: { kind: "economic" }, totalLabelAt: "span" }],
  required: true,
};

const NO_DATA = "注：本表无数据";

const fundIncome: TableTemplate = {
  id: "shanxi.fund-income",
  kind: "政府性基金收入表",
  sheetName: "表7 政府性基金收入表",
  title: "{year}年政府性基金预算收入表（不含上年结转）",
  meta: tableHeading(7),
  columns: [
    code([ITEM, "收入科目编码"]),
    label([ITEM, "科目名称"]),
    amount(["政府性基金收入预算"], "政府性基金.current"),
  ],
  // A department's fund income is known in total only: the 收入 classification is not in its budget lines.
  sides: [
    { rows: { kind: "items", rows: [{ label: "合计", total: true }] }, totalLabelAt: "span" },
  ],
  empty: { note: NO_DATA, keepRows: true },
  required: true,
};

const fundExpenditure: TableTemplate = {
  id: "shanxi.fund",
  kind: "政府性基金支出表",
  sheetName: "表8 政府性基金支出表",
  title: "{year}年政府性基金预算支出表（不含上年结转）",
  meta: tableHeading(8),
  columns: [
    code(["科目编码"]),
    label(["科目名称"]),
    amount(["合计"], "政府性基金.total@current"),
    amount(["基本支出"], "政府性基金.basic@current"),
    amount(["项目支出"], "政府性基金.project@current"),
  ],
  sides: [{ rows: { kind: "function" }, totalLabelAt: "span" }],
  empty: { note: NO_DATA, keepRows: true },
  required: true,
};

const CAPITAL_INCOME = "国有资本经营预算收入";
const CAPITAL_SPENDING = "国有资本经营预算支出";

const stateCapital: TableTemplate = {
  id: "shanxi.state-capital",
  kind: "国有资本经营支出表",
  sheetName: "表9 国有资本经营收支表",
  title: "{year}年国有资本经营预算收支预算表（不含上年结转）",
  meta: tableHeading(9),
  columns: [
    code([CAPITAL_INCOME, ITEM, "收入科目编码"], 0),
    label([CAPITAL_INCOME, ITEM, "科目名称"], WIDTH.item, 0),
    amount([CAPITAL_INCOME, "国有资本经营收入预算"], "国有资本经营.current", { side: 0 }),
    code([CAPITAL_SPENDING, "科目编码"], 1),
    label([CAPITAL_SPENDING, "科目名称"], WIDTH.item, 1),
    amount([CAPITAL_SPENDING, "合计"], "国有资本经营.total@current", { side: 1 }),
    amount([CAPITAL_SPENDING, "基本支出"], "国有资本经营.basic@current", { side: 1 }),
    amount([CAPITAL_SPENDING, "项目支出"], "国有资本经营.project@current", { side: 1 }),
  ],
  sides: [
    { rows: { kind: "items", rows: [{ label: "合计", total: true }] }, totalLabelAt: "span" },
    { rows: { kind: "function" }, totalLabelAt: "span" },
  ],
  empty: { note: NO_DATA, keepRows: true },
  required: true,
};

const fiscalSources = (key: (group: string) => string): ColumnTemplate[] => [
  amount([BUDGET, "合计"], key("fiscal")),
  amount([BUDGET, "一般公共预算"], key("一般公共预算")),
  amount([BUDGET, "政府性基金预算"], key("政府性基金")),
  amount([BUDGET, "国有资本经营预算"], key("国有资本经营")),
];

const threePublic: TableTemplate = {
  id: "shanxi.three-public",
  kind: "三公经费表",
  sheetName: "表10 三公经费",
  title: "{year}年财政拨款安排“三公”经费支出预算表",
  meta: tableHeading(10),
  columns: [label([ITEM], WIDTH.item), ...fiscalSources((group) => `${group}.total`)],
  sides: [
    {
      rows: {
        kind: "items",
        rows: [
          { label: "因公出国（境）费", subject: "threePublic.abroad" },
          { label: "公务接待费", subject: "threePublic.reception" },
          { label: "公务用车购置及运行费", subject: "threePublic.vehicle" },
          { label: "①公务用车购置费", subject: "threePublic.vehiclePurchase" },
          { label: "②公务用车运行维护费", subject: "threePublic.vehicleOperation" },
          { label: "合计", subject: "threePublic.total", total: true },
        ],
      },
    },
  ],
  empty: { note: NO_DATA, keepRows: true },
  required: true,
};

const operatingCost: TableTemplate = {
  id: "shanxi.operating-cost",
  kind: "机关运行经费表",
  sheetName: "表11 机关运行经费",
  title: "{year}年财政拨款安排机关运行经费预算表",
  meta: tableHeading(11),
  // Compared with 表6's 公用经费, which is 不含上年结转: this year's money too.
  columns: [
    label(["单位名称"], WIDTH.item),
    ...fiscalSources((group) => `${group}.publicUse@current`),
  ],
  sides: [
    {
      rows: {
        kind: "items",
        rows: [
          { label: "部门合计", total: true },
          { label: "{department}", total: true },
        ],
      },
    },
  ],
  empty: { note: NO_DATA, keepRows: true },
  administrativeOnly: true,
  required: true,
};

/** 项目名称 × 合计 and the sources; the department's and the unit's rows carry its name. */
function projectTable(
  id: string,
  sheetName: string,
  title: string,
  n: number,
  measure: "current" | "carryover"
): TableTemplate {
  return {
    id,
    kind: "项目支出表",
    sheetName,
    title,
    meta: tableHeading(n),
    columnNumbers: "bare",
    columns: [
      label(["项目名称"], WIDTH.project),
      amount(["合计"], `all.${measure}`),
      amount([FISCAL, "一般公共预算"], `一般公共预算.${measure}`),
      amount([FISCAL, "政府性基金预算"], `政府性基金.${measure}`),
      amount([FISCAL, "国有资本经营预算"], `国有资本经营.${measure}`),
      // 表13 prints these two only when some carried-over project money is not 财政拨款.
      amount(["财政专户管理资金"], `财政专户.${measure}`, {
        hideWhenZero: measure === "carryover",
      }),
      amount(["单位资金"], `unitFunds.${measure}`, { hideWhenZero: measure === "carryover" }),
    ],
    sides: [{ rows: { kind: "projects", totals: ["{department}", "{department}"] } }],
    empty: { note: NO_DATA, keepRows: true },
    required: true,
  };
}

/** The Shanxi set, 预算公开表1–13 in order. */
export const SHANXI_TEMPLATES: readonly TableTemplate[] = [
  summary,
  income,
  expenditure,
  fiscalSummary,
  generalBudget,
  basic,
  fundIncome,
  fundExpenditure,
  stateCapital,
  threePublic,
  operatingCost,
  projectTable(
    "shanxi.projects-current",
    "表12 项目支出(本年)",
    "{year}年项目支出预算表（本年预算）",
    12,
    "current"
  ),
  projectTable(
    "shanxi.projects-carryover",
    "表13 项目支出(上年结转)",
    "{year}年项目支出预算表（上年结转）",
    13,
    "carryover"
  ),
];

export const SHANXI: Province = {
  id: "shanxi",
  name: "山西",
  englishName: "Shanxi",
  aliases: ["山西", "晋"],
  tables: SHANXI_TEMPLATES,
  supplements: [],
  set: {
    tableNumbering: "chinese",
    coverYear: "年度",
    requiresCostIndicators: true,
    tables: [
      { kind: "收支总表", title: "预算收支总表" },
      { kind: "收入总表", title: "预算收入总表" },
      { kind: "支出总表", title: "预算支出总表" },
      { kind: "财政拨款收支总表", title: "财政拨款收支总表" },
      { kind: "一般公共预算支出表", title: "一般公共预算支出预算表" },
      { kind: "基本支出表", title: "一般公共预算安排基本支出分经济科目表" },
      { kind: "政府性基金收入表", title: "政府性基金预算收入表" },
      { kind: "政府性基金支出表", title: "政府性基金预算支出表" },
      { kind: "国有资本经营支出表", title: "国有资本经营预算收支表" },
      { kind: "三公经费表", title: "财政拨款安排“三公”经费支出预算表" },
      { kind: "机关运行经费表", title: "财政拨款安排机关运行经费预算表" },
      { kind: "项目支出表", title: "项目支出预算表（本年预算）", carryover: "included" },
      { kind: "项目支出表", title: "项目支出预算表（上年结转）", carryover: "only" },
    ],
  },
  projectTableMeasure: "current",
  settings: { changeReasonThresholdPercent: DEFAULT_CHANGE_REASON_THRESHOLD_PERCENT },
};
