/**
 * The workbook rules that find nothing without their input: the 情况说明 (a sheet of the workbook, or
 * a file given to the CLI) and last year's published disclosure. They are the last of
 * WORKBOOK_RULES. Apart from the others so that the pane's engine loads them (and core/narrative,
 * the bulk of them) only for a workbook that gives them something to check (check/withParts.ts).
 */
import type { Rule, WorkbookRuleContext } from "./rule";
import { narrativeRule } from "./narrative/narrativeRule";
import { PREVIOUS_RULES } from "./previous";

export const INPUT_RULES: readonly Rule<WorkbookRuleContext>[] = [narrativeRule, ...PREVIOUS_RULES];
