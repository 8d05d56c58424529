/**
 * Is last year's file the right one? It must be the budget of year − 1 of the same department;
 * otherwise every comparison would be wrong, so the pairing is an error finding and the figures are
 * not compared. Codes that moved between the years (a 项 that no longer exists, a new one) are
 * listed, never dropped silently: their change is 上年无此项 / 本年无此项.
 */
import type { Finding } from "../finding";
import { formatMoney } from "../money";
import type { Money } from "../money";
import { compactText } from "../read/text";
import { PREVIOUS_RULE } from "./types";
import type { CodedAmount, PreviousDisclosure } from "./types";

export interface CurrentSubject {
  department?: string;
  departmentCode?: string;
  year?: number;
}

/**
 * Department names as published vary in form, not in substance: 中国共产党…委员会组织部 and
 * 中共…委组织部 are the same department.
 */
export function normalizeDepartmentName(name: string): string {
  return compactText(name)
    .replace(/[()（）“”"]/g, "")
    .replace(/^中国共产党/, "中共")
    .replace(/委员会/g, "委")
    .replace(/人民政府/g, "政府");
}

export function sameDepartment(a: CurrentSubject, b: CurrentSubject): boolean | undefined {
  if (a.departmentCode && b.departmentCode) return a.departmentCode === b.departmentCode;
  if (a.department === undefined || b.department === undefined) return undefined;
  return normalizeDepartmentName(a.department) === normalizeDepartmentName(b.department);
}

function fileName(previous: PreviousDisclosure): string {
  return previous.source ? `上年公开文件“${previous.source}”` : "上年公开文件";
}

/** Findings when last year's file is not year − 1 of the same department (empty when it is). */
export function pairingFindings(current: CurrentSubject, previous: PreviousDisclosure): Finding[] {
  const findings: Finding[] = [];
  const file = fileName(previous);
  if (current.year !== undefined) {
    if (previous.year === undefined)
      findings.push({
        ruleId: PREVIOUS_RULE.year,
        severity: "error",
        message: `${file}中找不到预算年度，无法确认它是 ${current.year - 1} 年的公开文件；请核对后再比较。`,
        expected: String(current.year - 1),
      });
    else if (previous.year !== current.year - 1)
      findings.push({
        ruleId: PREVIOUS_RULE.year,
        severity: "error",
        message: `${file}是 ${previous.year} 年的预算，而本年为 ${current.year} 年，上年文件应为 ${current.year - 1} 年；未与之比较。`,
        expected: String(current.year - 1),
        actual: String(previous.year),
      });
  }
  const same = sameDepartment(current, previous);
  if (same === false) {
    const codes =
      current.departmentCode && previous.departmentCode
        ? `（部门编码 ${previous.departmentCode}，本年为 ${current.departmentCode}）`
        : "";
    findings.push({
      ruleId: PREVIOUS_RULE.department,
      severity: "error",
      message: `${file}是“${previous.department ?? "未知部门"}”的${codes}，与本年“${current.department ?? "未知部门"}”不是同一部门；未与之比较。`,
      expected: current.department,
      actual: previous.department,
    });
  }
  return findings;
}

/** 功能 项 codes (7 digits) with their totals, from a figures' 功能 tree. */
export function itemCodes(
  byFunction: readonly { code: string; name: string; level: number; all: { total: Money } }[]
): CodedAmount[] {
  return byFunction
    .filter((n) => n.level === 3)
    .map((n) => ({ code: n.code, name: n.name, total: n.all.total }));
}

/** 项 that last year had and this year has not, and the reverse: listed as 提示, one per code. */
export function movedCodeFindings(
  current: readonly CodedAmount[],
  previous: PreviousDisclosure
): Finding[] {
  const now = new Map(current.map((c) => [c.code, c]));
  const before = new Map(itemCodes(previous.figures.byFunction).map((c) => [c.code, c]));
  const findings: Finding[] = [];
  for (const [code, last] of before) {
    if (now.has(code) || last.total.isZero()) continue;
    findings.push({
      ruleId: PREVIOUS_RULE.codeGone,
      severity: "info",
      message: `上年有“${code} ${last.name}”${formatMoney(last.total)} 万元，本年无此科目（本年无此项）：如已调整到其他科目，请在情况说明中说明。`,
      actual: last.total.toFixed(2),
    });
  }
  for (const [code, item] of now) {
    if (before.has(code) || item.total.isZero()) continue;
    findings.push({
      ruleId: PREVIOUS_RULE.codeNew,
      severity: "info",
      message: `本年新增科目“${code} ${item.name}”${formatMoney(item.total)} 万元，上年无此项。`,
      expected: item.total.toFixed(2),
    });
  }
  return findings;
}
