import { cellRef } from "../../finding";
import type { Finding } from "../../finding";
import type { Rule, WorkbookRuleContext } from "../rule";
import { SangongItem, currentTotalMeasure, lineOf, readSangong } from "../../read/sangongTable";
import { firstOf, rowsByCode } from "./access";
import { RULE_TITLES, WORKBOOK_MESSAGES } from "../../messages";

const RULE_ID = "cross.sangong-economic";

/** Each 三公 item and the economic line that carries its basic-spending part. */
const ITEMS: { item: SangongItem; code: string; name: string }[] = [
  { item: "abroad", code: "30212", name: WORKBOOK_MESSAGES.sangongItems.abroad },
  { item: "reception", code: "30217", name: WORKBOOK_MESSAGES.sangongItems.reception },
  { item: "operation", code: "30231", name: WORKBOOK_MESSAGES.sangongItems.operation },
  { item: "purchase", code: "31013", name: WORKBOOK_MESSAGES.sangongItems.purchase },
];

/**
 * 三公 counts basic and project spending, the 基本支出表 only basic spending: a 三公 item may exceed
 * its economic line but never be smaller. The 三公 figure is this year's 合计 column, wherever it
 * stands (the comparison form puts 上年 first).
 */
export const sangongEconomic: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["cross.sangong-economic"],
  severity: "warning",
  scope: "workbook",
  run({ model }) {
    const sangong = firstOf(model, "三公经费表");
    const basic = firstOf(model, "基本支出表");
    if (!sangong || !basic) return [];
    const basicLines = rowsByCode(basic.table.sides[0]);
    const view = readSangong(sangong);
    const m = view ? currentTotalMeasure(view) : -1;
    if (!view || m < 0) return [];
    const findings: Finding[] = [];
    for (const item of ITEMS) {
      const line = basicLines.get(item.code);
      if (!line || line.cells[0].value.isZero()) continue;
      const row = lineOf(view, item.item);
      const cell = row?.cells[m] ?? lineOf(view, "total")?.cells[m];
      if (!cell) continue;
      const amount = row ? cell.value : cell.value.times(0);
      if (amount.greaterThanOrEqualTo(line.cells[0].value)) continue;
      findings.push({
        ruleId: RULE_ID,
        severity: "warning",
        sheet: sangong.table.sheet,
        cell: cell.address,
        message: WORKBOOK_MESSAGES.sangongEconomic(
          row?.label,
          item.name,
          amount,
          item.code,
          line.cells[0].value
        ),
        expected: line.cells[0].value.toFixed(2),
        actual: amount.toFixed(2),
        related: [cellRef(basic.table.sheet, line.cells[0].address)],
      });
    }
    return findings;
  },
};
