/*
 * What a finance bureau's review is made of, computed once from the check's results and shared by
 * the HTML report, the xlsx report and the JSON totals: each department's status, the totals, and
 * which rules hit the most departments. Pure functions of plain data (no I/O, no clock).
 */
import {
  Finding,
  SEVERITY_ORDER,
  Severity,
  compareFindingsInSheetOrder,
  countBySeverity,
} from "../../core/finding";
import {
  COVERAGE_MESSAGES,
  isPartCoverage,
  notCheckedNotes,
  notCheckedShort,
} from "../../core/messages/coverage";
import type { PartCoverage } from "../../core/messages/coverage";
import type { TemplateId } from "../../core/model";
import type { FileResult } from "../checkFile";

/**
 * A department's verdict. 提示 (rounding differences and other notes) never keep a department from
 * 通过; a warning alone makes it 仅警告; one error makes it 有错误. A workbook of which only part
 * was checked — an extract (some of the standard tables), or a second set of tables checked only
 * within themselves — is 部分检查 unless it has errors: its 通过 would cover tables that were never
 * checked. A file that opened but held no table the checker recognises is 未检查, apart from
 * 无法读取: the department sent the wrong file, not a broken one, and the bureau asks it for
 * something different.
 */
export type DepartmentStatus =
  "passed" | "errors" | "warningsOnly" | "partial" | "unchecked" | "unreadable";

/** In the order the bureau reads them (and the issue names them). */
export const STATUSES: readonly DepartmentStatus[] = [
  "passed",
  "errors",
  "warningsOnly",
  "partial",
  "unchecked",
  "unreadable",
];

export const STATUS_LABEL: Record<DepartmentStatus, string> = {
  passed: "通过",
  errors: "有错误",
  warningsOnly: "仅警告",
  partial: COVERAGE_MESSAGES.partialStatus,
  unchecked: COVERAGE_MESSAGES.uncheckedStatus,
  unreadable: "无法读取",
};

/** Which departments need attention first, when sorting by status. */
export const STATUS_URGENCY: Record<DepartmentStatus, number> = {
  errors: 0,
  unreadable: 1,
  unchecked: 2,
  partial: 3,
  warningsOnly: 4,
  passed: 5,
};

/** Nothing in the file was checked: it could not be read, or held no recognisable table. */
export function wasNotChecked(status: DepartmentStatus): boolean {
  return status === "unreadable" || status === "unchecked";
}

export function statusOf(result: FileResult): DepartmentStatus {
  // A workbook in which no table was recognised was not checked: never 通过 (issue 11 §7).
  if (result.error !== undefined) return "unreadable";
  if (result.unchecked !== undefined) return "unchecked";
  let worst: Severity = "info";
  for (const f of result.findings)
    if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[worst]) worst = f.severity;
  if (worst === "error") return "errors";
  // Before 仅警告: the bureau has to see that part of the disclosure was not checked at all.
  if (isPartial(result)) return "partial";
  return worst === "warning" ? "warningsOnly" : "passed";
}

/** Part of the workbook was not checked: an extract, or tables checked only within themselves. */
export function isPartial(result: FileResult): boolean {
  if (result.error !== undefined || result.unchecked !== undefined) return false;
  return isPartCoverage(partCoverage(result));
}

/** A file's coverage as core/messages/coverage reads it: the task pane says the same. */
function partCoverage(result: FileResult): PartCoverage {
  return {
    tables: result.tables ?? [],
    missing: result.missing ?? [],
    extract: result.extract === true,
    alone: result.alone ?? [],
  };
}

/**
 * What was not checked in a workbook checked in part, in a few words (the text's 小结):
 * “摘录：只检查了 1 张表，12 张必备公开表未检查”, “1 张表只核对了表内合计，未与其他表核对”.
 */
export function partialShort(result: FileResult): string[] {
  return isPartial(result) ? notCheckedShort(partCoverage(result)) : [];
}

/**
 * The same, naming the tables (the reports' and the JSON's `partial`): which were checked, which
 * of the template's were not found, and which were checked only within themselves, where.
 */
export function partialNote(result: FileResult): string | undefined {
  if (!isPartial(result)) return undefined;
  return notCheckedNotes(partCoverage(result)).join("");
}

/** A 舍入差异: within the rounding tolerance, reported as 提示 (or as an error with --strict-rounding). */
export function isRoundingNote(finding: Finding): boolean {
  return finding.rounding === true;
}

export interface ReviewTotals {
  files: number;
  /** Departments (files) by status. */
  status: Record<DepartmentStatus, number>;
  /** Findings by severity, over all files. */
  findings: Record<Severity, number>;
  /** Of those findings, how many are rounding differences (舍入差异). */
  rounding: number;
}

export function totalsOf(results: readonly FileResult[]): ReviewTotals {
  const status: Record<DepartmentStatus, number> = {
    passed: 0,
    errors: 0,
    warningsOnly: 0,
    partial: 0,
    unchecked: 0,
    unreadable: 0,
  };
  const findings: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let rounding = 0;
  for (const result of results) {
    status[statusOf(result)]++;
    const counts = countBySeverity(result.findings);
    findings.error += counts.error;
    findings.warning += counts.warning;
    findings.info += counts.info;
    rounding += result.findings.filter(isRoundingNote).length;
  }
  return { files: results.length, status, findings, rounding };
}

export interface Department {
  /** Position in the check's results (input order). */
  index: number;
  file: string;
  department?: string;
  year?: number;
  template?: TemplateId;
  status: DepartmentStatus;
  counts: Record<Severity, number>;
  /** Errors first, then sheet by sheet in the workbook's order, then by cell. */
  findings: Finding[];
  /** Why the file could not be read, or why nothing in it was checked. */
  error?: string;
  /** For 部分检查: what was not checked (partialNote). */
  partial?: string;
  /** For 未检查 and 无法读取: what the department is asked to send again (resubmitRequest). */
  resubmit?: string;
}

/**
 * What a department is asked to send again when nothing in its file was checked, for the reason it
 * was not: a file that opens, tables with their figures filled in, its budget disclosure rather
 * than a 决算 or another office's document, or the tables beside a 情况说明.
 */
export const RESUBMIT_REQUEST = {
  unreadable:
    "请部门确认报送的是能在 Excel 中正常打开的 .xlsx 工作簿（不是 .xls、未加密），重新报送。",
  noTables:
    "请部门确认报送的是部门预算公开表（收支总表、收入总表、支出总表等），而不是其他文件，重新报送。",
  noFigures:
    "文件中的公开表没有填写数字：请部门在表中填好各项预算数（不能只有表头，也不能全为空白或 0），重新报送。",
  notDisclosure:
    "文件中是政府预算、预算执行情况或物品清单等其他表格，不是部门预算公开表：请部门报送本部门的部门预算公开表（收支总表、收入总表、支出总表等），重新报送。",
  finalAccounts:
    "文件中是部门决算表，不是部门预算公开表：请部门报送本年度的部门预算公开表（收支总表、收入总表、支出总表等），重新报送。",
  documentOnly:
    "文档中没有可识别的公开表：请部门将部门预算公开表（收支总表、收入总表、支出总表等）的 Excel 工作簿一并报送。",
} as const;

/** The request for a file nothing in which was checked (see RESUBMIT_REQUEST); else undefined. */
export function resubmitRequest(result: FileResult): string | undefined {
  if (result.error !== undefined) return RESUBMIT_REQUEST.unreadable;
  if (result.unchecked === undefined) return undefined;
  // Empty disclosure tables first: beside them, a 决算 or another document is not what was asked.
  if (result.unchecked.startsWith(COVERAGE_MESSAGES.noFigures)) return RESUBMIT_REQUEST.noFigures;
  const rules = new Set(result.findings.map((f) => f.ruleId));
  if (rules.has("workbook.final-accounts")) return RESUBMIT_REQUEST.finalAccounts;
  if (rules.has("workbook.not-disclosure")) return RESUBMIT_REQUEST.notDisclosure;
  if (/\.docx$/i.test(result.file)) return RESUBMIT_REQUEST.documentOnly;
  return RESUBMIT_REQUEST.noTables;
}

export function departmentsOf(results: readonly FileResult[]): Department[] {
  return results.map((result, index) => ({
    index,
    file: result.file,
    department: result.department,
    year: result.year,
    template: result.template,
    status: statusOf(result),
    counts: countBySeverity(result.findings),
    findings: [...result.findings].sort(compareFindingsInSheetOrder(result.sheets)),
    error: result.error ?? result.unchecked,
    ...(isPartial(result) ? { partial: partialNote(result) } : {}),
    ...(wasNotChecked(statusOf(result)) ? { resubmit: resubmitRequest(result) } : {}),
  }));
}

export interface RuleFrequency {
  rule: string;
  /** Departments with at least one error or warning from this rule. */
  departments: number;
  /** Its errors and warnings over all departments. */
  findings: number;
  /** The most severe of them. */
  worst: Severity;
}

/**
 * The rules that hit the most departments, counting errors and warnings only: 提示 (rounding
 * differences above all) are no problem to fix and would crowd out those that are. Ties go to the
 * rule with more findings, then by id, so the order is the same on every run.
 */
export function frequentRules(results: readonly FileResult[], limit = 15): RuleFrequency[] {
  const byRule = new Map<string, RuleFrequency>();
  for (const result of results) {
    const seen = new Set<string>();
    for (const f of result.findings) {
      if (f.severity === "info") continue;
      let entry = byRule.get(f.ruleId);
      if (!entry) {
        entry = { rule: f.ruleId, departments: 0, findings: 0, worst: f.severity };
        byRule.set(f.ruleId, entry);
      }
      entry.findings++;
      if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[entry.worst]) entry.worst = f.severity;
      if (!seen.has(f.ruleId)) {
        seen.add(f.ruleId);
        entry.departments++;
      }
    }
  }
  return [...byRule.values()]
    .sort(
      (a, b) =>
        b.departments - a.departments || b.findings - a.findings || a.rule.localeCompare(b.rule)
    )
    .slice(0, limit);
}
