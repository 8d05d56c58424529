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
import { CLI_MESSAGES, detailOf } from "./messages";

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

/**
 * Why a file could not be read, Chinese first and English after it; the reader's own words, when
 * they are all there is, are quoted in a sentence of ours. `bytes` are what was read, if anything.
 */
export function describeReadError(error: unknown, bytes?: Uint8Array): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return CLI_MESSAGES.fileNotFound();
  if (code === "EACCES" || code === "EPERM") return CLI_MESSAGES.noReadPermission();
  if (code === "EISDIR") return CLI_MESSAGES.isFolder();
  if (!bytes) return CLI_MESSAGES.cannotRead(detailOf(error));
  if (bytes.length === 0) return CLI_MESSAGES.emptyFile();
  if (startsWith(bytes, OLE2_MAGIC)) return CLI_MESSAGES.oldOrEncrypted();
  if (!startsWith(bytes, ZIP_MAGIC)) return CLI_MESSAGES.notXlsx();
  return CLI_MESSAGES.damaged(detailOf(error));
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
    return failed(CLI_MESSAGES.engineFailed(detailOf(error)));
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
