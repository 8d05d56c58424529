/**
 * Controlled rounding of ledger lines in integers: the same result as roundLinesControlledDecimal
 * (format/buildSheets.ts, over core/rounding.ts), with amounts held as integers at a common scale
 * (figures/units.ts). The 功能 tree is built in the same order, the grand total is rounded
 * 四舍五入 (half away from zero), and each node's rounded total is split among its children by
 * largest remainder, ties to the earlier child. Returns undefined when the amounts need Decimals.
 */
import type { FigureLine } from "../figures/figures";
import {
  Decomposed,
  MAX_SCALE,
  SAFE_UNITS_MAGNITUDE,
  lineParts,
  pow10,
  unitsAt,
  withUnits,
} from "../figures/units";

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

export function roundLinesInUnits(lines: readonly FigureLine[]): FigureLine[] | undefined {
  const parts: Decomposed[] = new Array(lines.length);
  let scale = DECIMALS;
  for (let i = 0; i < lines.length; i++) {
    const p = lineParts(lines[i]);
    if (!p) return undefined;
    if (-p.exp > scale) scale = -p.exp;
    parts[i] = p;
  }
  if (scale > MAX_SCALE) return undefined;
  const units = new Float64Array(lines.length);
  let magnitude = 0;
  for (let i = 0; i < lines.length; i++) {
    const u = unitsAt(parts[i], scale);
    if (Number.isNaN(u)) return undefined;
    units[i] = u;
    magnitude += u < 0 ? -u : u;
  }
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
    if (children.length === 0) return;
    const floors = children.map((c) => floorTo(exactOf(c), step));
    const remainders = children.map((c, k) => exactOf(c) - floors[k]);
    let left = target;
    for (const f of floors) left -= f;
    let unitsLeft = left / step; // an integer: both are multiples of step
    const order = children.map((_, k) => k).sort((a, b) => remainders[b] - remainders[a] || a - b);
    const shares = floors;
    for (let k = 0; unitsLeft !== 0; k++) {
      const i = order[k % order.length];
      shares[i] += unitsLeft > 0 ? step : -step;
      unitsLeft += unitsLeft > 0 ? -1 : 1;
    }
    children.forEach((child, k) => {
      if (child < 0) rounded[~child] = shares[k];
      else split(child, shares[k]);
    });
  };
  split(0, roundHalfUpTo(nodes[0].exact, step));
  // Money only when a rounded line's amount is read: the aggregates read the units.
  return lines.map((line, i) => withUnits(line, rounded[i] / step, DECIMALS));
}
