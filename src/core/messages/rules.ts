import type { Money } from "../money";
import type { AmountWordMeaning } from "../read/amountWords";
import { formatAmount, formatPercent } from "./amounts";

/** What 待定 and 约十二 mean, after the quoted text: one clause for every host. */
const PENDING_SAYS = "表示金额尚未确定或不在本表中，不是 0";
const IN_WORDS_SAYS = "是用汉字写的数，读不出确切金额";

/**
 * What the text in an amount cell says, the opening of every message about it, in a table or in a
 * ledger: one wording for the meanings read/amountWords tells apart.
 */
export function amountWordsSay(text: string, meaning: AmountWordMeaning | undefined): string {
  switch (meaning) {
    case "pending":
      return `金额单元格中写的是“${text}”，${PENDING_SAYS}`;
    case "numberInWords":
      return `金额单元格中的“${text}”${IN_WORDS_SAYS}`;
    case "zero":
      return `金额单元格中写的是“${text}”，不是数字`;
    default:
      return `金额单元格中的“${text}”不是数字`;
  }
}

/**
 * The same meanings for a host that names the cell its own way and cannot count the text as
 * anything (the custom functions: a formula's result is a number or an error): what the words say,
 * after the quoted text, and what to write instead. Undefined for a stray word.
 */
export function amountWordsMean(
  meaning: AmountWordMeaning | undefined
): { says: string; advice: string } | undefined {
  switch (meaning) {
    case "pending":
      return {
        says: PENDING_SAYS,
        advice: "请填写确定的金额；如确实没有这项金额，请填 0 或“—”",
      };
    case "numberInWords":
      return { says: IN_WORDS_SAYS, advice: "请改为阿拉伯数字（如 12.00）" };
    case "zero":
      return {
        says: "表示没有这项金额，不是数字",
        advice: "没有金额的单元格请填 0 或“—”",
      };
    default:
      return undefined;
  }
}

/**
 * Every message a clerk reads, in one table: the wording stays consistent and can be reviewed in
 * one place. Amounts are shown with two decimals and thousands separators.
 */
const m = (value: Money) => formatAmount(value);

export const MESSAGES = {
  childrenSum: (
    parent: string,
    column: string,
    actual: Money,
    expected: Money,
    childCount: number
  ) =>
    `“${parent}”的“${column}”为 ${m(actual)}，其下 ${childCount} 个明细科目合计为 ${m(expected)}，相差 ${m(actual.minus(expected))}。`,
  childrenSumRounding: (parent: string, column: string, actual: Money, expected: Money) =>
    `舍入差异：“${parent}”的“${column}”为 ${m(actual)}，明细合计为 ${m(expected)}，相差 ${m(actual.minus(expected))}，在四舍五入允许范围内。`,
  totalRowSum: (label: string, column: string, actual: Money, expected: Money, itemCount: number) =>
    `“${label}”行的“${column}”为 ${m(actual)}，${itemCount} 个项目相加为 ${m(expected)}，相差 ${m(actual.minus(expected))}。`,
  totalRowSumRounding: (label: string, column: string, actual: Money, expected: Money) =>
    `舍入差异：“${label}”行的“${column}”为 ${m(actual)}，各项相加为 ${m(expected)}，相差 ${m(actual.minus(expected))}，在四舍五入允许范围内。`,
  rowTotal: (row: string, total: string, parts: string[], actual: Money, expected: Money) =>
    `“${row}”行的“${total}”为 ${m(actual)}，而${parts.map((p) => `“${p}”`).join("+")}为 ${m(expected)}，相差 ${m(actual.minus(expected))}。`,
  rowTotalRounding: (row: string, total: string, actual: Money, expected: Money) =>
    `舍入差异：“${row}”行的“${total}”为 ${m(actual)}，各栏相加为 ${m(expected)}，相差 ${m(actual.minus(expected))}，在四舍五入允许范围内。`,
  /** One wrong cell that breaks several sums; `evidence` are the sums that all say what it should be. */
  sumRootCause: (
    row: string,
    column: string,
    actual: Money | undefined,
    expected: Money,
    evidence: string[],
    right: string[]
  ) =>
    `“${row}”行的“${column}”${actual === undefined ? "未填写" : `为 ${m(actual)}`}，应为 ${m(expected)}：${evidence.join("、")}都指向这个数，${right.length > 0 ? `说明${right.join("、")}无误，` : ""}只需更正这一个单元格。`,
  sumRootCauseRow: (
    row: string,
    cells: { column: string; actual: Money | undefined; expected: Money }[],
    evidence: string[],
    right: string[]
  ) =>
    `“${row}”行有 ${cells.length} 栏有误：${cells.map((c) => `“${c.column}”${c.actual === undefined ? "未填写" : `为 ${m(c.actual)}`}，应为 ${m(c.expected)}`).join("；")}。${evidence.join("、")}都指向这些数，${right.length > 0 ? `说明${right.join("、")}无误，` : ""}只需更正本行。`,
  /** Evidence, for sumRootCause: where the figure it should be comes from. */
  rootFromChildren: (count: number) => `其下 ${count} 个明细科目之和`,
  rootFromItems: (count: number) => `${count} 个项目之和`,
  rootFromColumns: () => `本行各分栏之和`,
  rootFromParent: (parent: string) => `上级“${parent}”减去其他下级科目`,
  rootFromTotalRow: (total: string) => `“${total}”行减去其他项目`,
  rootFromRowTotal: (total: string) => `本行“${total}”减去其他栏`,
  rootRightParent: (parent: string) => `上级“${parent}”`,
  rootRightTotalRow: (total: string) => `“${total}”行`,
  rootRightRowTotal: (total: string) => `本行“${total}”`,
  /** After a disagreement between two tables, when one table's own sums show it is the wrong one. */
  blameOwnTable: (sheet: string, value: Money) =>
    `“${sheet}”本表的合计也只在此数为 ${m(value)} 时才相符，应是“${sheet}”这里有误。`,
  /** Appended to a root-cause finding: the other checks the same wrong cell breaks. */
  alsoBreaks: (cells: string[]) => `这一处也使 ${cells.join("、")} 的核对不符。`,
  /** Appended to a root-cause finding: the same figure in other tables, which agree with the fix. */
  alsoElsewhere: (cells: string[]) => `${cells.join("、")} 也列示了这一数字，与应填的数一致。`,
  /** A code typed with a slip: what is wrong, then how the row was read. */
  codeProblems: (text: string, problems: string[], reading: string) =>
    `科目编码“${text}”${problems.join("，")}；${reading}。`,
  codeLookalike: (letter: string, digit: string) => `中的“${letter}”是字母，应为数字“${digit}”`,
  codeSpace: () => `中有空格`,
  codeCharacter: (characters: string[]) =>
    `中有非数字字符${characters.map((c) => `“${c}”`).join("")}`,
  codeSystem: (first: string) =>
    `不属于支出功能分类（2 开头）、部门预算支出经济分类（3 开头）或政府预算支出经济分类（5 开头），而以“${first}”开头`,
  /** The three code systems, as codeLength names them. */
  codeSystemName: {
    function: "支出功能分类",
    economic: "部门预算支出经济分类",
    govEconomic: "政府预算支出经济分类",
  },
  codeLength: (system: string, digits: number, lengths: readonly number[]) =>
    `位数不对：${system}的编码应为 ${lengths.join("、")} 位，这里是 ${digits} 位`,
  codeReadAs: (code: string) => `已按 ${code} 读取，请改正`,
  codePlacedByName: (code: string, name: string) => `已按科目名称归入 ${code} ${name}，请改正编码`,
  codeUnplaced: () => `无法确定是哪个科目，本行未参与上下级科目的核对，请改正编码`,
  codeAlsoUnknown: (code: string) => `，且 ${code} 不在政府收支分类科目中`,
  missingTable: (title: string, set: string) =>
    `缺少“${title}”：按${set}模板，这张表必须公开（没有数据时也应公开空表并注明）。`,
  /** The one notice an extract gets (rules/workbook/completeness). */
  extract: (checked: string[], missing: string[], set: string) =>
    `本工作簿是部分公开表的摘录，不是完整的部门预算公开：检查了 ${checked.length} 张表（${[...new Set(checked)].join("、")}）；按${set}模板，未找到 ${missing.length} 张表（${missing.join("、")}），这些表未做检查。如果这是完整的公开文件，请补齐这些表。`,
  // Cells whose value cannot be trusted (rules/cellTrust).
  formulaWithoutValue: (formula: string) =>
    `单元格中是公式${formula ? `（${formula}）` : ""}，但文件里没有保存 Excel 算出的结果（用其他软件生成的表格常见），读不出金额，涉及它的合计暂不核对。请在 Excel 中打开这个文件、重新计算后保存，再检查。`,
  /** A cell other than an amount (a code, a 资金来源) holding a formula saved without its result. */
  formulaWithoutValueIn: (formula: string, what: string) =>
    `单元格中是公式${formula ? `（${formula}）` : ""}，但文件里没有保存 Excel 算出的结果（用其他软件生成的表格常见），读不出${what}。请在 Excel 中打开这个文件、重新计算后保存，再检查。`,
  dateInAmount: (date: string) =>
    `金额单元格中是日期${date ? `（${date}）` : ""}，不是金额，涉及它的合计暂不核对；请把单元格格式改为数值，并填入正确的金额。`,
  hiddenRow: (row: number, count: number) =>
    `第 ${row} 行被隐藏，其中有 ${count} 个金额；这些金额参与了核对，但公开的表格中读者看不到。请取消隐藏，或删除不应公开的行。`,
  hiddenColumn: (column: string, count: number) =>
    `${column} 列被隐藏，其中有 ${count} 个金额；这些金额参与了核对，但公开的表格中读者看不到。请取消隐藏，或删除不应公开的列。`,
  hiddenSheet: (sheet: string, count: number) =>
    `工作表“${sheet}”被隐藏，其中的表格有 ${count} 个金额；这些金额参与了核对，但公开时读者看不到。请取消隐藏，或确认这张表不应公开。`,
  projectUnitRow: (label: string, department: string | undefined) =>
    department
      ? `项目支出表中“${label}”行是单位合计行，但与表头的部门“${department}”不一致；部门自身的行应写部门全称（可加“（本级）”）。请核对这一行是哪个单位的项目。`
      : `项目支出表中“${label}”行是单位合计行，但表头没有写明部门名称，无法核对这一行是哪个单位的项目。`,
  /** table.column-role */
  unknownColumn: (column: {
    caption: string;
    column?: string;
    range?: string;
    figures: number;
    mistyped: number;
    examples: readonly string[];
  }) => {
    const which =
      column.caption === ""
        ? `${column.column ?? ""} 列的表头是空的，`
        : `表头“${column.caption}”${column.column ? `（${column.column} 列）` : ""}`;
    const examples = column.examples.map((e) => `“${e}”`).join("");
    const rename = "如果这是金额列，请把表头改为公开表的栏目名称（如“合计”“基本支出”“项目支出”）";
    if (column.mistyped > 0)
      return `${which}没有说明这一列是什么（如合计、基本支出、项目支出），这一列未参与检查。${column.range} 中有 ${column.mistyped} 个数的写法读不出（如${examples}）${column.figures > 0 ? `，另有 ${column.figures} 个数字` : ""}。${rename}，并把这些数改为阿拉伯数字（如 1234.56）；如果这一列不应公开，请删除它。`;
    if (column.figures > 0)
      return `${which}没有说明这一列是什么（如合计、基本支出、项目支出），这一列未参与检查。${column.range} 中有 ${column.figures} 个数字（如${examples}），都没有核对。${rename}；如果这一列不应公开，请删除它。`;
    return `${which}没有说明这一列是什么（不是金额、科目编码、名称等公开表的栏目），这一列未参与检查；${rename}。`;
  },
  unknownCode: (code: string) =>
    `科目编码 ${code} 不在政府收支分类科目中，请核对编码（或在自定义科目表中补充）。`,
  malformedCode: (text: string) =>
    `“${text}”不是有效的科目编码：功能分类应为 3/5/7 位数字，经济分类应为 3/5 位数字。`,
  nameMismatch: (code: string, printed: string, standard: string) =>
    `科目 ${code} 的名称为“${printed}”，标准名称为“${standard}”。`,
  numberAsText: (text: string) =>
    `金额“${text}”是以文本形式保存的数字，已按数值读取；请改为数值格式，以免求和时被漏算。`,
  /**
   * Text in a published table's amount cell, by what its words mean (read/amountWords): 待定 and
   * 约十二 make the sums around it wait, 暂无 counts as 0, a stray word as 0 too.
   */
  amountNotANumber: (text: string, meaning: AmountWordMeaning | undefined) =>
    `${amountWordsSay(text, meaning)}${
      meaning === "pending"
        ? "；涉及它的合计暂不核对。公开表中应填写确定的金额；如确实没有这项金额，请填 0 或“—”。"
        : meaning === "numberInWords"
          ? "；涉及它的合计暂不核对。请改为阿拉伯数字（如 12.00）。"
          : meaning === "zero"
            ? "，已按 0（没有这项金额）计算并核对合计；公开表中没有金额的单元格请填 0 或“—”。"
            : "，无法计算，已按 0 处理。"
    }`,
  /** The same words in a ledger's amount cell: the line is left out of every figure. */
  ledgerAmountNotANumber: (text: string, meaning: AmountWordMeaning | undefined) =>
    `${amountWordsSay(text, meaning)}，该行未计入。${
      meaning === "pending"
        ? "请填写确定的金额；如确实没有这项金额，请填 0。"
        : meaning === "numberInWords"
          ? "请改为阿拉伯数字（如 12.00）。"
          : meaning === "zero"
            ? "没有金额的行请填 0 或删去。"
            : "请填写数字金额。"
    }`,
  negativeAmount: (value: Money) =>
    `金额为负数（${m(value)}），预算公开表中的金额通常不应为负，请核对。`,
  tooManyDecimals: (value: Money) =>
    `金额 ${value.toString()} 超过两位小数；公开表以万元为单位，应保留两位小数。`,
  // 项目绩效目标表 (rules/goals). Amounts arrive formatted with their unit (“25.00万元”, “1,600,000元”).
  goalBudgetText: (form: string, stated: string, cell: string, actual: string) =>
    `绩效目标表“${form}”的资金用途写明预算数${stated}，但预算数单元格（${cell}）为${actual}。`,
  goalBudgetTextRounding: (form: string, stated: string, actual: string) =>
    `舍入差异：绩效目标表“${form}”的资金用途写明预算数${stated}，预算数单元格为${actual}，相差在四舍五入允许范围内。`,
  goalFiscalText: (form: string, stated: string, cell: string, actual: string) =>
    `绩效目标表“${form}”的资金用途写明财政资金${stated}，但“其中：财政资金”单元格（${cell}）为${actual}。`,
  goalFiscalTextAlso: (stated: string, actual: string) =>
    `同一段文字写明的财政资金${stated}也与单元格中的${actual}不一致。`,
  goalFundSources: (
    form: string,
    total: string,
    actual: string,
    parts: string,
    expected: string,
    difference: string
  ) => `绩效目标表“${form}”的${total}为${actual}，而${parts}之和为${expected}，相差${difference}。`,
  goalFundSourcesRounding: (form: string, total: string, actual: string, expected: string) =>
    `舍入差异：绩效目标表“${form}”的${total}为${actual}，各项资金之和为${expected}，相差在四舍五入允许范围内。`,
  goalPlanDecrease: (
    form: string,
    later: string,
    laterValue: string,
    earlier: string,
    earlierValue: string
  ) =>
    `绩效目标表“${form}”的资金支出计划应为逐期累计数，但“${later}”的${laterValue}小于“${earlier}”的${earlierValue}。`,
  goalPlanTotal: (
    form: string,
    label: string,
    actual: string,
    expected: string,
    difference: string
  ) =>
    `绩效目标表“${form}”的资金支出计划到“${label}”累计为${actual}，应等于预算数${expected}，相差${difference}。`,
  goalPlanTotalRounding: (form: string, label: string, actual: string, expected: string) =>
    `舍入差异：绩效目标表“${form}”的资金支出计划到“${label}”累计为${actual}，预算数为${expected}，相差在四舍五入允许范围内。`,
  goalPlanPercent: (form: string, label: string, actual: string) =>
    `绩效目标表“${form}”的资金支出计划到“${label}”累计为${actual}%，全年计划应达到100%。`,
  goalPlanEmpty: (form: string) =>
    `绩效目标表“${form}”的资金支出计划各期均未填写，请填报12月底前的累计支出计划。`,
  goalOneYear: (form: string, term: string, period: string, annual: string, difference: string) =>
    `绩效目标表“${form}”为一年期项目（${term}），实施期资金总额${period}应等于年度资金总额${annual}，但两者相差${difference}。`,
  goalProjectNote: (sheet: string, cell: string, amount: string) =>
    `项目支出表“${sheet}”${cell}列示该项目${amount}。`,
  goalIndicatorMissing: (form: string, missing: string, period: string) =>
    `绩效目标表“${form}”${period}没有${missing}；项目绩效指标应涵盖产出、效益和满意度指标。`,
  goalCostIndicatorMissing: (form: string, period: string) =>
    `绩效目标表“${form}”${period}的“成本指标”未填写；该模板要求填报成本指标。`,
  goalIndicatorDuplicate: (
    form: string,
    row: number,
    name: string,
    value: string,
    firstRow: number,
    firstValue: string
  ) =>
    `绩效目标表“${form}”第${row}行的指标“${name}”（${value}）与第${firstRow}行（${firstValue}）重复。`,
  goalIndicatorValue: (form: string, name: string, value: string) =>
    `绩效目标表“${form}”中指标“${name}”的指标值“${value}”既不是“比较符+数值+单位”（如≥90%、≤300元、=1次），也不是可识别的定性值（如良好、按时完成），难以考核。`,
  goalUnitCostLower: (
    form: string,
    basis: string,
    bound: string,
    budgetLabel: string,
    budget: string,
    difference: string
  ) =>
    `绩效目标表“${form}”中${basis}，据此预算至少应为${bound}，但${budgetLabel}为${budget}，相差${difference}。`,
  goalUnitCostUpper: (
    form: string,
    basis: string,
    bound: string,
    budgetLabel: string,
    budget: string,
    difference: string
  ) =>
    `绩效目标表“${form}”中${basis}，据此预算至多为${bound}，但${budgetLabel}为${budget}，超出${difference}。`,
  goalUnitCostExact: (
    form: string,
    basis: string,
    product: string,
    budgetLabel: string,
    budget: string,
    difference: string
  ) =>
    `绩效目标表“${form}”中${basis}，合计应为${product}，但${budgetLabel}为${budget}，相差${difference}。`,
  goalUnitCostRounding: (
    form: string,
    basis: string,
    bound: string,
    budgetLabel: string,
    budget: string
  ) =>
    `舍入差异：绩效目标表“${form}”中${basis}，据此测算为${bound}，${budgetLabel}为${budget}，相差在四舍五入允许范围内。`,
  goalProjectLine: (
    form: string,
    budgetLabel: string,
    amount: string,
    sheet: string,
    cell: string,
    line: string,
    difference: string
  ) =>
    `绩效目标表“${form}”的${budgetLabel}为${amount}，但项目支出表“${sheet}”${cell}中该项目为${line}，相差${difference}。`,
  goalProjectLineRounding: (
    form: string,
    budgetLabel: string,
    amount: string,
    sheet: string,
    cell: string,
    line: string
  ) =>
    `舍入差异：绩效目标表“${form}”的${budgetLabel}为${amount}，项目支出表“${sheet}”${cell}中该项目为${line}，相差在四舍五入允许范围内。`,
  goalProjectNotFound: (form: string, sheets: string) =>
    `绩效目标表“${form}”的项目在项目支出表（${sheets}）中没有找到同名项目，无法核对预算数。`,
  goalProjectTotal: (count: number, sum: string, cell: string, total: string, difference: string) =>
    `${count}张项目绩效目标表的预算数合计为${sum}，支出总表“项目支出”合计（${cell}）为${total}，相差${difference}；请核对是否每个项目都公开了绩效目标表。`,
  goalProjectTotalRounding: (count: number, sum: string, total: string) =>
    `舍入差异：${count}张项目绩效目标表的预算数合计为${sum}，支出总表“项目支出”合计为${total}，相差在四舍五入允许范围内。`,
  // “三公”经费表, 政府采购表, 固定资产占用情况表 (rules/special).
  sangongSum: (row: string, column: string, actual: Money, expected: Money) =>
    `“三公”经费表“${row}”行的“${column}”为 ${m(actual)}，因公出国（境）费、公务用车购置及运行维护费、公务接待费三项之和为 ${m(expected)}，相差 ${m(actual.minus(expected))}。`,
  sangongSumRounding: (row: string, column: string, actual: Money, expected: Money) =>
    `舍入差异：“三公”经费表“${row}”行的“${column}”为 ${m(actual)}，三项之和为 ${m(expected)}，相差 ${m(actual.minus(expected))}，在四舍五入允许范围内。`,
  sangongMissingItem: (item: string) =>
    `“三公”经费表中没有找到“${item}”行，无法核对“三公”经费合计。`,
  sangongVehicle: (row: string, column: string, actual: Money, expected: Money) =>
    `“三公”经费表“${row}”行的“${column}”为 ${m(actual)}，公务用车购置费与公务用车运行维护费之和为 ${m(expected)}，相差 ${m(actual.minus(expected))}。`,
  sangongVehicleRounding: (row: string, column: string, actual: Money, expected: Money) =>
    `舍入差异：“三公”经费表“${row}”行的“${column}”为 ${m(actual)}，购置费与运行维护费之和为 ${m(expected)}，相差 ${m(actual.minus(expected))}，在四舍五入允许范围内。`,
  sangongTotalAgreesWithParts: "“三公”经费合计与购置费、运行维护费等明细相符，应更正的是本行。",
  /** The row a 增减 message names: “201 一般公共服务支出”行, “三公”经费表“公务接待费”行. */
  changeRow: (row: string) => `“${row}”行`,
  sangongChangeRow: (row: string) => `“三公”经费表“${row}”行`,
  /** `where` names the row (changeRow, sangongChangeRow). */
  yearChange: (
    where: string,
    column: string,
    actual: Money,
    current: Money,
    prior: Money,
    expected: Money
  ) =>
    `${where}的“${column}”为 ${m(actual)}，而本年 ${m(current)} 减上年 ${m(prior)} 应为 ${m(expected)}，相差 ${m(actual.minus(expected))}。`,
  yearChangeRounding: (where: string, column: string, actual: Money, expected: Money) =>
    `舍入差异：${where}的“${column}”为 ${m(actual)}，本年减上年为 ${m(expected)}，相差 ${m(actual.minus(expected))}，在四舍五入允许范围内。`,
  yearRate: (where: string, column: string, actual: Money, expected: Money) =>
    `${where}的“${column}”为 ${formatPercent(actual)}，按（本年−上年）÷上年计算应为 ${formatPercent(expected)}。`,
  /** Put before a rate's message when the difference is within rounding. */
  roundingPrefix: "舍入差异：",
  /** A 增减 column whose 上年 and 本年 columns cannot be told apart (三公 and coded tables). */
  changeUnpaired: (caption: string) =>
    `无法确定“${caption}”是哪两列之差：表头没有分清上年和本年（如“上年预算数”“本年预算数”或“2023年预算数”“2024年预算数”），这一列未核对。`,
  /** The procurement columns a message names when the table gives them no caption. */
  procurementAmountColumn: "金额",
  procurementTotalColumn: "合计",
  procurementQtyPrice: (
    item: string,
    quantity: Money,
    price: Money,
    product: Money,
    column: string,
    actual: Money
  ) =>
    `政府采购表“${item}”行：数量 ${quantity.toString()} × 单价 ${m(price)} = ${m(product)}，但“${column}”为 ${m(actual)}，相差 ${m(actual.minus(product))}。`,
  procurementQtyPriceRounding: (item: string, product: Money, column: string, actual: Money) =>
    `舍入差异：政府采购表“${item}”行数量×单价为 ${m(product)}，“${column}”为 ${m(actual)}，相差 ${m(actual.minus(product))}，在四舍五入允许范围内。`,
  procurementTotal: (row: string, column: string, actual: Money, expected: Money, count: number) =>
    `政府采购表“${row}”行的“${column}”为 ${m(actual)}，所含 ${count} 行相加为 ${m(expected)}，相差 ${m(actual.minus(expected))}。`,
  procurementTotalRounding: (row: string, column: string, actual: Money, expected: Money) =>
    `舍入差异：政府采购表“${row}”行的“${column}”为 ${m(actual)}，所含各行相加为 ${m(expected)}，相差 ${m(actual.minus(expected))}，在四舍五入允许范围内。`,
  procurementSources: (
    row: string,
    column: string,
    actual: Money,
    parts: string[],
    expected: Money
  ) =>
    `政府采购表“${row}”行的“${column}”为 ${m(actual)}，而${parts.map((p) => `“${p}”`).join("+")}为 ${m(expected)}，相差 ${m(actual.minus(expected))}。`,
  procurementSourcesRounding: (row: string, column: string, actual: Money, expected: Money) =>
    `舍入差异：政府采购表“${row}”行的“${column}”为 ${m(actual)}，各资金来源相加为 ${m(expected)}，相差 ${m(actual.minus(expected))}，在四舍五入允许范围内。`,
  procurementNumberAsText: (column: string, text: string) =>
    `政府采购表“${column}”栏的“${text}”是以文本形式保存的数字，已按数值读取；请改为数值格式，以免求和时被漏算。`,
  procurementNotANumber: (column: string, text: string) =>
    `政府采购表“${column}”栏的“${text}”不是数字，无法计算，已按 0 处理。`,
  assetsTotal: (column: string, actual: Money, expected: Money, items: string[]) =>
    `固定资产占用情况表“资产总额”的“${column}”为 ${m(actual)}，${items.map((i) => `“${i}”`).join("、")}合计为 ${m(expected)}，相差 ${m(actual.minus(expected))}。`,
  assetsTotalRounding: (column: string, actual: Money, expected: Money) =>
    `舍入差异：固定资产占用情况表“资产总额”的“${column}”为 ${m(actual)}，各类资产合计为 ${m(expected)}，相差 ${m(actual.minus(expected))}，在四舍五入允许范围内。`,
  assetsSubitem: (
    child: string,
    parent: string,
    column: string,
    childValue: Money,
    parentValue: Money
  ) =>
    `固定资产占用情况表“${child}”的“${column}”为 ${m(childValue)}，超过了所属“${parent}”的 ${m(parentValue)}（“其中”项不应大于其所属项目）。`,
} as const;

/** The title of an amount column for messages: its caption, or its letter. */
export function columnTitle(caption: string | undefined, address: string): string {
  return caption && caption !== "" ? caption : address.replace(/\d+$/, "") + "列";
}
