import type { Finding } from "../finding";
import type { AmountCell, ParsedTable } from "../read/table";
import { MESSAGES } from "./messages";
import type { Rule } from "./rule";

/** Every amount cell of a table, once (sides never share columns). */
export function* amountCells(table: ParsedTable): Generator<AmountCell> {
  for (const side of table.sides) for (const row of side.rows) yield* row.cells;
}

function cellRule(
  id: string,
  title: string,
  severity: Finding["severity"],
  check: (cell: AmountCell) => { message: string; actual?: string } | undefined
): Rule {
  return {
    id,
    title,
    severity,
    scope: "table",
    run({ table }) {
      const findings: Finding[] = [];
      for (const cell of amountCells(table)) {
        const problem = check(cell);
        if (problem)
          findings.push({
            ruleId: id,
            severity,
            sheet: table.sheet,
            cell: cell.address,
            ...problem,
          });
      }
      return findings;
    },
  };
}

/** `'1,234.56` or `107．57`: read, but a SUM in Excel would skip it. */
export const amountAsText = cellRule("amount.as-text", "数字以文本形式保存", "warning", (cell) =>
  cell.parsed.kind === "amount" && cell.parsed.fromText
    ? { message: MESSAGES.numberAsText(String(cell.raw)), actual: String(cell.raw) }
    : undefined
);

export const amountNotANumber = cellRule(
  "amount.not-a-number",
  "金额单元格不是数字",
  "error",
  // A date or a formula without its result says so itself (rules/cellTrust).
  (cell) =>
    cell.parsed.kind === "invalid" && cell.untrusted === undefined
      ? { message: MESSAGES.notANumber(cell.parsed.text), actual: cell.parsed.text }
      : undefined
);

export const amountNegative = cellRule("amount.negative", "金额为负数", "warning", (cell) =>
  cell.parsed.kind === "amount" && cell.parsed.value.isNegative() && !cell.parsed.value.isZero()
    ? { message: MESSAGES.negativeAmount(cell.parsed.value), actual: cell.parsed.value.toString() }
    : undefined
);

export const amountDecimals = cellRule("amount.decimals", "金额超过两位小数", "warning", (cell) =>
  cell.parsed.kind === "amount" && cell.parsed.value.decimalPlaces() > 2
    ? { message: MESSAGES.tooManyDecimals(cell.parsed.value), actual: cell.parsed.value.toString() }
    : undefined
);
