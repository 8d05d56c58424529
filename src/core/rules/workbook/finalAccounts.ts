import type { Finding } from "../../finding";
import type { Rule, WorkbookRuleContext } from "../rule";
import { RULE_TITLES, WORKBOOK_MESSAGES } from "../../messages";

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
    const titles = [...new Set(found.map((t) => t.title.replace(/\s+/g, "")))];
    const named = WORKBOOK_MESSAGES.finalAccountsNamed(titles);
    const finding: Finding =
      model.tables.length === 0
        ? {
            ruleId: FINAL_ACCOUNTS_RULE_ID,
            severity: "error",
            sheet: first.sheet,
            cell: first.cell,
            message: WORKBOOK_MESSAGES.finalAccountsOnly(named),
            actual: first.title,
          }
        : {
            ruleId: FINAL_ACCOUNTS_RULE_ID,
            severity: "warning",
            sheet: first.sheet,
            cell: first.cell,
            message: WORKBOOK_MESSAGES.finalAccountsAmong(named, found.length),
            actual: first.title,
          };
    return [finding];
  },
};
