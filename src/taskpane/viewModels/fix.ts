/**
 * 修正 and 撤销 as data: the dialog that shows each cell with its current and new value before
 * anything is written (or why there is no fix), the status of the last fix or undo, and the
 * session's list of applied fixes, the latest first, with 撤销 on the latest.
 */
import type { CellEdit } from "../../core/fixes";
import type { CellValue } from "../../core/grid";
import { formatMoney, moneyFromNumber } from "../../core/money";
import { fill, messages } from "../messages";
import type { Locale } from "../messages";
import type { AppliedFix, FixTarget, PaneState } from "../state";

export interface FixRowView {
  key: string;
  cell: string;
  from: string;
  to: string;
}

export interface FixDialogView {
  open: boolean;
  title: string;
  busy: boolean;
  busyText?: string;
  intro?: string;
  rows: FixRowView[];
  columns: { cell: string; from: string; to: string };
  /** Why there is no fix, or why writing failed. */
  problem?: { intent: "warning" | "error"; text: string; details: string[] };
  confirmLabel?: string;
  cancelLabel: string;
}

export interface UndoEntryView {
  id: number;
  text: string;
  /** Only the latest fix can be undone (an earlier one may have written the same cells). */
  undo?: { text: string; label: string; disabled: boolean };
}

export interface FixViewModel {
  dialog: FixDialogView;
  status?: { intent: "success" | "error"; text: string };
  undo?: { heading: string; entries: UndoEntryView[] };
}

/**
 * An amount the way the pane shows amounts: thousands separators, 2 decimals, through the engine's
 * one formatter (the same text in every locale: 1,234.50), from the exact decimal Excel displays.
 */
export function formatAmount(value: number): string {
  return formatMoney(moneyFromNumber(value));
}

function showValue(value: CellValue, locale: Locale): string {
  const text = messages[locale];
  if (value === null || value === undefined || value === "") return text.valueBlank;
  if (typeof value === "number") return formatAmount(value);
  if (typeof value === "string") return fill(text.valueText, { text: value });
  return String(value);
}

const address = (edit: Pick<CellEdit, "sheet" | "cell">) => `${edit.sheet}!${edit.cell}`;

function targetTitle(
  target: FixTarget | undefined,
  titles: Readonly<Record<string, string>>,
  locale: Locale
): string {
  const text = messages[locale];
  if (!target) return "";
  if ("ruleId" in target)
    return fill(text.fixAllTitle, { rule: titles[target.ruleId] ?? target.ruleId });
  return fill(text.fixTitle, {
    sheet: target.finding.sheet ?? "",
    cell: target.finding.cell ?? "",
  });
}

function entryText(
  applied: AppliedFix,
  titles: Readonly<Record<string, string>>,
  locale: Locale
): string {
  const text = messages[locale];
  if (applied.edits.length === 1) {
    const [edit] = applied.edits;
    return fill(text.undoEntryOne, {
      cell: address(edit),
      from: showValue(edit.from, locale),
      to: showValue(edit.to, locale),
    });
  }
  return fill(text.undoEntryMany, {
    title: targetTitle(applied.target, titles, locale),
    count: applied.edits.length,
  });
}

export function fixViewModel(state: PaneState, locale: Locale): FixViewModel {
  const text = messages[locale];
  const { fix, undo } = state;
  const titles = state.check.outcome?.fixTitles ?? {};
  const proposal = fix.proposal;
  const rows: FixRowView[] =
    proposal?.ok === true
      ? proposal.edits.map((edit) => ({
          key: address(edit),
          cell: address(edit),
          from: showValue(edit.from, locale),
          to: showValue(edit.to, locale),
        }))
      : [];
  const refused =
    proposal && !proposal.ok
      ? {
          intent: "warning" as const,
          text:
            proposal.reason === "newErrors"
              ? text.fixRefusedNewErrors
              : proposal.reason === "notResolved"
                ? text.fixRefusedNotResolved
                : text.fixRefusedNone,
          details: proposal.newErrors
            .slice(0, 5)
            .map((f) => `${f.sheet ? `${f.sheet}!${f.cell ?? ""} ` : ""}${f.message}`),
        }
      : undefined;
  const failure =
    fix.status === "failed" && fix.failure
      ? {
          intent: "error" as const,
          text:
            fix.failure.reason === "changed"
              ? fill(text.fixChanged, { cells: fix.failure.cells.join(text.listSeparator) })
              : fill(text.fixFailed, { message: fix.failure.message }),
          details: [],
        }
      : undefined;
  const canConfirm =
    proposal?.ok === true && (fix.status === "proposed" || fix.status === "writing");
  const dialog: FixDialogView = {
    open: fix.status !== "idle",
    title: targetTitle(fix.target, titles, locale),
    busy: fix.status === "planning" || fix.status === "writing",
    busyText:
      fix.status === "planning"
        ? text.fixPlanning
        : fix.status === "writing"
          ? text.fixWriting
          : undefined,
    intro: rows.length > 0 ? text.fixIntro : undefined,
    rows,
    columns: { cell: text.fixCell, from: text.fixFrom, to: text.fixTo },
    problem: failure ?? refused,
    confirmLabel: canConfirm ? text.fixConfirm : undefined,
    cancelLabel: canConfirm ? text.fixCancel : text.fixClose,
  };

  const status =
    undo.failure !== undefined
      ? { intent: "error" as const, text: fill(text.undoFailed, { message: undo.failure }) }
      : undo.undone
        ? {
            intent: "success" as const,
            text: fill(text.undoDone, { entry: entryText(undo.undone, titles, locale) }),
          }
        : fix.done !== undefined
          ? { intent: "success" as const, text: fill(text.fixDone, { count: fix.done }) }
          : undefined;

  const busy = undo.busy || fix.status !== "idle" || state.check.status === "running";
  const latest = undo.applied.length - 1;
  const entries = undo.applied
    .map((applied, i): UndoEntryView => {
      const entry = entryText(applied, titles, locale);
      return {
        id: applied.id,
        text: entry,
        undo:
          i === latest
            ? {
                text: text.undoButton,
                label: fill(text.undoButtonLabel, { entry }),
                disabled: busy,
              }
            : undefined,
      };
    })
    .reverse();
  return {
    dialog,
    status,
    undo:
      entries.length > 0
        ? { heading: fill(text.undoHeading, { count: entries.length }), entries }
        : undefined,
  };
}
