import { refs } from "../../../helpers/fixtures";
import { goalIndicatorValue } from "../../../../src/core/rules/goals/indicatorValue";
import { brief, contextOf, expectWellFormed, quyang, setCell, tunliuWithGoals } from "./context";

describe("goals.indicator-value", () => {
  it("accepts every quyang 指标值", async () => {
    expect(goalIndicatorValue.run(contextOf(await quyang()))).toEqual([]);
  });

  it("warns about a value that is neither measurable nor a known qualitative value, quoting it", async () => {
    const grids = await quyang({ 绩效目标: (g) => setCell(g, "F17", "按需开展") });
    const findings = goalIndicatorValue.run(contextOf(grids));
    expectWellFormed(goalIndicatorValue, findings);
    expect(findings.map(brief)).toEqual(["goals.indicator-value 绩效目标!F17 warning"]);
    expect(findings[0].message).toContain("“按需开展”");
  });

  it("reports a Shanxi row whose 实施期 and 年度 values are the same sentence once", async () => {
    const findings = goalIndicatorValue.run(contextOf(await tunliuWithGoals()));
    expect(findings.map(brief)).toEqual([
      "goals.indicator-value 项目绩效目标!E55 warning",
      "goals.indicator-value 项目绩效目标!E85 warning",
      "goals.indicator-value 项目绩效目标!E110 warning",
      "goals.indicator-value 项目绩效目标!E140 warning",
    ]);
    expect(findings[0].related).toEqual(refs("项目绩效目标", "H55"));
  });
});
