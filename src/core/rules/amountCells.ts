import type { Finding } from "../finding";
import { amountWordMeaning } from "../read/amountWords";
import type { AmountCell, ColumnMeasure, ParsedTable } from "../read/table";
import { MESSAGES, RULE_TITLES } from "../messages";
import type { Rule } from "./rule";

/**
 * Calls `visit` on every amount cell of a table, once (sides never share columns), with what its
 * column measures. A plain loop, not a generator: several rules walk every cell of every table,
 * and a generator would allocate two objects per cell each time.
 */
export function forEachAmountCell(
  table: ParsedTable,
  visit: (cell: AmountCell, measure: ColumnMeasure) => void
): void {
  for (const side of table.sides)
    for (const row of side.rows)
      for (let i = 0; i < row.cells.length; i++) visit(row.cells[i], side.measures[i] ?? "amount");
}

function cellRule(
  id: string,
  title: string,
  severity: Finding["severity"],
  check: (
    cell: AmountCell,
    measure: ColumnMeasure
  ) => { message: string; actual?: string } | undefined
): Rule {
  return {
    id,
    title,
    severity,
    scope: "table",
    run({ table }) {
      const findings: Finding[] = [];
      forEachAmountCell(table, (cell, measure) => {
        const problem = check(cell, measure);
        if (problem)
          findings.push({
            ruleId: id,
            severity,
            sheet: table.sheet,
            cell: cell.address,
            ...problem,
          });
      });
      return findings;
    },
  };
}

/** `'1,234.56` or `107．57`: read, but a SUM in Excel would skip it. */
export const amountAsText = cellRule(
  "amount.as-text",
  RULE_TITLES["amount.as-text"],
  "warning",
  (cell) =>
    cell.parsed.kind === "amount" && cell.parsed.fromText
      ? { message: MESSAGES.numberAsText(String(cell.raw)), actual: String(cell.raw) }
      : undefined
);

export const amountNotANumber = cellRule(
  "amount.not-a-number",
  RULE_TITLES["amount.not-a-number"],
  "error",
  // A date or a formula without its result says so itself (rules/cellTrust).
  (cell) =>
    cell.parsed.kind === "invalid" && cell.untrusted === undefined
      ? {
          // Words say what the clerk meant: no amount (counted as 0), one not known yet, or a
          // figure in words.
          message: MESSAGES.amountNotANumber(cell.parsed.text, amountWordMeaning(cell.parsed.text)),
          actual: cell.parsed.text,
        }
      : undefined
);

/** A 增减 or a 增减率 may well be negative; an amount or a count may not. */
export const amountNegative = cellRule(
  "amount.negative",
  RULE_TITLES["amount.negative"],
  "warning",
  (cell, measure) =>
    measure !== "change" &&
    measure !== "rate" &&
    cell.parsed.kind === "amount" &&
    cell.parsed.value.isNegative() &&
    !cell.parsed.value.isZero()
      ? {
          message: MESSAGES.negativeAmount(cell.parsed.value),
          actual: cell.parsed.value.toString(),
        }
      : undefined
);

/** Money is published to the cent (of its unit); a rate may carry more places. */
export const amountDecimals = cellRule(
  "amount.decimals",
  RULE_TITLES["amount.decimals"],
  "warning",
  (cell, measure) =>
    measure !== "rate" && cell.parsed.kind === "amount" && cell.parsed.value.decimalPlaces() > 2
      ? {
          message: MESSAGES.tooManyDecimals(cell.parsed.value),
          actual: cell.parsed.value.toString(),
        }
      : undefined
);
