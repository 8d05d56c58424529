/** A ledger's lines drawn as the standard tables to be checked: the part of a check only a ledger needs. */
import type { Grid } from "../grid";
import type { Ledger } from "../ledger";
import { ledgerTableGrids } from "../format/ledgerTables";
import { ledgerFigureLines } from "../figures/aggregate";

export { readLedger } from "../ledger/readLedger";

export function ledgerTables(ledger: Ledger): Grid[] {
  // The tables need the lines only: aggregating them unrounded first would be wasted work.
  return ledgerTableGrids(ledgerFigureLines(ledger), ledger.department);
}
