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
import type { TemplateId } from "../../core/model";
import type { FileResult } from "../checkFile";

/**
 * A department's verdict. 提示 (rounding differences and other notes) never keep a department from
 * 通过; a warning alone makes it 仅警告; one error makes it 有错误. A file that opened but held no
 * table the checker recognises is 未检查, apart from 无法读取: the department sent the wrong file,
 * not a broken one, and the bureau asks it for something different.
 */
export type DepartmentStatus = "passed" | "errors" | "warningsOnly" | "unchecked" | "unreadable";

/** In the order the bureau reads them (and the issue names them). */
export const STATUSES: readonly DepartmentStatus[] = [
  "passed",
  "errors",
  "warningsOnly",
  "unchecked",
  "unreadable",
];

export const STATUS_LABEL: Record<DepartmentStatus, string> = {
  passed: "通过",
  errors: "有错误",
  warningsOnly: "仅警告",
  unchecked: "未检查",
  unreadable: "无法读取",
};

/** Which departments need attention first, when sorting by status. */
export const STATUS_URGENCY: Record<DepartmentStatus, number> = {
  errors: 0,
  unreadable: 1,
  unchecked: 2,
  warningsOnly: 3,
  passed: 4,
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
  return worst === "error" ? "errors" : worst === "warning" ? "warningsOnly" : "passed";
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
