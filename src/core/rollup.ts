import { Catalog, levelOfCode, normalizeCode, systemOfCode } from "./codes";
import type { CodeLevel, CodeSystem } from "./codes";
import { Money, parseAmount } from "./money";

/** One input line: a classification code and its amounts (cells as the host gives them). */
export interface RollupInput {
  code: unknown;
  amounts: readonly unknown[];
  name?: unknown;
}

export interface RollupRow {
  /** Empty for the grand-total row. */
  code: string;
  name: string;
  /** 0 = 合计, 1 = 类, 2 = 款, 3 = 项. */
  level: 0 | CodeLevel;
  amounts: Money[];
}

/** A row whose amounts are the doubles a host such as Excel should show (exact sums, rounded once). */
export interface RollupNumberRow {
  code: string;
  name: string;
  level: 0 | CodeLevel;
  amounts: number[];
}

export type RollupProblemReason = "badCode" | "badAmount" | "mixedSystems";

export interface RollupProblem {
  /** 0-based index of the input line. */
  index: number;
  /** 0-based amount column, for amount problems. */
  column?: number;
  reason: RollupProblemReason;
  value: string;
}

export interface RollupOptions {
  /** Number of amount columns (defaults to the widest input line). */
  columns?: number;
  /** 1 = 类 only, 2 = down to 款, 3 = down to 项; default: the deepest level present. */
  depth?: CodeLevel;
  catalog?: Catalog;
  /** Label of the grand-total row. */
  totalLabel?: string;
}

export interface RollupResult {
  rows: RollupRow[];
  problems: RollupProblem[];
  system?: CodeSystem;
}

export interface RollupNumberResult {
  rows: RollupNumberRow[];
  problems: RollupProblem[];
  system?: CodeSystem;
}

const FEN_SCALE = 100;
/** Sums of |fen| below this stay exact in a double (2^53 with a margin). */
const SAFE_FEN_MAGNITUDE = 2 ** 52;
/** Plain ASCII numeric text with at most 2 decimals ("1,234.50", "-12", "0.5"): read without Decimals. */
const PLAIN_FEN_TEXT = /^(-?)(\d{1,3}(?:,\d{3})+|\d{1,13})(?:\.(\d{1,2}))?$/;

/**
 * Where the lines are read from: the custom function hands 2-D ranges (one column of codes), the
 * library API an array of lines. Codes and names are read in place from either shape (plain array
 * reads, no accessor calls and no per-line objects: at 100,000 lines each of those costs ~1 ms).
 */
interface LineSource {
  count: number;
  /** Line i's code is codes[i] … */
  codes?: readonly unknown[];
  /** … or codeColumn[i][0]. */
  codeColumn?: readonly (readonly unknown[])[];
  amounts: readonly (readonly unknown[])[];
  names?: readonly unknown[];
  nameColumn?: readonly (readonly unknown[])[];
}

/** What a raw code cell means. Computed once per distinct cell value: a ledger repeats a few hundred codes. */
interface CodeInfo {
  code: string | undefined;
  /** Undefined when the cell is not a valid code. */
  system: CodeSystem | undefined;
  /** Non-blank but not a valid code: a badCode problem. */
  bad: boolean;
  /** Dense id of the code, assigned when a line with it is first accepted; -1 before. */
  id: number;
}

function describeCode(raw: unknown): CodeInfo {
  const code = normalizeCode(raw);
  const system = code === undefined ? undefined : systemOfCode(code);
  const valid =
    code !== undefined && system !== undefined && levelOfCode(code, system) !== undefined;
  const blank = raw === null || raw === undefined || String(raw).trim() === "";
  return {
    code,
    system: valid ? system : undefined,
    bad: !valid && !(code === undefined && blank),
    id: -1,
  };
}

/**
 * Integer fen of a number cell, or NaN when it has more than 2 decimals or is not finite (the
 * Decimal path then decides). Most doubles Excel hands over are the nearest double to their
 * 2-decimal value; a formula result such as 0.1 + 0.2 is read through its 15 significant digits,
 * as moneyFromNumber does, but without a Decimal: two different decimals of at most 15
 * significant digits never share a double, so if the 15-digit value and fen/100 give the same
 * double they are the same decimal.
 */
function fenOfNumber(cell: number): number {
  const fen = Math.round(cell * FEN_SCALE);
  if (fen / FEN_SCALE === cell) return fen;
  if (!Number.isFinite(cell)) return NaN;
  const shown = Number(cell.toPrecision(15));
  const shownFen = Math.round(shown * FEN_SCALE);
  return shownFen / FEN_SCALE === shown && Math.abs(shownFen) < 1e15 ? shownFen : NaN;
}

/** Integer fen of a non-number cell: NaN when Decimals are needed, undefined when blank-like, null when invalid. */
function fenOfText(cell: unknown): number | null | undefined {
  if (typeof cell === "string") {
    const match = PLAIN_FEN_TEXT.exec(cell);
    if (match !== null) {
      const yuan = match[2].includes(",") ? match[2].replace(/,/g, "") : match[2];
      const fen =
        Number(yuan) * FEN_SCALE + (match[3] === undefined ? 0 : Number(match[3].padEnd(2, "0")));
      return match[1] === "-" ? -fen : fen;
    }
  }
  const parsed = parseAmount(cell);
  if (parsed.kind === "invalid") return null;
  if (parsed.kind === "empty") return undefined;
  return parsed.value.decimalPlaces() > 2 ? NaN : parsed.value.times(FEN_SCALE).toNumber();
}

/** The codes of every level above a code: "2013201" → ["201", "20132"]. */
function ancestorCodes(code: string): string[] {
  const out: string[] = [];
  for (const length of [3, 5]) if (code.length > length) out.push(code.slice(0, length));
  return out;
}

/** The subtotals before they become rows: node 0 is 合计, node k is ordered[k - 1]. */
interface RollupTotals {
  ordered: string[];
  columns: number;
  problems: RollupProblem[];
  system?: CodeSystem;
  names: Map<string, string>;
  /** Exact sums in fen (fast path) … */
  fen?: Float64Array;
  /** … or as Decimals. */
  decimals?: Money[];
}

function rollupTotals(source: LineSource, columns: number): RollupTotals {
  const problems: RollupProblem[] = [];
  const infoByCell = new Map<unknown, CodeInfo>();
  const distinct: string[] = [];
  const idByCode = new Map<string, number>();
  const names = new Map<string, string>();
  let system: CodeSystem | undefined;

  // 1. One pass over the lines: codes, names, and amounts in integer fen summed per distinct code.
  //    Which codes are leaves is known only at the end, so amount problems wait with their code.
  let fenById = new Float64Array(64 * columns);
  let fenOk = true;
  let magnitude = 0;
  const amountProblems: { id: number; problem: RollupProblem }[] = [];
  const { codes, codeColumn, nameColumn } = source;
  const nameCells = source.names;
  const named = nameCells !== undefined || nameColumn !== undefined;
  for (let i = 0; i < source.count; i++) {
    const raw = codeColumn !== undefined ? codeColumn[i][0] : codes![i];
    let info = infoByCell.get(raw);
    if (info === undefined) {
      info = describeCode(raw);
      infoByCell.set(raw, info);
    }
    let id = info.id;
    if (id < 0) {
      if (info.system === undefined) {
        if (info.bad)
          problems.push({ index: i, reason: "badCode", value: info.code ?? String(raw) });
        continue;
      }
      if (system === undefined) system = info.system;
      else if (info.system !== system) {
        problems.push({ index: i, reason: "mixedSystems", value: info.code! });
        continue;
      }
      const code = info.code!;
      id = idByCode.get(code) ?? -1;
      if (id < 0) {
        id = distinct.length;
        distinct.push(code);
        idByCode.set(code, id);
        if ((id + 1) * columns > fenById.length) {
          const grown = new Float64Array(fenById.length * 2);
          grown.set(fenById);
          fenById = grown;
        }
      }
      info.id = id;
    }
    if (named && !names.has(distinct[id])) {
      const rawName = nameColumn !== undefined ? nameColumn[i][0] : nameCells![i];
      const name = rawName === null || rawName === undefined ? "" : String(rawName).trim();
      if (name !== "") names.set(distinct[id], name);
    }
    if (!fenOk) continue;
    const amounts = source.amounts[i];
    const base = id * columns;
    for (let c = 0; c < columns; c++) {
      const cell = amounts[c];
      let fen: number;
      if (typeof cell === "number") fen = fenOfNumber(cell);
      else if (cell === null || cell === undefined || cell === "") continue;
      else {
        const text = fenOfText(cell);
        if (text === undefined) continue;
        if (text === null) {
          amountProblems.push({
            id,
            problem: { index: i, column: c, reason: "badAmount", value: String(cell) },
          });
          continue;
        }
        fen = text;
      }
      if (Number.isNaN(fen)) {
        fenOk = false; // a figure with more than 2 decimals: Decimals below
        break;
      }
      fenById[base + c] += fen;
      magnitude += fen < 0 ? -fen : fen;
    }
  }
  if (magnitude >= SAFE_FEN_MAGNITUDE) fenOk = false;

  // 2. Leaves are the codes that no other code extends; everything above them is recomputed
  //    (a line whose code is a prefix of another line's code is a stale subtotal: ignored).
  const extended = new Set<string>();
  for (const code of distinct) for (const ancestor of ancestorCodes(code)) extended.add(ancestor);
  const allCodes = new Set<string>(distinct);
  for (const code of extended) allCodes.add(code);
  const ordered = [...allCodes].sort(); // lexicographic order of prefix codes is 类 → 款 → 项 order
  const nodeIndex = new Map<string, number>();
  ordered.forEach((code, k) => nodeIndex.set(code, k + 1));
  const leafNode = distinct.map((code) => (extended.has(code) ? -1 : nodeIndex.get(code)!));
  const nodeCount = ordered.length + 1;
  // Deepest codes first, so that each parent receives finished children.
  const merges = ordered
    .slice()
    .sort((a, b) => b.length - a.length)
    .map((code) => {
      const parent =
        code.length === 7 ? code.slice(0, 5) : code.length === 5 ? code.slice(0, 3) : undefined;
      return {
        into: parent === undefined ? 0 : nodeIndex.get(parent)!,
        from: nodeIndex.get(code)!,
      };
    });

  if (fenOk) {
    for (const { id, problem } of amountProblems) if (leafNode[id] >= 0) problems.push(problem);
    const fen = new Float64Array(nodeCount * columns);
    leafNode.forEach((node, id) => {
      if (node >= 0)
        fen.set(fenById.subarray(id * columns, id * columns + columns), node * columns);
    });
    for (const { into, from } of merges) {
      for (let c = 0; c < columns; c++) fen[into * columns + c] += fen[from * columns + c];
    }
    return { ordered, columns, problems, system, names, fen };
  }

  // 3. The exact fallback: Decimals, for figures with more than 2 decimals or beyond 2^52 fen.
  const decimals: Money[] = Array.from({ length: nodeCount * columns }, () => new Money(0));
  for (let i = 0; i < source.count; i++) {
    const info = infoByCell.get(codeColumn !== undefined ? codeColumn[i][0] : codes![i])!;
    if (info.id < 0 || info.system !== system) continue;
    const node = leafNode[info.id];
    if (node < 0) continue;
    const amounts = source.amounts[i];
    for (let c = 0; c < columns; c++) {
      const cell = amounts[c];
      if (cell === null || cell === undefined || cell === "") continue;
      const parsed = parseAmount(cell);
      if (parsed.kind === "invalid") {
        if (typeof cell !== "number")
          problems.push({ index: i, column: c, reason: "badAmount", value: String(cell) });
        continue;
      }
      if (parsed.kind === "amount")
        decimals[node * columns + c] = decimals[node * columns + c].plus(parsed.value);
    }
  }
  for (const { into, from } of merges) {
    for (let c = 0; c < columns; c++)
      decimals[into * columns + c] = decimals[into * columns + c].plus(
        decimals[from * columns + c]
      );
  }
  return { ordered, columns, problems, system, names, decimals };
}

/** 合计, then each 类 followed by its 款 and 项, down to the requested depth. */
function rowsOf<T>(
  totals: RollupTotals,
  options: RollupOptions,
  amountsOf: (node: number) => T[]
): { code: string; name: string; level: 0 | CodeLevel; amounts: T[] }[] {
  const catalog = options.catalog ?? Catalog.standard();
  const { ordered, system } = totals;
  const levels = ordered.map((code) => levelOfCode(code, system)!);
  const depth =
    options.depth ?? levels.reduce<CodeLevel>((max, level) => (level > max ? level : max), 1);
  const rows = [
    {
      code: "",
      name: options.totalLabel ?? "合计",
      level: 0 as 0 | CodeLevel,
      amounts: amountsOf(0),
    },
  ];
  ordered.forEach((code, k) => {
    if (levels[k] > depth) return;
    rows.push({
      code,
      name: totals.names.get(code) ?? catalog.name(code) ?? "",
      level: levels[k],
      amounts: amountsOf(k + 1),
    });
  });
  return rows;
}

function columnsOf(totals: RollupTotals, node: number): number[] | Money[] {
  const { columns, fen, decimals } = totals;
  return fen
    ? Array.from(fen.subarray(node * columns, (node + 1) * columns))
    : decimals!.slice(node * columns, (node + 1) * columns);
}

/**
 * Produces every 类/款/项 subtotal and the grand total of coded lines, in code order, exactly.
 * A line whose code is a prefix of another line's code is a subtotal the source already had: it is
 * recomputed from the lines below it, never added twice. Lines with the same code are added up.
 */
export function rollupByCodePrefix(
  lines: readonly RollupInput[],
  options: RollupOptions = {}
): RollupResult {
  const columns =
    options.columns ?? lines.reduce((max, line) => Math.max(max, line.amounts.length), 0);
  const named = lines.some((line) => line.name !== null && line.name !== undefined);
  const totals = rollupTotals(
    {
      count: lines.length,
      codes: lines.map((line) => line.code),
      amounts: lines.map((line) => line.amounts),
      names: named ? lines.map((line) => line.name) : undefined,
    },
    columns
  );
  const amountsOf = (node: number): Money[] =>
    totals.fen
      ? (columnsOf(totals, node) as number[]).map((fen) => new Money(fen).dividedBy(FEN_SCALE))
      : (columnsOf(totals, node) as Money[]);
  return {
    rows: rowsOf(totals, options, amountsOf),
    problems: totals.problems,
    system: totals.system,
  };
}

/**
 * The same rollup straight from spreadsheet ranges (one code column, rows of amounts, an optional
 * name column), with amounts as the doubles to show: fen / 100 on the fast path, which is the
 * double nearest the exact sum, so no Decimal is built for the output.
 */
export function rollupRangesAsNumbers(
  codes: readonly (readonly unknown[])[],
  amounts: readonly (readonly unknown[])[],
  names: readonly (readonly unknown[])[] | undefined,
  options: RollupOptions = {}
): RollupNumberResult {
  const columns = options.columns ?? amounts.reduce((max, row) => Math.max(max, row.length), 0);
  const totals = rollupTotals(
    { count: codes.length, codeColumn: codes, amounts, nameColumn: names },
    columns
  );
  const amountsOf = (node: number): number[] =>
    totals.fen
      ? (columnsOf(totals, node) as number[]).map((fen) => fen / FEN_SCALE)
      : (columnsOf(totals, node) as Money[]).map((value) => Number(value.toString()));
  return {
    rows: rowsOf(totals, options, amountsOf),
    problems: totals.problems,
    system: totals.system,
  };
}
