/**
 * The engine as the pane's 检查 uses it: read and check. Pure: no host, no DOM. Loaded on first use
 * (see actions.ts), so the pane's first paint does not wait for the rules and the code catalogs;
 * what a check does not need (the builders, the narrative, the chart) is in content.ts, loaded only
 * when the clerk generates or exports.
 */
import { checkWorkbook } from "../core/check/workbook";
import type { WorkbookCheckResult } from "../core/check/workbook";
import { fixableRuleTitles, planFix, planFixAll } from "../core/fixes";
import type { CellEdit } from "../core/fixes";
import type { Finding } from "../core/finding";
import type { Grid } from "../core/grid";
import type { PreviousDisclosure } from "../core/previous/types";
// Last year's file remembered with the workbook is recalled before the first check, so it comes
// with the engine rather than with the pane's first paint.
export { forgetPrevious, recallPrevious, rememberPrevious } from "./previousYear";

/** A checked workbook and the sheets it had. */
export interface CheckOutcome {
  check: WorkbookCheckResult;
  sheets: string[];
  /** The grids checked (the clerk's own sheets), for working out quick fixes without Excel. */
  grids?: Grid[];
  /** The Chinese titles of the rules whose findings may be fixed (全部修正 names them). */
  fixTitles?: Record<string, string>;
  /** Last year's disclosure the check compared with (the pane says whether it paired). */
  previous?: PreviousDisclosure;
}

/** What the clerk asked to fix: one finding, or every finding of one rule (全部修正). */
export type FixTarget = { finding: Finding } | { ruleId: string };

/** A fix worked out and checked in memory: the cells to write, or why there is none. */
export type FixProposal =
  | { ok: true; edits: CellEdit[]; fixed: Finding[] }
  | { ok: false; reason: "none" | "notResolved" | "newErrors"; newErrors: Finding[] };

/** Checks the workbook in its own layout; its 上年 figures against last year's file when given. */
export function checkGrids(grids: readonly Grid[], previous?: PreviousDisclosure): CheckOutcome {
  return {
    check: checkWorkbook(grids, previous ? { previous } : {}),
    sheets: grids.map((grid) => grid.sheet),
    grids: [...grids],
    fixTitles: fixableRuleTitles(),
    ...(previous ? { previous } : {}),
  };
}

/**
 * The fix for one finding, or for every finding of one rule, worked out on the checked grids and
 * checked again in memory: no round trip to Excel.
 */
export function proposeFix(outcome: CheckOutcome, target: FixTarget): FixProposal {
  const grids = outcome.grids ?? [];
  const before = outcome.check.findings;
  if ("finding" in target) {
    const plan = planFix([target.finding], grids, before);
    return plan.ok ? { ok: true, edits: plan.edits, fixed: [target.finding] } : plan;
  }
  const plan = planFixAll(target.ruleId, grids, before);
  return plan.ok
    ? { ok: true, edits: plan.edits, fixed: plan.fixed ?? [] }
    : { ok: false, reason: plan.reason, newErrors: plan.newErrors };
}
