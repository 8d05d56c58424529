/**
 * The fast path of aggregateFigures: the same figures, summed as integers (figures/units.ts).
 *
 * One pass over the lines adds each amount once, into a block of 60 cells (10 sources × 3 kinds ×
 * this year / carry-over) of its 功能 code, of its 经济 code and of its project. Every tree node,
 * bucket (all, 财政拨款, 单位资金, one source) and measure (合计, 基本, 人员, 公用, 项目, 本年, 结转)
 * is then a sum of such blocks, and Money values are built only for those output figures. The
 * Decimal aggregation (aggregateFiguresDecimal) stays the reference and the fallback: this returns
 * undefined when an amount has too many digits or Σ|amount| could leave the exact integer range.
 */
import { Catalog } from "../codes";
import type { CodeLevel } from "../codes";
import { Money, ZERO } from "../money";
import type { ExpenditureKind, FiscalSource, FundSource, UnitNature } from "../model";
import { FISCAL_SOURCES, FUND_SOURCES, UNIT_FUND_SOURCES } from "../model";
import type {
  BudgetFigures,
  ClassifiedFigures,
  ExpenditureAmounts,
  FigureLine,
  ProjectFigures,
  ThreePublicFigures,
  ThreePublicItem,
} from "./figures";
import { THREE_PUBLIC_CODES, incomeFigures } from "./figures";
import { SAFE_UNITS_MAGNITUDE, moneyOfUnits, unitsAtCommonScale } from "./units";

const SOURCE_INDEX = new Map<FundSource, number>(FUND_SOURCES.map((s, i) => [s, i]));
const KIND_INDEX: Record<ExpenditureKind, number> = { 人员经费: 0, 公用经费: 1, 项目支出: 2 };
/** Cells per source: 3 kinds × (this year, carry-over). */
const PER_SOURCE = 6;
const CELLS = FUND_SOURCES.length * PER_SOURCE;

const MEASURE_OFFSETS: Record<keyof ExpenditureAmounts, readonly number[]> = {
  total: [0, 1, 2, 3, 4, 5],
  basic: [0, 1, 2, 3],
  personnel: [0, 1],
  publicUse: [2, 3],
  project: [4, 5],
  current: [0, 2, 4],
  carryover: [1, 3, 5],
};
const MEASURES = Object.keys(MEASURE_OFFSETS) as (keyof ExpenditureAmounts)[];

/** Which lines a set of figures covers: all of them, this year's money only, or the carry-over only. */
export type ScopeName = "all" | "current" | "carryover";
export const SCOPE_NAMES: readonly ScopeName[] = ["all", "current", "carryover"];

/** A line of source i sets presence bit i (this year) or i + CARRY_SHIFT (carry-over). */
const CARRY_SHIFT = FUND_SOURCES.length;
const CURRENT_BITS = (1 << CARRY_SHIFT) - 1;

interface Scope {
  /** The cell offsets of each measure that belong to the scope. */
  offsets: Record<keyof ExpenditureAmounts, readonly number[]>;
  /** The presence bits of the scope's lines. */
  bits: number;
}

function scopeOf(keep: (offset: number) => boolean, bits: number): Scope {
  const offsets = {} as Record<keyof ExpenditureAmounts, readonly number[]>;
  for (const measure of MEASURES) offsets[measure] = MEASURE_OFFSETS[measure].filter(keep);
  return { offsets, bits };
}

/** Odd offsets hold the carry-over (see lineUnits). */
const SCOPES: Record<ScopeName, Scope> = {
  all: scopeOf(() => true, CURRENT_BITS | (CURRENT_BITS << CARRY_SHIFT)),
  current: scopeOf((o) => o % 2 === 0, CURRENT_BITS),
  carryover: scopeOf((o) => o % 2 === 1, CURRENT_BITS << CARRY_SHIFT),
};

/** Whether a block has a line of source i in the scope. */
function hasSource(present: number, i: number, scope: Scope): boolean {
  return (present & ((1 << i) | (1 << (i + CARRY_SHIFT))) & scope.bits) !== 0;
}

const indexesOf = (sources: readonly FundSource[]): number[] =>
  sources.map((s) => SOURCE_INDEX.get(s)!);
const ALL = indexesOf(FUND_SOURCES);
const FISCAL = indexesOf(FISCAL_SOURCES);
const UNIT_FUNDS = indexesOf(UNIT_FUND_SOURCES);
const SINGLE: readonly number[][] = FUND_SOURCES.map((_, i) => [i]);

function unitsOfMeasure(
  cells: Float64Array,
  sources: readonly number[],
  offsets: readonly number[]
): number {
  let sum = 0;
  for (const s of sources) for (const offset of offsets) sum += cells[s * PER_SOURCE + offset];
  return sum;
}

const STATE = Symbol("amounts in units");

interface LazyState {
  cells: Float64Array;
  sources: readonly number[];
  scope: Scope;
  scale: number;
  made: Partial<Record<keyof ExpenditureAmounts, Money>>;
}

type LazyAmounts = ExpenditureAmounts & { [STATE]: LazyState };

/**
 * The seven measures as own enumerable accessors: a Money is made the first time a figure is read
 * (most bucket × node × measure figures never are), then kept. To every reader — spread,
 * JSON.stringify, equality in tests — the object looks like a plain ExpenditureAmounts.
 */
const LAZY_MEASURES: PropertyDescriptorMap = Object.fromEntries(
  MEASURES.map((measure) => [
    measure,
    {
      enumerable: true,
      configurable: true,
      get(this: LazyAmounts): Money {
        const state = this[STATE];
        return (state.made[measure] ??= moneyOfUnits(
          unitsOfMeasure(state.cells, state.sources, state.scope.offsets[measure]),
          state.scale
        ));
      },
      set(this: LazyAmounts, value: Money): void {
        this[STATE].made[measure] = value;
      },
    },
  ])
);

function amountsOfCells(
  cells: Float64Array,
  sources: readonly number[],
  scope: Scope,
  scale: number
): ExpenditureAmounts {
  const out = {};
  Object.defineProperty(out, STATE, { value: { cells, sources, scope, scale, made: {} } });
  return Object.defineProperties(out, LAZY_MEASURES) as ExpenditureAmounts;
}

const ZERO_AMOUNTS: Readonly<ExpenditureAmounts> = Object.freeze({
  total: ZERO,
  basic: ZERO,
  personnel: ZERO,
  publicUse: ZERO,
  project: ZERO,
  current: ZERO,
  carryover: ZERO,
});

const LAZY_STATE = Symbol("made when read");

/**
 * Own enumerable properties whose value is made the first time it is read (or set), then kept as a
 * plain data property: to every reader — spread, JSON.stringify, equality in tests — the object
 * looks like plain data. The descriptors are made once per kind of object; each object carries its
 * state under a symbol, so defining them costs no closure per object.
 */
function lazyDescriptors<S>(makers: Record<string, (state: S) => unknown>): PropertyDescriptorMap {
  const descriptors: PropertyDescriptorMap = {};
  for (const name of Object.keys(makers)) {
    const settle = (self: object, value: unknown): void => {
      Object.defineProperty(self, name, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    };
    descriptors[name] = {
      enumerable: true,
      configurable: true,
      get(this: { [LAZY_STATE]: S }): unknown {
        const value = makers[name](this[LAZY_STATE]);
        settle(this, value);
        return value;
      },
      set(this: object, value: unknown): void {
        settle(this, value);
      },
    };
  }
  return descriptors;
}

function defineLazy<T extends object, S>(
  target: T,
  state: S,
  descriptors: PropertyDescriptorMap
): T {
  Object.defineProperty(target, LAZY_STATE, { value: state });
  return Object.defineProperties(target, descriptors);
}

/** A node's or a project's block, in a scope. */
interface NodeState {
  cells: Float64Array;
  present: number;
  scope: Scope;
  scale: number;
}

function bySourceOf({
  cells,
  present,
  scope,
  scale,
}: NodeState): Record<FundSource, ExpenditureAmounts> {
  const bySource = {} as Record<FundSource, ExpenditureAmounts>;
  FUND_SOURCES.forEach((source, i) => {
    // A source no line of the node has is zero throughout: no sums to make.
    bySource[source] = hasSource(present, i, scope)
      ? amountsOfCells(cells, SINGLE[i], scope, scale)
      : { ...ZERO_AMOUNTS };
  });
  return bySource;
}

/** A node's figures are made when read: the printed tables read sums of units instead (ScopedFigures.sum). */
const LAZY_NODE = lazyDescriptors<NodeState>({
  all: (s) => amountsOfCells(s.cells, ALL, s.scope, s.scale),
  fiscal: (s) => amountsOfCells(s.cells, FISCAL, s.scope, s.scale),
  unitFunds: (s) => amountsOfCells(s.cells, UNIT_FUNDS, s.scope, s.scale),
  bySource: bySourceOf,
});

function node(
  code: string,
  name: string,
  level: ClassifiedFigures["level"],
  cells: Float64Array,
  present: number,
  scope: Scope,
  scale: number
): ClassifiedFigures {
  const out = { code, name, level } as ClassifiedFigures;
  return defineLazy(out, { cells, present, scope, scale }, LAZY_NODE);
}

interface ProjectState extends NodeState {
  union: (sets: [Set<string>, Set<string>]) => string[];
  functionCodes: [Set<string>, Set<string>];
  economicCodes: [Set<string>, Set<string>];
}

const LAZY_PROJECT = lazyDescriptors<ProjectState>({
  functionCodes: (s) => s.union(s.functionCodes),
  economicCodes: (s) => s.union(s.economicCodes),
  amounts: (s) => amountsOfCells(s.cells, ALL, s.scope, s.scale),
  bySource: (s) => {
    const bySource: Partial<Record<FundSource, ExpenditureAmounts>> = {};
    FUND_SOURCES.forEach((source, i) => {
      if (hasSource(s.present, i, s.scope))
        bySource[source] = amountsOfCells(s.cells, SINGLE[i], s.scope, s.scale);
    });
    return bySource;
  },
});

/** A scope's lines are copied only if someone reads them (the printed tables do not). */
const LAZY_LINES = lazyDescriptors<() => FigureLine[]>({ lines: (make) => make() });

interface Block {
  cells: Float64Array;
  /** Bit i: some line of source i was added (its amount may be zero). */
  present: number;
}

function blockFor<K>(blocks: Map<K, Block>, key: K): Block {
  let block = blocks.get(key);
  if (!block) {
    block = { cells: new Float64Array(CELLS), present: 0 };
    blocks.set(key, block);
  }
  return block;
}

function addBlock(into: Block, from: Block): void {
  for (let i = 0; i < CELLS; i++) into.cells[i] += from.cells[i];
  into.present |= from.present;
}

interface TreeBlocks {
  total: Block;
  /** Prefix nodes in code order (the tree's pre-order). */
  nodes: { code: string; level: CodeLevel; block: Block }[];
  /** Every node's block by its code, "" the total. */
  byCode: Map<string, Block>;
}

/** The classification tree over per-code blocks, as classify() in figures.ts builds it. */
function treeBlocks(leaves: Map<string, Block>, lengths: readonly number[]): TreeBlocks {
  const total: Block = { cells: new Float64Array(CELLS), present: 0 };
  const nodes = new Map<string, { code: string; level: CodeLevel; block: Block }>();
  for (const [code, leaf] of leaves) {
    addBlock(total, leaf);
    lengths.forEach((n, i) => {
      if (n > code.length) return;
      const prefix = code.slice(0, n);
      let entry = nodes.get(prefix);
      if (!entry) {
        entry = {
          code: prefix,
          level: (i + 1) as CodeLevel,
          block: { cells: new Float64Array(CELLS), present: 0 },
        };
        nodes.set(prefix, entry);
      }
      addBlock(entry.block, leaf);
    });
  }
  const sorted = [...nodes.values()].sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0
  );
  const byCode = new Map<string, Block>([["", total]]);
  for (const entry of sorted) byCode.set(entry.code, entry.block);
  return { total, nodes: sorted, byCode };
}

/** The tree's nodes in a scope: those with a line in it, after the 合计 (always there). */
function classifyBlocks(
  tree: TreeBlocks,
  catalog: Catalog,
  scope: Scope,
  scale: number
): ClassifiedFigures[] {
  const out = [node("", "合计", 0, tree.total.cells, tree.total.present, scope, scale)];
  for (const { code, level, block } of tree.nodes) {
    if ((block.present & scope.bits) === 0) continue;
    out.push(node(code, catalog.name(code) ?? "", level, block.cells, block.present, scope, scale));
  }
  return out;
}

function threePublicOf(
  economic: Map<string, Block>,
  scope: Scope,
  scale: number
): ThreePublicFigures {
  const item = (codes: readonly string[]): Float64Array => {
    const sums = new Float64Array(FISCAL.length);
    for (const code of codes) {
      const block = economic.get(code);
      if (block)
        FISCAL.forEach(
          (s, i) => (sums[i] += unitsOfMeasure(block.cells, SINGLE[s], scope.offsets.total))
        );
    }
    return sums;
  };
  const toItem = (sums: Float64Array): ThreePublicItem => {
    const bySource = {} as Record<FiscalSource, Money>;
    let total = 0;
    FISCAL_SOURCES.forEach((s, i) => {
      bySource[s] = moneyOfUnits(sums[i], scale);
      total += sums[i];
    });
    return { total: moneyOfUnits(total, scale), bySource };
  };
  const plus = (...parts: Float64Array[]): Float64Array => {
    const sums = new Float64Array(FISCAL.length);
    for (const part of parts) part.forEach((v, i) => (sums[i] += v));
    return sums;
  };
  const abroad = item(THREE_PUBLIC_CODES.abroad);
  const purchase = item(THREE_PUBLIC_CODES.vehiclePurchase);
  const operation = item(THREE_PUBLIC_CODES.vehicleOperation);
  const reception = item(THREE_PUBLIC_CODES.reception);
  const vehicle = plus(purchase, operation);
  return {
    abroad: toItem(abroad),
    vehiclePurchase: toItem(purchase),
    vehicleOperation: toItem(operation),
    vehicle: toItem(vehicle),
    reception: toItem(reception),
    total: toItem(plus(abroad, vehicle, reception)),
  };
}

/** What a project's first line in a scope says; index 0 this year's lines, 1 the carry-over. */
interface ProjectBlock extends Block {
  first: [number, number];
  functionCodes: [Set<string>, Set<string>];
  economicCodes: [Set<string>, Set<string>];
}

/**
 * Amounts that replace the lines' own: one integer per line at a scale (the rounded amounts the
 * printed tables add up, see format/roundUnits.ts roundedUnits), and the lines that carry them,
 * made only if someone reads a scope's `lines`.
 */
export interface AmountsInUnits {
  units: Float64Array;
  scale: number;
  lines: () => FigureLine[];
}

/** The integer amounts of the lines at a common scale; undefined when Decimals are needed. */
function lineUnits(
  lines: readonly FigureLine[],
  given?: AmountsInUnits
): { units: Float64Array; scale: number; cells: Int32Array; bits: Int32Array } | undefined {
  // Each line's cell in a block and its presence bit, looked up once here.
  const cells = new Int32Array(lines.length);
  const bits = new Int32Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const kind = KIND_INDEX[line.kind];
    const source = SOURCE_INDEX.get(line.source);
    // A kind or source outside the vocabulary has no cell: the Decimal path handles it as it can.
    if (kind === undefined || source === undefined) return undefined;
    const carry = line.carryover ? 1 : 0;
    cells[i] = source * PER_SOURCE + kind * 2 + carry;
    bits[i] = 1 << (source + carry * CARRY_SHIFT);
  }
  if (given) {
    let magnitude = 0;
    for (let i = 0; i < given.units.length; i++) magnitude += Math.abs(given.units[i]);
    return magnitude < SAFE_UNITS_MAGNITUDE
      ? { units: given.units, scale: given.scale, cells, bits }
      : undefined;
  }
  const exact = unitsAtCommonScale(lines, 0);
  // Every partial sum of any subset is at most Σ|u|: below 2^52 they are all exact integers.
  return exact && exact.magnitude < SAFE_UNITS_MAGNITUDE
    ? { units: exact.units, scale: exact.scale, cells, bits }
    : undefined;
}

/** What a figure of the printed tables is read from: a 功能 or 经济 node ("" the 合计), a project, or all projects. */
export type FigureTarget =
  { system: "function" | "economic"; code: string } | { project: string } | "projects";

/** The figures of every scope, from one pass over the lines. */
export interface ScopedFigures {
  figures: BudgetFigures;
  /** The 合计 node of the scope's 项目支出 lines alone. */
  projects: ClassifiedFigures;
  /**
   * A measure of a target summed over some sources, as one Money: equal to adding up the target's
   * bySource[source][measure] (ZERO for a target or a source the scope has no line of), summed in
   * integers, without making the ExpenditureAmounts of each source.
   */
  sum(
    target: FigureTarget,
    sources: readonly FundSource[],
    measure: keyof ExpenditureAmounts
  ): Money;
}

/**
 * The figures of all the lines, of this year's lines and of the carry-over lines — what
 * aggregateFigures gives for each subset, and the 合计 of each subset's 项目支出 lines — from one pass:
 * every block keeps this year's money and the carry-over in separate cells, so a scope is a choice
 * of cells. Undefined when Decimals are needed. With `amounts`, the lines are summed with those
 * amounts instead of their own, as if they were `amounts.lines()`.
 */
export function aggregateScopesInUnits(
  lines: readonly FigureLine[],
  options: { unitNature?: UnitNature; catalog?: Catalog } = {},
  scopes: readonly ScopeName[] = SCOPE_NAMES,
  amounts?: AmountsInUnits
): Partial<Record<ScopeName, ScopedFigures>> | undefined {
  if (amounts && amounts.units.length !== lines.length) return undefined;
  const exact = lineUnits(lines, amounts);
  if (!exact) return undefined;
  const { units, scale, cells, bits } = exact;
  const catalog = options.catalog ?? Catalog.standard();
  const byFunctionCode = new Map<string, Block>();
  const byEconomicCode = new Map<string, Block>();
  const projectBlocks = new Map<string, ProjectBlock>();
  const projectTotal: Block = { cells: new Float64Array(CELLS), present: 0 };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const cell = cells[i];
    const carry = cell & 1; // odd cells hold the carry-over
    const bit = bits[i];
    const u = units[i];
    const fn = blockFor(byFunctionCode, line.functionCode);
    fn.cells[cell] += u;
    fn.present |= bit;
    if (line.economicCode !== undefined) {
      const ec = blockFor(byEconomicCode, line.economicCode);
      ec.cells[cell] += u;
      ec.present |= bit;
    }
    if (line.kind === "项目支出") {
      projectTotal.cells[cell] += u;
      projectTotal.present |= bit;
      if (line.projectName === undefined) continue;
      const key = line.projectCode ?? line.projectName;
      let project = projectBlocks.get(key);
      if (!project) {
        project = {
          cells: new Float64Array(CELLS),
          present: 0,
          first: [-1, -1],
          functionCodes: [new Set(), new Set()],
          economicCodes: [new Set(), new Set()],
        };
        projectBlocks.set(key, project);
      }
      if (project.first[carry] < 0) project.first[carry] = i;
      project.cells[cell] += u;
      project.present |= bit;
      project.functionCodes[carry].add(line.functionCode);
      if (line.economicCode) project.economicCodes[carry].add(line.economicCode);
    }
  }
  const functionTree = treeBlocks(byFunctionCode, [3, 5, 7]);
  const economicTree = treeBlocks(byEconomicCode, [3, 5]);
  const blockOf = (target: FigureTarget): Block | undefined =>
    target === "projects"
      ? projectTotal
      : "project" in target
        ? projectBlocks.get(target.project)
        : (target.system === "function" ? functionTree : economicTree).byCode.get(target.code);
  let made: readonly FigureLine[] | undefined;
  const outputLines = (): readonly FigureLine[] => (made ??= amounts ? amounts.lines() : lines);
  const out: Partial<Record<ScopeName, ScopedFigures>> = {};
  for (const name of scopes) {
    const scope = SCOPES[name];
    // The tables ask for the same figure several times (to hide empty rows and columns, then to
    // print it): each is made once, per block, source list and measure.
    const made = new Map<Block, Map<readonly FundSource[], Partial<Record<string, Money>>>>();
    const sum = (
      target: FigureTarget,
      sources: readonly FundSource[],
      measure: keyof ExpenditureAmounts
    ): Money => {
      const block = blockOf(target);
      if (!block) return ZERO;
      let bySources = made.get(block);
      if (!bySources) made.set(block, (bySources = new Map()));
      let byMeasure = bySources.get(sources);
      if (!byMeasure) bySources.set(sources, (byMeasure = {}));
      const known = byMeasure[measure];
      if (known) return known;
      const offsets = scope.offsets[measure];
      let units = 0;
      for (const source of sources) {
        const s = SOURCE_INDEX.get(source);
        if (s === undefined) continue;
        for (const offset of offsets) units += block.cells[s * PER_SOURCE + offset];
      }
      return (byMeasure[measure] = moneyOfUnits(units, scale));
    };
    const inScope = (i: number) =>
      name === "all" || (lines[i].carryover ? "carryover" : "current") === name;
    out[name] = {
      figures: scopeFigures(lines, scope, inScope, outputLines, {
        functionTree,
        economicTree,
        byEconomicCode,
        projectBlocks,
        catalog,
        scale,
        unitNature: options.unitNature,
      }),
      projects: node("", "合计", 0, projectTotal.cells, projectTotal.present, scope, scale),
      sum,
    };
  }
  return out;
}

function scopeFigures(
  lines: readonly FigureLine[],
  scope: Scope,
  inScope: (i: number) => boolean,
  /** The lines as the figures list them (the same fields; the amounts summed). */
  outputLines: () => readonly FigureLine[],
  parts: {
    functionTree: TreeBlocks;
    economicTree: TreeBlocks;
    byEconomicCode: Map<string, Block>;
    projectBlocks: Map<string, ProjectBlock>;
    catalog: Catalog;
    scale: number;
    unitNature?: UnitNature;
  }
): BudgetFigures {
  const { catalog, scale, unitNature } = parts;
  const byFunction = classifyBlocks(parts.functionTree, catalog, scope, scale);
  const byEconomic = classifyBlocks(parts.economicTree, catalog, scope, scale);
  // A project in the scope's order: where its first line of the scope is.
  const firstIn = (block: ProjectBlock): number => {
    const [current, carry] = block.first;
    const c = scope.bits & CURRENT_BITS ? current : -1;
    const k = scope.bits & ~CURRENT_BITS ? carry : -1;
    return c < 0 ? k : k < 0 ? c : Math.min(c, k);
  };
  // The halves of a project's code sets (this year, carry-over) that the scope covers.
  const sides = ([0, 1] as const).filter(
    (side) => (scope.bits & (side ? ~CURRENT_BITS : CURRENT_BITS)) !== 0
  );
  const inScopeProjects = [...parts.projectBlocks]
    .map(([key, block]) => ({ key, block, first: firstIn(block) }))
    .filter((p) => p.first >= 0)
    .sort((a, b) => a.first - b.first);
  const union = (sets: [Set<string>, Set<string>]): string[] => {
    if (sides.length === 1) return [...sets[sides[0]]].sort();
    const all = new Set<string>();
    for (const side of sides) for (const code of sets[side]) all.add(code);
    return [...all].sort();
  };
  const projects: ProjectFigures[] = inScopeProjects.map(({ key, block, first }) => {
    const line = lines[first];
    // Made when read, as a node's figures are.
    const project = defineLazy(
      { key, name: line.projectName! } as ProjectFigures,
      {
        cells: block.cells,
        present: block.present,
        scope,
        scale,
        union,
        functionCodes: block.functionCodes,
        economicCodes: block.economicCodes,
      },
      LAZY_PROJECT
    );
    if (line.projectCode !== undefined) project.code = line.projectCode;
    return project;
  });
  const grand = byFunction[0];
  const figures = defineLazy(
    { unit: "万元" } as BudgetFigures,
    () =>
      scope === SCOPES.all ? outputLines().slice() : outputLines().filter((_, i) => inScope(i)),
    LAZY_LINES
  );
  Object.assign(figures, {
    byFunction,
    byEconomic,
    threePublic: threePublicOf(parts.byEconomicCode, scope, scale),
    projects,
    income: incomeFigures(grand),
    expenditure: {
      current: grand.all.total,
      basic: grand.all.basic,
      personnel: grand.all.personnel,
      publicUse: grand.all.publicUse,
      project: grand.all.project,
      yearEndCarryover: ZERO,
      total: grand.all.total,
    },
  });
  if (unitNature !== undefined) figures.unitNature = unitNature;
  if (unitNature === "行政" || unitNature === "参公") {
    figures.agencyOperating = grand.bySource["一般公共预算"].publicUse;
  }
  return figures;
}

export function aggregateFiguresInUnits(
  lines: readonly FigureLine[],
  options: { unitNature?: UnitNature; catalog?: Catalog } = {}
): BudgetFigures | undefined {
  return aggregateScopesInUnits(lines, options, ["all"])?.all?.figures;
}
