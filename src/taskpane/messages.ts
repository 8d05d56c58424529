/**
 * Every text the task pane shows, in one table so that a translation is one place to edit and a
 * missing key is a type error. Chinese is the add-in's language; English serves an Office whose
 * display language is English.
 */
export type Locale = "zh-CN" | "en-US";

export interface Messages {
  title: string;
  comingSoon: string;
  previewNotice: string;
}

export const messages: Record<Locale, Messages> = {
  "zh-CN": {
    title: "部门预算公开助手",
    comingSoon: "检查、生成公开表、导出功能即将推出。",
    previewNotice: "当前在浏览器中预览，未连接 Excel。",
  },
  "en-US": {
    title: "Budget Disclosure Assistant",
    comingSoon: "Checking, building the disclosure tables and exporting are coming soon.",
    previewNotice: "Previewing in a browser, not connected to Excel.",
  },
};

/** English when Office's display language (e.g. "en-US", "en-GB") is English, Chinese otherwise. */
export function pickLocale(displayLanguage?: string): Locale {
  return displayLanguage?.toLowerCase().startsWith("en") ? "en-US" : "zh-CN";
}
