/**
 * Hebei (河北): the nine tables of 中国共产党曲阳县委员会组织部 2024 (seeds/000, fixtures/quyang-2024),
 * caption for caption, then 项目支出表. Every table has 序号 and a 栏次 row, a department line
 * `203中国共产党曲阳县委员会组织部 … 预算年度：2024 … 单位：万元`, and includes 上年结转.
 * Then the supplementary tables of quyang's 情况说明 (六 项目绩效目标表, 七 政府采购预算, 八 固定资产),
 * drawn from the workbook's own tables of those kinds (HEBEI_SUPPLEMENTS).
 */
import {
  HEBEI_SUMMARY_CLASSES,
  WIDTH,
  amount,
  code,
  fiscalSummaryTable,
  label,
  serial,
} from "./common";
import { DEFAULT_CHANGE_REASON_THRESHOLD_PERCENT } from "./province";
import type { Province } from "./province";
import type {
  AssetsTemplate,
  ColumnTemplate,
  FigureKey,
  GoalFormsTemplate,
  MetaCell,
  ProcurementTemplate,
  SupplementTemplate,
  TableTemplate,
} from "./types";

/** `203中国共产党…组织部` over `span` columns, `预算年度：2024` at `yearColumn`, `单位：万元` at the right edge. */
function departmentLine(span: number, yearColumn: number): readonly (readonly MetaCell[])[] {
  return [
    [
      { text: "{departmentCode}{department}", col: 1, toCol: span },
      { text: "预算年度：{year}", col: yearColumn },
      { text: "单位：万元", col: -1, align: "right" },
    ],
  ];
}

const FUNCTION_CODE = (caption: string) => [
  code(["功能分类科目", caption]),
  label(["功能分类科目", "科目名称"]),
];

const basicProject = (group: string): ColumnTemplate[] => [
  amount(["合计"], `${group}.total`),
  amount(["基本支出"], `${group}.basic`),
  amount(["项目支出"], `${group}.project`),
];

const THIS_YEAR = "本年收入";

const summary: TableTemplate = {
  id: "hebei.summary",
  kind: "收支总表",
  sheetName: "表1 收支总表",
  title: "部门预算收支总表",
  meta: departmentLine(2, 3),
  columnNumbers: "labelled",
  columns: [
    serial(),
    label(["收入", "项  目"], WIDTH.item, 0),
    amount(["收入", "预算数"], "all.current", { side: 0 }),
    label(["支出", "项  目"], WIDTH.item, 1),
    amount(["支出", "预算数"], "all.total", { side: 1 }),
  ],
  sides: [
    {
      rows: {
        kind: "items",
        rows: [
          { label: "一、一般公共预算拨款收入", key: "一般公共预算.current" },
          { label: "二、政府性基金预算拨款收入", key: "政府性基金.current" },
          { label: "三、国有资本经营预算拨款收入", key: "国有资本经营.current" },
          { label: "四、财政专户管理资金收入", key: "财政专户.current" },
          { label: "五、单位资金", key: "unitFunds.current" },
        ],
      },
      footer: [
        { label: "本年收入合计", key: "all.current", total: true },
        { label: "上年结转结余", key: "all.carryover" },
        { label: "收入总计", key: "all.total", total: true },
      ],
    },
    {
      rows: { kind: "classes", classes: HEBEI_SUMMARY_CLASSES },
      footer: [
        { label: "本年支出合计", total: true },
        // A budget plans to spend all of its money: nothing is left at year end.
        { label: "年终结转结余", key: "zero" },
        { label: "支出总计", total: true },
      ],
    },
  ],
  required: true,
};

const income: TableTemplate = {
  id: "hebei.income",
  kind: "收入总表",
  sheetName: "表2 收入总表",
  title: "部门预算收入总表",
  meta: departmentLine(5, 7),
  columnNumbers: "labelled",
  columns: [
    serial(),
    ...FUNCTION_CODE("科目    编码"),
    amount(["合计"], "all.total"),
    amount([THIS_YEAR, "小计"], "all.current"),
    amount([THIS_YEAR, "财政拨款 收入"], "fiscal.current"),
    amount([THIS_YEAR, "财政专户 收入"], "财政专户.current"),
    amount([THIS_YEAR, "事业收入"], "事业收入.current"),
    amount([THIS_YEAR, "经营收入"], "经营收入.current"),
    amount([THIS_YEAR, "上级补助收入"], "上级补助收入.current"),
    amount([THIS_YEAR, "附属单位上缴收入"], "附属单位上缴收入.current"),
    amount([THIS_YEAR, "其他收入"], "otherIncome.current"),
    amount(["上年结转"], "all.carryover"),
  ],
  sides: [{ rows: { kind: "function" } }],
  required: true,
};

const expenditure: TableTemplate = {
  id: "hebei.expenditure",
  kind: "支出总表",
  sheetName: "表3 支出总表",
  title: "部门预算支出总表",
  meta: departmentLine(3, 5),
  columnNumbers: "labelled",
  columns: [
    serial(),
    ...FUNCTION_CODE("科目    编码"),
    ...basicProject("all"),
    // A budget line is 人员经费, 公用经费 or a project: these three kinds of spending never arise.
    amount(["经营支出"], "zero"),
    amount(["上解上级     支出"], "zero"),
    amount(["对附属单位补助支出"], "zero"),
  ],
  sides: [{ rows: { kind: "function" } }],
  required: true,
};

const fiscalSummary = fiscalSummaryTable({
  id: "hebei.fiscal-summary",
  title: "部门预算财政拨款收支总表",
  meta: departmentLine(3, 5),
  serialColumn: true,
  columnNumbers: "labelled",
  item: "项  目",
  incomeAmount: "金额",
  expenditure: [
    ["合计"],
    ["一般公共预算财政拨款"],
    ["政府性基金预算财政    拨款"],
    ["国有资本经营预算财政拨款"],
  ],
  sourceSuffix: "拨款",
  carryoverIn: "年初财政拨款结转和结余",
  carryoverOut: "年末财政拨款结转和结余",
  classes: HEBEI_SUMMARY_CLASSES,
});

const FISCAL_FUNCTION_CODE = FUNCTION_CODE("科目编码");

/** 一般公共预算 / 政府性基金 / 国有资本经营 财政拨款支出表: 功能 类/款/项 × 合计, 基本支出, 项目支出. */
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
    meta: departmentLine(2, 4),
    columnNumbers: "labelled",
    columns: [serial(), ...FISCAL_FUNCTION_CODE, ...basicProject(group)],
    sides: [{ rows: { kind: "function" } }],
    ...(emptyNote ? { empty: { note: emptyNote, keepRows: false } } : {}),
    required: true,
  };
}

const BASIC = "一般公共预算基本支出";

const basic: TableTemplate = {
  id: "hebei.basic",
  kind: "基本支出表",
  sheetName: "表6 基本支出表",
  title: "部门预算一般公共预算财政拨款基本支出表",
  meta: departmentLine(2, 4),
  columnNumbers: "labelled",
  columns: [
    serial(),
    code(["支出部门经济分类科目", "科目编码"]),
    label(["支出部门经济分类科目", "科目名称"]),
    amount([BASIC, "合计"], "一般公共预算.basic"),
    amount([BASIC, "人员经费"], "一般公共预算.personnel"),
    amount([BASIC, "公用经费"], "一般公共预算.publicUse"),
  ],
  sides: [{ rows: { kind: "economic" } }],
  required: true,
};

const NATURE = "资 金 性 质";
const threePublicColumn = (caption: string, key: FigureKey) => amount([NATURE, caption], key);

const threePublic: TableTemplate = {
  id: "hebei.three-public",
  kind: "三公经费表",
  sheetName: "表9 三公经费",
  title: "部门预算财政拨款“三公”经费支出表",
  meta: departmentLine(2, 4),
  columnNumbers: "labelled",
  columns: [
    serial(),
    label(["项  目"], WIDTH.item),
    threePublicColumn("合计", "fiscal.total"),
    threePublicColumn("一般公共预算              财政拨款", "一般公共预算.total"),
    threePublicColumn("政府性基金                  预算拨款", "政府性基金.total"),
    threePublicColumn("国有资本经营              预算财政拨款", "国有资本经营.total"),
  ],
  sides: [
    {
      rows: {
        kind: "items",
        rows: [
          { label: "合计", subject: "threePublic.total", total: true },
          { label: "“三公”经费小计", subject: "threePublic.total" },
          { label: "一、因公出国（境）费", subject: "threePublic.abroad" },
          // A budget line does not break 因公出国 down further: all of it is “其他”.
          { label: "          其他因公出国（境）费", subject: "threePublic.abroad" },
          { label: "二、公务用车购置及运维费", subject: "threePublic.vehicle" },
          { label: "    其中：公务用车购置费", subject: "threePublic.vehiclePurchase" },
          { label: "          公务用车运行维护费", subject: "threePublic.vehicleOperation" },
          { label: "三、公务接待费", subject: "threePublic.reception" },
        ],
      },
    },
  ],
  empty: { note: "注：无财政拨款“三公”经费预算，空表列示。", keepRows: true },
  required: true,
};

/**
 * Not in quyang-2024 (a layout of ours in the Hebei style): one row per project, its money by
 * source this year and its 上年结转, so that 合计 = 本年收入 + 上年结转 as in the 收入总表.
 */
const projects: TableTemplate = {
  id: "hebei.projects",
  kind: "项目支出表",
  sheetName: "表10 项目支出",
  title: "部门预算项目支出表",
  meta: departmentLine(3, 5),
  columnNumbers: "labelled",
  columns: [
    serial(),
    label(["项目名称"], WIDTH.project),
    amount(["合计"], "all.total"),
    amount([THIS_YEAR, "小计"], "all.current"),
    amount([THIS_YEAR, "一般公共预算拨款"], "一般公共预算.current"),
    amount([THIS_YEAR, "政府性基金预算拨款"], "政府性基金.current"),
    amount([THIS_YEAR, "国有资本经营预算拨款"], "国有资本经营.current"),
    amount([THIS_YEAR, "财政专户管理资金"], "财政专户.current"),
    amount([THIS_YEAR, "单位资金"], "unitFunds.current"),
    amount(["上年结转"], "all.carryover"),
  ],
  sides: [{ rows: { kind: "projects", totals: ["合计"] } }],
  empty: { note: "注：本部门无项目支出预算，空表列示。", keepRows: true },
  required: false,
};

/** The Hebei set, in the published order. */
export const HEBEI_TEMPLATES: readonly TableTemplate[] = [
  summary,
  income,
  expenditure,
  fiscalSummary,
  appropriationTable(
    "hebei.general-budget",
    "一般公共预算支出表",
    "表5 一般公共预算支出表",
    "部门预算一般公共预算财政拨款支出表",
    "一般公共预算"
  ),
  basic,
  appropriationTable(
    "hebei.fund",
    "政府性基金支出表",
    "表7 政府性基金支出表",
    "部门预算政府性基金预算财政拨款支出表",
    "政府性基金",
    // Worded as the Hebei template prints it.
    "注：无政府基金预算财政拨款预算，空表列示。"
  ),
  appropriationTable(
    "hebei.state-capital",
    "国有资本经营支出表",
    "表8 国有资本经营支出表",
    "部门预算国有资本经营预算财政拨款支出表",
    "国有资本经营",
    "注：无国有资本经营预算财政拨款预算，空表列示。"
  ),
  threePublic,
  projects,
];

// ---------------------------------------------------------------------------------------------
// Supplementary tables, caption for caption as quyang-2024 prints them.

const goalForms: GoalFormsTemplate = {
  id: "hebei.goals",
  kind: "绩效目标表",
  sheetName: "表11 项目绩效目标",
  // Not “…绩效目标表”: that would read as one project's form (core/read/goals).
  title: "部门项目预算安排情况及绩效目标",
  meta: [
    [
      { text: "{departmentCode}{department}", col: 1, toCol: 3 },
      { text: "预算年度：{year}", col: 4 },
    ],
  ],
  layout: "budgetPlan",
  widths: [13, 13, 18, 13, 13, 12, 18],
  planStages: ["3月底", "6月底", "10月底", "12月底"],
  empty: "注：本部门无项目支出，未设置项目绩效目标。",
  orientation: "portrait",
};

const PURCHASE = "政府采购金额（当年部门预算安排资金）";

const procurement: ProcurementTemplate = {
  id: "hebei.procurement",
  kind: "政府采购表",
  sheetName: "表12 政府采购预算",
  title: "部门政府采购预算",
  meta: [
    [
      { text: "{departmentCode}{department}", col: 1, toCol: 5 },
      { text: "单位：万元", col: -1, align: "right" },
    ],
  ],
  columns: [
    { caption: ["政府采购项目来源", "项目名称"], field: "project", width: 30 },
    { caption: ["政府采购项目来源", "预算资金"], field: "projectBudget", width: 10 },
    { caption: ["采购物品名称"], field: "item", width: 22 },
    { caption: ["政府采购目录序号"], field: "catalogCode", width: 12 },
    { caption: ["计量单位"], field: "unit", width: 6 },
    { caption: ["数量"], field: "quantity", width: 6 },
    { caption: ["单价"], field: "price", width: 9 },
    { caption: [PURCHASE, "合计"], field: "amount", width: 10 },
    { caption: [PURCHASE, "一般公共预算拨款"], field: { source: "一般公共预算" }, width: 10 },
    { caption: [PURCHASE, "基金预算拨款"], field: { source: "政府性基金" }, width: 9 },
    { caption: [PURCHASE, "国有资本经营预算拨款"], field: { source: "国有资本经营" }, width: 9 },
    { caption: [PURCHASE, "财政专户核拨"], field: { source: "财政专户" }, width: 9 },
    { caption: [PURCHASE, "单位资金"], field: { source: "单位资金" }, width: 9 },
    { caption: [PURCHASE, "上年结转结余"], field: { source: "上年结转" }, width: 9 },
    { caption: ["{year}年预留中小微企业份额"], field: "reserve", width: 10 },
  ],
  totals: ["合  计", "{department}小计"],
  note: "注：同一采购目录序号的物品，其单价会因配置规格不同而变动，均符合资产配置标准。涉密采购事项按照相关规定执行。",
  empty: "注：本部门无政府采购预算，空表列示。",
};

const assets: AssetsTemplate = {
  id: "hebei.assets",
  kind: "固定资产表",
  sheetName: "表13 固定资产",
  title: "部门固定资产占用情况表",
  meta: [
    [
      { text: "{departmentCode}{department}", col: 1, toCol: 2 },
      { text: "截止时间：{asOf}", col: -1, align: "right" },
    ],
  ],
  columns: [
    { caption: "项   目", field: "label", width: 36 },
    { caption: "数量", field: "quantity", width: 12 },
    { caption: "价值（金额单位：万元）", field: "value", width: 20 },
  ],
  rows: [
    { label: "资产总额", name: "资产总额", total: true },
    { label: "1、房屋（平方米）", name: "房屋" },
    { label: "　　其中：办公用房（平方米）", name: "办公用房" },
    { label: "2、车辆（台、辆）", name: "车辆" },
    { label: "3、单价在20万元以上的设备", name: "单价在20万元以上的设备" },
    { label: "4、其他固定资产", name: "其他固定资产" },
  ],
};

/**
 * After the nine tables and 表10, in the order of the 情况说明 that quotes them; the task pane lists
 * their sheet names without loading this registry (src/taskpane/disclosure.ts).
 */
export const HEBEI_SUPPLEMENTS: readonly SupplementTemplate[] = [goalForms, procurement, assets];

export const HEBEI: Province = {
  id: "hebei",
  name: "河北",
  englishName: "Hebei",
  aliases: ["河北", "冀"],
  tables: HEBEI_TEMPLATES,
  supplements: HEBEI_SUPPLEMENTS,
  set: {
    tableNumbering: "arabic",
    coverYear: "年",
    requiresCostIndicators: false,
    tables: [
      { kind: "收支总表", title: "部门预算收支总表" },
      { kind: "收入总表", title: "部门预算收入总表" },
      { kind: "支出总表", title: "部门预算支出总表" },
      { kind: "财政拨款收支总表", title: "部门预算财政拨款收支总表" },
      { kind: "一般公共预算支出表", title: "部门预算一般公共预算财政拨款支出表" },
      { kind: "基本支出表", title: "部门预算一般公共预算财政拨款基本支出表" },
      { kind: "政府性基金支出表", title: "部门预算政府性基金预算财政拨款支出表" },
      { kind: "国有资本经营支出表", title: "部门预算国有资本经营预算财政拨款支出表" },
      { kind: "三公经费表", title: "部门预算财政拨款“三公”经费支出表" },
    ],
  },
  projectTableMeasure: "total",
  settings: { changeReasonThresholdPercent: DEFAULT_CHANGE_REASON_THRESHOLD_PERCENT },
};
