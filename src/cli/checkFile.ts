/*
 * One workbook file → one result record. The record is plain data (it crosses worker threads by
 * structured clone) and checkFile never throws: a file that cannot be read is a record with `error`.
 */
import { readFileSync } from "fs";
import { checkWorkbook } from "../core/check/workbook";
import type { Finding } from "../core/finding";
import type { Grid } from "../core/grid";
import type { TemplateId } from "../core/model";
import type { NarrativeInput } from "../core/narrative/types";
import { gridsFromXlsx } from "../io/readXlsx";
import { CLI_MESSAGES, detailOf } from "./messages";
import { COVERAGE_MESSAGES } from "../core/messages/coverage";
import { uncheckedReason } from "../core/rules/workbook/completeness";
import type { CheckedTable } from "../core/rules/workbook/completeness";
import { describeReadError } from "./readError";
import {
  DOCX_UNCHECKED,
  SPREADSHEET_ONLY_RULES,
  describeDocxReadError,
  docxInput,
  isDocxFile,
} from "./docxInput";
import { fileYearFindings } from "./fileYear";
import { previousForWorkbook } from "./previousFile";
import type { PreviousDirEntry } from "./previousFile";

export interface CheckOptions {
  template?: TemplateId;
  strictRounding?: boolean;
  /** Most cells a workbook may have (--max-cells); larger ones are refused, unread. */
  maxCells?: number;
  /** A 情况说明 given apart from the workbook (check --narrative). */
  narrative?: NarrativeInput[];
  /** What the reader of that 情况说明 file could not read, reported with the workbook's findings. */
  narrativeFindings?: Finding[];
  /** Last year's disclosure, one workbook for every input (check --previous). */
  previous?: string;
  /** Last year's workbooks of a folder (check --previous-dir), each input paired with its own. */
  previousDir?: { dir: string; entries: PreviousDirEntry[] };
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
  /** The tables read and checked, in workbook order. */
  tables?: CheckedTable[];
  /** The template's mandatory tables not found. */
  missing?: string[];
  /** Only some of the tables (see core/rules/workbook/completeness): not a full disclosure. */
  extract?: boolean;
  /** Tables checked within themselves only (a second set's): not against the other tables. */
  alone?: CheckedTable[];
  /** Set when the file was read but nothing in it could be checked (exit status 2, like `error`). */
  unchecked?: string;
  /** A .docx: per table, the title and caption rows above it (cells are A1 within the grid). */
  captionRows?: Record<string, number>;
  /** Set when the file could not be read; then there are no findings. */
  error?: string;
  /** Read and check time. */
  ms: number;
}

/** Chinese for the clerk, English after it in brackets like the other CLI messages. */
export const UNCHECKED = `${COVERAGE_MESSAGES.noTables}（no standard disclosure table found: nothing was checked）`;

/** Tables were recognised, but none holds a figure: headers only, or blanks and zeros. */
export const UNCHECKED_NO_FIGURES = `${COVERAGE_MESSAGES.noFigures}（the disclosure tables found hold no figures — headers only, or blanks and zeros: nothing was checked）`;

export { describeReadError };

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
  // A published .docx: its tables are the grids, its own text the 情况说明.
  let documentText: NarrativeInput[] | undefined;
  let captionRows: Record<string, number> | undefined;
  // What the .docx reader could not read: findings, so that nothing unread passes in silence.
  let unread: Finding[] = [];
  const docx = isDocxFile(file);
  try {
    // Read synchronously: the file is read whole before anything else is done with it, and a
    // synchronous read skips the round trips through libuv's thread pool (open, stat, read,
    // close), whose threads wait for a core behind V8's compiler threads while the engine warms up.
    bytes = readFileSync(file);
    if (docx)
      ({ grids, narrative: documentText, captionRows, findings: unread } = await docxInput(bytes));
    else grids = await gridsFromXlsx(bytes, { maxCells: options.maxCells });
  } catch (error) {
    return failed(docx ? describeDocxReadError(error, bytes) : describeReadError(error, bytes));
  }
  try {
    const { previous, findings: pairing } = await previousForWorkbook(grids, options);
    const result = checkWorkbook(grids, {
      template: options.template,
      strictRounding: options.strictRounding,
      narrative: options.narrative ?? documentText,
      previous,
    });
    const { coverage } = result;
    const nothing = uncheckedReason(coverage);
    return {
      file,
      department: result.model.department?.value,
      year: result.model.year?.value,
      template: result.template,
      sheets: grids.map((g) => g.sheet),
      ...(captionRows ? { captionRows } : {}),
      findings: [
        ...unread,
        ...(options.narrativeFindings ?? []),
        ...pairing,
        ...fileYearFindings(file, result.model.year),
        ...(docx
          ? result.findings.filter((f) => !SPREADSHEET_ONLY_RULES.has(f.ruleId))
          : result.findings),
      ],
      tables: coverage.tables,
      missing: coverage.missing,
      extract: coverage.extract,
      ...(coverage.alone.length > 0 ? { alone: coverage.alone } : {}),
      // Never 通过 for a workbook in which no table was recognised, or whose tables hold no
      // figure: nothing was checked.
      ...(nothing === "noTables" ? { unchecked: docx ? DOCX_UNCHECKED : UNCHECKED } : {}),
      ...(nothing === "noFigures" ? { unchecked: UNCHECKED_NO_FIGURES } : {}),
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
