/*
 * Pieces of the 项目绩效目标表 messages (rules/goals): how an amount is shown in the form's unit, and
 * the names of the form's fields a message quotes. The sentences are in rules.ts (MESSAGES.goal…).
 */
import type { AmountUnit, Money } from "../money";
import { formatAmount } from "./amounts";

export const GOAL_MESSAGES = {
  /** 25 万元 → “25.00万元”; 1600000 元 → “1,600,000元” (元 without decimals when there are none). */
  amount: (value: Money, unit: AmountUnit): string =>
    unit === "元"
      ? `${formatAmount(value, value.isInteger() ? 0 : 2)}元`
      : `${formatAmount(value)}万元`,
  /** What the form calls its budget: 预算数 (Hebei) or 年度资金总额 (Shanxi). */
  budgetLabel: "预算数",
  annualBudgetLabel: "年度资金总额",
  /** The fund sources of a Hebei form, below its 预算数. */
  fiscalFunds: "其中：财政资金",
  otherFunds: "其他资金",
  /** The indicator kinds every form must cover, as a message names them. */
  outputIndicators: "产出指标",
  benefitIndicators: "效益指标",
  satisfactionIndicators: "满意度指标",
  /** goals.unit-cost: what the budget is measured against. */
  indicatorBasis: (
    countName: string | undefined,
    count: string | undefined,
    costName: string | undefined,
    cost: string | undefined
  ) => `${countName}为${count}、${costName}为${cost}`,
  /** The field whose text states a unit cost: 项目概况 (Shanxi) or 资金用途 (Hebei). */
  overviewField: "项目概况",
  purposeField: "资金用途",
  countFromIndicator: (count: string) => `，数量指标为${count}`,
  textBasis: (field: string, quoted: string, fromIndicator: string) =>
    `${field}写明“${quoted}”${fromIndicator}`,
} as const;
