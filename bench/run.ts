/*
 * `npm run bench` runs every benchmark suite; `npm run bench -- rollup` runs the named ones.
 * Each suite prints its own report. Timings are never asserted: the exit code is non-zero only
 * when a suite found that the implementations it compares disagree (or a suite crashed).
 *
 * To add a benchmark: write a BenchSuite (see harness.ts) in its own file and list it below.
 */
import { gcAvailable } from "./harness";
import type { BenchSuite } from "./harness";
import { rollupSuite } from "./rollup";
import { checkSuite } from "./check";
import { exportSuite } from "./export";
import { taskpaneSuite } from "./taskpane";
import { ledgerCheckSuite } from "./ledgerCheck";
import { ledgerMemorySuite } from "./ledgerMemory";
import { reportSuite } from "./report";

const SUITES: readonly BenchSuite[] = [
  rollupSuite,
  ledgerCheckSuite,
  ledgerMemorySuite,
  checkSuite,
  exportSuite,
  taskpaneSuite,
  reportSuite,
];

function usage(): string {
  return [
    "usage: npm run bench [-- <suite> …] [--<option>=<value> …]",
    "suites:",
    ...SUITES.map((s) => `  ${s.name.padEnd(10)} ${s.description}`),
    "options are handed to every suite that runs, e.g. --hyperformula-budget=600 (rollup: seconds for HyperFormula at 100,000 lines)",
  ].join("\n");
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(usage() + "\n");
    return 0;
  }
  const args = argv.filter((arg) => !arg.startsWith("--"));
  const options: Record<string, string> = {};
  for (const arg of argv.filter((a) => a.startsWith("--"))) {
    const [name, ...value] = arg.slice(2).split("=");
    options[name] = value.join("=");
  }
  const unknown = args.filter((name) => !SUITES.some((s) => s.name === name));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark suite(s): ${unknown.join(", ")}\n${usage()}\n`);
    return 2;
  }
  const selected = args.length === 0 ? SUITES : SUITES.filter((s) => args.includes(s.name));

  process.stdout.write(
    `Node ${process.version}, ${process.platform}/${process.arch}` +
      (gcAvailable()
        ? ", GC between runs"
        : ", no --expose-gc: garbage of one run may be billed to the next") +
      "\n\n"
  );
  let consistent = true;
  for (const suite of selected) {
    const started = Date.now();
    const ok = await suite.run(options);
    consistent &&= ok;
    process.stdout.write(
      `\n[${suite.name}: ${((Date.now() - started) / 1000).toFixed(0)} s${ok ? "" : ", RESULTS DISAGREE"}]\n\n`
    );
  }
  return consistent ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `benchmark crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
    );
    process.exitCode = 1;
  }
);
