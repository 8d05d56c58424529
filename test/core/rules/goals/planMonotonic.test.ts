import { goalPlanMonotonic } from "../../../../src/core/rules/goals/planMonotonic";
import { brief, contextOf, expectWellFormed, quyang, setCell } from "./context";

describe("goals.plan-monotonic", () => {
  it("accepts the quyang plans, blank stages included", async () => {
    expect(goalPlanMonotonic.run(contextOf(await quyang()))).toEqual([]);
  });

  it("warns when a cumulative stage is below the one before it", async () => {
    const grids = await quyang({ 绩效目标: (g) => setCell(g, "C171", 2) });
    const findings = goalPlanMonotonic.run(contextOf(grids));
    expectWellFormed(goalPlanMonotonic, findings);
    expect(findings.map(brief)).toEqual(["goals.plan-monotonic 绩效目标!C171 warning"]);
    expect(findings[0].message).toContain("“6月底”的2.00万元小于“3月底”的4.00万元");
  });

  it("accepts per-period amounts that add up to the budget", async () => {
    const grids = await quyang({
      绩效目标: (g) => {
        setCell(g, "B171", 4);
        setCell(g, "C171", 4);
        setCell(g, "D171", 4);
        setCell(g, "E171", 4);
      },
    });
    expect(goalPlanMonotonic.run(contextOf(grids))).toEqual([]);
  });
});
