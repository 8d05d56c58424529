import { checkWorkbook } from "../../../../src/core/check/workbook";
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
  async function tunliuWithExpenditureIn(scale: number, unit: string) {
    const grids = (await loadFixture("tunliu-2024")).map(cloneGrid);
    const expenditure = grids.find((g) => g.sheet === "支出总表")!;
    expenditure.values[2][4] = `单位：${unit}`;
    expenditure.values = expenditure.values.map((row, r) =>
      r < 5 ? row : row.map((v) => (typeof v === "number" ? Math.round(v * scale * 100) / 100 : v))
    );
    return grids;
  }

  it("add up a table in 元 in 元, and keep 万元 figures converted to 元 a rounding difference", async () => {
    const findings = checkWorkbook(await tunliuWithExpenditureIn(10000, "元")).findings;
    const total = findings.find(
      (f) => f.sheet === "支出总表" && f.cell === "C6" && f.ruleId === "sum.total-row"
    );
    // The published 舍入差异 of tunliu's 支出总表 合计, in 元.
    expect(total).toMatchObject({
      severity: "info",
      expected: "47070800.00",
      actual: "47070900.00",
    });
    expect(total!.message).toContain("47,070,900");
    // Compared with 收入总表 in 万元: the message says the 元 were converted.
    const cross = findings.find(
      (f) => f.ruleId === "cross.class-expenditure" && f.sheet === "收入总表"
    );
    expect(cross).toMatchObject({ severity: "info", expected: "1813.51", actual: "1813.52" });
    expect(cross!.message).toContain("元已折算为万元比较");
  });

  it("hold a table in 元 to the 元: a difference of 1 元 is an error, not rounding", async () => {
    const grids = await tunliuWithExpenditureIn(10000, "元");
    const expenditure = grids.find((g) => g.sheet === "支出总表")!;
    // 行政运行 642,200 → 642,201 (no longer a figure made from 万元): 组织事务 misses by 1 元.
    expect(expenditure.values[8][2]).toBe(642200);
    expenditure.values[8][2] = 642201;
    const parent = checkWorkbook(grids).findings.find(
      (f) => f.sheet === "支出总表" && f.cell === "C8" && f.ruleId === "sum.children"
    );
    expect(parent).toMatchObject({ severity: "error" });
  });
});
