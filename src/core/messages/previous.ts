/*
 * Messages of the rules that compare this year's disclosure with last year's (rules/previous).
 */
import type { Money } from "../money";
import { formatAmount as m } from "./amounts";

export const PREVIOUS_MESSAGES = {
  /** Where last year's figure comes from: “上年公开文件“2024年部门预算.xlsx””. */
  source: (file: string | undefined) => (file ? `上年公开文件“${file}”` : "上年公开文件"),
  /** previous.figure: a 上年 figure of this year's tables that is not what last year published. */
  figure: (what: string, actual: Money, source: string, expected: Money) =>
    `${what}为 ${m(actual)}，而${source}公开的为 ${m(expected)}，相差 ${m(actual.minus(expected))}。`,
  /** Appended (before the 。) when last year had no such line. */
  noSuchLineLastYear: "（上年无此项）",
  /** What the figure is: “三公”经费表“公务接待费”的“上年预算数”. */
  sangongFigure: (label: string, caption: string) => `“三公”经费表“${label}”的“${caption}”`,
  tableFigure: (kind: string, label: string, caption: string) => `${kind}“${label}”的“${caption}”`,
  totalLabel: "合计",
  /** previous.reason: a change beyond the threshold the 情况说明 does not mention at all. */
  changeNotMentioned: (
    subject: string,
    change: string,
    threshold: Money,
    current: Money,
    last: Money
  ) =>
    `${subject}比上年${change}，超过 ±${m(threshold, 0)}%（本年 ${m(current)} 万元，上年 ${m(last)} 万元），情况说明中没有说明这一增减及其原因。`,
  /** previous.reason: a change the text states without its reason. */
  changeWithoutReason: (place: string, subject: string, change: string, threshold: Money) =>
    `${place}${subject}比上年${change}，超过 ±${m(threshold, 0)}%，但没有写明增减原因（如“主要原因是……”）。`,
  /** Where a paragraph is, when it has no cell: “情况说明第3段：”. */
  paragraphPlace: (location: string | undefined, index: number) =>
    `${location ?? `情况说明第${index + 1}段`}：`,
} as const;
