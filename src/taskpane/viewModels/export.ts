/**
 * The 导出 step as data: the three export buttons, disabled with the reason shown while the workbook
 * cannot be exported — not checked, no department or year, or errors unless the user explicitly
 * overrides — the file names, and what the last export did.
 */
import { countBySeverity } from "../../core/finding";
import { disclosureAbout, exportFileName, hasBudgetData } from "../disclosure";
import { fill, messages } from "../messages";
import type { Locale, Messages } from "../messages";
import { selectedTemplate } from "../state";
import type { ExportTarget, PaneState } from "../state";
import { changesView } from "./generate";
import { failureText } from "./labels";

export interface ExportActionView {
  id: ExportTarget;
  label: string;
  disabled: boolean;
  busy: boolean;
}

export interface ExportViewModel {
  heading: string;
  buttonsLabel: string;
  actions: ExportActionView[];
  /** What the last check found (errors, warnings), shown before anything is exported. */
  checkStatus?: { intent: "success" | "warning" | "error"; text: string };
  /** Why the buttons are disabled. */
  reason?: string;
  /** Shown while the workbook has errors: exporting anyway is an explicit choice. */
  override?: { label: string; checked: boolean };
  warning?: string;
  files?: { label: string; names: string[] };
  status?: { intent: "info" | "success" | "error"; text: string };
  /** The workbook's figures the last export printed (or would print) differently. */
  changes?: { heading: string; items: string[] };
}

const ACTIONS: readonly (readonly [ExportTarget, keyof Messages])[] = [
  ["xlsx-open", "exportXlsxOpen"],
  ["xlsx-download", "exportXlsxDownload"],
  ["docx-download", "exportDocxDownload"],
];

export function exportViewModel(state: PaneState, locale: Locale): ExportViewModel {
  const text = messages[locale];
  const outcome = state.check.outcome;
  const { override, busy, done, failure, changes } = state.export;
  const changed = changesView(changes, locale, "exportChanged");
  // Figures the export would change by more than rounding stop it as errors do; the same choice
  // lets the user export anyway once they have reviewed them.
  // A failure for problems the builders found (with no figure beyond rounding) offers it too.
  const blockedByChanges =
    (changes ?? []).some((c) => !c.withinRounding) ||
    (failure?.reason === "changes" && (failure.problems ?? []).length > 0) ||
    (override && (busy !== undefined || done !== undefined));
  const about = outcome ? disclosureAbout(outcome.check, selectedTemplate(state)) : undefined;
  const counts = outcome ? countBySeverity(outcome.check.findings) : undefined;
  const errors = counts?.error ?? 0;
  const hasData = outcome !== undefined && hasBudgetData(outcome.check);

  const reason =
    !outcome || !about
      ? text.needCheckFirst
      : about.department === undefined
        ? text.exportNeedDepartment
        : about.year === undefined
          ? text.exportNeedYear
          : about.template === undefined
            ? text.needTemplate
            : !hasData
              ? text.noBudgetData
              : errors > 0 && !override
                ? fill(text.exportBlockedErrors, { count: errors })
                : undefined;
  const blocked = reason !== undefined || state.check.status === "running";

  return {
    heading: text.exportHeading,
    buttonsLabel: text.exportButtonsLabel,
    actions: ACTIONS.map(([id, label]) => ({
      id,
      label: text[label],
      disabled: blocked || busy !== undefined,
      busy: busy === id,
    })),
    checkStatus: counts && {
      intent: counts.error > 0 ? "error" : counts.warning > 0 ? "warning" : "success",
      text:
        counts.error + counts.warning === 0
          ? text.exportCheckClean
          : fill(text.exportCheckStatus, { errors: counts.error, warnings: counts.warning }),
    },
    reason,
    override:
      errors > 0
        ? { label: text.exportOverride, checked: override }
        : blockedByChanges
          ? { label: text.exportOverrideChanges, checked: override }
          : undefined,
    warning:
      errors > 0 && override ? fill(text.exportOverrideActive, { count: errors }) : undefined,
    files:
      about?.department !== undefined && about.year !== undefined
        ? {
            label: text.exportFileNames,
            names: (["xlsx", "docx"] as const).map((format) =>
              exportFileName(about.department!, about.year!, format)
            ),
          }
        : undefined,
    status: busy
      ? { intent: "info", text: text.exportRunning }
      : done
        ? {
            intent: "success",
            text:
              fill(done.target === "xlsx-open" ? text.exportOpened : text.exportDownloaded, {
                file: done.fileName,
              }) + (changed ? changed.detail : ""),
          }
        : failure
          ? { intent: "error", text: failureText(failure, locale, "exportFailed") }
          : undefined,
    changes: changed?.list,
  };
}
