import type { Finding } from "../../finding";
import { MESSAGES, RULE_TITLES } from "../../messages";
import type { Rule, WorkbookRuleContext } from "../rule";
import { sumFinding } from "../sums";
import {
  SANGONG_ITEM_NAMES,
  SangongItem,
  lineOf,
  sangongViews,
  totalRightButVehicleWrong,
} from "../../read/sangongTable";

/**
 * “三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费, for every amount
 * column (or, in the comparison form, for 上年, 本年 and 增减 alike). A table that names a 合计 but
 * lacks one of the three items is reported as incomplete. Where the 合计 agrees with the items once
 * the vehicle line is taken from its 购置费 and 运行维护费, the vehicle line is the one mistake:
 * sangong.vehicle reports it there, and the 合计 is not blamed a second time.
 */
const RULE_ID = "sangong.sum";
const PARTS: readonly SangongItem[] = ["abroad", "vehicle", "reception"];

export const sangongSum: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["sangong.sum"],
  severity: "error",
  scope: "workbook",
  run({ model }) {
    const findings: Finding[] = [];
    for (const view of sangongViews(model)) {
      const totals = view.lines.filter((line) => line.item === "total");
      if (totals.length === 0) continue;
      const parts = PARTS.map((item) => lineOf(view, item));
      const missing = PARTS.filter((_, i) => !parts[i]);
      if (missing.length > 0) {
        for (const item of missing) {
          findings.push({
            ruleId: RULE_ID,
            severity: "warning",
            sheet: view.table.sheet,
            cell: view.table.title?.address ?? totals[0].cells[0]?.address,
            message: MESSAGES.sangongMissingItem(SANGONG_ITEM_NAMES[item]),
          });
        }
        continue;
      }
      for (const total of totals) {
        view.measures.forEach((measure, m) => {
          if (measure.period === "rate" || !total.cells[m]) return;
          if (totalRightButVehicleWrong(view, m)) return;
          const finding = sumFinding(
            RULE_ID,
            view.table,
            total.cells[m],
            parts.map((line) => line!.cells[m]),
            {
              mismatch: (actual, expected) =>
                MESSAGES.sangongSum(total.label, measure.caption, actual, expected),
              rounding: (actual, expected) =>
                MESSAGES.sangongSumRounding(total.label, measure.caption, actual, expected),
            }
          );
          if (finding) findings.push(finding);
        });
      }
    }
    return findings;
  },
};
