import { cellRef } from "../../finding";
import type { Finding } from "../../finding";
import { PerformanceGoalForm, parseIndicatorValue } from "../../read/goals";
import { MESSAGES, RULE_TITLES } from "../../messages";
import type { Rule, WorkbookRuleContext } from "../rule";
import { formTitle, goalForms } from "./common";

/**
 * Every 指标值 is measurable: comparator + number + unit (≥76个, ≤300元, 100%, =1次), a date
 * (12月底), or a recognizable qualitative value (良好, 显著提升, 按时完成, 全年). A sentence copied
 * into the value cell is reported, quoting it. When a Shanxi form repeats the same value for the
 * 实施期 and the 年度 on one row, the row is reported once.
 */
const RULE_ID = "goals.indicator-value";

function check(form: PerformanceGoalForm): Finding[] {
  const findings: Finding[] = [];
  const reported = new Map<string, Finding>();
  for (const indicator of form.indicators) {
    if (parseIndicatorValue(indicator.value).kind !== "unrecognized") continue;
    const rowKey = `${indicator.row}|${indicator.value}`;
    const earlier = reported.get(rowKey);
    if (earlier) {
      earlier.related = [...(earlier.related ?? []), cellRef(form.sheet, indicator.cell)];
      continue;
    }
    const finding: Finding = {
      ruleId: RULE_ID,
      severity: "warning",
      sheet: form.sheet,
      cell: indicator.cell,
      message: MESSAGES.goalIndicatorValue(
        formTitle(form),
        indicator.level3 || indicator.description || indicator.level2,
        indicator.value
      ),
      actual: indicator.value,
    };
    reported.set(rowKey, finding);
    findings.push(finding);
  }
  return findings;
}

export const goalIndicatorValue: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["goals.indicator-value"],
  severity: "warning",
  scope: "workbook",
  run({ model }) {
    return goalForms(model).flatMap(check);
  },
};
