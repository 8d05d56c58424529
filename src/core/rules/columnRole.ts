import type { Finding } from "../finding";
import type { Rule } from "./rule";
import { MESSAGES, RULE_TITLES } from "../messages";

const RULE_ID = "table.column-role";

/**
 * A column whose header says neither an amount, a classification, a name nor a description (列1,
 * 备用) is not guessed at: it is left out of the checks, and the clerk is told which header it is.
 */
export const columnRole: Rule = {
  id: RULE_ID,
  title: RULE_TITLES["table.column-role"],
  severity: "warning",
  scope: "table",
  run({ table }) {
    return (table.unknownColumns ?? []).map((column): Finding => ({
      ruleId: RULE_ID,
      severity: "warning",
      sheet: table.sheet,
      cell: column.address,
      message: MESSAGES.unknownColumn(column),
      actual: column.caption,
    }));
  },
};
