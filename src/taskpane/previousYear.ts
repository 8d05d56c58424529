/**
 * The pane's 上年公开文件, remembered with the workbook: what was extracted from last year's file
 * (core/previous/stored.ts — the budget lines and the 上年 figures, plus the file's name), kept
 * in Office document settings, which are saved inside the workbook. Not the file itself: the
 * settings are for small data, and the extraction is all that check and generate use again.
 *
 * The settings are passed in (Office.context.document.settings in Excel, a fake in tests), so
 * this file touches no Office global.
 */
import { loadPrevious, storePrevious } from "../core/previous/stored";
import type { PreviousDisclosure } from "../core/previous/types";
import { PREVIOUS_SETTING } from "./previousSetting";

/** The part of Office.Settings used here. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
}

export { PREVIOUS_SETTING } from "./previousSetting";

function save(settings: DocumentSettings): Promise<void> {
  return new Promise((resolve, reject) =>
    settings.saveAsync((result) =>
      result.status === "succeeded"
        ? resolve()
        : reject(new Error(result.error?.message ?? "无法保存到工作簿设置"))
    )
  );
}

/** Keeps last year's disclosure with the workbook (saved with it). */
export function rememberPrevious(
  settings: DocumentSettings,
  previous: PreviousDisclosure
): Promise<void> {
  settings.set(PREVIOUS_SETTING, storePrevious(previous));
  return save(settings);
}

/** Last year's disclosure remembered with this workbook, if any (and readable). */
export function recallPrevious(settings: DocumentSettings): PreviousDisclosure | undefined {
  return loadPrevious(settings.get(PREVIOUS_SETTING));
}

/** Forgets it (the clerk removed the file). */
export function forgetPrevious(settings: DocumentSettings): Promise<void> {
  settings.remove(PREVIOUS_SETTING);
  return save(settings);
}
