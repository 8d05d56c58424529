import { cellRefs } from "../finding";
import type { Finding } from "../finding";
import { Money, ZERO } from "../money";
import { amountWordMeaning } from "../read/amountWords";
import { toWanFactor } from "../read/meta";
import type { AmountUnitName } from "../read/meta";
import { compareSum } from "../rounding";
import type { SumComparison } from "../rounding";
import type { AmountCell, ParsedTable, TableRow, TableSide } from "../read/table";

/** Powers of ten between a unit and 万元: a figure to d places in 元 is to d + 4 places in 万元. */
const PLACES_TO_WAN: Record<AmountUnitName, number> = { 元: 4, 千元: 1, 万元: 0, 亿元: -4 };

/** The decimal places, in 万元, that a cell's figure is published to (万元 tables: 2). */
export function wanDecimals(cell: AmountCell): number {
  return cell.unit ? (cell.decimals ?? 2) + PLACES_TO_WAN[cell.unit] : 2;
}

/**
 * How the cells of one sum are compared: in the unit they are published in when they share one (a
 * table in 元 is added up in 元, to the precision its figures show), else in 万元 to the coarsest
 * precision among them.
 */
export function sumBasis(cells: readonly AmountCell[]): {
  value: (cell: AmountCell) => Money;
  decimals: number;
} {
  const units = new Set(cells.map((cell) => cell.unit ?? "万元"));
  if (units.size === 1 && !units.has("万元"))
    return {
      value: (cell) => (cell.parsed.kind === "amount" ? cell.parsed.value : ZERO),
      decimals: Math.min(...cells.map((cell) => cell.decimals ?? 2)),
    };
  return { value: (cell) => cell.value, decimals: Math.min(2, ...cells.map(wanDecimals)) };
}
import { hasChineseOrdinal } from "../read/text";

/** 万元 back to the unit the cells are published in, when they all share one other than 万元. */
export function publishedUnit(cells: readonly AmountCell[]): (wan: Money) => Money {
  const units = new Set(cells.map((cell) => cell.unit ?? "万元"));
  const [unit] = [...units];
  if (units.size !== 1 || unit === "万元") return (wan) => wan;
  const factor = toWanFactor(unit);
  return (wan) => wan.dividedBy(factor);
}

type Describe = {
  mismatch: (actual: AmountCell["value"], expected: AmountCell["value"]) => string;
  rounding: (actual: AmountCell["value"], expected: AmountCell["value"]) => string;
};

/** A finding for a relation already evaluated (see sumRelations): none when it holds exactly. */
export function relationFinding(
  table: ParsedTable,
  relation: {
    rule: string;
    total: AmountCell;
    parts: readonly AmountCell[];
    comparison?: SumComparison;
  },
  describe: Describe
): Finding | undefined {
  const { total, parts, comparison } = relation;
  if (!comparison || comparison.agreement === "exact") return undefined;
  const rounding = comparison.agreement === "rounding";
  // Relations are evaluated in 万元; a table in 元 is reported in 元, the figures the clerk sees
  // (comparisons within that table are too, so one wrong cell's findings still fold into one).
  const shown = publishedUnit([total, ...parts]);
  const actual = shown(total.value);
  const expected = shown(comparison.expected);
  return {
    ruleId: relation.rule,
    severity: rounding ? "info" : "error",
    sheet: table.sheet,
    cell: total.address,
    message: rounding ? describe.rounding(actual, expected) : describe.mismatch(actual, expected),
    expected: expected.toFixed(2),
    actual: actual.toFixed(2),
    related: cellRefs(
      table.sheet,
      parts.map((p) => p.address)
    ),
    ...(rounding ? { rounding: true } : {}),
  };
}

/**
 * Shared by the sum rules: compares one published total cell with its published parts and turns
 * the result into a finding — an error beyond the rounding tolerance, an info 舍入差异 within it.
 */
export function sumFinding(
  ruleId: string,
  table: ParsedTable,
  total: AmountCell,
  parts: readonly AmountCell[],
  describe: {
    mismatch: (actual: AmountCell["value"], expected: AmountCell["value"]) => string;
    rounding: (actual: AmountCell["value"], expected: AmountCell["value"]) => string;
  },
  options: { blankTotalMeansUntotalled?: boolean } = {}
): Finding | undefined {
  // A malformed number ("1,07.57") is not judged on a guess: amount.not-a-number reports it, and the
  // sums it is part of wait for its correction, as do 待定 and 约十二. Words that say there is no
  // amount (单位不需填列, 暂无) count as zero, so the rest of the sum is still checked.
  if (total.parsed.kind === "invalid" || parts.some(isMalformedNumber)) return undefined;
  if (total.parsed.kind === "empty" && parts.every((p) => p.parsed.kind === "empty"))
    return undefined;
  if (total.parsed.kind === "empty" && options.blankTotalMeansUntotalled) return undefined;
  // One table's cells are added up in the unit they are published in, so the message shows the
  // figures the clerk sees; only the addends that hold a number widen the rounding tolerance.
  const basis = sumBasis([total, ...parts]);
  const published = basis.value(total);
  const comparison = compareSum(
    published,
    parts.filter((p) => p.parsed.kind === "amount").map(basis.value),
    basis.decimals
  );
  if (comparison.agreement === "exact") return undefined;
  const rounding = comparison.agreement === "rounding";
  return {
    ruleId,
    severity: rounding ? "info" : "error",
    sheet: table.sheet,
    cell: total.address,
    message: rounding
      ? describe.rounding(published, comparison.expected)
      : describe.mismatch(published, comparison.expected),
    expected: comparison.expected.toFixed(2),
    actual: published.toFixed(2),
    related: cellRefs(
      table.sheet,
      parts.map((p) => p.address)
    ),
    ...(rounding ? { rounding: true } : {}),
  };
}

/**
 * The values of the cells that hold a number. Blank cells add nothing and, never having been
 * rounded, must not widen the rounding tolerance either.
 */
export function numericValues(cells: readonly AmountCell[]): AmountCell["value"][] {
  return cells.filter((cell) => cell.parsed.kind === "amount").map((cell) => cell.value);
}

/**
 * Text with digits ("1,07.57"): a number typed wrong, whose sums wait for its correction; so do
 * cells whose value cannot be read (a formula saved without its result, a date), an amount not
 * known yet (待定, 另行下达) and a figure in Chinese numerals (约十二): none of them is a 0.
 */
export function isMalformedNumber(cell: AmountCell): boolean {
  if (cell.untrusted !== undefined) return true;
  if (cell.parsed.kind !== "invalid") return false;
  const text = cell.parsed.text;
  if (/[0-9０-９]/.test(text)) return true;
  const meaning = amountWordMeaning(text);
  return meaning === "pending" || meaning === "numberInWords";
}

/** For each coded row, the rows directly below it: those whose nearest listed ancestor it is. */
export function directChildren(side: TableSide): Map<TableRow, TableRow[]> {
  const firstByCode = new Map<string, TableRow>();
  for (const row of side.rows)
    if (row.role === "item" && row.code && !firstByCode.has(row.code))
      firstByCode.set(row.code, row);
  const children = new Map<TableRow, TableRow[]>();
  for (const row of side.rows) {
    if (row.role !== "item" || !row.code) continue;
    const parent = nearestListedAncestor(row.code, firstByCode);
    if (!parent || parent === row) continue;
    const list = children.get(parent) ?? [];
    list.push(row);
    children.set(parent, list);
  }
  return children;
}

function nearestListedAncestor(code: string, rows: Map<string, TableRow>): TableRow | undefined {
  for (const length of [5, 3]) {
    if (code.length > length) {
      const row = rows.get(code.slice(0, length));
      if (row) return row;
    }
  }
  return undefined;
}

/**
 * The rows a 合计 row adds up: the ordinal items (一、二、…) of a summary list; otherwise the coded
 * rows with no listed ancestor (the 类 rows); otherwise every item.
 */
export function topLevelItems(side: TableSide): TableRow[] {
  const items = side.rows.filter((row) => row.role === "item");
  if (items.some((row) => hasChineseOrdinal(row.label)))
    return items.filter((row) => hasChineseOrdinal(row.label));
  const coded = items.filter((row) => row.code);
  if (coded.length > 0) {
    const codes = new Set(coded.map((row) => row.code!));
    return coded.filter(
      (row) => ![3, 5].some((n) => row.code!.length > n && codes.has(row.code!.slice(0, n)))
    );
  }
  return items;
}

/** The label a message uses for a row: "20132 组织事务", "合计". */
export function rowTitle(row: TableRow): string {
  return row.code && row.codeFrom === "cell"
    ? `${row.code} ${row.label}`
    : row.label || row.address;
}
