import type { Finding } from "../../finding";
import type { Rule, WorkbookRuleContext } from "../rule";
import { RULE_TITLES } from "../../messages";

export const FINAL_ACCOUNTS_RULE_ID = "workbook.final-accounts";

/**
 * A 决算 (final accounts: what was spent, against the year's budget) is not a 预算 disclosure, though
 * its tables look alike. Its tables are never read as budget tables; the clerk is told so once. A
 * workbook that is nothing but 决算 gets one error (it is not a budget disclosure, so it cannot pass);
 * 决算 tables beside budget tables one warning that names them.
 */
export const finalAccounts: Rule<WorkbookRuleContext> = {
  id: FINAL_ACCOUNTS_RULE_ID,
  title: RULE_TITLES["workbook.final-accounts"],
  severity: "error",
  scope: "workbook",
  run({ model }) {
    const found = model.finalAccounts ?? [];
    if (found.length === 0) return [];
    const first = found[0];
    const titles = [...new Set(found.map((t) => `“${t.title.replace(/\s+/g, "")}”`))];
    const named =
      titles.length > 3
        ? `${titles.slice(0, 3).join("、")}等 ${titles.length} 张表`
        : titles.join("、");
    const finding: Finding =
      model.tables.length === 0
        ? {
            ruleId: FINAL_ACCOUNTS_RULE_ID,
            severity: "error",
            sheet: first.sheet,
            cell: first.cell,
            message: `这是决算表，本工具检查预算公开表：${named}是部门决算（上年预算的执行结果），不是部门预算公开表，未作检查。请打开部门预算公开表（收支总表、收入总表、支出总表等）再检查。`,
            actual: first.title,
          }
        : {
            ruleId: FINAL_ACCOUNTS_RULE_ID,
            severity: "warning",
            sheet: first.sheet,
            cell: first.cell,
            message: `${named}是决算表，本工具检查预算公开表，未检查${found.length > 1 ? "这些表" : "此表"}；其余预算公开表已检查。`,
            actual: first.title,
          };
    return [finding];
  },
};
