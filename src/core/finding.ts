/**
 * Findings are how the engine reports bad input: a value with a location, never an exception.
 */
export type Severity = "error" | "warning" | "info";

/** A cell somewhere in the workbook: what a finding points at besides its own cell. */
export interface CellRef {
  sheet: string;
  /** A1 address on that sheet. */
  cell: string;
}

export function cellRef(sheet: string, cell: string): CellRef {
  return { sheet, cell };
}

export function sameCell(a: CellRef, b: CellRef): boolean {
  return a.sheet === b.sheet && a.cell === b.cell;
}

/** Cells of one sheet as references. */
export function cellRefs(sheet: string, cells: readonly string[]): CellRef[] {
  return cells.map((cell) => ({ sheet, cell }));
}

/** "支出总表!D6"; the sheet is left out when it is `home` (the finding's own sheet). */
export function formatCellRef(ref: CellRef, home?: string): string {
  return ref.sheet === home ? ref.cell : `${ref.sheet}!${ref.cell}`;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Worksheet name, when the finding is about a place in the workbook. */
  sheet?: string;
  /** A1 address on that sheet. */
  cell?: string;
  /** Chinese, for the clerk. */
  message: string;
  /** The value implied by the other figures (amounts as plain decimal strings). */
  expected?: string;
  /** The published value. */
  actual?: string;
  /**
   * Other cells the finding involves, each with its sheet: the children of a subtotal, or the
   * cell of the other table when two tables disagree.
   */
  related?: CellRef[];
  /** A difference within the rounding tolerance (舍入差异); --strict-rounding makes it an error. */
  rounding?: boolean;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: "错误",
  warning: "警告",
  info: "提示",
};

/** Errors first, then by sheet and cell position. */
export function compareFindings(a: Finding, b: Finding): number {
  return compareFindingsInSheetOrder([])(a, b);
}

/**
 * Errors first, then sheet by sheet in the workbook's own order (a clerk expects 收支总表 before
 * 收入总表, not their order as strings); sheets not in the list come after, by name.
 */
export function compareFindingsInSheetOrder(
  sheets: readonly string[]
): (a: Finding, b: Finding) => number {
  const position = new Map(sheets.map((sheet, i) => [sheet, i]));
  const rank = (sheet: string | undefined) => position.get(sheet ?? "") ?? sheets.length;
  return (a, b) =>
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    rank(a.sheet) - rank(b.sheet) ||
    (a.sheet ?? "").localeCompare(b.sheet ?? "") ||
    compareAddresses(a.cell ?? "", b.cell ?? "") ||
    a.ruleId.localeCompare(b.ruleId);
}

function compareAddresses(a: string, b: string): number {
  const pa = /^([A-Z]+)(\d+)$/.exec(a);
  const pb = /^([A-Z]+)(\d+)$/.exec(b);
  if (!pa || !pb) return a.localeCompare(b);
  return Number(pa[2]) - Number(pb[2]) || pa[1].length - pb[1].length || pa[1].localeCompare(pb[1]);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
