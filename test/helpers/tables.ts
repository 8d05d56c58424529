import type { Grid } from "../../src/core/grid";
import { parseTable } from "../../src/core/read/table";
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
