/*
 * Every message the command line prints when something goes wrong, in one table: Chinese first,
 * for the clerk, then English in parentheses, for whoever they ask for help. Text from a library
 * or the system (a zip reader's “end of central directory”) is never printed bare: it is quoted
 * inside a sentence of ours.
 */

import { TEMPLATE_IDS } from "../core/templates/registry";

/** `a、b 或 c`: a list whose last item is joined by `last`. */
function orList(items: readonly string[], separator: string, last: string): string {
  return items.length > 1
    ? `${items.slice(0, -1).join(separator)}${last}${items[items.length - 1]}`
    : items.join("");
}

/** `中文（English）`: the form of every error message. */
export function bilingual(chinese: string, english: string): string {
  return `${chinese}（${english}）`;
}

/** A library's or the system's own words, to be quoted in a sentence. */
export function detailOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, " ").trim() || "无说明";
}

export const CLI_MESSAGES = {
  // Reading an input
  fileNotFound: () => bilingual("找不到文件", "file not found"),
  noReadPermission: () => bilingual("没有读取权限", "permission denied"),
  isFolder: () => bilingual("这是一个目录，不是文件", "this is a folder, not a file"),
  emptyFile: () =>
    bilingual(
      "文件是空的（0 字节），不是有效的 .xlsx 工作簿",
      "the file is empty, not an .xlsx workbook"
    ),
  oldOrEncrypted: () =>
    bilingual(
      "这是旧版 .xls 或加密的工作簿，无法读取；请在 Excel 中取消密码并另存为 .xlsx",
      "an old .xls or a password-protected workbook: remove the password in Excel and save it as .xlsx"
    ),
  notXlsx: () =>
    bilingual(
      "不是有效的 .xlsx 工作簿：文件内容不是 xlsx 格式，可能已损坏或扩展名不对",
      "not an .xlsx workbook: the content is not in xlsx format; the file may be damaged or misnamed"
    ),
  zipNotWorkbook: () =>
    bilingual(
      "这是一个 zip 压缩文件，但不是 Excel 工作簿，其中没有 xl/workbook.xml",
      "a zip archive, not an Excel workbook"
    ),
  noWorksheet: () =>
    bilingual(
      "工作簿中没有任何工作表，未检查",
      "the workbook has no worksheet: nothing was checked"
    ),
  damaged: (detail: string) =>
    bilingual(
      `工作簿已损坏或不完整，无法读取；读取程序报告：“${detail}”`,
      `the workbook is damaged or incomplete; the reader reports: “${detail}”`
    ),
  tooLarge: (limit: number, cells: number | undefined, xmlMegabytes: number) =>
    bilingual(
      cells !== undefined
        ? `工作簿太大，未读取：各工作表至少有 ${cells.toLocaleString("en")} 个单元格，超过上限 ${limit.toLocaleString("en")}；如确需检查，请用 --max-cells 调高上限（需要相应的内存）`
        : `工作簿太大，未读取：各工作表解压后有 ${xmlMegabytes.toLocaleString("en")} MB，超过上限 ${limit.toLocaleString("en")} 个单元格所需；如确需检查，请用 --max-cells 调高上限（需要相应的内存）`,
      cells !== undefined
        ? `workbook too large, not read: its sheets have at least ${cells.toLocaleString("en")} cells, more than the limit of ${limit.toLocaleString("en")}; raise it with --max-cells if you must (it needs memory to match)`
        : `workbook too large, not read: its sheets hold ${xmlMegabytes.toLocaleString("en")} MB uncompressed, more than a limit of ${limit.toLocaleString("en")} cells can need; raise it with --max-cells if you must (it needs memory to match)`
    ),
  badMaxCells: (value: string) =>
    bilingual(
      `--max-cells 需要一个正整数，而不是“${value}”`,
      `--max-cells needs a positive whole number, not “${value}”`
    ),
  cannotRead: (detail: string) =>
    bilingual(
      `无法读取文件；系统报告：“${detail}”`,
      `cannot read the file; the system reports: “${detail}”`
    ),
  engineFailed: (detail: string) =>
    bilingual(
      `检查时程序出错，请把此文件和以下信息报告给开发者：“${detail}”`,
      `the check failed inside the program; please report this file and: “${detail}”`
    ),

  // Finding inputs
  noSuchInput: () => bilingual("找不到文件或目录", "no such file or folder"),
  /** `documents`: check collects .docx disclosures too. */
  folderWithoutWorkbooks: (documents = false) =>
    documents
      ? bilingual(
          "目录中没有 .xlsx 工作簿或 .docx 文档",
          "no .xlsx workbook or .docx document in this folder"
        )
      : bilingual("目录中没有 .xlsx 工作簿", "no .xlsx workbook in this folder"),
  globWithoutWorkbooks: (documents = false) =>
    documents
      ? bilingual(
          "没有匹配的 .xlsx 工作簿或 .docx 文档",
          "no .xlsx workbook or .docx document matches"
        )
      : bilingual("没有匹配的 .xlsx 工作簿", "no .xlsx workbook matches"),
  notFileOrFolder: () => bilingual("不是普通文件或目录", "neither a file nor a folder"),

  // Arguments
  unknownOption: (option: string) => bilingual(`未知选项 ${option}`, `unknown option ${option}`),
  missingValue: (option: string) =>
    bilingual(`选项 ${option} 需要一个值`, `option ${option} needs a value`),
  badArguments: (detail: string) =>
    bilingual(`参数有误：“${detail}”`, `invalid arguments: “${detail}”`),
  missingCommand: () =>
    bilingual(
      "缺少命令：budget-disclosure check <文件|目录|通配符>… 或 export <文件>",
      "no command: budget-disclosure check <file|dir|glob>… or export <file>"
    ),
  unknownCommand: (command: string) =>
    bilingual(
      `未知命令“${command}”，可用的命令：check、export`,
      `unknown command “${command}”; the commands are check and export`
    ),
  noCheckInput: () =>
    bilingual("请给出要检查的文件、目录或通配符", "no input given: name a file, folder or glob"),
  badTemplate: (value: string, allowed: readonly string[]) =>
    bilingual(
      `--template 只能是 ${allowed.join("、")}，而不是“${value}”`,
      `--template must be one of ${allowed.join(", ")}, not “${value}”`
    ),
  badFormat: (value: string) =>
    bilingual(
      `--format 只能是 text 或 json，而不是“${value}”`,
      `--format must be text or json, not “${value}”`
    ),
  badJobs: (value: string) =>
    bilingual(
      `--jobs 需要一个正整数，而不是“${value}”`,
      `--jobs needs a positive whole number, not “${value}”`
    ),
  narrativeNeedsOneWorkbook: () =>
    bilingual(
      "--narrative 的情况说明只能对应一个工作簿：请只给出一个要检查的文件",
      "--narrative goes with one workbook: name only one file to check"
    ),
  seeHelp: () =>
    bilingual("运行 budget-disclosure --help 查看用法。", "run budget-disclosure --help for usage"),
  internalError: (detail: string) =>
    bilingual(
      `程序出错，未完成：“${detail}”。请把所用的命令和文件报告给开发者；加 --debug 可显示详细信息`,
      `internal error: “${detail}”; please report the command and the file; add --debug for details`
    ),

  // The 情况说明 file of check --narrative
  narrativeNotFound: (file: string) =>
    bilingual(`找不到情况说明文件“${file}”`, `the 情况说明 file “${file}” does not exist`),
  narrativeUnreadable: (file: string, detail: string) =>
    bilingual(
      `无法读取情况说明文件“${file}”；系统报告：“${detail}”`,
      `cannot read the 情况说明 file “${file}”; the system reports: “${detail}”`
    ),
  narrativeNotDocx: (file: string) =>
    bilingual(
      `“${file}”不是有效的 .docx 文档（可能已损坏，或是旧版 .doc：请在 Word 中另存为 .docx）`,
      `“${file}” is not a .docx document; it may be damaged or an old .doc: save it as .docx in Word`
    ),
  narrativeWrongType: (extension: string) =>
    bilingual(
      `情况说明文件应为 .txt 或 .docx，而不是“${extension}”`,
      `the 情况说明 must be a .txt or .docx file, not “${extension}”`
    ),

  // export
  noExportInput: () =>
    bilingual("请给出要导出的工作簿", "no input given: name the workbook to export"),
  batchNoPrevious: () =>
    bilingual(
      "--previous 的上年文件只对应一个部门：批量导出时不能使用，请逐个导出",
      "--previous belongs to one department: it cannot be used in a batch export; export one at a time"
    ),
  previousPaired: (file: string) => `上年公开文件：${file}`,
  previousDirEmpty: (dir: string) =>
    `--previous-dir “${dir}”中没有可读的 .xlsx 工作簿或 .docx 文档`,
  previousOrDir: () =>
    bilingual(
      "--previous 与 --previous-dir 只能选一个",
      "give --previous or --previous-dir, not both"
    ),
  badReport: (file: string) =>
    bilingual(
      `--report 的文件名须以 .html 或 .xlsx 结尾，而不是“${file}”`,
      `a --report must end in .html or .xlsx, not “${file}”`
    ),
  batchNeedsOut: () =>
    bilingual("批量导出请用 --out <目录> 指定输出目录", "a batch export needs --out <folder>"),
  batchNoDuties: () =>
    bilingual(
      "--duties 的部门职责只对应一个部门：批量导出时不能使用",
      "--duties belongs to one department: it cannot be used in a batch export"
    ),
  dutiesUnreadable: (file: string, reason: string) =>
    bilingual(
      `无法读取 --duties 文件“${file}”：${reason}`,
      `cannot read the --duties file “${file}”`
    ),
  workbookHasErrors: (count: number) =>
    bilingual(
      `工作簿有 ${count} 个错误，未导出。请先修正；如仍要导出，加 --allow-errors。`,
      `the workbook has ${count} errors; nothing was exported. Fix them, or add --allow-errors`
    ),
  /** What stops an export besides errors: figures it would change beyond rounding, and problems. */
  exportBlocked: (changes: number, problems: number) =>
    bilingual(
      `${[
        changes > 0 ? `导出会改动原表中 ${changes} 个数字（超出舍入）` : "",
        problems > 0 ? `生成时发现 ${problems} 个问题（如项目对不上科目）` : "",
      ]
        .filter(Boolean)
        .join("，")}，未导出。请先核对原表；如仍要导出，加 --allow-errors。`,
      `${[
        changes > 0
          ? `exporting would change ${changes} figures of the workbook by more than rounding`
          : "",
        problems > 0
          ? `building the tables found ${problems} problems (such as projects that fit no 科目)`
          : "",
      ]
        .filter(Boolean)
        .join(", and ")}; nothing was exported. Check the tables, or add --allow-errors`
    ),
  noDepartment: () => bilingual("找不到部门名称，无法导出", "no department name found"),
  noYear: () => bilingual("找不到预算年度，无法导出", "no budget year found"),
  noTemplate: () =>
    bilingual(
      `无法识别公开表格式，请用 --template 指定 ${orList(TEMPLATE_IDS, "、", " 或 ")}`,
      `the layout is not recognized: give --template ${orList(TEMPLATE_IDS, ", ", " or ")}`
    ),
  noBudgetData: (why: string) =>
    bilingual(
      `工作簿中没有可导出的预算数据${why ? `：${why}` : ""}`,
      "no ledger and no standard tables found"
    ),
  renderFailed: (detail: string) =>
    bilingual(
      `生成文件时程序出错，未写出任何文件：“${detail}”。请把此工作簿报告给开发者`,
      `the files could not be made; nothing was written: “${detail}”; please report this workbook`
    ),

  // export: the output
  outputExists: (files: readonly string[]) =>
    bilingual(
      `输出文件已存在：${files.join("、")}；未覆盖。要覆盖请加 --force。`,
      `the output already exists; nothing was overwritten; add --force to replace it`
    ),
  outputIsInput: (target: string, input: string) =>
    bilingual(
      `输出文件“${target}”就是输入文件“${input}”，不会覆盖输入文件（加 --force 也不会）。请用 --out 换一个输出目录`,
      `the output “${target}” is the input “${input}”; an input is never overwritten, even with --force; choose another --out folder`
    ),
  outputIsFolder: (target: string) =>
    bilingual(
      `输出文件“${target}”的位置已有一个同名文件夹，无法写入`,
      `the output “${target}” is a folder; cannot write the file there`
    ),
  outputFolderIsFile: (folder: string) =>
    bilingual(
      `输出目录“${folder}”（或其上级）是一个文件，不是文件夹，无法创建`,
      `the output folder “${folder}” (or a folder above it) is a file; cannot create the folder`
    ),
  outputNoPermission: (at: string) =>
    bilingual(`没有权限写入输出位置“${at}”`, `no permission to write to the output “${at}”`),
  outputReadOnly: (at: string) =>
    bilingual(`输出位置“${at}”在只读的磁盘上`, `the output “${at}” is on a read-only disk`),
  outputDiskFull: (at: string) =>
    bilingual(
      `磁盘已满，无法写入输出位置“${at}”`,
      `the disk is full; cannot write the output “${at}”`
    ),
  outputFailed: (at: string, detail: string) =>
    bilingual(
      `无法写入输出位置“${at}”；系统报告：“${detail}”`,
      `cannot write the output “${at}”; the system reports: “${detail}”`
    ),
  outputNothingLeft: () =>
    bilingual(
      "未写出任何文件，原有文件保持不变。",
      "nothing was written; existing files are unchanged"
    ),
} as const;
