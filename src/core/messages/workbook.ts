/*
 * Messages of the rules between tables (rules/workbook). Each comparison message names both
 * figures; the rule's helper (rules/workbook/access.ts) adds the ending: 。, or the rounding note.
 */
import type { Money } from "../money";
import { formatAmount as m } from "./amounts";

/** A figure as one table publishes it, named for a message (see rules/workbook/access.ts). */
export interface NamedFigure {
  name: string;
  value: Money;
  /** False when the table does not list the figure at all. */
  listed: boolean;
}

export const WORKBOOK_MESSAGES = {
  // rules/workbook/access.ts: the ending of a comparison.
  roundingPrefix: "舍入差异：",
  withinRounding: "，在四舍五入允许范围内。",
  /** “（元已折算为万元比较）”: the cells were in another unit. */
  convertedUnit: (unit: string) => `（${unit}已折算为万元比较）`,
  /** “收支总表、收入总表均为 717.94” or, when they differ within rounding, each with its figure. */
  others: (others: readonly NamedFigure[]) =>
    others.every((o) => o.value.equals(others[0].value))
      ? `${others.map((o) => o.name).join("、")}均为 ${m(others[0].value)}`
      : others.map((o) => `${o.name}为 ${m(o.value)}`).join("、"),

  // balance.totals
  balanceSideIncome: "收入",
  balanceSideExpenditure: "支出",
  balanceGrandTotal: (
    grand: string,
    actual: Money,
    current: string,
    carry: readonly string[],
    expected: Money,
    side: string,
    column: string
  ) =>
    `“${grand}”为 ${m(actual)}，而“${current}”${carry.map((r) => `+“${r}”`).join("")}为 ${m(expected)}（${side}，${column}）`,
  balanceSides: (table: string, expenditure: Money, income: Money) =>
    `${table}中支出总计 ${m(expenditure)} 与收入总计 ${m(income)} 不相等`,

  // cross.basic-expenditure
  basicExpenditure: (basic: Money, general: Money) =>
    `基本支出表合计为 ${m(basic)}，一般公共预算支出表的基本支出合计为 ${m(general)}`,

  // cross.class-expenditure
  classOddOne: (name: string, odd: NamedFigure, others: readonly NamedFigure[]) =>
    `“${name}”类支出：${odd.name}${odd.listed ? `为 ${m(odd.value)}` : "中没有这一类"}，而${WORKBOOK_MESSAGES.others(others)}`,
  classPair: (name: string, aName: string, a: Money, bName: string, b: Money) =>
    `“${name}”类支出：${aName}为 ${m(a)}，${bName}为 ${m(b)}`,
  expenditureTotalName: "支出总表合计",
  summaryTotalName: (label: string) => `收支总表“${label}”`,
  incomeTotalName: "收入总表合计",
  totalOddOne: (odd: NamedFigure, others: readonly NamedFigure[]) =>
    `${odd.name}为 ${m(odd.value)}，而${WORKBOOK_MESSAGES.others(others)}`,
  totalPair: (expenditure: Money, label: string, summary: Money) =>
    `支出总表合计 ${m(expenditure)} 与收支总表“${label}” ${m(summary)} 不一致`,

  // completeness.code-depth
  codeDepth: (code: string, kind: string, depth: number) =>
    `科目 ${code} 有金额但没有列出下级科目；${kind}应细化到${depth === 7 ? "项（7 位编码）" : "款（5 位编码）"}。`,

  // completeness.tables
  emptyTableNote: (title: string, kind: string) =>
    `“${title}”没有数据，应在表下注明（如“注：无${kind.replace(/表$/, "")}预算，空表列示。”或“注：本表无数据”）。`,

  // completeness.no-figures
  noFigures: (title: string) =>
    `“${title}”没有填写：表中只有表头，或金额全为空白或 0，没有可以核对的数字，这张表未做检查。每个部门都有收入和支出，请填入本部门的预算数后再检查。`,

  // completeness.duplicate
  duplicateTable: (kind: string, count: number, used: { sheet: string; cell: string }) =>
    `工作簿中有 ${count} 张${kind}：表间核对只用了第一张（${used.sheet}!${used.cell}），这张只核对了表内的合计，没有与其他表核对。如果这是另一个单位（本级、所属单位）或另一年度的表，请分成不同的工作簿分别检查；如果是重复的表，请删去一张。`,

  // workbook.final-accounts
  /** “收入支出决算总表”、… (more than three: the first three, then how many). */
  finalAccountsNamed: (titles: readonly string[]) => {
    const quoted = titles.map((t) => `“${t}”`);
    return quoted.length > 3
      ? `${quoted.slice(0, 3).join("、")}等 ${quoted.length} 张表`
      : quoted.join("、");
  },
  finalAccountsOnly: (named: string) =>
    `这是决算表，本工具检查预算公开表：${named}是部门决算（上年预算的执行结果），不是部门预算公开表，未作检查。请打开部门预算公开表（收支总表、收入总表、支出总表等）再检查。`,
  finalAccountsAmong: (named: string, count: number) =>
    `${named}是决算表，本工具检查预算公开表，未检查${count > 1 ? "这些表" : "此表"}；其余预算公开表已检查。`,

  // workbook.not-disclosure: which table, what it is and what shows it, then what became of it
  otherDocumentNamed: (sheet: string, title: string | undefined) =>
    title ? `“${sheet}”中的“${title}”` : `“${sheet}”中的表格`,
  otherDocumentWhat: {
    governmentBudget: {
      title: () => "是一级政府的预算（财政总预算），不是部门预算公开表：标题写的是地区，而不是部门",
      column: (evidence: string) =>
        `是一级政府的预算（财政总预算），不是部门预算公开表：表中的“${evidence}”栏只有政府预算才有`,
      row: (evidence: string) =>
        `是一级政府的预算（财政总预算），不是部门预算公开表：表中的“${evidence}”行只有政府预算才有，部门的收入里没有税收和转移支付`,
    },
    execution: {
      title: () =>
        "是预算执行情况（执行月报、执行进度），不是部门预算公开表：它说的是预算执行了多少，而不是预算安排",
      column: (evidence: string) =>
        `是预算执行情况（执行月报、执行进度），不是部门预算公开表：表中的“${evidence}”栏说的是预算执行了多少，而不是预算安排`,
    },
    itemList: {
      none: () =>
        "是物品清单（数量、单价、金额），不是政府采购预算表：没有写明预算资金来源（如一般公共预算拨款、单位资金），也没有“预算”字样",
    },
  },
  otherDocumentOnly: (named: string, what: string) =>
    `${named}${what}。本工具检查部门预算公开表，这张表未作检查；工作簿中没有找到部门预算公开表，未做任何检查。请打开部门预算公开表（收支总表、收入总表、支出总表等）再检查。`,
  otherDocumentAmong: (named: string, what: string) =>
    `${named}${what}。这张表未作检查，也不参与表间核对；如果它不属于本部门的预算公开，请从工作簿中删去。`,

  // cross.fiscal-appropriation
  fiscalIncome: (kind: string, detail: Money, label: string, fiscal: Money) =>
    `${kind}（不含上年结转）合计为 ${m(detail)}，财政拨款收支总表本年收入“${label}”为 ${m(fiscal)}`,
  fiscalClass: (code: string, name: string, aName: string, a: Money, bName: string, b: Money) =>
    `“${code} ${name}”类：${aName}为 ${m(a)}，${bName}为 ${m(b)}`,
  fiscalSummaryName: "财政拨款收支总表",
  fiscalTotal: (kind: string, detail: Money, column: string, fiscal: Money) =>
    `${kind}合计为 ${m(detail)}，财政拨款收支总表本年支出合计（${column}）为 ${m(fiscal)}`,

  // cross.income-sources
  incomeSource: (what: string, summary: Money, income: Money) =>
    `${what}：收支总表为 ${m(summary)}，收入总表合计行为 ${m(income)}`,
  incomeCurrentTotal: "本年收入合计",
  incomeCarry: "上年结转",

  // meta.consistency
  departmentMismatch: (name: string, sheet: string, other: string) =>
    `部门名称“${name}”与“${sheet}”中的“${other}”不一致。`,
  yearMismatch: (year: string | number, sheet: string, other: string | number) =>
    `预算年度 ${year} 与“${sheet}”中的 ${other} 不一致。`,

  // cross.operating-cost
  operatingCost: (operating: Money, publicUse: Money, natureKnown: boolean) =>
    `机关运行经费为 ${m(operating)}，基本支出表公用经费合计为 ${m(publicUse)}${natureKnown ? "" : "（单位性质未知，按行政单位核对）"}`,

  // basic.personnel-public-split
  personnelLabel: "人员经费",
  publicUseLabel: "公用经费",
  personnelSplit: (label: string, column: Money, codes: readonly string[], lines: Money) =>
    `${label}合计为 ${m(column)}，而经济分类 ${codes.join("+")} 的合计为 ${m(lines)}`,

  // cross.project-expenditure
  projectTotal: (overview: Money, tables: number, projects: Money) =>
    `支出总表项目支出合计为 ${m(overview)}，${tables} 张项目支出表合计为 ${m(projects)}`,
  projectCarry: (carried: Money, codes: readonly string[], income: Money) =>
    `上年结转项目支出表合计为 ${m(carried)}，收入总表中项目类科目（${codes.join("、")}）的上年结转合计为 ${m(income)}`,
  carryTotal: (income: Money, parts: Money) =>
    `收入总表上年结转合计为 ${m(income)}，而基本支出结转（支出总表基本支出 − 一般公共预算基本支出）加上年结转项目支出为 ${m(parts)}`,

  // cross.sangong-economic: the 三公 items by the names of their economic codes.
  sangongItems: {
    abroad: "因公出国（境）费用",
    reception: "公务接待费",
    operation: "公务用车运行维护费",
    purchase: "公务用车购置",
  },
  sangongEconomic: (
    label: string | undefined,
    item: string,
    amount: Money,
    code: string,
    basic: Money
  ) =>
    `“三公”经费中的${label !== undefined ? `“${label}”` : `${item}`}为 ${m(amount)}，小于基本支出表 ${code} ${item}的 ${m(basic)}；三公经费包含基本支出和项目支出，不应小于基本支出中的相应科目。`,
} as const;
