import { refs } from "../../../helpers/fixtures";
import { goalBudgetText } from "../../../../src/core/rules/goals/budgetText";
import { brief, contextOf, expectWellFormed, quyang, setCell } from "./context";

describe("goals.budget-text", () => {
  it("reports QY-02: the 资金用途 of form 1 says 5万元 while its 预算数 cell says 25.00万元", async () => {
    const findings = goalBudgetText.run(contextOf(await quyang()));
    expectWellFormed(goalBudgetText, findings);
    expect(findings.map(brief)).toEqual(["goals.budget-text 绩效目标!B8 error"]);
    expect(findings[0]).toMatchObject({
      expected: "25",
      actual: "5",
      related: refs("绩效目标", "C7", "E7"),
    });
    expect(findings[0].message).toContain(
      "绩效目标表“考核专项公用项目经费”的资金用途写明预算数5万元，但预算数单元格（C7）为25.00万元。"
    );
  });

  it("accepts a text that carries more decimals than the cell when it rounds to it (11.2016万元 vs 11.20)", async () => {
    const findings = goalBudgetText.run(contextOf(await quyang()));
    expect(findings.some((f) => f.cell === "B217")).toBe(false);
  });

  it("calls a gap of 0.01万元 a rounding difference", async () => {
    const grids = await quyang({
      绩效目标: (g) => setCell(g, "B24", "预算数300.01万元，其中财政资金300万元，主要用于人才。"),
    });
    const finding = goalBudgetText.run(contextOf(grids)).find((f) => f.cell === "B24");
    expect(finding).toMatchObject({ severity: "info", rounding: true });
    expect(finding?.message.startsWith("舍入差异")).toBe(true);
  });

  it("reports a 财政资金 stated in the text that differs from its cell", async () => {
    const grids = await quyang({
      绩效目标: (g) => setCell(g, "B40", "预算数8.3万元，其中财政资金3.8万元，主要用于四清人员。"),
    });
    const finding = goalBudgetText.run(contextOf(grids)).find((f) => f.cell === "B40");
    expect(finding).toMatchObject({ severity: "error", related: refs("绩效目标", "E39") });
    expect(finding?.message).toContain("财政资金3.8万元");
  });
});
