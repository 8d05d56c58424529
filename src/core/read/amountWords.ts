/**
 * What a clerk means by words with no digits in an amount cell. Dashes, 无 and 空 are read as
 * blank (money.ts EMPTY_MARKERS); the other words come here:
 * - "zero": 暂无, 不适用, 单位不需填列 — there is no such amount: it counts as 0, so the sums around
 *   the cell are still checked;
 * - "pending": 待定, 暂未确定, 另行下达, 见附表 — the amount is not known yet, or not in this table:
 *   it is no 0, and the sums it is part of cannot be checked until it is filled in;
 * - "numberInWords": 约十二, 壹佰万元 — a figure written in Chinese numerals: there is an amount,
 *   but not one the reader can take exactly, so it waits as a malformed number does.
 * Anything else (a stray word) is undefined: reported as not a number, counted as 0 as before.
 */
export type AmountWordMeaning = "zero" | "pending" | "numberInWords";

const ZERO_WORDS =
  /^(暂无|没有|无此项|本年无|本年度无|无预算|零|〇|不适用|不涉及|暂不安排|未安排|不安排|无需填列|不需填列|单位不需填列|本单位不需填列|本部门不需填列|无此支出|无此收入)$|不需填列|无需填列|不涉及|不适用/;

const PENDING_WORDS =
  /^(待|另行|尚未|暂未|未(定|确定|核定|下达|分配|批复|明确))|^(详|参|另)?见|^(不详|未知|不明)$|^[?？]+$|为准$/;

/** Chinese numerals, with the hedges and units that a figure typed as text carries. */
const NUMBER_IN_WORDS =
  /^(约|大约|近|共|计)?(?=[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟])[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟点]+(多|余|左右)?(元|万元|千元|亿元)?整?$/;

/** The meaning of an amount cell's text that holds no digit; undefined when it says none of these. */
export function amountWordMeaning(text: string): AmountWordMeaning | undefined {
  const compact = text.replace(/[\s\u00a0\u3000]/g, "");
  if (compact === "" || /[0-9０-９]/.test(compact)) return undefined;
  if (ZERO_WORDS.test(compact)) return "zero";
  if (PENDING_WORDS.test(compact)) return "pending";
  // 零 alone and 万元 alone are no figures (the first is a zero word, the second a caption).
  if (NUMBER_IN_WORDS.test(compact) && !/^(万|千|亿)?元$/.test(compact)) return "numberInWords";
  return undefined;
}
