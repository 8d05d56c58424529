import { cellRefs } from "../../finding";
import type { Finding } from "../../finding";
import { sumMoney } from "../../money";
import type { GoalPlanStage, PerformanceGoalForm } from "../../read/goals";
import { MESSAGES, RULE_TITLES } from "../../messages";
import type { Rule, WorkbookRuleContext } from "../rule";
import { formTitle, goalForms, showAmount } from "./common";

/**
 * The 资金支出计划 states cumulative spending by 3月底, 6月底, 10月底 and 12月底, so it never goes
 * down. Blank stages are “not stated” and skipped. A plan that lists per-period amounts adding up
 * to the budget is accepted too.
 */
const RULE_ID = "goals.plan-monotonic";

const show = (form: PerformanceGoalForm, stage: GoalPlanStage) =>
  stage.percent ? `${stage.value!.toString()}%` : showAmount(stage.value!, form.unit);

function check(form: PerformanceGoalForm): Finding | undefined {
  const stated = form.plan.filter((stage) => stage.value !== undefined);
  if (stated.length < 2) return undefined;
  if (
    !stated.some((s) => s.percent) &&
    sumMoney(stated.map((s) => s.value!)).equals(form.budget.value)
  ) {
    const cumulative = stated.every(
      (s, i) => i === 0 || s.value!.greaterThanOrEqualTo(stated[i - 1].value!)
    );
    if (!cumulative) return undefined; // per-period amounts that add up to the budget
  }
  for (let i = 1; i < stated.length; i++) {
    const earlier = stated[i - 1];
    const later = stated[i];
    if (later.value!.lessThan(earlier.value!)) {
      return {
        ruleId: RULE_ID,
        severity: "warning",
        sheet: form.sheet,
        cell: later.cell,
        message: MESSAGES.goalPlanDecrease(
          formTitle(form),
          later.label,
          show(form, later),
          earlier.label,
          show(form, earlier)
        ),
        expected: `≥${earlier.value!.toString()}`,
        actual: later.value!.toString(),
        related: cellRefs(form.sheet, [earlier.cell]),
      };
    }
  }
  return undefined;
}

export const goalPlanMonotonic: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["goals.plan-monotonic"],
  severity: "warning",
  scope: "workbook",
  run({ model }) {
    return goalForms(model).flatMap((form) => check(form) ?? []);
  },
};
