/** The pane's frame as data: the title, the three steps, the preview notice outside Excel. */
import { messages } from "../messages";
import type { Locale, Messages } from "../messages";
import { STEPS } from "../state";
import type { PaneState, Step } from "../state";

export interface PaneViewModel {
  title: string;
  stepsLabel: string;
  steps: { value: Step; label: string }[];
  step: Step;
  previewNotice?: string;
}

const STEP_LABELS: Readonly<Record<Step, keyof Messages>> = {
  check: "stepCheck",
  generate: "stepGenerate",
  export: "stepExport",
};

export function paneViewModel(state: PaneState, locale: Locale, inExcel: boolean): PaneViewModel {
  const text = messages[locale];
  return {
    title: text.title,
    stepsLabel: text.stepsLabel,
    steps: STEPS.map((value) => ({ value, label: text[STEP_LABELS[value]] })),
    step: state.step,
    previewNotice: inExcel ? undefined : text.previewNotice,
  };
}
