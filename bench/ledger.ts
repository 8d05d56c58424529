/*
 * Deterministic synthetic ledgers for the benchmarks: 支出功能分类 项 codes and three amount columns
 * (合计 / 基本支出 / 项目支出), in random line order, with the cell quirks Excel hands a custom function:
 * blanks (""), float artefacts of formula cells (0.1 + 0.2 style), and now and then numeric text
 * such as "1,234.50". Same seed, same ledger, on every machine: no Math.random anywhere.
 */

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. Returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Real 类 codes of 支出功能分类 (2024): 201–224 without 209 (社会保险基金) and 218 (unused), plus
 * 227 预备费, 229 其他支出, 230 转移性支出. The 款 and 项 digits below them are synthetic.
 */
export const LEDGER_CLASSES: readonly string[] = [
  "201",
  "202",
  "203",
  "204",
  "205",
  "206",
  "207",
  "208",
  "210",
  "211",
  "212",
  "213",
  "214",
  "215",
  "216",
  "217",
  "219",
  "220",
  "221",
  "222",
  "223",
  "224",
  "227",
  "229",
  "230",
];

export interface CodeTree {
  /** 类 codes (3 digits). */
  classes: string[];
  /** 款 codes (5 digits). */
  sections: string[];
  /** 项 codes (7 digits): the codes ledger lines carry. */
  items: string[];
}

/** Integers in [low, high], uniformly. */
function intBetween(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** `count` distinct two-digit suffixes from 01…`max`, ascending; "99" (其他…) is often among them. */
function twoDigitSuffixes(random: () => number, count: number, max: number): string[] {
  const chosen = new Set<number>();
  if (random() < 0.5) chosen.add(99);
  while (chosen.size < count) chosen.add(intBetween(random, 1, max));
  return [...chosen].sort((a, b) => a - b).map((n) => String(n).padStart(2, "0"));
}

/** ~25 类 × ~5 款 × ~5 项: about 120 款 and 600 项. The tree depends on the seed only. */
export function codeTree(seed = 2024): CodeTree {
  const random = seededRandom(seed ^ 0x9e3779b9);
  const tree: CodeTree = { classes: [...LEDGER_CLASSES], sections: [], items: [] };
  for (const cls of tree.classes) {
    for (const section of twoDigitSuffixes(random, intBetween(random, 3, 7), 40)) {
      const kuan = cls + section;
      tree.sections.push(kuan);
      for (const item of twoDigitSuffixes(random, intBetween(random, 3, 7), 60))
        tree.items.push(kuan + item);
    }
  }
  return tree;
}

export interface LedgerOptions {
  seed?: number;
  /** Share of 合计 cells that are a formula result (基本 + 项目 added as doubles, artefacts and all). */
  formulaTotalRate?: number;
  /** Share of non-blank amount cells that arrive as numeric text ("1,234.50"). */
  numericTextRate?: number;
  /** Share of zero 基本/项目 cells that are blank ("") rather than 0. */
  blankZeroRate?: number;
  /** Share of lines that are negative adjustments (调减). */
  negativeRate?: number;
}

export interface Ledger {
  /** One column of 7-digit 项 codes, as text, as Excel hands a range to a custom function. */
  codes: string[][];
  /** Three columns (合计, 基本支出, 项目支出) as Excel hands them: doubles, "" for blanks, some numeric text. */
  cells: (number | string)[][];
  /**
   * The same amounts already parsed to numbers (numeric text → its number, blanks → 0), for the
   * baselines, which cannot read text: this is in their favour.
   */
  numbers: number[][];
  tree: CodeTree;
  /** How many cells are numeric text / blank / formula doubles off their 2-decimal value (for the report). */
  stats: { numericText: number; blank: number; floatArtefacts: number; distinctItems: number };
}

/** "1,234.50" / "-12.00": the text a formatted cell pasted as values becomes. */
function formatFen(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, "0");
  return `${sign}${String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents}`;
}

/** Fen, log-uniformly spread from 1 元 to 5,000,000 元 (sums stay far below 2^53 fen). */
function randomFen(random: () => number): number {
  return Math.round(Math.exp(Math.log(100) + random() * (Math.log(5e8) - Math.log(100))));
}

/**
 * A ledger of `lineCount` lines over the fixed code tree. Lines are spread unevenly over the 项
 * (a few 项 carry many lines, as 行政运行 does in real ledgers) and come in random order.
 */
export function generateLedger(lineCount: number, options: LedgerOptions = {}): Ledger {
  const seed = options.seed ?? 20240101;
  const formulaTotalRate = options.formulaTotalRate ?? 0.05;
  const numericTextRate = options.numericTextRate ?? 0.005;
  const blankZeroRate = options.blankZeroRate ?? 0.8;
  const negativeRate = options.negativeRate ?? 0.003;

  const tree = codeTree();
  const random = seededRandom(seed + lineCount);

  // Skewed weights: cumulative table, sampled by binary search.
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < tree.items.length; i++) {
    total += Math.exp(random() * 4); // weights spread over e^0 … e^4
    cumulative.push(total);
  }
  const pickItem = (): string => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] <= target) low = mid + 1;
      else high = mid;
    }
    return tree.items[low];
  };

  const codes: string[][] = [];
  const cells: (number | string)[][] = [];
  const numbers: number[][] = [];
  const seen = new Set<string>();

  /** A cell for an amount in fen: its double, maybe as blank or numeric text. */
  const cellFor = (fen: number, blankable: boolean): number | string => {
    if (fen === 0 && blankable && random() < blankZeroRate) return "";
    if (fen !== 0 && random() < numericTextRate) return formatFen(fen);
    return fen / 100;
  };

  for (let i = 0; i < lineCount; i++) {
    const code = pickItem();
    seen.add(code);
    const kind = random();
    // 55% 基本支出 only, 30% 项目支出 only, 15% both.
    let basic = kind < 0.7 ? randomFen(random) : 0;
    let project = kind >= 0.55 ? randomFen(random) : 0;
    if (random() < negativeRate) {
      basic = -basic;
      project = -project;
    }
    let totalCell: number | string;
    if (random() < formulaTotalRate) {
      // =C2+D2: the double Excel computes, not the nearest double to the 2-decimal sum.
      totalCell = basic / 100 + project / 100;
    } else {
      totalCell = cellFor(basic + project, false);
    }
    let basicCell = cellFor(basic, true);
    if (basic !== 0 && random() < formulaTotalRate) {
      // 基本支出 as =人员经费+公用经费, two 2-decimal doubles added as doubles.
      const personnel = Math.round(basic * random());
      basicCell = personnel / 100 + (basic - personnel) / 100;
    }
    const row = [totalCell, basicCell, cellFor(project, true)];
    codes.push([code]);
    cells.push(row);
    // What the baselines get: the same doubles, with numeric text parsed and blanks as 0 for them.
    numbers.push(
      row.map((cell, c) =>
        typeof cell === "number"
          ? cell
          : cell === ""
            ? 0
            : [basic + project, basic, project][c] / 100
      )
    );
  }
  const stats = { numericText: 0, blank: 0, floatArtefacts: 0, distinctItems: seen.size };
  for (const row of cells) {
    for (const cell of row) {
      if (cell === "") stats.blank++;
      else if (typeof cell === "string") stats.numericText++;
      else if (Math.round(cell * 100) / 100 !== cell) stats.floatArtefacts++; // not the double nearest its 2 decimals
    }
  }
  return { codes, cells, numbers, tree, stats };
}
