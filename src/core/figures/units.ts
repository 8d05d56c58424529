/**
 * Exact money as integers in a double: an amount a = n·10^-k is held as the integer n at a scale k
 * shared by all the amounts being summed. Sums of integers stay exact in a double while every
 * partial sum stays below 2^53, which the callers guarantee by bounding Σ|n| (see
 * SAFE_UNITS_MAGNITUDE); beyond that, or for amounts with too many digits, they fall back to
 * Decimals. This is the ROLLUP fast path (core/rollup.ts) generalised from fen to any scale: a
 * ledger in 元 has amounts in 万元 with up to 6 decimals.
 */
import { Money, ZERO } from "../money";

/** Σ|units| below this keeps every partial sum of integers exact in a double (2^53 with a margin). */
export const SAFE_UNITS_MAGNITUDE = 2 ** 52;

/** The largest scale the fast path uses: 10^15 is exact in a double, and few amounts need more. */
export const MAX_SCALE = 15;

const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** 10^k for 0 ≤ k ≤ 22: exact doubles. */
export function pow10(k: number): number {
  return POW10[k];
}

/**
 * An amount as an integer and a power of ten (value = int · 10^exp), read from the Decimal's
 * digits without arithmetic; undefined when it has more than 15 significant digits (it may then
 * not fit a safe integer).
 * `exp` is the smallest it can be written with (trailing zeros folded), so −exp is the amount's
 * number of decimals when negative.
 */
export interface Decomposed {
  int: number;
  exp: number;
}

export function decompose(amount: Money): Decomposed | undefined {
  const digits = amount.d;
  if (!digits || !Number.isFinite(amount.e)) return undefined; // NaN or ±Infinity
  if (digits.length === 1 && digits[0] === 0) return { int: 0, exp: 0 };
  // decimal.js keeps digits in base-1e7 words aligned on the decimal point: the first word has
  // 1–7 digits, later words exactly 7 (the last one padded with zeros).
  const count = String(digits[0]).length + 7 * (digits.length - 1);
  let exp = amount.e - count + 1;
  let int: number;
  if (digits.length <= 2) {
    int = digits.length === 1 ? digits[0] : digits[0] * 1e7 + digits[1]; // < 1e14: exact
  } else {
    const text =
      String(digits[0]) +
      digits
        .slice(1)
        .map((w) => String(w).padStart(7, "0"))
        .join("");
    const significant = text.replace(/0+$/, "");
    // 15 digits always fit a safe integer (2^53 ≈ 9.007e15).
    if (significant.length > 15) return undefined;
    exp += text.length - significant.length;
    int = Number(significant);
  }
  while (int % 10 === 0) {
    int /= 10;
    exp += 1;
  }
  return { int: amount.s < 0 ? -int : int, exp };
}

/** int·10^exp as an integer at `scale` (needs exp + scale ≥ 0); NaN when that is not a safe integer. */
export function unitsAt(parts: Decomposed, scale: number): number {
  const shift = parts.exp + scale;
  if (shift < 0 || shift > 22) return NaN;
  const units = parts.int * POW10[shift];
  return Math.abs(units) <= Number.MAX_SAFE_INTEGER ? units : NaN;
}

/** The exact Money of `units` at `scale` (units must be a safe integer). */
export function moneyOfUnits(units: number, scale: number): Money {
  if (units === 0) return ZERO;
  if (scale === 0) return new Money(units);
  const negative = units < 0;
  const digits = String(negative ? -units : units).padStart(scale + 1, "0");
  const text = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return new Money(negative ? "-" + text : text);
}
