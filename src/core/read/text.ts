import { toHalfWidth } from "../money";
import type { CellValue } from "../grid";

const WHITESPACE = /[\s\u00a0\u3000]/g;

/**
 * Compact forms of the texts seen, kept because the readers ask for the same cells' again and again
 * (every table finder scans every sheet); emptied when it grows past a bound.
 */
const compactCache = new Map<string, string>();
const COMPACT_CACHE_SIZE = 50_000;

/** Text of a cell with all whitespace removed and full-width punctuation folded: for matching captions. */
export function compactText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  // A number or boolean prints with neither whitespace nor full-width characters.
  if (typeof value !== "string") return String(value);
  let compact = compactCache.get(value);
  if (compact === undefined) {
    compact = toHalfWidth(value).replace(WHITESPACE, "");
    if (compactCache.size >= COMPACT_CACHE_SIZE) compactCache.clear();
    compactCache.set(value, compact);
  }
  return compact;
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
