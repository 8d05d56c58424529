/**
 * The rule registry: every check the engine runs, listed once. Adding a rule is adding a file and a
 * line in tableRules.ts (one table), always.ts (between tables) or inputRules.ts (a rule that needs
 * a 情况说明 or last year's file); test/core/rules/registry.test.ts validates the lists.
 */
import type { Rule, WorkbookRuleContext } from "./rule";
import { WORKBOOK_RULES_ALWAYS } from "./always";
import { INPUT_RULES } from "./inputRules";

export type { Rule, TableRuleContext, WorkbookRuleContext } from "./rule";
export { WORKBOOK_RULES_ALWAYS } from "./always";
export { INPUT_RULES } from "./inputRules";
export { TABLE_RULES, TABLE_RULES_SKIPPED, tableRulesFor } from "./tableRules";

/** Rules between tables and about the workbook as a whole. */
export const WORKBOOK_RULES: readonly Rule<WorkbookRuleContext>[] = [
  ...WORKBOOK_RULES_ALWAYS,
  ...INPUT_RULES,
];
