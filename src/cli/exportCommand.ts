/*
 * `budget-disclosure export <file>`: check the workbook, then write the disclosure as
 * `<部门>-<年度>-部门预算公开.xlsx` and `.docx`. A workbook with errors is not exported (its findings
 * are printed, exit 1) unless --allow-errors; existing files are never overwritten without --force.
 * The figures come from the ledger when the workbook is one, else from the published tables; the
 * tables and the 情况说明 are built by the engine (core/format, core/narrative), rendered here.
 */
import { mkdir, readFile, stat, writeFile } from "fs/promises";
import path from "path";
import { parseArgs } from "util";
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
import { decodeText } from "./textFile";
import { exportBaseName, safeFileName } from "../render/fileNames";
import { workbookSubject } from "../core/previous/subject";
import type { PreviousDisclosure } from "../core/previous/types";
import { readPreviousFile } from "./previousFile";
import { hasGlobMagic } from "./expandInputs";

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
  /** Last year's disclosure: the 情况说明 states every 比上年 change with its figures. */
  previousFile?: string;
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

/** What the export needs from the engine, beyond checking: the tables and the narrative. */
export interface ExportContent {
  specs: SheetSpec[];
  narrative?: Narrative;
  /** What the builders had to say (figures rebuilt from tables that disagree, say). */
  notes?: Finding[];
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

export const EXPORT_HELP = `  budget-disclosure export <文件> [--template <hebei|shanxi|mof>] [--out <目录>] [--force]
                           [--allow-errors] [--duties <文件>] [--previous <文件>]
  budget-disclosure export <目录|通配符>… --out <目录> [--template …] [--force] [--allow-errors]
                           [--jobs <N>] [--no-progress]
    写出 <部门>-<年度>-部门预算公开.xlsx 和 .docx（公开表、情况说明、名词解释）。
    Writes <部门>-<年度>-部门预算公开.xlsx and .docx (the tables, 情况说明 and glossary).
    给出目录、通配符或多个文件时批量导出（并行），最后列出每个文件的结果：已导出、跳过（文件已存在；
    有错误）、无法读取。Several files, a directory or a glob: a batch export, in parallel, ending
    with each file's outcome: written, skipped (files exist; errors) or unreadable.
    -t, --template <格式>  导出的公开表格式（默认同工作簿）  layout of the export (default: the workbook's)
    -o, --out <目录>       输出目录（默认当前目录）          output directory (default: current)
        --force            覆盖已有文件                      overwrite existing files
        --allow-errors     工作簿有错误也导出                export even when the workbook has errors
        --duties <文件>    部门职责及机构设置，文本文件      部门职责 text: a text file, one
                           （每行一段；“一、……”行为标题）   paragraph a line; 一、… lines are headings
    -p, --previous <文件>  上年公开文件（.xlsx，任一格式）：  last year's disclosure (.xlsx, any layout):
                           情况说明写明各项比上年增减金额    the 情况说明 states every change with its
                           和增长率，只留原因待填写          amount and rate; only reasons are left
    -j, --jobs <N>         批量导出的并行线程数（默认 CPU 数） worker threads of a batch (default: CPUs)
        --no-progress      不显示进度条                      no progress bar on stderr
`;

const TEMPLATES: readonly TemplateId[] = ["hebei", "shanxi", "mof"];

function isTemplate(value: string): value is TemplateId {
  return (TEMPLATES as readonly string[]).includes(value);
}

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
        previous: { type: "string", short: "p" },
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
  if (inputs.length === 0)
    return { command: "usage-error", message: "请给出要导出的工作簿（no input given）" };
  const template = values.template;
  if (template !== undefined && !isTemplate(template))
    return {
      command: "usage-error",
      message: `--template 只能是 ${TEMPLATES.join("、")}，而不是“${template}”`,
    };
  let jobs = defaultJobs;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1)
      return { command: "usage-error", message: `--jobs 需要一个正整数，而不是“${values.jobs}”` };
  }
  if (isBatch(inputs)) {
    if (values.out === undefined)
      return {
        command: "usage-error",
        message: "批量导出请用 --out <目录> 指定输出目录（a batch export needs --out）",
      };
    if (values.duties !== undefined)
      return {
        command: "usage-error",
        message: "--duties 的部门职责只对应一个部门：批量导出时不能使用（one department only）",
      };
    if (values.previous !== undefined)
      return {
        command: "usage-error",
        message:
          "--previous 的上年文件只对应一个部门：批量导出时不能使用，请逐个导出（one department only）",
      };
    return {
      command: "export-batch",
      inputs,
      outDir: values.out,
      template,
      force: values.force ?? false,
      allowErrors: values["allow-errors"] ?? false,
      jobs,
      progress: !values["no-progress"],
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
  if (values.previous !== undefined) out.previousFile = values.previous;
  return out;
}

export { exportBaseName, safeFileName };

export interface ExportIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
}

async function fileExists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** The exit statuses of `check`, which `export` shares. */
const EXIT = { ok: 0, errors: 1, failed: 2 } as const;

/**
 * What became of one export, for a caller that exports many (batchExport.ts): the two files
 * written, or why not — the files exist, the workbook has errors, it could not be read, or another
 * reason (no department name found, an output folder that cannot be written…). `message` is the
 * Chinese sentence the single export prints.
 */
export type ExportOutcome =
  | { kind: "written"; files: string[]; department: string; year: number; errors: number }
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
  const fail = (message: string, kind: "unreadable" | "failed" = "failed") => {
    io.stderr.write(`budget-disclosure: ${args.input}：${message}\n`);
    onOutcome({ kind, message });
    return EXIT.failed;
  };
  const exists = (files: string[], message: string) => {
    io.stderr.write(`budget-disclosure: ${args.input}：${message}\n`);
    onOutcome({ kind: "exists", files, message });
    return EXIT.failed;
  };
  const started = performance.now();
  let bytes: Uint8Array | undefined;
  let grids: Grid[];
  try {
    bytes = await readFile(args.input);
    grids = await gridsFromXlsx(bytes);
  } catch (error) {
    return fail(describeReadError(error, bytes), "unreadable");
  }
  let duties: string | undefined;
  if (args.dutiesFile !== undefined) {
    try {
      duties = decodeText(await readFile(args.dutiesFile));
    } catch (error) {
      return fail(`无法读取 --duties 文件 ${args.dutiesFile}（${describeReadError(error)}）`);
    }
  }

  let previous: PreviousDisclosure | undefined;
  if (args.previousFile !== undefined) {
    const read = await readPreviousFile(args.previousFile, workbookSubject(grids).unitNature);
    if ("error" in read) return fail(read.error);
    previous = read.previous;
  }

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
    const color = Boolean(io.stdout.isTTY) && io.env.NO_COLOR === undefined;
    io.stdout.write(renderText([result], { color }));
    const message = `工作簿有 ${errors.length} 个错误，未导出。请先修正；如仍要导出，加 --allow-errors。`;
    io.stderr.write(`budget-disclosure: ${message}\n`);
    onOutcome({ kind: "has-errors", errors: errors.length, message });
    return EXIT.errors;
  }
  if (department === undefined) return fail("找不到部门名称，无法导出（no department name found）");
  if (year === undefined) return fail("找不到预算年度，无法导出（no budget year found）");
  if (template === undefined)
    return fail("无法识别公开表格式，请用 --template 指定 hebei、shanxi 或 mof");

  const base = path.join(args.outDir, exportBaseName(department, year));
  const targets = { xlsx: `${base}.xlsx`, docx: `${base}.docx` };
  if (!args.force) {
    const present = [];
    for (const file of Object.values(targets)) if (await fileExists(file)) present.push(file);
    if (present.length > 0)
      return exists(present, `文件已存在：${present.join("、")}；未覆盖。要覆盖请加 --force。`);
  }

  const about = { department, departmentCode, year, template, previous };
  const content = buildContent(check, about);
  const notes = (content?.notes ?? []).filter((f) => f.severity !== "info");
  if (!content || content.specs.length === 0) {
    const why = notes.map((f) => f.message).join("；");
    return fail(
      `工作簿中没有可导出的预算数据（no ledger and no standard tables found）${why ? `：${why}` : ""}`
    );
  }
  const [xlsx, docx] = await Promise.all([
    writeXlsx(content.specs),
    writeDocx({
      specs: content.specs,
      narrative: content.narrative,
      duties,
      department,
      year,
      template,
    }),
  ]);
  await mkdir(args.outDir, { recursive: true });
  // Without --force, "wx" also refuses a file that appeared since the check above.
  const flag = args.force ? "w" : "wx";
  try {
    await writeFile(targets.xlsx, xlsx, { flag });
    await writeFile(targets.docx, docx, { flag });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "EEXIST"
      ? exists(Object.values(targets), "文件已存在，未覆盖；要覆盖请加 --force。")
      : fail(describeReadError(error));
  }
  const lines = [
    `已导出 ${department} ${year} 年部门预算公开（${content.specs.length} 张表）：`,
    `  ${targets.xlsx}`,
    `  ${targets.docx}`,
  ];
  if (errors.length > 0)
    lines.push(`注意：工作簿有 ${errors.length} 个错误（--allow-errors），请核对后再公开。`);
  if (notes.length > 0) {
    lines.push("生成时的说明：");
    for (const f of notes)
      lines.push(`  ${f.sheet ? `【${f.sheet}】` : ""}${f.cell ? `${f.cell} ` : ""}${f.message}`);
  }
  io.stdout.write(lines.join("\n") + "\n");
  onOutcome({
    kind: "written",
    files: [targets.xlsx, targets.docx],
    department,
    year,
    errors: errors.length,
  });
  return EXIT.ok;
}

/** The engine's content (core/format/disclosure): the same flow as the task pane's. */
export const engineContent: BuildContent = (check, about) => {
  const built = buildDisclosure(check, about, { previous: about.previous });
  if (built.content) return built.content;
  return built.notes.length > 0 ? { specs: [], notes: built.notes } : undefined;
};
