import type { SubjectId } from "../../../src/core/narrative/extract";
import { factsFromModel } from "../../../src/core/narrative/facts";
import { readWorkbook } from "../../../src/core/read/workbook";
import { loadFixture } from "../../helpers/fixtures";
import { sangongTemplate } from "../../support/layoutVariants";
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

  it("takes the 三公 figures of the 财政部 template (one unlabelled row) as this year's", async () => {
    const grids = await loadFixture("quyang-2024");
    const sangong = (model: Parameters<typeof factsFromModel>[0]) => {
      const facts = factsFromModel(model);
      return (["threePublic", "vehicle", "vehicleOperation"] as SubjectId[]).map((subject) =>
        (facts.figures.get(subject) ?? []).map((f) => `${f.value.toFixed(2)}@${f.ref?.cell}`)
      );
    };
    // Same figures as the table with items as rows, at the template's cells (row 4: A 合计,
    // C 小计, E 运行费).
    expect(sangong(readWorkbook(grids)).map((f) => f.map((v) => v.split("@")[0]))).toEqual([
      ["1.20"],
      ["1.20"],
      ["1.20"],
    ]);
    expect(sangong(readWorkbook(sangongTemplate().apply(grids).grids))).toEqual([
      ["1.20@A4"],
      ["1.20@C4"],
      ["1.20@E4"],
    ]);
  });
});
