/*
 * budget-disclosure — the command line over the same engine as the add-in. This file only parses
 * arguments, wires the pieces together and decides the exit status; the work is in checkFile,
 * expandInputs, workerPool and report, which the tests call directly.
 */
import { readFileSync, statSync } from "fs";
import os from "os";
import path from "path";
import { parseArgs } from "util";
import type { TemplateId } from "../core/model";
import { TEMPLATE_IDS, isTemplateId } from "../core/templates/registry";
import type { CheckOptions, FileResult } from "./checkFile";
import { EXPORT_HELP, parseExportArgs } from "./exportArgs";
import type { BatchExportCommand, ExportCommand, HelpCommand } from "./exportArgs";
import { expandInputs } from "./expandInputs";
import { NO_PROGRESS, createProgress } from "./progress";
import { renderJson, renderText } from "./report";
import { checkFiles } from "./workerPool";
import type { NarrativeInput } from "../core/narrative/types";
import { CLI_MESSAGES, detailOf } from "./messages";
import type { OutputFs } from "./outputFiles";
import { reportFormatOf } from "./review/reportFormat";
import { defaultThreads, parseGivenJobs } from "./jobs";
import { parseMaxCells } from "./maxCells";

// What only some runs need is loaded when they need it (import() below): the export's renderers
// (docx, exceljs), last year's and the 情况说明's readers, the report writers. A check of many
// workbooks on worker threads then loads little more than argument parsing and the report here.

/** The provinces --template accepts: the registry's. */
export const TEMPLATES: readonly TemplateId[] = TEMPLATE_IDS;
export const FORMATS = ["text", "json"] as const;
export type Format = (typeof FORMATS)[number];

/** 0: no errors (warnings and 提示 allowed); 1: at least one error; 2: an input could not be read, or bad usage. */
export const EXIT = { ok: 0, errors: 1, unreadable: 2, usage: 2 } as const;

export interface CheckCommand {
  command: "check";
  inputs: string[];
  /** A 情况说明 file (.txt or .docx) to check against the one workbook given. */
  narrative?: string;
  /** Last year's disclosure, compared with every input. */
  previous?: string;
  /** A folder of last year's disclosures, paired with the inputs by department and year. */
  previousDir?: string;
  template?: TemplateId;
  format: Format;
  strictRounding: boolean;
  /** --max-cells: workbooks with more cells are refused, unread (exit 2). */
  maxCells?: number;
  /** --jobs: threads to check with; without it, chosen from the batch (defaultThreads). */
  jobs?: number;
  progress: boolean;
  /** Print stack traces of internal errors (--debug). */
  debug?: boolean;
  /** --report files: .html and/or .xlsx reports over every file checked. */
  reports: string[];
}

export type ParsedCommand =
  | CheckCommand
  | ExportCommand
  | BatchExportCommand
  | HelpCommand
  | { command: "version" }
  | { command: "usage-error"; message: string };

const CHECK_SYNOPSIS = `  budget-disclosure check <文件|目录|通配符>… [选项]
  budget-disclosure check <file|dir|glob>… [options]
`;

const CHECK_INPUTS = `  目录会递归查找其中的 .xlsx 工作簿和 .docx 公开文档（跳过锁文件 ~$*）；通配符如 "data/*.xlsx"、
  "**/*.xlsx" 由本工具展开，请加引号。
  Directories are searched recursively for .xlsx and .docx (lock files ~$* are skipped); quote
  globs such as "data/*.xlsx" or "**/*.xlsx" and the tool expands them itself.
`;

/** `-t, --template <a|b|c>`, padded to the column of the other options' texts. */
const TEMPLATE_OPTION = `  -t, --template <${TEMPLATE_IDS.join("|")}>`.padEnd(35);

const CHECK_OPTIONS = `${TEMPLATE_OPTION}  公开表格式（默认自动识别）  table layout (detected by default)
  -f, --format <text|json>           输出格式（默认 text）        output format (default text)
      --strict-rounding              舍入差异按错误处理            rounding differences are errors
  -n, --narrative <文件.txt|.docx>   与工作簿一起检查的情况说明    a 情况说明 to check with the workbook
  -p, --previous <文件>              上年公开文件(.xlsx/.docx)：last year's disclosure: checks the 上年
                                     说明中的上年数、比上年增减      figures and 比上年 changes stated
      --previous-dir <目录>          上年公开文件所在目录，按部门  a folder of last year's disclosures,
                                     和年度（本年−1）逐个配对      paired by department and year − 1
  -r, --report <文件.html|.xlsx>     另写审核报告（可给多次）      also write a report (repeatable)
  -j, --jobs <N>                     并行线程数（默认按文件多少和  worker threads (default: chosen
                                     CPU 数自动选择）              from the files' size and the CPUs)
      --max-cells <N>                单个工作簿最多读取的单元格数，  most cells a workbook may have
                                     超过则不读取（默认 3,000,000）  (default 3,000,000); larger ones
                                                                   are refused unread, exit status 2
      --no-progress                  不显示进度条                  no progress bar on stderr
      --debug                        出错时显示程序内部详情        show internal details of a failure
  -h, --help                         显示本帮助                    show this help
`;

/** `budget-disclosure --help`: both commands. */
export const HELP = `budget-disclosure — 部门预算公开检查与导出工具 (checks and exports department budget disclosures)

用法 Usage:
${CHECK_SYNOPSIS}  budget-disclosure export <文件> [选项]
  budget-disclosure export <目录|通配符>… --out <目录> [选项]

${CHECK_INPUTS}
  每个命令自己的选项 Each command's own options:
  budget-disclosure check --help, budget-disclosure export --help

检查选项 Options of check:
${CHECK_OPTIONS}  -V, --version                      显示版本号                    show the version

导出 Export:
${EXPORT_HELP}
退出状态 Exit status:
  0  没有错误（可有警告、提示）     no errors (warnings and info allowed)
  1  至少一个错误（export：未导出） at least one error (export: nothing written)
  2  有文件无法读取或未找到公开表，  an input could not be read or held no table
     或参数有误                     to check, or bad usage
     （或 --report 未能写入；        (or a --report could not be written; export: a file
       export：文件已存在、输出位置   exists without --force, the output cannot be written,
       无法写入，或输出就是输入）      or the output is an input)
`;

/** `budget-disclosure check --help`: check's own options. */
export const CHECK_HELP = `budget-disclosure check — 检查部门预算公开工作簿 (checks department budget workbooks)

用法 Usage:
${CHECK_SYNOPSIS}
${CHECK_INPUTS}
选项 Options:
${CHECK_OPTIONS}
退出状态 Exit status:
  0  没有错误（可有警告、提示）     no errors (warnings and info allowed)
  1  至少一个文件有错误             at least one error in at least one file
  2  有文件无法读取，或参数有误     an input could not be read, or bad usage
     （或 --report 未能写入）       (or a --report could not be written)
`;

/** `budget-disclosure export --help`: export's own options. */
export const EXPORT_COMMAND_HELP = `budget-disclosure export — 导出部门预算公开文件 (writes a department's disclosure)

用法 Usage:
${EXPORT_HELP}
退出状态 Exit status:
  0  已导出                         exported
  1  工作簿有错误，或导出会改动     the workbook has errors, or the export would change a
     原表数字（超出舍入）：未导出   figure by more than rounding: nothing written
     （加 --allow-errors 仍导出）   (--allow-errors exports anyway)
  2  无法读取输入、文件已存在       an input could not be read, a file exists (without
     （未加 --force）、输出位置无法  --force), the output cannot be written, the output is
     写入、输出就是输入，或参数有误  an input, or bad usage
  批量导出时取所有文件中最严重的一种。 A batch exits with the worst of its files.
`;

const HELP_OF = { all: HELP, check: CHECK_HELP, export: EXPORT_COMMAND_HELP } as const;

const isTemplate = isTemplateId;

function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

/** Chinese first: util.parseArgs's own messages are English only. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return CLI_MESSAGES.unknownOption(unknown[1]);
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing) return CLI_MESSAGES.missingValue(missing[1].split(",").pop()?.trim() ?? "");
  return CLI_MESSAGES.badArguments(detailOf(error));
}

/** `defaultJobs`: export's --jobs when not given (check chooses its own from the batch). */
export function parseCliArgs(
  argv: readonly string[],
  defaultJobs = os.availableParallelism()
): ParsedCommand {
  if (argv.find((arg) => !arg.startsWith("-")) === "export")
    return parseExportArgs(argv, describeParseError, defaultJobs);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return { command: "usage-error", message: describeParseError(error) };
  }
  const { values, positionals } = parsed;
  const [command, ...inputs] = positionals;
  if (values.help) return { command: "help", topic: command === "check" ? "check" : "all" };
  if (values.version) return { command: "version" };
  if (command === undefined)
    return { command: "usage-error", message: CLI_MESSAGES.missingCommand() };
  if (command === "help")
    return {
      command: "help",
      topic: inputs[0] === "check" || inputs[0] === "export" ? inputs[0] : "all",
    };
  if (command !== "check")
    return { command: "usage-error", message: CLI_MESSAGES.unknownCommand(command) };
  if (inputs.length === 0) return { command: "usage-error", message: CLI_MESSAGES.noCheckInput() };

  const template = values.template;
  if (template !== undefined && !isTemplate(template))
    return { command: "usage-error", message: CLI_MESSAGES.badTemplate(template, TEMPLATES) };
  const format = values.format ?? "text";
  if (!isFormat(format)) return { command: "usage-error", message: CLI_MESSAGES.badFormat(format) };
  // No default here: the number of threads is chosen once the files and their sizes are known.
  const jobsOption = values.jobs === undefined ? undefined : parseGivenJobs(values.jobs);
  if (jobsOption && "error" in jobsOption)
    return { command: "usage-error", message: jobsOption.error };
  const limit = parseMaxCells(values["max-cells"]);
  if ("error" in limit) return { command: "usage-error", message: limit.error };
  const { maxCells } = limit;
  const narrative = values.narrative;
  if (narrative !== undefined && inputs.length !== 1)
    return { command: "usage-error", message: CLI_MESSAGES.narrativeNeedsOneWorkbook() };
  if (values.previous !== undefined && values["previous-dir"] !== undefined)
    return { command: "usage-error", message: CLI_MESSAGES.previousOrDir() };
  const reports = values.report ?? [];
  const badReport = reports.find((file) => reportFormatOf(file) === undefined);
  if (badReport !== undefined)
    return { command: "usage-error", message: CLI_MESSAGES.badReport(badReport) };
  const parsedCheck: CheckCommand = {
    command: "check",
    inputs,
    narrative,
    ...(values.previous !== undefined ? { previous: values.previous } : {}),
    ...(values["previous-dir"] !== undefined ? { previousDir: values["previous-dir"] } : {}),
    template,
    format,
    strictRounding: values["strict-rounding"] ?? false,
    ...(maxCells !== undefined ? { maxCells } : {}),
    ...(jobsOption ? { jobs: jobsOption.jobs } : {}),
    progress: !values["no-progress"],
    reports,
  };
  if (values.debug) parsedCheck.debug = true;
  return parsedCheck;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      template: { type: "string", short: "t" },
      format: { type: "string", short: "f" },
      "strict-rounding": { type: "boolean" },
      jobs: { type: "string", short: "j" },
      "max-cells": { type: "string" },
      "no-progress": { type: "boolean" },
      narrative: { type: "string", short: "n" },
      debug: { type: "boolean" },
      previous: { type: "string", short: "p" },
      "previous-dir": { type: "string" },
      report: { type: "string", short: "r", multiple: true },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "V" },
    },
  });
}

/**
 * The run's exit status from its results: unreadable inputs (results with `error`) and workbooks in
 * which nothing could be checked (`unchecked`) are 2, never a pass.
 */
export function exitStatus(results: readonly FileResult[]): number {
  if (results.some((r) => r.error !== undefined || r.unchecked !== undefined))
    return EXIT.unreadable;
  if (results.some((r) => r.findings.some((f) => f.severity === "error"))) return EXIT.errors;
  return EXIT.ok;
}

export function version(): string {
  // Two levels up from both src/cli (ts-node, jest) and dist-cli/cli (the built CLI).
  const pkg = JSON.parse(
    readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")
  ) as { version: string };
  return pkg.version;
}

export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  /** The file operations export writes with; Node's by default (tests make one fail). */
  fs?: OutputFs;
}

export async function main(argv: readonly string[], io: CliIO = process): Promise<number> {
  const parsed = parseCliArgs(argv);
  switch (parsed.command) {
    case "help":
      io.stdout.write(HELP_OF[parsed.topic]);
      return EXIT.ok;
    case "version":
      io.stdout.write(`budget-disclosure ${version()}\n`);
      return EXIT.ok;
    case "usage-error":
      io.stderr.write(`budget-disclosure: ${parsed.message}\n${CLI_MESSAGES.seeHelp()}\n`);
      return EXIT.usage;
    case "check":
      return runCheck(parsed, io);
    case "export": {
      const { runExport, engineContent } = await import("./exportCommand");
      return runExport(parsed, io, engineContent);
    }
    case "export-batch": {
      const { runBatchExport } = await import("./batchExport");
      return runBatchExport(parsed, io);
    }
  }
}

/** Whether `file` is a report this tool wrote (see isReviewWorkbook); loads the report writers. */
async function isReportOfOurs(file: string): Promise<boolean> {
  const { isReviewWorkbook } = await import("./review/writeReports");
  return isReviewWorkbook(file);
}

async function runCheck(args: CheckCommand, io: CliIO): Promise<number> {
  const started = Date.now();
  const generatedAt = new Date();
  // check reads published .docx disclosures as well as workbooks.
  const expanded = await expandInputs(args.inputs, { documents: true });
  const { problems } = expanded;
  // A report written into a folder being checked is output, not a department's workbook.
  // A report written into a folder being checked is output, not a department's workbook: it is
  // left out, and replaced. Anything else among the inputs — a file named on the command line, a
  // workbook found in a folder — is never written over.
  const reportPaths = new Set(args.reports.map((file) => path.resolve(file)));
  const files: string[] = [];
  for (const file of expanded.files) {
    const isTarget = reportPaths.has(path.resolve(file));
    const named = args.inputs.some((input) => path.resolve(input) === path.resolve(file));
    if (isTarget && (named || !(await isReportOfOurs(file)))) {
      io.stderr.write(
        `budget-disclosure: --report 不能写到要检查的文件“${file}”上（a report cannot replace an input）\n`
      );
      return EXIT.usage;
    }
    if (!isTarget) files.push(file);
  }
  const progress =
    args.progress && io.stderr.isTTY && files.length > 1
      ? createProgress(files.length, io.stderr)
      : NO_PROGRESS;
  let narrative: NarrativeInput[] | undefined;
  let narrativeFindings: CheckOptions["narrativeFindings"];
  if (args.narrative !== undefined) {
    const { readNarrativeFile } = await import("./narrativeFile");
    const read = await readNarrativeFile(args.narrative);
    if ("error" in read) {
      io.stderr.write(`budget-disclosure: ${read.error}\n`);
      return EXIT.unreadable;
    }
    narrative = read.paragraphs;
    narrativeFindings = read.findings;
  }
  const check: CheckOptions = {
    template: args.template,
    strictRounding: args.strictRounding,
    narrative,
    ...(narrativeFindings ? { narrativeFindings } : {}),
    ...(args.maxCells !== undefined ? { maxCells: args.maxCells } : {}),
  };
  if (args.previous !== undefined) {
    // Read once here, so that a wrong --previous stops the run before any file is checked.
    const { readPreviousFile } = await import("./previousFile");
    const read = await readPreviousFile(args.previous);
    if ("error" in read) {
      io.stderr.write(`budget-disclosure: ${read.error}\n`);
      return EXIT.unreadable;
    }
    check.previous = args.previous;
  }
  if (args.previousDir !== undefined) {
    const { loadPreviousDir } = await import("./previousFile");
    const previousDir = await loadPreviousDir(args.previousDir, io.stderr);
    if (!previousDir) return EXIT.unreadable;
    check.previousDir = previousDir;
  }
  const checked = await checkFiles(files, {
    jobs: args.jobs ?? defaultThreads({ cores: os.availableParallelism(), ...batchSize(files) }),
    check,
    onResult: (result) => progress.tick(result.file),
  });
  progress.done();
  const unmatched: FileResult[] = problems.map((p) => ({
    file: p.input,
    sheets: [],
    findings: [],
    error: p.message,
    ms: 0,
  }));
  const results = [...checked, ...unmatched];
  if (args.format === "json") io.stdout.write(renderJson(results));
  else {
    const color = Boolean(io.stdout.isTTY) && io.env.NO_COLOR === undefined;
    io.stdout.write(renderText(results, { color, elapsedMs: Date.now() - started }));
  }
  let status = exitStatus(results);
  if (args.reports.length > 0) {
    const { writeReports } = await import("./review/writeReports");
    const { rulesVersion } = await import("./review/about");
    const about = { generatedAt, toolVersion: version(), rules: rulesVersion() };
    for (const outcome of await writeReports(args.reports, results, about)) {
      if (outcome.error === undefined) {
        io.stderr.write(`已写入报告：${outcome.file}\n`);
      } else {
        io.stderr.write(`budget-disclosure: 报告 ${outcome.file} 未能写入：${outcome.error}\n`);
        status = EXIT.unreadable;
      }
    }
  }
  return status;
}

/** The files of a batch and their total size on disk (defaultThreads estimates the work from it). */
function batchSize(files: readonly string[]): { files: number; bytes: number } {
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += statSync(file).size;
    } catch {
      // Counted as empty: checking it reports why it cannot be read, as that file's error.
    }
  }
  return { files: files.length, bytes };
}

/**
 * What a failure the commands did not foresee prints: a sentence of ours around the error's own
 * words, and its stack trace only when asked for with --debug.
 */
export function internalErrorText(error: unknown, debug: boolean): string {
  const lines = [`budget-disclosure: ${CLI_MESSAGES.internalError(detailOf(error))}`];
  if (debug && error instanceof Error && error.stack) lines.push(error.stack);
  return lines.join("\n") + "\n";
}

/** What bin/budget-disclosure.js calls. Sets exitCode instead of exiting, so piped output is flushed. */
export function runCli(argv: readonly string[] = process.argv.slice(2)): void {
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(internalErrorText(error, argv.includes("--debug")));
      process.exitCode = EXIT.unreadable;
    }
  );
}

if (require.main === module) runCli();
