import { Money, PUBLICATION_ROUNDING, ZERO, roundMoney, sumMoney } from "./money";

/**
 * Rounding-aware comparison, modelled on XBRL Calculations 1.1: a figure published with `d`
 * decimals stands for an interval of ±0.5·10^-d, so a parent and its n direct children agree when
 * |parent − Σchildren| ≤ 0.5·10^-d · (n + 1). Each level is compared with its direct children only.
 *
 * n counts only the addends that hold a number: a blank cell was never rounded, so it cannot carry
 * a rounding error. Callers pass the published numbers, not the blanks (a 收支总表 lists 31 类,
 * most of them blank; counting those would let a 0.10 mistake pass as 舍入差异).
 */
export type SumAgreement = "exact" | "rounding" | "mismatch";

export interface SumComparison {
  agreement: SumAgreement;
  expected: Money;
  difference: Money;
  tolerance: Money;
}

/**
 * Tolerances made so far, by decimals then term count. Every sum rule asks for one per comparison,
 * and a Decimal power each time was a third of the cost of comparing a sum; Decimals are immutable,
 * so one value can serve every caller.
 */
const TOLERANCES = new Map<number, Money[]>();

export function roundingTolerance(termCount: number, decimals = 2): Money {
  let byTerms = TOLERANCES.get(decimals);
  if (!byTerms) {
    byTerms = [];
    TOLERANCES.set(decimals, byTerms);
  }
  let tolerance = byTerms[termCount];
  if (tolerance === undefined) {
    tolerance = new Money(5).times(new Money(10).pow(-(decimals + 1))).times(termCount + 1);
    // Term counts are small (a row or column of a table); a huge one is computed, not kept.
    if (Number.isInteger(termCount) && termCount >= 0 && termCount < 4096)
      byTerms[termCount] = tolerance;
  }
  return tolerance;
}

/** Compares a published total with the sum of its published parts (numbers only, no blanks). */
export function compareSum(total: Money, parts: readonly Money[], decimals = 2): SumComparison {
  const expected = sumMoney(parts);
  const difference = total.minus(expected);
  const tolerance = roundingTolerance(parts.length, decimals);
  const agreement: SumAgreement = difference.isZero()
    ? "exact"
    : difference.abs().lessThanOrEqualTo(tolerance)
      ? "rounding"
      : "mismatch";
  return { agreement, expected, difference, tolerance };
}

export interface RateComparison {
  agreement: SumAgreement;
  /** change ÷ |prior| × 100, unrounded. */
  expected: Money;
}

const HUNDRED = new Money(100);

/**
 * Compares a published 增减率 (a percentage) with change ÷ |prior| × 100, the change and last year's
 * figure being published to `inputDecimals`. Exact when the rate rounds (half up) to the published
 * one at the published decimals (at most 2); a rounding difference when within what the inputs'
 * rounding moves the rate (10^-inputDecimals ÷ |prior| × 100) plus one unit of the rate's last place.
 */
export function compareRate(
  actual: Money,
  change: Money,
  prior: Money,
  inputDecimals = 2
): RateComparison {
  const expected = change.dividedBy(prior.abs()).times(HUNDRED);
  const decimals = Math.min(Math.max(actual.decimalPlaces(), 0), 2);
  if (expected.toDecimalPlaces(decimals, PUBLICATION_ROUNDING).equals(actual))
    return { agreement: "exact", expected };
  const slack = new Money(10)
    .pow(-inputDecimals)
    .dividedBy(prior.abs())
    .times(HUNDRED)
    .plus(new Money(10).pow(-decimals));
  return {
    agreement: expected.minus(actual).abs().lessThanOrEqualTo(slack) ? "rounding" : "mismatch",
    expected,
  };
}

/**
 * Rounds `values` to `decimals` places so that they add up exactly to `target` (which must itself
 * have `decimals` places): each value is first truncated towards −∞, then the units still missing
 * go to the values with the largest remainders (ties: the earlier value). Every result differs from
 * its exact value by less than one unit of the last place.
 */
export function allocateLargestRemainder(
  values: readonly Money[],
  target: Money,
  decimals = 2
): Money[] {
  if (values.length === 0) return [];
  const unit = new Money(10).pow(-decimals);
  const floors = values.map((v) => v.toDecimalPlaces(decimals, Money.ROUND_FLOOR));
  const remainders = values.map((v, i) => v.minus(floors[i]));
  let unitsLeft = target.minus(sumMoney(floors)).dividedBy(unit).toNumber();
  const order = values
    .map((_, i) => i)
    .sort((a, b) => remainders[b].comparedTo(remainders[a]) || a - b);
  const result = floors.slice();
  // unitsLeft is within [0, n] when target is the rounded exact sum; outside that range the
  // extra units cycle through the order, which keeps the sum right and the bias spread out.
  for (let k = 0; unitsLeft !== 0; k++) {
    const i = order[k % order.length];
    const step = unitsLeft > 0 ? unit : unit.negated();
    result[i] = result[i].plus(step);
    unitsLeft += unitsLeft > 0 ? -1 : 1;
  }
  return result;
}

/** A node of an amount hierarchy: a leaf carries an exact value, a parent its children. */
export interface AmountTree<K = string> {
  key: K;
  value?: Money;
  children?: AmountTree<K>[];
}

export interface RoundedNode<K = string> {
  key: K;
  exact: Money;
  rounded: Money;
  children: RoundedNode<K>[];
}

/**
 * Controlled rounding of a hierarchy: the root is rounded once (四舍五入), then each parent's
 * rounded value is split among its children by largest remainder. Every published parent then
 * equals the sum of its published children, and the grand total equals the rounded exact total.
 */
export function roundTreeControlled<K>(root: AmountTree<K>, decimals = 2): RoundedNode<K> {
  const exactOf = (node: AmountTree<K>): Money =>
    node.children && node.children.length > 0
      ? sumMoney(node.children.map(exactOf))
      : (node.value ?? ZERO);
  const build = (node: AmountTree<K>, rounded: Money): RoundedNode<K> => {
    const exact = exactOf(node);
    const children = node.children ?? [];
    if (children.length === 0) return { key: node.key, exact, rounded, children: [] };
    const exacts = children.map(exactOf);
    const shares = allocateLargestRemainder(exacts, rounded, decimals);
    return { key: node.key, exact, rounded, children: children.map((c, i) => build(c, shares[i])) };
  };
  return build(root, exactOf(root).toDecimalPlaces(decimals, PUBLICATION_ROUNDING));
}

/** Rounds each value on its own (what the budget systems do, and why their totals miss by 0.01). */
export function roundEach(values: readonly Money[], decimals = 2): Money[] {
  return values.map((v) => roundMoney(v, decimals));
}
