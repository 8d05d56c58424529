/**
 * Which findings may have a quick fix, judged from the finding alone: no rule code, no check, so
 * the pane can show 修正 beside a finding without loading the engine. core/fixes.ts plans the fix.
 */
import type { Finding } from "./finding";

export type FixKind = "sum" | "text" | "rounding";

/** The fixable rules and the kinds of fix each allows (test/core/fixes.test.ts checks the ids). */
export const FIX_KINDS: Readonly<Record<string, readonly FixKind[]>> = {
  "sum.root-cause": ["sum"],
  "sum.children": ["sum", "rounding"],
  "sum.total-row": ["sum", "rounding"],
  "sum.row-parts": ["sum", "rounding"],
  "amount.as-text": ["text"],
};

/** What kind of fix a finding could have; undefined when none (a difference between tables, say). */
export function fixKind(finding: Finding): FixKind | undefined {
  const kinds = FIX_KINDS[finding.ruleId];
  if (!kinds || !finding.sheet || !finding.cell) return undefined;
  if (kinds.includes("text")) return "text";
  if (finding.expected === undefined || !/^-?\d+(\.\d+)?$/.test(finding.expected)) return undefined;
  if (finding.rounding) return kinds.includes("rounding") ? "rounding" : undefined;
  return finding.severity === "error" && kinds.includes("sum") ? "sum" : undefined;
}
