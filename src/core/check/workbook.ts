import type { Grid } from "../grid";
import { INPUT_RULES } from "../rules/inputRules";
import { ledgerTables, readLedger } from "./ledgerPart";
import { checkWorkbookWith } from "./withParts";
import type { CheckParts, WorkbookCheckOptions, WorkbookCheckResult } from "./withParts";

export type { WorkbookCheckOptions, WorkbookCheckResult } from "./withParts";

/** Every part a workbook may need (see withParts.ts). */
export const ALL_CHECK_PARTS: CheckParts = {
  inputRules: INPUT_RULES,
  ledgerTables,
  readLedger,
};

/**
 * Checks a whole workbook: every table on its own, then every rule between tables. Never throws on
 * bad input: what cannot be read is a finding.
 */
export function checkWorkbook(
  grids: readonly Grid[],
  options: WorkbookCheckOptions = {}
): WorkbookCheckResult {
  return checkWorkbookWith(ALL_CHECK_PARTS, grids, options);
}
