import { cellRef } from "../../finding";
import type { Finding } from "../../finding";
import { MESSAGES, RULE_TITLES } from "../../messages";
import type { Rule, WorkbookRuleContext } from "../rule";
import { assetsViews, cellOf } from "../../read/assetsTable";

/** A 其中 row (办公用房) never exceeds the class it belongs to (房屋), in 数量 or in 价值. */
const RULE_ID = "assets.subitem";

export const assetsSubitem: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["assets.subitem"],
  severity: "error",
  scope: "workbook",
  run({ model }) {
    const findings: Finding[] = [];
    for (const view of assetsViews(model)) {
      for (const item of view.items) {
        for (const child of item.children) {
          for (const column of view.columns) {
            const parent = cellOf(item, column);
            const cell = cellOf(child, column);
            if (
              !parent ||
              !cell ||
              cell.parsed.kind !== "amount" ||
              parent.parsed.kind === "invalid"
            )
              continue;
            if (cell.value.lessThanOrEqualTo(parent.value)) continue;
            findings.push({
              ruleId: RULE_ID,
              severity: "error",
              sheet: view.table.sheet,
              cell: cell.address,
              message: MESSAGES.assetsSubitem(
                child.name,
                item.name,
                column.caption,
                cell.value,
                parent.value
              ),
              expected: `≤${parent.value.toString()}`,
              actual: cell.value.toString(),
              related: [cellRef(view.table.sheet, parent.address)],
            });
          }
        }
      }
    }
    return findings;
  },
};
