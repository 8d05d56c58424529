import { refs } from "../../../helpers/fixtures";
import { goalOneYearPeriod } from "../../../../src/core/rules/goals/oneYearPeriod";
import { shanxiGoalsGrid } from "../../../fixtures/shanxi-goals";
import { brief, contextOf, expectWellFormed, setCell, tunliuWithGoals } from "./context";

describe("goals.one-year-period", () => {
  it("reports TL-23 and TL-24: one-year projects whose 实施期资金总额 differs from the 年度资金总额", async () => {
    const findings = goalOneYearPeriod.run(contextOf(await tunliuWithGoals()));
    expectWellFormed(goalOneYearPeriod, findings);
    expect(findings.map(brief)).toEqual([
      "goals.one-year-period 项目绩效目标!C96 error",
      "goals.one-year-period 项目绩效目标!C126 error",
    ]);
    expect(findings[0]).toMatchObject({
      expected: "1000000",
      actual: "1600000",
      related: refs("项目绩效目标", "F96", "项目支出(本年)!B27"),
    });
    expect(findings[0].message).toContain("基层党组织标准化、规范化建设经费");
    expect(findings[0].message).toContain("项目支出表“项目支出(本年)”B27列示该项目100.00万元");
    expect(findings[1].message).toContain("实施期资金总额340,000元应等于年度资金总额300,000元");
    expect(findings[1].message).toContain("B17");
  });

  it("leaves out the 项目支出 note when the workbook has no 项目支出表", () => {
    const findings = goalOneYearPeriod.run(contextOf([shanxiGoalsGrid()]));
    expect(findings).toHaveLength(2);
    expect(findings[0].message).not.toContain("项目支出表");
    expect(findings[0].related).toEqual(refs("项目绩效目标", "F96"));
  });

  it("accepts different amounts for a project that runs several years", async () => {
    const grids = await tunliuWithGoals({
      项目绩效目标: (g) => {
        setCell(g, "F95", "3年");
        setCell(g, "B95", "延续性项目");
      },
    });
    expect(goalOneYearPeriod.run(contextOf(grids)).map(brief)).toEqual([
      "goals.one-year-period 项目绩效目标!C126 error",
    ]);
  });
});
