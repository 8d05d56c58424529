/**
 * What the Office.js adapter (officeHost.ts) and its writing half (sheetWriter.ts) share: the texts
 * returned to the pane, the mark of generated sheets, the request limits and the error helpers.
 * Kept apart so that the writing half can load only when the clerk first generates tables.
 */

/* global Excel, Office */

export type Api = { excel: typeof Excel; office: typeof Office | undefined };

/** Every text this adapter returns to the pane (Chinese: the clerks' language). */
export const HOST_MESSAGES = {
  unsupported:
    "当前 Excel 版本不支持在工作簿中生成公开表（需要 ExcelApi 1.9 或更高版本），请改用“导出 xlsx”。",
  cannotOpenWorkbook:
    "当前 Excel 版本不能直接打开新工作簿（需要 ExcelApi 1.8），请下载文件后打开。",
  exists: (names: readonly string[]) =>
    `工作簿中已有同名工作表：${names.join("、")}。请确认替换后再生成。`,
  notGenerated: (names: readonly string[]) =>
    `工作表 ${names.map((n) => `“${n}”`).join("、")} 不是本助手生成的，不会被替换。请先将其改名或删除。`,
  chartSheetMissing: (name: string) => `图表所在的工作表“${name}”不在本次生成的表中。`,
  failed: (detail: string) =>
    `生成公开表时出错，本次新增的工作表已删除，工作簿保持原样。（${detail}）`,
  cleanupFailed: (detail: string) =>
    `生成公开表时出错，且未能删除本次新增的临时工作表（名称以“${TEMPORARY_PREFIX}”开头），请手动删除。（${detail}）`,
} as const;

/** Custom property that marks a worksheet as output of this add-in (ExcelApi 1.12). */
export const GENERATED_MARK = "budget-disclosure.generated";
export const TEMPORARY_PREFIX = "~生成中";

/**
 * What one request that draws tables may carry. Excel on the web refuses a request over 5 MB and
 * grows slow and fragile long before; a few thousand commands keep each request well inside both.
 */
export const WRITE_REQUEST_LIMIT: RequestLimit = { commands: 4_000, bytes: 1_000_000 };

export interface RequestLimit {
  commands: number;
  bytes: number;
}

export function errorCode(error: unknown): string {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
}

export function errorDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = errorCode(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/** Excel on the web refuses requests and responses over 5 MB with these codes. */
export function isPayloadLimit(error: unknown): boolean {
  return (
    /PayloadSizeLimitExceeded/i.test(errorCode(error)) ||
    /payload size/i.test(error instanceof Error ? error.message : "")
  );
}

export function supports(api: Api, version: string): boolean {
  return api.office?.context?.requirements?.isSetSupported("ExcelApi", version) ?? false;
}
