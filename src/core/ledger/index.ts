/**
 * Ledger mode (预算明细 → standard tables): read a ledger workbook, aggregate it exactly, render the
 * standard tables with controlled rounding.
 */
export {
  FISCAL_SOURCES,
  FUND_SOURCES,
  UNIT_FUND_SOURCES,
  findLedger,
  parseFundSource,
  readLedger,
} from "./readLedger";
export type {
  ExpenditureKind,
  FiscalSource,
  FundSource,
  Ledger,
  LedgerDepartment,
  LedgerLine,
} from "./readLedger";
export { THREE_PUBLIC_CODES, aggregateFigures, amountsOf, ledgerFigures } from "./figures";
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
} from "./figures";
export {
  HEBEI_LEDGER_TABLES,
  HEBEI_SUMMARY_CLASSES,
  chineseNumber,
  ledgerTableGrids,
  roundLinesControlled,
} from "./tables";
