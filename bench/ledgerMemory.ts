/*
 * `npm run bench -- memory`: the built CLI checking a ledger file (部门信息 + 预算明细) of 1k / 10k /
 * 100k / 200k / 1M lines (--ledger-max=100000 stops earlier), each in its own process, for peak
 * memory (maximum resident set, from /usr/bin/time -v where it exists, else the child's own
 * resourceUsage) and wall time. Reported in the same run, as ratios to baselines measured alongside:
 *  - reading the same file alone (the streaming reader, in a process of its own);
 *  - an idle Node process (what any run costs before it reads a byte).
 * Goal (issue 12 §3): a 200,000-row ledger in ≤ 500 MB; memory grows linearly (the MB each further
 * 1k lines cost stays flat from one size to the next). A file past --max-cells must be refused with
 * exit 2, never crash: the suite checks that too, and reports a disagreement otherwise.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { writeLedgerXlsx } from "./ledgerWorkbook";
import { grouped, ms, ratio, table } from "./harness";
import type { BenchSuite } from "./harness";

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "bin", "budget-disclosure.js");
const TIME = "/usr/bin/time";

function log(text = ""): void {
  process.stdout.write(text + "\n");
}

interface Run {
  status: number | null;
  ms: number;
  /** Peak resident set, MB. */
  peakMb: number;
  stdout: string;
}

/**
 * Runs a Node script in a child process; its peak RSS from `/usr/bin/time -v`, or, without it, from
 * the child reporting process.resourceUsage().maxRSS on exit (on stderr).
 */
function runNode(args: string[]): Run {
  const useTime = existsSync(TIME);
  const command = useTime ? TIME : process.execPath;
  const argv = useTime
    ? ["-v", process.execPath, ...args]
    : ["-r", path.join(__dirname, "reportMaxRss.cjs"), ...args];
  const started = Date.now();
  const child = spawnSync(command, argv, {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  const elapsed = Date.now() - started;
  let peakKb = NaN;
  const fromTime = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr ?? "");
  if (fromTime) peakKb = Number(fromTime[1]);
  const fromSelf = /maxRSS (\d+)/.exec(child.stderr ?? "");
  if (!fromTime && fromSelf) peakKb = Number(fromSelf[1]);
  return { status: child.status, ms: elapsed, peakMb: peakKb / 1024, stdout: child.stdout ?? "" };
}

/** A child that reads the file with the CLI's reader and nothing else. */
function readAlone(file: string, maxCells: number): Run {
  const reader = path.join(ROOT, "dist-cli", "io", "readXlsx.js");
  return runNode([
    "-e",
    `require(${JSON.stringify(reader)}).gridsFromXlsx(require("fs").readFileSync(${JSON.stringify(file)}), { maxCells: ${maxCells} })` +
      `.then(g => process.stdout.write(String(g[1].values.length)), e => { console.error(e); process.exit(3); })`,
  ]);
}

function buildCli(): void {
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const built = spawnSync(process.execPath, [tsc, "-p", "tsconfig.cli.json"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (built.status !== 0)
    throw new Error(`npm run build:cli failed:\n${built.stdout}\n${built.stderr}`);
}

export const ledgerMemorySuite: BenchSuite = {
  name: "memory",
  description:
    "the CLI checking a ledger file at 1k / 10k / 100k (/ 1M) lines: peak memory and time",
  async run(options = {}) {
    const max = Number(options["ledger-max"] ?? 1_000_000);
    const sizes = [1_000, 10_000, 100_000, 200_000, 1_000_000].filter((n) => n <= max);
    log(
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(
          " "
        )} (2 cores shared: read ratios); peak memory from ${existsSync(TIME) ? "/usr/bin/time -v" : "process.resourceUsage"}`
    );
    buildCli();
    const dir = mkdtempSync(path.join(os.tmpdir(), "budget-memory-"));
    let agree = true;
    try {
      const idle = runNode(["-e", "0"]);
      const rows: string[][] = [];
      let previous: { lines: number; peakMb: number } | undefined;
      const writeMs: string[] = [];
      for (const lines of sizes) {
        const file = path.join(dir, `ledger-${lines}.xlsx`);
        // Each file is written once per run (the 1M one takes a while) and read by both children.
        const writing = Date.now();
        await writeLedgerXlsx(file, lines);
        writeMs.push(`${grouped(lines)}: ${ms(Date.now() - writing)} ms`);
        // Every size is read, whatever the default limit: the point is how memory grows.
        const maxCells = (lines + 10) * 8 + 100;
        const read = readAlone(file, maxCells);
        const check = runNode([
          BIN,
          "check",
          file,
          "--jobs",
          "1",
          "--no-progress",
          "--max-cells",
          String(maxCells),
        ]);
        const checked = check.status === 0 && /通过 1 个/.test(check.stdout);
        agree &&= checked && read.status === 0;
        const before = previous;
        previous = { lines, peakMb: check.peakMb };
        rows.push([
          grouped(lines),
          ms(check.ms),
          ms(read.ms),
          ratio(check.ms / read.ms),
          check.peakMb.toFixed(0),
          read.peakMb.toFixed(0),
          ratio(check.peakMb / read.peakMb),
          ratio(check.peakMb / idle.peakMb),
          before
            ? (((check.peakMb - before.peakMb) * 1000) / (lines - before.lines)).toFixed(2)
            : "–",
          checked ? "通过" : `exit ${check.status}`,
        ]);
      }
      log(
        table(
          [
            "lines",
            "check ms",
            "read-only ms",
            "check ÷ read",
            "check peak MB",
            "read-only peak MB",
            "÷ read",
            "÷ idle node",
            "MB per 1k more lines",
            "result",
          ],
          rows
        )
      );
      log(
        `idle node: ${idle.peakMb.toFixed(0)} MB; files written once in this run (${writeMs.join(", ")})`
      );
      // The refusal: the largest file, under a limit it does not fit, must be exit 2 with the message.
      const largest = path.join(dir, `ledger-${sizes[sizes.length - 1]}.xlsx`);
      const refused = runNode([BIN, "check", largest, "--no-progress", "--max-cells", "5000"]);
      const ok = refused.status === 2 && /工作簿太大/.test(refused.stdout);
      agree &&= ok;
      log(
        `over --max-cells (5,000): exit ${refused.status}, ${ms(refused.ms)} ms, peak ${refused.peakMb.toFixed(0)} MB` +
          (ok ? ", refused as it should be" : " — NOT REFUSED")
      );
      log("goal: 200,000 lines in ≤ 500 MB peak (--ledger-max=200000); MB per 1k lines flat");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return agree;
  },
};
