/**
 * What the 上年公开文件 picker shows: the file in use (its name, and the 部门 and 年度 it is about),
 * whether it pairs with this workbook, or why a picked file gave nothing. The pairing is the
 * check's own finding (previous.pairing-*), so the pane says exactly what the check compared.
 */
import type { PreviousDisclosure } from "../../core/previous/types";
import type { PreviousReadFailure } from "../previousReader";
import { fill, messages } from "../messages";
import type { Locale } from "../messages";
import type { PaneState } from "../state";

/** The picker's own state, beside the pane's: App holds it. */
export interface PreviousPickState {
  /** Last year's disclosure in use (picked now, or recalled from the workbook's settings). */
  previous?: PreviousDisclosure;
  /** The name of a file being read. */
  reading?: string;
  /** A picked file that gave no disclosure, and why. */
  failed?: { name: string; failure: PreviousReadFailure };
  /** Remembering or forgetting it in the document settings failed. */
  saveError?: string;
}

export interface PreviousYearViewModel {
  heading: string;
  hint: string;
  pick: { label: string; busy: boolean };
  remove?: { label: string };
  reading?: string;
  facts: { label: string; value: string }[];
  status?: { intent: "success" | "error"; text: string; lines: string[] };
  /** Not kept with the workbook: it holds for this session only. */
  saveWarning?: string;
}

const PAIRING = /^previous\.(pairing-year|pairing-department|unreadable)$/;

export function previousYearViewModel(
  pick: PreviousPickState,
  check: PaneState["check"],
  locale: Locale
): PreviousYearViewModel {
  const text = messages[locale];
  const vm: PreviousYearViewModel = {
    heading: text.previousHeading,
    hint: text.previousHint,
    pick: { label: text.previousPick, busy: pick.reading !== undefined },
    facts: [],
  };
  if (pick.reading !== undefined) vm.reading = fill(text.previousReading, { name: pick.reading });
  if (pick.failed) {
    const { name, failure } = pick.failed;
    const why =
      failure.reason === "noBudget" || failure.reason === "message"
        ? failure.message
        : {
            empty: text.previousEmpty,
            oldFormat: text.previousOldFormat,
            notZip: text.previousNotZip,
            damaged: text.previousDamaged,
          }[failure.reason];
    vm.status = { intent: "error", text: fill(text.previousReadFailed, { name, why }), lines: [] };
  }
  const { previous } = pick;
  if (previous) {
    vm.remove = { label: text.previousRemove };
    vm.facts = [
      { label: text.previousFile, value: previous.source ?? text.previousUnknown },
      { label: text.previousDepartment, value: previous.department ?? text.previousUnknown },
      {
        label: text.previousYear,
        value: previous.year !== undefined ? String(previous.year) : text.previousUnknown,
      },
    ];
    // Only a finished check of this very file says whether it paired.
    if (!pick.failed && check.status === "done" && check.outcome?.previous === previous) {
      const pairing = check.outcome.check.findings.filter((f) => PAIRING.test(f.ruleId));
      vm.status =
        pairing.length === 0
          ? { intent: "success", text: text.previousPaired, lines: [] }
          : { intent: "error", text: text.previousNotPaired, lines: pairing.map((f) => f.message) };
    }
  }
  if (pick.saveError) vm.saveWarning = fill(text.previousSaveFailed, { message: pick.saveError });
  return vm;
}
