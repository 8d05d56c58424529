/**
 * Controlled rounding of ledger lines in integers: the same result as roundLinesControlledDecimal
 * (format/buildSheets.ts, over core/rounding.ts), with amounts held as integers at a common scale
 * (figures/units.ts). The 功能 tree is built in the same order, the grand total is rounded
 * 四舍五入 (half away from zero), and each node's rounded total is split among its children by
 * largest remainder, ties to the earlier child. Returns undefined when the amounts need Decimals.
 */
import type { FigureLine } from "../figures/figures";
import { SAFE_UNITS_MAGNITUDE, pow10, unitsAtCommonScale, withUnits } from "../figures/units";

const DECIMALS = 2;

interface UnitNode {
  /** Child nodes and line indexes (as ~index, to tell them apart), in the order they appeared. */
  children: number[];
  exact: number;
}

/** Floor to a multiple of step (step > 0), exact for safe integers: % is exact on doubles. */
function floorTo(value: number, step: number): number {
  const r = value % step;
  return r === 0 ? value : r > 0 ? value - r : value - r - step;
}

/** Half away from zero to a multiple of step, as Decimal's ROUND_HALF_UP. */
function roundHalfUpTo(value: number, step: number): number {
  const magnitude = value < 0 ? -value : value;
  const r = magnitude % step;
  const rounded = magnitude - r + (2 * r >= step ? step : 0);
  return value < 0 ? -rounded : rounded;
}

/**
 * The children's indexes by largest remainder first, ties to the earlier child. Remainders are
 * integers in [0, step): when step · n is exact in a double, each index is packed with its
 * remainder into one number, (step − 1 − remainder) · n + index, and the packed keys are sorted as
 * a typed array — the same order as the comparator, without a call per comparison, which was the
 * largest cost of rounding a 100k-line ledger.
 */
export function largestRemainderOrder(remainders: Float64Array, step: number): number[] {
  const n = remainders.length;
  const order: number[] = new Array(n);
  if (step * n <= Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(n);
    for (let k = 0; k < n; k++) keys[k] = (step - 1 - remainders[k]) * n + k;
    keys.sort();
    for (let k = 0; k < n; k++) order[k] = keys[k] % n;
    return order;
  }
  for (let k = 0; k < n; k++) order[k] = k;
  return order.sort((a, b) => remainders[b] - remainders[a] || a - b);
}

export function roundLinesInUnits(lines: readonly FigureLine[]): FigureLine[] | undefined {
  const rounded = roundedUnits(lines);
  // Money only when a rounded line's amount is read: the aggregates read the units.
  return rounded && lines.map((line, i) => withUnits(line, rounded[i], DECIMALS));
}

/**
 * The amounts roundLinesInUnits gives the lines, as integers at 2 decimals (0.01 万元 each), without
 * a line object per amount; undefined when the amounts need Decimals.
 */
export function roundedUnits(lines: readonly FigureLine[]): Float64Array | undefined {
  const exact = unitsAtCommonScale(lines, DECIMALS);
  if (!exact) return undefined;
  const { units, scale, magnitude } = exact;
  // Rounding moves each figure by less than a step: keep room for that as well.
  const step = pow10(scale - DECIMALS);
  if (magnitude + lines.length * step >= SAFE_UNITS_MAGNITUDE) return undefined;

  // The tree, in the order roundLinesControlledDecimal builds it.
  const nodes: UnitNode[] = [{ children: [], exact: 0 }];
  const byCode = new Map<string, number>([["", 0]]);
  const nodeFor = (code: string): number => {
    let id = byCode.get(code);
    if (id === undefined) {
      const parent = code.length > 5 ? code.slice(0, 5) : code.length > 3 ? code.slice(0, 3) : "";
      id = nodes.length;
      nodes.push({ children: [], exact: 0 });
      nodes[nodeFor(parent)].children.push(id);
      byCode.set(code, id);
    }
    return id;
  };
  for (let i = 0; i < lines.length; i++) nodes[nodeFor(lines[i].functionCode)].children.push(~i);
  const exactOf = (child: number): number => (child < 0 ? units[~child] : nodes[child].exact);
  // Bottom-up, each node once (ids do not follow the tree: a child is numbered before its parent).
  const sumUp = (id: number): void => {
    let sum = 0;
    for (const child of nodes[id].children) {
      if (child >= 0) sumUp(child);
      sum += exactOf(child);
    }
    nodes[id].exact = sum;
  };
  sumUp(0);

  const rounded = new Float64Array(lines.length);
  const split = (id: number, target: number): void => {
    const children = nodes[id].children;
    const n = children.length;
    if (n === 0) return;
    const shares = new Float64Array(n);
    const remainders = new Float64Array(n);
    let left = target;
    for (let k = 0; k < n; k++) {
      const exact = exactOf(children[k]);
      shares[k] = floorTo(exact, step);
      remainders[k] = exact - shares[k];
      left -= shares[k];
    }
    let unitsLeft = left / step; // an integer: both are multiples of step
    if (unitsLeft !== 0) {
      const order = largestRemainderOrder(remainders, step);
      for (let k = 0; unitsLeft !== 0; k++) {
        const i = order[k % n];
        shares[i] += unitsLeft > 0 ? step : -step;
        unitsLeft += unitsLeft > 0 ? -1 : 1;
      }
    }
    for (let k = 0; k < n; k++) {
      const child = children[k];
      if (child < 0) rounded[~child] = shares[k];
      else split(child, shares[k]);
    }
  };
  split(0, roundHalfUpTo(nodes[0].exact, step));
  for (let i = 0; i < rounded.length; i++) rounded[i] /= step; // exact: multiples of step
  return rounded;
}
