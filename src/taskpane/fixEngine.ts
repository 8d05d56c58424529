/**
 * The pane's quick fixes: worked out on the checked grids and checked again in memory (core/fixes.ts,
 * which checks with every part of the engine). Loaded on the first 修正, not before the findings.
 */
import { planFix, planFixAll } from "../core/fixes";
import type { CheckOutcome, FixProposal, FixTarget } from "./engine";

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
