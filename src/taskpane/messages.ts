/**
 * Every text the task pane shows, in one table so that a translation is one place to edit and a
 * missing key is a type error. Chinese is the add-in's language; English serves an Office whose
 * display language is English. `{name}` marks a value filled in by {@link fill}.
 *
 * The engine's own texts (finding messages, table titles, narrative) are Chinese in both locales:
 * they describe a Chinese disclosure and are what the clerk publishes.
 */
export type Locale = "zh-CN" | "en-US";

export interface Messages {
  title: string;
  previewNotice: string;
  listSeparator: string;
  stepsLabel: string;
  stepCheck: string;
  stepGenerate: string;
  stepExport: string;

  // 检查
  checkHeading: string;
  checkRun: string;
  checkRerun: string;
  checkRunning: string;
  checkIdle: string;
  checkFailed: string;
  previousHeading: string;
  previousHint: string;
  previousPick: string;
  previousRemove: string;
  previousReading: string;
  previousFile: string;
  previousDepartment: string;
  previousYear: string;
  previousUnknown: string;
  previousPaired: string;
  previousNotPaired: string;
  previousEmpty: string;
  previousOldFormat: string;
  previousNotZip: string;
  previousDamaged: string;
  previousReadFailed: string;
  previousSaveFailed: string;
  factsLabel: string;
  factDepartment: string;
  factYear: string;
  factTemplate: string;
  factUnknown: string;
  factTemplateWithSource: string;
  templateSourceDetected: string;
  templateSourceLedger: string;
  templateSourceOption: string;
  tablesSummary: string;
  tablesComplete: string;
  tablesNoTemplate: string;
  tablesMissingHeading: string;
  tablesExtract: string;
  tablesNotCheckedHeading: string;
  nothingChecked: string;
  nothingFilled: string;
  tablesFoundHeading: string;
  tablesOtherHeading: string;
  tableOnSheet: string;
  severityError: string;
  severityWarning: string;
  severityInfo: string;
  countsLabel: string;
  severityCount: string;
  findingsHeading: string;
  filterSeverity: string;
  filterSheet: string;
  filterAll: string;
  filterOption: string;
  filterAllSheets: string;
  groupHeading: string;
  sheetHeading: string;
  wholeWorkbook: string;
  roundingHeading: string;
  roundingHint: string;
  goToCell: string;
  relatedLabel: string;
  relatedMore: string;
  selectFailed: string;
  allWellTitle: string;
  allWellBody: string;
  allWellExtract: string;
  /** An extract of 绩效目标 forms only: no table was checked, only the forms. */
  allWellFormsOnly: string;
  allWellRounding: string;
  noMatches: string;

  // 修正 and 撤销
  fixButton: string;
  fixButtonLabel: string;
  fixAllHeading: string;
  fixAllButton: string;
  fixTitle: string;
  fixAllTitle: string;
  fixPlanning: string;
  fixIntro: string;
  fixCell: string;
  fixFrom: string;
  fixTo: string;
  fixConfirm: string;
  fixCancel: string;
  fixClose: string;
  fixRefusedNewErrors: string;
  fixRefusedNotResolved: string;
  fixRefusedNone: string;
  fixWriting: string;
  fixChanged: string;
  fixFailed: string;
  fixDone: string;
  valueBlank: string;
  valueText: string;
  undoHeading: string;
  undoButton: string;
  undoButtonLabel: string;
  undoEntryOne: string;
  undoEntryMany: string;
  undoDone: string;
  undoFailed: string;

  // 生成公开表
  generateHeading: string;
  templateLabel: string;
  templatePlaceholder: string;
  templateDetected: string;
  sheetsHeading: string;
  sheetOptional: string;
  sheetExists: string;
  sheetsCreatedHeading: string;
  sheetCreated: string;
  generateButton: string;
  generateProgressLabel: string;
  generateProgress: string;
  generateDone: string;
  generateFailed: string;
  generateNotesHeading: string;
  generateWithErrors: string;
  generateChanged: string;
  changesBeyondRounding: string;
  changesHeading: string;
  needCheckFirst: string;
  needTemplate: string;
  noBudgetData: string;
  confirmTitle: string;
  confirmBody: string;
  confirmReplace: string;
  confirmCancel: string;

  // 导出
  exportHeading: string;
  exportButtonsLabel: string;
  exportXlsxOpen: string;
  exportXlsxDownload: string;
  exportDocxDownload: string;
  exportFileNames: string;
  exportCheckStatus: string;
  exportCheckClean: string;
  exportBlockedErrors: string;
  exportOverride: string;
  exportOverrideActive: string;
  exportNeedDepartment: string;
  exportNeedYear: string;
  exportRunning: string;
  exportDownloaded: string;
  exportOpened: string;
  exportFailed: string;
  exportBlockedChanges: string;
  exportBlockedProblems: string;
  exportAlsoProblems: string;
  exportOverrideChanges: string;
  exportChanged: string;
}

export const messages: Record<Locale, Messages> = {
  "zh-CN": {
    title: "部门预算公开助手",
    previewNotice: "当前在浏览器中预览，未连接 Excel。",
    listSeparator: "、",
    stepsLabel: "步骤",
    stepCheck: "检查",
    stepGenerate: "生成公开表",
    stepExport: "导出",

    checkHeading: "检查工作簿",
    checkRun: "检查",
    checkRerun: "重新检查",
    checkRunning: "正在读取并检查工作簿…",
    checkIdle: "点击“检查”读取并检查当前工作簿。",
    checkFailed: "无法读取工作簿：{message}",
    previousHeading: "上年公开文件",
    previousHint:
      "选择上年的部门预算公开文件（.xlsx 或 .docx），用于核对上年数并填写增减。文件只在本机读取，不会上传。",
    previousPick: "选择上年公开文件…",
    previousRemove: "移除",
    previousReading: "正在读取“{name}”…",
    previousFile: "文件",
    previousDepartment: "部门",
    previousYear: "年度",
    previousUnknown: "未识别",
    previousPaired: "已与本年工作簿配对：检查将核对上年数，生成和导出将填写比上年增减。",
    previousNotPaired: "上年公开文件与本年工作簿不匹配，未与之比较：",
    previousEmpty: "文件是空的（0 字节）",
    previousOldFormat: "这是旧版 .xls/.doc 或加密的文件；请取消密码并另存为 .xlsx 或 .docx",
    previousNotZip: "不是 .xlsx 工作簿或 .docx 文档（文件内容不是这两种格式）",
    previousDamaged: "文件已损坏或不完整",
    previousReadFailed: "无法读取“{name}”：{why}",
    previousSaveFailed:
      "上年公开文件已用于本次检查，但未能保存到工作簿设置，下次打开需重新选择：{message}",
    factsLabel: "识别结果",
    factDepartment: "部门",
    factYear: "年度",
    factTemplate: "模板",
    factUnknown: "未识别",
    factTemplateWithSource: "{name}（{source}）",
    templateSourceDetected: "自动识别",
    templateSourceLedger: "由预算明细确定",
    templateSourceOption: "手动指定",
    tablesSummary: "已识别 {found}/{required} 张必备公开表",
    tablesComplete: "必备公开表齐全（{required} 张）",
    tablesNoTemplate: "未识别模板，无法判断缺少哪些公开表。",
    tablesMissingHeading: "缺少的表（{count}）",
    tablesExtract:
      "部分公开表（摘录）：已检查 {found} 张表，另有 {missing} 张必备公开表不在本工作簿中",
    tablesNotCheckedHeading: "不在本工作簿中、未检查的表（{count}）",
    nothingChecked:
      "没有找到任何可识别的标准公开表（如收支总表、支出总表、“三公”经费表），未做任何检查。",
    nothingFilled:
      "找到的公开表都没有填写：只有表头，或金额全为空白或 0，没有可以核对的数字，未做任何检查。",
    tablesFoundHeading: "已识别的表（{count}）",
    tablesOtherHeading: "其他表",
    tableOnSheet: "{title}：工作表“{sheet}”",
    severityError: "错误",
    severityWarning: "警告",
    severityInfo: "提示",
    countsLabel: "检查结果数量",
    severityCount: "{label} {count}",
    findingsHeading: "检查结果",
    filterSeverity: "按级别筛选",
    filterSheet: "按工作表筛选",
    filterAll: "全部（{count}）",
    filterOption: "{label}（{count}）",
    filterAllSheets: "全部工作表",
    groupHeading: "{label}（{count}）",
    sheetHeading: "{sheet}（{count}）",
    wholeWorkbook: "整个工作簿",
    roundingHeading: "舍入差异（{count}）",
    roundingHint: "差额在四舍五入允许范围内，一般无需修改。",
    goToCell: "在 Excel 中选中 {sheet}!{cell}",
    relatedLabel: "另见",
    relatedMore: "等 {count} 处",
    selectFailed: "无法选中 {sheet}!{cell}：{message}",
    allWellTitle: "未发现错误或警告",
    allWellBody: "工作簿通过了全部 {rules} 项检查规则。",
    allWellExtract:
      "只检查了本工作簿中的 {found} 张表（部分公开表的摘录）；另有 {missing} 张必备公开表不在本工作簿中，未检查。",
    allWellFormsOnly:
      "只检查了本工作簿中的绩效目标表（部分公开表的摘录）；另有 {missing} 张必备公开表（收支总表等）不在本工作簿中，未检查。",
    allWellRounding: "另有 {count} 处舍入差异，已折叠在下方。",
    noMatches: "没有符合筛选条件的检查结果。",
    fixButton: "修正",
    fixButtonLabel: "修正 {sheet}!{cell}",
    fixAllHeading: "可一键修正",
    fixAllButton: "全部修正：{rule}（{count} 处）",
    fixTitle: "修正 {sheet}!{cell}",
    fixAllTitle: "全部修正：{rule}",
    fixPlanning: "正在计算修正值并在内存中重新检查…",
    fixIntro: "确认后只写入下列单元格，然后重新检查工作簿：",
    fixCell: "单元格",
    fixFrom: "当前值",
    fixTo: "修正为",
    fixConfirm: "确认修正",
    fixCancel: "取消",
    fixClose: "关闭",
    fixRefusedNewErrors: "不能自动修正：写入后会产生新的错误，请手工核对。",
    fixRefusedNotResolved: "不能自动修正：写入后问题仍然存在，请手工核对。",
    fixRefusedNone: "这一项没有唯一正确的值，不能自动修正。",
    fixWriting: "正在写入…",
    fixChanged: "检查之后，{cells} 已被修改，本次未写入任何单元格。请重新检查后再修正。",
    fixFailed: "修正失败：{message}",
    fixDone: "已修正 {count} 个单元格，并已重新检查。",
    valueBlank: "（空）",
    valueText: "“{text}”（文本）",
    undoHeading: "本次修正（{count}）",
    undoButton: "撤销",
    undoButtonLabel: "撤销：{entry}",
    undoEntryOne: "{cell}：{from} → {to}",
    undoEntryMany: "{title}：{count} 个单元格",
    undoDone: "已撤销：{entry}，并已重新检查。",
    undoFailed: "撤销失败：{message}",

    generateHeading: "生成公开表",
    templateLabel: "公开表模板",
    templatePlaceholder: "请选择模板",
    templateDetected: "{name}（检测到）",
    sheetsHeading: "将创建的工作表（{count}）",
    sheetExists: "已存在，将替换",
    sheetOptional: "工作簿有相应的表时创建",
    sheetsCreatedHeading: "已创建的工作表（{count}）",
    sheetCreated: "已创建",
    generateButton: "生成公开表",
    generateProgressLabel: "生成进度",
    generateProgress: "正在写入第 {done}/{total} 张表…",
    generateDone: "已生成 {count} 张表。",
    generateFailed: "生成失败，已撤销新增的表：{message}",
    generateNotesHeading: "生成时的说明",
    generateWithErrors: "工作簿有 {count} 个错误，生成的表可能不准确，请先核对。",
    generateChanged:
      "有 {count} 个数字与原表不同（以更明细的数字为准，或为舍入差异），见下方列表。",
    changesBeyondRounding: "其中 {count} 处超出舍入，请核对原表后再公开。",
    changesHeading: "与原表不同的数字（{count} 处）",
    needCheckFirst: "请先完成检查。",
    needTemplate: "请先选择公开表模板。",
    noBudgetData: "工作簿中没有可用的预算数据（没有预算明细，也没有识别出标准公开表）。",
    confirmTitle: "替换已有的表？",
    confirmBody: "以下 {count} 张工作表已存在。替换会删除这些表并重新生成，其他工作表不受影响。",
    confirmReplace: "替换",
    confirmCancel: "取消",

    exportHeading: "导出公开文件",
    exportButtonsLabel: "导出文件",
    exportXlsxOpen: "以新工作簿打开 xlsx",
    exportXlsxDownload: "下载 xlsx",
    exportDocxDownload: "下载 docx",
    exportFileNames: "文件名",
    exportCheckStatus: "检查结果：{errors} 个错误，{warnings} 个警告。",
    exportCheckClean: "检查结果：未发现错误或警告。",
    exportBlockedErrors:
      "工作簿有 {count} 个错误，暂不能导出。请先修正；如确需导出，请勾选下方选项。",
    exportOverride: "仍要导出（我已核对这些错误）",
    exportOverrideActive: "注意：工作簿有 {count} 个错误，请核对后再公开。",
    exportNeedDepartment: "找不到部门名称，无法导出。",
    exportNeedYear: "找不到预算年度，无法导出。",
    exportRunning: "正在导出…",
    exportDownloaded: "已下载 {file}。",
    exportOpened: "已在新工作簿中打开 {file}。",
    exportFailed: "导出失败：{message}",
    exportBlockedChanges:
      "导出会改动原表中 {count} 个数字（超出舍入），未导出。请核对下方列表；如确需导出，请勾选“仍要导出”。",
    exportBlockedProblems:
      "生成公开表时发现 {count} 个问题：{list}。未导出。请核对原表；如确需导出，请勾选“仍要导出”。",
    exportAlsoProblems: "生成公开表时还发现 {count} 个问题：{list}。",
    exportOverrideChanges: "仍要导出（我已核对这些改动）",
    exportChanged: "有 {count} 个数字与原表不同，见下方列表。",
  },
  "en-US": {
    title: "Budget Disclosure Assistant",
    previewNotice: "Previewing in a browser, not connected to Excel.",
    listSeparator: ", ",
    stepsLabel: "Steps",
    stepCheck: "Check",
    stepGenerate: "Build tables",
    stepExport: "Export",

    checkHeading: "Check the workbook",
    checkRun: "Check",
    checkRerun: "Check again",
    checkRunning: "Reading and checking the workbook…",
    checkIdle: "Select Check to read and check the open workbook.",
    checkFailed: "Could not read the workbook: {message}",
    previousHeading: "Last year's disclosure",
    previousHint:
      "Choose last year's published budget disclosure (.xlsx or .docx) to check last year's figures and fill in the changes. The file is read on this computer and not uploaded.",
    previousPick: "Choose last year's file…",
    previousRemove: "Remove",
    previousReading: "Reading “{name}”…",
    previousFile: "File",
    previousDepartment: "Department",
    previousYear: "Year",
    previousUnknown: "not found",
    previousPaired:
      "Paired with this workbook: the check compares last year's figures, and generate and export fill in the changes.",
    previousNotPaired: "Last year's file does not match this workbook and was not compared:",
    previousEmpty: "the file is empty (0 bytes)",
    previousOldFormat:
      "an old .xls/.doc or a password-protected file; remove the password and save as .xlsx or .docx",
    previousNotZip: "not an .xlsx workbook or a .docx document",
    previousDamaged: "the file is damaged or incomplete",
    previousReadFailed: "Could not read “{name}”: {why}",
    previousSaveFailed:
      "Last year's file is used for this check but could not be saved with the workbook; choose it again next time: {message}",
    factsLabel: "Detected",
    factDepartment: "Department",
    factYear: "Year",
    factTemplate: "Template",
    factUnknown: "Not recognized",
    factTemplateWithSource: "{name} ({source})",
    templateSourceDetected: "detected",
    templateSourceLedger: "from the ledger",
    templateSourceOption: "chosen",
    tablesSummary: "{found} of {required} required tables found",
    tablesComplete: "All {required} required tables found",
    tablesNoTemplate: "The template is not recognized, so missing tables cannot be determined.",
    tablesMissingHeading: "Missing tables ({count})",
    tablesExtract:
      "An extract: {found} tables checked; {missing} required tables are not in this workbook",
    tablesNotCheckedHeading: "Not in this workbook, not checked ({count})",
    nothingChecked:
      "No standard disclosure table was recognised (such as 收支总表, 支出总表 or the 三公 table): nothing was checked.",
    nothingFilled:
      "The disclosure tables found hold no figures (headers only, or blanks and zeros): nothing was checked.",
    tablesFoundHeading: "Tables found ({count})",
    tablesOtherHeading: "Other tables",
    tableOnSheet: "{title}: sheet “{sheet}”",
    severityError: "Errors",
    severityWarning: "Warnings",
    severityInfo: "Notes",
    countsLabel: "Finding counts",
    severityCount: "{label} {count}",
    findingsHeading: "Findings",
    filterSeverity: "Filter by severity",
    filterSheet: "Filter by sheet",
    filterAll: "All ({count})",
    filterOption: "{label} ({count})",
    filterAllSheets: "All sheets",
    groupHeading: "{label} ({count})",
    sheetHeading: "{sheet} ({count})",
    wholeWorkbook: "Whole workbook",
    roundingHeading: "Rounding differences ({count})",
    roundingHint: "Within the rounding tolerance; usually nothing to fix.",
    goToCell: "Select {sheet}!{cell} in Excel",
    relatedLabel: "See also",
    relatedMore: "{count} cells in all",
    selectFailed: "Could not select {sheet}!{cell}: {message}",
    allWellTitle: "No errors or warnings",
    allWellBody: "The workbook passed all {rules} check rules.",
    allWellExtract:
      "Only the {found} tables in this workbook were checked (an extract); {missing} required tables are not in it and were not checked.",
    allWellFormsOnly:
      "Only the performance target forms in this workbook were checked (an extract); {missing} required tables (收支总表 …) are not in it and were not checked.",
    allWellRounding: "{count} rounding differences are folded below.",
    noMatches: "No findings match the filter.",
    fixButton: "Fix",
    fixButtonLabel: "Fix {sheet}!{cell}",
    fixAllHeading: "Quick fixes",
    fixAllButton: "Fix all: {rule} ({count})",
    fixTitle: "Fix {sheet}!{cell}",
    fixAllTitle: "Fix all: {rule}",
    fixPlanning: "Working out the fix and checking it in memory…",
    fixIntro: "Only these cells will be written, then the workbook is checked again:",
    fixCell: "Cell",
    fixFrom: "Now",
    fixTo: "New value",
    fixConfirm: "Fix",
    fixCancel: "Cancel",
    fixClose: "Close",
    fixRefusedNewErrors:
      "Cannot fix this automatically: the change would cause new errors. Please check by hand.",
    fixRefusedNotResolved:
      "Cannot fix this automatically: the problem would remain. Please check by hand.",
    fixRefusedNone: "This finding has no single right value to write.",
    fixWriting: "Writing…",
    fixChanged: "{cells} changed after the check; nothing was written. Check again, then fix.",
    fixFailed: "Fix failed: {message}",
    fixDone: "Fixed {count} cells and checked again.",
    valueBlank: "(blank)",
    valueText: '"{text}" (text)',
    undoHeading: "Fixes this session ({count})",
    undoButton: "Undo",
    undoButtonLabel: "Undo: {entry}",
    undoEntryOne: "{cell}: {from} → {to}",
    undoEntryMany: "{title}: {count} cells",
    undoDone: "Undone: {entry}; checked again.",
    undoFailed: "Undo failed: {message}",

    generateHeading: "Build the disclosure tables",
    templateLabel: "Table template",
    templatePlaceholder: "Choose a template",
    templateDetected: "{name} (detected)",
    sheetsHeading: "Sheets to be created ({count})",
    sheetOptional: "Created when the workbook has this table",
    sheetExists: "exists, will be replaced",
    sheetsCreatedHeading: "Sheets created ({count})",
    sheetCreated: "created",
    generateButton: "Build tables",
    generateProgressLabel: "Progress",
    generateProgress: "Writing sheet {done} of {total}…",
    generateDone: "Built {count} tables.",
    generateFailed: "Building failed; the new sheets were removed again: {message}",
    generateNotesHeading: "Notes from building the tables",
    generateWithErrors:
      "The workbook has {count} errors; the tables may be wrong. Review them first.",
    generateChanged:
      "{count} figures are printed differently from the workbook (the more detailed figure wins, or a rounding difference); see the list below.",
    changesBeyondRounding:
      "{count} of them by more than rounding: check the workbook before publishing.",
    changesHeading: "Figures printed differently from the workbook ({count})",
    needCheckFirst: "Check the workbook first.",
    needTemplate: "Choose a table template first.",
    noBudgetData:
      "The workbook has no budget data to use (no ledger and no standard tables recognized).",
    confirmTitle: "Replace existing sheets?",
    confirmBody:
      "These {count} sheets already exist. Replacing deletes and rebuilds them; no other sheet is touched.",
    confirmReplace: "Replace",
    confirmCancel: "Cancel",

    exportHeading: "Export the disclosure",
    exportButtonsLabel: "Export files",
    exportXlsxOpen: "Open xlsx as a new workbook",
    exportXlsxDownload: "Download xlsx",
    exportDocxDownload: "Download docx",
    exportFileNames: "File names",
    exportCheckStatus: "Check result: {errors} errors, {warnings} warnings.",
    exportCheckClean: "Check result: no errors or warnings.",
    exportBlockedErrors:
      "The workbook has {count} errors, so it cannot be exported yet. Fix them, or tick the option below to export anyway.",
    exportOverride: "Export anyway (I have reviewed the errors)",
    exportOverrideActive: "Note: the workbook has {count} errors. Review them before publishing.",
    exportNeedDepartment: "No department name found; cannot export.",
    exportNeedYear: "No budget year found; cannot export.",
    exportRunning: "Exporting…",
    exportDownloaded: "Downloaded {file}.",
    exportOpened: "Opened {file} as a new workbook.",
    exportFailed: "Export failed: {message}",
    exportBlockedChanges:
      "Exporting would change {count} figures of the workbook by more than rounding, so nothing was exported. Review the list below, or tick “Export anyway”.",
    exportBlockedProblems:
      "Building the tables found {count} problems: {list}. Nothing was exported. Check the workbook, or tick “Export anyway”.",
    exportAlsoProblems: "Building the tables also found {count} problems: {list}.",
    exportOverrideChanges: "Export anyway (I have reviewed these changes)",
    exportChanged: "{count} figures are printed differently from the workbook; see the list below.",
  },
};

/** English when Office's display language (e.g. "en-US", "en-GB") is English, Chinese otherwise. */
export function pickLocale(displayLanguage?: string): Locale {
  return displayLanguage?.toLowerCase().startsWith("en") ? "en-US" : "zh-CN";
}

/** Replaces each `{name}` with its value; a name without a value is left as it is. */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole
  );
}
