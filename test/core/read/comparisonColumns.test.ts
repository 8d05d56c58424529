import { checkWorkbook } from "../../../src/core/check/workbook";
import { loadFixture } from "../../helpers/fixtures";

/** quyang's 一般公共预算支出表 with a 上年预算数 column (G) after 项目支出. */
async function withPriorColumn() {
  const prior: Record<string, number> = {
    合计: 939.02,
    "201": 939.02,
    "20132": 939.02,
    "2013201": 313.54,
    "2013202": 625.48,
  };
  return (await loadFixture("quyang-2024")).map((grid) => {
    if (grid.sheet !== "一般公共预算支出表") return grid;
    const values = grid.values.map((row, r) => [
      ...row,
      r === 2 ? "上年预算数" : r === 4 ? 6 : (prior[r === 5 ? "合计" : String(row[1] ?? "")] ?? ""),
    ]);
    return {
      ...grid,
      values,
      merges: [...(grid.merges ?? []), { top: 3, left: 7, bottom: 4, right: 7 }],
    };
  });
}

describe("a table with a 上年预算数 column", () => {
  it("does not count last year's figures as a part of this year's 合计", async () => {
    const errorsOf = (grids: Awaited<ReturnType<typeof withPriorColumn>>) =>
      checkWorkbook(grids)
        .findings.filter((f) => f.severity !== "info")
        .map((f) => `${f.ruleId} ${f.sheet}!${f.cell}`);
    expect(errorsOf(await withPriorColumn())).toEqual(errorsOf(await loadFixture("quyang-2024")));
  });
});
