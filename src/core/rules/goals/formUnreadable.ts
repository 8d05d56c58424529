import { GOAL_FORM_UNREADABLE, readGoalForms } from "../../read/goals";
import type { Rule, WorkbookRuleContext } from "../rule";
import { RULE_TITLES } from "../../messages";

/** A block that looks like a 项目绩效目标表 but lacks its 预算数 is reported, never skipped silently. */
export const goalFormUnreadable: Rule<WorkbookRuleContext> = {
  id: GOAL_FORM_UNREADABLE,
  title: RULE_TITLES["goals.form-unreadable"],
  severity: "warning",
  scope: "workbook",
  run({ model }) {
    return readGoalForms(model).findings.map((finding) => ({ ...finding }));
  },
};
