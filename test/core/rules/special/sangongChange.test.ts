import type { Grid } from "../../../../src/core/grid";
import { sangongChange } from "../../../../src/core/rules/special/sangongChange";
import { cloneGrid, refs } from "../../../helpers/fixtures";
import { brief, contextOf, expectWellFormed, quyang, setCell } from "../goals/context";
import { COLUMNS_FORM, COMPARISON_FORM } from "./sangongGrids";

describe("sangong.change", () => {
  it("finds 增减 = 本年 − 上年 and 增减率 = 增减 ÷ 上年 in the synthetic comparison forms", () => {
    expect(sangongChange.run(contextOf([COMPARISON_FORM, COLUMNS_FORM]))).toEqual([]);
  });

  it("has nothing to compare in quyang's one-year table", async () => {
    expect(sangongChange.run(contextOf(await quyang()))).toEqual([]);
  });

  it("reports a 增减 with the wrong sign, at the 增减 cell", () => {
    const grid = cloneGrid(COMPARISON_FORM);
    setCell(grid, "D5", 2);
    const findings = sangongChange.run(contextOf([grid]));
    expectWellFormed(sangongChange, findings);
    expect(findings.map(brief)).toEqual(["sangong.change 三公比较!D5 error"]);
    expect(findings[0]).toMatchObject({
      expected: "-2.00",
      actual: "2.00",
      related: refs("三公比较", "C5", "B5"),
    });
  });

  it("reports a wrong 增减率 and accepts a rate rounded to the decimals printed", () => {
    const grid = cloneGrid(COMPARISON_FORM);
    setCell(grid, "E4", -25);
    expect(sangongChange.run(contextOf([grid])).map(brief)).toEqual([
      "sangong.change 三公比较!E4 error",
    ]);
  });

  it("reads a 增减率 stored as a fraction with a percent format", () => {
    const grid: Grid = cloneGrid(COMPARISON_FORM);
    grid.numberFormats = grid.values.map((row) => row.map(() => "General"));
    setCell(grid, "E4", -0.15);
    grid.numberFormats[3][4] = "0.00%";
    expect(sangongChange.run(contextOf([grid]))).toEqual([]);
  });

  it("reports a wrong 增减 row of a table turned round", () => {
    const grid = cloneGrid(COLUMNS_FORM);
    setCell(grid, "G7", 1);
    expect(sangongChange.run(contextOf([grid])).map(brief)).toEqual([
      "sangong.change 三公转置!G7 error",
    ]);
  });
});
