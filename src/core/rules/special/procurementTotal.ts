import type { Finding } from "../../finding";
import type { AmountCell } from "../../read/table";
import { MESSAGES, RULE_TITLES } from "../../messages";
import type { Rule, WorkbookRuleContext } from "../rule";
import { sumFinding } from "../sums";
import {
  ProcurementRow,
  ProcurementView,
  procurementViews,
  subtotalGroups,
} from "../../read/procurementTable";

/**
 * The 合计 row = Σ the 小计 rows (or Σ the item rows when there is no 小计), and each 小计 = Σ its
 * rows, in the 金额 合计 column, every source column and the 预留份额 column. 数量 and 单价 are not
 * added up.
 */
const RULE_ID = "procurement.total";

function compare(view: ProcurementView, total: ProcurementRow, parts: ProcurementRow[]): Finding[] {
  const findings: Finding[] = [];
  const { amount, sources, reserves, captions } = view.columns;
  for (const column of [amount, ...sources, ...reserves]) {
    const caption = captions.get(column) ?? "";
    const finding = sumFinding(
      RULE_ID,
      view.table,
      total.cells.get(column)!,
      parts
        .map((row) => row.cells.get(column))
        .filter((cell): cell is AmountCell => cell !== undefined),
      {
        mismatch: (actual, expected) =>
          MESSAGES.procurementTotal(total.label, caption, actual, expected, parts.length),
        rounding: (actual, expected) =>
          MESSAGES.procurementTotalRounding(total.label, caption, actual, expected),
      }
    );
    if (finding) findings.push(finding);
  }
  return findings;
}

export const procurementTotal: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["procurement.total"],
  severity: "error",
  scope: "workbook",
  run({ model }) {
    const findings: Finding[] = [];
    for (const view of procurementViews(model)) {
      const groups = subtotalGroups(view);
      for (const group of groups)
        if (group.items.length > 0) findings.push(...compare(view, group.subtotal, group.items));
      const parts =
        groups.length > 0
          ? groups.map((g) => g.subtotal)
          : view.rows.filter((row) => row.role === "item");
      if (parts.length === 0) continue;
      for (const total of view.rows.filter((row) => row.role === "total"))
        findings.push(...compare(view, total, parts));
    }
    return findings;
  },
};
