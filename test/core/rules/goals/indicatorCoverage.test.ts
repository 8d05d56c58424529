import { goalIndicatorCoverage } from "../../../../src/core/rules/goals/indicatorCoverage";
import { brief, contextOf, expectWellFormed, quyang, setCell, tunliuWithGoals } from "./context";

describe("goals.indicator-coverage", () => {
  it("finds 产出, 效益 and 满意度 indicators in every quyang form", async () => {
    expect(goalIndicatorCoverage.run(contextOf(await quyang()))).toEqual([]);
  });

  it("warns about the empty 成本指标 rows the Shanxi template requires", async () => {
    const findings = goalIndicatorCoverage.run(contextOf(await tunliuWithGoals()));
    expectWellFormed(goalIndicatorCoverage, findings);
    expect(findings.map(brief)).toEqual([
      "goals.indicator-coverage 项目绩效目标!C83 warning",
      "goals.indicator-coverage 项目绩效目标!C113 warning",
      "goals.indicator-coverage 项目绩效目标!C143 warning",
    ]);
    expect(findings[0].message).toContain("（实施期、年度）的“成本指标”未填写");
  });

  it("warns when a form has no 满意度 indicator", async () => {
    const grids = await quyang({
      绩效目标: (g) => {
        for (const col of ["A", "B", "C", "D", "F", "G"]) setCell(g, `${col}18`, "");
      },
    });
    const findings = goalIndicatorCoverage.run(contextOf(grids));
    expect(findings.map(brief)).toEqual(["goals.indicator-coverage 绩效目标!C13 warning"]);
    expect(findings[0].message).toContain("满意度指标");
  });
});
