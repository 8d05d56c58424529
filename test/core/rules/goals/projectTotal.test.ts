import { goalProjectTotal } from "../../../../src/core/rules/goals/projectTotal";
import { brief, contextOf, expectWellFormed, quyang, setCell, tunliuWithGoals } from "./context";

describe("goals.project-total", () => {
  it("finds Σ 预算数 of the 18 quyang forms equal to the 支出总表 项目支出 (555.78)", async () => {
    expect(goalProjectTotal.run(contextOf(await quyang()))).toEqual([]);
  });

  it("warns at the 支出总表 cell when the forms do not add up to the 项目支出 total", async () => {
    const grids = await quyang({ 支出总表: (g) => setCell(g, "F6", 560) });
    const findings = goalProjectTotal.run(contextOf(grids));
    expectWellFormed(goalProjectTotal, findings);
    expect(findings.map(brief)).toEqual(["goals.project-total 支出总表!F6 warning"]);
    expect(findings[0].message).toContain("18张项目绩效目标表的预算数合计为555.78万元");
  });

  it("leaves the comparison to goals.project-line when a 项目支出表 exists", async () => {
    expect(goalProjectTotal.run(contextOf(await tunliuWithGoals()))).toEqual([]);
  });
});
