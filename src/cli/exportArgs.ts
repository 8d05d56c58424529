/*
 * `budget-disclosure export …`: its arguments and its help, apart from the export itself
 * (exportCommand.ts), so that parsing a command line — check's included, whose help lists export's
 * options — does not load the export's renderers (docx, exceljs).
 */
import { parseArgs } from "util";
import type { TemplateId } from "../core/model";
import { TEMPLATE_IDS, isTemplateId } from "../core/templates/registry";
import { CLI_MESSAGES } from "./messages";
import type { PreviousDirEntry } from "./previousFile";
import { hasGlobMagic } from "./expandInputs";
import { parseJobs } from "./jobs";
import { parseMaxCells } from "./maxCells";

export interface ExportCommand {
  command: "export";
  input: string;
  /** The layout of the exported tables; the workbook's own by default. */
  template?: TemplateId;
  /** Where the two files go; the current directory by default. */
  outDir: string;
  force: boolean;
  allowErrors: boolean;
  /** A UTF-8 text file with the 部门职责及机构设置. */
  dutiesFile?: string;
  /** Print stack traces of internal errors (--debug). */
  debug?: boolean;
  /** Last year's disclosure: the 情况说明 states every 比上年 change with its figures. */
  previousFile?: string;
  /** --previous-dir: a folder of last year's disclosures, paired by department and year − 1. */
  previousDirPath?: string;
  /** The same folder read already (a batch reads it once for all its files). */
  previousDir?: { dir: string; entries: PreviousDirEntry[] };
  /** --max-cells: a workbook with more cells is refused, unread (exit 2). */
  maxCells?: number;
}

/** `export <dir|glob>… --out <dir>`: many workbooks, each through the single export (batchExport.ts). */
export interface BatchExportCommand {
  command: "export-batch";
  inputs: string[];
  outDir: string;
  template?: TemplateId;
  force: boolean;
  allowErrors: boolean;
  jobs: number;
  progress: boolean;
  /** --previous-dir: each workbook exported with last year's of its department. */
  previousDirPath?: string;
  /** --max-cells: a workbook with more cells is refused, unread. */
  maxCells?: number;
}

/** `--help`: of both commands (all), or of one. */
export interface HelpCommand {
  command: "help";
  topic: "all" | "check" | "export";
}

export type ParsedExport =
  | ExportCommand
  | BatchExportCommand
  | HelpCommand
  | { command: "version" }
  | { command: "usage-error"; message: string };

export const EXPORT_HELP = `  budget-disclosure export <文件> [--template <${TEMPLATE_IDS.join("|")}>] [--out <目录>] [--force]
                           [--allow-errors] [--duties <文件>] [--previous <文件>|--previous-dir <目录>]
                           [--debug]
  budget-disclosure export <目录|通配符>… --out <目录> [--template …] [--force] [--allow-errors]
                           [--previous-dir <目录>] [--jobs <N>] [--no-progress]
    写出 <部门>-<年度>-部门预算公开.xlsx 和 .docx（公开表、情况说明、名词解释）。
    Writes <部门>-<年度>-部门预算公开.xlsx and .docx (the tables, 情况说明 and glossary).
    给出目录、通配符或多个文件时批量导出（并行），最后列出每个文件的结果：已导出、跳过（文件已存在；
    有错误）、无法读取。Several files, a directory or a glob: a batch export, in parallel, ending
    with each file's outcome: written, skipped (files exist; errors) or unreadable.
    -t, --template <格式>  导出的公开表格式（默认同工作簿）  layout of the export (default: the workbook's)
    -o, --out <目录>       输出目录（默认当前目录）          output directory (default: current)
        --force            覆盖已有文件                      overwrite existing files
        --allow-errors     工作簿有错误、或导出会改动原表数字（超出舍入）时也导出
                           export even with errors, or figures changed by more than rounding
        --duties <文件>    部门职责及机构设置，文本文件      部门职责 text: a text file, one
                           （每行一段；“一、……”行为标题）   paragraph a line; 一、… lines are headings
    -p, --previous <文件>  上年公开文件（.xlsx 或 .docx）：   last year's disclosure (.xlsx in any layout, or .docx):
                           情况说明写明各项比上年增减金额    the 情况说明 states every change with its
                           和增长率，只留原因待填写          amount and rate; only reasons are left
        --previous-dir <目录>  上年公开文件所在目录：每个工作簿  a folder of last year's disclosures:
                           配对同一部门上一年度的文件；      each workbook gets its department's
                           找不到的照常导出并注明            year − 1; one without is exported and said
        --max-cells <N>    单个工作簿最多读取的单元格数      most cells a workbook may have
                           （默认 3,000,000），超过的不读取  (default 3,000,000); a larger one is
                                                             refused unread (exit status 2)
        --debug            出错时显示程序内部详情            show internal details of a failure
    -j, --jobs <N>         批量导出的并行线程数（默认 CPU 数） worker threads of a batch (default: CPUs)
        --no-progress      不显示进度条                      no progress bar on stderr
    输入文件不会被覆盖（加 --force 也不会）；两个文件一起写出，出错时都不留下。
    An input is never overwritten, even with --force; both files are written, or neither.
`;

const isTemplate = isTemplateId;

/**
 * A batch unless it is one file: several inputs, a glob, or a name that is not an .xlsx (a folder).
 * A file without the extension, taken for a folder, is still exported — as a batch of one.
 */
function isBatch(inputs: readonly string[]): boolean {
  return inputs.length > 1 || hasGlobMagic(inputs[0]) || !/\.xlsx$/i.test(inputs[0]);
}

/** Parses `export …` (argv starts with "export"); `describeError` turns parseArgs' English into Chinese. */
export function parseExportArgs(
  argv: readonly string[],
  describeError: (error: unknown) => string,
  defaultJobs = 1
): ParsedExport {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        template: { type: "string", short: "t" },
        out: { type: "string", short: "o" },
        force: { type: "boolean" },
        "allow-errors": { type: "boolean" },
        duties: { type: "string" },
        debug: { type: "boolean" },
        previous: { type: "string", short: "p" },
        "previous-dir": { type: "string" },
        "max-cells": { type: "string" },
        jobs: { type: "string", short: "j" },
        "no-progress": { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "V" },
      },
    });
  } catch (error) {
    return { command: "usage-error", message: describeError(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: "help", topic: "export" };
  if (values.version) return { command: "version" };
  const inputs = positionals.slice(1);
  if (inputs.length === 0) return { command: "usage-error", message: CLI_MESSAGES.noExportInput() };
  const template = values.template;
  if (template !== undefined && !isTemplate(template))
    return { command: "usage-error", message: CLI_MESSAGES.badTemplate(template, TEMPLATE_IDS) };
  const previousDir = values["previous-dir"];
  if (values.previous !== undefined && previousDir !== undefined)
    return { command: "usage-error", message: CLI_MESSAGES.previousOrDir() };
  const jobsOption = parseJobs(values.jobs, defaultJobs);
  if ("error" in jobsOption) return { command: "usage-error", message: jobsOption.error };
  const { jobs } = jobsOption;
  const limit = parseMaxCells(values["max-cells"]);
  if ("error" in limit) return { command: "usage-error", message: limit.error };
  if (isBatch(inputs)) {
    if (values.out === undefined)
      return { command: "usage-error", message: CLI_MESSAGES.batchNeedsOut() };
    if (values.duties !== undefined)
      return { command: "usage-error", message: CLI_MESSAGES.batchNoDuties() };
    if (values.previous !== undefined)
      return { command: "usage-error", message: CLI_MESSAGES.batchNoPrevious() };
    return {
      command: "export-batch",
      inputs,
      outDir: values.out,
      template,
      force: values.force ?? false,
      allowErrors: values["allow-errors"] ?? false,
      jobs,
      progress: !values["no-progress"],
      ...(previousDir !== undefined ? { previousDirPath: previousDir } : {}),
      ...limit,
    };
  }
  const out: ExportCommand = {
    command: "export",
    input: inputs[0],
    template,
    outDir: values.out ?? ".",
    force: values.force ?? false,
    allowErrors: values["allow-errors"] ?? false,
  };
  if (values.duties !== undefined) out.dutiesFile = values.duties;
  if (values.debug) out.debug = true;
  if (values.previous !== undefined) out.previousFile = values.previous;
  if (previousDir !== undefined) out.previousDirPath = previousDir;
  if (limit.maxCells !== undefined) out.maxCells = limit.maxCells;
  return out;
}
