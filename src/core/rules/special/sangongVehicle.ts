import type { Finding } from "../../finding";
import { MESSAGES, RULE_TITLES } from "../../messages";
import type { Rule, WorkbookRuleContext } from "../rule";
import { sumFinding } from "../sums";
import { lineOf, sangongViews, totalRightButVehicleWrong } from "../../read/sangongTable";

/**
 * 公务用车购置及运行维护费 = 公务用车购置费 + 公务用车运行维护费, in every amount column. When the
 * 合计 agrees with the items through the 购置费 and 运行维护费, the message says so: the vehicle
 * cell is the one to correct.
 */
const RULE_ID = "sangong.vehicle";

export const sangongVehicle: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["sangong.vehicle"],
  severity: "error",
  scope: "workbook",
  run({ model }) {
    const findings: Finding[] = [];
    for (const view of sangongViews(model)) {
      const vehicle = lineOf(view, "vehicle");
      const parts = [lineOf(view, "purchase"), lineOf(view, "operation")].filter(
        (line) => line !== undefined
      );
      if (!vehicle || parts.length === 0) continue;
      view.measures.forEach((measure, m) => {
        if (measure.period === "rate" || !vehicle.cells[m]) return;
        const finding = sumFinding(
          RULE_ID,
          view.table,
          vehicle.cells[m],
          parts.map((line) => line.cells[m]),
          {
            mismatch: (actual, expected) =>
              MESSAGES.sangongVehicle(vehicle.label, measure.caption, actual, expected),
            rounding: (actual, expected) =>
              MESSAGES.sangongVehicleRounding(vehicle.label, measure.caption, actual, expected),
          }
        );
        if (finding && finding.severity === "error" && totalRightButVehicleWrong(view, m))
          finding.message += MESSAGES.sangongTotalAgreesWithParts;
        if (finding) findings.push(finding);
      });
    }
    return findings;
  },
};
