/**
 * What the simulated host exposes to the test as `window.__simulatedExcel`. Everything returned is
 * plain data (a copy), so `page.evaluate` can hand it to Node.
 */
import type { MemorySheet, MemoryWorkbook, SyncRecord } from "../../support/memoryExcel";

export interface SimulatedExcel {
  /** Which example workbook the page holds, e.g. "tunliu-2024". */
  fixture: string;
  /** The whole workbook state. */
  workbook(): MemoryWorkbook;
  sheetNames(): string[];
  /** One sheet's complete state (cells, formats, merges, widths, page setup), or null. */
  sheet(name: string): MemorySheet | null;
  activeSheet(): string | null;
  /** The selected range, by sheet name. */
  selection(): { sheet: string; address: string } | null;
  /** Round trips to the simulated Excel so far (`context.sync()` calls). */
  syncCount(): number;
  syncLog(): SyncRecord[];
  /** Custom function ids functions.js registered through CustomFunctions.associate. */
  customFunctions(): string[];
}

declare global {
  interface Window {
    __simulatedExcel: SimulatedExcel;
  }
}
