import { cellRefs } from "../finding";
import type { Finding } from "../finding";
import { compareSum } from "../rounding";
import type { SumComparison } from "../rounding";
import type { AmountCell, ParsedTable, TableRow, TableSide } from "../read/table";
import { hasChineseOrdinal } from "../read/text";

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
  return {
    ruleId: relation.rule,
    severity: rounding ? "info" : "error",
    sheet: table.sheet,
    cell: total.address,
    message: rounding
      ? describe.rounding(total.value, comparison.expected)
      : describe.mismatch(total.value, comparison.expected),
    expected: comparison.expected.toFixed(2),
    actual: total.value.toFixed(2),
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
  // sums it is part of wait for its correction. Words without digits (单位不需填列, 无) say there
  // is no amount: they count as zero, so the rest of the sum is still checked, not passed over.
  if (total.parsed.kind === "invalid" || parts.some(isMalformedNumber)) return undefined;
  if (total.parsed.kind === "empty" && parts.every((p) => p.parsed.kind === "empty"))
    return undefined;
  if (total.parsed.kind === "empty" && options.blankTotalMeansUntotalled) return undefined;
  const comparison = compareSum(total.value, numericValues(parts));
  if (comparison.agreement === "exact") return undefined;
  const rounding = comparison.agreement === "rounding";
  return {
    ruleId,
    severity: rounding ? "info" : "error",
    sheet: table.sheet,
    cell: total.address,
    message: rounding
      ? describe.rounding(total.value, comparison.expected)
      : describe.mismatch(total.value, comparison.expected),
    expected: comparison.expected.toFixed(2),
    actual: total.value.toFixed(2),
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
 * cells whose value cannot be read (a formula saved without its result, a date).
 */
export function isMalformedNumber(cell: AmountCell): boolean {
  return (
    cell.untrusted !== undefined ||
    (cell.parsed.kind === "invalid" && /[0-9０-９]/.test(cell.parsed.text))
  );
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
