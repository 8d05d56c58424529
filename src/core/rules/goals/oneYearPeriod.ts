import { cellRef } from "../../finding";
import type { Finding } from "../../finding";
import type { PerformanceGoalForm } from "../../read/goals";
import { MESSAGES, RULE_TITLES } from "../../messages";
import type { Rule, WorkbookRuleContext } from "../rule";
import { formTitle, goalForms, isAmount, projectNote, projectRelated, showAmount } from "./common";

/**
 * A project that runs one year (项目期 1年, 项目属性 一次性项目(1年结束)) spends its whole 实施期 in
 * that year: 实施期资金总额 = 年度资金总额.
 */
const RULE_ID = "goals.one-year-period";

export function isOneYearProject(form: PerformanceGoalForm): boolean {
  const term = form.projectTerm?.text.replace(/\s/g, "") ?? "";
  const attribute = form.projectAttribute?.text.replace(/\s/g, "") ?? "";
  if (/^(1|一)年$/.test(term)) return true;
  return term === "" && /(1|一)年结束/.test(attribute);
}

export const goalOneYearPeriod: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["goals.one-year-period"],
  severity: "error",
  scope: "workbook",
  run({ model }) {
    const findings: Finding[] = [];
    for (const form of goalForms(model)) {
      const period = form.implementationPeriod?.total;
      const annual = form.annual?.total;
      if (!isAmount(period) || !isAmount(annual) || !isOneYearProject(form)) continue;
      if (period.value.equals(annual.value)) continue;
      const term = [form.projectTerm?.text, form.projectAttribute?.text]
        .filter((t) => t)
        .join("，");
      findings.push({
        ruleId: RULE_ID,
        severity: "error",
        sheet: form.sheet,
        cell: period.cell,
        message:
          MESSAGES.goalOneYear(
            formTitle(form),
            term,
            showAmount(period.value, form.unit),
            showAmount(annual.value, form.unit),
            showAmount(period.value.minus(annual.value).abs(), form.unit)
          ) + projectNote(model, form),
        expected: annual.value.toString(),
        actual: period.value.toString(),
        related: [cellRef(form.sheet, annual.cell), ...projectRelated(model, form)],
      });
    }
    return findings;
  },
};
