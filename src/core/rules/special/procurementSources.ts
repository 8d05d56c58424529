import type { Finding } from "../../finding";
import { MESSAGES, RULE_TITLES } from "../../messages";
import type { Rule, WorkbookRuleContext } from "../rule";
import { sumFinding } from "../sums";
import { procurementViews } from "../../read/procurementTable";

/** On every row, the 政府采购金额 合计 = Σ its sources (一般公共预算拨款, 基金预算拨款 … 单位资金, 上年结转结余). */
const RULE_ID = "procurement.sources";

export const procurementSources: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["procurement.sources"],
  severity: "error",
  scope: "workbook",
  run({ model }) {
    const findings: Finding[] = [];
    for (const view of procurementViews(model)) {
      const { amount, sources, captions } = view.columns;
      if (sources.length === 0) continue;
      const column = captions.get(amount) ?? MESSAGES.procurementTotalColumn;
      const names = sources.map((c) => captions.get(c) ?? "");
      for (const row of view.rows) {
        const finding = sumFinding(
          RULE_ID,
          view.table,
          row.cells.get(amount)!,
          sources.map((c) => row.cells.get(c)!),
          {
            mismatch: (actual, expected) =>
              MESSAGES.procurementSources(row.label, column, actual, names, expected),
            rounding: (actual, expected) =>
              MESSAGES.procurementSourcesRounding(row.label, column, actual, expected),
          }
        );
        if (finding) findings.push(finding);
      }
    }
    return findings;
  },
};
