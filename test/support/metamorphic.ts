/**
 * Comparing a check of a workbook with a check of one of its layout variants: findings keyed by
 * rule, severity, mapped cell, expected, actual and mapped related cells; and defects planted in
 * the base so that the same defect can be looked for in every variant.
 */
import type { Finding } from "../../src/core/finding";
import type { Grid } from "../../src/core/grid";
import { readWorkbook } from "../../src/core/read/workbook";
import { Layout, Place, SampleGrid, addressOf, placeOf } from "./layoutVariants";

export interface Signature {
  /** Everything but the amounts. */
  key: string;
  expected?: string;
  actual?: string;
  place?: Place;
  ruleId: string;
  severity: string;
}

export function signature(
  f: Finding,
  map: (p: Place) => Place | undefined = (p) => p
): Signature | undefined {
  let where = f.sheet ?? "";
  let place: Place | undefined;
  if (f.sheet && f.cell) {
    const at = placeOf(f.sheet, f.cell);
    place = at && map(at);
    if (!place) return undefined;
    where = `${place.sheet}!${addressOf(place)}`;
  } else if (f.sheet) {
    where = map({ sheet: f.sheet, row: 1, col: 1 })?.sheet ?? f.sheet;
  }
  const related = (f.related ?? [])
    .map((r) => {
      const at = placeOf(r.sheet, r.cell);
      const to = at && map(at);
      return to ? `${to.sheet}!${addressOf(to)}` : undefined;
    })
    .filter((r): r is string => r !== undefined)
    .sort();
  return {
    key: `${f.severity} ${f.ruleId} @${where} related=[${related.join(",")}]`,
    expected: f.expected,
    actual: f.actual,
    place,
    ruleId: f.ruleId,
    severity: f.severity,
  };
}

const show = (s: Signature) => `${s.key} expected=${s.expected ?? ""} actual=${s.actual ?? ""}`;

/**
 * The same amount: equal, or — where the variant states amounts in 元 — the base's 万元 figure times
 * 10 000 (a table in 元 reports its own figures; comparisons between tables stay in 万元).
 */
function sameAmount(base: string | undefined, variant: string | undefined, scale: number): boolean {
  if (base === variant) return true;
  if (base === undefined || variant === undefined || scale === 1) return false;
  const b = Number(base);
  const v = Number(variant);
  return Number.isFinite(b) && Number.isFinite(v) && Math.abs(b * scale - v) < 1e-6;
}

/** Findings of the base mapped into the variant, against the variant's own. */
export function compare(base: readonly Finding[], variant: readonly Finding[], layout: Layout) {
  const expected = base.flatMap((f) => signature(f, layout.map) ?? []);
  const actual = variant.flatMap((f) => signature(f) ?? []);
  const scale = layout.amountScale ?? 1;
  const missing = [...expected];
  const extra: Signature[] = [];
  for (const a of actual) {
    const i = missing.findIndex(
      (e) =>
        e.key === a.key &&
        sameAmount(e.expected, a.expected, scale) &&
        sameAmount(e.actual, a.actual, scale)
    );
    if (i >= 0) missing.splice(i, 1);
    else extra.push(a);
  }
  // A cell the variant computed from a defective one (三公 增减 from 本年) shows the defect too.
  const echoed = extra.filter(
    (x) =>
      !base.some((f) => {
        const at = f.sheet && f.cell ? placeOf(f.sheet, f.cell) : undefined;
        return (
          at &&
          f.ruleId === x.ruleId &&
          f.severity === x.severity &&
          layout
            .echoes(at)
            .some(
              (e) =>
                x.place &&
                e.sheet === x.place.sheet &&
                e.row === x.place.row &&
                e.col === x.place.col
            )
        );
      })
  );
  return { missing: missing.map(show), extra: echoed.map(show) };
}

/** A copy of the grids with each planted cell's number raised by 1 (万元). */
export function plant(grids: readonly SampleGrid[], cells: readonly Place[]): SampleGrid[] {
  const out = grids.map((g) => ({ ...g, values: g.values.map((row) => row.slice()) }));
  for (const p of cells) {
    const g = out.find((x) => x.sheet === p.sheet)!;
    const r = p.row - g.origin.row;
    const c = p.col - g.origin.col;
    g.values[r][c] = Number(g.values[r][c]) + 1;
  }
  return out;
}

/**
 * Cells to plant a defect in, one of each kind per table: the first item with a number in the
 * table's first amount column that holds figures, and the first total row's cell there.
 */
export function plantCells(grids: readonly Grid[]): { items: Place[]; totals: Place[] } {
  const items: Place[] = [];
  const totals: Place[] = [];
  const isNumberAt = (sheet: string, address: string) => {
    const p = placeOf(sheet, address)!;
    const g = grids.find((x) => x.sheet === sheet)!;
    return typeof g.values[p.row - g.origin.row]?.[p.col - g.origin.col] === "number"
      ? p
      : undefined;
  };
  for (const { table } of readWorkbook(grids).tables) {
    const side = table.sides[table.sides.length - 1];
    if (!side) continue;
    // The first column that holds money (not a 数量 or a rate) — and, where that one was left blank
    // (a 上年执行数 column not filled in), the first such column that holds a figure.
    const money = side.captions
      .map((c, i) => (/数量|面积|率|%/.test(c) ? -1 : i))
      .filter((i) => i >= 0);
    const holdsFigure = (i: number) =>
      side.rows.some(
        (row) => row.cells[i]?.parsed.kind === "amount" && !row.cells[i].value.isZero()
      );
    const column = money.find(holdsFigure) ?? money[0] ?? -1;
    if (column < 0) continue;
    const item = side.rows.find(
      (row) =>
        row.role === "item" &&
        row.cells[column]?.parsed.kind === "amount" &&
        !row.cells[column].value.isZero()
    );
    const total = side.rows.find(
      (row) => row.role === "total" && row.cells[column]?.parsed.kind === "amount"
    );
    const i = item && isNumberAt(table.sheet, item.cells[column].address);
    const t = total && isNumberAt(table.sheet, total.cells[column].address);
    if (i) items.push(i);
    if (t) totals.push(t);
  }
  return { items, totals };
}
