import { cellRefs } from "../../finding";
import type { Finding } from "../../finding";
import { compareSum } from "../../rounding";
import type { GoalAmount, PerformanceGoalForm } from "../../read/goals";
import { GOAL_MESSAGES, MESSAGES, RULE_TITLES } from "../../messages";
import type { Rule, WorkbookRuleContext } from "../rule";
import { formTitle, goalForms, showAmount } from "./common";

/**
 * The budget equals its sources: Hebei 预算数 = 其中：财政资金 + 其他资金; Shanxi 实施期资金总额 and
 * 年度资金总额 each = 中央 + 省级 + 市县(区)财政资金 + 单位自筹 + 其他资金.
 */
const RULE_ID = "goals.fund-sources";

function sumCheck(
  form: PerformanceGoalForm,
  label: string,
  total: GoalAmount,
  parts: { label: string; amount: GoalAmount }[]
): Finding | undefined {
  if (total.state === "invalid" || parts.some((p) => p.amount.state === "invalid"))
    return undefined;
  if (parts.every((p) => p.amount.state === "empty")) return undefined; // the form gives no split
  // Only the sources that hold a number were rounded; blanks must not widen the tolerance.
  const comparison = compareSum(
    total.value,
    parts.filter((p) => p.amount.state === "amount").map((p) => p.amount.value)
  );
  if (comparison.agreement === "exact") return undefined;
  const rounding = comparison.agreement === "rounding";
  const show = (v: GoalAmount["value"]) => showAmount(v, form.unit);
  return {
    ruleId: RULE_ID,
    severity: rounding ? "info" : "error",
    sheet: form.sheet,
    cell: total.cell,
    message: rounding
      ? MESSAGES.goalFundSourcesRounding(
          formTitle(form),
          label,
          show(total.value),
          show(comparison.expected)
        )
      : MESSAGES.goalFundSources(
          formTitle(form),
          label,
          show(total.value),
          parts.map((p) => `“${p.label}”`).join("、"),
          show(comparison.expected),
          show(comparison.difference)
        ),
    expected: comparison.expected.toString(),
    actual: total.value.toString(),
    related: cellRefs(
      form.sheet,
      parts.map((p) => p.amount.cell)
    ),
    ...(rounding ? { rounding: true } : {}),
  };
}

function check(form: PerformanceGoalForm): Finding[] {
  const findings: Finding[] = [];
  if (form.layout === "budgetPlan") {
    const parts = [
      ...(form.fiscal ? [{ label: GOAL_MESSAGES.fiscalFunds, amount: form.fiscal }] : []),
      ...(form.other ? [{ label: GOAL_MESSAGES.otherFunds, amount: form.other }] : []),
    ];
    const finding =
      parts.length > 0 ? sumCheck(form, GOAL_MESSAGES.budgetLabel, form.budget, parts) : undefined;
    if (finding) findings.push(finding);
  }
  for (const funding of [form.implementationPeriod, form.annual]) {
    if (!funding || funding.sources.length === 0) continue;
    const finding = sumCheck(form, funding.label, funding.total, funding.sources);
    if (finding) findings.push(finding);
  }
  return findings;
}

export const goalFundSources: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["goals.fund-sources"],
  severity: "error",
  scope: "workbook",
  run({ model }) {
    return goalForms(model).flatMap(check);
  },
};
