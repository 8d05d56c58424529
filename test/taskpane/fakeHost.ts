/**
 * A WorkbookHost over fixture grids, every method a jest mock: what the pane asks of Excel,
 * answered from data, so the pane's tests need no Office.
 */
import type { CellEdit } from "../../src/core/fixes";
import { applyEdits } from "../../src/core/fixes";
import type { CellValue, Grid } from "../../src/core/grid";
import { parseA1 } from "../../src/core/grid";
import type { SheetSpec } from "../../src/core/format/sheetSpec";
import type {
  CellContent,
  WorkbookHost,
  WriteProgress,
  WriteResult,
} from "../../src/taskpane/excel/host";

export interface FakeHostOptions {
  /**
   * Sheets the workbook has besides the grids' (empty ones): readWorkbook lists them, and
   * existingSheets reports them as present (of those asked about).
   */
  existing?: readonly string[];
  language?: string;
  /** Replaces the default writeSheets, which reports progress sheet by sheet and succeeds. */
  write?: WorkbookHost["writeSheets"];
}

export type FakeHost = { [K in keyof WorkbookHost]: jest.Mock & WorkbookHost[K] };

export async function writeAll(
  specs: readonly SheetSpec[],
  options: { onProgress?: (progress: WriteProgress) => void }
): Promise<WriteResult> {
  specs.forEach((_, i) => options.onProgress?.({ done: i + 1, total: specs.length }));
  return { ok: true, created: specs.map((s) => s.sheetName) };
}

function cellOf(grids: readonly Grid[], sheet: string, cell: string): CellValue {
  const grid = grids.find((g) => g.sheet === sheet);
  const at = parseA1(cell);
  if (!grid || !at) return undefined;
  return grid.values[at.row - grid.origin.row]?.[at.col - grid.origin.col];
}

export function fakeHost(grids: readonly Grid[], options: FakeHostOptions = {}): FakeHost {
  const present = new Set(options.existing ?? []);
  const emptySheets: Grid[] = [...present]
    .filter((name) => !grids.some((g) => g.sheet === name))
    .map((sheet) => ({
      sheet,
      origin: { row: 1, col: 1 },
      values: [],
      numberFormats: [],
      merges: [],
    }));
  let current: Grid[] = [...grids];
  return {
    readWorkbook: jest.fn(async () => [...current, ...emptySheets].map((g) => ({ ...g }))),
    existingSheets: jest.fn(async (names: readonly string[]) =>
      names.filter((n) => present.has(n))
    ),
    writeSheets: jest.fn(options.write ?? writeAll),
    selectCell: jest.fn(async () => undefined),
    // The workbook changes with the fixes, so that a check after a fix (or its undo) sees it.
    writeCells: jest.fn(async (edits: readonly CellEdit[]) => {
      const previous = edits.map((e) => ({
        sheet: e.sheet,
        cell: e.cell,
        value: cellOf(current, e.sheet, e.cell) ?? "",
        numberFormat: "General",
      }));
      current = applyEdits(current, edits);
      return { ok: true, previous };
    }),
    restoreCells: jest.fn(async (contents: readonly CellContent[]) => {
      current = current.map((grid) => {
        const mine = contents.filter((c) => c.sheet === grid.sheet);
        if (mine.length === 0) return grid;
        const values = grid.values.map((row) => row.slice());
        for (const content of mine) {
          const { row, col } = parseA1(content.cell)!;
          values[row - grid.origin.row][col - grid.origin.col] = content.value;
        }
        return { ...grid, values };
      });
    }),
    createWorkbookFromXlsx: jest.fn(async () => undefined),
    displayLanguage: jest.fn(() => options.language ?? "zh-CN"),
  } as FakeHost;
}

/** A promise and the functions that settle it, for holding a host call open mid-test. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
