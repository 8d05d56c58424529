/*
 * `npm run bench -- ledger`: checking a clerk's ledger (部门信息 + 预算明细) at 1k / 10k / 100k lines
 * (and 1M with --ledger-max=1000000), file reading excluded. Reported in the same run, interleaved:
 *  - checkWorkbook on the ledger's Grids (goal: 100k lines ≤ 500 ms);
 *  - the floor: one pass over the same rows summing the amount column as integer fen;
 *  - the figures alone, integer path (aggregateFigures) against the Decimal reference
 *    (aggregateFiguresDecimal) — and they must agree, else the suite reports a disagreement.
 */
import os from "os";
import { checkWorkbook } from "../src/core/check/workbook";
import { readLedger } from "../src/core/ledger";
import { aggregateFigures, ledgerFigures } from "../src/core/figures/aggregate";
import { aggregateFiguresDecimal } from "../src/core/figures/figures";
import { ledgerGrids } from "./ledgerWorkbook";
import { measureInterleaved, ms, ratio, table } from "./harness";
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

export const ledgerCheckSuite: BenchSuite = {
  name: "ledger",
  description: "checking a ledger workbook at 1k / 10k / 100k (/ 1M) lines, against the fen floor",
  async run(options = {}) {
    const max = Number(options["ledger-max"] ?? 100_000);
    const sizes = [1_000, 10_000, 100_000, 1_000_000].filter((n) => n <= max);
    log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} (2 cores shared: read ratios)`);
    let agree = true;
    const rows: string[][] = [];
    for (const lines of sizes) {
      const grids = ledgerGrids(lines);
      const runs = lines >= 100_000 ? 5 : 9;
      const plan = { warmup: 1, minRuns: runs, maxRuns: runs, budgetMs: 0 };
      const { check, floor } = measureInterleaved(
        { check: () => checkWorkbook(grids), floor: () => fenFloor(grids[1].values) },
        plan
      );
      const ledger = readLedger(grids).ledger!;
      const figureLines = ledgerFigures(ledger).lines;
      const { integer, decimal } = measureInterleaved(
        {
          integer: () => aggregateFigures(figureLines),
          decimal: () => aggregateFiguresDecimal(figureLines),
        },
        { warmup: 1, minRuns: 3, maxRuns: 3, budgetMs: 0 }
      );
      const same =
        canonical(aggregateFigures(figureLines)) === canonical(aggregateFiguresDecimal(figureLines));
      agree &&= same;
      const findings = checkWorkbook(grids).findings.length;
      rows.push([
        lines.toLocaleString("en"),
        ms(check.medianMs),
        ((check.medianMs * 1000) / lines).toFixed(2),
        ratio(check.medianMs / floor.medianMs),
        ms(integer.medianMs),
        ms(decimal.medianMs),
        ratio(decimal.medianMs / integer.medianMs),
        same ? "yes" : "NO",
        String(findings),
      ]);
    }
    log(
      table(
        [
          "lines",
          "check ms",
          "µs/line",
          "× fen floor",
          "figures int ms",
          "figures Decimal ms",
          "Decimal ÷ int",
          "same figures",
          "findings",
        ],
        rows
      )
    );
    log("goal: 100,000 lines checked in ≤ 500 ms (medians; file reading excluded)");
    return agree;
  },
};
