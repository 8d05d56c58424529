/**
 * 比上年增减: this year's figure against last year's published one, exactly. The change is a Decimal
 * difference; the rate is change ÷ last year × 100, rounded once with CHANGE_RATE_ROUNDING to two
 * decimals and keeping its sign. Equal figures are 持平; an item last year did not have (absent, or
 * zero, so that no rate exists) is 上年无此项 and has no rate.
 */
import { formatPercent } from "../messages/amounts";
import { Money, PUBLICATION_ROUNDING, formatMoney } from "../money";

/** 四舍五入 (half away from zero), as the published documents round their 增长率. */
export const CHANGE_RATE_ROUNDING = PUBLICATION_ROUNDING;
export const CHANGE_RATE_DECIMALS = 2;

export type ChangeKind = "increase" | "decrease" | "flat" | "new" | "gone";

export interface YearChange {
  kind: ChangeKind;
  current: Money;
  last?: Money;
  /** 本年 − 上年, signed (for a new item: this year's figure). */
  amount: Money;
  /** Signed percentage, rounded to 2 decimals; absent for 上年无此项 (and for 持平 it is 0). */
  rate?: Money;
}

const HUNDRED = new Money(100);

/** (current − last) ÷ last × 100, rounded half up to 2 decimals, signed; undefined without a base. */
export function changeRate(current: Money, last: Money): Money | undefined {
  if (last.isZero()) return undefined;
  return current
    .minus(last)
    .dividedBy(last.abs())
    .times(HUNDRED)
    .toDecimalPlaces(CHANGE_RATE_DECIMALS, CHANGE_RATE_ROUNDING);
}

/**
 * Compares this year's figure with last year's. A figure missing this year counts as zero (the item
 * is gone); missing or zero last year makes the item new (上年无此项), unless it is zero now too.
 */
export function compareYears(current: Money | undefined, last: Money | undefined): YearChange {
  const now = current ?? new Money(0);
  if (last === undefined || last.isZero()) {
    if (now.isZero()) return { kind: "flat", current: now, ...(last ? { last } : {}), amount: now };
    return { kind: "new", current: now, ...(last ? { last } : {}), amount: now };
  }
  const amount = now.minus(last);
  const rate = changeRate(now, last);
  const base = { current: now, last, amount, ...(rate !== undefined ? { rate } : {}) };
  if (amount.isZero()) return { kind: "flat", ...base };
  if (current === undefined || current.isZero()) return { kind: "gone", ...base };
  return { kind: amount.isNegative() ? "decrease" : "increase", ...base };
}

/** “增加2.92万元，增长9.32%”, “减少69.70万元，下降12.50%”, “持平”, “增加5.00万元（上年无此项）”. */
export function describeChange(change: YearChange): string {
  switch (change.kind) {
    case "flat":
      return "持平";
    case "new":
      return `增加${formatMoney(change.amount)}万元（上年无此项）`;
    default: {
      const up = change.amount.isPositive();
      const rate = change.rate
        ? `，${up ? "增长" : "下降"}${formatPercent(change.rate.abs())}`
        : "";
      return `${up ? "增加" : "减少"}${formatMoney(change.amount.abs())}万元${rate}`;
    }
  }
}

/** Whether a change goes beyond ±threshold percent (new items always do: there is no rate). */
export function beyondThreshold(change: YearChange, thresholdPercent: Money): boolean {
  if (change.kind === "new") return true;
  if (change.kind === "flat" || change.rate === undefined) return false;
  return change.rate.abs().greaterThan(thresholdPercent);
}
