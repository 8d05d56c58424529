/**
 * Rebuilds a department's figures from its published tables, so that a workbook published in one
 * layout can be laid out in another (a Hebei workbook in the Shanxi layout, say).
 *
 * The figures are budget lines again — 功能 项 × source × this year / carried over × 基本/项目, the
 * basic ones split by 经济 款 into 人员经费 and 公用经费, the project ones by project — such that the
 * standard tables drawn from them show the published figures. Published figures are already rounded
 * and are kept as they are: every line is a published amount or a part of one, to the cent, so the
 * controlled rounding of buildSheets leaves them unchanged.
 *
 * Where published tables disagree, the more detailed figure wins and a finding says so:
 * - a 类 or 款 (or 合计) that is not the sum of its 项 is replaced by that sum: lines are built from
 *   the 项 rows only, every parent is derived;
 * - a 项目支出表's 合计 that is not the sum of its projects likewise;
 * - the 功能 项 rows (收入总表, 支出总表) win over the project rows and the 经济 款 rows when those
 *   add up to a different total: they are what 收入总计 = 支出总计 rests on. The gap goes to the
 *   largest project (or 款) of the 项 that is short, and a finding names it.
 * Everything that changes a published figure is reported as `figures.changed`, cell by cell.
 */
import { Catalog } from "../codes";
import type { Finding } from "../finding";
import type { FigureLine } from "./figures";
import { aggregateFigures } from "./aggregate";
import type { BudgetFigures } from "./figures";
import { FISCAL_SOURCES, FUND_SOURCES, UNIT_FUND_SOURCES } from "../model";
import type { LedgerDepartment } from "../ledger/readLedger";
import type { ExpenditureKind, FundSource, UnitNature } from "../model";
import { formatAmount } from "../messages/amounts";
import { Money, ZERO, convertUnit, sumMoney } from "../money";
import { readGoalForms } from "../read/goals";
import { currentColumn } from "../read/table";
import type { TableRow, TableSide } from "../read/table";
import { compactText } from "../read/text";
import type { TableKind } from "../read/tableKinds";
import { RecognizedTable, WorkbookModel, readWorkbook } from "../read/workbook";
import { detectTemplate } from "../templates/detect";
import { readSangong } from "../read/sangongTable";
import type { SangongItem } from "../read/sangongTable";
import { buildSheets } from "../format/buildSheets";
import { specToGrid } from "../format/specToGrid";

export interface FiguresFromModelOptions {
  catalog?: Catalog;
  /** 行政 / 参公 / 事业, when known: decides whether 机关运行经费 is published. */
  unitNature?: UnitNature;
}

/**
 * A figure of the workbook that its disclosure prints differently: the published tables disagreed
 * and the more detailed figure won, or a difference was given to a project (see the file's head).
 */
export interface FigureChange {
  sheet: string;
  /** The published cell, A1. */
  cell: string;
  /** The row: “201 一般公共服务支出”, a project's name. */
  label: string;
  /** The column: “合计”, “基本支出”. */
  caption: string;
  /** 万元 as published. */
  before: Money;
  /** 万元 as the disclosure prints it. */
  after: Money;
  /** Off by no more than a rounding difference (0.01); a larger change blocks the export. */
  withinRounding: boolean;
}

/** The largest change that rounding explains: one unit of the last place. */
export const ROUNDING_CHANGE = new Money("0.01");

export interface FiguresFromModelResult {
  figures?: BudgetFigures;
  /** Department, code and year as the tables name them. */
  department?: LedgerDepartment;
  findings: Finding[];
  /** Every published figure the rebuilt figures print differently, in workbook order. */
  changes: FigureChange[];
}

type Scope = "current" | "carryover";
type Kind = "basic" | "project";

const RULE = {
  noTables: "figures.no-function-table",
  mismatch: "figures.tables-disagree",
  dropped: "figures.dropped-column",
  unclassified: "figures.basic-unclassified",
  projectsAdjusted: "figures.projects-adjusted",
  projectUnmatched: "figures.project-unmatched",
  projectsNamed: "figures.projects-named",
  threePublic: "figures.three-public",
} as const;

/** A finding's expected/actual: the plain decimal (a value, not text). */
const fmt = (value: Money) => value.toFixed(2);
/** An amount in a finding's message: the one clerk-facing format. */
const show = (value: Money) => formatAmount(value);

// ---------------------------------------------------------------------------------------------
// Reading tables

function firstOf(model: WorkbookModel, kind: TableKind): RecognizedTable | undefined {
  return model.tables.find((t) => t.kind === kind);
}

/** The side listing 功能 codes (the expenditure side of a two-sided 国有资本经营 table). */
function functionSide(table: RecognizedTable | undefined): TableSide | undefined {
  if (!table) return undefined;
  const sides = table.table.sides;
  return sides.find((s) => s.codeSystem === "function") ?? sides[sides.length - 1];
}

/** Coded rows that have no listed descendant, by code (rows of the same code added up). */
function leafRows(side: TableSide | undefined): Map<string, TableRow[]> {
  const leaves = new Map<string, TableRow[]>();
  if (!side) return leaves;
  const coded = side.rows.filter((row) => row.role === "item" && row.code);
  const codes = new Set(coded.map((row) => row.code!));
  for (const row of coded) {
    const code = row.code!;
    if ([...codes].some((other) => other !== code && other.startsWith(code))) continue;
    leaves.set(code, [...(leaves.get(code) ?? []), row]);
  }
  return leaves;
}

function column(side: TableSide, pattern: RegExp): number {
  // A 合计 or 基本支出 under last year's heading is not this year's.
  return currentColumn(side, pattern);
}

function cellSum(rows: readonly TableRow[] | undefined, index: number): Money {
  if (!rows || index < 0) return ZERO;
  return sumMoney(rows.map((row) => row.cells[index]?.value ?? ZERO));
}

/** Which sources an income or project column holds, by its caption. */
function sourcesOfCaption(caption: string): readonly FundSource[] | "fiscal" | undefined {
  if (/财政拨款/.test(caption) && !/一般公共预算|政府性基金|国有资本/.test(caption))
    return "fiscal";
  if (/一般公共预算/.test(caption)) return ["一般公共预算"];
  if (/政府性基金|基金预算/.test(caption)) return ["政府性基金"];
  if (/国有资本经营/.test(caption)) return ["国有资本经营"];
  if (/财政专户/.test(caption)) return ["财政专户"];
  if (/事业收入/.test(caption)) return ["事业收入"];
  if (/经营收入/.test(caption)) return ["经营收入"];
  if (/上级补助/.test(caption)) return ["上级补助收入"];
  if (/附属单位/.test(caption)) return ["附属单位上缴收入"];
  if (/其他收入/.test(caption)) return ["其他收入"];
  if (/单位资金/.test(caption)) return UNIT_FUND_SOURCES;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Allocation: splitting published totals over published parts, to the cent

interface Portion {
  from: number;
  to: number;
  amount: Money;
}

/**
 * Splits supplies over demands with the same total: first every supply that equals a demand is
 * matched whole, then the rest goes in order (north-west corner). Amounts are at 0.01, so every
 * portion is a published figure or a part of one.
 */
function allocate(supply: readonly Money[], demand: readonly Money[]): Portion[] {
  const portions: Portion[] = [];
  const s = supply.slice();
  const d = demand.slice();
  for (let i = 0; i < s.length; i++) {
    if (s[i].isZero()) continue;
    const j = d.findIndex((value) => value.equals(s[i]));
    if (j < 0) continue;
    portions.push({ from: i, to: j, amount: s[i] });
    s[i] = ZERO;
    d[j] = ZERO;
  }
  let j = 0;
  for (let i = 0; i < s.length; i++) {
    while (s[i].greaterThan(0) && j < d.length) {
      if (d[j].lessThanOrEqualTo(0)) {
        j++;
        continue;
      }
      const amount = Money.min(s[i], d[j]);
      portions.push({ from: i, to: j, amount });
      s[i] = s[i].minus(amount);
      d[j] = d[j].minus(amount);
    }
  }
  return portions;
}

const cents = (value: Money) => value.times(100).round().toNumber();

/** A subset of `values` (indexes) adding up to `target` exactly, or undefined; bounded effort. */
function exactSubset(values: readonly Money[], target: Money): number[] | undefined {
  const goal = cents(target);
  const items = values.map(cents);
  if (goal <= 0 || items.length * goal > 20_000_000) return undefined;
  const from = new Int32Array(goal + 1).fill(-1);
  const reached = new Uint8Array(goal + 1);
  reached[0] = 1;
  items.forEach((value, i) => {
    if (value <= 0) return;
    for (let sum = goal; sum >= value; sum--) {
      if (!reached[sum] && reached[sum - value]) {
        reached[sum] = 1;
        from[sum] = i;
      }
    }
  });
  if (!reached[goal]) return undefined;
  const picked: number[] = [];
  for (let sum = goal; sum > 0; sum -= items[from[sum]]) picked.push(from[sum]);
  return picked;
}

// ---------------------------------------------------------------------------------------------
// The lines of one 项

type Cells = Record<FundSource, Record<Scope, Record<Kind, Money>>>;

function emptyCells(): Cells {
  return Object.fromEntries(
    FUND_SOURCES.map((s) => [
      s,
      {
        current: { basic: ZERO, project: ZERO },
        carryover: { basic: ZERO, project: ZERO },
      },
    ])
  ) as Cells;
}

interface Detail {
  basic: Money;
  project: Money;
  /** The table lists this year's money only (不含上年结转). */
  scope: "current" | "all";
}

interface LeafFacts {
  code: string;
  expenditure?: { basic: Money; project: Money };
  income?: { current: Map<FundSource | "fiscal", Money>; carryover: Money };
  details: Partial<Record<FundSource, Detail>>;
}

/** Collects findings; `cell` may name its sheet (`收入总表!I7`). */
interface Reader {
  note(finding: Omit<Finding, "severity"> & { severity?: Finding["severity"] }): void;
}

type SourceAmounts = Map<FundSource, Record<Scope, Money>>;

function addTo(amounts: SourceAmounts, s: FundSource, scope: Scope, value: Money): void {
  if (value.isZero()) return;
  const entry = amounts.get(s) ?? { current: ZERO, carryover: ZERO };
  entry[scope] = entry[scope].plus(value);
  amounts.set(s, entry);
}

/**
 * This year's money of one 项 by source, and the carried-over money whose source the tables tell
 * (an appropriation table that includes 上年结转 holds it beyond this year's money); `unplaced` is
 * the carry-over whose source only the 财政拨款收支总表 can tell.
 */
function knownAmounts(facts: LeafFacts): { amounts: SourceAmounts; unplaced: Money } {
  const amounts: SourceAmounts = new Map();
  const details = facts.details;
  const income = facts.income;
  if (income) {
    for (const [source, value] of income.current) {
      if (source !== "fiscal") {
        addTo(amounts, source, "current", value);
        continue;
      }
      // A 财政拨款 lump (Hebei 收入总表) splits by what the appropriation tables hold.
      let left = value;
      for (const s of FISCAL_SOURCES) {
        const d = details[s];
        if (!d) continue;
        const part = Money.min(left, d.basic.plus(d.project));
        addTo(amounts, s, "current", part);
        left = left.minus(part);
      }
      addTo(amounts, "一般公共预算", "current", left);
    }
  } else {
    for (const s of FISCAL_SOURCES) {
      const d = details[s];
      if (d) addTo(amounts, s, "current", d.basic.plus(d.project));
    }
  }
  let unplaced = income?.carryover ?? ZERO;
  const allKnown = FISCAL_SOURCES.every((s) => details[s]?.scope === "all");
  for (const s of FISCAL_SOURCES) {
    const d = details[s];
    if (!d || d.scope !== "all") continue;
    const current = amounts.get(s)?.current ?? ZERO;
    const part = Money.min(unplaced, Money.max(ZERO, d.basic.plus(d.project).minus(current)));
    addTo(amounts, s, "carryover", part);
    unplaced = unplaced.minus(part);
  }
  // Every appropriation table includes 上年结转 and none holds the rest: it is not 财政拨款.
  if (allKnown) {
    addTo(amounts, "单位资金", "carryover", unplaced);
    unplaced = ZERO;
  }
  return { amounts, unplaced };
}

/**
 * The carry-over by source of each 类 that the 财政拨款收支总表 implies: its 类 row by source,
 * less what the 项 of that 类 are known to hold; what is left of a 类's carry-over is not 财政拨款.
 */
function classCarryoverPools(
  model: WorkbookModel,
  known: Map<string, { amounts: SourceAmounts; unplaced: Money }>
): Map<string, Map<FundSource, Money>> | undefined {
  const fiscal = firstOf(model, "财政拨款收支总表");
  const side = fiscal?.table.sides[fiscal.table.sides.length - 1];
  if (!side || fiscal!.table.sides.length < 2) return undefined;
  const columns = FISCAL_SOURCES.map((s) => ({
    s,
    i: side.captions.findIndex((caption) => sourcesOfCaption(caption)?.[0] === s),
  }));
  const pools = new Map<string, Map<FundSource, Money>>();
  // Money carried over that is not 财政拨款: all of it less the 年初财政拨款结转 the table states. A 类
  // row a cent off its 项 must not invent some.
  const carryRow = fiscal!.table.sides[0].rows.find(
    (row) => row.role === "balance" && /结转/.test(row.label)
  );
  const allCarry = sumMoney(
    [...known.values()].flatMap((k) => [
      k.unplaced,
      ...[...k.amounts.values()].map((entry) => entry.carryover),
    ])
  );
  let notFiscal = carryRow
    ? Money.max(ZERO, allCarry.minus(carryRow.cells[0]?.value ?? ZERO))
    : undefined;
  const classes = new Set([...known.keys()].map((code) => code.slice(0, 3)));
  for (const cls of classes) {
    const row = side.rows.find((r) => r.role === "item" && r.code === cls);
    const members = [...known].filter(([code]) => code.startsWith(cls)).map(([, k]) => k);
    const unplaced = sumMoney(members.map((m) => m.unplaced));
    if (unplaced.isZero()) continue;
    const pool = new Map<FundSource, Money>();
    for (const { s, i } of columns) {
      if (i < 0 || !row) continue;
      const held = sumMoney(
        members.flatMap((m) => {
          const entry = m.amounts.get(s);
          return entry ? [entry.current, entry.carryover] : [];
        })
      );
      const rest = (row.cells[i]?.value ?? ZERO).minus(held);
      if (rest.greaterThan(0)) pool.set(s, rest);
    }
    const fiscalRest = sumMoney(pool.values());
    if (unplaced.greaterThan(fiscalRest)) {
      const rest = notFiscal
        ? Money.min(notFiscal, unplaced.minus(fiscalRest))
        : unplaced.minus(fiscalRest);
      if (notFiscal) notFiscal = notFiscal.minus(rest);
      if (rest.greaterThan(0)) pool.set("单位资金", rest);
    }
    pools.set(cls, pool);
  }
  return pools;
}

/**
 * The unplaced carry-over of the 项 of one 类 over the sources its pool holds: a 项 whose carry-over
 * equals what one source has left takes that source whole, the rest in order. Nothing tells the
 * source (or the pool is short): 一般公共预算, the usual source, takes it.
 */
function placeCarryover(
  members: readonly { code: string; unplaced: Money }[],
  pool: Map<FundSource, Money> | undefined
): Map<string, [FundSource, Money][]> {
  const placed = new Map<string, [FundSource, Money][]>(members.map((m) => [m.code, []]));
  const sources = [...(pool ?? new Map<FundSource, Money>())];
  const left = members.map((m) => m.unplaced);
  for (const portion of allocate(
    members.map((m) => m.unplaced),
    sources.map(([, amount]) => amount)
  )) {
    placed.get(members[portion.from].code)!.push([sources[portion.to][0], portion.amount]);
    left[portion.from] = left[portion.from].minus(portion.amount);
  }
  members.forEach((m, i) => {
    if (left[i].greaterThan(0)) placed.get(m.code)!.push(["一般公共预算", left[i]]);
  });
  return placed;
}

/** Source × this year / carried over × 基本 / 项目 of one 项, from what the tables say about it. */
function leafCells(facts: LeafFacts, amounts: SourceAmounts, reader: Reader): Cells {
  const cells = emptyCells();
  const details = facts.details;
  // 基本 / 项目: what the appropriation tables say per source, the rest by what the 支出总表 leaves.
  const spent = facts.expenditure;
  let basicLeft = spent?.basic;
  let projectLeft = spent?.project;
  const put = (s: FundSource, scope: Scope, kind: Kind, value: Money) => {
    if (value.isZero()) return;
    cells[s][scope][kind] = cells[s][scope][kind].plus(value);
    if (kind === "basic" && basicLeft) basicLeft = basicLeft.minus(value);
    if (kind === "project" && projectLeft) projectLeft = projectLeft.minus(value);
  };
  const rest: { s: FundSource; scope: Scope; value: Money }[] = [];
  for (const [s, entry] of amounts) {
    const d = details[s];
    if (d?.scope === "current") {
      const basic = Money.min(d.basic, entry.current);
      put(s, "current", "basic", basic);
      put(s, "current", "project", entry.current.minus(basic));
      rest.push({ s, scope: "carryover", value: entry.carryover });
    } else if (d?.scope === "all") {
      const carriedProject = Money.min(entry.carryover, d.project);
      put(s, "carryover", "project", carriedProject);
      put(s, "carryover", "basic", entry.carryover.minus(carriedProject));
      const basic = Money.min(
        entry.current,
        Money.max(ZERO, d.basic.minus(entry.carryover.minus(carriedProject)))
      );
      put(s, "current", "basic", basic);
      put(s, "current", "project", entry.current.minus(basic));
    } else {
      rest.push({ s, scope: "carryover", value: entry.carryover });
      rest.push({ s, scope: "current", value: entry.current });
    }
  }
  // Carried-over money is mostly project money; this year's money without a table of its own is
  // basic first, as far as the 支出总表 leaves room.
  rest.sort((a, b) => (a.scope === b.scope ? 0 : a.scope === "carryover" ? -1 : 1));
  for (const { s, scope, value } of rest) {
    if (value.isZero()) continue;
    const preferred: Kind = scope === "carryover" ? "project" : "basic";
    const room = preferred === "basic" ? basicLeft : projectLeft;
    const first = room === undefined ? value : Money.min(value, Money.max(ZERO, room));
    put(s, scope, preferred, first);
    put(s, scope, preferred === "basic" ? "project" : "basic", value.minus(first));
  }
  if (spent && ((basicLeft && !basicLeft.isZero()) || (projectLeft && !projectLeft.isZero()))) {
    reader.note({
      ruleId: RULE.mismatch,
      severity: "warning",
      message: `科目 ${facts.code} 的基本支出、项目支出无法与各财政拨款支出表一致拆分（支出总表基本支出 ${show(spent.basic)}、项目支出 ${show(spent.project)}），已按支出总表的合计拆分。`,
    });
  }
  return cells;
}

// ---------------------------------------------------------------------------------------------

interface Demand {
  name: string;
  code?: string;
  sources: readonly FundSource[];
  scopes: readonly Scope[];
  amount: Money;
  order: number;
  /** Where the figure was read, for findings. */
  at?: string;
}

interface ProjectCell {
  functionCode: string;
  source: FundSource;
  scope: Scope;
  amount: Money;
  left: Money;
}

function projectDemands(model: WorkbookModel, reader: Reader): Demand[] | undefined {
  const tables = model.tables.filter((t) => t.kind === "项目支出表");
  if (tables.length === 0) return undefined;
  const hasCarryTable = tables.some((t) => t.carryover === "only");
  const demands: Demand[] = [];
  for (const recognized of tables) {
    const side = recognized.table.sides[0];
    if (!side) continue;
    const carryColumn = column(side, /上年结转/);
    const scopes: readonly Scope[] =
      recognized.carryover === "only"
        ? ["carryover"]
        : hasCarryTable || carryColumn >= 0
          ? ["current"]
          : ["current", "carryover"];
    const sourceColumns = side.captions
      .map((caption, i) => ({ i, sources: sourcesOfCaption(caption) }))
      .filter((c) => c.i !== carryColumn && c.sources !== undefined);
    const totalColumn = column(side, /^合计$/);
    const seen = new Map<string, number>();
    for (const row of side.rows) {
      if (row.role !== "item" || row.label === "") continue;
      const at = `${recognized.table.sheet}!${row.address}`;
      // A list may name two projects alike (tunliu: the 中央 and the 省级 share of one grant): they
      // stay two projects, told apart by their place in the list.
      const n = (seen.get(row.label) ?? 0) + 1;
      seen.set(row.label, n);
      const code = n > 1 ? `${row.label}#${n}` : undefined;
      const push = (sources: readonly FundSource[], rowScopes: readonly Scope[], value: Money) => {
        if (value.isZero()) return;
        demands.push({
          name: row.label,
          ...(code ? { code } : {}),
          sources,
          scopes: rowScopes,
          amount: value,
          order: demands.length,
          at,
        });
      };
      if (sourceColumns.length === 0)
        push(FUND_SOURCES, scopes, row.cells[Math.max(0, totalColumn)].value);
      for (const { i, sources } of sourceColumns)
        push(sources === "fiscal" ? FISCAL_SOURCES : sources!, scopes, row.cells[i].value);
      if (carryColumn >= 0) push(FUND_SOURCES, ["carryover"], row.cells[carryColumn].value);
    }
  }
  if (demands.length === 0)
    reader.note({ ruleId: RULE.projectsNamed, message: "项目支出表中没有项目行。" });
  return demands;
}

/** 项目绩效目标表 name the projects when no 项目支出表 does; used only when they add up. */
function goalDemands(model: WorkbookModel, total: Money): Demand[] | undefined {
  const forms = readGoalForms(model).forms;
  if (forms.length === 0) return undefined;
  const demands = forms.map((form, order): Demand => ({
    name: form.projectName,
    ...(form.projectCode ? { code: form.projectCode } : {}),
    sources: FUND_SOURCES,
    scopes: ["current", "carryover"],
    amount: convertUnit(form.budget.value, form.unit, "万元"),
    order,
    at: `${form.sheet}!${form.budget.cell}`,
  }));
  if (demands.some((d) => d.amount.decimalPlaces() > 2)) return undefined;
  return sumMoney(demands.map((d) => d.amount)).equals(total) ? demands : undefined;
}

interface Assignment {
  cell: ProjectCell;
  demand: Demand;
  amount: Money;
}

/**
 * Projects onto the 项 × source cells of project money: a cell is filled by whole projects that add
 * up to it exactly where such a set exists (smallest cells first), the rest in order.
 */
function assignProjects(cells: ProjectCell[], demands: Demand[], reader: Reader): Assignment[] {
  const assignments: Assignment[] = [];
  const left = new Map(demands.map((d) => [d, d.amount]));
  const fits = (cell: ProjectCell, d: Demand) =>
    d.sources.includes(cell.source) && d.scopes.includes(cell.scope);
  // The most specific demands first: one source and one scope.
  const groups = new Map<string, Demand[]>();
  for (const d of demands) {
    const key = `${d.sources.join(",")}|${d.scopes.join(",")}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const ordered = [...groups.values()].sort(
    (a, b) => a[0].sources.length * a[0].scopes.length - b[0].sources.length * b[0].scopes.length
  );
  for (const group of ordered) {
    const eligible = cells.filter((c) => c.left.greaterThan(0) && fits(c, group[0]));
    const bySize = eligible.slice().sort((a, b) => a.left.comparedTo(b.left));
    for (const cell of bySize.slice(0, -1)) {
      const open = group.filter((d) => left.get(d)!.equals(d.amount) && d.amount.greaterThan(0));
      const subset = exactSubset(
        open.map((d) => d.amount),
        cell.left
      );
      if (!subset) continue;
      for (const i of subset) {
        const d = open[i];
        assignments.push({ cell, demand: d, amount: d.amount });
        left.set(d, ZERO);
        cell.left = cell.left.minus(d.amount);
      }
    }
    for (const d of group) {
      for (const cell of eligible) {
        const amount = Money.min(left.get(d)!, cell.left);
        if (amount.lessThanOrEqualTo(0)) continue;
        assignments.push({ cell, demand: d, amount });
        left.set(d, left.get(d)!.minus(amount));
        cell.left = cell.left.minus(amount);
      }
    }
  }
  for (const [d, amount] of left) {
    if (amount.isZero()) continue;
    // A row the tables' 项目支出 has no room for: another unit's subtotal read as a project, or a
    // project of another department. Publishing without it would change the figure: it blocks.
    reader.note({
      ruleId: RULE.projectUnmatched,
      severity: "error",
      cell: d.at,
      message: `项目“${d.name}”的 ${show(amount)} 万元在收入总表、支出总表的项目支出中找不到对应的科目（是否为其他单位的小计行或其他部门的项目？），无法计入本部门；请核对项目支出表。`,
      actual: fmt(d.amount),
      expected: fmt(d.amount.minus(amount)),
    });
  }
  // Project money of a 项 that the project rows leave over: the 项's largest project takes it.
  for (const cell of cells) {
    if (cell.left.isZero()) continue;
    const own = assignments.filter((a) => a.cell === cell);
    const largest = own.sort((a, b) => b.amount.comparedTo(a.amount))[0];
    if (largest) {
      reader.note({
        ruleId: RULE.projectsAdjusted,
        severity: cell.left.abs().lessThanOrEqualTo(new Money("0.01")) ? "info" : "warning",
        cell: largest.demand.at,
        message: `项目支出表各项目之和与收入总表、支出总表中科目 ${cell.functionCode} 的项目支出相差 ${show(cell.left)} 万元；按功能科目为准，差额计入该科目最大的项目“${largest.demand.name}”。`,
        actual: fmt(largest.demand.amount),
        expected: fmt(largest.demand.amount.plus(cell.left)),
      });
      largest.amount = largest.amount.plus(cell.left);
      cell.left = ZERO;
    }
  }
  return assignments;
}

// ---------------------------------------------------------------------------------------------

const THREE_PUBLIC_CODES: Partial<Record<SangongItem, string>> = {
  abroad: "30212",
  reception: "30217",
  operation: "30231",
  purchase: "31013",
};

/** 三公 spending beyond what the 基本支出表 books under its code is project spending on it. */
function threePublicLines(model: WorkbookModel, lines: FigureLine[], reader: Reader): FigureLine[] {
  const table = firstOf(model, "三公经费表");
  const view = table ? readSangong(table) : undefined;
  if (!view) return lines;
  const measureOf = (source: FundSource) => {
    const i = view.measures.findIndex(
      (m) =>
        (m.period === "amount" || m.period === "current") &&
        sourcesOfCaption(m.caption)?.[0] === source
    );
    if (i >= 0 || source !== "一般公共预算") return i;
    // Only a 合计 (the Ministry's table is 一般公共预算 alone): all of it is 一般公共预算.
    const only = view.measures.filter((m) => m.period === "amount" || m.period === "current");
    return only.length === 1 ||
      view.measures.every((m) => sourcesOfCaption(m.caption) === undefined)
      ? view.measures.findIndex((m) => m.period === "amount" || m.period === "current")
      : -1;
  };
  const out = lines.slice();
  const lineOf = (item: SangongItem) => view.lines.find((l) => l.item === item);
  for (const source of FISCAL_SOURCES) {
    const m = measureOf(source);
    if (m < 0) continue;
    const items: [SangongItem, Money][] = [];
    for (const item of ["abroad", "reception", "purchase", "operation"] as const) {
      const cell = lineOf(item)?.cells[m];
      if (cell) items.push([item, cell.value]);
    }
    if (!lineOf("purchase") && !lineOf("operation")) {
      const vehicle = lineOf("vehicle")?.cells[m];
      if (vehicle) items.push(["operation", vehicle.value]);
    }
    for (const [item, published] of items) {
      const code = THREE_PUBLIC_CODES[item]!;
      const booked = sumMoney(
        out.filter((l) => l.economicCode === code && l.source === source).map((l) => l.amount)
      );
      let extra = published.minus(booked);
      if (extra.lessThan(0)) {
        reader.note({
          ruleId: RULE.threePublic,
          severity: "warning",
          message: `“三公”经费中${source}的 ${code} 为 ${show(published)} 万元，小于基本支出表中该科目的 ${show(booked)} 万元；按基本支出表为准。`,
        });
        continue;
      }
      // Carved from the largest project lines of the source, this year's money first.
      const candidates = out
        .map((line, i) => ({ line, i }))
        .filter(
          ({ line }) => line.kind === "项目支出" && line.source === source && !line.economicCode
        )
        .sort(
          (a, b) =>
            Number(a.line.carryover) - Number(b.line.carryover) ||
            b.line.amount.comparedTo(a.line.amount)
        );
      for (const { line, i } of candidates) {
        if (extra.isZero()) break;
        const part = Money.min(extra, line.amount);
        out[i] = { ...line, amount: line.amount.minus(part) };
        out.push({ ...line, economicCode: code, amount: part });
        extra = extra.minus(part);
      }
      if (extra.greaterThan(0))
        reader.note({
          ruleId: RULE.threePublic,
          severity: "warning",
          message: `“三公”经费中${source}的 ${code} 比基本支出和项目支出能容纳的多 ${show(extra)} 万元，未计入。`,
        });
    }
  }
  return out.filter((line) => !line.amount.isZero());
}

// ---------------------------------------------------------------------------------------------

/** An appropriation table's 项 rows; a 项 it does not list holds none of its money. */
function detailOf(
  table: RecognizedTable | undefined
): { rows: Map<string, Detail>; scope: Detail["scope"] } | undefined {
  const side = functionSide(table);
  if (!table || !side) return undefined;
  const rows = new Map<string, Detail>();
  const basic = column(side, /基本支出/);
  const project = column(side, /项目支出/);
  const total = column(side, /合计|小计/);
  const scope = table.carryover === "excluded" ? "current" : "all";
  for (const [code, leaf] of leafRows(side)) {
    const b = basic >= 0 ? cellSum(leaf, basic) : ZERO;
    const p = project >= 0 ? cellSum(leaf, project) : cellSum(leaf, total).minus(b);
    rows.set(code, { basic: b, project: p, scope });
  }
  return { rows, scope };
}

function reportDropped(table: RecognizedTable | undefined, reader: Reader): void {
  const side = functionSide(table);
  if (!table || !side) return;
  side.captions.forEach((caption, i) => {
    if (!/经营支出|上缴上级|上解上级|对附属单位补助/.test(caption)) return;
    const cell = side.rows.find((row) => row.role === "item" && !row.cells[i].value.isZero())
      ?.cells[i];
    if (cell)
      reader.note({
        ruleId: RULE.dropped,
        severity: "warning",
        cell: `${table.table.sheet}!${cell.address}`,
        message: `${table.kind}的“${caption}”有金额，预算明细无法表示这类支出，改版时未计入。`,
      });
  });
}

/**
 * What the tables say about each 功能 项 (the codes no table lists anything below): 基本/项目 from
 * the 支出总表, sources and 上年结转 from the 收入总表, 基本/项目 per appropriation table.
 */
function leafFacts(model: WorkbookModel, reader: Reader): LeafFacts[] | undefined {
  const expenditureTable = firstOf(model, "支出总表");
  const incomeTable = firstOf(model, "收入总表");
  const generalTable = firstOf(model, "一般公共预算支出表");
  const fundTable = firstOf(model, "政府性基金支出表");
  const capitalTable = firstOf(model, "国有资本经营支出表");
  if (!expenditureTable && !incomeTable && !generalTable) {
    reader.note({
      ruleId: RULE.noTables,
      severity: "error",
      message: "没有找到按功能分类列示的支出总表、收入总表或一般公共预算支出表，无法重建预算数。",
    });
    return undefined;
  }
  reportDropped(expenditureTable, reader);

  const expenditureSide = functionSide(expenditureTable);
  const incomeSide = functionSide(incomeTable);
  const expenditureLeaves = leafRows(expenditureSide);
  const incomeLeaves = leafRows(incomeSide);
  const details: Partial<Record<FundSource, ReturnType<typeof detailOf>>> = {
    一般公共预算: detailOf(generalTable),
    政府性基金: detailOf(fundTable),
    国有资本经营: detailOf(capitalTable),
  };
  const codes = new Set([
    ...expenditureLeaves.keys(),
    ...incomeLeaves.keys(),
    ...Object.values(details).flatMap((d) => (d ? [...d.rows.keys()] : [])),
  ]);
  const leafCodes = [...codes]
    .filter((code) => ![...codes].some((other) => other !== code && other.startsWith(code)))
    .sort();

  const facts: LeafFacts[] = leafCodes.map((code) => {
    const fact: LeafFacts = { code, details: {} };
    if (expenditureSide) {
      const rows = expenditureLeaves.get(code);
      fact.expenditure = {
        basic: cellSum(rows, column(expenditureSide, /基本支出/)),
        project: cellSum(rows, column(expenditureSide, /项目支出/)),
      };
    }
    if (incomeSide) {
      const rows = incomeLeaves.get(code);
      const current = new Map<FundSource | "fiscal", Money>();
      let carryover = ZERO;
      incomeSide.captions.forEach((caption, i) => {
        if (/上年结转/.test(caption)) {
          carryover = carryover.plus(cellSum(rows, i));
          return;
        }
        const sources = sourcesOfCaption(caption);
        if (!sources) return;
        const key =
          sources === "fiscal" ? "fiscal" : sources.length === 1 ? sources[0] : "单位资金";
        const value = cellSum(rows, i);
        if (!value.isZero()) current.set(key, (current.get(key) ?? ZERO).plus(value));
      });
      fact.income = { current, carryover };
    }
    for (const s of FISCAL_SOURCES) {
      const table = details[s];
      if (table)
        fact.details[s] = table.rows.get(code) ?? {
          basic: ZERO,
          project: ZERO,
          scope: table.scope,
        };
    }
    // 收入总表 and 支出总表 must describe the same money; where they do not, the 支出总表 wins.
    if (fact.expenditure && fact.income) {
      const spent = fact.expenditure.basic.plus(fact.expenditure.project);
      const received = sumMoney(fact.income.current.values()).plus(fact.income.carryover);
      const gap = spent.minus(received);
      if (!gap.isZero()) {
        reader.note({
          ruleId: RULE.mismatch,
          severity: gap.abs().lessThanOrEqualTo(new Money("0.01")) ? "info" : "warning",
          cell: incomeLeaves.get(code)
            ? `${incomeTable!.table.sheet}!${incomeLeaves.get(code)![0].address}`
            : undefined,
          message: `科目 ${code}：收入总表合计 ${show(received)} 与支出总表合计 ${show(spent)} 不一致，按支出总表为准。`,
          expected: fmt(spent),
          actual: fmt(received),
        });
        const [key, value] =
          [...fact.income.current].sort((a, b) => b[1].comparedTo(a[1]))[0] ?? [];
        if (key !== undefined && value!.plus(gap).greaterThanOrEqualTo(0))
          fact.income.current.set(key, value!.plus(gap));
        else fact.income.carryover = Money.max(ZERO, fact.income.carryover.plus(gap));
      }
    }
    return fact;
  });
  return facts;
}

/**
 * Each 项's money by source, this year or carried over, 基本 or 项目: this year's money per 项, the
 * carry-over where the tables tell its source, the rest by 类 from the 财政拨款收支总表.
 */
function cellsOf(model: WorkbookModel, facts: LeafFacts[], reader: Reader): Map<string, Cells> {
  const leafCodes = facts.map((fact) => fact.code);
  const known = new Map(facts.map((fact) => [fact.code, knownAmounts(fact)]));
  const pools = classCarryoverPools(model, known);
  for (const cls of new Set(leafCodes.map((code) => code.slice(0, 3)))) {
    const members = leafCodes
      .filter((code) => code.startsWith(cls) && known.get(code)!.unplaced.greaterThan(0))
      .map((code) => ({ code, unplaced: known.get(code)!.unplaced }));
    for (const [code, parts] of placeCarryover(members, pools?.get(cls)))
      for (const [s, part] of parts) addTo(known.get(code)!.amounts, s, "carryover", part);
  }
  const cellsByCode = new Map<string, Cells>();
  for (const fact of facts)
    cellsByCode.set(fact.code, leafCells(fact, known.get(fact.code)!.amounts, reader));
  return cellsByCode;
}

/**
 * 基本支出 lines: 一般公共预算 basic money split over the 经济 款 × 人员/公用 of the 基本支出表;
 * what no 基本支出表 classifies is booked as 公用经费, 一般公共预算 under 30299.
 */
function basicLines(
  model: WorkbookModel,
  cellsByCode: Map<string, Cells>,
  reader: Reader
): FigureLine[] {
  const lines: FigureLine[] = [];
  const basicTable = firstOf(model, "基本支出表");
  const basicSide = basicTable?.table.sides[0];
  const covered: Scope[] = !basicTable
    ? []
    : basicTable.carryover === "excluded"
      ? ["current"]
      : ["current", "carryover"];
  const supply: { code: string; scope: Scope; amount: Money }[] = [];
  for (const [code, cells] of cellsByCode)
    for (const scope of covered)
      if (!cells.一般公共预算[scope].basic.isZero())
        supply.push({ code, scope, amount: cells.一般公共预算[scope].basic });
  const demand: { code: string; kind: ExpenditureKind; amount: Money }[] = [];
  if (basicSide) {
    const personnel = column(basicSide, /人员经费/);
    const publicUse = column(basicSide, /公用经费/);
    const total = column(basicSide, /合计/);
    const add = (code: string, kind: ExpenditureKind, amount: Money) => {
      if (amount.isZero()) return;
      const entry = demand.find((d) => d.code === code && d.kind === kind);
      if (entry) entry.amount = entry.amount.plus(amount);
      else demand.push({ code, kind, amount });
    };
    for (const [code, rows] of leafRows(basicSide)) {
      if (personnel >= 0 || publicUse >= 0) {
        add(code, "人员经费", cellSum(rows, personnel));
        add(code, "公用经费", cellSum(rows, publicUse));
      } else add(code, /^30[13]/.test(code) ? "人员经费" : "公用经费", cellSum(rows, total));
    }
    const uncoded = basicSide.rows.filter(
      (row) => row.role === "item" && !row.code && row.cells.some((c) => !c.value.isZero())
    );
    for (const row of uncoded)
      reader.note({
        ruleId: RULE.unclassified,
        severity: "warning",
        cell: `${basicTable!.table.sheet}!${row.address}`,
        message: `基本支出表“${row.label}”无法对应到经济分类科目，未计入。`,
      });
  }
  const supplyTotal = sumMoney(supply.map((s) => s.amount));
  const demandTotal = sumMoney(demand.map((d) => d.amount));
  if (basicSide && !supplyTotal.equals(demandTotal)) {
    const gap = supplyTotal.minus(demandTotal);
    const largest = demand.slice().sort((a, b) => b.amount.comparedTo(a.amount))[0];
    if (largest && largest.amount.plus(gap).greaterThanOrEqualTo(0)) {
      reader.note({
        ruleId: RULE.mismatch,
        severity: gap.abs().lessThanOrEqualTo(new Money("0.01")) ? "info" : "warning",
        message: `基本支出表各经济科目之和 ${show(demandTotal)} 与按功能科目列示的一般公共预算基本支出 ${show(supplyTotal)} 不一致；按功能科目为准，差额 ${show(gap)} 计入 ${largest.code}。`,
        expected: fmt(supplyTotal),
        actual: fmt(demandTotal),
      });
      largest.amount = largest.amount.plus(gap);
    }
  }
  // Covered basic money the 基本支出表 cannot take (its 款 rows add up to less) stays unclassified.
  const supplyLeft = supply.map((s) => s.amount);
  for (const portion of allocate(
    supply.map((s) => s.amount),
    demand.map((d) => d.amount)
  )) {
    const s = supply[portion.from];
    const d = demand[portion.to];
    supplyLeft[portion.from] = supplyLeft[portion.from].minus(portion.amount);
    lines.push({
      functionCode: s.code,
      economicCode: d.code,
      kind: d.kind,
      source: "一般公共预算",
      carryover: s.scope === "carryover",
      amount: portion.amount,
    });
  }

  let unclassified = ZERO;
  for (const [code, cells] of cellsByCode) {
    for (const source of FUND_SOURCES) {
      for (const scope of ["current", "carryover"] as const) {
        const basic = cells[source][scope].basic;
        const isCovered = source === "一般公共预算" && covered.includes(scope);
        if (!basic.isZero() && !isCovered) {
          // Basic money no 基本支出表 breaks down: 一般公共预算 goes under 30299 其他商品和服务支出
          // (公用经费) so that a 基本支出表 drawn from it still adds up; other sources stay unclassified.
          const general = source === "一般公共预算";
          if (general) unclassified = unclassified.plus(basic);
          lines.push({
            functionCode: code,
            ...(general ? { economicCode: "30299" } : {}),
            kind: "公用经费",
            source,
            carryover: scope === "carryover",
            amount: basic,
          });
        }
      }
    }
  }
  supply.forEach((s, i) => {
    if (supplyLeft[i].lessThanOrEqualTo(0)) return;
    unclassified = unclassified.plus(supplyLeft[i]);
    lines.push({
      functionCode: s.code,
      economicCode: "30299",
      kind: "公用经费",
      source: "一般公共预算",
      carryover: s.scope === "carryover",
      amount: supplyLeft[i],
    });
  });
  if (unclassified.greaterThan(0))
    reader.note({
      ruleId: RULE.unclassified,
      severity: "warning",
      message: basicTable
        ? `一般公共预算基本支出中有 ${show(unclassified)} 万元（如上年结转的基本支出）在基本支出表中没有经济分类，暂列 30299 其他商品和服务支出（公用经费）。`
        : `没有基本支出表：一般公共预算基本支出 ${show(unclassified)} 万元暂列 30299 其他商品和服务支出（公用经费）。`,
    });
  return lines;
}

/**
 * 项目支出 lines: the projects of the 项目支出表 (or of the 项目绩效目标表) over the 项 × source
 * cells of project money; money no project row takes is a project named after its 项.
 */
function projectLines(
  model: WorkbookModel,
  cellsByCode: Map<string, Cells>,
  catalog: Catalog,
  reader: Reader
): FigureLine[] {
  const projectCells: ProjectCell[] = [];
  for (const [code, cells] of cellsByCode)
    for (const source of FUND_SOURCES)
      for (const scope of ["current", "carryover"] as const) {
        const project = cells[source][scope].project;
        if (!project.isZero())
          projectCells.push({ functionCode: code, source, scope, amount: project, left: project });
      }
  const projectTotal = sumMoney(projectCells.map((c) => c.amount));
  let demands = projectDemands(model, reader);
  if (!demands) {
    demands = goalDemands(model, projectTotal);
    reader.note({
      ruleId: RULE.projectsNamed,
      message: demands
        ? "没有项目支出表：项目按项目绩效目标表的项目名称和预算数列示。"
        : "没有项目支出表：项目按其功能分类科目（项）命名。",
    });
  }
  const assignments = assignProjects(projectCells, demands ?? [], reader);
  const ordered: { order: number; line: FigureLine }[] = [];
  for (const a of assignments) {
    if (a.amount.isZero()) continue;
    ordered.push({
      order: a.demand.order,
      line: {
        functionCode: a.cell.functionCode,
        kind: "项目支出",
        source: a.cell.source,
        carryover: a.cell.scope === "carryover",
        projectName: a.demand.name,
        ...(a.demand.code ? { projectCode: a.demand.code } : {}),
        amount: a.amount,
      },
    });
  }
  const names = new Map<string, string>();
  for (const cell of projectCells) {
    if (cell.left.isZero()) continue;
    // No project row takes this money: the project is named after its 项.
    const base = catalog.name(cell.functionCode) ?? cell.functionCode;
    const taken = [...names.values()].includes(base) && names.get(cell.functionCode) !== base;
    const name = names.get(cell.functionCode) ?? (taken ? `${base}（${cell.functionCode}）` : base);
    names.set(cell.functionCode, name);
    ordered.push({
      order: Number.MAX_SAFE_INTEGER,
      line: {
        functionCode: cell.functionCode,
        kind: "项目支出",
        source: cell.source,
        carryover: cell.scope === "carryover",
        projectName: name,
        amount: cell.left,
      },
    });
  }
  ordered.sort((a, b) => a.order - b.order);
  return ordered.map((p) => p.line);
}

/**
 * Rebuilds figures from recognized published tables: 支出总表 (功能 项 × 基本/项目), 收入总表
 * (sources and 上年结转), the appropriation tables, 基本支出表 (经济 款 × 人员/公用), 三公, 项目支出表
 * (or the 项目绩效目标表 when there is none). Never throws: what cannot be used is a finding.
 */
export function figuresFromModel(
  model: WorkbookModel,
  options: FiguresFromModelOptions = {}
): FiguresFromModelResult {
  const catalog = options.catalog ?? Catalog.standard();
  const findings: Finding[] = [];
  const reader: Reader = {
    note(finding) {
      const { cell, ...rest } = finding;
      const at = cell?.includes("!") ? cell.split("!") : undefined;
      findings.push({
        severity: "info",
        ...rest,
        ...(at ? { sheet: at[0], cell: at[1] } : cell ? { cell } : {}),
      } as Finding);
    },
  };
  const department: LedgerDepartment | undefined = model.department
    ? {
        name: model.department.value,
        ...(model.department.code ? { code: model.department.code } : {}),
        ...(model.year ? { year: model.year.value } : {}),
      }
    : undefined;

  const facts = leafFacts(model, reader);
  if (!facts) return { findings, department, changes: [] };
  const cellsByCode = cellsOf(model, facts, reader);
  const lines = [
    ...basicLines(model, cellsByCode, reader),
    ...projectLines(model, cellsByCode, catalog, reader),
  ];
  const withThreePublic = threePublicLines(model, lines, reader);
  const figures = aggregateFigures(withThreePublic, { unitNature: options.unitNature, catalog });
  const changes = department ? changedFigures(model, figures, department) : [];
  return { figures, department, findings, changes };
}

// ---------------------------------------------------------------------------------------------
// What changes: the published tables against the same layout drawn from the rebuilt figures

type AmountsByMeaning = Map<
  string,
  { value: Money; sheet: string; cell: string; label: string; caption: string }
>;

/**
 * Every amount of a table by side, row (code, else label) and caption. Rows that repeat a code or
 * a label add up (Shanxi 表6 lists 30108 once per 政府经济 class; the rebuilt table once).
 */
function amountsByMeaning(recognized: RecognizedTable): AmountsByMeaning {
  const out: AmountsByMeaning = new Map();
  recognized.table.sides.forEach((side, s) => {
    for (const row of side.rows) {
      const base = row.code ?? compactText(row.label);
      row.cells.forEach((cell, i) => {
        const key = `${s}|${row.role}|${base}|${side.captions[i]}`;
        const entry = out.get(key);
        if (entry) {
          if (row.role === "item") entry.value = entry.value.plus(cell.value);
        } else
          out.set(key, {
            value: cell.value,
            sheet: recognized.table.sheet,
            cell: cell.address,
            label: row.code ? `${row.code} ${row.label}` : row.label,
            caption: side.captions[i],
          });
      });
    }
  });
  return out;
}

/**
 * Which printed figures an export would change. The tables are drawn from the figures and read back
 * on purpose: the comparison then runs through the same reader on both sides, cell meaning against
 * cell meaning, so a published table and its redrawn twin are compared exactly as the checker sees
 * them (with controlled rounding applied), without a second mapping from figures to printed cells.
 */
function changedFigures(
  model: WorkbookModel,
  figures: BudgetFigures,
  department: LedgerDepartment
): FigureChange[] {
  const template = detectTemplate(model);
  if (!template) return [];
  const redrawn = readWorkbook(buildSheets(figures, department, template).map(specToGrid));
  const changes: FigureChange[] = [];
  for (const published of model.tables) {
    const again = redrawn.tables.find(
      (t) => t.kind === published.kind && t.carryover === published.carryover
    );
    if (!again) continue;
    const now = amountsByMeaning(again);
    for (const [key, before] of amountsByMeaning(published)) {
      const after = now.get(key)?.value ?? ZERO;
      if (after.equals(before.value)) continue;
      changes.push({
        sheet: before.sheet,
        cell: before.cell,
        label: before.label,
        caption: before.caption,
        before: before.value,
        after,
        withinRounding: after.minus(before.value).abs().lessThanOrEqualTo(ROUNDING_CHANGE),
      });
    }
  }
  return changes;
}
