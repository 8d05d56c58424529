/**
 * `--max-cells <N>`, shared by `check` and `export`: how many cells a workbook may have before it
 * is refused unread (src/io/xlsxStream.ts). Written as a clerk or a script would: 3000000,
 * 3,000,000 or 3_000_000.
 */
import { CLI_MESSAGES } from "./messages";

export type MaxCellsOption = { maxCells?: number } | { error: string };

export function parseMaxCells(value: string | undefined): MaxCellsOption {
  if (value === undefined) return {};
  const maxCells = Number(value.replace(/[,_]/g, ""));
  if (!Number.isSafeInteger(maxCells) || maxCells < 1)
    return { error: CLI_MESSAGES.badMaxCells(value) };
  return { maxCells };
}
