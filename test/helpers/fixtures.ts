import { readFileSync } from "fs";
import path from "path";
import type { Grid } from "../../src/core/grid";
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
