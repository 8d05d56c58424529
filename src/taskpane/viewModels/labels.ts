/**
 * The message keys of the engine's enumerations (severities, templates, reason codes), so that the
 * view-models look a label up instead of switching on values.
 */
import type { Finding, Severity } from "../../core/finding";
import type { TemplateId } from "../../core/model";
import { PROVINCES, TEMPLATE_IDS } from "../../core/templates/registry";
import { fill, messages } from "../messages";
import type { Locale, Messages } from "../messages";
import type { Failure } from "../state";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

const SEVERITY_LABELS: Readonly<Record<Severity, keyof Messages>> = {
  error: "severityError",
  warning: "severityWarning",
  info: "severityInfo",
};

/** Fluent Badge colours of the severities. */
export const SEVERITY_COLORS = {
  error: "danger",
  warning: "warning",
  info: "informative",
} as const satisfies Record<Severity, string>;

/** The templates in the order the pane offers them: the registry's. */
export { TEMPLATE_IDS };

const FAILURE_LABELS: Readonly<Record<Exclude<Failure["reason"], "message">, keyof Messages>> = {
  noData: "noBudgetData",
  department: "exportNeedDepartment",
  year: "exportNeedYear",
  template: "needTemplate",
  changes: "exportBlockedChanges",
};

export function severityLabel(severity: Severity, locale: Locale): string {
  return messages[locale][SEVERITY_LABELS[severity]];
}

export function templateLabel(template: TemplateId, locale: Locale): string {
  // The province names its own set (templates/registry): a new province needs no pane message.
  const province = PROVINCES[template];
  return locale === "zh-CN" ? province.name : province.englishName;
}

/** The sentence for a failure; `wrap` (a message with `{message}`) frames a host's own text. */
export function failureText(failure: Failure, locale: Locale, wrap: keyof Messages): string {
  const text = messages[locale];
  if (failure.reason === "message") return fill(text[wrap], { message: failure.message });
  if (failure.reason === "changes") {
    const problems = failure.problems ?? [];
    const list = { count: problems.length, list: problems.join("；") };
    if (failure.count === 0 && problems.length > 0) return fill(text.exportBlockedProblems, list);
    const changes = fill(text[FAILURE_LABELS.changes], { count: failure.count });
    return problems.length > 0 ? changes + fill(text.exportAlsoProblems, list) : changes;
  }
  return text[FAILURE_LABELS[failure.reason]];
}

/** A finding as one sentence: `【项目支出(本年)】A9 …`, the place first when it has one. */
export function findingSentence(finding: Finding): string {
  const where = [finding.sheet && `【${finding.sheet}】`, finding.cell].filter(Boolean).join("");
  return where ? `${where} ${finding.message}` : finding.message;
}
