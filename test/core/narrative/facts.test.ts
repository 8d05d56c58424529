import { factsFromModel } from "../../../src/core/narrative/facts";
import { readWorkbook } from "../../../src/core/read/workbook";
import { loadFixture } from "../../helpers/fixtures";
import { SHEET, withPriorGroupFirst } from "../../helpers/priorColumns";

/** Each subject's figures, as value@cell, from the tables of a workbook. */
async function factsOf(redraw: boolean) {
  const grids = (await loadFixture("quyang-2024")).map((g) =>
    redraw && g.sheet === SHEET ? withPriorGroupFirst(g) : g
  );
  const facts = factsFromModel(readWorkbook(grids));
  const out: Record<string, string[]> = {};
  for (const [subject, figures] of facts.figures)
    out[subject] = figures.map((f) => f.value.toFixed(2)).sort();
  return out;
}

describe("factsFromModel", () => {
  it("takes this year's columns of a table that prints last year's group first", async () => {
    // Before: last year's 合计 and 基本支出 (twice this year's) were the table's 一般公共预算支出 and
    // 基本支出, so the 情况说明 was checked against them.
    expect(await factsOf(true)).toEqual(await factsOf(false));
  });
});
