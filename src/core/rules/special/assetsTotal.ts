import type { Finding } from "../../finding";
import type { AmountCell } from "../../read/table";
import { MESSAGES, RULE_TITLES } from "../../messages";
import type { Rule, WorkbookRuleContext } from "../rule";
import { sumFinding } from "../sums";
import { assetsViews, cellOf } from "../../read/assetsTable";

/**
 * 资产总额 价值 = Σ the numbered classes' 价值 (房屋, 车辆, 单价在20万元以上的设备, 其他固定资产);
 * 其中 rows are not added. 数量 is not added: the classes count in different units (平方米, 台).
 */
const RULE_ID = "assets.total";

export const assetsTotal: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["assets.total"],
  severity: "error",
  scope: "workbook",
  run({ model }) {
    const findings: Finding[] = [];
    for (const view of assetsViews(model)) {
      if (!view.total || view.items.length === 0) continue;
      for (const column of view.columns.filter((c) => c.kind === "value")) {
        const total = cellOf(view.total, column);
        if (!total) continue;
        const parts = view.items
          .map((item) => cellOf(item, column))
          .filter((cell): cell is AmountCell => cell !== undefined);
        const names = view.items.map((item) => item.name);
        const finding = sumFinding(RULE_ID, view.table, total, parts, {
          mismatch: (actual, expected) =>
            MESSAGES.assetsTotal(column.caption, actual, expected, names),
          rounding: (actual, expected) =>
            MESSAGES.assetsTotalRounding(column.caption, actual, expected),
        });
        if (finding) findings.push(finding);
      }
    }
    return findings;
  },
};
