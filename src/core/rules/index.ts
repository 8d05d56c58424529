/**
 * The rule registry: every check the engine runs, listed once. Adding a rule is adding a file and a
 * line here; test/core/rules/registry.test.ts validates the list.
 */
import { amountAsText, amountDecimals, amountNegative, amountNotANumber } from "./amountCells";
import { childrenSum } from "./childrenSum";
import { codeName } from "./codeName";
import { codeUnknown } from "./codeUnknown";
import type { Rule, WorkbookRuleContext } from "./rule";
import { rowTotalParts } from "./rowTotalParts";
import { totalRowSum } from "./totalRowSum";
import { CROSS_TABLE_RULES } from "./workbook";

export type { Rule, TableRuleContext, TemplateId, UnitNature, WorkbookRuleContext } from "./rule";

export const TABLE_RULES: readonly Rule[] = [
  childrenSum,
  totalRowSum,
  rowTotalParts,
  codeUnknown,
  codeName,
  amountNotANumber,
  amountAsText,
  amountNegative,
  amountDecimals,
];

/** Rules between tables and about the workbook as a whole. */
export const WORKBOOK_RULES: readonly Rule<WorkbookRuleContext>[] = [...CROSS_TABLE_RULES];
