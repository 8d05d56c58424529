/**
 * What the pane's buttons do, over a WorkbookHost: read and check the workbook, write the tables,
 * render the export files. Results come back as values (reason codes the view-models turn into
 * text); only a host that fails outright throws. The checking engine (readers, rules, catalogs), the
 * quick fixes, the disclosure's builders and narrative, and the xlsx and docx renderers (exceljs,
 * docx) are each loaded on first use, so the pane opens without them and its first check waits only
 * for the first (and for what engine.ts loads only for the workbooks that need it).
 */
import type { WorkbookCheckResult } from "../core/check/workbook";
import type { Finding } from "../core/finding";
import type { FigureChange } from "../core/figures/figuresFromModel";
import type { TemplateId, UnitNature } from "../core/model";
import type { PreviousDisclosure } from "../core/previous/types";
import { TEMPLATE_IDS } from "../core/templates/registry";
import {
  MIME_TYPES,
  disclosureAbout,
  exportFileName,
  possibleOutputSheetNames,
} from "./disclosure";
import type { ExportFormat } from "./disclosure";
import type { CheckOutcome, FixProposal, FixTarget } from "./engine";
import type { CellContent, CellWriteResult, WorkbookHost, WriteProgress } from "./excel/host";
import type { CellEdit } from "../core/fixes";
import type { PreviousReadResult } from "./previousReader";
import { PREVIOUS_SETTING } from "./previousSetting";
import type { DocumentSettings } from "./previousYear";

export type { CheckOutcome };

function loadEngine() {
  return import(/* webpackChunkName: "engine" */ "./engine");
}

/** The quick fixes (and the second check they make): loaded on the first 修正. */
function loadFixes() {
  return import(/* webpackChunkName: "fixes" */ "./fixEngine");
}

function loadContent() {
  return import(/* webpackChunkName: "content" */ "./content");
}

/** Last year's disclosure kept with the workbook: read, stored, forgotten. */
function loadPreviousYear() {
  return import(/* webpackChunkName: "previous-year" */ "./previousYear");
}

function loadPreviousReader() {
  return import(/* webpackChunkName: "previous-reader" */ "./previousReader");
}

/** A picked file's bytes, read locally (FileReader: every browser the pane runs in has it). */
function fileBytes(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("无法读取文件"));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * Last year's disclosure from the file the clerk picked (上年公开文件), read in the pane: nothing is
 * uploaded. `unitNature` is this year's (the same department), for 机关运行经费 last year.
 */
export async function readPreviousYearFile(
  file: File,
  unitNature?: UnitNature
): Promise<PreviousReadResult> {
  const [data, reader] = await Promise.all([fileBytes(file), loadPreviousReader()]);
  return reader.readPreviousBytes(file.name, data, unitNature);
}

/** Last year's disclosure remembered with this workbook, if any. */
export async function recallPreviousYear(
  settings: DocumentSettings
): Promise<PreviousDisclosure | undefined> {
  // Nothing remembered, as in most workbooks: nothing to load. What is there is read by
  // core/previous/stored.ts, which refuses anything but an object the same way.
  const stored: unknown = settings.get(PREVIOUS_SETTING);
  if (typeof stored !== "object" || stored === null) return undefined;
  return (await loadPreviousYear()).recallPrevious(settings);
}

/** Keeps last year's disclosure with the workbook (its document settings). */
export async function rememberPreviousYear(
  settings: DocumentSettings,
  previous: PreviousDisclosure
): Promise<void> {
  return (await loadPreviousYear()).rememberPrevious(settings, previous);
}

/** Forgets it. */
export async function forgetPreviousYear(settings: DocumentSettings): Promise<void> {
  return (await loadPreviousYear()).forgetPrevious(settings);
}

/**
 * Reads every sheet and checks the workbook in its own layout. The outcome names every sheet read,
 * generated ones too, so the pane knows the earlier output without asking Excel again.
 */
export async function runCheck(
  host: WorkbookHost,
  previous?: PreviousDisclosure
): Promise<CheckOutcome> {
  const [grids, engine] = await Promise.all([host.readWorkbook(), loadEngine()]);
  return {
    ...(await engine.checkGrids(sourceSheets(grids), previous)),
    sheets: grids.map((grid) => grid.sheet),
  };
}

/**
 * The clerk's own sheets: tables this pane generated earlier (表1 收支总表 …) would otherwise be read
 * a second time beside the tables they came from. A workbook holding only generated tables is
 * checked as it is.
 */
export function sourceSheets<T extends { sheet: string }>(grids: readonly T[]): T[] {
  const generated = new Set(TEMPLATE_IDS.flatMap(possibleOutputSheetNames));
  const own = grids.filter((grid) => !generated.has(grid.sheet));
  return own.length > 0 ? own : [...grids];
}

/** The fix for a finding (or a rule's findings), worked out and checked again in memory. */
export async function proposeFix(outcome: CheckOutcome, target: FixTarget): Promise<FixProposal> {
  return (await loadFixes()).proposeFix(outcome, target);
}

/** Writes a fix the clerk has confirmed; what the cells held comes back, for 撤销. */
export function applyFix(host: WorkbookHost, edits: readonly CellEdit[]): Promise<CellWriteResult> {
  return host.writeCells(edits);
}

/** Puts back what a fix overwrote. */
export function undoFix(host: WorkbookHost, previous: readonly CellContent[]): Promise<void> {
  return host.restoreCells(previous);
}

/** The sheets of `template` that the workbook has already: earlier output a new run would replace. */
export function existingOutputSheets(host: WorkbookHost, template: TemplateId): Promise<string[]> {
  return host.existingSheets(possibleOutputSheetNames(template));
}

/**
 * The same, from the sheet names a check has just read: no round trip to Excel. Sheet names
 * compare as Excel compares them, ignoring case.
 */
export function outputSheetsAmong(sheets: readonly string[], template: TemplateId): string[] {
  const present = new Set(sheets.map((sheet) => sheet.toLowerCase()));
  return possibleOutputSheetNames(template).filter((name) => present.has(name.toLowerCase()));
}

export type GenerateResult =
  | { ok: true; created: string[]; notes: Finding[]; changes: FigureChange[] }
  | { ok: false; reason: "noData"; notes: Finding[] }
  | { ok: false; reason: "write"; message: string };

/**
 * Builds the template's tables from the checked workbook and writes them as new sheets, with the
 * chart of 一般公共预算 by 类. `replace` only after the user has confirmed.
 */
export async function generateTables(
  host: WorkbookHost,
  check: WorkbookCheckResult,
  template: TemplateId,
  options: {
    replace: boolean;
    onProgress?: (progress: WriteProgress) => void;
    previous?: PreviousDisclosure;
  }
): Promise<GenerateResult> {
  const about = { ...disclosureAbout(check, template), template };
  const { content, notes } = (await loadContent()).disclosureContent(
    check,
    about,
    options.previous
  );
  if (!content || content.specs.length === 0) return { ok: false, reason: "noData", notes };
  const written = await host.writeSheets(content.specs, {
    replace: options.replace,
    chart: content.chart,
    onProgress: options.onProgress,
  });
  if (!written.ok) return { ok: false, reason: "write", message: written.message };
  return { ok: true, created: written.created, notes: content.notes, changes: content.changes };
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

export type ExportResult =
  /** `changes`: the workbook's figures the files print differently (see core/format/disclosure). */
  | { ok: true; file: ExportedFile; changes: FigureChange[] }
  | { ok: false; reason: "department" | "year" | "template" | "noData" }
  /** Figures would change by more than rounding, and the user has not chosen to export anyway. */
  /** …or building the tables found `problems` (errors such as a project row that fits no 科目). */
  | { ok: false; reason: "changes"; changes: FigureChange[]; problems: Finding[] };

/**
 * Renders the disclosure as `<部门>-<年度>-部门预算公开.xlsx` or `.docx`. Like errors in the
 * workbook, a figure the export would change by more than rounding (or a project row it cannot
 * place) stops it, unless `override`: the user has reviewed them and exports anyway.
 */
export async function exportDisclosure(
  check: WorkbookCheckResult,
  template: TemplateId | undefined,
  format: ExportFormat,
  { override = false, previous }: { override?: boolean; previous?: PreviousDisclosure } = {}
): Promise<ExportResult> {
  const about = disclosureAbout(check, template);
  const { department, year } = about;
  if (department === undefined) return { ok: false, reason: "department" };
  if (year === undefined) return { ok: false, reason: "year" };
  if (about.template === undefined) return { ok: false, reason: "template" };
  const { content } = (await loadContent()).disclosureContent(
    check,
    { ...about, template: about.template },
    previous
  );
  if (!content || content.specs.length === 0) return { ok: false, reason: "noData" };
  if (content.blocked && !override)
    return {
      ok: false,
      reason: "changes",
      changes: content.changes,
      problems: content.notes.filter((f) => f.severity === "error"),
    };
  let bytes: Uint8Array;
  if (format === "xlsx") {
    const { writeXlsx } = await import(/* webpackChunkName: "export-xlsx" */ "../render/xlsx");
    bytes = await writeXlsx(content.specs);
  } else {
    const { writeDocx } = await import(/* webpackChunkName: "export-docx" */ "../render/docx");
    bytes = await writeDocx({
      specs: content.specs,
      narrative: content.narrative,
      department,
      year,
      template: about.template,
    });
  }
  return {
    ok: true,
    file: {
      fileName: exportFileName(department, year, format),
      mimeType: MIME_TYPES[format],
      bytes,
    },
    changes: content.changes,
  };
}

/** Opens an exported workbook in Excel (the host takes base64). */
export function openInExcel(host: WorkbookHost, file: ExportedFile): Promise<void> {
  return host.createWorkbookFromXlsx(toBase64(file.bytes));
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Standard base64 with padding; the same in the browser and in Node. */
export function toBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const n = (a << 16) | (b << 8) | c;
    out.push(
      BASE64[(n >> 18) & 63],
      BASE64[(n >> 12) & 63],
      i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : "=",
      i + 2 < bytes.length ? BASE64[n & 63] : "="
    );
  }
  return out.join("");
}

/** The text of whatever a host threw, for a message bar. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
