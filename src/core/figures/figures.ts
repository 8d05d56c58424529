/**
 * The figures every standard table needs, aggregated exactly from ledger lines. Nothing here rounds:
 * amounts are converted to 万元 exactly (元 ÷ 10000) and summed as Decimals; the table renderer
 * decides how to round (see format/buildSheets.ts).
 */
import { Catalog } from "../codes";
import type { CodeLevel } from "../codes";
import { Money, ZERO } from "../money";
import type { ExpenditureKind, FiscalSource, FundSource, UnitNature } from "../model";
import { FISCAL_SOURCES, FUND_SOURCES, UNIT_FUND_SOURCES } from "../model";

/** One ledger line reduced to what the aggregates need, its amount in 万元. */
export interface FigureLine {
  functionCode: string;
  economicCode?: string;
  kind: ExpenditureKind;
  source: FundSource;
  carryover: boolean;
  projectName?: string;
  projectCode?: string;
  /** 万元, exact (not rounded). */
  amount: Money;
}

/** The amounts of one slice of spending (a code, a source, a project). */
export interface ExpenditureAmounts {
  /** 合计: everything spent, this year's money and last year's carry-over alike. */
  total: Money;
  /** 基本支出 = 人员经费 + 公用经费: keeping the organisation running. */
  basic: Money;
  /** 人员经费: salaries, social insurance, pensions (301/303 by convention). */
  personnel: Money;
  /** 公用经费: running costs (302 by convention). */
  publicUse: Money;
  /** 项目支出: money tied to a named project. */
  project: Money;
  /** 本年: financed by this year's income, what the 收入总表 lists as 本年收入. */
  current: Money;
  /** 上年结转: financed by last year's unspent money, listed apart from this year's income. */
  carryover: Money;
}

export type AmountGroup = "all" | "fiscal" | "unitFunds" | FundSource;

/** A node of a classification tree (or the grand total) with its amounts by source. */
export interface ClassifiedFigures {
  /** "" for the grand total. */
  code: string;
  name: string;
  /** 0 = 合计, 1 = 类, 2 = 款, 3 = 项. */
  level: 0 | CodeLevel;
  /** Every source. */
  all: ExpenditureAmounts;
  /** 财政拨款: 一般公共预算 + 政府性基金 + 国有资本经营, the money the fiscal tables report. */
  fiscal: ExpenditureAmounts;
  /** 单位资金 and its parts: money the unit raises itself. */
  unitFunds: ExpenditureAmounts;
  bySource: Record<FundSource, ExpenditureAmounts>;
}

/** One 三公 item, financed by 财政拨款 only (the table's columns are the three fiscal sources). */
export interface ThreePublicItem {
  total: Money;
  bySource: Record<FiscalSource, Money>;
}

export interface ThreePublicFigures {
  /** 因公出国（境）费 = 30212 因公出国（境）费用. */
  abroad: ThreePublicItem;
  /** 公务用车购置费 = 31013 (and 30913 in the 基本建设 class): buying vehicles is capital spending. */
  vehiclePurchase: ThreePublicItem;
  /** 公务用车运行维护费 = 30231: fuel, repairs, insurance of official cars. */
  vehicleOperation: ThreePublicItem;
  /** 公务用车购置及运维费 = purchase + operation, the table's second item. */
  vehicle: ThreePublicItem;
  /** 公务接待费 = 30217. */
  reception: ThreePublicItem;
  /** “三公”经费 = 因公出国 + 公务用车 + 公务接待. */
  total: ThreePublicItem;
}

export interface ProjectFigures {
  /** 项目编码 when the ledger gives one, else the name: projects are told apart by it. */
  key: string;
  name: string;
  code?: string;
  /** 功能 项 codes the project is booked under, in code order. */
  functionCodes: string[];
  /** 经济 款 codes of its lines, in code order. */
  economicCodes: string[];
  amounts: ExpenditureAmounts;
  bySource: Partial<Record<FundSource, ExpenditureAmounts>>;
}

export interface IncomeFigures {
  /** 本年收入 by source: what this year's budget brings in (= spent from this year's money). */
  currentBySource: Record<FundSource, Money>;
  /** 本年收入合计. */
  current: Money;
  /** 财政拨款 this year: the 本年收入合计 of the 财政拨款收支总表. */
  fiscalCurrent: Money;
  /** 单位资金 this year (事业收入 … 其他收入 and unspecified 单位资金): one line in 收支总表. */
  unitFundsCurrent: Money;
  /** 上年结转 by source: last year's money spent this year. */
  carryoverBySource: Record<FundSource, Money>;
  /** 上年结转结余 (all sources). */
  carryover: Money;
  /** 年初财政拨款结转和结余: the fiscal part of the carry-over. */
  fiscalCarryover: Money;
  /** 收入总计 = 本年收入合计 + 上年结转. */
  total: Money;
}

export interface ExpenditureFigures {
  /** 本年支出合计: a budget plans to spend everything it has, carry-over included. */
  current: Money;
  basic: Money;
  personnel: Money;
  publicUse: Money;
  project: Money;
  /** 年终结转结余: a ledger plans no money left at year end, so zero. */
  yearEndCarryover: Money;
  /** 支出总计 = 本年支出合计 + 年终结转结余, which balances 收入总计. */
  total: Money;
}

export interface BudgetFigures {
  unit: "万元";
  /** The lines the figures were aggregated from, in 万元: the renderer re-aggregates rounded copies. */
  lines: FigureLine[];
  unitNature?: UnitNature;
  /** 合计 first, then every 功能 类/款/项 that has a line, in code order (类 → its 款 → their 项). */
  byFunction: ClassifiedFigures[];
  /** Same, by 部门经济 类/款, over the lines that carry an economic code (all 基本支出 lines do). */
  byEconomic: ClassifiedFigures[];
  threePublic: ThreePublicFigures;
  /** 机关运行经费 = 一般公共预算 基本支出 公用经费; only 行政 and 参公 units publish it, else undefined. */
  agencyOperating?: Money;
  /** In the order the ledger first mentions them. */
  projects: ProjectFigures[];
  income: IncomeFigures;
  expenditure: ExpenditureFigures;
}

function emptyAmounts(): ExpenditureAmounts {
  return {
    total: ZERO,
    basic: ZERO,
    personnel: ZERO,
    publicUse: ZERO,
    project: ZERO,
    current: ZERO,
    carryover: ZERO,
  };
}

function addTo(target: ExpenditureAmounts, line: FigureLine): void {
  const a = line.amount;
  target.total = target.total.plus(a);
  if (line.kind === "项目支出") target.project = target.project.plus(a);
  else {
    target.basic = target.basic.plus(a);
    if (line.kind === "人员经费") target.personnel = target.personnel.plus(a);
    else target.publicUse = target.publicUse.plus(a);
  }
  if (line.carryover) target.carryover = target.carryover.plus(a);
  else target.current = target.current.plus(a);
}

function bySourceRecord<T>(make: () => T): Record<FundSource, T> {
  return Object.fromEntries(FUND_SOURCES.map((s) => [s, make()])) as Record<FundSource, T>;
}

const FISCAL = new Set<FundSource>(FISCAL_SOURCES);
const UNIT_FUNDS = new Set<FundSource>(UNIT_FUND_SOURCES);

function newNode(code: string, name: string, level: ClassifiedFigures["level"]): ClassifiedFigures {
  return {
    code,
    name,
    level,
    all: emptyAmounts(),
    fiscal: emptyAmounts(),
    unitFunds: emptyAmounts(),
    bySource: bySourceRecord(emptyAmounts),
  };
}

function addToNode(node: ClassifiedFigures, line: FigureLine): void {
  addTo(node.all, line);
  addTo(node.bySource[line.source], line);
  if (FISCAL.has(line.source)) addTo(node.fiscal, line);
  if (UNIT_FUNDS.has(line.source)) addTo(node.unitFunds, line);
}

/** 类/款(/项) prefixes of a code, by the code lengths of its system. */
function prefixes(code: string, lengths: readonly number[]): string[] {
  return lengths.filter((n) => n <= code.length).map((n) => code.slice(0, n));
}

/** Exact sums per node of a classification tree; the grand total first, then codes in pre-order. */
function classify(
  lines: readonly FigureLine[],
  codeOf: (line: FigureLine) => string | undefined,
  lengths: readonly number[],
  catalog: Catalog
): ClassifiedFigures[] {
  const total = newNode("", "合计", 0);
  const nodes = new Map<string, ClassifiedFigures>();
  for (const line of lines) {
    const code = codeOf(line);
    if (code === undefined) continue;
    addToNode(total, line);
    prefixes(code, lengths).forEach((prefix, i) => {
      let node = nodes.get(prefix);
      if (!node) {
        node = newNode(prefix, catalog.name(prefix) ?? "", (i + 1) as CodeLevel);
        nodes.set(prefix, node);
      }
      addToNode(node, line);
    });
  }
  // Lexicographic order of prefix codes is the tree's pre-order (201, 20132, 2013201, …, 206 …).
  return [
    total,
    ...[...nodes.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
  ];
}

function zeroFiscal(): Record<FiscalSource, Money> {
  return { 一般公共预算: ZERO, 政府性基金: ZERO, 国有资本经营: ZERO };
}

function threePublicItem(lines: readonly FigureLine[], codes: readonly string[]): ThreePublicItem {
  const bySource = zeroFiscal();
  for (const line of lines) {
    if (!line.economicCode || !codes.includes(line.economicCode) || !FISCAL.has(line.source))
      continue;
    const source = line.source as FiscalSource;
    bySource[source] = bySource[source].plus(line.amount);
  }
  return { total: sumFiscal(bySource), bySource };
}

function sumFiscal(bySource: Record<FiscalSource, Money>): Money {
  return FISCAL_SOURCES.reduce((sum, s) => sum.plus(bySource[s]), ZERO);
}

function combine(...items: ThreePublicItem[]): ThreePublicItem {
  const bySource = zeroFiscal();
  for (const item of items)
    for (const s of FISCAL_SOURCES) bySource[s] = bySource[s].plus(item.bySource[s]);
  return { total: sumFiscal(bySource), bySource };
}

/**
 * The 三公 economic codes. Spending on them counts wherever it is booked — 基本支出 or a project —
 * because the 三公 table reports what is spent on travel, cars and receptions, not how it is budgeted.
 */
export const THREE_PUBLIC_CODES = {
  abroad: ["30212"],
  vehiclePurchase: ["31013", "30913"],
  vehicleOperation: ["30231"],
  reception: ["30217"],
} as const;

function threePublic(lines: readonly FigureLine[]): ThreePublicFigures {
  const abroad = threePublicItem(lines, THREE_PUBLIC_CODES.abroad);
  const vehiclePurchase = threePublicItem(lines, THREE_PUBLIC_CODES.vehiclePurchase);
  const vehicleOperation = threePublicItem(lines, THREE_PUBLIC_CODES.vehicleOperation);
  const reception = threePublicItem(lines, THREE_PUBLIC_CODES.reception);
  const vehicle = combine(vehiclePurchase, vehicleOperation);
  return {
    abroad,
    vehiclePurchase,
    vehicleOperation,
    vehicle,
    reception,
    total: combine(abroad, vehicle, reception),
  };
}

function projects(lines: readonly FigureLine[]): ProjectFigures[] {
  const byKey = new Map<string, ProjectFigures>();
  for (const line of lines) {
    if (line.kind !== "项目支出" || line.projectName === undefined) continue;
    const key = line.projectCode ?? line.projectName;
    let project = byKey.get(key);
    if (!project) {
      project = {
        key,
        name: line.projectName,
        functionCodes: [],
        economicCodes: [],
        amounts: emptyAmounts(),
        bySource: {},
      };
      if (line.projectCode !== undefined) project.code = line.projectCode;
      byKey.set(key, project);
    }
    addTo(project.amounts, line);
    addTo((project.bySource[line.source] ??= emptyAmounts()), line);
    if (!project.functionCodes.includes(line.functionCode))
      project.functionCodes.push(line.functionCode);
    if (line.economicCode && !project.economicCodes.includes(line.economicCode))
      project.economicCodes.push(line.economicCode);
  }
  for (const project of byKey.values()) {
    project.functionCodes.sort();
    project.economicCodes.sort();
  }
  return [...byKey.values()];
}

/** The 收入 side of a 合计 node: this year's money and the carry-over, by source. */
export function incomeFigures(total: ClassifiedFigures): IncomeFigures {
  const currentBySource = bySourceRecord(() => ZERO);
  const carryoverBySource = bySourceRecord(() => ZERO);
  for (const source of FUND_SOURCES) {
    currentBySource[source] = total.bySource[source].current;
    carryoverBySource[source] = total.bySource[source].carryover;
  }
  return {
    currentBySource,
    current: total.all.current,
    fiscalCurrent: total.fiscal.current,
    unitFundsCurrent: total.unitFunds.current,
    carryoverBySource,
    carryover: total.all.carryover,
    fiscalCarryover: total.fiscal.carryover,
    total: total.all.current.plus(total.all.carryover),
  };
}

/** The reference aggregation: every sum a Decimal. Slower; the fallback and the tests' yardstick. */
export function aggregateFiguresDecimal(
  lines: readonly FigureLine[],
  options: { unitNature?: UnitNature; catalog?: Catalog } = {}
): BudgetFigures {
  const catalog = options.catalog ?? Catalog.standard();
  const byFunction = classify(lines, (l) => l.functionCode, [3, 5, 7], catalog);
  const byEconomic = classify(lines, (l) => l.economicCode, [3, 5], catalog);
  const grand = byFunction[0];
  const figures: BudgetFigures = {
    unit: "万元",
    lines: lines.slice(),
    byFunction,
    byEconomic,
    threePublic: threePublic(lines),
    projects: projects(lines),
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

/** A node's amounts for one group of sources: every source, 财政拨款, 单位资金, or one source. */
export function amountsOf(node: ClassifiedFigures, group: AmountGroup): ExpenditureAmounts {
  if (group === "all" || group === "fiscal" || group === "unitFunds") return node[group];
  return node.bySource[group];
}
