import { toHalfWidth } from "../money";
import type { CellValue } from "../grid";

/** Text of a cell with all whitespace removed and full-width punctuation folded: for matching captions. */
export function compactText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  return toHalfWidth(String(value)).replace(/[\s\u00a0\u3000]/g, "");
}

export function isBlank(value: CellValue): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

const CHINESE_ORDINAL = /^[一二三四五六七八九十百]+[、.．]/;

/** "一、一般公共服务支出" → "一般公共服务支出"; other labels unchanged. */
export function stripOrdinal(label: string): string {
  return label.replace(CHINESE_ORDINAL, "").replace(/^\d+[、.]/, "");
}

export function hasChineseOrdinal(label: string): boolean {
  return CHINESE_ORDINAL.test(label);
}
