import { refs } from "../../../helpers/fixtures";
import { goalProjectLine } from "../../../../src/core/rules/goals/projectLine";
import {
  SHANXI_GOALS_SHEET,
  SHANXI_SELECTION_FORMS,
  shanxiGoalsGrid,
} from "../../../fixtures/shanxi-goals";
import { brief, contextOf, expectWellFormed, quyang, setCell, tunliuWithGoals } from "./context";

describe("goals.project-line", () => {
  it("matches each Shanxi form to its 项目支出 line, converting 元 to 万元 (129,636元 = 12.96万元)", async () => {
    expect(goalProjectLine.run(contextOf(await tunliuWithGoals()))).toEqual([]);
  });

  it("does nothing without a 项目支出表 (quyang)", async () => {
    expect(goalProjectLine.run(contextOf(await quyang()))).toEqual([]);
  });

  it("reports a form whose budget differs from its line, at the form's budget cell", async () => {
    const grids = await tunliuWithGoals({ "项目支出(本年)": (g) => setCell(g, "B21", 50) });
    const findings = goalProjectLine.run(contextOf(grids));
    expectWellFormed(goalProjectLine, findings);
    expect(findings.map(brief)).toEqual(["goals.project-line 项目绩效目标!F66 error"]);
    expect(findings[0]).toMatchObject({
      expected: "50",
      actual: "55",
      related: refs("", "项目支出(本年)!B21"),
    });
    expect(findings[0].message).toContain("550,000元（55.00万元）");
  });

  it("calls a gap within 0.01万元 a rounding difference", async () => {
    const grids = await tunliuWithGoals({ "项目支出(本年)": (g) => setCell(g, "B16", 12.97) });
    const findings = goalProjectLine.run(contextOf(grids));
    expect(findings.map(brief)).toEqual(["goals.project-line 项目绩效目标!F6 info rounding"]);
  });

  it("warns when no 项目支出 line carries the form's project name", async () => {
    const grids = await tunliuWithGoals({
      项目绩效目标: (g) => setCell(g, "B123", "日常办公经费"),
    });
    const findings = goalProjectLine.run(contextOf(grids));
    expect(findings.map(brief)).toEqual(["goals.project-line 项目绩效目标!B123 warning"]);
  });
});

describe("goals.project-line with two projects of the same name", () => {
  const grids = async (forms: typeof SHANXI_SELECTION_FORMS) =>
    (await tunliuWithGoals()).map((g) =>
      g.sheet === SHANXI_GOALS_SHEET ? shanxiGoalsGrid(forms) : g
    );

  it("pairs each allocation with the line of its own amount, in either order", async () => {
    const fixed = SHANXI_SELECTION_FORMS.map((f) => ({
      ...f,
      name: f.name.replace("省級", "省级"),
    }));
    expect(goalProjectLine.run(contextOf(await grids(fixed)))).toEqual([]);
    expect(goalProjectLine.run(contextOf(await grids([...fixed].reverse())))).toEqual([]);
  });

  it("warns about the published form whose name spells 省級, which no 项目支出 line carries", async () => {
    const findings = goalProjectLine.run(contextOf(await grids(SHANXI_SELECTION_FORMS)));
    expect(findings.map(brief)).toEqual(["goals.project-line 项目绩效目标!B33 warning"]);
  });
});
