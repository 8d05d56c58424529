import { refs } from "../../../helpers/fixtures";
import { goalFundSources } from "../../../../src/core/rules/goals/fundSources";
import { brief, contextOf, expectWellFormed, quyang, setCell, tunliuWithGoals } from "./context";

describe("goals.fund-sources", () => {
  it("finds 财政资金 + 其他资金 = 预算数 in every quyang form and Σ sources = 资金总额 in the Shanxi forms", async () => {
    expect(goalFundSources.run(contextOf(await quyang()))).toEqual([]);
    expect(goalFundSources.run(contextOf(await tunliuWithGoals()))).toEqual([]);
  });

  it("reports a Hebei 预算数 that is not 财政资金 + 其他资金, at the 预算数 cell", async () => {
    const grids = await quyang({ 绩效目标: (g) => setCell(g, "G23", 20) });
    const findings = goalFundSources.run(contextOf(grids));
    expectWellFormed(goalFundSources, findings);
    expect(findings.map(brief)).toEqual(["goals.fund-sources 绩效目标!C23 error"]);
    expect(findings[0]).toMatchObject({
      expected: "320",
      actual: "300",
      related: refs("绩效目标", "E23", "G23"),
    });
  });

  it("reports a Shanxi 年度资金总额 whose sources do not add up", async () => {
    const grids = await tunliuWithGoals({ 项目绩效目标: (g) => setCell(g, "F8", 129600) });
    const findings = goalFundSources.run(contextOf(grids));
    expect(findings.map(brief)).toEqual(["goals.fund-sources 项目绩效目标!F6 error"]);
    expect(findings[0].message).toContain("年度资金总额为129,636元");
  });
});
