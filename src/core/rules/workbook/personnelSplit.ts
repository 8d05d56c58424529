import type { Finding } from "../../finding";
import type { Rule, WorkbookRuleContext } from "../rule";
import {
  classRows,
  columnIndex,
  equalityFinding,
  figure,
  firstOf,
  totalRow,
  totalColumn,
} from "./access";
import { RULE_TITLES, WORKBOOK_MESSAGES } from "../../messages";

const RULE_ID = "basic.personnel-public-split";

/**
 * 人员经费 is 301 工资福利 + 303 对个人和家庭的补助, 公用经费 is 302 商品和服务 (+ 310 资本性支出).
 * Units classify a few lines differently, so a gap is a warning to look at, not an error.
 */
export const personnelSplit: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["basic.personnel-public-split"],
  severity: "warning",
  scope: "workbook",
  run({ model }) {
    const basic = firstOf(model, "基本支出表");
    if (!basic) return [];
    const side = basic.table.sides[0];
    const total = totalRow(side);
    const personnel = columnIndex(side, /人员经费/);
    const publicUse = columnIndex(side, /公用经费/);
    if (!total || personnel < 0 || publicUse < 0) return [];
    const classes = classRows(side);
    if (classes.size === 0) return [];
    const sheet = basic.table.sheet;
    const sumOf = (codes: string[]) =>
      figure(
        sheet,
        codes.map((code) => classes.get(code)?.cells[totalColumn(side)])
      );
    const findings: Finding[] = [];
    for (const [column, codes, label] of [
      [personnel, ["301", "303"], WORKBOOK_MESSAGES.personnelLabel],
      [publicUse, ["302", "310"], WORKBOOK_MESSAGES.publicUseLabel],
    ] as const) {
      const finding = equalityFinding(
        RULE_ID,
        figure(sheet, [total.cells[column]]),
        sumOf([...codes]),
        (a, b) => WORKBOOK_MESSAGES.personnelSplit(label, a, codes, b),
        { model }
      );
      if (finding)
        findings.push({
          ...finding,
          severity: finding.severity === "error" ? "warning" : finding.severity,
        });
    }
    return findings;
  },
};
