/**
 * The 生成公开表 step as data: the template choice (pre-selected from detection), the sheets the
 * template creates and which of them exist already (replacing those needs the user's confirmation),
 * the generate button with the reason it is disabled, progress, and the summary afterwards.
 */
import { changeText } from "../../core/format/changeText";
import type { FigureChange } from "../../core/figures/figuresFromModel";
import { countBySeverity } from "../../core/finding";
import {
  hasBudgetData,
  optionalOutputSheetNames,
  outputSheetNames,
  unnumberedSheetName,
} from "../disclosure";
import { fill, messages } from "../messages";
import type { Locale } from "../messages";
import { selectedTemplate } from "../state";
import type { PaneState } from "../state";
import type { Option } from "./check";
import { TEMPLATE_IDS, failureText, findingSentence, templateLabel } from "./labels";

export interface GenerateViewModel {
  heading: string;
  template: {
    label: string;
    value: string;
    placeholder: string;
    options: Option[];
    disabled: boolean;
  };
  sheets: { heading: string; items: { name: string; exists: boolean; note?: string }[] };
  button: { label: string; disabled: boolean; busy: boolean; reason?: string };
  warning?: string;
  progress?: { label: string; value: number; text: string };
  /** After a run: what was created (the sheet names as one line), or why nothing was. */
  summary?: { intent: "success" | "error"; title: string; detail?: string };
  notes?: { heading: string; items: string[] };
  /** The workbook's figures the tables print differently, each with its old and new value. */
  changes?: { heading: string; items: string[] };
  confirm: {
    open: boolean;
    title: string;
    body: string;
    sheets: string[];
    confirmLabel: string;
    cancelLabel: string;
  };
}

/** The list of changed figures, and the sentence the summary adds about them. */
export function changesView(
  changes: readonly FigureChange[] | undefined,
  locale: Locale,
  sentence: "generateChanged" | "exportChanged"
): { detail: string; list: { heading: string; items: string[] } } | undefined {
  if (!changes || changes.length === 0) return undefined;
  const text = messages[locale];
  const beyond = changes.filter((c) => !c.withinRounding).length;
  const detail = [
    fill(text[sentence], { count: changes.length }),
    beyond > 0 ? fill(text.changesBeyondRounding, { count: beyond }) : "",
  ].join("");
  return {
    detail,
    list: {
      heading: fill(text.changesHeading, { count: changes.length }),
      items: changes.map(changeText),
    },
  };
}

export function generateViewModel(state: PaneState, locale: Locale): GenerateViewModel {
  const text = messages[locale];
  const outcome = state.check.outcome;
  const detected = outcome?.check.template;
  const template = selectedTemplate(state);
  const writing = state.generate.status === "writing";
  // Matched by the table's name without its number: a supplementary table is numbered on from
  // the tables before it (政府采购 is 表11 when there are no goal forms).
  const existing = new Map(state.existing.map((name) => [unnumberedSheetName(name), name]));
  const optional = new Set(template ? optionalOutputSheetNames(template) : []);
  const hasData = outcome !== undefined && hasBudgetData(outcome.check);
  const reason = !outcome
    ? text.needCheckFirst
    : !template
      ? text.needTemplate
      : !hasData
        ? text.noBudgetData
        : undefined;
  const errors = outcome ? countBySeverity(outcome.check.findings).error : 0;
  const { generate } = state;
  const notes = (generate.notes ?? []).filter((f) => f.severity !== "info");
  const done = generate.status === "done";
  const created = new Map((generate.created ?? []).map((n) => [unnumberedSheetName(n), n]));
  const names = (template ? outputSheetNames(template) : []).map((nominal) => {
    const base = unnumberedSheetName(nominal);
    return { nominal, name: (done ? created.get(base) : existing.get(base)) ?? nominal, base };
  });
  const changed = done ? changesView(generate.changes, locale, "generateChanged") : undefined;

  return {
    heading: text.generateHeading,
    template: {
      label: text.templateLabel,
      value: template ?? "",
      placeholder: text.templatePlaceholder,
      options: TEMPLATE_IDS.map((id) => ({
        value: id,
        label:
          id === detected
            ? fill(text.templateDetected, { name: templateLabel(id, locale) })
            : templateLabel(id, locale),
      })),
      disabled: writing,
    },
    // After a run the list says what was created, rather than warning that each sheet now exists.
    sheets: {
      heading: fill(done ? text.sheetsCreatedHeading : text.sheetsHeading, {
        count: done ? created.size : names.length,
      }),
      items: names.map(({ nominal, name, base }) => ({
        name,
        exists: !done && existing.has(base),
        note: done
          ? created.has(base)
            ? text.sheetCreated
            : undefined
          : existing.has(base)
            ? text.sheetExists
            : optional.has(nominal)
              ? text.sheetOptional
              : undefined,
      })),
    },
    button: {
      label: text.generateButton,
      disabled: reason !== undefined || writing || state.check.status === "running",
      busy: writing,
      reason,
    },
    warning: errors > 0 ? fill(text.generateWithErrors, { count: errors }) : undefined,
    progress:
      writing && generate.progress
        ? {
            label: text.generateProgressLabel,
            value:
              generate.progress.total > 0 ? generate.progress.done / generate.progress.total : 0,
            text: fill(text.generateProgress, {
              done: generate.progress.done,
              total: generate.progress.total,
            }),
          }
        : undefined,
    summary:
      generate.status === "done"
        ? {
            intent: "success",
            title: fill(text.generateDone, { count: generate.created?.length ?? 0 }),
            ...(changed ? { detail: changed.detail } : {}),
          }
        : generate.status === "failed" && generate.failure
          ? {
              intent: "error",
              title: failureText(generate.failure, locale, "generateFailed"),
            }
          : undefined,
    notes:
      notes.length > 0
        ? { heading: text.generateNotesHeading, items: notes.map(findingSentence) }
        : undefined,
    changes: changed?.list,
    confirm: {
      open: generate.status === "confirming",
      title: text.confirmTitle,
      body: fill(text.confirmBody, { count: state.existing.length }),
      sheets: [...state.existing],
      confirmLabel: text.confirmReplace,
      cancelLabel: text.confirmCancel,
    },
  };
}
