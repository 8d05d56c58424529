/**
 * The Ministry of Finance's set (财政部, 部门预算公开 9 张表): 部门收支总表, 部门收入总表,
 * 部门支出总表, 财政拨款收支总表, 一般公共预算支出表, 一般公共预算基本支出表,
 * 一般公共预算“三公”经费支出表, 政府性基金预算支出表, 国有资本经营预算支出表.
 *
 * The layout follows the Ministry's sample tables: the year in the title, `部门名称：…` and
 * `单位：万元` above the header, no 序号 and no 栏次, income by every source of its own
 * (事业收入, 事业单位经营收入 … side by side), the “三公” items as columns. Every table includes
 * 上年结转. Not here: the comparison columns (上年执行数, 增减) the Ministry's tables add, which need
 * last year's figures.
 */
import { SUMMARY_CLASSES, WIDTH, amount, code, fiscalSummaryTable, label } from "./common";
import { DEFAULT_CHANGE_REASON_THRESHOLD_PERCENT } from "./province";
import type { Province } from "./province";
import type { ColumnTemplate, MetaCell, TableTemplate } from "./types";

const DEPARTMENT_LINE: readonly (readonly MetaCell[])[] = [
  [
    { text: "部门名称：{department}", col: 1, toCol: -2 },
    { text: "单位：万元", col: -1, align: "right" },
  ],
];

const ITEM = "项目";
const SUBJECT = "科目";
const FUNCTION_CODE = [code([SUBJECT, "科目编码"]), label([SUBJECT, "科目名称"])];

/** Income sources in the Ministry's order and wording. */
const SOURCES: ReadonlyArray<readonly [string, string]> = [
  ["一般公共预算拨款收入", "一般公共预算"],
  ["政府性基金预算拨款收入", "政府性基金"],
  ["国有资本经营预算拨款收入", "国有资本经营"],
  ["财政专户管理资金收入", "财政专户"],
  ["事业收入", "事业收入"],
  ["事业单位经营收入", "经营收入"],
  ["上级补助收入", "上级补助收入"],
  ["附属单位上缴收入", "附属单位上缴收入"],
  ["其他收入", "otherIncome"],
];

const ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];

const summary: TableTemplate = {
  id: "mof.summary",
  kind: "收支总表",
  sheetName: "表1 部门收支总表",
  title: "{year}年部门收支总表",
  meta: DEPARTMENT_LINE,
  columns: [
    label(["收入", ITEM], WIDTH.item, 0),
    amount(["收入", "预算数"], "all.current", { side: 0 }),
    label(["支出", ITEM], WIDTH.item, 1),
    amount(["支出", "预算数"], "all.total", { side: 1 }),
  ],
  sides: [
    {
      rows: {
        kind: "items",
        rows: SOURCES.map(([caption, group], i) => ({
          label: `${ORDINALS[i]}、${caption}`,
          key: `${group}.current`,
        })),
      },
      footer: [
        { label: "本年收入合计", key: "all.current", total: true },
        { label: "上年结转结余", key: "all.carryover" },
        { label: "收入总计", key: "all.total", total: true },
      ],
    },
    {
      rows: { kind: "classes", classes: SUMMARY_CLASSES },
      footer: [
        { label: "本年支出合计", total: true },
        { label: "年终结转结余", key: "zero" },
        { label: "支出总计", total: true },
      ],
    },
  ],
  required: true,
};

const income: TableTemplate = {
  id: "mof.income",
  kind: "收入总表",
  sheetName: "表2 部门收入总表",
  title: "{year}年部门收入总表",
  meta: DEPARTMENT_LINE,
  columns: [
    ...FUNCTION_CODE,
    amount(["合计"], "all.total"),
    amount(["上年结转结余"], "all.carryover"),
    ...SOURCES.map(([caption, group]) => amount([caption], `${group}.current`)),
  ],
  sides: [{ rows: { kind: "function" }, totalLabelAt: "span" }],
  required: true,
};

const expenditure: TableTemplate = {
  id: "mof.expenditure",
  kind: "支出总表",
  sheetName: "表3 部门支出总表",
  title: "{year}年部门支出总表",
  meta: DEPARTMENT_LINE,
  columns: [
    ...FUNCTION_CODE,
    amount(["合计"], "all.total"),
    amount(["基本支出"], "all.basic"),
    amount(["项目支出"], "all.project"),
    // A budget line is 人员经费, 公用经费 or a project: these three kinds of spending never arise.
    amount(["上缴上级支出"], "zero"),
    amount(["事业单位经营支出"], "zero"),
    amount(["对附属单位补助支出"], "zero"),
  ],
  sides: [{ rows: { kind: "function" }, totalLabelAt: "span" }],
  required: true,
};

const fiscalSummary = fiscalSummaryTable({
  id: "mof.fiscal-summary",
  title: "{year}年财政拨款收支总表",
  meta: DEPARTMENT_LINE,
  item: ITEM,
  incomeAmount: "预算数",
  expenditure: [["合计"], ["一般公共预算"], ["政府性基金预算"], ["国有资本经营预算"]],
  sourceSuffix: "拨款",
  carryoverIn: "上年结转",
  carryoverOut: "年终结转结余",
  classes: SUMMARY_CLASSES,
});

const BUDGET = "{year}年预算数";

const basicProject = (group: string): ColumnTemplate[] => [
  amount([BUDGET, "合计"], `${group}.total`),
  amount([BUDGET, "基本支出"], `${group}.basic`),
  amount([BUDGET, "项目支出"], `${group}.project`),
];

function appropriationTable(
  id: string,
  kind: TableTemplate["kind"],
  sheetName: string,
  title: string,
  group: string,
  emptyNote?: string
): TableTemplate {
  return {
    id,
    kind,
    sheetName,
    title,
    meta: DEPARTMENT_LINE,
    columns: [...FUNCTION_CODE, ...basicProject(group)],
    sides: [{ rows: { kind: "function" }, totalLabelAt: "span" }],
    ...(emptyNote ? { empty: { note: emptyNote, keepRows: true } } : {}),
    required: true,
  };
}

const basic: TableTemplate = {
  id: "mof.basic",
  kind: "基本支出表",
  sheetName: "表6 一般公共预算基本支出表",
  title: "{year}年一般公共预算基本支出表",
  meta: DEPARTMENT_LINE,
  columns: [
    code(["部门预算支出经济分类科目", "科目编码"]),
    label(["部门预算支出经济分类科目", "科目名称"]),
    amount([BUDGET, "合计"], "一般公共预算.basic"),
    amount([BUDGET, "人员经费"], "一般公共预算.personnel"),
    amount([BUDGET, "公用经费"], "一般公共预算.publicUse"),
  ],
  sides: [{ rows: { kind: "economic" }, totalLabelAt: "span" }],
  required: true,
};

const VEHICLE = "公务用车购置及运行费";
const tp = (item: string) => `threePublic.${item}/一般公共预算.total`;

/** The Ministry prints the “三公” items side by side: one row of figures under them. */
const threePublic: TableTemplate = {
  id: "mof.three-public",
  kind: "三公经费表",
  sheetName: "表7 一般公共预算“三公”经费支出表",
  title: "{year}年一般公共预算“三公”经费支出表",
  meta: DEPARTMENT_LINE,
  columns: [
    label([ITEM], 16),
    amount(["合计"], tp("total")),
    amount(["因公出国（境）费"], tp("abroad")),
    amount([VEHICLE, "小计"], tp("vehicle")),
    amount([VEHICLE, "公务用车购置费"], tp("vehiclePurchase")),
    amount([VEHICLE, "公务用车运行费"], tp("vehicleOperation")),
    amount(["公务接待费"], tp("reception")),
  ],
  sides: [{ rows: { kind: "items", rows: [{ label: BUDGET }] } }],
  empty: { note: "注：本部门无一般公共预算“三公”经费支出，故本表为空表。", keepRows: true },
  required: true,
};

/** The Ministry's set, in its order. */
export const MOF_TEMPLATES: readonly TableTemplate[] = [
  summary,
  income,
  expenditure,
  fiscalSummary,
  appropriationTable(
    "mof.general-budget",
    "一般公共预算支出表",
    "表5 一般公共预算支出表",
    "{year}年一般公共预算支出表",
    "一般公共预算"
  ),
  basic,
  threePublic,
  appropriationTable(
    "mof.fund",
    "政府性基金支出表",
    "表8 政府性基金预算支出表",
    "{year}年政府性基金预算支出表",
    "政府性基金",
    "注：本部门无政府性基金预算安排的支出，故本表为空表。"
  ),
  appropriationTable(
    "mof.state-capital",
    "国有资本经营支出表",
    "表9 国有资本经营预算支出表",
    "{year}年国有资本经营预算支出表",
    "国有资本经营",
    "注：本部门无国有资本经营预算安排的支出，故本表为空表。"
  ),
];

export const MOF: Province = {
  id: "mof",
  name: "财政部",
  englishName: "Ministry of Finance",
  aliases: ["财政部", "通用"],
  tables: MOF_TEMPLATES,
  supplements: [],
  set: {
    tableNumbering: "arabic",
    coverYear: "年",
    requiresCostIndicators: false,
    tables: [
      { kind: "收支总表", title: "部门收支总表" },
      { kind: "收入总表", title: "部门收入总表" },
      { kind: "支出总表", title: "部门支出总表" },
      { kind: "财政拨款收支总表", title: "财政拨款收支总表" },
      { kind: "一般公共预算支出表", title: "一般公共预算支出表" },
      { kind: "基本支出表", title: "一般公共预算基本支出表" },
      { kind: "三公经费表", title: "一般公共预算“三公”经费支出表" },
      { kind: "政府性基金支出表", title: "政府性基金预算支出表" },
      { kind: "国有资本经营支出表", title: "国有资本经营预算支出表" },
    ],
  },
  projectTableMeasure: "total",
  settings: { changeReasonThresholdPercent: DEFAULT_CHANGE_REASON_THRESHOLD_PERCENT },
};
