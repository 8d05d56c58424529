import { checkWorkbook } from "../../../../src/core/check/workbook";
import { makeGrid } from "../../../../src/core/grid";
import type { CellValue } from "../../../../src/core/grid";
import { loadFixture } from "../../../helpers/fixtures";

const COUNTY: CellValue[][] = [
  ["某某县2024年一般公共预算支出预算表"],
  ["单位：万元"],
  ["科目编码", "科目名称", "预算数"],
  ["", "合计", 300],
  ["201", "一般公共服务支出", 300],
  ["20132", "组织事务", 300],
  ["2013201", "行政运行", 300],
];

describe("workbook.not-disclosure", () => {
  it("alone: an error at the table's title, and nothing else is said", () => {
    const result = checkWorkbook([makeGrid("县支出", COUNTY)]);
    expect(result.model.tables).toEqual([]);
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: "workbook.not-disclosure",
        severity: "error",
        sheet: "县支出",
        cell: "A1",
        actual: "某某县2024年一般公共预算支出预算表",
      }),
    ]);
    expect(result.findings[0].message).toMatch(/标题写的是地区，而不是部门/);
  });

  it("beside a department's tables: a warning, and the department's tables are checked as before", async () => {
    const grids = await loadFixture("quyang-2024");
    const alone = checkWorkbook(grids);
    const mixed = checkWorkbook([...grids, makeGrid("县支出", COUNTY)]);
    expect(mixed.model.tables.length).toBe(alone.model.tables.length);
    const added = mixed.findings.filter(
      (f) => !alone.findings.some((g) => g.message === f.message)
    );
    expect(added.map((f) => [f.ruleId, f.severity, f.sheet])).toEqual([
      ["workbook.not-disclosure", "warning", "县支出"],
    ]);
    expect(added[0].message).toMatch(/这张表未作检查，也不参与表间核对/);
  });
});
