/* Timing and printing helpers shared by the benchmark suites. */

/** A named benchmark suite: prints its own report and says whether its results were consistent. */
export interface BenchSuite {
  name: string;
  description: string;
  /**
   * Resolves to false when implementations disagreed (the run then exits non-zero). `options`
   * holds the `--name=value` arguments of `npm run bench -- …`.
   */
  run(options?: Readonly<Record<string, string>>): Promise<boolean>;
}

export interface Measurement {
  /** Timed runs (after the warm-up). */
  runs: number;
  medianMs: number;
  minMs: number;
}

/** Runs a full collection when the process was started with --expose-gc; otherwise does nothing. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

export const gcAvailable = (): boolean => typeof (globalThis as { gc?: unknown }).gc === "function";

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Keeps results reachable so that no run can be optimised away. */
let sink: unknown;
export function keep(value: unknown): void {
  sink = value;
}
export function sinkValue(): unknown {
  return sink;
}

const settleCell = new Int32Array(new SharedArrayBuffer(4));
/** Milliseconds to wait after a forced collection (see timeOnce). */
const SETTLE_MS = 5;

/**
 * One timed call, with a collection before it so that garbage of earlier runs is not billed to it.
 * V8 finishes a forced collection's sweeping on helper threads; on a 2-core machine that work would
 * compete with the timed call, so the call waits a few milliseconds first.
 */
export function timeOnce(fn: () => unknown): number {
  if (gcAvailable()) {
    collectGarbage();
    Atomics.wait(settleCell, 0, 0, SETTLE_MS);
  }
  const start = process.hrtime.bigint();
  keep(fn());
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export interface Plan {
  warmup: number;
  /** Stop after this many timed runs … */
  maxRuns: number;
  /** … or once this much time went into timed runs, provided `minRuns` are done. */
  budgetMs: number;
  minRuns: number;
}

/**
 * Times several implementations on the same input, interleaved (a, b, c, a, b, c, …) so that
 * drift in machine load affects them alike. Each gets `plan.warmup` untimed calls first.
 */
export function measureInterleaved(
  fns: Record<string, () => unknown>,
  plan: Plan
): Record<string, Measurement> {
  const names = Object.keys(fns);
  for (let i = 0; i < plan.warmup; i++) for (const name of names) keep(fns[name]());
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  let spent = 0;
  for (let run = 0; run < plan.maxRuns; run++) {
    if (run >= plan.minRuns && spent >= plan.budgetMs) break;
    for (const name of names) {
      const ms = timeOnce(fns[name]);
      samples[name].push(ms);
      spent += ms;
    }
  }
  return Object.fromEntries(
    names.map((name) => [
      name,
      {
        runs: samples[name].length,
        medianMs: median(samples[name]),
        minMs: Math.min(...samples[name]),
      },
    ])
  );
}

/** "1,000" */
export function grouped(n: number): string {
  return n.toLocaleString("en-US");
}

/** Milliseconds with 3 significant-ish digits: 0.412, 12.3, 1,234. */
export function ms(value: number): string {
  if (value >= 1000) return grouped(Math.round(value));
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  if (value >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

export function ratio(value: number): string {
  if (!Number.isFinite(value)) return "–";
  return value >= 100 ? `${Math.round(value)}×` : `${value.toFixed(2)}×`;
}

/** A plain text table: first column left-aligned, the rest right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c] ?? ""))));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? pad(cell, widths[c], "end") : pad(cell, widths[c], "start")))
      .join("   ");
  return [line(header), ...rows.map(line)].join("\n");
}

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch
      )
        ? 2
        : 1;
  return w;
}

function pad(text: string, to: number, side: "start" | "end"): string {
  const fill = " ".repeat(Math.max(0, to - width(text)));
  return side === "start" ? fill + text : text + fill;
}
