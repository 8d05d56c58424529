/*
 * What a report says about how it was made: when, by which version of the tool, with which rules.
 * The rules' version is a fingerprint of the registry itself (every rule's id, severity and title),
 * so that two reports made with the same rules show the same fingerprint without anyone keeping a
 * number up to date by hand.
 */
import { createHash } from "crypto";
import { TABLE_RULES, WORKBOOK_RULES } from "../../core/rules";
import type { Rule } from "../../core/rules";

/** The report's title, in the HTML page and the xlsx workbook alike. */
export const REPORT_TITLE = "部门预算公开审核报告";

export interface RulesVersion {
  /** How many rules the engine runs. */
  count: number;
  /** 8 hex digits of a SHA-256 over the sorted rules. */
  fingerprint: string;
}

export interface ReportAbout {
  /** When the workbooks were checked. */
  generatedAt: Date;
  toolVersion: string;
  rules: RulesVersion;
}

function registeredRules(): Rule<unknown>[] {
  return [...TABLE_RULES, ...WORKBOOK_RULES] as Rule<unknown>[];
}

export function rulesVersion(): RulesVersion {
  const lines = registeredRules()
    .map((rule) => `${rule.id}\t${rule.severity}\t${rule.title}`)
    .sort();
  const fingerprint = createHash("sha256").update(lines.join("\n"), "utf8").digest("hex");
  return { count: lines.length, fingerprint: fingerprint.slice(0, 8) };
}

/** Rule id → its Chinese title, for the rules in the registry. */
export function ruleTitles(): ReadonlyMap<string, string> {
  return new Map(registeredRules().map((rule) => [rule.id, rule.title]));
}

/** `2025-03-07 14:05`, in local time: the date a bureau writes on what it sends back. */
export function formatDateTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return (
    `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ` +
    `${two(date.getHours())}:${two(date.getMinutes())}`
  );
}

/** `规则 44 条 · 3fa9c21e`. */
export function describeRules(rules: RulesVersion): string {
  return `规则 ${rules.count} 条 · ${rules.fingerprint}`;
}
