import Decimal from "decimal.js";

/**
 * Exact money. Every amount in the engine is a Decimal from the moment a cell is parsed to the
 * moment a cell is written; floats coming from Excel go through a 15-significant-digit string,
 * which is the precision Excel itself displays and stores.
 */
export const Money = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -20,
  toExpPos: 30,
});
export type Money = Decimal;

export const ZERO: Money = new Money(0);

/**
 * The rounding used for published figures: half away from zero (四舍五入), the rule of the
 * budget systems and of Excel's ROUND.
 */
export const PUBLICATION_ROUNDING = Decimal.ROUND_HALF_UP;

/** Significant digits Excel keeps of a double. */
const EXCEL_SIGNIFICANT_DIGITS = 15;

export type AmountUnit = "元" | "万元";

/** What a cell means as an amount. */
export type ParsedAmount =
  | { kind: "empty" }
  | {
      kind: "amount";
      value: Money;
      /** The cell held text (numeric text, full-width digits, thousands separators): worth a finding. */
      fromText: boolean;
      /** A unit written in the cell, such as `12.5万元`. */
      unit?: AmountUnit;
    }
  | { kind: "invalid"; text: string };

/** Dashes and placeholders that published tables use for "nothing". */
/**
 * What a cell says when it holds nothing: a dash in any of the forms Word and Excel type (hyphen,
 * en dash, minus sign, em dash, full-width hyphen, box line), a slash, 无, 空.
 */
const EMPTY_MARKERS = new Set([
  "",
  "-",
  "--",
  "—",
  "——",
  "－",
  "‐",
  "–",
  "−",
  "─",
  "/",
  "无",
  "空",
]);

const FULL_WIDTH_MAP: Record<string, string> = {
  "．": ".",
  "。": ".",
  "，": ",",
  "－": "-",
  "＋": "+",
  "％": "%",
  "　": " ",
  "（": "(",
  "）": ")",
};

/** Every character toHalfWidth changes: full-width digits and the punctuation of FULL_WIDTH_MAP. */
const FULL_WIDTH_CHARS = /[\u3000\u3002\uff05\uff08\uff09\uff0b-\uff0e\uff10-\uff19]/;
const FULL_WIDTH_CHARS_ALL = new RegExp(FULL_WIDTH_CHARS.source, "g");

function halfWidthChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xfee0);
  return FULL_WIDTH_MAP[ch] ?? ch;
}

/**
 * Full-width digits and punctuation to their ASCII counterparts. Most text has none: it is
 * returned as it is after one regex test (this runs on every caption and cell a reader matches).
 */
export function toHalfWidth(text: string): string {
  if (!FULL_WIDTH_CHARS.test(text)) return text;
  return text.replace(FULL_WIDTH_CHARS_ALL, halfWidthChar);
}

const PLAIN_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;
const UNIT_SUFFIX = /(万元|元)$/;

/**
 * Amounts read so far, by double: the same figure recurs across a workbook's tables (and the tables
 * drawn from a ledger are read back whole), and Decimals are immutable, so one serves every cell.
 * Emptied when it grows past a bound.
 */
const NUMBER_CACHE = new Map<number, Money>();
const NUMBER_CACHE_SIZE = 20_000;

/** Converts an Excel double to the exact decimal it displays (0.30000000000000004 → 0.3). */
export function moneyFromNumber(value: number): Money {
  if (Number.isInteger(value)) return new Money(value);
  let money = NUMBER_CACHE.get(value);
  if (money === undefined) {
    // The shortest text that reads back as this double: when it has at most 15 significant
    // digits it is the 15-digit rounding itself, without the trailing zeros toPrecision pads with
    // (the nearest 15-digit decimal to a double is unique: their spacing is ≥ 10⁻¹⁵ relative,
    // a double's half-ulp ≤ 1.2·10⁻¹⁶).
    const shortest = String(value);
    money = new Money(
      shortest.length <= EXCEL_SIGNIFICANT_DIGITS && !shortest.includes("e")
        ? shortest
        : value.toPrecision(EXCEL_SIGNIFICANT_DIGITS)
    );
    if (NUMBER_CACHE.size >= NUMBER_CACHE_SIZE) NUMBER_CACHE.clear();
    NUMBER_CACHE.set(value, money);
  }
  return money;
}

/**
 * Parses any cell value into an exact amount, "empty", or "invalid" (text that is not a number).
 * Never throws: bad input is a value the caller turns into a finding.
 */
export function parseAmount(value: unknown): ParsedAmount {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "invalid", text: String(value) };
    // -0 is kept out: a Map takes it for 0, and its Decimal keeps the sign.
    if (Object.is(value, -0))
      return { kind: "amount", value: moneyFromNumber(value), fromText: false };
    let parsed = NUMBER_AMOUNTS.get(value);
    if (parsed === undefined) {
      parsed = { kind: "amount", value: moneyFromNumber(value), fromText: false };
      if (NUMBER_AMOUNTS.size >= NUMBER_CACHE_SIZE) NUMBER_AMOUNTS.clear();
      NUMBER_AMOUNTS.set(value, parsed);
    }
    return parsed;
  }
  if (typeof value === "boolean") return { kind: "invalid", text: String(value) };
  if (typeof value !== "string") return parseAmountText(String(value));
  let parsed = TEXT_AMOUNTS.get(value);
  if (parsed === undefined) {
    parsed = parseAmountText(value);
    if (TEXT_AMOUNTS.size >= TEXT_AMOUNTS_SIZE) TEXT_AMOUNTS.clear();
    TEXT_AMOUNTS.set(value, parsed);
  }
  return parsed;
}

/**
 * A blank cell, and numbers read so far (whole numbers too: 0 fills most cells of a table): every
 * table has thousands of amount cells, and a ParsedAmount is never changed, so one serves them all.
 */
const EMPTY: ParsedAmount = { kind: "empty" };
const NUMBER_AMOUNTS = new Map<number, ParsedAmount>();

/**
 * Texts read so far: the same labels (一般公共服务支出, 合计) and dashes recur in every table and
 * every workbook of a batch, and each is asked about by more than one reader. The results are
 * immutable (Decimals are), so one serves every cell. Emptied when it grows past a bound.
 */
const TEXT_AMOUNTS = new Map<string, ParsedAmount>();
const TEXT_AMOUNTS_SIZE = 20_000;

function parseAmountText(raw: string): ParsedAmount {
  const text = toHalfWidth(raw)
    .replace(/[\s\u00a0]/g, "")
    .replace(/^'/, "");
  if (EMPTY_MARKERS.has(text)) return { kind: "empty" };
  let body = text;
  let negative = false;
  if (body.startsWith("(") && body.endsWith(")")) {
    negative = true; // accounting notation (123.45)
    body = body.slice(1, -1);
  }
  const unit = UNIT_SUFFIX.exec(body)?.[1] as AmountUnit | undefined;
  if (unit) body = body.slice(0, -unit.length);
  if (body.startsWith("-") || body.startsWith("+")) {
    negative = negative !== body.startsWith("-");
    body = body.slice(1);
  }
  if (!PLAIN_NUMBER.test(body) || !/\d/.test(body)) return { kind: "invalid", text: raw };
  const amount = new Money(body.replace(/,/g, ""));
  return { kind: "amount", value: negative ? amount.negated() : amount, fromText: true, unit };
}

/** The amount of a cell, blank and invalid counting as zero (for arithmetic only). */
export function amountOrZero(value: unknown): Money {
  const parsed = parseAmount(value);
  return parsed.kind === "amount" ? parsed.value : ZERO;
}

/** Rounds to `decimals` places with the publication rounding (四舍五入). */
export function roundMoney(value: Money, decimals = 2): Money {
  return value.toDecimalPlaces(decimals, PUBLICATION_ROUNDING);
}

/** 元 → 万元, exact (no rounding). */
export function yuanToWanyuan(yuan: Money): Money {
  return yuan.dividedBy(10000);
}

/** 万元 → 元, exact. */
export function wanyuanToYuan(wanyuan: Money): Money {
  return wanyuan.times(10000);
}

/** Converts between the two units the disclosures use. */
export function convertUnit(value: Money, from: AmountUnit, to: AmountUnit): Money {
  if (from === to) return value;
  return from === "元" ? yuanToWanyuan(value) : wanyuanToYuan(value);
}

/** Number of decimal places the amount carries (1.50 → 1, 1.505 → 3). */
export function decimalPlaces(value: Money): number {
  return value.decimalPlaces();
}

/** Exact sum. */
export function sumMoney(values: Iterable<Money>): Money {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** The double Excel should show for an exact amount (0.1 + 0.2 → 0.3). */
export function moneyToNumber(value: Money): number {
  return Number(value.toString());
}

/** "1,234.50" style text for messages: the one formatter lives with the messages. */
export { formatAmount as formatMoney } from "./messages/amounts";
