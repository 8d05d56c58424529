/**
 * Reading figures out of recognized tables for the rules between tables: find a table by kind, a
 * column by its caption, a row by code or label. Every figure keeps its sheet and cell.
 */
import type { Finding } from "../../finding";
import { Money, ZERO } from "../../money";
import { compareSum } from "../../rounding";
import { wanDecimals } from "../sums";
import type { AmountCell, TableRow, TableSide } from "../../read/table";
import { hasChineseOrdinal, stripOrdinal } from "../../read/text";
import type { RecognizedTable, WorkbookModel } from "../../read/workbook";
import type { TableKind } from "../../read/tableKinds";

export function tablesOf(model: WorkbookModel, kind: TableKind): RecognizedTable[] {
  return model.tables.filter((t) => t.kind === kind);
}

export function firstOf(model: WorkbookModel, kind: TableKind): RecognizedTable | undefined {
  return model.tables.find((t) => t.kind === kind);
}

/** The side of a table that lists expenditure (the right one of a summary table, else the only one). */
export function mainSide(table: RecognizedTable): TableSide | undefined {
  const sides = table.table.sides;
  return sides[sides.length - 1];
}

/** Index into the side's amount columns of the first caption matching `pattern`, or -1. */
export function columnIndex(side: TableSide, pattern: RegExp): number {
  return side.captions.findIndex((caption) => pattern.test(caption));
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
  /** The sheet the cells are on. */
  sheet: string;
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

/**
 * The same figure as published in two places. Equal to the cent: nothing; apart by no more than the
 * rounding tolerance of the cells involved: info 舍入差异; further apart: an error at `here`.
 */
export function equalityFinding(
  ruleId: string,
  here: Figure,
  there: Figure,
  describe: (here: Money, there: Money) => string
): Finding | undefined {
  if (here.cells.length === 0) return undefined;
  if (isBlankFigure(here) && isBlankFigure(there)) return undefined;
  if ([...here.cells, ...there.cells].some((c) => c.parsed.kind === "invalid")) return undefined;
  // Both sides are sums of rounded cells; the tolerance grows with the number of cells on both,
  // at the coarsest precision among them (a table in 元 converted from 万元 is as coarse as 万元).
  const terms = Math.max(1, here.cells.length + there.cells.length - 1);
  const cells = [...here.cells, ...there.cells];
  const decimals = Math.min(2, ...cells.map(wanDecimals));
  const comparison = compareSum(here.value, padTerms(there.value, terms), decimals);
  const unit = cells.find((c) => c.unit)?.unit;
  const note = unit ? `（${unit}已折算为万元比较）` : "";
  if (comparison.agreement === "exact") return undefined;
  const rounding = comparison.agreement === "rounding";
  const anchor = here.cells[0];
  return {
    ruleId,
    severity: rounding ? "info" : "error",
    sheet: here.sheet,
    cell: anchor.address,
    message:
      (rounding ? "舍入差异：" : "") +
      describe(here.value, there.value) +
      note +
      (rounding ? "，在四舍五入允许范围内。" : "。"),
    expected: there.value.toFixed(2),
    actual: here.value.toFixed(2),
    // A figure may add up cells of several tables: each cell names its own sheet.
    related: [...here.cells.slice(1), ...there.cells].map((c) => {
      const sheet = c.sheet ?? (there.cells.includes(c) ? there.sheet : here.sheet);
      return sheet === here.sheet ? c.address : `${sheet}!${c.address}`;
    }),
    ...(rounding ? { rounding: true } : {}),
  };
}

/** compareSum counts terms to size the tolerance; a figure made of n cells counts as n terms. */
function padTerms(value: Money, terms: number): Money[] {
  return [value, ...Array.from({ length: terms - 1 }, () => ZERO)];
}

export function hasOrdinal(row: TableRow): boolean {
  return hasChineseOrdinal(row.label);
}
