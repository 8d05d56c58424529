/*
 * `budget-disclosure export <dir|glob>… --out <dir>`: the export of many workbooks, on worker
 * threads, for a bureau that publishes what its departments sent. Each file goes through the single
 * export (runExport in exportCommand.ts) unchanged — the same check, the same refusal to overwrite
 * or to export a workbook with errors, the same way of writing — and reports what became of it.
 * The run ends with one line per file (written; skipped: the files exist, or it has errors;
 * unreadable; not exported and why) and exits as `check` does: 2 when anything could not be read
 * or written, else 1 when a workbook had errors, else 0.
 */
import path from "path";
import type { TemplateId } from "../core/model";
import { ExportOutcome, engineContent, runExport } from "./exportCommand";
import type { BatchExportCommand } from "./exportCommand";
import { expandInputs } from "./expandInputs";
import { loadPreviousDir } from "./previousFile";
import type { PreviousDirEntry } from "./previousFile";
import { NO_PROGRESS, createProgress } from "./progress";
import { alignColumns } from "./report";
import { defaultWorkerSpec, runPool } from "./workerPool";
import type { WorkerSpec } from "./workerPool";

/** What every file of the batch is exported with. */
export interface BatchOptions {
  outDir: string;
  template?: TemplateId;
  force: boolean;
  allowErrors: boolean;
  /** --previous-dir, read once for the batch (plain data: it goes to the workers). */
  previousDir?: { dir: string; entries: PreviousDirEntry[] };
  /** --max-cells, for every workbook of the batch. */
  maxCells?: number;
}

/** Main thread → export worker. */
export interface ExportTask {
  id: number;
  file: string;
  options: BatchOptions;
}

export interface BatchResult {
  file: string;
  outcome: ExportOutcome;
}

const SILENT = { write: () => true };

/**
 * One file through the single export, its printed output set aside: what matters here is the
 * outcome. Never throws; a failure of the program is an outcome too.
 */
export async function exportOne(file: string, options: BatchOptions): Promise<BatchResult> {
  let outcome: ExportOutcome | undefined;
  try {
    await runExport(
      { command: "export", input: file, ...options },
      { stdout: SILENT, stderr: SILENT, env: {} },
      engineContent,
      (o) => (outcome = o)
    );
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    outcome = {
      kind: "failed",
      message: `导出时程序出错，请把此文件和以下信息报告给开发者（${detail}）`,
    };
  }
  return { file, outcome: outcome ?? { kind: "failed", message: "未能导出（原因不明）" } };
}

export const OUTCOME_LABEL: Record<ExportOutcome["kind"], string> = {
  written: "已导出",
  exists: "跳过：文件已存在",
  "has-errors": "跳过：有错误",
  unreadable: "无法读取",
  failed: "未能导出",
};

/** 0 when everything was written; 1 when a workbook had errors; 2 when anything else went wrong. */
export function batchExitStatus(results: readonly BatchResult[]): number {
  const kinds = new Set(results.map((r) => r.outcome.kind));
  if (kinds.has("unreadable") || kinds.has("exists") || kinds.has("failed")) return 2;
  if (kinds.has("has-errors")) return 1;
  return 0;
}

/** `甲-2024-部门预算公开.xlsx、.docx`: the pair under one name. */
function pairName(files: readonly string[]): string {
  const names = files.map((f) => path.basename(f));
  const stem = (name: string) => name.replace(/\.[^.]+$/, "");
  if (names.length === 2 && stem(names[0]) === stem(names[1]))
    return `${names[0]}、${path.extname(names[1])}`;
  return names.join("、");
}

function count(results: readonly BatchResult[], kind: ExportOutcome["kind"]): number {
  return results.filter((r) => r.outcome.kind === kind).length;
}

/** The summary: a line per file, then the totals and what to do about what was skipped. */
export function renderBatchSummary(results: readonly BatchResult[], outDir: string): string {
  // Two workbooks of one department and year export to the same names: say so on both lines.
  const writers = new Map<string, string[]>();
  for (const r of results)
    if (r.outcome.kind === "written")
      for (const f of r.outcome.files) writers.set(f, [...(writers.get(f) ?? []), r.file]);
  const others = (r: BatchResult, files: readonly string[]) =>
    [...new Set(files.flatMap((f) => writers.get(f) ?? []))].filter((by) => by !== r.file);
  const rows = results.map((r) => {
    const o = r.outcome;
    let note: string;
    switch (o.kind) {
      case "written": {
        note = pairName(o.files);
        const also = others(r, o.files);
        if (also.length > 0)
          note += `（与本批中 ${also.join("、")} 同一部门、同一年度，导出到同名文件，只留下后写的一份）`;
        if (o.errors > 0) note += `（有 ${o.errors} 个错误，--allow-errors）`;
        if (o.previous !== undefined) note += `（${o.previous}）`;
        break;
      }
      case "exists": {
        const by = others(r, o.files);
        note =
          by.length > 0
            ? `本批中 ${by.join("、")} 已导出同名文件（同一部门、同一年度），未覆盖`
            : `${pairName(o.files)} 已存在，未覆盖`;
        break;
      }
      case "has-errors":
        note = `${o.errors} 个错误，未导出`;
        break;
      default:
        note = o.message;
    }
    return [r.file, OUTCOME_LABEL[o.kind], note];
  });
  const exists = count(results, "exists");
  const errors = count(results, "has-errors");
  const lines = [
    `批量导出到 ${outDir}`,
    alignColumns(["文件", "结果", "说明"], rows, [false, false, false]),
    "",
    `共 ${results.length} 个文件：已导出 ${count(results, "written")} 个，` +
      `跳过 ${exists + errors} 个（文件已存在 ${exists} 个，有错误 ${errors} 个），` +
      `无法读取 ${count(results, "unreadable")} 个，未能导出 ${count(results, "failed")} 个。`,
  ];
  if (errors > 0)
    lines.push(
      "有错误的工作簿：用 budget-disclosure check <文件> --report 审核报告.html 查看错误；如仍要导出，加 --allow-errors。"
    );
  if (exists > 0) lines.push("已存在的文件没有覆盖；要覆盖请加 --force。");
  return lines.join("\n") + "\n";
}

export interface BatchIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
}

/** Files under the output folder are earlier exports, not departments' workbooks (unless named). */
function isInside(file: string, dir: string): boolean {
  const relative = path.relative(path.resolve(dir), path.resolve(file));
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

export async function runBatchExport(
  args: BatchExportCommand,
  io: BatchIO,
  worker: WorkerSpec = defaultWorkerSpec("exportWorker")
): Promise<number> {
  const { files: found, problems } = await expandInputs(args.inputs);
  const named = new Set(args.inputs.map((input) => path.resolve(input)));
  const files = found.filter((f) => named.has(path.resolve(f)) || !isInside(f, args.outDir));
  const options: BatchOptions = {
    outDir: args.outDir,
    template: args.template,
    force: args.force,
    allowErrors: args.allowErrors,
    ...(args.maxCells !== undefined ? { maxCells: args.maxCells } : {}),
  };
  if (args.previousDirPath !== undefined) {
    const previousDir = await loadPreviousDir(args.previousDirPath, io.stderr);
    if (!previousDir) return 2;
    options.previousDir = previousDir;
  }
  const progress =
    args.progress && io.stderr.isTTY && files.length > 1
      ? createProgress(files.length, io.stderr, 100, "导出中")
      : NO_PROGRESS;
  const exported = await runPool<BatchResult>({
    count: files.length,
    jobs: args.jobs,
    worker,
    task: (id): ExportTask => ({ id, file: files[id], options }),
    inProcess: (i) => exportOne(files[i], options),
    crashed: (i, reason) => ({
      file: files[i],
      outcome: {
        kind: "failed",
        message: `导出时程序出错，请把此文件和以下信息报告给开发者（${reason}）`,
      },
    }),
    onResult: (result) => progress.tick(result.file),
  });
  progress.done();
  const results: BatchResult[] = [
    ...exported,
    ...problems.map((p) => ({
      file: p.input,
      outcome: { kind: "unreadable" as const, message: p.message },
    })),
  ];
  io.stdout.write(renderBatchSummary(results, args.outDir));
  return batchExitStatus(results);
}
