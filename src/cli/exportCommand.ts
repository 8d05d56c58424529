/*
 * `budget-disclosure export <file>`: check the workbook, then write the disclosure as
 * `<部门>-<年度>-部门预算公开.xlsx` and `.docx`. A workbook with errors is not exported (its findings
 * are printed, exit 1) unless --allow-errors; existing files are never overwritten without --force.
 * The figures come from the ledger when the workbook is one, else from the published tables; the
 * tables and the 情况说明 are built by the engine (core/format, core/narrative), rendered here.
 */
import { mkdir, readFile, realpath, stat } from "fs/promises";
import path from "path";
import { checkWorkbook } from "../core/check/workbook";
import type { WorkbookCheckResult } from "../core/check/workbook";
import { buildDisclosure } from "../core/format/disclosure";
import type { SheetSpec } from "../core/format/sheetSpec";
import type { Finding } from "../core/finding";
import type { Grid } from "../core/grid";
import type { Narrative } from "../core/narrative/types";
import type { TemplateId } from "../core/model";
import { writeDocx } from "../render/docx";
import { gridsFromXlsx } from "../io/readXlsx";
import { writeXlsx } from "../render/xlsx";
import { describeReadError } from "./checkFile";
import type { FileResult } from "./checkFile";
import { renderText } from "./report";
import { exportBaseName, safeFileName } from "../render/fileNames";
import { packageDate } from "../render/stableZip";
import { blockingProblems, changeText } from "../core/format/disclosure";
import type { FigureChange } from "../core/format/disclosure";
import { CLI_MESSAGES, detailOf } from "./messages";
import { OutputWriteError, writeAllOrNothing } from "./outputFiles";
import type { OutputFs } from "./outputFiles";
import { decodeText } from "./textFile";
import type { PreviousDisclosure } from "../core/previous/types";
import { loadPreviousDir, previousForWorkbook } from "./previousFile";
import type { ExportCommand } from "./exportArgs";

export { EXPORT_HELP, parseExportArgs } from "./exportArgs";
export type { BatchExportCommand, ExportCommand, HelpCommand, ParsedExport } from "./exportArgs";

/** What the export needs from the engine, beyond checking: the tables and the narrative. */
export interface ExportContent {
  specs: SheetSpec[];
  narrative?: Narrative;
  /** What the builders had to say (figures rebuilt from tables that disagree, say). */
  notes?: Finding[];
  /** Figures of the workbook that the export prints differently, cell by cell. */
  changes?: FigureChange[];
}

/**
 * The engine's builders: figures (ledger → ledgerFigures, published tables → figuresFromModel),
 * then buildSheets and generateNarrative. A parameter so that tests and the bench can run the
 * command over the same builders or over stand-ins.
 */
export type BuildContent = (
  check: WorkbookCheckResult,
  about: {
    department: string;
    departmentCode?: string;
    year: number;
    template: TemplateId;
    previous?: PreviousDisclosure;
  }
) => ExportContent | undefined;

export { exportBaseName, safeFileName };

export interface ExportIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  /** The file operations that write the output; Node's by default (tests make one fail). */
  fs?: OutputFs;
}

/** The exit statuses of `check`, which `export` shares. */
const EXIT = { ok: 0, errors: 1, failed: 2 } as const;

/** Whether two paths are one file: the same real path, or the same file under two names (a link). */
async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    if ((await realpath(a)) === (await realpath(b))) return true;
    const [x, y] = await Promise.all([stat(a), stat(b)]);
    return x.ino !== 0 && x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** What --debug adds: the error as the system or library gave it, with its stack and code. */
export function debugDetail(error: unknown): string {
  const lines = [error instanceof Error ? (error.stack ?? error.message) : String(error)];
  const { code, syscall, path: at } = (error ?? {}) as NodeJS.ErrnoException;
  if (code !== undefined) lines.push(`code=${code} syscall=${syscall ?? ""} path=${at ?? ""}`);
  return `[debug] ${lines.join("\n")}\n`;
}

/** An output problem in words that name the output path, never the input. */
export function describeOutputError(at: string, error: unknown): string {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case "EACCES":
    case "EPERM":
      return CLI_MESSAGES.outputNoPermission(at);
    case "EROFS":
      return CLI_MESSAGES.outputReadOnly(at);
    case "ENOSPC":
    case "EDQUOT":
      return CLI_MESSAGES.outputDiskFull(at);
    case "ENOTDIR":
    case "EEXIST":
      return CLI_MESSAGES.outputFolderIsFile(at);
    case "EISDIR":
      return CLI_MESSAGES.outputIsFolder(at);
    default:
      return CLI_MESSAGES.outputFailed(at, detailOf(error));
  }
}

/**
 * Why the targets may not be written, before anything is built: a target that is a folder, a
 * target that is one of the inputs (refused even with --force), or targets that exist (without
 * --force). Undefined when writing may go ahead.
 */
async function targetProblem(
  targets: readonly string[],
  inputs: readonly string[],
  force: boolean
): Promise<{ message: string; present?: string[] } | undefined> {
  const present: string[] = [];
  for (const target of targets) {
    let folder: boolean;
    try {
      folder = (await stat(target)).isDirectory();
    } catch {
      continue; // Not there (or not reachable: writing will say why).
    }
    if (folder) return { message: CLI_MESSAGES.outputIsFolder(target) };
    for (const input of inputs)
      if (await sameFile(target, input))
        return { message: CLI_MESSAGES.outputIsInput(target, input) };
    present.push(target);
  }
  if (present.length > 0 && !force) return { message: CLI_MESSAGES.outputExists(present), present };
  return undefined;
}

function noteLine(f: Finding): string {
  return `${f.sheet ? `【${f.sheet}】` : ""}${f.cell ? `${f.cell} ` : ""}${f.message}`;
}

/** One line per figure the export changes: where, what, from, to. */
export function changeLines(changes: readonly FigureChange[]): string[] {
  return changes.map((c) => `  ${changeText(c)}`);
}

/**
 * What became of one export, for a caller that exports many (batchExport.ts): the two files
 * written, or why not — the files exist, the workbook has errors, it could not be read, or another
 * reason (no department name found, an output folder that cannot be written…). `message` is the
 * Chinese sentence the single export prints.
 */
export type ExportOutcome =
  | {
      kind: "written";
      files: string[];
      department: string;
      year: number;
      errors: number;
      /** With --previous-dir: which file was last year's, or that none was found. */
      previous?: string;
    }
  | { kind: "exists"; files: string[]; message: string }
  | { kind: "has-errors"; errors: number; message: string }
  | { kind: "unreadable"; message: string }
  | { kind: "failed"; message: string };

export async function runExport(
  args: ExportCommand,
  io: ExportIO,
  buildContent: BuildContent,
  onOutcome: (outcome: ExportOutcome) => void = () => undefined
): Promise<number> {
  // Problems with the input name the input; problems with the output name the output.
  const say = (message: string, error: unknown, about: string | null) => {
    io.stderr.write(`budget-disclosure: ${about !== null ? `${about}：` : ""}${message}\n`);
    if (args.debug && error !== undefined) io.stderr.write(debugDetail(error));
  };
  const fail = (
    message: string,
    error?: unknown,
    about: string | null = args.input,
    kind: "unreadable" | "failed" = "failed"
  ) => {
    say(message, error, about);
    onOutcome({ kind, message });
    return EXIT.failed;
  };
  const failOutput = (message: string, error?: unknown) =>
    fail(`${message}${CLI_MESSAGES.outputNothingLeft()}`, error, null);
  const exists = (files: string[], message: string) => {
    say(message, undefined, null);
    onOutcome({ kind: "exists", files, message });
    return EXIT.failed;
  };
  const started = performance.now();
  let bytes: Uint8Array | undefined;
  let grids: Grid[];
  try {
    bytes = await readFile(args.input);
    grids = await gridsFromXlsx(bytes, { maxCells: args.maxCells });
  } catch (error) {
    return fail(describeReadError(error, bytes), error, args.input, "unreadable");
  }
  let duties: string | undefined;
  if (args.dutiesFile !== undefined) {
    try {
      duties = decodeText(await readFile(args.dutiesFile));
    } catch (error) {
      return fail(CLI_MESSAGES.dutiesUnreadable(args.dutiesFile, describeReadError(error)), error);
    }
  }

  let previousDir = args.previousDir;
  if (!previousDir && args.previousDirPath !== undefined) {
    previousDir = await loadPreviousDir(args.previousDirPath, io.stderr);
    if (!previousDir) {
      onOutcome({ kind: "failed", message: CLI_MESSAGES.previousDirEmpty(args.previousDirPath) });
      return EXIT.failed;
    }
  }
  // Paired as check pairs: one file, or the folder's file of this department and year − 1. A
  // folder without one is said (the export goes on without last year); an unreadable one stops it.
  const paired = await previousForWorkbook(grids, {
    ...(args.previousFile !== undefined ? { previous: args.previousFile } : {}),
    ...(previousDir ? { previousDir } : {}),
  });
  const unreadable = paired.findings.find((f) => f.severity === "error");
  if (unreadable) return fail(unreadable.message);
  const previous: PreviousDisclosure | undefined = paired.previous;
  let previousLine: string | undefined;
  if (previousDir)
    previousLine = paired.file
      ? CLI_MESSAGES.previousPaired(paired.file)
      : paired.findings.map((f) => f.message).join("；");

  // The workbook is checked in its own layout; --template names the layout of the export (and
  // stands in for the workbook's when that cannot be recognized).
  let check = checkWorkbook(grids, { previous });
  if (check.template === undefined && args.template !== undefined)
    check = checkWorkbook(grids, { template: args.template, previous });
  const template = args.template ?? check.template;
  const department = check.ledger?.department.name ?? check.model.department?.value;
  const departmentCode = check.ledger?.department.code ?? check.model.department?.code;
  const year = check.ledger?.department.year ?? check.model.year?.value;
  const errors = check.findings.filter((f) => f.severity === "error");
  const color = Boolean(io.stdout.isTTY) && io.env.NO_COLOR === undefined;
  if (errors.length > 0 && !args.allowErrors) {
    const result: FileResult = {
      file: args.input,
      department,
      year,
      template: check.template,
      sheets: grids.map((g) => g.sheet),
      findings: check.findings,
      ms: Math.round(performance.now() - started),
    };
    io.stdout.write(renderText([result], { color }));
    const message = CLI_MESSAGES.workbookHasErrors(errors.length);
    io.stderr.write(`budget-disclosure: ${message}\n`);
    onOutcome({ kind: "has-errors", errors: errors.length, message });
    return EXIT.errors;
  }
  if (department === undefined) return fail(CLI_MESSAGES.noDepartment());
  if (year === undefined) return fail(CLI_MESSAGES.noYear());
  if (template === undefined) return fail(CLI_MESSAGES.noTemplate());

  const base = path.join(args.outDir, exportBaseName(department, year));
  const targets = { xlsx: `${base}.xlsx`, docx: `${base}.docx` };
  const inputs = [args.input, ...(args.dutiesFile !== undefined ? [args.dutiesFile] : [])];
  const refused = await targetProblem(Object.values(targets), inputs, args.force);
  if (refused)
    return refused.present
      ? exists(refused.present, refused.message)
      : fail(refused.message, undefined, null);

  const about = { department, departmentCode, year, template, previous };
  const content = buildContent(check, about);
  const notes = (content?.notes ?? []).filter((f) => f.severity !== "info");
  if (!content || content.specs.length === 0)
    return fail(CLI_MESSAGES.noBudgetData(notes.map((f) => f.message).join("；")));
  const changes = content.changes ?? [];
  const blocking = blockingProblems({ changes, notes });
  const blockers = blocking.changes.length + blocking.notes.length;
  if (blockers > 0 && !args.allowErrors) {
    io.stdout.write(
      [
        ...(blocking.changes.length > 0
          ? [
              `${args.input}：导出会改动原表中的数字（exporting would change figures of the workbook）：`,
              ...changeLines(blocking.changes),
            ]
          : []),
        ...(blocking.notes.length > 0
          ? [
              `${args.input}：生成公开表时发现的问题（problems found building the tables）：`,
              ...blocking.notes.map((f) => `  ${noteLine(f)}`),
            ]
          : []),
      ].join("\n") + "\n"
    );
    const message = CLI_MESSAGES.exportBlocked(blocking.changes.length, blocking.notes.length);
    io.stderr.write(`budget-disclosure: ${message}\n`);
    onOutcome({ kind: "has-errors", errors: blockers, message });
    return EXIT.errors;
  }

  // The workbook's own date, so that the same workbook exports to the same bytes.
  const date = (await packageDate(bytes)) ?? undefined;
  let xlsx: Uint8Array;
  let docx: Uint8Array;
  try {
    [xlsx, docx] = await Promise.all([
      writeXlsx(content.specs, date ? { created: date } : {}),
      writeDocx({
        specs: content.specs,
        narrative: content.narrative,
        duties,
        department,
        year,
        template,
        ...(date ? { date } : {}),
      }),
    ]);
  } catch (error) {
    return fail(CLI_MESSAGES.renderFailed(detailOf(error)), error);
  }
  try {
    await mkdir(args.outDir, { recursive: true });
  } catch (error) {
    return failOutput(describeOutputError(args.outDir, error), error);
  }
  try {
    await writeAllOrNothing(
      [
        { target: targets.xlsx, bytes: xlsx },
        { target: targets.docx, bytes: docx },
      ],
      { overwrite: args.force, fs: io.fs }
    );
  } catch (error) {
    if (!(error instanceof OutputWriteError)) throw error;
    if (error.exists) return exists([error.at], CLI_MESSAGES.outputExists([error.at]));
    return failOutput(describeOutputError(error.at, error.cause), error.cause);
  }
  const lines = [
    `已导出 ${department} ${year} 年部门预算公开（${content.specs.length} 张表）：`,
    `  ${targets.xlsx}`,
    `  ${targets.docx}`,
  ];
  if (errors.length > 0)
    lines.push(`注意：工作簿有 ${errors.length} 个错误（--allow-errors），请核对后再公开。`);
  if (changes.length > 0) {
    lines.push(
      blocking.changes.length > 0
        ? `注意：与原表不同的数字 ${changes.length} 处，其中 ${blocking.changes.length} 处超出舍入（--allow-errors），请核对后再公开：`
        : `与原表不同的数字 ${changes.length} 处（舍入差异，以更明细的数字为准）：`
    );
    lines.push(...changeLines(changes));
  }
  if (previousLine !== undefined) lines.push(previousLine);
  if (notes.length > 0) {
    lines.push("生成时的说明：");
    for (const f of notes) lines.push(`  ${noteLine(f)}`);
  }
  io.stdout.write(lines.join("\n") + "\n");
  onOutcome({
    kind: "written",
    files: [targets.xlsx, targets.docx],
    department,
    year,
    errors: errors.length,
    ...(previousLine !== undefined ? { previous: previousLine } : {}),
  });
  return EXIT.ok;
}

/** The engine's content (core/format/disclosure): the same flow as the task pane's. */
export const engineContent: BuildContent = (check, about) => {
  const built = buildDisclosure(check, about, { previous: about.previous });
  if (built.content) return built.content;
  return built.notes.length > 0 ? { specs: [], notes: built.notes, changes: [] } : undefined;
};
