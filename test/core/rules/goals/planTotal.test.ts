import { refs } from "../../../helpers/fixtures";
import { goalPlanTotal } from "../../../../src/core/rules/goals/planTotal";
import { brief, contextOf, expectWellFormed, quyang, setCell } from "./context";

describe("goals.plan-total", () => {
  it("finds every quyang plan ending at its 预算数", async () => {
    expect(goalPlanTotal.run(contextOf(await quyang()))).toEqual([]);
  });

  it("reports a 12月底 figure that is not the 预算数, at the plan cell", async () => {
    const grids = await quyang({ 绩效目标: (g) => setCell(g, "E10", 20) });
    const findings = goalPlanTotal.run(contextOf(grids));
    expectWellFormed(goalPlanTotal, findings);
    expect(findings.map(brief)).toEqual(["goals.plan-total 绩效目标!E10 error"]);
    expect(findings[0]).toMatchObject({
      expected: "25",
      actual: "20",
      related: refs("绩效目标", "C7"),
    });
  });

  it("reads a percentage plan and wants it to reach 100%", async () => {
    const grids = await quyang({
      绩效目标: (g) => {
        setCell(g, "B26", "20%");
        setCell(g, "C26", "40%");
        setCell(g, "D26", "60%");
        setCell(g, "E26", "90%");
      },
    });
    const findings = goalPlanTotal.run(contextOf(grids));
    expect(findings.map(brief)).toEqual(["goals.plan-total 绩效目标!E26 error"]);
    expect(findings[0].message).toContain("90%");
  });

  it("warns about a plan left blank", async () => {
    const grids = await quyang({ 绩效目标: (g) => setCell(g, "E42", "") });
    const findings = goalPlanTotal.run(contextOf(grids));
    expect(findings.map(brief)).toEqual(["goals.plan-total 绩效目标!E42 warning"]);
  });
});
