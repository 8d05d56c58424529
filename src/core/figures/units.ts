/**
 * Exact money as integers in a double: an amount a = n·10^-k is held as the integer n at a scale k
 * shared by all the amounts being summed. Sums of integers stay exact in a double while every
 * partial sum stays below 2^53, which the callers guarantee by bounding Σ|n| (see
 * SAFE_UNITS_MAGNITUDE); beyond that, or for amounts with too many digits, they fall back to
 * Decimals. This is the ROLLUP fast path (core/rollup.ts) generalised from fen to any scale: a
 * ledger in 元 has amounts in 万元 with up to 6 decimals.
 */
import { Money, ZERO } from "../money";
import type { FigureLine } from "./figures";

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

/** The optional fields of a FigureLine, copied as they are when a line is rebuilt. */
interface LineFields {
  functionCode: string;
  economicCode?: string;
  kind: FigureLine["kind"];
  source: FigureLine["source"];
  carryover: boolean;
  projectName?: string;
  projectCode?: string;
}

/**
 * A FigureLine whose amount is held as an integer at a scale (units · 10^-scale): the Money is made
 * only when someone reads `amount`, so a ledger of 100k lines is read, converted to 万元, rounded and
 * aggregated without one Decimal per line. The integer paths (lineParts) read `units` directly.
 * `amount` is a prototype getter: a spread copy (`{ ...line }`) would lose it, so copies go
 * through {@link withUnits} or set `amount` themselves; JSON goes through toJSON.
 */
export class UnitsLine implements FigureLine {
  functionCode!: string;
  economicCode?: string;
  kind!: FigureLine["kind"];
  source!: FigureLine["source"];
  carryover!: boolean;
  projectName?: string;
  projectCode?: string;
  /** A safe integer. */
  readonly units: number;
  readonly scale: number;

  constructor(fields: LineFields, units: number, scale: number) {
    this.functionCode = fields.functionCode;
    this.kind = fields.kind;
    this.source = fields.source;
    this.carryover = fields.carryover;
    if (fields.economicCode !== undefined) this.economicCode = fields.economicCode;
    if (fields.projectName !== undefined) this.projectName = fields.projectName;
    if (fields.projectCode !== undefined) this.projectCode = fields.projectCode;
    this.units = units;
    this.scale = scale;
  }

  get amount(): Money {
    const money = moneyOfUnits(this.units, this.scale);
    // Made once: later reads find the own property.
    Object.defineProperty(this, "amount", { value: money, enumerable: true, writable: true });
    return money;
  }

  set amount(value: Money) {
    Object.defineProperty(this, "amount", { value, enumerable: true, writable: true });
  }

  /** The plain FigureLine, as any other line would be serialized. */
  toJSON(): FigureLine {
    return plainLine(this);
  }
}

/** A copy of a line as a plain object with its Money amount (for tests and serialization). */
export function plainLine(line: FigureLine): FigureLine {
  const out: FigureLine = {
    functionCode: line.functionCode,
    kind: line.kind,
    source: line.source,
    carryover: line.carryover,
    amount: line.amount,
  };
  if (line.economicCode !== undefined) out.economicCode = line.economicCode;
  if (line.projectName !== undefined) out.projectName = line.projectName;
  if (line.projectCode !== undefined) out.projectCode = line.projectCode;
  return out;
}

/** The line with another amount, given in units at a scale. */
export function withUnits(line: LineFields, units: number, scale: number): UnitsLine {
  return new UnitsLine(line, units, scale);
}

/**
 * A line's amount as integer and exponent: read from a UnitsLine without making its Money, else
 * decomposed from the Money; undefined when Decimals are needed.
 */
export function lineParts(line: FigureLine): Decomposed | undefined {
  // An own `amount` (set or already made) wins over the units it was built from.
  if (line instanceof UnitsLine && !Object.prototype.hasOwnProperty.call(line, "amount"))
    return { int: line.units, exp: -line.scale };
  return decompose(line.amount);
}

/**
 * The amounts of the lines as integers at one common scale: the smallest scale ≥ minScale that
 * holds every amount exactly. What lineParts + unitsAt give line by line, without an object per
 * line (a UnitsLine's units are read as they are). Undefined when an amount needs Decimals, the
 * scale would pass MAX_SCALE, or an amount at that scale is not a safe integer; `magnitude` is
 * Σ|units|, for the caller's bound on partial sums.
 */
export function unitsAtCommonScale(
  lines: readonly FigureLine[],
  minScale: number
): { units: Float64Array; scale: number; magnitude: number } | undefined {
  const n = lines.length;
  const units = new Float64Array(n);
  const exps = new Int32Array(n);
  let scale = minScale;
  for (let i = 0; i < n; i++) {
    const line = lines[i];
    let int: number;
    let exp: number;
    // An own `amount` (set or already made) wins over the units it was built from, as in lineParts.
    if (line instanceof UnitsLine && !Object.prototype.hasOwnProperty.call(line, "amount")) {
      int = line.units;
      exp = -line.scale;
    } else {
      const parts = decompose(line.amount);
      if (!parts) return undefined;
      int = parts.int;
      exp = parts.exp;
    }
    if (-exp > scale) scale = -exp;
    units[i] = int;
    exps[i] = exp;
  }
  if (scale > MAX_SCALE) return undefined;
  let magnitude = 0;
  for (let i = 0; i < n; i++) {
    const shift = exps[i] + scale;
    if (shift < 0 || shift > 22) return undefined;
    const u = units[i] * POW10[shift];
    const abs = u < 0 ? -u : u;
    if (!(abs <= Number.MAX_SAFE_INTEGER)) return undefined;
    units[i] = u;
    magnitude += abs;
  }
  return { units, scale, magnitude };
}

/**
 * A cell's double as the integer units of the exact amount moneyFromNumber gives it (the number
 * Excel displays, to 15 significant digits), without a Decimal: units · 10^-scale, scale ≤ 6.
 * Exact because a decimal of at most 15 significant digits is the one toPrecision(15) writes for
 * the double nearest to it, and units / 10^scale is that nearest double (one correctly rounded
 * division of exact doubles). Undefined when the amount needs more digits: then use Money.
 */
export function unitsOfNumber(value: number): { units: number; scale: number } | undefined {
  if (!Number.isFinite(value)) return undefined;
  if (Number.isInteger(value))
    return Math.abs(value) <= Number.MAX_SAFE_INTEGER ? { units: value, scale: 0 } : undefined;
  for (let scale = 1; scale <= 6; scale++) {
    const p = POW10[scale];
    const units = Math.round(value * p);
    if (Math.abs(units) < 1e15 && units / p === value) return { units, scale };
  }
  return undefined;
}
