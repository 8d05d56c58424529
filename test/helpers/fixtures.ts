import { readFileSync } from "fs";
import path from "path";
import type { CellValue, Grid } from "../../src/core/grid";
import { parseA1 } from "../../src/core/grid";
import { gridsFromXlsx } from "../../src/io/readXlsx";

/** The shared fixtures sit beside the repository; only tests read them. */
export const SHARED_DIR = path.resolve(__dirname, "../../../shared");

export interface FixtureFacts {
  source_defects: Array<{
    id: string;
    type: string;
    sheet: string | null;
    cell: string | null;
    related_cells: string[];
    expected: number;
    actual: number;
    severity: "rounding" | "exact";
  }>;
}

const cache = new Map<string, Promise<Grid[]>>();

/** All sheets of `shared/fixtures/<name>.xlsx` as Grids, as the exceljs host reads them. */
export function loadFixture(name: string): Promise<Grid[]> {
  if (!cache.has(name)) {
    cache.set(name, gridsFromXlsx(readFileSync(path.join(SHARED_DIR, "fixtures", `${name}.xlsx`))));
  }
  return cache.get(name)!;
}

export async function loadFixtureSheet(name: string, sheet: string): Promise<Grid> {
  const grid = (await loadFixture(name)).find((g) => g.sheet === sheet);
  if (!grid) throw new Error(`fixture ${name} has no sheet ${sheet}`);
  return grid;
}

export function loadFacts(name: string): FixtureFacts {
  return JSON.parse(readFileSync(path.join(SHARED_DIR, "fixtures", `${name}.facts.json`), "utf8"));
}

/** A deep copy of a grid, so a test can plant an error without touching the cached fixture. */
export function cloneGrid(grid: Grid): Grid {
  return { ...grid, values: grid.values.map((row) => row.slice()) };
}

/**
 * `Finding.related` as tests write it: cells on `home`, or "其他表!B12" on another sheet.
 */
export function refs(home: string, ...cells: string[]): { sheet: string; cell: string }[] {
  return cells.map((text) => {
    const bang = text.lastIndexOf("!");
    return bang < 0
      ? { sheet: home, cell: text }
      : { sheet: text.slice(0, bang), cell: text.slice(bang + 1) };
  });
}

/**
 * A copy of a fixture workbook with some cells changed, { "收支总表!C39": 900 }; each change names
 * the value it replaces, so a test cannot plant a defect in a cell that moved: { "支出总表!D8": ["", 717.94] }.
 */
export async function plantCells(
  name: string,
  changes: Record<string, CellValue | [CellValue, CellValue]>
): Promise<Grid[]> {
  const grids = (await loadFixture(name)).map(cloneGrid);
  for (const [where, change] of Object.entries(changes)) {
    const { sheet, row, col } = parseA1(where)!;
    const grid = grids.find((g) => g.sheet === sheet);
    if (!grid) throw new Error(`fixture ${name} has no sheet ${sheet}`);
    const [value, was] = Array.isArray(change) ? change : [change, undefined];
    if (was !== undefined && grid.values[row - 1][col - 1] !== was)
      throw new Error(
        `${where} holds ${String(grid.values[row - 1][col - 1])}, not ${String(was)}`
      );
    grid.values[row - 1][col - 1] = value;
  }
  return grids;
}
