import type { CellRange, CellValue, Grid } from "../../src/core/grid";
import { parseTable } from "../../src/core/read/table";
import type { ParsedTable } from "../../src/core/read/table";
import { compactText } from "../../src/core/read/text";

/**
 * Every amount of a table keyed by side, row (its code, else its label, numbered when repeated) and
 * column caption: so published and derived tables compare by meaning, not by address.
 */
export function amountsByMeaning(grid: Grid): Record<string, string> {
  const parsed = parseTable(grid);
  if (!parsed.ok) throw new Error(`${grid.sheet}: ${parsed.message}`);
  const out: Record<string, string> = {};
  parsed.table.sides.forEach((side, s) => {
    const seen = new Map<string, number>();
    for (const row of side.rows) {
      const base = row.code ?? compactText(row.label);
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      row.cells.forEach((cell, i) => {
        if (cell.parsed.kind === "amount")
          out[`${s}|${base}#${n}|${side.captions[i]}`] = cell.parsed.value.toString();
      });
    }
  });
  return out;
}

/** The title of the 一般公共预算支出表 that the table-layout tests draw (tableLayouts, codeLayouts). */
export const GENERAL_BUDGET_TITLE = "2024年一般公共预算财政拨款支出表";

/** Rows as a 一般公共预算支出表 sheet from A1, short rows padded with blanks to the widest. */
export function generalBudgetGrid(values: CellValue[][], merges?: CellRange[]): Grid {
  const width = Math.max(...values.map((r) => r.length));
  return {
    sheet: "一般公共预算支出表",
    origin: { row: 1, col: 1 },
    values: values.map((r) => [...r, ...Array(width - r.length).fill("")]),
    ...(merges ? { merges } : {}),
  };
}

/** The table the reader makes of a grid; a grid it cannot read fails the test with its message. */
export function parsedTable(grid: Grid): ParsedTable {
  const result = parseTable(grid);
  if (!result.ok) throw new Error(result.message);
  return result.table;
}
