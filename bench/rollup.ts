/*
 * `npm run bench -- rollup`: BUDGET.ROLLUP over synthetic ledgers of 1,000 / 10,000 / 100,000
 * lines, against an integer-fen rollup (the practical lower bound in JavaScript) and the same
 * rollup as SUMIFS formulas in HyperFormula (doing it with spreadsheet formulas).
 * Target: ROLLUP within 2× of integer fen at 100,000 lines, while staying exact.
 */
import { budgetRollup } from "../src/functions/budgetFunctions";
import { rollupByCodePrefix } from "../src/core/rollup";
import type { RollupInput } from "../src/core/rollup";
import { codeTree, generateLedger } from "./ledger";
import type { Ledger, LedgerOptions } from "./ledger";
import { grouped, keep, measureInterleaved, median, ms, ratio, table, timeOnce } from "./harness";
import type { BenchSuite, Measurement, Plan } from "./harness";
import { runHyperFormulaInWorker } from "./hyperFormulaWorker";
import {
  hyperFormulaDefaultRounding,
  hyperFormulaSheets,
  intFenRollup,
  runHyperFormula,
} from "./rollupBaselines";
import type { BaselineRows } from "./rollupBaselines";

interface Case {
  label: string;
  lines: number;
  ledger?: LedgerOptions;
  /** HyperFormula runs on the plain ledgers only: formula doubles change nothing for it. */
  hyperFormula: boolean;
}

const CASES: readonly Case[] = [
  { label: "1,000", lines: 1_000, hyperFormula: true },
  { label: "10,000", lines: 10_000, hyperFormula: true },
  { label: "100,000", lines: 100_000, hyperFormula: true },
  // Every 合计 and some 基本支出 cells are formula results (=C2+D2): more doubles off their 2 decimals.
  { label: "100,000 †", lines: 100_000, ledger: { formulaTotalRate: 1 }, hyperFormula: false },
];
const COLUMNS = 3;
const TARGET_LINES = 100_000;
const TARGET_RATIO = 2;

/**
 * Timed runs of the three fast implementations (interleaved), per ledger size. Each timed run is
 * preceded by a full collection, which costs more wall time than the run itself: hence the caps.
 */
const FAST_PLAN: Record<number, Plan> = {
  1_000: { warmup: 30, minRuns: 30, maxRuns: 100, budgetMs: 3_000 },
  10_000: { warmup: 10, minRuns: 15, maxRuns: 50, budgetMs: 6_000 },
  100_000: { warmup: 3, minRuns: 9, maxRuns: 31, budgetMs: 15_000 },
};

/**
 * HyperFormula is slow (one SUMIFS scans the whole ledger per output cell), so it gets few runs:
 * 1,000 lines warm the JIT and are timed a few times, 10,000 lines are timed without further
 * warm-up, and 100,000 lines get one run in a worker that is stopped at the budget.
 */
const HF_PLAN: Record<number, Plan> = {
  1_000: { warmup: 1, minRuns: 3, maxRuns: 7, budgetMs: 6_000 },
  10_000: { warmup: 0, minRuns: 1, maxRuns: 3, budgetMs: 30_000 },
};
/** Seconds HyperFormula may take for its one run at 100,000 lines (--hyperformula-budget=N). */
const HF_SINGLE_RUN_BUDGET_S = 60;

interface SizeReport {
  label: string;
  lines: number;
  rollup: Measurement;
  raw: Measurement;
  intFen: Measurement;
  hf: { measurement?: Measurement; note?: string };
}

function log(text = ""): void {
  process.stdout.write(text + "\n");
}

/**
 * The output codes of ROLLUP's result, and the amounts as [code, a1, a2, …] (its 说明 column left
 * out; a blank amount, which no line has a figure for, compared as the 0 the baselines give it).
 */
function rollupRows(result: ReturnType<typeof budgetRollup>): BaselineRows {
  if (!result.ok) throw new Error(`BUDGET.ROLLUP refused the ledger: ${result.problem.message}`);
  return result.value.map((row) => [
    row[0] as string,
    ...(row.slice(2, 2 + COLUMNS) as (number | "")[]).map((a) => (a === "" ? 0 : a)),
  ]);
}

/** Exact comparison: same codes, same order, every amount the same double. Returns the first differences. */
function exactDifferences(expected: BaselineRows, actual: BaselineRows, label: string): string[] {
  const out: string[] = [];
  if (expected.length !== actual.length)
    out.push(`${label}: ${actual.length} rows, ROLLUP has ${expected.length}`);
  for (let r = 0; r < Math.min(expected.length, actual.length) && out.length < 10; r++) {
    for (let c = 0; c <= COLUMNS; c++) {
      if (expected[r][c] !== actual[r][c]) {
        out.push(
          `${label}: row ${r} (${expected[r][0] || "合计"}) column ${c}: ROLLUP ${expected[r][c]}, ${label} ${actual[r][c]}`
        );
      }
    }
  }
  return out;
}

/** Largest |HyperFormula − ROLLUP| over all output cells, and how many cells are not the same double. */
function floatDifferences(expected: BaselineRows, values: readonly (readonly unknown[])[]) {
  let maxAbs = 0;
  let maxAbsDefault = 0;
  let inexact = 0;
  let cells = 0;
  let worst = "";
  const wrong: string[] = [];
  for (let r = 0; r < expected.length; r++) {
    for (let c = 1; c <= COLUMNS; c++) {
      const want = expected[r][c] as number;
      const got = values[r]?.[c - 1];
      cells++;
      if (typeof got !== "number") {
        wrong.push(
          `row ${r} (${expected[r][0] || "合计"}) column ${c}: ROLLUP ${want}, HyperFormula ${JSON.stringify(got)}`
        );
        continue;
      }
      const diff = Math.abs(got - want);
      if (diff !== 0) inexact++;
      if (diff > maxAbs) {
        maxAbs = diff;
        worst = `${expected[r][0] || "合计"}: ${got} vs ${want}`;
      }
      maxAbsDefault = Math.max(maxAbsDefault, Math.abs(hyperFormulaDefaultRounding(got) - want));
      // Half a fen: beyond float noise, the totals would be wrong, not just inexact.
      if (diff >= 0.005)
        wrong.push(
          `row ${r} (${expected[r][0] || "合计"}) column ${c}: ROLLUP ${want}, HyperFormula ${got}`
        );
    }
  }
  return { maxAbs, maxAbsDefault, inexact, cells, worst, wrong };
}

function rollupInputs(ledger: Ledger): RollupInput[] {
  return ledger.codes.map((row, i) => ({ code: row[0], amounts: ledger.cells[i] }));
}

async function runCase(testCase: Case, hfBudgetS: number, failures: string[]): Promise<SizeReport> {
  const { lines, label } = testCase;
  const ledger = generateLedger(lines, testCase.ledger);
  const s = ledger.stats;
  log(
    `  ${label} lines: ${s.distinctItems} distinct 项, ${grouped(s.blank)} blank cells, ` +
      `${grouped(s.numericText)} numeric-text cells, ${grouped(s.floatArtefacts)} formula doubles with float artefacts`
  );

  // Correctness first: a benchmark of implementations that disagree measures nothing.
  const expected = rollupRows(budgetRollup(ledger.codes, ledger.cells));
  const baseline = intFenRollup(ledger.codes, ledger.numbers, COLUMNS);
  const inputs = rollupInputs(ledger);
  const raw = rollupByCodePrefix(inputs, { columns: COLUMNS });
  const rawRows: BaselineRows = raw.rows.map((row) => [
    row.code,
    ...row.amounts.map((a) => (a === null ? 0 : Number(a.toString()))),
  ]);
  const differences = [
    ...exactDifferences(expected, baseline, "int-fen"),
    ...exactDifferences(expected, rawRows, "rollupByCodePrefix"),
  ];
  if (raw.problems.length > 0)
    differences.push(`rollupByCodePrefix reported ${raw.problems.length} problems`);
  if (differences.length > 0) {
    failures.push(...differences.map((d) => `${label} lines: ${d}`));
    log(
      `    !!! RESULTS DIFFER (${differences.length}):\n${differences.map((d) => "    !!! " + d).join("\n")}`
    );
  } else {
    log(
      `    check: BUDGET.ROLLUP = rollupByCodePrefix = int-fen, exactly, on all ${expected.length} rows × ${COLUMNS} columns`
    );
  }

  const timings = measureInterleaved(
    {
      rollup: () => budgetRollup(ledger.codes, ledger.cells),
      raw: () => rollupByCodePrefix(inputs, { columns: COLUMNS }),
      intFen: () => intFenRollup(ledger.codes, ledger.numbers, COLUMNS),
    },
    FAST_PLAN[lines]
  );

  const { rollup, raw: rawTiming, intFen } = timings;
  const report: SizeReport = { label, lines, rollup, raw: rawTiming, intFen, hf: {} };
  if (!testCase.hyperFormula) return report;
  const sheets = hyperFormulaSheets(
    ledger.codes,
    ledger.numbers,
    (i, c) => ledger.cells[i][c] === "",
    expected.map((row) => row[0] as string)
  );
  const hf = report.hf;
  let hfValues: number[][] | undefined;
  const plan = HF_PLAN[lines];
  if (plan) {
    for (let i = 0; i < plan.warmup; i++) keep(runHyperFormula(sheets));
    const samples: number[] = [];
    while (
      samples.length < plan.maxRuns &&
      (samples.length < plan.minRuns || samples.reduce((a, b) => a + b, 0) < plan.budgetMs)
    ) {
      samples.push(timeOnce(() => (hfValues = runHyperFormula(sheets))));
    }
    hf.measurement = {
      runs: samples.length,
      medianMs: median(samples),
      minMs: Math.min(...samples),
    };
  } else {
    const outcome = await runHyperFormulaInWorker(sheets, hfBudgetS * 1000);
    if (outcome.kind === "done") {
      hf.measurement = { runs: 1, medianMs: outcome.ms, minMs: outcome.ms };
      hfValues = outcome.values;
    } else if (outcome.kind === "timedOut") {
      hf.note = `skipped: >${hfBudgetS} s`;
      log(
        `    HyperFormula: stopped after ${(outcome.afterMs / 1000).toFixed(0)} s, the budget for its one run ` +
          `(npm run bench -- rollup --hyperformula-budget=<seconds> to give it more)`
      );
    } else {
      hf.note = "failed";
      log(`    HyperFormula: failed: ${outcome.message}`);
    }
  }
  if (hfValues) {
    const d = floatDifferences(expected, hfValues);
    if (d.wrong.length > 0) {
      failures.push(...d.wrong.map((w) => `${label} lines, HyperFormula: ${w}`));
      log(
        `    !!! HYPERFORMULA TOTALS DIFFER BEYOND FLOAT ROUNDING (${d.wrong.length}):\n${d.wrong
          .slice(0, 10)
          .map((w) => "    !!! " + w)
          .join("\n")}`
      );
    }
    log(
      `    check: HyperFormula within float rounding: max |Δ| = ${d.maxAbs.toExponential(2)} (${d.worst}); ` +
        `${grouped(d.inexact)} of ${grouped(d.cells)} cells not the exact double; ` +
        `with its default export rounding max |Δ| = ${d.maxAbsDefault.toFixed(2)}`
    );
  }
  return report;
}

async function run(options: Readonly<Record<string, string>> = {}): Promise<boolean> {
  const hfBudgetS = Number(options["hyperformula-budget"] ?? HF_SINGLE_RUN_BUDGET_S);
  if (!(hfBudgetS > 0)) {
    throw new Error(`--hyperformula-budget wants seconds, got "${options["hyperformula-budget"]}"`);
  }
  const tree = codeTree();
  log(
    `ROLLUP benchmark: synthetic 支出功能分类 ledgers over ${tree.classes.length} 类, ${tree.sections.length} 款, ${tree.items.length} 项; ${COLUMNS} amount columns; lines in random order`
  );
  const failures: string[] = [];
  const reports: SizeReport[] = [];
  for (const testCase of CASES) reports.push(await runCase(testCase, hfBudgetS, failures));

  const hfCell = (r: SizeReport, pick: (m: Measurement) => number) =>
    r.hf.measurement ? ms(pick(r.hf.measurement)) : (r.hf.note ?? "–");
  const hfRatio = (r: SizeReport) =>
    r.hf.measurement ? ratio(r.hf.measurement.medianMs / r.rollup.medianMs) : "–";
  log();
  log("ROLLUP benchmark (median of N runs, ms; min in parentheses)");
  log(
    table(
      [
        "lines",
        "ROLLUP",
        "rollupByCodePrefix",
        "int-fen",
        "HyperFormula",
        "ROLLUP/int-fen",
        "raw/int-fen",
        "HyperFormula/ROLLUP",
      ],
      reports.map((r) => [
        r.label,
        `${ms(r.rollup.medianMs)} (${ms(r.rollup.minMs)})`,
        `${ms(r.raw.medianMs)} (${ms(r.raw.minMs)})`,
        `${ms(r.intFen.medianMs)} (${ms(r.intFen.minMs)})`,
        r.hf.measurement
          ? `${hfCell(r, (m) => m.medianMs)} (${hfCell(r, (m) => m.minMs)})`
          : hfCell(r, (m) => m.medianMs),
        ratio(r.rollup.medianMs / r.intFen.medianMs),
        ratio(r.raw.medianMs / r.intFen.medianMs),
        hfRatio(r),
      ])
    )
  );
  log(
    `N: ${reports
      .map(
        (r) =>
          `${r.label}: ${r.rollup.runs}` +
          (r.hf.measurement ? ` (HyperFormula ${r.hf.measurement.runs})` : "")
      )
      .join("; ")}`
  );
  log(
    "ROLLUP = BUDGET.ROLLUP's pure implementation budgetRollup(codes, amounts) on cells as Excel hands them; " +
      "rollupByCodePrefix = the engine alone on prepared lines; int-fen = Math.round(x*100) sums in a Map, given " +
      "numbers only (numeric text pre-parsed, blanks as 0, no code checks: in its favour); HyperFormula = " +
      "buildFromSheets with one SUMIFS per output cell (类/款 by wildcard, 项 by exact code), build + compute."
  );

  log(
    "† the same size with every 合计 (and 5% of 基本支出) a formula result: ~6% of the doubles are off " +
      "their 2-decimal value (0.1 + 0.2 style) and are read through their 15 significant digits."
  );
  const target = reports.find((r) => r.lines === TARGET_LINES && !r.label.includes("†"));
  if (target) {
    const measured = target.rollup.medianMs / target.intFen.medianMs;
    const met = measured <= TARGET_RATIO;
    log();
    log(
      `Target (ROLLUP ≤ ${TARGET_RATIO}× int-fen at ${grouped(TARGET_LINES)} lines): ${met ? "MET" : "NOT MET"} — ` +
        `ROLLUP/int-fen = ${ratio(measured)} (${ms(target.rollup.medianMs)} ms vs ${ms(target.intFen.medianMs)} ms; ` +
        `min vs min ${ratio(target.rollup.minMs / target.intFen.minMs)}; ` +
        `rollupByCodePrefix alone ${ratio(target.raw.medianMs / target.intFen.medianMs)})` +
        (failures.length === 0 ? ", results exact." : ", BUT RESULTS DIFFER.")
    );
  }
  if (failures.length > 0)
    log(
      `\n!!! ${failures.length} DISAGREEMENT(S): the timings above compare implementations that do not agree.`
    );
  return failures.length === 0;
}

export const rollupSuite: BenchSuite = {
  name: "rollup",
  description: "BUDGET.ROLLUP vs integer fen vs HyperFormula SUMIFS, 1k / 10k / 100k lines",
  run,
};
