/*
 * The two baselines BUDGET.ROLLUP is measured against.
 *
 * 1. Integer fen: what a careful JavaScript programmer writes when exactness matters and the data
 *    is known to be clean: Math.round(x * 100) per amount, sums of integers (exact below 2^53),
 *    one division per output cell. It is the practical lower bound. It is handed numbers only
 *    (numeric text already parsed, blanks as 0) and does no code validation, so it does less
 *    work than ROLLUP — in its favour.
 * 2. HyperFormula: the same rollup as spreadsheet formulas, one SUMIFS per output cell over the
 *    ledger's columns, in floating point, the way a workbook would do it.
 */
import { HyperFormula } from "hyperformula";
import type { RawCellContent } from "hyperformula";

/** Rows [code, amount1, …]: the 合计 row (code "") first, then 类, 款, 项 codes in code order. */
export type BaselineRows = (string | number)[][];

export function intFenRollup(
  codes: readonly (readonly string[])[],
  amounts: readonly (readonly number[])[],
  columns: number
): BaselineRows {
  // 1. Lines → 项 sums, in integer fen.
  const items = new Map<string, Float64Array>();
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i][0];
    let fen = items.get(code);
    if (fen === undefined) {
      fen = new Float64Array(columns);
      items.set(code, fen);
    }
    const row = amounts[i];
    for (let c = 0; c < columns; c++) fen[c] += Math.round(row[c] * 100);
  }

  // 2. 项 → 款 → 类 → 合计.
  const all = new Map<string, Float64Array>(items);
  const grand = new Float64Array(columns);
  const addInto = (code: string, fen: Float64Array) => {
    let into = all.get(code);
    if (into === undefined) {
      into = new Float64Array(columns);
      all.set(code, into);
    }
    for (let c = 0; c < columns; c++) into[c] += fen[c];
  };
  for (const [code, fen] of items) {
    addInto(code.slice(0, 3), fen);
    addInto(code.slice(0, 5), fen);
    for (let c = 0; c < columns; c++) grand[c] += fen[c];
  }

  // 3. Code order (lexicographic = 类, its 款, their 项), fen → 元.
  const rows: BaselineRows = [["", ...Array.from(grand, (f) => f / 100)]];
  for (const code of [...all.keys()].sort())
    rows.push([code, ...Array.from(all.get(code)!, (f) => f / 100)]);
  return rows;
}

export interface HyperFormulaSheets {
  /** A: code as text ('2013201), B…: amounts (numbers; blanks empty). */
  ledger: RawCellContent[][];
  /** One formula per output row and amount column. */
  out: string[][];
}

const COLUMN_LETTERS = "BCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * The workbook: the ledger as values, and beside it, one row per output code with
 * =SUM(ledger!B:B) for 合计, =SUMIFS(ledger!B:B, ledger!A:A, "201*") for a 类 or 款 and
 * =SUMIFS(ledger!B:B, ledger!A:A, "2013201") for a 项. The list of output codes is an input (in a
 * workbook, someone types or pastes it): only building and computing the workbook is timed.
 */
export function hyperFormulaSheets(
  codes: readonly (readonly string[])[],
  amounts: readonly (readonly number[])[],
  blanks: (line: number, column: number) => boolean,
  outputCodes: readonly string[]
): HyperFormulaSheets {
  const columns = amounts[0]?.length ?? 0;
  const ledger: RawCellContent[][] = codes.map((row, i) => [
    "'" + row[0], // the apostrophe keeps the code text, as in Excel
    ...amounts[i].map((value, c) => (blanks(i, c) ? null : value)),
  ]);
  const out = outputCodes.map((code) =>
    Array.from({ length: columns }, (_, c) => {
      const col = COLUMN_LETTERS[c];
      if (code === "") return `=SUM(ledger!${col}:${col})`;
      const criterion = code.length === 7 ? code : `${code}*`;
      return `=SUMIFS(ledger!${col}:${col},ledger!A:A,"${criterion}")`;
    })
  );
  return { ledger, out };
}

/**
 * HyperFormula settings: Excel's row limit (the default, 40,000 rows, refuses a 100,000-line
 * ledger), and no export rounding, so that the doubles it computed are what we compare. (Its
 * default smartRounding exports 10 significant decimals: 3496682744.07 comes out as 3496682744.1.)
 */
export const HYPERFORMULA_CONFIG = {
  licenseKey: "gpl-v3",
  maxRows: 1_048_576,
  smartRounding: false,
};

/** HyperFormula's default export rounding (smartRounding, precisionRounding 10), for the report. */
export function hyperFormulaDefaultRounding(value: number): number {
  if (value === 0) return value;
  const places = Math.pow(10, 10 - Math.floor(Math.log10(Math.abs(value))));
  return Math.sign(value) * (Math.round(Math.abs(value) * places) / places);
}

/** Builds the workbook (HyperFormula computes while building) and reads the output sheet. */
export function runHyperFormula(sheets: HyperFormulaSheets): number[][] {
  const hf = HyperFormula.buildFromSheets(
    { ledger: sheets.ledger, out: sheets.out },
    HYPERFORMULA_CONFIG
  );
  const values = hf.getSheetValues(hf.getSheetId("out")!) as number[][];
  hf.destroy();
  return values;
}
