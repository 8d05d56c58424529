/**
 * Where the pane gets its WorkbookHost: Office.js inside Excel (loaded on demand from
 * ./officeHost, the adapter that alone touches Office.js), or an empty stand-in when the page is
 * previewed in a plain browser.
 */
import { messages, pickLocale } from "../messages";
import type { WorkbookHost } from "./host";

/* global navigator */

/** The Office.js host; its module is loaded only inside Excel. */
export async function createDefaultHost(): Promise<WorkbookHost> {
  const { createOfficeHost } = await import(/* webpackChunkName: "office-host" */ "./officeHost");
  return createOfficeHost();
}

/** A workbook with no sheets, for previewing the pane outside Excel: nothing can be written. */
export function createPreviewHost(
  language: string = typeof navigator === "undefined" ? "zh-CN" : navigator.language
): WorkbookHost {
  const unavailable = messages[pickLocale(language)].previewNotice;
  return {
    readWorkbook: async () => [],
    existingSheets: async () => [],
    writeSheets: async () => ({ ok: false, message: unavailable }),
    selectCell: async () => undefined,
    writeCells: async () => {
      throw new Error(unavailable);
    },
    restoreCells: async () => {
      throw new Error(unavailable);
    },
    createWorkbookFromXlsx: async () => {
      throw new Error(unavailable);
    },
    displayLanguage: () => language,
  };
}
