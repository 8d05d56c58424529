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
import {
  Decomposed,
  MAX_SCALE,
  SAFE_UNITS_MAGNITUDE,
  decompose,
  moneyOfUnits,
  unitsAt,
} from "./units";

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

const indexesOf = (sources: readonly FundSource[]): number[] =>
  sources.map((s) => SOURCE_INDEX.get(s)!);
const ALL = indexesOf(FUND_SOURCES);
const FISCAL = indexesOf(FISCAL_SOURCES);
const UNIT_FUNDS = indexesOf(UNIT_FUND_SOURCES);

/** The cell of a line in a block. */
function cellOf(line: FigureLine): number {
  return (
    SOURCE_INDEX.get(line.source)! * PER_SOURCE +
    KIND_INDEX[line.kind] * 2 +
    (line.carryover ? 1 : 0)
  );
}

function unitsOfMeasure(
  cells: Float64Array,
  sources: readonly number[],
  measure: keyof ExpenditureAmounts
): number {
  let sum = 0;
  for (const s of sources)
    for (const offset of MEASURE_OFFSETS[measure]) sum += cells[s * PER_SOURCE + offset];
  return sum;
}

const STATE = Symbol("amounts in units");

interface LazyState {
  cells: Float64Array;
  sources: readonly number[];
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
          unitsOfMeasure(state.cells, state.sources, measure),
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
  scale: number
): ExpenditureAmounts {
  const out = {};
  Object.defineProperty(out, STATE, { value: { cells, sources, scale, made: {} } });
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

function node(
  code: string,
  name: string,
  level: ClassifiedFigures["level"],
  cells: Float64Array,
  present: number,
  scale: number
): ClassifiedFigures {
  const bySource = {} as Record<FundSource, ExpenditureAmounts>;
  FUND_SOURCES.forEach((source, i) => {
    // A source no line of the node has is zero throughout: no sums to make.
    bySource[source] = present & (1 << i) ? amountsOfCells(cells, [i], scale) : { ...ZERO_AMOUNTS };
  });
  return {
    code,
    name,
    level,
    all: amountsOfCells(cells, ALL, scale),
    fiscal: amountsOfCells(cells, FISCAL, scale),
    unitFunds: amountsOfCells(cells, UNIT_FUNDS, scale),
    bySource,
  };
}

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

/** The classification tree over per-code blocks, as classify() in figures.ts builds it. */
function classifyBlocks(
  leaves: Map<string, Block>,
  lengths: readonly number[],
  catalog: Catalog,
  scale: number
): ClassifiedFigures[] {
  const total: Block = { cells: new Float64Array(CELLS), present: 0 };
  const nodes = new Map<string, { level: CodeLevel; block: Block }>();
  for (const [code, leaf] of leaves) {
    addBlock(total, leaf);
    lengths.forEach((n, i) => {
      if (n > code.length) return;
      const prefix = code.slice(0, n);
      let entry = nodes.get(prefix);
      if (!entry) {
        entry = {
          level: (i + 1) as CodeLevel,
          block: { cells: new Float64Array(CELLS), present: 0 },
        };
        nodes.set(prefix, entry);
      }
      addBlock(entry.block, leaf);
    });
  }
  const codes = [...nodes.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    node("", "合计", 0, total.cells, total.present, scale),
    ...codes.map((code) => {
      const { level, block } = nodes.get(code)!;
      return node(code, catalog.name(code) ?? "", level, block.cells, block.present, scale);
    }),
  ];
}

function threePublicOf(economic: Map<string, Block>, scale: number): ThreePublicFigures {
  const item = (codes: readonly string[]): Float64Array => {
    const sums = new Float64Array(FISCAL.length);
    for (const code of codes) {
      const block = economic.get(code);
      if (block) FISCAL.forEach((s, i) => (sums[i] += unitsOfMeasure(block.cells, [s], "total")));
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

interface ProjectBlock extends Block {
  name: string;
  code?: string;
  functionCodes: Set<string>;
  economicCodes: Set<string>;
}

/** The integer amounts of the lines at a common scale; undefined when Decimals are needed. */
function lineUnits(
  lines: readonly FigureLine[]
): { units: Float64Array; scale: number } | undefined {
  const parts: Decomposed[] = new Array(lines.length);
  let scale = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // A kind or source outside the vocabulary has no cell: the Decimal path handles it as it can.
    if (KIND_INDEX[line.kind] === undefined || !SOURCE_INDEX.has(line.source)) return undefined;
    const p = decompose(line.amount);
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
  // Every partial sum of any subset is at most Σ|u|: below 2^52 they are all exact integers.
  return magnitude < SAFE_UNITS_MAGNITUDE ? { units, scale } : undefined;
}

export function aggregateFiguresInUnits(
  lines: readonly FigureLine[],
  options: { unitNature?: UnitNature; catalog?: Catalog } = {}
): BudgetFigures | undefined {
  const exact = lineUnits(lines);
  if (!exact) return undefined;
  const { units, scale } = exact;
  const catalog = options.catalog ?? Catalog.standard();
  const byFunctionCode = new Map<string, Block>();
  const byEconomicCode = new Map<string, Block>();
  const projectBlocks = new Map<string, ProjectBlock>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const cell = cellOf(line);
    const bit = 1 << SOURCE_INDEX.get(line.source)!;
    const u = units[i];
    const fn = blockFor(byFunctionCode, line.functionCode);
    fn.cells[cell] += u;
    fn.present |= bit;
    if (line.economicCode !== undefined) {
      const ec = blockFor(byEconomicCode, line.economicCode);
      ec.cells[cell] += u;
      ec.present |= bit;
    }
    if (line.kind === "项目支出" && line.projectName !== undefined) {
      const key = line.projectCode ?? line.projectName;
      let project = projectBlocks.get(key);
      if (!project) {
        project = {
          cells: new Float64Array(CELLS),
          present: 0,
          name: line.projectName,
          functionCodes: new Set(),
          economicCodes: new Set(),
        };
        if (line.projectCode !== undefined) project.code = line.projectCode;
        projectBlocks.set(key, project);
      }
      project.cells[cell] += u;
      project.present |= bit;
      project.functionCodes.add(line.functionCode);
      if (line.economicCode) project.economicCodes.add(line.economicCode);
    }
  }
  const byFunction = classifyBlocks(byFunctionCode, [3, 5, 7], catalog, scale);
  const byEconomic = classifyBlocks(byEconomicCode, [3, 5], catalog, scale);
  const projects: ProjectFigures[] = [...projectBlocks].map(([key, block]) => {
    const bySource: Partial<Record<FundSource, ExpenditureAmounts>> = {};
    FUND_SOURCES.forEach((source, i) => {
      if (block.present & (1 << i)) bySource[source] = amountsOfCells(block.cells, [i], scale);
    });
    const project: ProjectFigures = {
      key,
      name: block.name,
      functionCodes: [...block.functionCodes].sort(),
      economicCodes: [...block.economicCodes].sort(),
      amounts: amountsOfCells(block.cells, ALL, scale),
      bySource,
    };
    if (block.code !== undefined) project.code = block.code;
    return project;
  });
  const grand = byFunction[0];
  const figures: BudgetFigures = {
    unit: "万元",
    lines: lines.slice(),
    byFunction,
    byEconomic,
    threePublic: threePublicOf(byEconomicCode, scale),
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
  };
  if (options.unitNature !== undefined) figures.unitNature = options.unitNature;
  if (options.unitNature === "行政" || options.unitNature === "参公") {
    figures.agencyOperating = grand.bySource["一般公共预算"].publicUse;
  }
  return figures;
}
