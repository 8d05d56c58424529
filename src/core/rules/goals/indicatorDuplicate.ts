import { cellRefs } from "../../finding";
import type { Finding } from "../../finding";
import { GoalIndicator, PerformanceGoalForm, normalizeProjectName } from "../../read/goals";
import { MESSAGES, RULE_TITLES } from "../../messages";
import type { Rule, WorkbookRuleContext } from "../rule";
import { formTitle, goalForms } from "./common";

/** An indicator (same 二级指标 and 三级指标) is listed once per form and period. */
const RULE_ID = "goals.indicator-duplicate";

const keyOf = (i: GoalIndicator) =>
  `${i.period ?? ""}|${normalizeProjectName(i.level2)}|${normalizeProjectName(i.level3 || i.description || "")}`;

function check(form: PerformanceGoalForm): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, GoalIndicator>();
  for (const indicator of form.indicators) {
    if (indicator.level3 === "" && !indicator.description) continue;
    const key = keyOf(indicator);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, indicator);
      continue;
    }
    findings.push({
      ruleId: RULE_ID,
      severity: "warning",
      sheet: form.sheet,
      cell: indicator.nameCell,
      message: MESSAGES.goalIndicatorDuplicate(
        formTitle(form),
        indicator.row,
        `${indicator.level2}／${indicator.level3 || indicator.description}`,
        indicator.value,
        first.row,
        first.value
      ),
      related: cellRefs(form.sheet, [first.nameCell]),
    });
  }
  return findings;
}

export const goalIndicatorDuplicate: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["goals.indicator-duplicate"],
  severity: "warning",
  scope: "workbook",
  run({ model }) {
    return goalForms(model).flatMap(check);
  },
};
