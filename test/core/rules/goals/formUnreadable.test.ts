import { goalFormUnreadable } from "../../../../src/core/rules/goals/formUnreadable";
import { brief, contextOf, expectWellFormed, quyang } from "./context";

describe("goals.form-unreadable", () => {
  it("has nothing to say about quyang's forms", async () => {
    expect(goalFormUnreadable.run(contextOf(await quyang()))).toEqual([]);
  });

  it("reports a form whose 预算数 is not a number", () => {
    const grids = [
      {
        sheet: "绩效目标",
        origin: { row: 1, col: 1 },
        values: [
          ["1、某项目绩效目标表"],
          ["", "", "", "", "", "", "单位：万元"],
          ["项目编码", "X1", "", "项目名称", "某项目"],
          ["预算规模及资金用途", "预算数", "待定", "其中：财政资金", 5, "其他资金", ""],
        ],
      },
    ];
    const findings = goalFormUnreadable.run(contextOf(grids));
    expectWellFormed(goalFormUnreadable, findings);
    expect(findings.map(brief)).toEqual(["goals.form-unreadable 绩效目标!A1 warning"]);
    expect(findings[0].message).toContain("C4");
  });
});
