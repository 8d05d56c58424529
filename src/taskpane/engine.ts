/**
 * The engine as the pane's 检查 uses it: read and check. Pure: no host, no DOM. Loaded on first use
 * (see actions.ts), so the pane's first paint does not wait for the rules and the code catalogs;
 * what a check does not need (the builders, the narrative, the chart) is in content.ts, loaded only
 * when the clerk generates or exports.
 */
import { checkWorkbook } from "../core/check/workbook";
import type { WorkbookCheckResult } from "../core/check/workbook";
import type { Grid } from "../core/grid";

/** A checked workbook and the sheets it had. */
export interface CheckOutcome {
  check: WorkbookCheckResult;
  sheets: string[];
}

/** Checks the workbook in its own layout. */
export function checkGrids(grids: readonly Grid[]): CheckOutcome {
  return { check: checkWorkbook(grids), sheets: grids.map((grid) => grid.sheet) };
}
