/*
 * Writes the reports named by `check --report <file>`: the format follows the extension (.html or
 * .htm, .xlsx). Each file is written under a temporary name beside it and renamed into place, so a
 * reviewer who has last year's report open, or a run that is interrupted, never sees half a file.
 */
import { randomBytes } from "crypto";
import { mkdir, readFile, rename, rm, writeFile } from "fs/promises";
import JSZip from "jszip";
import path from "path";
import type { FileResult } from "../checkFile";
import { REPORT_TITLE } from "./about";
import type { ReportAbout } from "./about";
import { renderHtmlReport } from "./html";
import { renderXlsxReport } from "./xlsx";
import { reportFormatOf } from "./reportFormat";
import type { ReportFormat } from "./reportFormat";

export { reportFormatOf };
export type { ReportFormat };

export async function renderReport(
  format: ReportFormat,
  results: readonly FileResult[],
  about: ReportAbout
): Promise<Uint8Array> {
  if (format === "xlsx") return renderXlsxReport(results, about);
  return Buffer.from(renderHtmlReport(results, about), "utf8");
}

/**
 * Whether `file` is an xlsx report of ours (its properties carry the report's title and this tool
 * as creator) — which a new report may replace — rather than a department's workbook, which it
 * may not. Anything unreadable is taken for a workbook.
 */
export async function isReviewWorkbook(file: string): Promise<boolean> {
  try {
    const zip = await JSZip.loadAsync(await readFile(file));
    const core = await zip.file("docProps/core.xml")?.async("string");
    return (
      core !== undefined &&
      core.includes(`<dc:title>${REPORT_TITLE}</dc:title>`) &&
      core.includes("<dc:creator>budget-disclosure</dc:creator>")
    );
  } catch {
    return false;
  }
}

/** Writes `bytes` to `file` through a temporary file in the same directory and a rename. */
export async function writeFileAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temporary = path.join(
    dir,
    `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`
  );
  try {
    await writeFile(temporary, bytes, { flag: "wx" });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export interface ReportOutcome {
  file: string;
  /** Set when the report could not be written (in Chinese, with the system's reason). */
  error?: string;
}

export async function writeReports(
  files: readonly string[],
  results: readonly FileResult[],
  about: ReportAbout
): Promise<ReportOutcome[]> {
  const outcomes: ReportOutcome[] = [];
  for (const file of files) {
    const format = reportFormatOf(file);
    if (!format) {
      outcomes.push({ file, error: "报告只能是 .html 或 .xlsx 文件" });
      continue;
    }
    try {
      await writeFileAtomically(file, await renderReport(format, results, about));
      outcomes.push({ file });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === "EACCES" || code === "EPERM"
          ? "没有写入权限"
          : code === "ENOENT" || code === "ENOTDIR"
            ? "目录不存在或不可用"
            : code === "EISDIR"
              ? "这是一个目录"
              : code === "ENOSPC"
                ? "磁盘空间不足"
                : "写入失败";
      const detail = error instanceof Error ? error.message : String(error);
      outcomes.push({ file, error: `${reason}（${detail}）` });
    }
  }
  return outcomes;
}
