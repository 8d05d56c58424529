import type { Rule, WorkbookRuleContext } from "../rule";
import { columnIndex, equalityFinding, figure, firstOf, totalRow } from "./access";
import { RULE_TITLES, WORKBOOK_MESSAGES } from "../../messages";

const RULE_ID = "cross.operating-cost";

/**
 * For 行政 and 参公 units 机关运行经费 is the 公用经费 of basic spending. A 事业 unit has none to
 * compare; when the unit's nature is unknown the comparison still runs, as a warning.
 */
export const operatingCost: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["cross.operating-cost"],
  severity: "error",
  scope: "workbook",
  run({ model, unitNature }) {
    if (unitNature === "事业") return [];
    const operating = firstOf(model, "机关运行经费表");
    const basic = firstOf(model, "基本支出表");
    if (!operating || !basic) return [];
    const operatingTotal = totalRow(operating.table.sides[0]) ?? operating.table.sides[0].rows[0];
    const basicSide = basic.table.sides[0];
    const publicColumn = columnIndex(basicSide, /公用经费/);
    const basicTotal = totalRow(basicSide);
    if (!operatingTotal || !basicTotal || publicColumn < 0) return [];
    const finding = equalityFinding(
      RULE_ID,
      figure(operating.table.sheet, [operatingTotal.cells[0]]),
      figure(basic.table.sheet, [basicTotal.cells[publicColumn]]),
      (a, b) => WORKBOOK_MESSAGES.operatingCost(a, b, unitNature !== undefined),
      { model }
    );
    if (!finding) return [];
    return [
      unitNature
        ? finding
        : { ...finding, severity: finding.severity === "error" ? "warning" : finding.severity },
    ];
  },
};
