/**
 * What the task pane needs from Excel, as data in and data out. The Office.js implementation lives
 * beside this file and is the only code that touches Office.js; components and view-models see
 * only this interface, so they run against a fake host in tests.
 */
import type { CellEdit } from "../../core/fixes";
import type { Grid } from "../../core/grid";
import type { SheetSpec } from "../../core/format/sheetSpec";

export interface WriteProgress {
  done: number;
  total: number;
}

export type WriteResult =
  | { ok: true; created: string[] }
  /** Nothing was left behind: the sheets added before the failure were deleted again. */
  | { ok: false; message: string };

export interface ChartData {
  /** Sheet the chart goes on (one of the generated sheets). */
  sheet: string;
  title: string;
  /** 类 names and amounts (万元). */
  categories: string[];
  values: number[];
}

/** What a cell held before a quick fix wrote it: enough to put it back exactly. */
export interface CellContent {
  sheet: string;
  /** A1 address. */
  cell: string;
  /** The value as Excel reports it ("" for a blank cell). */
  value: string | number | boolean;
  /** The formula, when the cell held one (=SUM(D9:D12)). */
  formula?: string;
  numberFormat: string;
}

export type CellWriteResult =
  | { ok: true; previous: CellContent[] }
  /** Nothing was written: these cells no longer hold what the check read (edited since). */
  | { ok: false; changed: { sheet: string; cell: string }[] };

export interface WorkbookHost {
  /** Every sheet's used range: values, number formats, merges; two syncs whatever the sheet count. */
  readWorkbook(): Promise<Grid[]>;
  /** Which of these sheet names already exist (earlier output that replacing would delete). */
  existingSheets(names: readonly string[]): Promise<string[]>;
  /**
   * Renders SheetSpecs into new worksheets. Existing sheets of the same names are replaced only when
   * `replace` is set (the caller has asked the user). Never touches any other sheet.
   */
  writeSheets(
    specs: readonly SheetSpec[],
    options: { replace: boolean; chart?: ChartData; onProgress?: (progress: WriteProgress) => void }
  ): Promise<WriteResult>;
  /**
   * Writes a quick fix's cells, each only if it still holds `from`, and returns what they held (for
   * 撤销). All or nothing: one changed cell and none is written. Two syncs whatever the cell count.
   */
  writeCells(edits: readonly CellEdit[]): Promise<CellWriteResult>;
  /** Puts cells back as they were (value or formula, and number format); one sync. */
  restoreCells(contents: readonly CellContent[]): Promise<void>;
  /** Activates the sheet and selects the cell, so a finding can be shown where it is. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** Opens an exported .xlsx as a new workbook. */
  createWorkbookFromXlsx(base64: string): Promise<void>;
  /** Office's display language, e.g. "zh-CN" or "en-US". */
  displayLanguage(): string;
}
