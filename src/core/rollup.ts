import { Catalog, levelOfCode, normalizeCode, systemOfCode } from "./codes";
import type { CodeLevel, CodeSystem } from "./codes";
import type { CellValue } from "./grid";
import { Money, ZERO, parseAmount } from "./money";
import { compactText } from "./read/text";
import { roundingTolerance } from "./rounding";

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
  /** null where no line below has a figure in that column: a blank cell, not a zero. */
  amounts: (Money | null)[];
}

/** A row whose amounts are the doubles a host such as Excel should show (exact sums, rounded once). */
export interface RollupNumberRow {
  code: string;
  name: string;
  level: 0 | CodeLevel;
  amounts: (number | null)[];
}

export type RollupProblemReason = "badCode" | "badAmount" | "mixedSystems";

export interface RollupProblem {
  /** 0-based index of the input line. */
  index: number;
  /** 0-based amount column, for amount problems. */
  column?: number;
  reason: RollupProblemReason;
  value: string;
  /** The line's code, for amount problems. */
  code?: string;
}

/** One amount column where a figure the range prints differs from the one recomputed from its lines. */
export interface RollupColumnDifference {
  column: number;
  /** The printed figure; null when the cell is blank. */
  published: Money | null;
  /** The recomputed figure; null when no line below has a figure. */
  computed: Money | null;
  /** Within the tolerance of per-cell rounding (舍入差异), as the table rules judge it. */
  rounding: boolean;
}

/**
 * A line the rollup did not add, whose own figures disagree with what it recomputed:
 * - "subtotal": a 类 or 款 line with lines below it in the range (its figures are recomputed, never
 *   added twice) whose own figures differ from the sum of those lines;
 * - "total": a row labelled 合计 or 总计 whose figures differ from the grand total;
 * - "uncoded": a row with amounts but neither a code nor a 合计 label, whose figures are not the
 *   grand total either (a line whose code is missing: not counted).
 * Blank cells count as zero in the comparison.
 */
export interface RollupDisagreement {
  kind: "subtotal" | "total" | "uncoded";
  /** The subtotal's code; "" for the other kinds. */
  code: string;
  /** 0-based index of the input line. */
  index: number;
  differences: RollupColumnDifference[];
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
  disagreements: RollupDisagreement[];
  system?: CodeSystem;
}

export interface RollupNumberResult {
  rows: RollupNumberRow[];
  problems: RollupProblem[];
  disagreements: RollupDisagreement[];
  system?: CodeSystem;
}

const FEN_SCALE = 100;
/** Sums of |fen| below this stay exact in a double (2^53 with a margin). */
const SAFE_FEN_MAGNITUDE = 2 ** 52;
/** Plain ASCII numeric text with at most 2 decimals ("1,234.50", "-12", "0.5"): read without Decimals. */
const PLAIN_FEN_TEXT = /^(-?)(\d{1,3}(?:,\d{3})+|\d{1,13})(?:\.(\d{1,2}))?$/;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** 合计, 总计, 本年支出合计 … (not 小计: what a 小计 covers is not known from the codes). */
const TOTAL_LABEL = /^(.{0,6}合计|总计)$/;
/** Names of header rows whose other cells hold numbers: the column numbers of a 栏次 row. */
const HEADER_LABEL = /^(栏次|序号)$/;

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

/**
 * What a code cell holds. A selection of a published table brings its title, header, 栏次 and 合计
 * rows along: their code cells are labels (Chinese text, words, a 序号 or 栏次 of one or two
 * digits) and the rows are skipped. Anything else that is not a code is a mistyped code: counting
 * it nowhere would change the totals without a word, so it is a problem.
 */
type CodeCellKind = "code" | "blank" | "label" | "bad";

/** What a raw code cell means. Computed once per distinct cell value: a ledger repeats a few hundred codes. */
interface CodeInfo {
  kind: CodeCellKind;
  code: string | undefined;
  system: CodeSystem | undefined;
  /** A label such as 合计 or 总计. */
  total: boolean;
  /** Dense id of the code, assigned when a line with it is first accepted; -1 before. */
  id: number;
}

function isValidCode(code: string): boolean {
  const system = systemOfCode(code);
  return system !== undefined && levelOfCode(code, system) !== undefined;
}

function describeCode(raw: unknown): CodeInfo {
  const info: CodeInfo = { kind: "bad", code: undefined, system: undefined, total: false, id: -1 };
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) {
    info.kind = "blank";
    return info;
  }
  const code = normalizeCode(raw);
  info.code = code;
  if (code === undefined) return info;
  if (isValidCode(code)) {
    info.kind = "code";
    info.system = systemOfCode(code);
  } else if (/^\d{1,2}$/.test(code) || !/\d/.test(code)) {
    info.kind = "label"; // 栏次 / 序号 numbers, header words, 合计
  } else if (CJK.test(code)) {
    // Titles and department lines (2024年预算收入总表, 部门名称：…) are labels; a code with its name
    // in the same cell (2013201行政运行) is not, and must not vanish.
    const lead = /^\d+/.exec(code)?.[0];
    info.kind = lead !== undefined && isValidCode(lead) ? "bad" : "label";
  }
  info.total = info.kind === "label" && TOTAL_LABEL.test(compactText(code));
  return info;
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

/**
 * The subtotals before they become rows: node 0 is 合计, node k is ordered[k - 1]. Distinct codes of
 * the input have dense ids; a code's node is leafNode[id] when it is a leaf, -1 when lines below it
 * make it a subtotal.
 */
interface RollupTotals {
  ordered: string[];
  columns: number;
  problems: RollupProblem[];
  system?: CodeSystem;
  names: Map<string, string>;
  distinct: string[];
  firstIndex: number[];
  leafNode: number[];
  nodeIndex: Map<string, number>;
  /** Direct children of each node (for the rounding tolerance). */
  childCount: Uint32Array;
  /** Whether any line below a node (nodeCount × columns) or of a code (ids × columns) has a figure. */
  nodePresent: Uint8Array;
  idPresent: Uint8Array;
  /** Rows labelled 合计/总计, and rows with neither a code nor a label: compared with the total. */
  totalRows: number[];
  uncodedRows: number[];
  /** Exact sums in fen (fast path), per node and per code id … */
  fen?: Float64Array;
  idFen?: Float64Array;
  /** … or as Decimals. */
  decimals?: Money[];
  idDecimals?: Money[];
}

function rollupTotals(source: LineSource, columns: number): RollupTotals {
  const problems: RollupProblem[] = [];
  const infoByCell = new Map<unknown, CodeInfo>();
  const distinct: string[] = [];
  const firstIndex: number[] = [];
  const idByCode = new Map<string, number>();
  const names = new Map<string, string>();
  const totalRows: number[] = [];
  const uncodedRows: number[] = [];
  let system: CodeSystem | undefined;

  // 1. One pass over the lines: codes, names, and amounts in integer fen summed per distinct code.
  let fenById = new Float64Array(64 * columns);
  let presentById = new Uint8Array(64 * columns);
  let fenOk = true;
  let magnitude = 0;
  const amountProblems: RollupProblem[] = [];
  const { codes, codeColumn, nameColumn } = source;
  const nameCells = source.names;
  const named = nameCells !== undefined || nameColumn !== undefined;
  const nameAt = (i: number): unknown =>
    nameColumn !== undefined ? nameColumn[i][0] : nameCells![i];
  for (let i = 0; i < source.count; i++) {
    const raw = codeColumn !== undefined ? codeColumn[i][0] : codes![i];
    let info = infoByCell.get(raw);
    if (info === undefined) {
      info = describeCode(raw);
      infoByCell.set(raw, info);
    }
    let id = info.id;
    if (id < 0) {
      if (info.kind !== "code") {
        if (info.kind === "bad")
          problems.push({ index: i, reason: "badCode", value: info.code ?? String(raw) });
        else {
          const name = named ? compactText(nameAt(i) as CellValue) : "";
          if (info.total || TOTAL_LABEL.test(name)) totalRows.push(i);
          else if (info.kind === "blank" && !HEADER_LABEL.test(name)) uncodedRows.push(i);
        }
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
        firstIndex.push(i);
        idByCode.set(code, id);
        if ((id + 1) * columns > fenById.length) {
          const grown = new Float64Array(fenById.length * 2);
          grown.set(fenById);
          fenById = grown;
          const grownPresent = new Uint8Array(presentById.length * 2);
          grownPresent.set(presentById);
          presentById = grownPresent;
        }
      }
      info.id = id;
    }
    if (named && !names.has(distinct[id])) {
      const rawName = nameAt(i);
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
            index: i,
            column: c,
            reason: "badAmount",
            value: String(cell),
            code: distinct[id],
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
      presentById[base + c] = 1;
      magnitude += fen < 0 ? -fen : fen;
    }
  }
  if (magnitude >= SAFE_FEN_MAGNITUDE) fenOk = false;

  // 2. Leaves are the codes that no other code extends; everything above them is recomputed
  //    (a line whose code is a prefix of another line's code is a subtotal: compared, never added).
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
  const childCount = new Uint32Array(nodeCount);
  for (const { into } of merges) childCount[into]++;

  const shared = {
    ordered,
    columns,
    problems,
    system,
    names,
    distinct,
    firstIndex,
    leafNode,
    nodeIndex,
    childCount,
    totalRows,
    uncodedRows,
  };
  const nodePresent = new Uint8Array(nodeCount * columns);
  const spreadPresence = (idPresent: Uint8Array) => {
    leafNode.forEach((node, id) => {
      if (node >= 0)
        nodePresent.set(idPresent.subarray(id * columns, id * columns + columns), node * columns);
    });
    for (const { into, from } of merges) {
      for (let c = 0; c < columns; c++)
        nodePresent[into * columns + c] |= nodePresent[from * columns + c];
    }
  };

  if (fenOk) {
    problems.push(...amountProblems);
    const fen = new Float64Array(nodeCount * columns);
    leafNode.forEach((node, id) => {
      if (node >= 0)
        fen.set(fenById.subarray(id * columns, id * columns + columns), node * columns);
    });
    for (const { into, from } of merges) {
      for (let c = 0; c < columns; c++) fen[into * columns + c] += fen[from * columns + c];
    }
    spreadPresence(presentById);
    return { ...shared, nodePresent, idPresent: presentById, fen, idFen: fenById };
  }

  // 3. The exact fallback: Decimals, for figures with more than 2 decimals or beyond 2^52 fen.
  //    The first pass stopped reading amounts, so presence and amount problems are read again.
  const idDecimals: Money[] = Array.from({ length: distinct.length * columns }, () => ZERO);
  const idPresent = new Uint8Array(distinct.length * columns);
  for (let i = 0; i < source.count; i++) {
    const info = infoByCell.get(codeColumn !== undefined ? codeColumn[i][0] : codes![i])!;
    if (info.id < 0 || info.system !== system) continue;
    const amounts = source.amounts[i];
    for (let c = 0; c < columns; c++) {
      const cell = amounts[c];
      if (cell === null || cell === undefined || cell === "") continue;
      const parsed = parseAmount(cell);
      if (parsed.kind === "invalid") {
        if (typeof cell !== "number")
          problems.push({
            index: i,
            column: c,
            reason: "badAmount",
            value: String(cell),
            code: info.code,
          });
        continue;
      }
      if (parsed.kind === "amount") {
        const k = info.id * columns + c;
        idDecimals[k] = idDecimals[k].plus(parsed.value);
        idPresent[k] = 1;
      }
    }
  }
  const decimals: Money[] = Array.from({ length: nodeCount * columns }, () => ZERO);
  leafNode.forEach((node, id) => {
    if (node >= 0)
      for (let c = 0; c < columns; c++) decimals[node * columns + c] = idDecimals[id * columns + c];
  });
  for (const { into, from } of merges) {
    for (let c = 0; c < columns; c++)
      decimals[into * columns + c] = decimals[into * columns + c].plus(
        decimals[from * columns + c]
      );
  }
  spreadPresence(idPresent);
  return { ...shared, nodePresent, idPresent, decimals, idDecimals };
}

/** The exact sum below a node; null when no line below it has a figure in that column. */
function nodeAmount(totals: RollupTotals, node: number, c: number): Money | null {
  const k = node * totals.columns + c;
  if (!totals.nodePresent[k]) return null;
  return totals.fen ? new Money(totals.fen[k]).dividedBy(FEN_SCALE) : totals.decimals![k];
}

/** What the lines of one code add up to (its printed figure, for a subtotal line). */
function idAmount(totals: RollupTotals, id: number, c: number): Money | null {
  const k = id * totals.columns + c;
  if (!totals.idPresent[k]) return null;
  return totals.idFen ? new Money(totals.idFen[k]).dividedBy(FEN_SCALE) : totals.idDecimals![k];
}

function differencesOf(
  published: (c: number) => Money | null,
  computed: (c: number) => Money | null,
  columns: number,
  terms: number
): RollupColumnDifference[] {
  const out: RollupColumnDifference[] = [];
  const tolerance = roundingTolerance(terms);
  for (let c = 0; c < columns; c++) {
    const p = published(c);
    const q = computed(c);
    const gap = (p ?? ZERO).minus(q ?? ZERO);
    if (gap.isZero()) continue;
    out.push({ column: c, published: p, computed: q, rounding: gap.abs().lte(tolerance) });
  }
  return out;
}

/** The printed figures of a row the rollup skipped, or undefined when the row is not one of figures. */
function rowFigures(cells: readonly unknown[], columns: number): (Money | null)[] | undefined {
  const figures: (Money | null)[] = [];
  let any = false;
  for (let c = 0; c < columns; c++) {
    const parsed = parseAmount(cells[c]);
    if (parsed.kind === "invalid") return undefined; // a header row: 合计 | 基本支出 …
    figures.push(parsed.kind === "amount" ? parsed.value : null);
    any = any || parsed.kind === "amount";
  }
  return any ? figures : undefined;
}

/** Every printed subtotal and total that disagrees with the recomputed figures, in line order. */
function disagreementsOf(totals: RollupTotals, source: LineSource): RollupDisagreement[] {
  const { columns, distinct, leafNode, nodeIndex, childCount, firstIndex } = totals;
  const out: RollupDisagreement[] = [];
  distinct.forEach((code, id) => {
    // A 类 or 款 line without any figure is a heading over its lines, not a subtotal.
    if (
      leafNode[id] >= 0 ||
      !totals.idPresent.subarray(id * columns, (id + 1) * columns).includes(1)
    )
      return;
    const node = nodeIndex.get(code)!;
    const differences = differencesOf(
      (c) => idAmount(totals, id, c),
      (c) => nodeAmount(totals, node, c),
      columns,
      childCount[node]
    );
    if (differences.length > 0)
      out.push({ kind: "subtotal", code, index: firstIndex[id], differences });
  });
  const compareWithTotal = (index: number, kind: "total" | "uncoded") => {
    const figures = rowFigures(source.amounts[index] ?? [], columns);
    if (figures === undefined) return;
    const differences = differencesOf(
      (c) => figures[c],
      (c) => nodeAmount(totals, 0, c),
      columns,
      childCount[0]
    );
    // A row without code or label that holds exactly the grand total is the 合计 row.
    if (differences.length > 0) out.push({ kind, code: "", index, differences });
  };
  for (const index of totals.totalRows) compareWithTotal(index, "total");
  for (const index of totals.uncodedRows) compareWithTotal(index, "uncoded");
  return out.sort((a, b) => a.index - b.index);
}

/** 合计, then each 类 followed by its 款 and 项, down to the requested depth. */
function rowsOf<T>(
  totals: RollupTotals,
  options: RollupOptions,
  amountsOf: (node: number) => (T | null)[]
): { code: string; name: string; level: 0 | CodeLevel; amounts: (T | null)[] }[] {
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

/**
 * Produces every 类/款/项 subtotal and the grand total of coded lines, in code order, exactly.
 * A line whose code is a prefix of another line's code is a subtotal the source already had: it is
 * recomputed from the lines below it, never added twice, and reported in `disagreements` when its
 * own figures differ. Lines with the same code are added up. Rows without a code (titles, headers,
 * 栏次, 合计) are skipped; a 合计 row is compared with the grand total.
 */
export function rollupByCodePrefix(
  lines: readonly RollupInput[],
  options: RollupOptions = {}
): RollupResult {
  const columns =
    options.columns ?? lines.reduce((max, line) => Math.max(max, line.amounts.length), 0);
  const named = lines.some((line) => line.name !== null && line.name !== undefined);
  const source: LineSource = {
    count: lines.length,
    codes: lines.map((line) => line.code),
    amounts: lines.map((line) => line.amounts),
    names: named ? lines.map((line) => line.name) : undefined,
  };
  const totals = rollupTotals(source, columns);
  const amountsOf = (node: number) =>
    Array.from({ length: columns }, (_, c) => nodeAmount(totals, node, c));
  return {
    rows: rowsOf(totals, options, amountsOf),
    problems: totals.problems,
    disagreements: disagreementsOf(totals, source),
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
  const source: LineSource = {
    count: codes.length,
    codeColumn: codes,
    amounts,
    nameColumn: names,
  };
  const totals = rollupTotals(source, columns);
  const { fen, decimals, nodePresent } = totals;
  const amountsOf = (node: number): (number | null)[] => {
    const out: (number | null)[] = [];
    for (let k = node * columns; k < (node + 1) * columns; k++)
      out.push(!nodePresent[k] ? null : fen ? fen[k] / FEN_SCALE : Number(decimals![k].toString()));
    return out;
  };
  return {
    rows: rowsOf(totals, options, amountsOf),
    problems: totals.problems,
    disagreements: disagreementsOf(totals, source),
    system: totals.system,
  };
}

export interface PrefixSumResult {
  /** One exact sum per amount column (0 when no line falls under the prefixes). */
  sums: number[];
  /** Lines added. */
  lines: number;
  /** Problems on lines that could fall under the prefixes (other lines do not matter to the sum). */
  problems: RollupProblem[];
}

/**
 * The exact sum of every line whose code starts with one of `prefixes` (each line once, even under
 * two prefixes): what clerks write as SUMIFS(amounts, codes, "20132*"), without its float noise
 * and without adding a 类 or 款 line on top of the lines below it (such a line is a subtotal, as in
 * the rollup; a 类 or 款 line with nothing below it counts).
 */
export function sumUnderCodePrefixes(
  codes: readonly (readonly unknown[])[],
  amounts: readonly (readonly unknown[])[],
  prefixes: readonly string[],
  columns = amounts.reduce((max, row) => Math.max(max, row.length), 0)
): PrefixSumResult {
  const source: LineSource = { count: codes.length, codeColumn: codes, amounts };
  const totals = rollupTotals(source, columns);
  const under = (code: string | undefined) =>
    code !== undefined && prefixes.some((prefix) => code.startsWith(prefix));
  const leaves = totals.distinct.flatMap((code, id) =>
    totals.leafNode[id] >= 0 && under(code) ? [id] : []
  );
  const sums = Array.from({ length: columns }, (_, c) => {
    if (totals.idFen)
      return leaves.reduce((sum, id) => sum + totals.idFen![id * columns + c], 0) / FEN_SCALE;
    const exact = leaves.reduce((sum, id) => sum.plus(totals.idDecimals![id * columns + c]), ZERO);
    return Number(exact.toString());
  });
  const counted = new Set(leaves);
  let lines = 0;
  const idOf = new Map(totals.distinct.map((code, id) => [code, id]));
  for (let i = 0; i < codes.length; i++) {
    const code = normalizeCode(codes[i][0]);
    const id = code === undefined ? undefined : idOf.get(code);
    if (id !== undefined && counted.has(id)) lines++;
  }
  return {
    sums,
    lines,
    problems: totals.problems.filter((p) => under(p.reason === "badAmount" ? p.code : p.value)),
  };
}
