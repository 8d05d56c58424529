/*
 * The rules between tables take this year's column of a caption: in a table that prints last year's
 * 合计 | 基本支出 | 项目支出 group before this year's (as 广西 and 重庆 tables do), 基本支出 is this
 * year's. quyang's 一般公共预算支出表 redrawn with a 上年预算数 group in front, last year's figures
 * made up as twice this year's (so they add up).
 */
import { checkWorkbook } from "../../../../src/core/check/workbook";
import type { Grid } from "../../../../src/core/grid";
import { readWorkbook } from "../../../../src/core/read/workbook";
import {
  firstSet,
  firstSetFormSheets,
  firstSetOf,
} from "../../../../src/core/rules/workbook/access";
import { loadFixture } from "../../../helpers/fixtures";
import { SHEET, withPriorGroupFirst } from "../../../helpers/priorColumns";

const problemsOf = (grids: Grid[]) =>
  checkWorkbook(grids)
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.ruleId}@${f.sheet}`);

describe("columns of the rules between tables", () => {
  it("takes this year's 基本支出 and 项目支出, not last year's printed first", async () => {
    const original = await loadFixture("quyang-2024");
    const redrawn = original.map((g) => (g.sheet === SHEET ? withPriorGroupFirst(g) : g));
    // Before: 一般公共预算支出表's 基本支出 (last year's, twice this year's) against the 基本支出表.
    expect(problemsOf(redrawn)).toEqual(problemsOf(original));
  });
});

describe("the first set of a workbook holding two", () => {
  /** The fixture's sheets, then all of them again as “…(2)”: the disclosure copied in. */
  async function twice(name: string): Promise<Grid[]> {
    const grids = await loadFixture(name);
    return [...grids, ...grids.map((g) => ({ ...g, sheet: `${g.sheet}(2)` }))];
  }

  it("ends before the second table of a kind taken once (tunliu: both 项目支出表, not four)", async () => {
    const model = readWorkbook(await twice("tunliu-2024"));
    const first = firstSet(model);
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((t) => !t.table.sheet.endsWith("(2)"))).toBe(true);
    expect(firstSetOf(model, "项目支出表").map((t) => t.carryover)).toEqual(
      model.tables
        .filter((t) => t.kind === "项目支出表")
        .slice(0, 2)
        .map((t) => t.carryover)
    );
    expect(model.tables.filter((t) => t.kind === "项目支出表")).toHaveLength(4);
  });

  it("is the whole workbook when no kind taken once repeats", async () => {
    const model = readWorkbook(await loadFixture("tunliu-2024"));
    expect(firstSet(model)).toEqual(model.tables);
  });

  it("keeps the forms read before the second set (quyang's 绩效目标, not 绩效目标(2))", async () => {
    const model = readWorkbook(await twice("quyang-2024"));
    const sheets = [...firstSetFormSheets(model)];
    expect(sheets.length).toBeGreaterThan(0);
    expect(sheets.filter((s) => s.endsWith("(2)"))).toEqual([]);
    expect(model.forms.some((f) => f.grid.sheet.endsWith("(2)"))).toBe(true);
  });
});
