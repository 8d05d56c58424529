import type { Finding } from "../../finding";
import type { TableRow, TableSide } from "../../read/table";
import type { Rule, WorkbookRuleContext } from "../rule";
import { Figure, equalityFinding, figure, hasOrdinal, tablesOf } from "./access";
import { RULE_TITLES, WORKBOOK_MESSAGES } from "../../messages";

const RULE_ID = "balance.totals";

/**
 * The part of a summary side from its 本年合计 row to its 总计 row: 总计 = 本年合计 + the carry-over
 * rows in between (上年结转, 年终结转 …). Ordinal rows under a carry-over row (一、一般公共预算拨款)
 * detail it and are not added again.
 */
function balanceParts(
  side: TableSide,
  column: number
): { current?: TableRow; carry: TableRow[]; grand?: TableRow } {
  const currentIndex = side.rows.findIndex((row) => row.role === "total" && /本年/.test(row.label));
  const grandIndex = side.rows.findIndex((row) => /总计$/.test(row.label));
  if (currentIndex < 0 || grandIndex < 0 || grandIndex < currentIndex) return { carry: [] };
  const carry = side.rows
    .slice(currentIndex + 1, grandIndex)
    .filter((row) => !hasOrdinal(row) && row.cells[column] !== undefined);
  return { current: side.rows[currentIndex], carry, grand: side.rows[grandIndex] };
}

/** 收入总计 = 本年收入合计 + 上年结转; 支出总计 = 本年支出合计 + 年终结转; 收入总计 = 支出总计. */
export const balanceTotals: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["balance.totals"],
  severity: "error",
  scope: "workbook",
  run({ model }) {
    const findings: Finding[] = [];
    for (const recognized of [
      ...tablesOf(model, "收支总表"),
      ...tablesOf(model, "财政拨款收支总表"),
    ]) {
      const { sheet, sides } = recognized.table;
      if (sides.length < 2) continue;
      const [income, expenditure] = sides;
      const grandTotals: Figure[] = [];
      for (const [side, label] of [
        [income, WORKBOOK_MESSAGES.balanceSideIncome],
        [expenditure, WORKBOOK_MESSAGES.balanceSideExpenditure],
      ] as const) {
        side.amountColumns.forEach((_, column) => {
          const { current, carry, grand } = balanceParts(side, column);
          if (!current || !grand) return;
          const total = figure(sheet, [grand.cells[column]]);
          if (column === 0) grandTotals.push(total);
          const parts = figure(sheet, [
            current.cells[column],
            ...carry.map((row) => row.cells[column]),
          ]);
          const finding = equalityFinding(
            RULE_ID,
            total,
            parts,
            (a, b) =>
              WORKBOOK_MESSAGES.balanceGrandTotal(
                grand.label,
                a,
                current.label,
                carry.map((r) => r.label),
                b,
                label,
                side.captions[column]
              ),
            { model }
          );
          if (finding) findings.push(finding);
        });
      }
      if (grandTotals.length === 2) {
        const finding = equalityFinding(
          RULE_ID,
          grandTotals[1],
          grandTotals[0],
          (a, b) => WORKBOOK_MESSAGES.balanceSides(recognized.kind, a, b),
          { model }
        );
        if (finding) findings.push(finding);
      }
    }
    return findings;
  },
};
