import { cellRef } from "../finding";
import type { CellRef, Finding } from "../finding";
import type { ParsedTable } from "../read/table";
import { MESSAGES, RULE_TITLES } from "../messages";
import type { Rule } from "./rule";
import { RootCause, SumRelation, analyzeSums } from "./sumRelations";
import { publishedUnit, rowTitle } from "./sums";

/**
 * One wrong cell, once: a blank or mistyped subtotal whose parent still equals the sum of the
 * subtotal's children breaks two sums (its own and its parent's) and is reported here, at the
 * subtotal, instead of twice by the sum rules. The cells of one row go into one finding.
 */
const RULE_ID = "sum.root-cause";

/** Where the figure it should be comes from, and which of its neighbours are right. */
function evidence(root: RootCause, relation: SumRelation): { from: string; right?: string } {
  const { side } = relation;
  const isTotal = relation.total === root.cell;
  switch (relation.rule) {
    case "sum.children":
      return isTotal
        ? { from: MESSAGES.rootFromChildren(relation.parts.length) }
        : {
            from: MESSAGES.rootFromParent(rowTitle(relation.totalRow)),
            right: MESSAGES.rootRightParent(rowTitle(relation.totalRow)),
          };
    case "sum.total-row":
      return isTotal
        ? { from: MESSAGES.rootFromItems(relation.parts.length) }
        : {
            from: MESSAGES.rootFromTotalRow(rowTitle(relation.totalRow)),
            right: MESSAGES.rootRightTotalRow(rowTitle(relation.totalRow)),
          };
    case "sum.row-parts":
      return isTotal
        ? { from: MESSAGES.rootFromColumns() }
        : {
            from: MESSAGES.rootFromRowTotal(side.captions[relation.column]),
            right: MESSAGES.rootRightRowTotal(side.captions[relation.column]),
          };
  }
}

function unique(texts: string[]): string[] {
  return [...new Set(texts)];
}

function rootFinding(table: ParsedTable, roots: RootCause[]): Finding {
  const [first] = roots;
  // Its own parts first (what it adds up to), then the totals it is part of.
  const items = roots.map((root) =>
    [...root.relations]
      .sort((a, b) => Number(b.total === root.cell) - Number(a.total === root.cell))
      .map((r) => evidence(root, r))
  );
  const from = unique(items.flat().map((e) => e.from));
  const right = unique(items.flat().flatMap((e) => (e.right ? [e.right] : [])));
  // A table in 元 is reported in 元, as its sums are, so the findings of one wrong cell fold into one.
  const show = publishedUnit(
    roots.flatMap((root) => root.relations.flatMap((r) => [r.total, ...r.parts]))
  );
  const actualOf = (root: RootCause) =>
    root.cell.parsed.kind === "empty" ? undefined : show(root.cell.value);
  const caption = (root: RootCause) => root.side.captions[root.column];
  const message =
    roots.length === 1
      ? MESSAGES.sumRootCause(
          rowTitle(first.row),
          caption(first),
          actualOf(first),
          show(first.expected),
          from,
          right
        )
      : MESSAGES.sumRootCauseRow(
          rowTitle(first.row),
          roots.map((root) => ({
            column: caption(root),
            actual: actualOf(root),
            expected: show(root.expected),
          })),
          from,
          right
        );
  // The other wrong cells of the row, then the totals that are right (the parent, the 合计 row).
  const rightCells = roots.flatMap((root) =>
    root.relations.filter((r) => r.total !== root.cell).map((r) => r.total.address)
  );
  const related: CellRef[] = unique([
    ...roots.slice(1).map((root) => root.cell.address),
    ...rightCells,
  ]).map((address) => cellRef(table.sheet, address));
  return {
    ruleId: RULE_ID,
    severity: "error",
    sheet: table.sheet,
    cell: first.cell.address,
    message,
    expected: show(first.expected).toFixed(2),
    actual: show(first.cell.value).toFixed(2),
    related,
  };
}

export const sumRootCause: Rule = {
  id: RULE_ID,
  title: RULE_TITLES["sum.root-cause"],
  severity: "error",
  scope: "table",
  run({ table }) {
    const byRow = new Map<RootCause["row"], RootCause[]>();
    for (const root of analyzeSums(table).roots) {
      const list = byRow.get(root.row) ?? [];
      list.push(root);
      byRow.set(root.row, list);
    }
    return [...byRow.values()].map((roots) =>
      rootFinding(
        table,
        roots.sort((a, b) => a.column - b.column)
      )
    );
  },
};
