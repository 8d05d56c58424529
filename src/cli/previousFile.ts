/*
 * Last year's disclosure for the CLI: `--previous <file>` (one workbook in any layout the tool
 * reads, or the published .docx, its Word tables read as grids)
 * and `--previous-dir <dir>` (a folder of last year's workbooks, each input paired with the one of
 * the same department and year − 1). Read once per file and kept: a batch with one --previous
 * reads it once per worker thread.
 */
import { readFile } from "fs/promises";
import path from "path";
import type { Finding } from "../core/finding";
import { PREVIOUS_RULE } from "../core/previous/types";
import type { Grid } from "../core/grid";
import { sameDepartment } from "../core/previous/pairing";
import { readPreviousDisclosure } from "../core/previous/read";
import type { PreviousDisclosure } from "../core/previous/types";
import { workbookSubject } from "../core/previous/subject";
import type { WorkbookSubject } from "../core/previous/subject";
import type { UnitNature } from "../core/model";
import { gridsFromXlsx } from "../io/readXlsx";
import { describeDocxReadError, docxInput, isDocxFile } from "./docxInput";
import { describeReadError } from "./readError";
import { expandInputs } from "./expandInputs";

export type PreviousFileResult =
  { previous: PreviousDisclosure; findings: Finding[] } | { error: string; findings: Finding[] };

const cache = new Map<string, Promise<PreviousFileResult>>();

/**
 * A workbook's sheets, or a published .docx's tables read as grids (io/docxTables) with what the
 * reader could not read in it: warnings that last year's figures may be incomplete.
 */
async function readGrids(
  file: string
): Promise<{ grids: Grid[]; findings: Finding[] } | { error: string }> {
  let bytes: Uint8Array | undefined;
  const docx = isDocxFile(file);
  try {
    bytes = await readFile(file);
    if (!docx) return { grids: await gridsFromXlsx(bytes), findings: [] };
    const input = await docxInput(bytes);
    const findings = input.findings.map((f): Finding => ({
      ruleId: f.ruleId,
      severity: "warning",
      message: `上年公开文件“${path.basename(file)}”${f.sheet ? `【${f.sheet}】${f.cell ?? ""}` : ""}：${f.message}上年数可能不全。`,
    }));
    return { grids: input.grids, findings };
  } catch (error) {
    const why = docx ? describeDocxReadError(error, bytes) : describeReadError(error, bytes);
    return { error: `无法读取上年公开文件“${file}”：${why}` };
  }
}

/** Last year's disclosure from a workbook file; an unreadable file is an `error`, never a throw. */
export function readPreviousFile(
  file: string,
  unitNature?: UnitNature
): Promise<PreviousFileResult> {
  const key = `${path.resolve(file)}|${unitNature ?? ""}`;
  let result = cache.get(key);
  if (!result) {
    result = (async () => {
      const input = await readGrids(file);
      if ("error" in input) return { error: input.error, findings: [] };
      const read = readPreviousDisclosure(input.grids, {
        source: path.basename(file),
        ...(unitNature ? { unitNature } : {}),
      });
      return read.previous
        ? { previous: read.previous, findings: [...input.findings, ...read.findings] }
        : { error: read.findings.map((f) => f.message).join("；"), findings: read.findings };
    })();
    cache.set(key, result);
  }
  return result;
}

/** One workbook of a --previous-dir: its path and whom and when it is about. */
export interface PreviousDirEntry extends WorkbookSubject {
  file: string;
}

/** Reads every workbook below `dir` for its department and year (plain data: it goes to workers). */
export async function indexPreviousDir(
  dir: string
): Promise<{ entries: PreviousDirEntry[]; problems: string[] }> {
  // Last year's may be a workbook or the published .docx.
  const { files, problems } = await expandInputs([dir], { documents: true });
  const entries: PreviousDirEntry[] = [];
  for (const file of files) {
    const input = await readGrids(file);
    if ("error" in input) {
      problems.push({ input: file, message: input.error });
      continue;
    }
    entries.push({ file, ...workbookSubject(input.grids) });
  }
  return { entries, problems: problems.map((p) => `${p.input}：${p.message}`) };
}

/** The entry for this year's subject: same department, year − 1; undefined when there is none. */
export function pairFromDir(
  subject: WorkbookSubject,
  entries: readonly PreviousDirEntry[]
): PreviousDirEntry | undefined {
  if (subject.year === undefined) return undefined;
  return entries.find((e) => e.year === subject.year! - 1 && sameDepartment(subject, e) === true);
}

/** Where last year's disclosure comes from: one file for every input, or a folder to pair from. */
export interface PreviousSource {
  previous?: string;
  previousDir?: { dir: string; entries: PreviousDirEntry[] };
}

/**
 * Last year's disclosure for this workbook (check and export alike), and why there is none when
 * one was asked for: a --previous-dir without this department's year − 1 is a warning (the
 * workbook is still checked or exported, without last year), an unreadable file an error.
 * `file` says which file was paired.
 */
export async function previousForWorkbook(
  grids: Grid[],
  source: PreviousSource
): Promise<{ previous?: PreviousDisclosure; file?: string; findings: Finding[] }> {
  if (source.previous === undefined && !source.previousDir) return { findings: [] };
  const subject = workbookSubject(grids);
  let file = source.previous;
  if (file === undefined && source.previousDir) {
    file = pairFromDir(subject, source.previousDir.entries)?.file;
    if (file === undefined) {
      const who = subject.department ? `“${subject.department}”` : "本部门";
      const when = subject.year !== undefined ? `${subject.year - 1} 年` : "上一年度";
      return {
        findings: [
          {
            ruleId: PREVIOUS_RULE.unreadable,
            severity: "warning",
            message: `在 --previous-dir “${source.previousDir.dir}”中找不到${who}${when}的公开文件，未与上年比较。`,
          },
        ],
      };
    }
  }
  const read = await readPreviousFile(file!, subject.unitNature);
  if ("error" in read)
    return {
      file: file!,
      findings: [{ ruleId: PREVIOUS_RULE.unreadable, severity: "error", message: read.error }],
    };
  return { previous: read.previous, file: file!, findings: read.findings };
}

/**
 * A --previous-dir read for a run (check, export, batch export): its problems written to `stderr`,
 * and undefined — the run stops — when the folder holds no readable workbook.
 */
export async function loadPreviousDir(
  dir: string,
  stderr: { write(text: string): unknown }
): Promise<{ dir: string; entries: PreviousDirEntry[] } | undefined> {
  const index = await indexPreviousDir(dir);
  if (index.entries.length === 0) {
    stderr.write(
      `budget-disclosure: --previous-dir “${dir}”中没有可读的 .xlsx 工作簿或 .docx 文档${index.problems.length > 0 ? `（${index.problems.join("；")}）` : ""}\n`
    );
    return undefined;
  }
  for (const problem of index.problems) stderr.write(`budget-disclosure: ${problem}\n`);
  return { dir, entries: index.entries };
}
