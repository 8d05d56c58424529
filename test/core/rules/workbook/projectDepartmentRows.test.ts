import { checkWorkbook } from "../../../../src/core/check/workbook";
import type { Finding } from "../../../../src/core/finding";
import { figuresFromModel } from "../../../../src/core/figures/figuresFromModel";
import type { Grid } from "../../../../src/core/grid";
import { loadFixture, plantCells } from "../../../helpers/fixtures";

const SHEET = "项目支出(本年)";
const DEPARTMENT = "中共长治市屯留区委组织部";
const errors = (findings: Finding[]) => findings.filter((f) => f.severity === "error");
const where = (f: Finding) => `${f.ruleId}@${f.sheet}!${f.cell}`;
const projectNames = (grids: Grid[]) => {
  const { model } = checkWorkbook(grids);
  return (figuresFromModel(model).figures?.projects ?? []).map((p) => p.name);
};

describe("project.department-row: the 项目支出表's department rows name the department of the header", () => {
  it("accepts the department's own name with （本级）, as a subtotal and not as a project", async () => {
    const grids = await plantCells("tunliu-2024", {
      [`${SHEET}!A8`]: [`${DEPARTMENT}（本级）`, DEPARTMENT],
    });
    const findings = checkWorkbook(grids).findings;
    expect(findings.filter((f) => f.ruleId === "project.department-row")).toEqual([]);
    expect(errors(findings).filter((f) => f.sheet === SHEET)).toEqual([]);
    expect(projectNames(grids)).not.toContain(`${DEPARTMENT}（本级）`);
  });

  it("reports a department row that names something else, at its label, as an error", async () => {
    const grids = await plantCells("tunliu-2024", {
      [`${SHEET}!A8`]: ["屯留区委组织部", DEPARTMENT],
    });
    const found = errors(checkWorkbook(grids).findings).filter((f) => f.sheet === SHEET);
    expect(found.map(where)).toEqual([`project.department-row@${SHEET}!A8`]);
    expect(found[0]).toMatchObject({ expected: DEPARTMENT, actual: "屯留区委组织部" });
    expect(found[0].related).toEqual([{ sheet: SHEET, cell: "A3" }]);
    // Still a subtotal: the 21 projects stay the projects, the row is not made one.
    const clean = projectNames(await loadFixture("tunliu-2024"));
    expect(clean.length).toBeGreaterThan(10);
    expect(projectNames(grids)).toEqual(clean);
  });

  it("reports both rows when neither names the department, and the sums still hold", async () => {
    const grids = await plantCells("tunliu-2024", {
      [`${SHEET}!A7`]: ["长治市屯留区委组织部", DEPARTMENT],
      [`${SHEET}!A8`]: ["屯留区委组织部", DEPARTMENT],
    });
    const found = errors(checkWorkbook(grids).findings).filter((f) => f.sheet === SHEET);
    expect(found.map(where)).toEqual([
      `project.department-row@${SHEET}!A7`,
      `project.department-row@${SHEET}!A8`,
    ]);
  });

  it("reads a department with two units, each unit's row the sum of its own projects", () => {
    const grid: Grid = {
      sheet: "项目支出表",
      origin: { row: 1, col: 1 },
      values: [
        ["2024年项目支出预算表"],
        ["部门名称：某某县教育局", "", "单位：万元"],
        ["项目名称", "合计", "一般公共预算"],
        ["合计", 30, 30],
        ["某某县教育局（本级）", 10, 10],
        ["教师培训经费", 4, 4],
        ["教研活动经费", 6, 6],
        ["某某县第一中学", 20, 20],
        ["校舍维修", 20, 20],
      ],
    };
    const findings = checkWorkbook([grid]).findings;
    expect(errors(findings).map(where)).toEqual([`project.department-row@项目支出表!A8`]);
    const rows = checkWorkbook([grid]).model.tables[0].table.sides[0].rows;
    expect(rows.map((row) => [row.label, row.role, row.unitRow])).toEqual([
      ["合计", "total", undefined],
      ["某某县教育局(本级)", "total", "suffix"],
      ["教师培训经费", "item", undefined],
      ["教研活动经费", "item", undefined],
      ["某某县第一中学", "total", "other"],
      ["校舍维修", "item", undefined],
    ]);
  });

  it("finds nothing to say about the clean fixtures", async () => {
    for (const name of ["quyang-2024", "tunliu-2024"])
      expect(
        checkWorkbook(await loadFixture(name)).findings.filter(
          (f) => f.ruleId === "project.department-row"
        )
      ).toEqual([]);
  });
});
