import type { Finding } from "../../finding";
import type { RecognizedTable } from "../../read/workbook";
import type { TableKind } from "../../read/tableKinds";
import type { Rule, WorkbookRuleContext } from "../rule";
import {
  Figure,
  classRows,
  columnIndex,
  equalityFinding,
  figure,
  firstOf,
  rowWithLabel,
  totalColumn,
  totalRow,
} from "./access";
import { RULE_TITLES, WORKBOOK_MESSAGES } from "../../messages";

const RULE_ID = "cross.fiscal-appropriation";

/** Which column of 财政拨款收支总表 each appropriation table details. */
const DETAIL_TABLES: { kind: TableKind; column: RegExp; income: RegExp }[] = [
  { kind: "一般公共预算支出表", column: /^一般公共预算/, income: /^一般公共预算/ },
  { kind: "政府性基金支出表", column: /^政府性基金/, income: /^政府性基金/ },
  { kind: "国有资本经营支出表", column: /^国有资本经营/, income: /^国有资本经营/ },
];

/**
 * 财政拨款收支总表 = 一般公共预算支出表 (+ 政府性基金, 国有资本经营): per 类 when both include
 * carry-over (Hebei); when the detail table is 不含上年结转 (Shanxi 表5), its 合计 equals this year's
 * appropriation on the income side instead.
 */
export const fiscalAppropriation: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["cross.fiscal-appropriation"],
  severity: "error",
  scope: "workbook",
  run({ model, catalog }) {
    const fiscal = firstOf(model, "财政拨款收支总表");
    if (!fiscal || fiscal.table.sides.length < 2) return [];
    const [incomeSide, expenditureSide] = fiscal.table.sides;
    const findings: Finding[] = [];
    const push = (f: Finding | undefined) => f && findings.push(f);
    for (const detail of DETAIL_TABLES) {
      const table: RecognizedTable | undefined = firstOf(model, detail.kind);
      if (!table) continue;
      const side = table.table.sides[0];
      const detailTotalColumn = totalColumn(side); // 合计 of the detail table, this year's
      const sheet = table.table.sheet;
      if (table.carryover === "excluded") {
        const incomeRow = incomeSide.rows.find(
          (row) =>
            row.role === "item" &&
            detail.income.test(row.label.replace(/^[一二三四五六七八九十]+、/, ""))
        );
        const total = totalRow(side);
        if (!incomeRow || !total) continue;
        push(
          equalityFinding(
            RULE_ID,
            figure(sheet, [total.cells[detailTotalColumn]]),
            figure(fiscal.table.sheet, [incomeRow.cells[0]]),
            (a, b) => WORKBOOK_MESSAGES.fiscalIncome(detail.kind, a, incomeRow.label, b),
            { model }
          )
        );
        continue;
      }
      const column = columnIndex(expenditureSide, detail.column);
      if (column < 0) continue;
      const detailClasses = classRows(side);
      const fiscalClasses = classRows(expenditureSide);
      for (const code of new Set([...detailClasses.keys(), ...fiscalClasses.keys()])) {
        const here: Figure = figure(sheet, [detailClasses.get(code)?.cells[detailTotalColumn]]);
        const there: Figure = figure(fiscal.table.sheet, [fiscalClasses.get(code)?.cells[column]]);
        const [a, b] = here.cells.length > 0 ? [here, there] : [there, here];
        push(
          equalityFinding(
            RULE_ID,
            a,
            b,
            (x, y) =>
              WORKBOOK_MESSAGES.fiscalClass(
                code,
                catalog.name(code) ?? "",
                a === here ? detail.kind : WORKBOOK_MESSAGES.fiscalSummaryName,
                x,
                a === here ? WORKBOOK_MESSAGES.fiscalSummaryName : detail.kind,
                y
              ),
            { model }
          )
        );
      }
      const detailTotal = totalRow(side);
      const fiscalTotal = rowWithLabel(expenditureSide, /^本年支出合计$/);
      if (detailTotal && fiscalTotal) {
        push(
          equalityFinding(
            RULE_ID,
            figure(sheet, [detailTotal.cells[detailTotalColumn]]),
            figure(fiscal.table.sheet, [fiscalTotal.cells[column]]),
            (x, y) =>
              WORKBOOK_MESSAGES.fiscalTotal(detail.kind, x, expenditureSide.captions[column], y),
            { model }
          )
        );
      }
    }
    return findings;
  },
};
