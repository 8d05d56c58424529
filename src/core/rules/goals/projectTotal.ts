import { cellRef } from "../../finding";
import type { Finding } from "../../finding";
import { sumMoney } from "../../money";
import { compareSum } from "../../rounding";
import { currentColumn } from "../../read/table";
import { MESSAGES, RULE_TITLES } from "../../messages";
import type { Rule, WorkbookRuleContext } from "../rule";
import { firstSetFormSheets } from "../workbook/access";
import { goalForms, inWan, isAmount, projectTables, showAmount } from "./common";

/**
 * Without a 项目支出表 (Hebei), the forms are compared as a whole with the 支出总表: Σ 预算数 of all
 * 项目绩效目标表 = the 合计 row's 项目支出. A gap means a project without a published form, or a
 * form whose 预算数 is wrong — a warning, since not every department publishes every project.
 */
const RULE_ID = "goals.project-total";

export const goalProjectTotal: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["goals.project-total"],
  severity: "warning",
  scope: "workbook",
  run({ model }) {
    if (projectTables(model).length > 0) return [];
    // The first set's forms only: a second set's (the disclosure copied in again, another unit's)
    // would add its projects to the 支出总表 the rule takes, the first.
    const sheets = firstSetFormSheets(model);
    const forms = goalForms(model).filter(
      (form) => isAmount(form.budget) && sheets.has(form.sheet)
    );
    if (forms.length === 0) return [];
    const overview = model.tables.find((t) => t.kind === "支出总表");
    if (!overview) return [];
    for (const side of overview.table.sides) {
      const column = currentColumn(side, /^项目支出$/);
      const total = side.rows.find((row) => row.role === "total");
      if (column < 0 || !total) continue;
      const cell = total.cells[column];
      if (cell.parsed.kind !== "amount") return [];
      const budgets = forms.map((form) => inWan(form.budget.value, form.unit));
      const comparison = compareSum(cell.value, budgets);
      if (comparison.agreement === "exact") return [];
      const rounding = comparison.agreement === "rounding";
      const sum = sumMoney(budgets);
      const finding: Finding = {
        ruleId: RULE_ID,
        severity: rounding ? "info" : "warning",
        sheet: overview.table.sheet,
        cell: cell.address,
        message: rounding
          ? MESSAGES.goalProjectTotalRounding(
              forms.length,
              showAmount(sum, "万元"),
              showAmount(cell.value, "万元")
            )
          : MESSAGES.goalProjectTotal(
              forms.length,
              showAmount(sum, "万元"),
              cell.address,
              showAmount(cell.value, "万元"),
              showAmount(cell.value.minus(sum), "万元")
            ),
        expected: sum.toString(),
        actual: cell.value.toString(),
        related: forms.map((form) => cellRef(form.sheet, form.budget.cell)),
        ...(rounding ? { rounding: true } : {}),
      };
      return [finding];
    }
    return [];
  },
};
