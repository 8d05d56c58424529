/*
 * One workbook file → one result record. The record is plain data (it crosses worker threads by
 * structured clone) and checkFile never throws: a file that cannot be read is a record with `error`.
 */
import { readFile } from "fs/promises";
import { checkWorkbook } from "../core/check/workbook";
import type { Finding } from "../core/finding";
import type { Grid } from "../core/grid";
import type { TemplateId } from "../core/model";
import type { NarrativeInput } from "../core/narrative/types";
import { gridsFromXlsx } from "../io/readXlsx";

export interface CheckOptions {
  template?: TemplateId;
  strictRounding?: boolean;
  /** A 情况说明 given apart from the workbook (check --narrative). */
  narrative?: NarrativeInput[];
}

export interface FileResult {
  /** The path as the user gave it (or as found under a directory they gave). */
  file: string;
  department?: string;
  year?: number;
  template?: TemplateId;
  /** Worksheet names in workbook order, so reports can list sheets as the clerk sees them. */
  sheets: string[];
  findings: Finding[];
  /** Set when the file could not be read; then there are no findings. */
  error?: string;
  /** Read and check time. */
  ms: number;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Chinese first, with the technical reason after it for whoever has to dig further. */
export function describeReadError(error: unknown, bytes?: Uint8Array): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "找不到文件";
  if (code === "EACCES" || code === "EPERM") return "没有读取权限";
  if (code === "EISDIR") return "这是一个目录，不是文件";
  if (bytes) {
    if (bytes.length === 0) return "文件是空的（0 字节），不是有效的 .xlsx 工作簿";
    if (startsWith(bytes, OLE2_MAGIC)) {
      return "这是旧版 .xls 或加密的工作簿，无法读取；请在 Excel 中取消密码并另存为 .xlsx";
    }
    if (!startsWith(bytes, ZIP_MAGIC))
      return "不是有效的 .xlsx 工作簿（文件内容不是 xlsx 格式，可能已损坏或扩展名不对）";
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `工作簿已损坏或不完整（${detail}）`;
}

export async function checkFile(file: string, options: CheckOptions = {}): Promise<FileResult> {
  const started = performance.now();
  const failed = (error: string): FileResult => ({
    file,
    sheets: [],
    findings: [],
    error,
    ms: elapsed(started),
  });
  let bytes: Uint8Array | undefined;
  let grids: Grid[];
  try {
    bytes = await readFile(file);
    grids = await gridsFromXlsx(bytes);
  } catch (error) {
    return failed(describeReadError(error, bytes));
  }
  try {
    const result = checkWorkbook(grids, {
      template: options.template,
      strictRounding: options.strictRounding,
      narrative: options.narrative,
    });
    return {
      file,
      department: result.model.department?.value,
      year: result.model.year?.value,
      template: result.template,
      sheets: grids.map((g) => g.sheet),
      findings: result.findings,
      ms: elapsed(started),
    };
  } catch (error) {
    // The engine reports bad input as findings; an exception here is a bug in the engine.
    const detail = error instanceof Error ? error.message : String(error);
    return failed(`检查时程序出错，请把此文件和以下信息报告给开发者（${detail}）`);
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
