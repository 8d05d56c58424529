import { Money, formatMoney } from "../money";

/**
 * Every message a clerk reads, in one table: the wording stays consistent and can be reviewed in
 * one place. Amounts are shown with two decimals and thousands separators.
 */
const m = (value: Money) => formatMoney(value);

export const MESSAGES = {
  childrenSum: (parent: string, column: string, actual: Money, expected: Money, childCount: number) =>
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
  unknownCode: (code: string) => `科目编码 ${code} 不在政府收支分类科目中，请核对编码（或在自定义科目表中补充）。`,
  malformedCode: (text: string) => `“${text}”不是有效的科目编码：功能分类应为 3/5/7 位数字，经济分类应为 3/5 位数字。`,
  nameMismatch: (code: string, printed: string, standard: string) =>
    `科目 ${code} 的名称为“${printed}”，标准名称为“${standard}”。`,
  numberAsText: (text: string) => `金额“${text}”是以文本形式保存的数字，已按数值读取；请改为数值格式，以免求和时被漏算。`,
  notANumber: (text: string) => `金额单元格中的“${text}”不是数字，无法计算，已按 0 处理。`,
  negativeAmount: (value: Money) => `金额为负数（${m(value)}），预算公开表中的金额通常不应为负，请核对。`,
  tooManyDecimals: (value: Money) => `金额 ${value.toString()} 超过两位小数；公开表以万元为单位，应保留两位小数。`,
} as const;

/** The title of an amount column for messages: its caption, or its letter. */
export function columnTitle(caption: string | undefined, address: string): string {
  return caption && caption !== "" ? caption : address.replace(/\d+$/, "") + "列";
}
