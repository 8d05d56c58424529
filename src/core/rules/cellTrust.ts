import type { CellNote } from "../grid";
import type { Finding } from "../finding";
import { cellRefs } from "../finding";
import { a1, columnLetters } from "../grid";
import type { AmountCell, ParsedTable } from "../read/table";
import { forEachAmountCell } from "./amountCells";
import { MESSAGES, RULE_TITLES } from "../messages";
import type { Rule } from "./rule";

/**
 * Cells whose value cannot be trusted as read, from what the host knows beyond the values (see
 * Grid): a formula saved without its result, a date in an amount cell, amounts the reader of the
 * published table would not see (hidden rows, columns, sheets). Values-only grids (a custom
 * function's range) carry none of this and get no finding.
 */

/** The notes of the cells inside the table's block. */
function notesOf(table: ParsedTable, kind: CellNote["kind"]): CellNote[] {
  const { grid } = table;
  const bottom = grid.origin.row + grid.values.length - 1;
  return (grid.cellNotes ?? []).filter(
    (n) => n.kind === kind && n.row >= grid.origin.row && n.row <= bottom
  );
}

const FORMULA_ID = "cell.formula-without-value";

export const formulaWithoutValue: Rule = {
  id: FORMULA_ID,
  title: RULE_TITLES["cell.formula-without-value"],
  severity: "error",
  scope: "table",
  run({ table }) {
    return notesOf(table, "formulaWithoutValue").map((note) => ({
      ruleId: FORMULA_ID,
      severity: "error",
      sheet: table.sheet,
      cell: a1(note.row, note.col),
      message: MESSAGES.formulaWithoutValue(note.text ?? ""),
      ...(note.text ? { actual: note.text } : {}),
    }));
  },
};

const DATE_ID = "amount.date";

export const amountDate: Rule = {
  id: DATE_ID,
  title: RULE_TITLES["amount.date"],
  severity: "error",
  scope: "table",
  run({ table }) {
    const findings: Finding[] = [];
    forEachAmountCell(table, (cell) => {
      if (cell.untrusted !== "date") return;
      findings.push({
        ruleId: DATE_ID,
        severity: "error",
        sheet: table.sheet,
        cell: cell.address,
        message: MESSAGES.dateInAmount(cell.parsed.kind === "invalid" ? cell.parsed.text : ""),
        ...(cell.parsed.kind === "invalid" ? { actual: cell.parsed.text } : {}),
      });
    });
    return findings;
  },
};

const HIDDEN_ID = "cell.hidden";

const holdsNumber = (cell: AmountCell) => cell.parsed.kind === "amount" && !cell.value.isZero();

export const hiddenAmounts: Rule = {
  id: HIDDEN_ID,
  title: RULE_TITLES["cell.hidden"],
  severity: "warning",
  scope: "table",
  run({ table }) {
    const { grid } = table;
    const findings: Finding[] = [];
    const cells: AmountCell[] = [];
    forEachAmountCell(table, (cell) => {
      if (holdsNumber(cell)) cells.push(cell);
    });
    if (cells.length === 0) return [];
    const base = { ruleId: HIDDEN_ID, severity: "warning" as const, sheet: table.sheet };
    if (grid.sheetHidden) {
      findings.push({
        ...base,
        cell: cells[0].address,
        message: MESSAGES.hiddenSheet(table.sheet, cells.length),
      });
      return findings;
    }
    const rowOf = (cell: AmountCell) => Number(/\d+$/.exec(cell.address)![0]);
    const colOf = (cell: AmountCell) => /^[A-Z]+/.exec(cell.address)![0];
    for (const row of grid.hiddenRows ?? []) {
      const inRow = cells.filter((cell) => rowOf(cell) === row);
      if (inRow.length === 0) continue;
      findings.push({
        ...base,
        cell: inRow[0].address,
        message: MESSAGES.hiddenRow(row, inRow.length),
        related: cellRefs(
          table.sheet,
          inRow.slice(1).map((cell) => cell.address)
        ),
      });
    }
    for (const col of grid.hiddenColumns ?? []) {
      const letters = columnLetters(col);
      const inColumn = cells.filter((cell) => colOf(cell) === letters);
      if (inColumn.length === 0) continue;
      findings.push({
        ...base,
        cell: inColumn[0].address,
        message: MESSAGES.hiddenColumn(letters, inColumn.length),
        related: cellRefs(
          table.sheet,
          inColumn.slice(1).map((cell) => cell.address)
        ),
      });
    }
    return findings;
  },
};
