/**
 * The 情况说明 as a workbook rule: a sheet named 情况说明 (or whose name contains it), one paragraph
 * per row, checked against the workbook's tables (see core/narrative/check.ts).
 *
 * The WorkbookModel keeps only recognized tables, not the raw grids of other sheets, so the
 * paragraphs travel in the rule context. checkWorkbook must read them from the grids and pass them:
 *
 *     const narrative = readNarrativeSheet(grids);
 *     const context = { model, catalog, template, unitNature, strictRounding, narrative };
 *
 * (and should leave the 情况说明 sheet out of readWorkbook, which would otherwise report it as an
 * unrecognized table). Without `narrative` in the context the rule finds nothing.
 */
import type { Finding } from "../../finding";
import { checkNarrative } from "../../narrative/check";
import type { NarrativeInput } from "../../narrative/types";
import type { Rule, WorkbookRuleContext } from "../rule";
import { pairedPrevious } from "../previous/paired";
import { RULE_TITLES } from "../../messages";

// Finding and reading the sheet is light and runs on every workbook; it lives apart from the checks
// so that a check of a workbook without a 情况说明 need not load them (the pane's engine).
export { NARRATIVE_SHEET_NAME, findNarrativeSheet, readNarrativeSheet } from "./narrativeSheet";

/** A workbook rule context that also carries the 情况说明 paragraphs. */
export interface NarrativeRuleContext extends WorkbookRuleContext {
  readonly narrative?: readonly NarrativeInput[];
}

/** Every amount, share and sum the 情况说明 states, against the tables. */
export const narrativeRule: Rule<WorkbookRuleContext> = {
  id: "narrative",
  title: RULE_TITLES["narrative"],
  severity: "error",
  scope: "workbook",
  run(context): Finding[] {
    const paragraphs = (context as NarrativeRuleContext).narrative;
    if (!paragraphs || paragraphs.length === 0) return [];
    // 比上年 statements are checked against last year's published figures when its file is paired.
    const previous = pairedPrevious(context);
    const findings = checkNarrative(paragraphs, context.model, {
      unitNature: context.unitNature,
      ...(previous ? { lastYear: previous.lastYear } : {}),
    });
    return context.strictRounding
      ? findings.map((f) => (f.rounding ? { ...f, severity: "error" as const } : f))
      : findings;
  },
};
