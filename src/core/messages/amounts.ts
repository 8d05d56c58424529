/*
 * The one way amounts and percentages are written in a text a clerk reads: findings, the pane's
 * changed figures, the CLI report (issue 16 §3). Thousands separators and two decimals, rounded
 * half away from zero (四舍五入): 1,813.51; percentages the same way with a % sign: 12.50%.
 *
 * Published figures are another matter: the 情况说明 prose and the generated sheets follow the
 * format of the published documents (narrative/, format/), not this one.
 *
 * Type-only imports on purpose: the pane's first bundle formats changed figures with this module
 * and must not bring in decimal.js (the values are Money instances made by the engine; only their
 * own methods are used).
 */
import type Decimal from "decimal.js";

/** Decimal.ROUND_HALF_UP (四舍五入), the publication rounding of money.ts, as a plain number. */
const HALF_UP = 4 as Decimal.Rounding;

/** "1,234.50": the amount with `decimals` places (two unless said) and thousands separators. */
export function formatAmount(value: Decimal, decimals = 2): string {
  const fixed = value.toFixed(decimals, HALF_UP);
  const [int, frac] = fixed.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const grouped = int.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${frac !== undefined ? "." + frac : ""}`;
}

/** "12.50%": a percentage (增长率, 占比) with two decimals, written like an amount. */
export function formatPercent(value: Decimal): string {
  return `${formatAmount(value)}%`;
}
