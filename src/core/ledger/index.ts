/**
 * Ledger mode (预算明细 → standard tables): read a ledger workbook, aggregate it exactly, render the
 * standard tables with controlled rounding.
 */
export { findLedger, parseFundSource, readLedger } from "./readLedger";
export type { Ledger, LedgerDepartment, LedgerLine } from "./readLedger";
export { THREE_PUBLIC_CODES, aggregateFigures, amountsOf, ledgerFigures } from "../figures/figures";
export type {
  AmountGroup,
  BudgetFigures,
  ClassifiedFigures,
  ExpenditureAmounts,
  ExpenditureFigures,
  FigureLine,
  IncomeFigures,
  ProjectFigures,
  ThreePublicFigures,
  ThreePublicItem,
} from "../figures/figures";
export { HEBEI_LEDGER_TABLES, ledgerTableGrids } from "../format/ledgerTables";
