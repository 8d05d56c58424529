import type { Money } from "../money";
import type { AmountCell, ParsedTable, TableRow, TableSide } from "../read/table";
import { SumComparison, compareSum, roundingTolerance } from "../rounding";
import {
  directChildren,
  isMalformedNumber,
  numericValues,
  topLevelItems,
  wanDecimals,
} from "./sums";

/**
 * Every "total = Σ parts" relation of a list table, evaluated once and shared by the sum rules, so
 * that one wrong cell is reported once, at that cell, instead of once per relation it breaks.
 *
 * A cell that sits in two or more relations that all fail, and that all say what it should be (a
 * blank 款 row: its children add up to 717.94 and its 类, which still equals the sum of its
 * children, says 717.94 too), is the root cause: `sum.root-cause` reports it, and the relations it
 * explains are not reported again by `sum.children`, `sum.total-row` or `sum.row-parts`.
 */
export type SumRuleId = "sum.children" | "sum.total-row" | "sum.row-parts";

export interface SumRelation {
  rule: SumRuleId;
  side: TableSide;
  /** The row that holds the total (the parent, the 合计 row, or the row itself for row-parts). */
  totalRow: TableRow;
  total: AmountCell;
  parts: AmountCell[];
  /** Column relations: the rows of the parts. Row relations: the part columns' indexes. */
  partRows?: TableRow[];
  /** Index into side.amountColumns: the column of a column relation, the total of a row relation. */
  column: number;
  partColumns?: number[];
  /** Undefined when the relation says nothing (every cell blank, a text in a cell, an untotalled column). */
  comparison?: SumComparison;
}

export interface RootCause {
  cell: AmountCell;
  row: TableRow;
  side: TableSide;
  /** Index into side.amountColumns. */
  column: number;
  /** What every relation it breaks says it should be. */
  expected: Money;
  /** The relations it breaks: all of them fail, all of them are explained by it. */
  relations: SumRelation[];
}

export interface SumAnalysis {
  relations: SumRelation[];
  roots: RootCause[];
  explained: ReadonlySet<SumRelation>;
}

function evaluate(
  total: AmountCell,
  parts: readonly AmountCell[],
  blankTotalMeansUntotalled = false
): SumComparison | undefined {
  // A malformed number ("1,07.57") is not judged on a guess: amount.not-a-number reports it, and the
  // sums it is part of wait for its correction, as do 待定 and 约十二. Words that say there is no
  // amount (单位不需填列, 暂无) count as zero, so the rest of the sum is still checked.
  if (total.parsed.kind === "invalid" || parts.some(isMalformedNumber)) return undefined;
  if (total.parsed.kind === "empty" && parts.every((p) => p.parsed.kind === "empty"))
    return undefined;
  if (total.parsed.kind === "empty" && blankTotalMeansUntotalled) return undefined;
  // Compared in 万元, to the precision the cells are published to: a table in 元 exact to the 分.
  let decimals = wanDecimals(total);
  for (const part of parts) decimals = Math.min(decimals, wanDecimals(part));
  return compareSum(total.value, numericValues(parts), decimals);
}

function childrenRelations(side: TableSide): SumRelation[] {
  const relations: SumRelation[] = [];
  for (const [parent, children] of directChildren(side)) {
    side.amountColumns.forEach((_, i) => {
      // A rate (增减%, 增长率) is a ratio of its row's own figures: a 类's is no sum of its 款's.
      if (side.measures[i] === "rate") return;
      const parts = children.map((c) => c.cells[i]);
      relations.push({
        rule: "sum.children",
        side,
        totalRow: parent,
        total: parent.cells[i],
        parts,
        partRows: children,
        column: i,
        comparison: evaluate(parent.cells[i], parts),
      });
    });
  }
  return relations;
}

/**
 * The items a total row adds up: all of them; but in a list with unit rows (项目支出表 with a row
 * per unit), a unit's row adds up the projects below it up to the next total row, and a total row
 * directly above other total rows (the department over its units) all the projects below it.
 */
function itemsOf(side: TableSide, total: TableRow, items: TableRow[]): TableRow[] {
  if (!side.rows.some((row) => row.unitRow !== undefined)) return items;
  const at = side.rows.indexOf(total);
  const below = side.rows.slice(at + 1);
  const overUnits = below[0]?.role === "total";
  const end = overUnits ? below.length : below.findIndex((row) => row.role !== "item");
  const scope = new Set(below.slice(0, end < 0 ? below.length : end));
  const mine = items.filter((row) => scope.has(row));
  return mine.length > 0 ? mine : items;
}

function totalRowRelations(side: TableSide): SumRelation[] {
  const all = topLevelItems(side);
  if (all.length === 0) return [];
  const relations: SumRelation[] = [];
  for (const total of side.rows.filter((row) => row.role === "total")) {
    const items = itemsOf(side, total, all);
    side.amountColumns.forEach((_, i) => {
      if (side.measures[i] === "rate") return;
      const parts = items.map((row) => row.cells[i]);
      relations.push({
        rule: "sum.total-row",
        side,
        totalRow: total,
        total: total.cells[i],
        parts,
        partRows: items,
        column: i,
        // Uncoded lists (政府采购, 项目支出) leave columns such as 预算资金 or 单价 untotalled on purpose.
        comparison: evaluate(total.cells[i], parts, side.codeSystem === undefined),
      });
    });
  }
  return relations;
}

function rowPartsRelations(side: TableSide): SumRelation[] {
  const relations: SumRelation[] = [];
  for (const relation of side.relations) {
    for (const row of side.rows) {
      const parts = relation.parts.map((p) => row.cells[p]);
      relations.push({
        rule: "sum.row-parts",
        side,
        totalRow: row,
        total: row.cells[relation.total],
        parts,
        column: relation.total,
        partColumns: relation.parts,
        comparison: evaluate(row.cells[relation.total], parts),
      });
    }
  }
  return relations;
}

/** What a failing relation says `cell` should be, if `cell` were its only wrong figure. */
function impliedValue(relation: SumRelation, cell: AmountCell): Money {
  const { expected, difference } = relation.comparison!;
  // total − Σparts = difference: a wrong total should be Σparts; a wrong part should absorb the gap.
  return relation.total === cell ? expected : cell.value.plus(difference);
}

function findRoots(relations: readonly SumRelation[]): RootCause[] {
  // Only a cell of a failing relation can be a root cause: most tables have none, and then no
  // cell's relations need to be gathered.
  const suspects = new Set<AmountCell>();
  for (const relation of relations) {
    if (relation.comparison?.agreement !== "mismatch") continue;
    suspects.add(relation.total);
    for (const part of relation.parts) suspects.add(part);
  }
  if (suspects.size === 0) return [];
  const byCell = new Map<AmountCell, SumRelation[]>();
  const involve = (cell: AmountCell, relation: SumRelation) => {
    if (!suspects.has(cell)) return;
    const list = byCell.get(cell);
    if (list) list.push(relation);
    else byCell.set(cell, [relation]);
  };
  for (const relation of relations) {
    if (!relation.comparison) continue;
    involve(relation.total, relation);
    for (const part of relation.parts) involve(part, relation);
  }
  const candidates: RootCause[] = [];
  for (const [cell, involved] of byCell) {
    if (involved.length < 2) continue;
    if (involved.some((r) => r.comparison!.agreement !== "mismatch")) continue;
    const implied = involved.map((r) => impliedValue(r, cell));
    const tolerance = roundingTolerance(
      Math.max(...involved.map((r) => numericValues(r.parts).length))
    );
    const low = implied.reduce((a, b) => (a.lessThan(b) ? a : b));
    const high = implied.reduce((a, b) => (a.greaterThan(b) ? a : b));
    if (high.minus(low).greaterThan(tolerance)) continue;
    const home = involved.find((r) => r.total === cell) ?? involved[0];
    const row =
      home.total === cell
        ? home.totalRow
        : (home.partRows?.[home.parts.indexOf(cell)] ?? home.totalRow);
    const column =
      home.total === cell || !home.partColumns
        ? home.column
        : home.partColumns[home.parts.indexOf(cell)];
    // The relations agree within rounding; the one with the fewest rounded figures says it most
    // precisely (本行 基本支出 + 项目支出 rather than a 款 minus four 项).
    const terms = (r: SumRelation) => numericValues(r.parts).length + (r.total === cell ? 0 : 1);
    const best = involved.reduce((a, b) => (terms(b) < terms(a) ? b : a));
    candidates.push({
      cell,
      row,
      side: home.side,
      column,
      expected: impliedValue(best, cell),
      relations: involved,
    });
  }
  // Two candidates that claim the same failing relation leave it ambiguous: neither is taken.
  const claims = new Map<SumRelation, number>();
  for (const c of candidates) for (const r of c.relations) claims.set(r, (claims.get(r) ?? 0) + 1);
  return candidates.filter((c) => c.relations.every((r) => claims.get(r) === 1));
}

const analyses = new WeakMap<ParsedTable, SumAnalysis>();

/** The sum relations of a table and the root causes among their failures (computed once per table). */
export function analyzeSums(table: ParsedTable): SumAnalysis {
  const cached = analyses.get(table);
  if (cached) return cached;
  const relations = table.sides.flatMap((side) => [
    ...childrenRelations(side),
    ...totalRowRelations(side),
    ...rowPartsRelations(side),
  ]);
  const roots = findRoots(relations);
  const explained = new Set(roots.flatMap((root) => root.relations));
  const analysis = { relations, roots, explained };
  analyses.set(table, analysis);
  return analysis;
}
