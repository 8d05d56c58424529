/**
 * The single-table rules: what BUDGET.CHECK runs on one range. Kept apart from the workbook rules
 * so the custom-functions bundle does not carry the goal, narrative and cross-table rules.
 */
import { amountAsText, amountDecimals, amountNegative, amountNotANumber } from "./amountCells";
import { changeColumns } from "./changeColumns";
import { childrenSum } from "./childrenSum";
import { columnRole } from "./columnRole";
import { codeName } from "./codeName";
import { codeUnknown } from "./codeUnknown";
import { amountDate, formulaWithoutValue, hiddenAmounts } from "./cellTrust";
import type { Rule } from "./rule";
import { rowTotalParts } from "./rowTotalParts";
import { sumRootCause } from "./sumRootCause";
import { totalRowSum } from "./totalRowSum";
import type { TableKind } from "../read/tableKinds";

export const TABLE_RULES: readonly Rule[] = [
  sumRootCause,
  childrenSum,
  totalRowSum,
  rowTotalParts,
  changeColumns,
  codeUnknown,
  codeName,
  amountNotANumber,
  amountAsText,
  amountNegative,
  amountDecimals,
  formulaWithoutValue,
  amountDate,
  hiddenAmounts,
  columnRole,
];

const SUM_RULES = ["sum.root-cause", "sum.children", "sum.total-row", "sum.row-parts"];

/**
 * Tables with rules of their own (rules/special) skip the generic list rules that would say the same
 * thing, or misread them: a Shanxi 三公 table lists ① 购置费 ② 运行维护费 as rows beside their parent.
 */
export const TABLE_RULES_SKIPPED: Partial<Record<TableKind, readonly string[]>> = {
  // The 三公 table's 增减 and 增减率 are checked by sangong.change, which knows its row items.
  三公经费表: [...SUM_RULES, "table.change"],
  固定资产表: SUM_RULES,
  政府采购表: [...SUM_RULES, "amount.as-text", "amount.not-a-number"],
};

/** The single-table rules that apply to a table of this kind. */
export function tableRulesFor(kind: TableKind | undefined): readonly Rule[] {
  const skipped = kind ? TABLE_RULES_SKIPPED[kind] : undefined;
  return skipped ? TABLE_RULES.filter((rule) => !skipped.includes(rule.id)) : TABLE_RULES;
}
