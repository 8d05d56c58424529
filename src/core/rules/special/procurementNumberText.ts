import type { Finding } from "../../finding";
import { MESSAGES, RULE_TITLES } from "../../messages";
import type { Rule, WorkbookRuleContext } from "../rule";
import { procurementViews } from "../../read/procurementTable";

/**
 * A number stored as text (`107．57`, `'25`) in 数量, 单价 or an amount column is read, but a SUM in
 * Excel would skip it: a warning. Text that is no number at all is a warning too (counted as 0).
 */
const RULE_ID = "procurement.number-as-text";

export const procurementNumberAsText: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["procurement.number-as-text"],
  severity: "warning",
  scope: "workbook",
  run({ model }) {
    const findings: Finding[] = [];
    for (const view of procurementViews(model)) {
      for (const row of view.rows) {
        for (const [column, cell] of row.cells) {
          const caption = view.columns.captions.get(column) ?? "";
          if (cell.parsed.kind === "amount" && cell.parsed.fromText) {
            findings.push({
              ruleId: RULE_ID,
              severity: "warning",
              sheet: view.table.sheet,
              cell: cell.address,
              message: MESSAGES.procurementNumberAsText(caption, String(cell.raw)),
              actual: String(cell.raw),
              expected: cell.value.toString(),
            });
          } else if (cell.parsed.kind === "invalid") {
            findings.push({
              ruleId: RULE_ID,
              severity: "warning",
              sheet: view.table.sheet,
              cell: cell.address,
              message: MESSAGES.procurementNotANumber(caption, cell.parsed.text),
              actual: cell.parsed.text,
            });
          }
        }
      }
    }
    return findings;
  },
};
