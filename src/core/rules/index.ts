/**
 * The rule registry: every check the engine runs, listed once. Adding a rule is adding a file and a
 * line in tableRules.ts (one table) or here (between tables); test/core/rules/registry.test.ts
 * validates the lists.
 */
import type { Rule, WorkbookRuleContext } from "./rule";
import { CROSS_TABLE_RULES } from "./workbook";
import { GOAL_RULES } from "./goals";
import { SPECIAL_TABLE_RULES } from "./special";
import { narrativeRule } from "./narrative/narrativeRule";
import { PREVIOUS_RULES } from "./previous";

export type { Rule, TableRuleContext, WorkbookRuleContext } from "./rule";
export { TABLE_RULES, TABLE_RULES_SKIPPED, tableRulesFor } from "./tableRules";

/** Rules between tables and about the workbook as a whole. */
export const WORKBOOK_RULES: readonly Rule<WorkbookRuleContext>[] = [
  ...CROSS_TABLE_RULES,
  ...SPECIAL_TABLE_RULES,
  ...GOAL_RULES,
  narrativeRule,
  ...PREVIOUS_RULES,
];
