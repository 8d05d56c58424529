import { cellRef } from "../../finding";
import type { Finding } from "../../finding";
import { roundMoney } from "../../money";
import { MESSAGES, RULE_TITLES } from "../../messages";
import type { Rule, WorkbookRuleContext } from "../rule";
import {
  budgetLabel,
  formTitle,
  goalForms,
  inWan,
  isAmount,
  projectLines,
  projectTables,
  showAmount,
} from "./common";

/**
 * Each form's budget is its project's line in the 项目支出表 (matched by normalized name; a Shanxi
 * form in 元 is converted to 万元 and rounded to 0.01 as the table prints it). Runs only when the
 * workbook has a 项目支出表.
 */
const RULE_ID = "goals.project-line";

export const goalProjectLine: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["goals.project-line"],
  severity: "error",
  scope: "workbook",
  run({ model }) {
    const tables = projectTables(model);
    if (tables.length === 0) return [];
    const findings: Finding[] = [];
    const lines = projectLines(model);
    for (const form of goalForms(model)) {
      if (!isAmount(form.budget)) continue;
      const title = formTitle(form);
      const line = lines.get(form);
      const amount = showAmount(form.budget.value, form.unit);
      if (!line) {
        findings.push({
          ruleId: RULE_ID,
          severity: "warning",
          sheet: form.sheet,
          cell: form.projectNameCell ?? form.titleCell,
          message: MESSAGES.goalProjectNotFound(
            title,
            [...new Set(tables.map((t) => `“${t.table.sheet}”`))].join("、")
          ),
        });
        continue;
      }
      const exact = inWan(form.budget.value, form.unit);
      const published = roundMoney(exact);
      if (published.equals(line.cell.value)) continue;
      const difference = line.cell.value.minus(exact).abs();
      const rounding = difference.lessThanOrEqualTo("0.01");
      const shownAmount =
        form.unit === "元" ? `${amount}（${showAmount(published, "万元")}）` : amount;
      const sheet = line.table.table.sheet;
      findings.push({
        ruleId: RULE_ID,
        severity: rounding ? "info" : "error",
        sheet: form.sheet,
        cell: form.budget.cell,
        message: rounding
          ? MESSAGES.goalProjectLineRounding(
              title,
              budgetLabel(form),
              shownAmount,
              sheet,
              line.cell.address,
              showAmount(line.cell.value, "万元")
            )
          : MESSAGES.goalProjectLine(
              title,
              budgetLabel(form),
              shownAmount,
              sheet,
              line.cell.address,
              showAmount(line.cell.value, "万元"),
              showAmount(published.minus(line.cell.value).abs(), "万元")
            ),
        expected: line.cell.value.toString(),
        actual: published.toString(),
        related: [cellRef(sheet, line.cell.address)],
        ...(rounding ? { rounding: true } : {}),
      });
    }
    return findings;
  },
};
