import { refs } from "../../../helpers/fixtures";
import { goalIndicatorDuplicate } from "../../../../src/core/rules/goals/indicatorDuplicate";
import { brief, contextOf, expectWellFormed, quyang, tunliuWithGoals } from "./context";

describe("goals.indicator-duplicate", () => {
  it("warns about the 社会效益指标 row that form 15 repeats", async () => {
    const findings = goalIndicatorDuplicate.run(contextOf(await quyang()));
    expectWellFormed(goalIndicatorDuplicate, findings);
    expect(findings.map(brief)).toEqual(["goals.indicator-duplicate 绩效目标!C243 warning"]);
    expect(findings[0].related).toEqual(refs("绩效目标", "C242"));
    expect(findings[0].message).toContain("第243行");
    expect(findings[0].message).toContain("第242行");
  });

  it("does not count the Shanxi 实施期 and 年度 copies of an indicator as duplicates", async () => {
    expect(goalIndicatorDuplicate.run(contextOf(await tunliuWithGoals()))).toEqual([]);
  });
});
