/**
 * Helpers for the workbook-rule tests of rules/goals and rules/special: a rule context from grids,
 * a stable snapshot of a model (to prove rules leave it alone) and the checks every finding passes.
 */
import { Catalog } from "../../../../src/core/codes";
import type { Finding, Severity } from "../../../../src/core/finding";
import type { Grid } from "../../../../src/core/grid";
import { readWorkbook } from "../../../../src/core/read/workbook";
import type { Rule, WorkbookRuleContext } from "../../../../src/core/rules/rule";
import { cloneGrid, loadFixture } from "../../../helpers/fixtures";
import { shanxiGoalsGrid } from "../../../fixtures/shanxi-goals";

export const HAN = /[\u4e00-\u9fff]/;

export function contextOf(grids: readonly Grid[]): WorkbookRuleContext {
  return { model: readWorkbook(grids), catalog: Catalog.standard() };
}

/** quyang-2024 as the exceljs host reads it, with `edit` applied to copies of the named sheets. */
export async function quyang(edit: Record<string, (grid: Grid) => void> = {}): Promise<Grid[]> {
  return withEdits(await loadFixture("quyang-2024"), edit);
}

/** tunliu-2024 plus the Shanxi 项目支出绩效目标表 sheet transcribed from seed 004. */
export async function tunliuWithGoals(
  edit: Record<string, (grid: Grid) => void> = {}
): Promise<Grid[]> {
  return withEdits([...(await loadFixture("tunliu-2024")), shanxiGoalsGrid()], edit);
}

function withEdits(grids: Grid[], edit: Record<string, (grid: Grid) => void>): Grid[] {
  return grids.map((grid) => {
    const change = edit[grid.sheet];
    if (!change) return grid;
    const copy = cloneGrid(grid);
    change(copy);
    return copy;
  });
}

/** Sets a cell of a grid by its A1 address (the grid starts at A1). */
export function setCell(grid: Grid, address: string, value: Grid["values"][number][number]): void {
  const match = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const r = Number(match[2]) - grid.origin.row;
  const c = col - grid.origin.col;
  while (grid.values.length <= r) grid.values.push([]);
  grid.values[r][c] = value;
}

export function run(rule: Rule<WorkbookRuleContext>, context: WorkbookRuleContext): Finding[] {
  return rule.run(context);
}

/** rule id, sheet!cell and severity: what a test compares. */
export const brief = (f: Finding) =>
  `${f.ruleId} ${f.sheet}!${f.cell} ${f.severity}${f.rounding ? " rounding" : ""}`;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Every finding has a place, its rule's id, a Chinese message and no worse severity than declared. */
export function expectWellFormed(
  rule: Rule<WorkbookRuleContext>,
  findings: readonly Finding[]
): void {
  for (const finding of findings) {
    expect(finding.ruleId).toBe(rule.id);
    expect(finding.sheet).toEqual(expect.any(String));
    expect(finding.cell).toMatch(/^[A-Z]+\d+$/);
    expect(["error", "warning", "info"]).toContain(finding.severity);
    expect(RANK[finding.severity]).toBeGreaterThanOrEqual(RANK[rule.severity]);
    expect(finding.message).toMatch(HAN);
    if (finding.rounding) {
      expect(finding.severity).toBe("info");
      expect(finding.message.startsWith("舍入差异")).toBe(true);
    }
  }
}

/** A JSON picture of a model (Decimals as strings), to show that a rule left it as it was. */
export function snapshot(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === "object" && v.constructor?.name === "Decimal" ? v.toString() : v
  );
}
