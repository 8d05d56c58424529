/*
 * `npm run bench -- ledger`: checking a clerk's ledger (部门信息 + 预算明细) at 1k / 10k / 100k / 1M
 * lines (--ledger-max=100000 stops earlier), file reading excluded. Reported in the same run,
 * interleaved:
 *  - checkWorkbook on the ledger's Grids (goal: 100k lines ≤ 500 ms), wall (median and min) and the
 *    process's CPU time (median), which a busy shared machine distorts less;
 *  - the floor: one pass over the same rows summing the amount column as integer fen;
 *  - the figures alone, integer path (aggregateFigures) against the Decimal reference
 *    (aggregateFiguresDecimal) — and they must agree, else the suite reports a disagreement.
 * Each size is warmed up until V8 has compiled the check's code (several calls, at least a second)
 * before it is timed: one warm-up call left the 1k figure mostly a measure of the JIT.
 */
import os from "os";
import { checkWorkbook } from "../src/core/check/workbook";
import { readLedger } from "../src/core/ledger";
import { aggregateFigures, ledgerFigures } from "../src/core/figures/aggregate";
import { aggregateFiguresDecimal } from "../src/core/figures/figures";
import type { BudgetFigures } from "../src/core/figures/figures";
import { ledgerGrids } from "./ledgerWorkbook";
import { collectGarbage, gcAvailable, keep, median, ms, ratio, table } from "./harness";
import type { BenchSuite } from "./harness";

function log(text = ""): void {
  process.stdout.write(text + "\n");
}

/** Σ amount in integer fen over the rows: what no checker can beat. */
function fenFloor(rows: readonly unknown[][]): number {
  let fen = 0;
  for (let r = 1; r < rows.length; r++) fen += Math.round((rows[r][7] as number) * 100);
  return fen;
}

/** JSON with keys sorted and −0 as 0: a project's bySource lists its sources in either order. */
function canonical(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v !== null && typeof v === "object"
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort((v as Record<string, unknown>)[k])])
          )
        : v === "-0"
          ? "0"
          : v;
  return JSON.stringify(sort(JSON.parse(JSON.stringify(value))));
}

/**
 * The figures without their lines (both paths list the very line objects they were given, and at
 * 1M lines their JSON alone would take longer than the sums), with the number of lines instead.
 */
function comparable(figures: BudgetFigures): string {
  return canonical({ ...figures, lines: figures.lines.length });
}

interface Timing {
  wall: number[];
  cpu: number[];
}

/** Wall and CPU milliseconds of one call, after a collection (as harness.timeOnce). */
function timeCall(fn: () => unknown, into: Timing): unknown {
  if (gcAvailable()) {
    collectGarbage();
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
  }
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = fn();
  into.wall.push(Number(process.hrtime.bigint() - start) / 1e6);
  const used = process.cpuUsage(cpu);
  into.cpu.push((used.user + used.system) / 1000);
  keep(result);
  return result;
}

/** Calls fn until V8 has had the chance to optimise it: ≥ `calls` calls and ≥ `ms` milliseconds. */
function warmUp(fn: () => unknown, calls: number, forMs: number): number {
  const started = Date.now();
  let n = 0;
  while (n < calls || (Date.now() - started < forMs && n < 50)) {
    keep(fn());
    n++;
  }
  return n;
}

export const ledgerCheckSuite: BenchSuite = {
  name: "ledger",
  description: "checking a ledger workbook at 1k / 10k / 100k / 1M lines, against the fen floor",
  async run(options = {}) {
    const max = Number(options["ledger-max"] ?? 1_000_000);
    const sizes = [1_000, 10_000, 100_000, 1_000_000].filter((n) => n <= max);
    const load = () =>
      os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ");
    log(`load average ${load()} (2 cores shared: read ratios and CPU times)`);
    let agree = true;
    const rows: string[][] = [];
    let previous: { lines: number; medianMs: number } | undefined;
    for (const lines of sizes) {
      const grids = ledgerGrids(lines);
      const huge = lines >= 1_000_000;
      const check = () => checkWorkbook(grids);
      const floor = () => fenFloor(grids[1].values);
      const warm = huge ? warmUp(check, 1, 0) : warmUp(check, 3, 1500);
      warmUp(floor, 3, 0);
      const runs = huge ? 3 : lines >= 100_000 ? 7 : lines >= 10_000 ? 9 : 15;
      const checked: Timing = { wall: [], cpu: [] };
      const floored: Timing = { wall: [], cpu: [] };
      for (let run = 0; run < runs; run++) {
        timeCall(check, checked);
        timeCall(floor, floored);
      }
      const checkMs = median(checked.wall);
      const ledger = readLedger(grids).ledger!;
      const figureLines = ledgerFigures(ledger).lines;
      // At 1M lines the Decimal reference takes tens of seconds: one call each, no warm-up.
      const figureRuns = huge ? 1 : 3;
      const integer: Timing = { wall: [], cpu: [] };
      const decimal: Timing = { wall: [], cpu: [] };
      if (!huge) {
        keep(aggregateFigures(figureLines));
        keep(aggregateFiguresDecimal(figureLines));
      }
      let integerFigures: BudgetFigures | undefined;
      let decimalFigures: BudgetFigures | undefined;
      for (let run = 0; run < figureRuns; run++) {
        integerFigures = timeCall(() => aggregateFigures(figureLines), integer) as BudgetFigures;
        decimalFigures = timeCall(
          () => aggregateFiguresDecimal(figureLines),
          decimal
        ) as BudgetFigures;
      }
      const same = comparable(integerFigures!) === comparable(decimalFigures!);
      agree &&= same;
      const findings = checkWorkbook(grids).findings.length;
      rows.push([
        lines.toLocaleString("en"),
        ms(checkMs),
        ms(Math.min(...checked.wall)),
        ms(median(checked.cpu)),
        ((checkMs * 1000) / lines).toFixed(2),
        ratio(checkMs / median(floored.wall)),
        previous ? ratio(checkMs / previous.medianMs) : "–",
        ms(median(integer.wall)),
        ms(median(decimal.wall)),
        ratio(median(decimal.wall) / median(integer.wall)),
        same ? "yes" : "NO",
        String(findings),
        `${warm}+${runs}`,
        load().split(" ")[0],
      ]);
      previous = { lines, medianMs: checkMs };
    }
    log(
      table(
        [
          "lines",
          "check ms",
          "min ms",
          "CPU ms",
          "µs/line",
          "× fen floor",
          "× previous size",
          "figures int ms",
          "figures Decimal ms",
          "Decimal ÷ int",
          "same figures",
          "findings",
          "warm-up+runs",
          "load",
        ],
        rows
      )
    );
    log(
      "goal: 100,000 lines checked in ≤ 500 ms (median wall; file reading excluded); " +
        "× previous size: 10× the lines should cost at most 10×"
    );
    return agree;
  },
};
