/*
 * `npm run bench -- export`: how long exporting one department's disclosure takes in Node —
 * the example ledger (quyang-2024) through the whole chain: figures, buildSheets, the 情况说明,
 * writeXlsx and writeDocx (chart included). Reading the workbook is not timed (see `check`).
 * Target: under 1 s (median after warm-up) per template.
 * The suite reports "results disagree" when an export reads back with errors or misses a table.
 */
import { readFileSync } from "fs";
import path from "path";
import { checkWorkbook } from "../src/core/checkWorkbook";
import { buildSheets } from "../src/core/format/buildSheets";
import { ledgerFigures, readLedger } from "../src/core/ledger";
import { generateNarrative } from "../src/core/narrative/generate";
import type { TemplateId } from "../src/core/rules/rule";
import { writeDocx } from "../src/export/docx";
import { gridsFromXlsx } from "../src/export/readXlsx";
import { writeXlsx } from "../src/export/xlsx";
import { collectGarbage, keep, median, ms } from "./harness";
import type { BenchSuite } from "./harness";

const ROOT = path.resolve(__dirname, "..");
const LEDGER = path.join(ROOT, "examples", "quyang-2024-ledger.xlsx");
const TARGET_MS = 1000;
const RUNS = { warmup: 3, runs: 15 };

function log(text = ""): void {
  process.stdout.write(text + "\n");
}

interface Timings {
  build: number;
  xlsx: number;
  docx: number;
  total: number;
  bytes: { xlsx: number; docx: number };
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return [value, Number(process.hrtime.bigint() - start) / 1e6];
}

async function run(): Promise<boolean> {
  const grids = await gridsFromXlsx(readFileSync(LEDGER));
  const { ledger } = readLedger(grids);
  if (!ledger) throw new Error(`${LEDGER} is not a ledger`);
  log(`export of one department (${path.relative(ROOT, LEDGER)}): xlsx + docx, in this process`);
  let consistent = true;
  for (const template of ["hebei", "shanxi"] as TemplateId[]) {
    const department = { ...ledger.department, template };
    const once = async (): Promise<Timings> => {
      const started = process.hrtime.bigint();
      const figures = ledgerFigures(ledger);
      const specs = buildSheets(figures, department, template);
      const narrative = generateNarrative(figures, department, { template });
      const build = Number(process.hrtime.bigint() - started) / 1e6;
      const [xlsx, xlsxMs] = await timeAsync(() => writeXlsx(specs));
      const [docx, docxMs] = await timeAsync(() =>
        writeDocx({
          specs,
          narrative,
          department: department.name,
          year: department.year ?? 2024,
          template,
        })
      );
      keep([xlsx, docx]);
      return {
        build,
        xlsx: xlsxMs,
        docx: docxMs,
        total: Number(process.hrtime.bigint() - started) / 1e6,
        bytes: { xlsx: xlsx.length, docx: docx.length },
      };
    };
    for (let i = 0; i < RUNS.warmup; i++) await once();
    const samples: Timings[] = [];
    for (let i = 0; i < RUNS.runs; i++) {
      collectGarbage();
      samples.push(await once());
    }
    const m = (pick: (t: Timings) => number) => median(samples.map(pick));
    const total = m((t) => t.total);
    log(
      `  ${template.padEnd(6)} total ${ms(total)} ms (median of ${RUNS.runs}; target < ${TARGET_MS} ms${total < TARGET_MS ? ", met" : ", MISSED"}): ` +
        `figures + tables + 情况说明 ${ms(m((t) => t.build))} ms, xlsx ${ms(m((t) => t.xlsx))} ms ` +
        `(${(samples[0].bytes.xlsx / 1024).toFixed(0)} KB), docx ${ms(m((t) => t.docx))} ms (${(samples[0].bytes.docx / 1024).toFixed(0)} KB)`
    );

    // The export must read back clean, with the template's tables.
    const figures = ledgerFigures(ledger);
    const specs = buildSheets(figures, department, template);
    const reread = checkWorkbook(await gridsFromXlsx(await writeXlsx(specs)), { template });
    const errors = reread.findings.filter((f) => f.severity === "error").length;
    if (errors > 0 || reread.model.tables.length < specs.length - 1) {
      log(
        `  ${template}: the exported workbook reads back with ${errors} errors — RESULTS DISAGREE`
      );
      consistent = false;
    }
  }
  return consistent;
}

export const exportSuite: BenchSuite = {
  name: "export",
  description: "one department's disclosure exported to xlsx + docx in Node (target < 1 s)",
  run,
};

if (require.main === module) {
  run().then(
    (ok) => {
      process.exitCode = ok ? 0 : 1;
    },
    (error: unknown) => {
      process.stderr.write(
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
      );
      process.exitCode = 1;
    }
  );
}
