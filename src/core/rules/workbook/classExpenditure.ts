import type { Finding } from "../../finding";
import type { TableRow, TableSide } from "../../read/table";
import type { RecognizedTable } from "../../read/workbook";
import type { Rule, WorkbookRuleContext } from "../rule";
import { cellRef } from "../../finding";
import {
  Figure,
  Published,
  classRows,
  equalityFinding,
  figure,
  firstOf,
  mainSide,
  oddOneOut,
  named,
  totalRow,
} from "./access";
import { RULE_TITLES, WORKBOOK_MESSAGES } from "../../messages";

const RULE_ID = "cross.class-expenditure";

/**
 * The figure a list shows for a whole row: its grand-total column where there is one (Hebei 收入总表
 * 合计 = 本年收入 + 上年结转), otherwise the sum of its top-level columns (Shanxi 收入总表 shows
 * 本年收入 合计 and 上年结转 side by side).
 */
export function grandTotalColumns(side: TableSide): number[] {
  const covered = new Set(side.relations.flatMap((r) => r.parts));
  // Last year's columns, a 增减 or a rate beside this year's are no part of this year's figure.
  const prior = new Set(side.priorColumns ?? []);
  const tops = side.amountColumns
    .map((_, i) => i)
    .filter((i) => !covered.has(i) && !prior.has(i) && side.measures[i] === "amount");
  return tops;
}

function rowFigure(
  recognized: RecognizedTable,
  side: TableSide,
  row: Parameters<typeof totalRow>[0]["rows"][number] | undefined
): Figure | undefined {
  if (!row) return undefined;
  return figure(
    recognized.table.sheet,
    grandTotalColumns(side).map((i) => row.cells[i])
  );
}

/** Per 类: 收支总表 expenditure = 支出总表 合计 = 收入总表 合计 (the same money seen from both ends). */
export const classExpenditure: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["cross.class-expenditure"],
  severity: "error",
  scope: "workbook",
  run({ model, catalog }) {
    const findings: Finding[] = [];
    const summary = firstOf(model, "收支总表");
    const expenditure = firstOf(model, "支出总表");
    const income = firstOf(model, "收入总表");
    const sides = [summary, expenditure, income].map((t) => (t ? mainSide(t) : undefined));
    const [summarySide, expenditureSide, incomeSide] = sides;
    // Each side's 类 rows, found once rather than once per 类 looked up.
    const classesOf = new Map<TableSide, Map<string, TableRow>>();
    for (const side of sides) if (side) classesOf.set(side, classRows(side));
    const codes = new Set<string>();
    for (const classes of classesOf.values()) for (const code of classes.keys()) codes.add(code);

    const figureFor = (
      t: RecognizedTable | undefined,
      side: TableSide | undefined,
      code: string
    ): Figure | undefined => {
      if (!t || !side) return undefined;
      const row = classesOf.get(side)?.get(code);
      if (row)
        return t === summary ? figure(t.table.sheet, [row.cells[0]]) : rowFigure(t, side, row);
      // A 类 missing from one table counts as zero there, anchored at that table's 合计 row.
      return { sheet: t.table.sheet, cells: [], value: figure(t.table.sheet, []).value };
    };
    for (const code of [...codes].sort()) {
      const name = `${code} ${catalog.name(code) ?? ""}`.trim();
      const inSummary = figureFor(summary, summarySide, code);
      const inExpenditure = figureFor(expenditure, expenditureSide, code);
      const inIncome = figureFor(income, incomeSide, code);
      // Three tables publish it: blame the one that disagrees with the other two.
      const published: Published[] = [
        [summary, summarySide, inSummary, "收支总表"] as const,
        [expenditure, expenditureSide, inExpenditure, "支出总表"] as const,
        [income, incomeSide, inIncome, "收入总表"] as const,
      ].flatMap(([t, side, f, tableName]) => {
        if (!t || !side || !f) return [];
        const total = totalRow(side);
        const missingAt = total ? cellRef(t.table.sheet, total.address) : undefined;
        return [{ name: tableName, figure: f, missingAt }];
      });
      const odd = oddOneOut(RULE_ID, published, (one, others) =>
        WORKBOOK_MESSAGES.classOddOne(name, named(one), others.map(named))
      );
      if (odd) {
        findings.push(odd);
        continue;
      }
      const pairs: [Figure | undefined, Figure | undefined, string, string][] = [
        [inExpenditure, inSummary, "支出总表", "收支总表"],
        [inIncome, inExpenditure ?? inSummary, "收入总表", inExpenditure ? "支出总表" : "收支总表"],
      ];
      for (const [here, there, hereName, thereName] of pairs) {
        if (!here || !there) continue;
        const anchored = here.cells.length > 0 ? here : there.cells.length > 0 ? there : undefined;
        if (!anchored) continue;
        const [a, b, aName, bName] =
          anchored === here
            ? [here, there, hereName, thereName]
            : [there, here, thereName, hereName];
        const finding = equalityFinding(
          RULE_ID,
          a,
          b,
          (x, y) => WORKBOOK_MESSAGES.classPair(name, aName, x, bName, y),
          { model }
        );
        if (finding) findings.push(finding);
      }
    }
    // The 合计 rows as well: 支出总表 合计 = 收支总表 本年支出合计 (= 收入总表 合计).
    if (expenditure && expenditureSide && summary && summarySide) {
      const total = totalRow(expenditureSide);
      const current = summarySide.rows.find((row) => row.role === "total");
      const here = rowFigure(expenditure, expenditureSide, total);
      const incomeTotal =
        income && incomeSide ? rowFigure(income, incomeSide, totalRow(incomeSide)) : undefined;
      const odd =
        here && current && incomeTotal
          ? oddOneOut(
              RULE_ID,
              [
                { name: WORKBOOK_MESSAGES.expenditureTotalName, figure: here },
                {
                  name: WORKBOOK_MESSAGES.summaryTotalName(current.label),
                  figure: figure(summary.table.sheet, [current.cells[0]]),
                },
                { name: WORKBOOK_MESSAGES.incomeTotalName, figure: incomeTotal },
              ],
              (one, others) => WORKBOOK_MESSAGES.totalOddOne(named(one), others.map(named))
            )
          : undefined;
      if (odd) findings.push(odd);
      else if (here && current) {
        const finding = equalityFinding(
          RULE_ID,
          here,
          figure(summary.table.sheet, [current.cells[0]]),
          (x, y) => WORKBOOK_MESSAGES.totalPair(x, current.label, y),
          { model }
        );
        if (finding) findings.push(finding);
      }
    }
    return findings;
  },
};
