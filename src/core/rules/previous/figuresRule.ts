/**
 * Every figure this year's workbook states for last year must be last year's published figure:
 * the 三公 table's 上年 column, and the 上年预算数 columns of the coded tables. Published figures
 * are both rounded to the cent, so any difference is an error at the 上年 cell.
 */
import { cellRef } from "../../finding";
import type { Finding } from "../../finding";
import type { AmountGroup, BudgetFigures, ClassifiedFigures } from "../../figures/figures";
import { Money, ZERO } from "../../money";
import { PREVIOUS_RULE } from "../../previous/types";
import type { PreviousDisclosure } from "../../previous/types";
import type { AmountCell } from "../../read/table";
import type { SangongItem } from "../../read/sangongTable";
import { sangongViews } from "../../read/sangongTable";
import type { TableKind } from "../../read/tableKinds";
import { compactText } from "../../read/text";
import type { Rule, WorkbookRuleContext } from "../rule";
import { pairedPrevious } from "./paired";
import { PREVIOUS_MESSAGES, RULE_TITLES } from "../../messages";

const SANGONG_FIGURE: Record<SangongItem, keyof BudgetFigures["threePublic"]> = {
  total: "total",
  abroad: "abroad",
  vehicle: "vehicle",
  purchase: "vehiclePurchase",
  operation: "vehicleOperation",
  reception: "reception",
};

/** A 上年 column: 上年预算数, 2023年预算数 beside 2024年 …, never 上年结转. */
const PRIOR_CAPTION = /上年|上一年|去年/;
const NOT_PRIOR = /结转|结余/;

function mismatch(
  previous: PreviousDisclosure,
  sheet: string,
  cell: AmountCell,
  what: string,
  expected: Money
): Finding | undefined {
  if (cell.parsed.kind === "invalid") return undefined;
  if (cell.value.equals(expected)) return undefined;
  return {
    ruleId: PREVIOUS_RULE.figure,
    severity: "error",
    sheet,
    cell: cell.address,
    message: PREVIOUS_MESSAGES.figure(
      what,
      cell.value,
      PREVIOUS_MESSAGES.source(previous.source),
      expected
    ),
    expected: expected.toFixed(2),
    actual: cell.value.toFixed(2),
  };
}

function sangongFindings(context: WorkbookRuleContext, previous: PreviousDisclosure): Finding[] {
  const findings: Finding[] = [];
  const t = previous.figures.threePublic;
  for (const view of sangongViews(context.model)) {
    view.measures.forEach((measure, m) => {
      if (measure.period !== "prior") return;
      // 上年 of the whole 财政拨款, or of 一般公共预算 alone; other sources are not compared.
      const key = compactText(measure.key);
      const general = /一般公共预算/.test(key);
      if (!general && key !== "" && !/合计|小计|财政拨款|预算数?$/.test(key)) return;
      for (const line of view.lines) {
        const item = t[SANGONG_FIGURE[line.item]];
        const expected = general ? item.bySource["一般公共预算"] : item.total;
        const cell = line.cells[m];
        if (!cell) continue;
        const found = mismatch(
          previous,
          view.table.sheet,
          cell,
          PREVIOUS_MESSAGES.sangongFigure(line.label.trim(), measure.caption),
          expected
        );
        if (found) findings.push(found);
      }
    });
  }
  return findings;
}

/** Which of last year's figures a coded table's 上年 column shows, by the table's kind. */
const CODED_TABLES: Partial<
  Record<
    TableKind,
    { tree: "byFunction" | "byEconomic"; group: AmountGroup; measure: "total" | "basic" }
  >
> = {
  支出总表: { tree: "byFunction", group: "all", measure: "total" },
  收入总表: { tree: "byFunction", group: "all", measure: "total" },
  一般公共预算支出表: { tree: "byFunction", group: "一般公共预算", measure: "total" },
  政府性基金支出表: { tree: "byFunction", group: "政府性基金", measure: "total" },
  基本支出表: { tree: "byEconomic", group: "一般公共预算", measure: "basic" },
};

function amountOf(
  node: ClassifiedFigures | undefined,
  group: AmountGroup,
  measure: "total" | "basic",
  currentOnly: boolean
): Money {
  if (!node) return ZERO;
  const amounts =
    group === "all" || group === "fiscal" || group === "unitFunds"
      ? node[group]
      : node.bySource[group];
  if (!currentOnly) return amounts[measure];
  // A table 不含上年结转 shows this year's money only: last year's the same way. (基本支出 is not
  // split by year of money in the figures; carried-over 基本支出 is rare, so it is taken whole.)
  return measure === "total" ? amounts.current : amounts.basic;
}

function codedTableFindings(context: WorkbookRuleContext, previous: PreviousDisclosure): Finding[] {
  const findings: Finding[] = [];
  for (const table of context.model.tables) {
    const spec = CODED_TABLES[table.kind];
    if (!spec) continue;
    const nodes = new Map(previous.figures[spec.tree].map((n) => [n.code, n]));
    for (const side of table.table.sides) {
      side.captions.forEach((caption, i) => {
        if (!PRIOR_CAPTION.test(caption) || NOT_PRIOR.test(caption)) return;
        for (const row of side.rows) {
          const node =
            row.role === "total" ? nodes.get("") : row.code ? nodes.get(row.code) : undefined;
          if (row.role !== "total" && !row.code) continue;
          const cell = row.cells[i];
          if (!cell) continue;
          const expected = amountOf(node, spec.group, spec.measure, table.carryover === "excluded");
          const label =
            row.role === "total"
              ? PREVIOUS_MESSAGES.totalLabel
              : `${row.code} ${compactText(row.label)}`;
          const found = mismatch(
            previous,
            table.table.sheet,
            cell,
            PREVIOUS_MESSAGES.tableFigure(table.kind, label, caption),
            expected
          );
          if (found) {
            if (!node && row.role !== "total")
              found.message = found.message.replace(
                /。$/,
                `${PREVIOUS_MESSAGES.noSuchLineLastYear}。`
              );
            found.related = [cellRef(table.table.sheet, row.address)];
            findings.push(found);
          }
        }
      });
    }
  }
  return findings;
}

export const previousFigures: Rule<WorkbookRuleContext> = {
  id: PREVIOUS_RULE.figure,
  title: RULE_TITLES["previous.figure"],
  severity: "error",
  scope: "workbook",
  run(context): Finding[] {
    const previous = pairedPrevious(context);
    if (!previous) return [];
    return [...sangongFindings(context, previous), ...codedTableFindings(context, previous)];
  },
};
