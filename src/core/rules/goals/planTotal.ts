import { cellRefs } from "../../finding";
import type { Finding } from "../../finding";
import { Money, sumMoney } from "../../money";
import { compareSum } from "../../rounding";
import type { PerformanceGoalForm } from "../../read/goals";
import { MESSAGES, RULE_TITLES } from "../../messages";
import type { Rule, WorkbookRuleContext } from "../rule";
import { formTitle, goalForms, isAmount, showAmount } from "./common";

/**
 * The 资金支出计划 ends at the whole budget: its last stage (12月底) is the 预算数, or 100% when the
 * plan is stated in percent. A plan whose stages are all blank is reported as not filled in.
 */
const RULE_ID = "goals.plan-total";
const HUNDRED = new Money(100);

function check(form: PerformanceGoalForm): Finding | undefined {
  if (form.plan.length === 0 || !isAmount(form.budget)) return undefined;
  const title = formTitle(form);
  const stated = form.plan.filter((stage) => stage.value !== undefined);
  const last = form.plan[form.plan.length - 1];
  if (stated.length === 0) {
    return {
      ruleId: RULE_ID,
      severity: "warning",
      sheet: form.sheet,
      cell: last.cell,
      message: MESSAGES.goalPlanEmpty(title),
    };
  }
  const end = stated[stated.length - 1];
  if (end.percent) {
    if (end.value!.equals(HUNDRED)) return undefined;
    return {
      ruleId: RULE_ID,
      severity: "error",
      sheet: form.sheet,
      cell: end.cell,
      message: MESSAGES.goalPlanPercent(title, end.label, end.value!.toString()),
      expected: "100",
      actual: end.value!.toString(),
    };
  }
  // Cumulative plan: the last stage is the budget. Per-period plan: the stages add up to it.
  const cumulative = compareSum(form.budget.value, [end.value!]);
  if (cumulative.agreement === "exact") return undefined;
  if (stated.length > 1 && sumMoney(stated.map((s) => s.value!)).equals(form.budget.value))
    return undefined;
  const rounding = cumulative.agreement === "rounding";
  const show = (v: Money) => showAmount(v, form.unit);
  return {
    ruleId: RULE_ID,
    severity: rounding ? "info" : "error",
    sheet: form.sheet,
    cell: end.cell,
    message: rounding
      ? MESSAGES.goalPlanTotalRounding(title, end.label, show(end.value!), show(form.budget.value))
      : MESSAGES.goalPlanTotal(
          title,
          end.label,
          show(end.value!),
          show(form.budget.value),
          show(end.value!.minus(form.budget.value))
        ),
    expected: form.budget.value.toString(),
    actual: end.value!.toString(),
    related: cellRefs(form.sheet, [form.budget.cell]),
    ...(rounding ? { rounding: true } : {}),
  };
}

export const goalPlanTotal: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["goals.plan-total"],
  severity: "error",
  scope: "workbook",
  run({ model }) {
    return goalForms(model).flatMap((form) => check(form) ?? []);
  },
};
