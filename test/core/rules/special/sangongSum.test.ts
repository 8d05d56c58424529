import { sangongSum } from "../../../../src/core/rules/special/sangongSum";
import { cloneGrid, refs } from "../../../helpers/fixtures";
import {
  brief,
  contextOf,
  expectWellFormed,
  quyang,
  setCell,
  tunliuWithGoals,
} from "../goals/context";
import { COLUMNS_FORM, COMPARISON_FORM, OLDER_FORM } from "./sangongGrids";

describe("sangong.sum", () => {
  it("finds quyang's and tunliu's “三公” tables consistent", async () => {
    expect(sangongSum.run(contextOf(await quyang()))).toEqual([]);
    expect(sangongSum.run(contextOf(await tunliuWithGoals()))).toEqual([]);
  });

  it("reports a Hebei 合计 that is not 出国 + 车 + 接待, at the 合计 cell", async () => {
    const findings = sangongSum.run(
      contextOf(await quyang({ 三公经费: (g) => setCell(g, "C6", 1.5) }))
    );
    expectWellFormed(sangongSum, findings);
    expect(findings.map(brief)).toEqual(["sangong.sum 三公经费!C6 error"]);
    expect(findings[0]).toMatchObject({
      expected: "1.20",
      actual: "1.50",
      related: refs("三公经费", "C8", "C10", "C13"),
    });
  });

  it("reports the Shanxi 合计 row, which comes last, against the items above it", async () => {
    const grids = await tunliuWithGoals({
      三公经费: (g) => {
        setCell(g, "B6", 1);
        setCell(g, "B7", 0.5);
        setCell(g, "B11", 2);
      },
    });
    expect(sangongSum.run(contextOf(grids)).map(brief)).toEqual(["sangong.sum 三公经费!B11 error"]);
  });

  it("checks the comparison form's 上年, 本年 and 增减 columns but not the 增减率", () => {
    expect(sangongSum.run(contextOf([COMPARISON_FORM]))).toEqual([]);
    const grid = cloneGrid(COMPARISON_FORM);
    setCell(grid, "C4", 9);
    expect(sangongSum.run(contextOf([grid])).map(brief)).toEqual(["sangong.sum 三公比较!C4 error"]);
  });

  it("checks a table with items as columns", () => {
    expect(sangongSum.run(contextOf([COLUMNS_FORM]))).toEqual([]);
    const grid = cloneGrid(COLUMNS_FORM);
    setCell(grid, "G6", 3);
    expect(sangongSum.run(contextOf([grid])).map(brief)).toEqual(["sangong.sum 三公转置!B6 error"]);
  });

  it("warns when the table lacks one of the three items", async () => {
    const findings = sangongSum.run(
      contextOf(await quyang({ 三公经费: (g) => setCell(g, "B13", "") }))
    );
    expect(findings.map(brief)).toEqual(["sangong.sum 三公经费!A1 warning"]);
    expect(findings[0].message).toContain("公务接待费");
  });

  it("checks the older form, counting a text cell as zero, and reports a wrong 合计", () => {
    expect(sangongSum.run(contextOf([OLDER_FORM]))).toEqual([]);
    const grid = cloneGrid(OLDER_FORM);
    setCell(grid, "C4", 11);
    const findings = sangongSum.run(contextOf([grid]));
    expect(findings.map(brief)).toEqual(["sangong.sum 三公旧式!C4 error"]);
    expect(findings[0]).toMatchObject({ expected: "10.00", actual: "11.00" });
  });

  it("leaves the 合计 alone when it is right and the vehicle subtotal is the one wrong cell", () => {
    const grid = cloneGrid(OLDER_FORM);
    setCell(grid, "B7", 0);
    expect(sangongSum.run(contextOf([grid]))).toEqual([]);
    // Both wrong: the 合计 no longer agrees with the items either, so it is reported too.
    setCell(grid, "B4", 12);
    expect(sangongSum.run(contextOf([grid])).map(brief)).toEqual(["sangong.sum 三公旧式!B4 error"]);
  });
});
