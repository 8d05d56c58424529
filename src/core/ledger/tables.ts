/**
 * Renders the nine Hebei standard tables from ledger figures, as Grids in the layout of the
 * published Hebei workbooks (title, department line, two header rows, 栏次, 序号, 合计, 类/款/项).
 * A stand-in until the declarative templates under core/templates replace it; the tables are
 * described as data (columns, row sources) and rendered by three small functions.
 *
 * Rounding, and why every printed figure agrees with every other one:
 * 1. The ledger lines (the finest cells) are rounded to 0.01 万元 ONCE, with controlled rounding
 *    along the 功能 tree: the grand total is rounded 四舍五入, then each 类/款/项 total is split among
 *    its children by largest remainder, down to the lines (src/core/rounding.ts).
 * 2. The rounded lines are aggregated again with the same exact code as the unrounded ones
 *    (`aggregateFigures`), and every printed figure is read from that second aggregation.
 * So every printed figure is a sum of the same rounded lines: a 类 equals the sum of its printed
 * 款, the 合计 column the sum of its parts, and a figure that appears in several tables (201 支出
 * in 收支总表, 收入总表, 支出总表, 财政拨款收支总表, 一般公共预算支出表) is the same sum of the same
 * rounded lines everywhere — identical by construction, not by checking. The grand total equals the
 * exact total rounded; a subtotal differs from its own exact value by less than one fen per line
 * below it, which is the price of adding up.
 */
import type { CellRange, CellValue, Grid } from "../grid";
import { Money, ZERO, moneyToNumber } from "../money";
import { AmountTree, RoundedNode, roundTreeControlled } from "../rounding";
import { FigureLine, aggregateFigures, amountsOf } from "./figures";
import type {
  AmountGroup,
  BudgetFigures,
  ClassifiedFigures,
  ExpenditureAmounts,
  ThreePublicFigures,
  ThreePublicItem,
} from "./figures";
import type { FiscalSource, LedgerDepartment } from "./readLedger";

/** Rounds each line to 0.01 万元 so that every 功能 subtotal is the sum of its rounded lines. */
export function roundLinesControlled(lines: readonly FigureLine[]): FigureLine[] {
  const root: AmountTree<string> = { key: "", children: [] };
  const nodes = new Map<string, AmountTree<string>>([["", root]]);
  const nodeFor = (code: string): AmountTree<string> => {
    let node = nodes.get(code);
    if (!node) {
      const parentCode =
        code.length > 5 ? code.slice(0, 5) : code.length > 3 ? code.slice(0, 3) : "";
      node = { key: code, children: [] };
      nodeFor(parentCode).children!.push(node);
      nodes.set(code, node);
    }
    return node;
  };
  lines.forEach((line, i) =>
    nodeFor(line.functionCode).children!.push({ key: `#${i}`, value: line.amount })
  );
  const rounded = new Map<string, Money>();
  const collect = (node: RoundedNode<string>): void => {
    if (node.key.startsWith("#")) rounded.set(node.key, node.rounded);
    node.children.forEach(collect);
  };
  collect(roundTreeControlled(root, 2));
  return lines.map((line, i) => ({ ...line, amount: rounded.get(`#${i}`) ?? ZERO }));
}

// ---------------------------------------------------------------------------------------------
// Sheet building blocks

const AMOUNT_FORMAT = "0.00";

class SheetBuilder {
  readonly values: CellValue[][] = [];
  readonly formats: string[][] = [];
  readonly merges: CellRange[] = [];

  constructor(
    readonly sheet: string,
    readonly width: number
  ) {}

  /** 1-based row and column, as on the sheet. */
  set(row: number, col: number, value: CellValue, format = "General"): void {
    while (this.values.length < row) {
      this.values.push(Array.from({ length: this.width }, () => ""));
      this.formats.push(Array.from({ length: this.width }, () => "General"));
    }
    this.values[row - 1][col - 1] = value;
    this.formats[row - 1][col - 1] = format;
  }

  /** An amount cell: blank when zero, as the published tables print it. */
  amount(row: number, col: number, value: Money | undefined): void {
    if (value === undefined || value.isZero()) this.set(row, col, "", AMOUNT_FORMAT);
    else this.set(row, col, moneyToNumber(value), AMOUNT_FORMAT);
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }

  get rowCount(): number {
    return this.values.length;
  }

  grid(): Grid {
    return {
      sheet: this.sheet,
      origin: { row: 1, col: 1 },
      values: this.values,
      numberFormats: this.formats,
      merges: this.merges,
    };
  }
}

/** A column's header: one caption over both header rows, or a group caption over a leaf caption. */
type HeaderPath = readonly [string] | readonly [string, string];

interface Frame {
  sheet: string;
  title: string;
  /** Columns the department line spans, and the column of 预算年度 (1-based), as Hebei prints them. */
  departmentSpan: number;
  yearColumn: number;
  headers: readonly HeaderPath[];
}

const HEADER_TOP = 3;
const COLUMN_NUMBER_ROW = 5;
const FIRST_DATA_ROW = 6;

/**
 * Rows 1–5: title, department line, two header rows (single captions merged down, group captions
 * merged across), 栏次.
 */
function startSheet(frame: Frame, department: LedgerDepartment): SheetBuilder {
  const width = frame.headers.length;
  const sheet = new SheetBuilder(frame.sheet, width);
  sheet.set(1, 1, frame.title);
  sheet.merge(1, 1, 1, width);
  sheet.set(2, 1, `${department.code ?? ""}${department.name}`);
  sheet.merge(2, 1, 2, frame.departmentSpan);
  if (department.year !== undefined) sheet.set(2, frame.yearColumn, `预算年度：${department.year}`);
  sheet.set(2, width, "单位：万元");
  frame.headers.forEach((path, i) => {
    const col = i + 1;
    if (path.length === 1) {
      sheet.set(HEADER_TOP, col, path[0]);
      sheet.merge(HEADER_TOP, col, HEADER_TOP + 1, col);
      return;
    }
    sheet.set(HEADER_TOP + 1, col, path[1]);
    const previous = frame.headers[i - 1];
    if (previous?.length === 2 && previous[0] === path[0]) return;
    let right = col;
    while (frame.headers[right]?.length === 2 && frame.headers[right][0] === path[0]) right++;
    sheet.set(HEADER_TOP, col, path[0]);
    sheet.merge(HEADER_TOP, col, HEADER_TOP, right);
  });
  sheet.set(COLUMN_NUMBER_ROW, 1, "栏次");
  for (let col = 2; col <= width; col++) sheet.set(COLUMN_NUMBER_ROW, col, String(col - 1));
  return sheet;
}

const SERIAL: HeaderPath = ["序号"];

// ---------------------------------------------------------------------------------------------
// Coded lists: 收入总表, 支出总表, 一般公共预算支出表, 基本支出表, 政府性基金 / 国有资本经营支出表

interface AmountColumn<Row> {
  header: HeaderPath;
  value: (row: Row) => Money;
}

interface CodedListTable {
  frame: Omit<Frame, "headers">;
  /** Group caption, code caption, name caption. */
  codeHeader: readonly [string, string, string];
  rows: (figures: BudgetFigures) => ClassifiedFigures[];
  columns: readonly AmountColumn<ClassifiedFigures>[];
  /** Printed under the header, instead of any row, when the table has no amount at all. */
  emptyNote?: string;
}

function renderCodedList(
  table: CodedListTable,
  figures: BudgetFigures,
  department: LedgerDepartment
): Grid {
  const [group, codeCaption, nameCaption] = table.codeHeader;
  const headers: HeaderPath[] = [
    SERIAL,
    [group, codeCaption],
    [group, nameCaption],
    ...table.columns.map((c) => c.header),
  ];
  const sheet = startSheet({ ...table.frame, headers }, department);
  const [total, ...nodes] = table.rows(figures);
  const hasAmount = (node: ClassifiedFigures) => table.columns.some((c) => !c.value(node).isZero());
  const listed = nodes.filter(hasAmount);
  if (listed.length === 0 && table.emptyNote !== undefined) {
    sheet.set(FIRST_DATA_ROW, 1, table.emptyNote);
    sheet.merge(FIRST_DATA_ROW, 1, FIRST_DATA_ROW, headers.length);
    return sheet.grid();
  }
  [total, ...listed].forEach((node, i) => {
    const row = FIRST_DATA_ROW + i;
    sheet.set(row, 1, i + 1);
    sheet.set(row, 2, node.level === 0 ? "" : node.code);
    sheet.set(row, 3, node.level === 0 ? "合计" : node.name);
    table.columns.forEach((column, c) => sheet.amount(row, 4 + c, column.value(node)));
  });
  return sheet.grid();
}

/** A column reading one measure of one source group. */
const measure =
  (group: AmountGroup, key: keyof ExpenditureAmounts) =>
  (node: ClassifiedFigures): Money =>
    amountsOf(node, group)[key];

const sum =
  (...parts: ((node: ClassifiedFigures) => Money)[]) =>
  (node: ClassifiedFigures): Money =>
    parts.reduce((total, part) => total.plus(part(node)), ZERO);

const none = (): Money => ZERO;

/** The columns of a 合计 / 基本支出 / 项目支出 table for one source. */
function basicProjectColumns(group: AmountGroup): AmountColumn<ClassifiedFigures>[] {
  return [
    { header: ["合计"], value: measure(group, "total") },
    { header: ["基本支出"], value: measure(group, "basic") },
    { header: ["项目支出"], value: measure(group, "project") },
  ];
}

const THIS_YEAR = "本年收入";
const FUNCTION_CODE_HEADER = ["功能分类科目", "科目    编码", "科目名称"] as const;

const INCOME_TABLE: CodedListTable = {
  frame: { sheet: "收入总表", title: "部门预算收入总表", departmentSpan: 5, yearColumn: 7 },
  codeHeader: FUNCTION_CODE_HEADER,
  rows: (f) => f.byFunction,
  columns: [
    { header: ["合计"], value: measure("all", "total") },
    { header: [THIS_YEAR, "小计"], value: measure("all", "current") },
    { header: [THIS_YEAR, "财政拨款 收入"], value: measure("fiscal", "current") },
    { header: [THIS_YEAR, "财政专户 收入"], value: measure("财政专户", "current") },
    { header: [THIS_YEAR, "事业收入"], value: measure("事业收入", "current") },
    { header: [THIS_YEAR, "经营收入"], value: measure("经营收入", "current") },
    { header: [THIS_YEAR, "上级补助收入"], value: measure("上级补助收入", "current") },
    { header: [THIS_YEAR, "附属单位上缴收入"], value: measure("附属单位上缴收入", "current") },
    // 单位资金 booked without naming its part has no column of its own: it is the unit's 其他收入.
    {
      header: [THIS_YEAR, "其他收入"],
      value: sum(measure("其他收入", "current"), measure("单位资金", "current")),
    },
    { header: ["上年结转"], value: measure("all", "carryover") },
  ],
};

const EXPENDITURE_TABLE: CodedListTable = {
  frame: { sheet: "支出总表", title: "部门预算支出总表", departmentSpan: 3, yearColumn: 5 },
  codeHeader: FUNCTION_CODE_HEADER,
  rows: (f) => f.byFunction,
  columns: [
    ...basicProjectColumns("all"),
    // A ledger line is 人员经费, 公用经费 or a project: these three kinds of spending never arise.
    { header: ["经营支出"], value: none },
    { header: ["上解上级     支出"], value: none },
    { header: ["对附属单位补助支出"], value: none },
  ],
};

const FISCAL_FUNCTION_HEADER = ["功能分类科目", "科目编码", "科目名称"] as const;

const GENERAL_BUDGET_TABLE: CodedListTable = {
  frame: {
    sheet: "一般公共预算支出表",
    title: "部门预算一般公共预算财政拨款支出表",
    departmentSpan: 2,
    yearColumn: 4,
  },
  codeHeader: FISCAL_FUNCTION_HEADER,
  rows: (f) => f.byFunction,
  columns: basicProjectColumns("一般公共预算"),
};

const BASIC_TABLE: CodedListTable = {
  frame: {
    sheet: "基本支出表",
    title: "部门预算一般公共预算财政拨款基本支出表",
    departmentSpan: 2,
    yearColumn: 4,
  },
  codeHeader: ["支出部门经济分类科目", "科目编码", "科目名称"],
  rows: (f) => f.byEconomic,
  columns: [
    { header: ["一般公共预算基本支出", "合计"], value: measure("一般公共预算", "basic") },
    { header: ["一般公共预算基本支出", "人员经费"], value: measure("一般公共预算", "personnel") },
    { header: ["一般公共预算基本支出", "公用经费"], value: measure("一般公共预算", "publicUse") },
  ],
};

const FUND_TABLE: CodedListTable = {
  frame: {
    sheet: "政府性基金支出表",
    title: "部门预算政府性基金预算财政拨款支出表",
    departmentSpan: 2,
    yearColumn: 4,
  },
  codeHeader: FISCAL_FUNCTION_HEADER,
  rows: (f) => f.byFunction,
  columns: basicProjectColumns("政府性基金"),
  // Worded as the Hebei template prints it.
  emptyNote: "注：无政府基金预算财政拨款预算，空表列示。",
};

const STATE_CAPITAL_TABLE: CodedListTable = {
  frame: {
    sheet: "国有资本经营支出表",
    title: "部门预算国有资本经营预算财政拨款支出表",
    departmentSpan: 2,
    yearColumn: 4,
  },
  codeHeader: FISCAL_FUNCTION_HEADER,
  rows: (f) => f.byFunction,
  columns: basicProjectColumns("国有资本经营"),
  emptyNote: "注：无国有资本经营预算财政拨款预算，空表列示。",
};

// ---------------------------------------------------------------------------------------------
// Summary tables: 收支总表, 财政拨款收支总表 (收入 left, 支出 by 功能类 right)

/** The 功能类 rows of the Hebei summary tables, in their printed order and wording. */
export const HEBEI_SUMMARY_CLASSES: ReadonlyArray<readonly [string, string]> = [
  ["201", "一般公共服务支出"],
  ["202", "外交支出"],
  ["203", "国防支出"],
  ["204", "公共安全支出"],
  ["205", "教育支出"],
  ["206", "科学技术支出"],
  ["207", "文化旅游体育与传媒支出"],
  ["208", "社会保障和就业支出"],
  ["209", "社会保险基金支出"],
  ["210", "卫生健康支出"],
  ["211", "节能环保支出"],
  ["212", "城乡社区支出"],
  ["213", "农林水支出"],
  ["214", "交通运输支出"],
  ["215", "资源勘探工业信息等支出"],
  ["216", "商业服务业等支出"],
  ["217", "金融支出"],
  ["219", "援助其他地区支出"],
  ["220", "自然资源海洋气象等支出"],
  ["221", "住房保障支出"],
  ["222", "粮油物资储备支出"],
  ["223", "国有资本经营预算支出"],
  ["224", "灾害防治及应急管理支出"],
  ["227", "预备费"],
  ["229", "其他支出"],
  ["230", "转移性支出"],
  ["231", "债务还本支出"],
  ["232", "债务付息支出"],
  ["233", "债务发行费用支出"],
  ["234", "抗疫特别国债安排的支出"],
  // Printed by the Hebei template, never backed by a budget line.
  ["", "人行科目"],
];

const DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 31 → 三十一 (up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? "" : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

interface LabelledAmount {
  label: string;
  value: (f: BudgetFigures) => Money;
}

interface SummaryTable {
  frame: Omit<Frame, "headers">;
  incomeCaption: string;
  expenditureColumns: readonly AmountColumn<ClassifiedFigures>[];
  /** Listed 一、二、… under 收入. */
  income: readonly LabelledAmount[];
  /** Rows below the list: 本年合计, 结转, 总计. */
  footer: ReadonlyArray<{
    income?: LabelledAmount;
    expenditure?: { label: string; values?: (f: BudgetFigures) => Money[] };
  }>;
}

function renderSummary(
  table: SummaryTable,
  figures: BudgetFigures,
  department: LedgerDepartment
): Grid {
  const headers: HeaderPath[] = [
    SERIAL,
    ["收入", "项  目"],
    ["收入", table.incomeCaption],
    ["支出", "项  目"],
    ...table.expenditureColumns.map((c): HeaderPath => ["支出", c.header[c.header.length - 1]]),
  ];
  const sheet = startSheet({ ...table.frame, headers }, department);
  const byCode = new Map(figures.byFunction.map((node) => [node.code, node]));
  // A 类 the template does not list still has to be shown: it goes before 人行科目.
  const known = new Set(HEBEI_SUMMARY_CLASSES.map(([code]) => code));
  const extra = figures.byFunction
    .filter((n) => n.level === 1 && !known.has(n.code))
    .map((n) => [n.code, n.name] as const);
  const classes = [
    ...HEBEI_SUMMARY_CLASSES.slice(0, -1),
    ...extra,
    ...HEBEI_SUMMARY_CLASSES.slice(-1),
  ];
  const listLength = Math.max(classes.length, table.income.length);
  let row = FIRST_DATA_ROW;
  for (let i = 0; i < listLength; i++, row++) {
    sheet.set(row, 1, i + 1);
    const income = table.income[i];
    if (income) {
      sheet.set(row, 2, `${chineseNumber(i + 1)}、${income.label}`);
      sheet.amount(row, 3, income.value(figures));
    }
    const cls = classes[i];
    if (cls) {
      sheet.set(row, 4, `${chineseNumber(i + 1)}、${cls[1]}`);
      const node = cls[0] === "" ? undefined : byCode.get(cls[0]);
      table.expenditureColumns.forEach((column, c) =>
        sheet.amount(row, 5 + c, node ? column.value(node) : undefined)
      );
    }
  }
  table.footer.forEach((line, i) => {
    const r = row + i;
    sheet.set(r, 1, listLength + i + 1);
    if (line.income) {
      sheet.set(r, 2, line.income.label);
      sheet.amount(r, 3, line.income.value(figures));
    }
    if (line.expenditure) {
      sheet.set(r, 4, line.expenditure.label);
      const values = line.expenditure.values?.(figures) ?? [];
      table.expenditureColumns.forEach((_, c) => sheet.amount(r, 5 + c, values[c]));
    }
  });
  return sheet.grid();
}

const grandTotal = (f: BudgetFigures): ClassifiedFigures => f.byFunction[0];

const SUMMARY_TABLE: SummaryTable = {
  frame: { sheet: "收支总表", title: "部门预算收支总表", departmentSpan: 2, yearColumn: 3 },
  incomeCaption: "预算数",
  expenditureColumns: [{ header: ["预算数"], value: measure("all", "total") }],
  income: [
    { label: "一般公共预算拨款收入", value: (f) => f.income.currentBySource["一般公共预算"] },
    { label: "政府性基金预算拨款收入", value: (f) => f.income.currentBySource["政府性基金"] },
    { label: "国有资本经营预算拨款收入", value: (f) => f.income.currentBySource["国有资本经营"] },
    { label: "财政专户管理资金收入", value: (f) => f.income.currentBySource["财政专户"] },
    { label: "单位资金", value: (f) => f.income.unitFundsCurrent },
  ],
  footer: [
    {
      income: { label: "本年收入合计", value: (f) => f.income.current },
      expenditure: { label: "本年支出合计", values: (f) => [f.expenditure.current] },
    },
    {
      income: { label: "上年结转结余", value: (f) => f.income.carryover },
      expenditure: { label: "年终结转结余", values: (f) => [f.expenditure.yearEndCarryover] },
    },
    {
      income: { label: "收入总计", value: (f) => f.income.total },
      expenditure: { label: "支出总计", values: (f) => [f.expenditure.total] },
    },
  ],
};

/** 合计, 一般公共预算, 政府性基金, 国有资本经营 of the 财政拨款 part of a node. */
const fiscalColumns = (node: ClassifiedFigures): Money[] => [
  node.fiscal.total,
  node.bySource["一般公共预算"].total,
  node.bySource["政府性基金"].total,
  node.bySource["国有资本经营"].total,
];

const FISCAL_SUMMARY_TABLE: SummaryTable = {
  frame: {
    sheet: "财政拨款收支总表",
    title: "部门预算财政拨款收支总表",
    departmentSpan: 3,
    yearColumn: 5,
  },
  incomeCaption: "金额",
  expenditureColumns: [
    { header: ["合计"], value: measure("fiscal", "total") },
    { header: ["一般公共预算财政拨款"], value: measure("一般公共预算", "total") },
    { header: ["政府性基金预算财政    拨款"], value: measure("政府性基金", "total") },
    { header: ["国有资本经营预算财政拨款"], value: measure("国有资本经营", "total") },
  ],
  income: [
    { label: "一般公共预算拨款", value: (f) => f.income.currentBySource["一般公共预算"] },
    { label: "政府性基金预算拨款", value: (f) => f.income.currentBySource["政府性基金"] },
    { label: "国有资本经营预算拨款", value: (f) => f.income.currentBySource["国有资本经营"] },
  ],
  footer: [
    {
      income: { label: "本年收入合计", value: (f) => f.income.fiscalCurrent },
      expenditure: { label: "本年支出合计", values: (f) => fiscalColumns(grandTotal(f)) },
    },
    {
      income: { label: "年初财政拨款结转和结余", value: (f) => f.income.fiscalCarryover },
      // A ledger plans to spend all of its money: nothing is left at year end.
      expenditure: { label: "年末财政拨款结转和结余" },
    },
    {
      income: {
        label: "一、一般公共预算拨款",
        value: (f) => f.income.carryoverBySource["一般公共预算"],
      },
    },
    {
      income: {
        label: "二、政府性基金预算拨款",
        value: (f) => f.income.carryoverBySource["政府性基金"],
      },
    },
    {
      income: {
        label: "三、国有资本经营预算拨款",
        value: (f) => f.income.carryoverBySource["国有资本经营"],
      },
    },
    {
      income: {
        label: "收入总计",
        value: (f) => f.income.fiscalCurrent.plus(f.income.fiscalCarryover),
      },
      expenditure: { label: "支出总计", values: (f) => fiscalColumns(grandTotal(f)) },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// 三公 table: labelled rows × (合计 + the three fiscal sources)

interface ItemTable {
  frame: Omit<Frame, "headers">;
  itemCaption: string;
  group: string;
  columns: ReadonlyArray<{ caption: string; value: (item: ThreePublicItem) => Money }>;
  rows: ReadonlyArray<{ label: string; item: (t: ThreePublicFigures) => ThreePublicItem }>;
}

function renderItems(table: ItemTable, figures: BudgetFigures, department: LedgerDepartment): Grid {
  const headers: HeaderPath[] = [
    SERIAL,
    [table.itemCaption],
    ...table.columns.map((c): HeaderPath => [table.group, c.caption]),
  ];
  const sheet = startSheet({ ...table.frame, headers }, department);
  table.rows.forEach((line, i) => {
    const row = FIRST_DATA_ROW + i;
    const item = line.item(figures.threePublic);
    sheet.set(row, 1, i + 1);
    sheet.set(row, 2, line.label);
    table.columns.forEach((column, c) => sheet.amount(row, 3 + c, column.value(item)));
  });
  return sheet.grid();
}

const fiscalSource = (source: FiscalSource) => (item: ThreePublicItem) => item.bySource[source];

const THREE_PUBLIC_TABLE: ItemTable = {
  frame: {
    sheet: "三公经费",
    title: "部门预算财政拨款“三公”经费支出表",
    departmentSpan: 2,
    yearColumn: 4,
  },
  itemCaption: "项  目",
  group: "资 金 性 质",
  columns: [
    { caption: "合计", value: (item) => item.total },
    { caption: "一般公共预算              财政拨款", value: fiscalSource("一般公共预算") },
    { caption: "政府性基金                  预算拨款", value: fiscalSource("政府性基金") },
    { caption: "国有资本经营              预算财政拨款", value: fiscalSource("国有资本经营") },
  ],
  rows: [
    { label: "合计", item: (t) => t.total },
    { label: "“三公”经费小计", item: (t) => t.total },
    { label: "一、因公出国（境）费", item: (t) => t.abroad },
    // The ledger does not break 因公出国 down further: all of it is “其他”.
    { label: "          其他因公出国（境）费", item: (t) => t.abroad },
    { label: "二、公务用车购置及运维费", item: (t) => t.vehicle },
    { label: "    其中：公务用车购置费", item: (t) => t.vehiclePurchase },
    { label: "          公务用车运行维护费", item: (t) => t.vehicleOperation },
    { label: "三、公务接待费", item: (t) => t.reception },
  ],
};

// ---------------------------------------------------------------------------------------------

type TableRenderer = (figures: BudgetFigures, department: LedgerDepartment) => Grid;

/** The Hebei set, in the published order. */
export const HEBEI_LEDGER_TABLES: readonly TableRenderer[] = [
  (f, d) => renderSummary(SUMMARY_TABLE, f, d),
  (f, d) => renderCodedList(INCOME_TABLE, f, d),
  (f, d) => renderCodedList(EXPENDITURE_TABLE, f, d),
  (f, d) => renderSummary(FISCAL_SUMMARY_TABLE, f, d),
  (f, d) => renderCodedList(GENERAL_BUDGET_TABLE, f, d),
  (f, d) => renderCodedList(BASIC_TABLE, f, d),
  (f, d) => renderCodedList(FUND_TABLE, f, d),
  (f, d) => renderCodedList(STATE_CAPITAL_TABLE, f, d),
  (f, d) => renderItems(THREE_PUBLIC_TABLE, f, d),
];

/**
 * The nine Hebei standard tables of a ledger, rounded to 0.01 万元 so that every printed parent is
 * the sum of its printed children and every figure is the same in every table (see the file comment).
 */
export function ledgerTableGrids(figures: BudgetFigures, department: LedgerDepartment): Grid[] {
  const printed = aggregateFigures(roundLinesControlled(figures.lines), {
    unitNature: figures.unitNature,
  });
  return HEBEI_LEDGER_TABLES.map((render) => render(printed, department));
}
