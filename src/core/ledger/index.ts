/**
 * Ledger mode (预算明细): read a ledger workbook into lines. Its figures are aggregated by
 * core/figures (ledgerFigures) and its standard tables drawn by core/format/ledgerTables.
 */
export { findLedger } from "./findLedger";
export { parseFundSource, readLedger } from "./readLedger";
export type { Ledger, LedgerDepartment, LedgerLine } from "./readLedger";
