import { checkWorkbook } from "../../../../src/core/checkWorkbook";
import { readWorkbook } from "../../../../src/core/read/workbook";
import { cloneGrid, loadFixture } from "../../../helpers/fixtures";

const consistencyFindings = (grids: Parameters<typeof checkWorkbook>[0]) =>
  checkWorkbook(grids).findings.filter((f) => f.ruleId === "meta.consistency");

describe("meta.consistency", () => {
  it("never takes 单位：万元 for a department to compare", async () => {
    // 收入总表 keeps only its unit line: nothing says which department it is.
    const grids = (await loadFixture("tunliu-2024")).map(cloneGrid);
    grids.find((g) => g.sheet === "收入总表")!.values[2][0] = "";
    const income = readWorkbook(grids).tables.find((t) => t.kind === "收入总表")!;
    expect(income.table.department).toBeUndefined();
    expect(income.table.unit?.value).toBe("万元");
    expect(consistencyFindings(grids)).toEqual([]);
  });

  it("compares a department written as 编制单位 with the others", async () => {
    const grids = (await loadFixture("tunliu-2024")).map(cloneGrid);
    grids.find((g) => g.sheet === "收入总表")!.values[2][0] = "编制单位：中共长治市屯留区委宣传部";
    expect(consistencyFindings(grids)).toEqual([
      expect.objectContaining({
        sheet: "收入总表",
        cell: "A3",
        expected: "中共长治市屯留区委组织部",
        actual: "中共长治市屯留区委宣传部",
      }),
    ]);
  });

  it("does not warn that a table in 元 differs from the tables in 万元", async () => {
    const grids = (await loadFixture("tunliu-2024")).map(cloneGrid);
    const sangong = grids.find((g) => g.sheet === "三公经费")!;
    sangong.values[2][4] = "单位：元";
    expect(consistencyFindings(grids)).toEqual([]);
  });

  it("reads the year from a comparison table's captions, the newer of the two", async () => {
    const grids = (await loadFixture("tunliu-2024")).map(cloneGrid);
    const sangong = grids.find((g) => g.sheet === "三公经费")!;
    sangong.values[0][0] = "财政拨款安排“三公”经费支出预算表";
    sangong.values[3][1] = "2023年度预算";
    const table = readWorkbook(grids).tables.find((t) => t.kind === "三公经费表")!.table;
    expect(table.year).toEqual({ value: 2023, address: "B4" });
    sangong.values[4][2] = "2024年度预算";
    const again = readWorkbook(grids).tables.find((t) => t.kind === "三公经费表")!.table;
    expect(again.year).toEqual({ value: 2024, address: "C5" });
  });
});

describe("findings about a table in 元", () => {
  it("say that the figures were compared in 万元", async () => {
    const grids = (await loadFixture("tunliu-2024")).map(cloneGrid);
    const expenditure = grids.find((g) => g.sheet === "支出总表")!;
    expenditure.values[2][4] = "单位：元";
    expenditure.values = expenditure.values.map((row, r) =>
      r < 5 ? row : row.map((v) => (typeof v === "number" ? Math.round(v * 1000000) / 100 : v))
    );
    const finding = checkWorkbook(grids).findings.find(
      (f) => f.sheet === "支出总表" && f.cell === "C6" && f.ruleId === "sum.total-row"
    );
    // The published 舍入差异 of tunliu's 支出总表 合计, now in 元.
    expect(finding).toMatchObject({ severity: "info", expected: "4707.08", actual: "4707.09" });
    expect(finding!.message).toMatch(/（本表金额单位为元，已折算为万元核对）$/);
  });
});
