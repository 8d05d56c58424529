/**
 * The nine Hebei standard tables of a ledger, as Grids in the layout of the published Hebei
 * workbooks: a thin wrapper over the Hebei templates (core/templates/hebei.ts) drawn by
 * format/buildSheets, which rounds once with controlled rounding so that every printed parent is the
 * sum of its printed children and every figure is the same in every table (see buildSheets.ts).
 * Sheets keep the short names of the published workbooks (收支总表 … 三公经费), which the ledger
 * checks report findings against.
 */
import { buildSheet, printedFigures } from "./buildSheets";
import type { SheetSpec } from "./sheetSpec";
import { specToGrid } from "./specToGrid";
import type { Grid } from "../grid";
import { TEMPLATES } from "../templates";
import { LEDGER_TABLES_TEMPLATE } from "../templates/registry";
import type { BudgetFigures } from "../figures/figures";
import type { LedgerDepartment } from "../ledger/readLedger";

type TableRenderer = (figures: BudgetFigures, department: LedgerDepartment) => Grid;

/** `表3 支出总表` → `支出总表`: the sheet names of the published Hebei workbooks. */
function publishedSheet(spec: SheetSpec): Grid {
  return { ...specToGrid(spec), sheet: spec.sheetName.replace(/^表\d+\s+/, "") };
}

const HEBEI_REQUIRED = TEMPLATES[LEDGER_TABLES_TEMPLATE].filter((template) => template.required);

/** The Hebei set, in the published order; each renderer rounds the figures it is given. */
export const HEBEI_LEDGER_TABLES: readonly TableRenderer[] = HEBEI_REQUIRED.map(
  (template) => (figures, department) =>
    publishedSheet(buildSheet(template, printedFigures(figures), department))
);

/**
 * The nine Hebei standard tables of a ledger, rounded to 0.01 万元 once for all of them, so that
 * every printed parent is the sum of its printed children and every figure is the same in every table.
 */
export function ledgerTableGrids(
  figures: Pick<BudgetFigures, "lines" | "unitNature">,
  department: LedgerDepartment
): Grid[] {
  const printed = printedFigures(figures);
  return HEBEI_REQUIRED.map((template) =>
    publishedSheet(buildSheet(template, printed, department))
  );
}
