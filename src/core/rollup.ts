import { Catalog, levelOfCode, normalizeCode, systemOfCode } from "./codes";
import type { CodeLevel, CodeSystem } from "./codes";
import { Money, moneyFromNumber, parseAmount } from "./money";

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

/** Amounts of the lines, as exact scaled integers when every figure fits, else as Decimals. */
interface ColumnAccumulator {
  add(node: number, column: number, cell: unknown, line: number): void;
  /** Adds node `from` into node `into`, column by column. */
  merge(into: number, from: number): void;
  result(node: number): Money[];
}

const FEN_SCALE = 100;
/** Sums of |fen| below this stay exact in a double (2^53 with a margin). */
const SAFE_FEN_MAGNITUDE = 2 ** 52;

/**
 * The fast path: amounts with at most 2 decimals, summed as integer fen in doubles, which is
 * exact while the magnitudes stay below 2^53. Returns undefined when a figure does not fit, and
 * the caller falls back to Decimals.
 */
function fenAmounts(
  cells: readonly (readonly unknown[])[],
  columns: number
): Float64Array | undefined {
  const fen = new Float64Array(cells.length * columns);
  let magnitude = 0;
  for (let i = 0; i < cells.length; i++) {
    const line = cells[i];
    for (let c = 0; c < columns; c++) {
      const cell = line[c];
      let value: number;
      if (typeof cell === "number") {
        const scaled = Math.round(cell * FEN_SCALE);
        // Most Excel doubles round-trip through fen directly; the rest go through their 15-digit text.
        if (scaled / FEN_SCALE !== cell) {
          const exact = moneyFromNumber(cell);
          if (exact.decimalPlaces() > 2) return undefined;
          value = exact.times(FEN_SCALE).toNumber();
        } else value = scaled;
      } else if (cell === null || cell === undefined || cell === "") {
        value = 0;
      } else {
        const parsed = parseAmount(cell);
        if (parsed.kind !== "amount")
          value = 0; // reported by the Decimal pass of problems
        else if (parsed.value.decimalPlaces() > 2) return undefined;
        else value = parsed.value.times(FEN_SCALE).toNumber();
      }
      fen[i * columns + c] = value;
      magnitude += Math.abs(value);
    }
  }
  return magnitude < SAFE_FEN_MAGNITUDE ? fen : undefined;
}

function fenAccumulator(fen: Float64Array, columns: number, nodeCount: number): ColumnAccumulator {
  const sums = new Float64Array(nodeCount * columns);
  return {
    add(node, column, _cell, line) {
      sums[node * columns + column] += fen[line * columns + column];
    },
    merge(into, from) {
      for (let c = 0; c < columns; c++) sums[into * columns + c] += sums[from * columns + c];
    },
    result(node) {
      const out: Money[] = [];
      for (let c = 0; c < columns; c++)
        out.push(new Money(sums[node * columns + c]).dividedBy(FEN_SCALE));
      return out;
    },
  };
}

function decimalAccumulator(columns: number, nodeCount: number): ColumnAccumulator {
  const sums: Money[] = Array.from({ length: nodeCount * columns }, () => new Money(0));
  return {
    add(node, column, cell) {
      const parsed = parseAmount(cell);
      if (parsed.kind === "amount")
        sums[node * columns + column] = sums[node * columns + column].plus(parsed.value);
    },
    merge(into, from) {
      for (let c = 0; c < columns; c++)
        sums[into * columns + c] = sums[into * columns + c].plus(sums[from * columns + c]);
    },
    result(node) {
      return sums.slice(node * columns, node * columns + columns);
    },
  };
}

/** The codes of every level above a code: "2013201" → ["201", "20132"]. */
function ancestorCodes(code: string): string[] {
  const out: string[] = [];
  for (const length of [3, 5]) if (code.length > length) out.push(code.slice(0, length));
  return out;
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
  const catalog = options.catalog ?? Catalog.standard();
  const columns =
    options.columns ?? lines.reduce((max, line) => Math.max(max, line.amounts.length), 0);
  const problems: RollupProblem[] = [];

  // 1. Normalize codes; drop blank lines; report malformed codes and mixed systems.
  const codes: (string | undefined)[] = new Array(lines.length);
  const userNames = new Map<string, string>();
  let system: CodeSystem | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const code = normalizeCode(line.code);
    if (code === undefined) {
      if (line.code !== null && line.code !== undefined && String(line.code).trim() !== "") {
        problems.push({ index: i, reason: "badCode", value: String(line.code) });
      }
      continue;
    }
    const lineSystem = systemOfCode(code);
    if (lineSystem === undefined || levelOfCode(code, lineSystem) === undefined) {
      problems.push({ index: i, reason: "badCode", value: code });
      continue;
    }
    if (system === undefined) system = lineSystem;
    else if (lineSystem !== system) {
      problems.push({ index: i, reason: "mixedSystems", value: code });
      continue;
    }
    codes[i] = code;
    const name = line.name === null || line.name === undefined ? "" : String(line.name).trim();
    if (name !== "" && !userNames.has(code)) userNames.set(code, name);
  }

  // 2. Leaves are the codes that no other code extends; everything above them is recomputed.
  const distinct = new Set<string>();
  for (const code of codes) if (code !== undefined) distinct.add(code);
  const extended = new Set<string>();
  for (const code of distinct) for (const ancestor of ancestorCodes(code)) extended.add(ancestor);

  const nodeIndex = new Map<string, number>();
  const allCodes = new Set<string>(distinct);
  for (const code of extended) allCodes.add(code);
  const ordered = [...allCodes].sort(); // lexicographic order of prefix codes is 类 → 款 → 项 order
  ordered.forEach((code, i) => nodeIndex.set(code, i + 1)); // node 0 is the grand total
  const nodeCount = ordered.length + 1;

  const cells = lines.map((line) => line.amounts);
  const fen = fenAmounts(cells, columns);
  const sums = fen
    ? fenAccumulator(fen, columns, nodeCount)
    : decimalAccumulator(columns, nodeCount);

  for (let i = 0; i < lines.length; i++) {
    const code = codes[i];
    if (code === undefined || extended.has(code)) continue;
    const node = nodeIndex.get(code)!;
    const amounts = lines[i].amounts;
    for (let c = 0; c < columns; c++) {
      const cell = amounts[c];
      if (cell === null || cell === undefined || cell === "") continue;
      if (typeof cell !== "number" && parseAmount(cell).kind === "invalid") {
        problems.push({ index: i, column: c, reason: "badAmount", value: String(cell) });
        continue;
      }
      sums.add(node, c, cell, i);
    }
  }

  // 3. Roll leaves up: deepest codes first, so each parent receives finished children.
  const byDepth = ordered.slice().sort((a, b) => b.length - a.length);
  for (const code of byDepth) {
    const parent =
      code.length === 7 ? code.slice(0, 5) : code.length === 5 ? code.slice(0, 3) : undefined;
    sums.merge(parent === undefined ? 0 : nodeIndex.get(parent)!, nodeIndex.get(code)!);
  }

  const deepest = ordered.reduce<CodeLevel>(
    (max, code) => Math.max(max, levelOfCode(code, system)!) as CodeLevel,
    1
  );
  const depth = options.depth ?? deepest;
  const rows: RollupRow[] = [
    { code: "", name: options.totalLabel ?? "合计", level: 0, amounts: sums.result(0) },
  ];
  for (const code of ordered) {
    const level = levelOfCode(code, system)!;
    if (level > depth) continue;
    rows.push({
      code,
      name: userNames.get(code) ?? catalog.name(code) ?? "",
      level,
      amounts: sums.result(nodeIndex.get(code)!),
    });
  }
  return { rows, problems, system };
}
