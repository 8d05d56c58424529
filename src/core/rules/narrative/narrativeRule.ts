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
import type { Grid } from "../../grid";
import { gridAddress } from "../../grid";
import { checkNarrative } from "../../narrative/check";
import type { NarrativeInput } from "../../narrative/types";
import { isBlank } from "../../read/text";
import type { Rule, WorkbookRuleContext } from "../rule";
import { pairedPrevious } from "../previous/paired";
import { RULE_TITLES } from "../../messages";

export const NARRATIVE_SHEET_NAME = "情况说明";

/** A workbook rule context that also carries the 情况说明 paragraphs. */
export interface NarrativeRuleContext extends WorkbookRuleContext {
  readonly narrative?: readonly NarrativeInput[];
}

/** The 情况说明 sheet: named exactly so, else the first whose name contains 情况说明. */
export function findNarrativeSheet(grids: readonly Grid[]): Grid | undefined {
  const name = (g: Grid) => g.sheet.replace(/\s/g, "");
  return (
    grids.find((g) => name(g) === NARRATIVE_SHEET_NAME) ??
    grids.find((g) => name(g).includes(NARRATIVE_SHEET_NAME))
  );
}

/**
 * The paragraphs of the 情况说明 sheet, one per non-empty row (the row's texts joined), each with
 * its sheet and the address of its first non-empty cell; undefined when there is no such sheet.
 */
export function readNarrativeSheet(grids: readonly Grid[]): NarrativeInput[] | undefined {
  const grid = findNarrativeSheet(grids);
  if (!grid) return undefined;
  const paragraphs: NarrativeInput[] = [];
  grid.values.forEach((row, r) => {
    const cells = (row ?? [])
      .map((value, c) => ({ value, c }))
      .filter(({ value }) => !isBlank(value));
    if (cells.length === 0) return;
    const text = cells.map(({ value }) => String(value).trim()).join("");
    if (text === "") return;
    paragraphs.push({ text, sheet: grid.sheet, cell: gridAddress(grid, r, cells[0].c) });
  });
  return paragraphs;
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
