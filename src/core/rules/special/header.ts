/**
 * Column captions with their groups (政府采购金额 › 合计, 2024年预算数 › 一般公共预算), rebuilt from a
 * parsed table's header rows, so the special-table rules can map columns by caption.
 */
import { Grid, parseA1 } from "../../grid";
import type { ParsedTable } from "../../read/table";
import { compactText } from "../../read/text";

/** For each grid column, its header captions from top to bottom (merged areas filled, repeats dropped). */
export function headerPaths(table: ParsedTable): string[][] {
  const { grid, headerRows } = table;
  const width = Math.max(0, ...grid.values.map((row) => (row ?? []).length));
  const texts = headerRows.map((r) =>
    Array.from({ length: width }, (_, c) => compactText(grid.values[r]?.[c]))
  );
  for (const merge of grid.merges ?? []) {
    const top = merge.top - grid.origin.row;
    const left = merge.left - grid.origin.col;
    const source = headerRows.indexOf(top);
    if (source < 0) continue;
    const value = texts[source][left];
    for (let r = top; r <= merge.bottom - grid.origin.row; r++) {
      const i = headerRows.indexOf(r);
      if (i < 0) continue;
      for (let c = left; c <= merge.right - grid.origin.col && c < width; c++)
        if (texts[i][c] === "") texts[i][c] = value;
    }
  }
  if (!grid.merges) {
    // Values only: a group caption stands in its first column; carry it over the captioned columns below.
    for (let i = 0; i < texts.length - 1; i++) {
      for (let c = 1; c < width; c++) {
        const below = texts.slice(i + 1).some((row) => row[c] !== "");
        if (texts[i][c] === "" && texts[i][c - 1] !== "" && below) texts[i][c] = texts[i][c - 1];
      }
    }
  }
  return Array.from({ length: width }, (_, c) => {
    const path: string[] = [];
    for (const row of texts)
      if (row[c] !== "" && path[path.length - 1] !== row[c]) path.push(row[c]);
    return path;
  });
}

/** The number format of a cell given by its address, where the host provides formats. */
export function numberFormatAt(grid: Grid, address: string): string {
  const at = parseA1(address);
  if (!at) return "";
  return grid.numberFormats?.[at.row - grid.origin.row]?.[at.col - grid.origin.col] ?? "";
}
