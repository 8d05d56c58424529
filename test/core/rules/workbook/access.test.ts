/*
 * The rules between tables take this year's column of a caption: in a table that prints last year's
 * 合计 | 基本支出 | 项目支出 group before this year's (as 广西 and 重庆 tables do), 基本支出 is this
 * year's. quyang's 一般公共预算支出表 redrawn with a 上年预算数 group in front, last year's figures
 * made up as twice this year's (so they add up).
 */
import { checkWorkbook } from "../../../../src/core/check/workbook";
import type { Grid } from "../../../../src/core/grid";
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
