import { refs } from "../../../helpers/fixtures";
import { goalUnitCost } from "../../../../src/core/rules/goals/unitCost";
import { brief, contextOf, expectWellFormed, quyang, setCell, tunliuWithGoals } from "./context";

describe("goals.unit-cost", () => {
  it("reports QY-03 as an error and QY-04 as a rounding difference at the 预算数 cells, and nothing else in quyang", async () => {
    const findings = goalUnitCost.run(contextOf(await quyang()));
    expectWellFormed(goalUnitCost, findings);
    expect(findings.map(brief)).toEqual([
      "goals.unit-cost 绩效目标!C232 error",
      "goals.unit-cost 绩效目标!C265 info rounding",
    ]);
    expect(findings[0]).toMatchObject({
      expected: "≥17.6",
      actual: "5.15",
      related: refs("绩效目标", "F238", "F240"),
    });
    expect(findings[0].message).toContain("至少应为17.60万元，但预算数为5.15万元");
    expect(findings[1]).toMatchObject({
      expected: "≤17.2",
      actual: "17.21",
      related: refs("绩效目标", "F271", "F274"),
    });
  });

  it("checks a count times a per-unit amount for equality (2个 × 8万元 = 16万元)", async () => {
    const grids = await quyang({ 绩效目标: (g) => setCell(g, "F177", "7 万元") });
    const findings = goalUnitCost.run(contextOf(grids)).filter((f) => f.cell === "C168");
    expect(findings.map(brief)).toEqual(["goals.unit-cost 绩效目标!C168 error"]);
    expect(findings[0].message).toContain("合计应为14.00万元，但预算数为16.00万元");
  });

  it("reports TL-25: 209个村 × 14.3万元 in the 项目概况 against the 年度资金总额, naming the 项目支出 line", async () => {
    const findings = goalUnitCost.run(contextOf(await tunliuWithGoals()));
    expectWellFormed(goalUnitCost, findings);
    expect(findings.map(brief)).toEqual(["goals.unit-cost 项目绩效目标!F36 error"]);
    expect(findings[0]).toMatchObject({
      expected: "29887000",
      actual: "22990000",
      related: refs("项目绩效目标", "B42", "项目支出(本年)!B12"),
    });
    expect(findings[0].message).toContain("209个村每村每年14.3万元");
    expect(findings[0].message).toContain("项目支出表“项目支出(本年)”B12列示该项目2,299.00万元");
  });

  it("takes the count from the 数量指标 when the text states only the rate (11名 × 每人每年5万元)", async () => {
    const grids = await tunliuWithGoals({ 项目绩效目标: (g) => setCell(g, "E80", "12名选派干部") });
    // The 年度 count still says 11名, which matches 550,000元; a wrong 年度 count is reported.
    expect(goalUnitCost.run(contextOf(grids)).map(brief)).toEqual([
      "goals.unit-cost 项目绩效目标!F36 error",
    ]);
    const wrong = await tunliuWithGoals({ 项目绩效目标: (g) => setCell(g, "H80", "12名选派干部") });
    const findings = goalUnitCost.run(contextOf(wrong));
    expect(findings.map(brief)).toContain("goals.unit-cost 项目绩效目标!F66 error");
  });
});
