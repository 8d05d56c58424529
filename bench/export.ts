/*
 * `npm run bench -- export`: how long exporting one department's disclosure takes in Node — the
 * CLI's chain after the check (core/format/disclosure: figures, tables, supplementary tables, the
 * 情况说明), then writeXlsx and writeDocx (chart included), for the example ledger in the Hebei and
 * Shanxi layouts and for quyang's published workbook with its 18 项目绩效目标表. Reading and
 * checking the workbook are not timed (see `check`). Target: under 1 s (median after warm-up).
 * The suite reports "results disagree" when an export reads back with an error its source does not
 * have, or misses a table.
 */
import { readFileSync } from "fs";
import path from "path";
import { checkWorkbook } from "../src/core/check/workbook";
import { buildDisclosure } from "../src/core/format/disclosure";
import type { TemplateId } from "../src/core/model";
import { writeDocx } from "../src/render/docx";
import { gridsFromXlsx } from "../src/io/readXlsx";
import { writeXlsx } from "../src/render/xlsx";
import { collectGarbage, keep, median, ms } from "./harness";
import type { BenchSuite } from "./harness";

const ROOT = path.resolve(__dirname, "..");
const CASES: { label: string; file: string; template: TemplateId }[] = [
  { label: "hebei", file: "quyang-2024-ledger.xlsx", template: "hebei" },
  { label: "shanxi", file: "quyang-2024-ledger.xlsx", template: "shanxi" },
  { label: "hebei, 18 goal forms", file: "quyang-2024.xlsx", template: "hebei" },
];
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
  log("export of one department: xlsx + docx, in this process");
  let consistent = true;
  for (const { label, file, template } of CASES) {
    const grids = await gridsFromXlsx(readFileSync(path.join(ROOT, "examples", file)));
    const check = checkWorkbook(grids);
    const subject = {
      department: check.ledger?.department.name ?? check.model.department?.value ?? "",
      departmentCode: check.ledger?.department.code ?? check.model.department?.code,
      year: check.ledger?.department.year ?? check.model.year?.value ?? 2024,
      template,
    };
    const once = async (): Promise<Timings> => {
      const started = process.hrtime.bigint();
      const { specs, narrative } = buildDisclosure(check, subject).content!;
      const build = Number(process.hrtime.bigint() - started) / 1e6;
      const [xlsx, xlsxMs] = await timeAsync(() => writeXlsx(specs));
      const [docx, docxMs] = await timeAsync(() =>
        writeDocx({
          specs,
          narrative,
          department: subject.department,
          year: subject.year,
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
      `  ${label} (${file}) total ${ms(total)} ms (median of ${RUNS.runs}; target < ${TARGET_MS} ms${total < TARGET_MS ? ", met" : ", MISSED"}): ` +
        `figures + tables + 情况说明 ${ms(m((t) => t.build))} ms, xlsx ${ms(m((t) => t.xlsx))} ms ` +
        `(${(samples[0].bytes.xlsx / 1024).toFixed(0)} KB), docx ${ms(m((t) => t.docx))} ms (${(samples[0].bytes.docx / 1024).toFixed(0)} KB)`
    );

    // The export must read back with no error its source lacks, and with every table.
    const { specs } = buildDisclosure(check, subject).content!;
    const reread = checkWorkbook(await gridsFromXlsx(await writeXlsx(specs)), { template });
    const errors = (findings: typeof reread.findings) =>
      findings.filter((f) => f.severity === "error").length;
    const tables = reread.model.tables.length + (reread.model.forms.length > 0 ? 1 : 0);
    if (errors(reread.findings) > errors(check.findings) || tables < specs.length - 1) {
      log(
        `  ${label}: the export reads back with ${errors(reread.findings)} errors — RESULTS DISAGREE`
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
