/**
 * Column captions with their groups (政府采购金额 › 合计, 2024年预算数 › 一般公共预算), rebuilt from a
 * parsed table's header rows, so the special-table rules can map columns by caption.
 */
import { Grid, parseA1 } from "../grid";
import { captionPaths } from "./table";
import type { ParsedTable } from "./table";

/** For each grid column, its header captions from top to bottom (merged areas filled, repeats dropped). */
export function headerPaths(table: ParsedTable): string[][] {
  return captionPaths(table.grid, table.headerRows);
}

/** The number format of a cell given by its address, where the host provides formats. */
export function numberFormatAt(grid: Grid, address: string): string {
  const at = parseA1(address);
  if (!at) return "";
  return grid.numberFormats?.[at.row - grid.origin.row]?.[at.col - grid.origin.col] ?? "";
}
