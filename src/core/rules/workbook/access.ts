/**
 * Reading figures out of recognized tables for the rules between tables: find a table by kind, a
 * column by its caption, a row by code or label. Every figure keeps its sheet and cell.
 */
import { cellRef } from "../../finding";
import type { CellRef, Finding } from "../../finding";
import { Money, ZERO } from "../../money";
import { compareSum } from "../../rounding";
import { MESSAGES, WORKBOOK_MESSAGES, type NamedFigure } from "../../messages";
import { analyzeSums } from "../sumRelations";
import type { SumRelation } from "../sumRelations";
import { publishedUnit, wanDecimals } from "../sums";
import { currentColumn } from "../../read/table";
import type { AmountCell, ParsedTable, TableRow, TableSide } from "../../read/table";
import { hasChineseOrdinal, stripOrdinal } from "../../read/text";
import type { RecognizedTable, WorkbookModel } from "../../read/workbook";
import type { TableKind } from "../../read/tableKinds";

export function tablesOf(model: WorkbookModel, kind: TableKind): RecognizedTable[] {
  return model.tables.filter((t) => t.kind === kind);
}

export function firstOf(model: WorkbookModel, kind: TableKind): RecognizedTable | undefined {
  return model.tables.find((t) => t.kind === kind);
}

/**
 * The tables the rules between tables take one of (firstOf): a second table of such a kind is
 * checked on its own, never against the other tables (completeness.duplicate says so).
 */
export const SINGLE_KINDS: readonly TableKind[] = [
  "收支总表",
  "收入总表",
  "支出总表",
  "财政拨款收支总表",
  "一般公共预算支出表",
  "基本支出表",
  "政府性基金支出表",
  "国有资本经营支出表",
  "三公经费表",
  "机关运行经费表",
];

/**
 * The tables of the workbook's first set: those before the first second table of a SINGLE_KINDS
 * kind (the set copied in again, or another unit's set after it). The rules between tables take
 * firstOf each single kind; a kind a set may print as several tables (项目支出表: this year's and
 * the carry-over one) is taken from here, so that the second set's rows are never added in.
 */
export function firstSet(model: WorkbookModel): RecognizedTable[] {
  const seen = new Set<TableKind>();
  const end = model.tables.findIndex((t) => {
    if (!SINGLE_KINDS.includes(t.kind)) return false;
    if (seen.has(t.kind)) return true;
    seen.add(t.kind);
    return false;
  });
  return end < 0 ? model.tables : model.tables.slice(0, end);
}

/**
 * The sheets of the forms (项目绩效目标表 …) read before the second set's first table (see
 * firstSet): the first set's forms, for a rule that adds all forms up.
 */
export function firstSetFormSheets(model: WorkbookModel): Set<string> {
  const end = firstSet(model).length;
  return new Set(model.forms.filter((f) => (f.tablesBefore ?? 0) <= end).map((f) => f.grid.sheet));
}

/** The first set's tables of a kind (see firstSet), in model order. */
export function firstSetOf(model: WorkbookModel, kind: TableKind): RecognizedTable[] {
  return firstSet(model).filter((t) => t.kind === kind);
}

/** The side of a table that lists expenditure (the right one of a summary table, else the only one). */
export function mainSide(table: RecognizedTable): TableSide | undefined {
  const sides = table.table.sides;
  return sides[sides.length - 1];
}

/**
 * Index into the side's amount columns of the first caption matching `pattern` that holds this
 * year's figures (not a 上年 column, an 增减 or a rate), or -1.
 */
export function columnIndex(side: TableSide, pattern: RegExp): number {
  return currentColumn(side, pattern);
}

/**
 * This year's 合计 column of a side: its first column of this year's money (a table may print last
 * year's 合计 group, an 增减 or a rate first). 0 when it has none, as the first column was taken before.
 */
export function totalColumn(side: TableSide): number {
  const i = side.measures.findIndex(
    (measure, c) => measure === "amount" && !side.priorColumns?.includes(c)
  );
  return i >= 0 ? i : 0;
}

/** The 合计 row of a list (the first total row). */
export function totalRow(side: TableSide): TableRow | undefined {
  return side.rows.find((row) => row.role === "total");
}

export function rowWithLabel(side: TableSide, pattern: RegExp): TableRow | undefined {
  return side.rows.find((row) => pattern.test(stripOrdinal(row.label)));
}

/** Item rows by code (the first row of each code). */
export function rowsByCode(side: TableSide): Map<string, TableRow> {
  const rows = new Map<string, TableRow>();
  for (const row of side.rows)
    if (row.role === "item" && row.code && !rows.has(row.code)) rows.set(row.code, row);
  return rows;
}

/** The 类 rows (3-digit 功能 codes) of a side, by code. */
export function classRows(side: TableSide): Map<string, TableRow> {
  const rows = new Map<string, TableRow>();
  for (const [code, row] of rowsByCode(side)) if (code.length === 3) rows.set(code, row);
  return rows;
}

/** A figure that is the sum of published cells (one cell, or several added up). */
export interface Figure {
  value: Money;
  cells: AmountCell[];
  /** The sheet the cells are on (the first cell's, when they are on several). */
  sheet: string;
  /** Each cell's sheet, aligned with `cells`, when they are not all on `sheet`. */
  cellSheets?: string[];
}

/** A figure added up from cells of several tables: each cell keeps its own sheet. */
export function figureAcross(parts: { sheet: string; cell: AmountCell }[], value?: Money): Figure {
  return {
    sheet: parts[0]?.sheet ?? "",
    cells: parts.map((p) => p.cell),
    cellSheets: parts.map((p) => p.sheet),
    value: value ?? parts.reduce((sum, p) => sum.plus(p.cell.value), ZERO),
  };
}

/** Where each cell of a figure is. */
export function figureRefs(f: Figure): CellRef[] {
  return f.cells.map((c, i) => cellRef(f.cellSheets?.[i] ?? f.sheet, c.address));
}

export function figure(sheet: string, cells: (AmountCell | undefined)[]): Figure {
  const present = cells.filter((c): c is AmountCell => c !== undefined);
  return { sheet, cells: present, value: present.reduce((sum, c) => sum.plus(c.value), ZERO) };
}

export function cellFigure(
  table: RecognizedTable,
  row: TableRow | undefined,
  column: number
): Figure | undefined {
  if (!row || column < 0) return undefined;
  return figure(table.table.sheet, [row.cells[column]]);
}

export function isBlankFigure(f: Figure): boolean {
  return f.cells.every((c) => c.parsed.kind === "empty");
}

const cellTables = new WeakMap<WorkbookModel, Map<AmountCell, ParsedTable>>();

/** The table a published cell belongs to. */
export function tableHolding(model: WorkbookModel, cell: AmountCell): ParsedTable | undefined {
  let index = cellTables.get(model);
  if (!index) {
    index = new Map();
    for (const { table } of model.tables)
      for (const side of table.sides)
        for (const row of side.rows) for (const c of row.cells) index.set(c, table);
    cellTables.set(model, index);
  }
  return index.get(cell);
}

/**
 * Whether the cell's own table says it should be `value`: some sum of that table that the cell is
 * in fails now and would hold with `value` in the cell, and none that holds now would break.
 */
export function ownTableSupports(model: WorkbookModel, cell: AmountCell, value: Money): boolean {
  const table = tableHolding(model, cell);
  if (!table) return false;
  const involved = analyzeSums(table).relations.filter(
    (r) => r.comparison && (r.total === cell || r.parts.includes(cell))
  );
  const fixes = (r: SumRelation) => {
    const total = r.total === cell ? value : r.total.value;
    const parts = r.parts.map((p) => (p === cell ? value : p.value));
    return compareSum(total, parts).agreement !== "mismatch";
  };
  return (
    involved.some((r) => r.comparison!.agreement === "mismatch" && fixes(r)) &&
    involved.every((r) => r.comparison!.agreement === "mismatch" || fixes(r))
  );
}

export interface EqualityOptions {
  /**
   * With the model, a disagreement between two single cells is blamed on the side whose own table
   * says it is wrong (its sums hold only with the other side's figure), where one side's does.
   */
  model?: WorkbookModel;
}

/**
 * The same figure as published in two places. Equal to the cent: nothing; apart by no more than the
 * rounding tolerance of the cells involved: info 舍入差异; further apart: an error at `here`, or at
 * `there` when the model shows that `there` is the one that is wrong.
 */
export function equalityFinding(
  ruleId: string,
  here: Figure,
  there: Figure,
  describe: (here: Money, there: Money) => string,
  options: EqualityOptions = {}
): Finding | undefined {
  if (here.cells.length === 0) return undefined;
  if (isBlankFigure(here) && isBlankFigure(there)) return undefined;
  if ([...here.cells, ...there.cells].some((c) => c.parsed.kind === "invalid")) return undefined;
  // Both sides are sums of rounded cells; the tolerance grows with the number of cells on both
  // that hold a number (a blank cell was never rounded), at the coarsest precision among them (a
  // table in 元 converted from 万元 is as coarse as 万元).
  const numeric = (f: Figure) => f.cells.filter((c) => c.parsed.kind === "amount").length;
  const terms = Math.max(1, numeric(here) + numeric(there) - 1);
  const cells = [...here.cells, ...there.cells];
  const decimals = Math.min(2, ...cells.map(wanDecimals));
  const comparison = compareSum(here.value, padTerms(there.value, terms), decimals);
  if (comparison.agreement === "exact") return undefined;
  const rounding = comparison.agreement === "rounding";
  // Cells that all share one unit other than 万元 (both sides in one table in 元) are reported in
  // it, as the table's own sums are; otherwise in 万元, saying that 元 were converted.
  const units = new Set(cells.map((c) => c.unit ?? "万元"));
  const shared = units.size === 1 && !units.has("万元");
  const show = publishedUnit(cells);
  const hereValue = show(here.value);
  const thereValue = show(there.value);
  const unit = cells.find((c) => c.unit)?.unit;
  const note = unit && !shared ? WORKBOOK_MESSAGES.convertedUnit(unit) : "";
  const text = describe(hereValue, thereValue);
  if (!rounding && options.model && blameThere(options.model, here, there)) {
    return {
      ruleId,
      severity: "error",
      sheet: there.cellSheets?.[0] ?? there.sheet,
      cell: there.cells[0].address,
      message: `${text}${note}。${MESSAGES.blameOwnTable(there.cellSheets?.[0] ?? there.sheet, hereValue)}`,
      expected: hereValue.toFixed(2),
      actual: thereValue.toFixed(2),
      related: figureRefs(here),
    };
  }
  const anchor = here.cells[0];
  const blamedHere =
    !rounding &&
    options.model !== undefined &&
    here.cells.length === 1 &&
    ownTableSupports(options.model, anchor, there.value);
  return {
    ruleId,
    severity: rounding ? "info" : "error",
    sheet: here.cellSheets?.[0] ?? here.sheet,
    cell: anchor.address,
    message:
      (rounding ? WORKBOOK_MESSAGES.roundingPrefix : "") +
      text +
      note +
      (rounding
        ? WORKBOOK_MESSAGES.withinRounding
        : blamedHere
          ? `。${MESSAGES.blameOwnTable(here.cellSheets?.[0] ?? here.sheet, thereValue)}`
          : "。"),
    expected: thereValue.toFixed(2),
    actual: hereValue.toFixed(2),
    // A figure may add up cells of several tables: each cell names its own sheet.
    related: [...figureRefs(here).slice(1), ...figureRefs(there)],
    ...(rounding ? { rounding: true } : {}),
  };
}

/** One figure as one table publishes it. */
export interface Published {
  /** The table's name for messages (收支总表). */
  name: string;
  figure: Figure;
  /** Where to point when the table does not list the figure at all (its 合计 row, say). */
  missingAt?: CellRef;
}

function agree(a: Figure, b: Figure): boolean {
  const [here, there] = a.cells.length > 0 ? [a, b] : [b, a];
  if (here.cells.length === 0) return here.value.equals(there.value);
  const finding = equalityFinding("", here, there, () => "");
  return finding === undefined || finding.severity !== "error";
}

/**
 * One figure published in three or more tables: when all of them but one agree (to the cent or
 * within rounding) and that one disagrees with each of them, the one finding is at that table's
 * cell, naming the others' cells. Undefined when there is no such odd one out (then the caller
 * compares pairs).
 */
export function oddOneOut(
  ruleId: string,
  entries: readonly Published[],
  describe: (odd: Published, others: readonly Published[]) => string
): Finding | undefined {
  if (entries.length < 3) return undefined;
  if ([...entries].some((e) => e.figure.cells.some((c) => c.parsed.kind === "invalid")))
    return undefined;
  for (const odd of entries) {
    const others = entries.filter((e) => e !== odd);
    if (!others.every((o) => !agree(odd.figure, o.figure))) continue;
    if (!others.every((a) => others.every((b) => a === b || agree(a.figure, b.figure)))) continue;
    const anchor: CellRef | undefined =
      odd.figure.cells.length > 0 ? figureRefs(odd.figure)[0] : odd.missingAt;
    if (!anchor) return undefined;
    const majority = others[0].figure.value;
    return {
      ruleId,
      severity: "error",
      sheet: anchor.sheet,
      cell: anchor.cell,
      message: `${describe(odd, others)}。`,
      expected: majority.toFixed(2),
      actual: odd.figure.value.toFixed(2),
      related: [...figureRefs(odd.figure).slice(1), ...others.flatMap((o) => figureRefs(o.figure))],
    };
  }
  return undefined;
}

/** A published figure as a message names it (WORKBOOK_MESSAGES.others and the like). */
export function named(entry: Published): NamedFigure {
  return { name: entry.name, value: entry.figure.value, listed: entry.figure.cells.length > 0 };
}

/** `there` is the wrong one: its own table says so, and `here`'s does not say the same of `here`. */
function blameThere(model: WorkbookModel, here: Figure, there: Figure): boolean {
  if (here.cells.length !== 1 || there.cells.length !== 1) return false;
  return (
    ownTableSupports(model, there.cells[0], here.value) &&
    !ownTableSupports(model, here.cells[0], there.value)
  );
}

/** compareSum counts terms to size the tolerance; a figure made of n cells counts as n terms. */
function padTerms(value: Money, terms: number): Money[] {
  return [value, ...Array.from({ length: terms - 1 }, () => ZERO)];
}

export function hasOrdinal(row: TableRow): boolean {
  return hasChineseOrdinal(row.label);
}
