import type { Finding } from "../../finding";
import type { Rule, WorkbookRuleContext } from "../rule";
import { columnIndex, equalityFinding, figure, firstOf, totalRow, totalColumn } from "./access";
import { RULE_TITLES, WORKBOOK_MESSAGES } from "../../messages";

const RULE_ID = "cross.basic-expenditure";

/** 一般公共预算支出表's 基本支出 合计 = 基本支出表's 合计: the same basic spending by function and by economic class. */
export const basicExpenditure: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["cross.basic-expenditure"],
  severity: "error",
  scope: "workbook",
  run({ model }) {
    const general = firstOf(model, "一般公共预算支出表");
    const basic = firstOf(model, "基本支出表");
    if (!general || !basic) return [];
    const generalSide = general.table.sides[0];
    const basicSide = basic.table.sides[0];
    const column = columnIndex(generalSide, /基本支出/);
    const generalTotal = totalRow(generalSide);
    const basicTotal = totalRow(basicSide);
    if (column < 0 || !generalTotal || !basicTotal) return [];
    const findings: Finding[] = [];
    const finding = equalityFinding(
      RULE_ID,
      figure(basic.table.sheet, [basicTotal.cells[totalColumn(basicSide)]]),
      figure(general.table.sheet, [generalTotal.cells[column]]),
      (a, b) => WORKBOOK_MESSAGES.basicExpenditure(a, b),
      { model }
    );
    if (finding) findings.push(finding);
    return findings;
  },
};
