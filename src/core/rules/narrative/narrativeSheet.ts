/**
 * The 情况说明 sheet of a workbook and its paragraphs, as the narrative rule checks them. Apart from
 * the rule (narrativeRule.ts): every check looks for the sheet, and only a workbook that has one
 * needs the narrative checks (core/narrative), which the pane loads only then.
 */
import type { Grid } from "../../grid";
import { gridAddress } from "../../grid";
import type { NarrativeInput } from "../../narrative/types";
import { isBlank } from "../../read/text";

export const NARRATIVE_SHEET_NAME = "情况说明";

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
