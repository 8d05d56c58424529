/**
 * The workbook rules that run on every workbook, whatever it holds. They come first in
 * WORKBOOK_RULES; the rules that need a 情况说明 or last year's file (inputRules.ts) follow.
 */
import type { Rule, WorkbookRuleContext } from "./rule";
import { CROSS_TABLE_RULES } from "./workbook";
import { GOAL_RULES } from "./goals";
import { SPECIAL_TABLE_RULES } from "./special";

export const WORKBOOK_RULES_ALWAYS: readonly Rule<WorkbookRuleContext>[] = [
  ...CROSS_TABLE_RULES,
  ...SPECIAL_TABLE_RULES,
  ...GOAL_RULES,
];
