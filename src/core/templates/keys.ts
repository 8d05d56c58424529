/**
 * The grammar of a figure key, `[subject/]group.measure[@scope]`:
 *
 * - subject — whose figure, when not the row's own: `grand`, `projects`, `threePublic.abroad` …
 * - group — whose money: `all`, `fiscal` (财政拨款), `unitFunds` (单位资金 and its parts),
 *   `otherIncome` (其他收入 with unspecified 单位资金), or one source (`一般公共预算`, `财政专户` …)
 * - measure — which amount: `total`, `basic`, `personnel`, `publicUse`, `project`, `current`
 *   (financed by this year's income), `carryover` (financed by 上年结转)
 * - scope — only the lines of this year's money (`@current`) or of the carry-over (`@carryover`):
 *   `一般公共预算.basic@current` is the 基本支出 of a 不含上年结转 table.
 *
 * A key may start with a period, `prior:`, `change:` or `rate:` — last year's published figure,
 * 本年 − 上年, or the signed 增减率 in percent (rounded half up to 2 decimals) — for the 上年 columns
 * of a table that shows last year: `prior:threePublic.abroad/fiscal.total`. Without last year's
 * figures such a cell is blank.
 *
 * `none` is a cell that holds no figure; `zero` a figure that is zero by definition.
 */
import { FISCAL_SOURCES, FUND_SOURCES, UNIT_FUND_SOURCES } from "../model";
import type { FundSource } from "../model";
import type { FigureKey, Subject } from "./types";

export const MEASURES = [
  "total",
  "basic",
  "personnel",
  "publicUse",
  "project",
  "current",
  "carryover",
] as const;
export type Measure = (typeof MEASURES)[number];

export type Scope = "all" | "current" | "carryover";

/** Each group and the sources whose money it adds up. */
export const GROUPS: Readonly<Record<string, readonly FundSource[]>> = {
  all: FUND_SOURCES,
  fiscal: FISCAL_SOURCES,
  unitFunds: UNIT_FUND_SOURCES,
  // 单位资金 booked without naming its part has no column of its own: it is the unit's 其他收入.
  otherIncome: ["其他收入", "单位资金"],
  ...Object.fromEntries(FUND_SOURCES.map((source) => [source, [source]])),
};

export const SUBJECTS: readonly Subject[] = [
  "grand",
  "projects",
  "threePublic.total",
  "threePublic.abroad",
  "threePublic.vehicle",
  "threePublic.vehiclePurchase",
  "threePublic.vehicleOperation",
  "threePublic.reception",
  "none",
];

/** Which year a figure is of: this year's (default), last year's, their difference or its rate. */
export type Period = "current" | "prior" | "change" | "rate";

export type ParsedKey =
  | {
      kind: "figure";
      period: Period;
      subject?: Subject;
      group: string;
      sources: readonly FundSource[];
      measure: Measure;
      scope: Scope;
    }
  | { kind: "none" }
  | { kind: "zero" };

export type KeyParse = { ok: true; key: ParsedKey } | { ok: false; reason: string };

const KEY =
  /^(?:(prior|change|rate):)?(?:([^/:]+)\/)?([^.@/:]+)\.([A-Za-z]+)(?:@(current|carryover))?$/;

export function parseFigureKey(key: FigureKey): KeyParse {
  if (key === "none" || key === "zero") return { ok: true, key: { kind: key } };
  const match = KEY.exec(key);
  if (!match)
    return { ok: false, reason: `“${key}” is not [period:][subject/]group.measure[@scope]` };
  const [, period, subject, group, measure, scope] = match;
  if (subject !== undefined && !SUBJECTS.includes(subject as Subject))
    return { ok: false, reason: `unknown subject “${subject}” in “${key}”` };
  const sources = GROUPS[group];
  if (!sources) return { ok: false, reason: `unknown group “${group}” in “${key}”` };
  if (!MEASURES.includes(measure as Measure))
    return { ok: false, reason: `unknown measure “${measure}” in “${key}”` };
  if (subject?.startsWith("threePublic.") && measure !== "total")
    return { ok: false, reason: `a 三公 item has only a total: “${key}”` };
  return {
    ok: true,
    key: {
      kind: "figure",
      period: (period as Period | undefined) ?? "current",
      subject: subject as Subject | undefined,
      group,
      sources,
      measure: measure as Measure,
      scope: (scope as Scope | undefined) ?? "all",
    },
  };
}
