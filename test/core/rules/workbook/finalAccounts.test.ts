import { checkWorkbook } from "../../../../src/core/check/workbook";
import { makeGrid } from "../../../../src/core/grid";
import { isFinalAccountsTitle, kindFromTitle } from "../../../../src/core/read/tableKinds";
import { readWorkbook } from "../../../../src/core/read/workbook";
import { loadFixture } from "../../../helpers/fixtures";
import { finalAccountsWorkbook } from "../../../support/finalAccounts";

describe("决算 (final accounts) workbooks", () => {
  it.each([
    "收入支出决算总表",
    "财政拨款收入支出决算总表",
    "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款“三公”经费支出决算表",
    "2023年度部门决算",
    "某某县审计局2020年部门决算",
  ])("takes “%s” for a 决算 title and for no budget table", (title) => {
    expect(isFinalAccountsTitle(title)).toBe(true);
    expect(kindFromTitle(title)).toBeUndefined();
  });

  it.each(["2024年预算收支总表", "部门预算财政拨款“三公”经费支出表", "一般公共预算支出表"])(
    "still reads “%s” as a budget table",
    (title) => {
      expect(isFinalAccountsTitle(title)).toBe(false);
      expect(kindFromTitle(title)).toBeDefined();
    }
  );

  // Titles worded as a budget's with 决算 in 预算's place: read as budget tables before.
  it.each([
    "部门决算收支总表",
    "2023年度某局部门决算收入总表",
    "2023年部门决算支出总表（单位：万元）",
    "一般公共预算财政拨款基本支出决算明细表",
  ])("takes “%s”, a budget's title saying 决算, for no budget table", (title) => {
    expect(isFinalAccountsTitle(title)).toBe(true);
    expect(kindFromTitle(title)).toBeUndefined();
  });

  it.each(["2024年部门收支总表（附2023年决算数）", "2024年预算与2023年决算对比表", "上年决算结余"])(
    "does not take “%s” for a 决算 title",
    (title) => {
      expect(isFinalAccountsTitle(title)).toBe(false);
    }
  );

  it("reports a 决算 workbook once, as 决算, and never passes it", () => {
    const result = checkWorkbook(finalAccountsWorkbook());
    expect(result.model.tables).toEqual([]);
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: "workbook.final-accounts",
        severity: "error",
        sheet: "公开01表",
        cell: "A1",
        message: expect.stringMatching(/^这是决算表，本工具检查预算公开表/),
      }),
    ]);
  });

  it("recognises 决算 tables by their columns when the titles do not say 决算", () => {
    const grids = finalAccountsWorkbook("untitled").filter((g) => g.sheet === "公开05表");
    expect(grids[0].values[0][0]).toBe("一般公共预算财政拨款支出表");
    const result = checkWorkbook(grids);
    expect(result.model.tables).toEqual([]);
    expect(result.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ["workbook.final-accounts", "error"],
    ]);
  });

  it("recognises them on sheets named Sheet1…, several on one sheet", () => {
    const rows = finalAccountsWorkbook().flatMap((g) => [...g.values, [], []]);
    const result = checkWorkbook([makeGrid("Sheet1", rows)]);
    expect(result.model.tables).toEqual([]);
    expect(result.model.finalAccounts?.map((t) => t.title)).toEqual([
      "收入支出决算总表",
      "收入决算表",
      "一般公共预算财政拨款支出决算表",
      "一般公共预算财政拨款“三公”经费支出决算表",
    ]);
    expect(result.findings).toHaveLength(1);
  });

  it("leaves a 决算 table beside budget tables out, with one warning, and checks the rest", async () => {
    const budget = await loadFixture("quyang-2024");
    const alone = checkWorkbook(budget).findings;
    const mixed = checkWorkbook([...budget, finalAccountsWorkbook()[3]]);
    const extra = mixed.findings.filter((f) => !alone.some((g) => g.message === f.message));
    expect(extra).toEqual([
      expect.objectContaining({
        ruleId: "workbook.final-accounts",
        severity: "warning",
        sheet: "公开07表",
      }),
    ]);
    expect(readWorkbook([...budget, finalAccountsWorkbook()[3]]).tables).toHaveLength(
      readWorkbook(budget).tables.length
    );
  });
});

describe("a 决算 workbook whose tables do not say 决算", () => {
  it("is 决算 by its own title (2023年度部门决算)", () => {
    const tables = finalAccountsWorkbook("untitled");
    const cover = makeGrid("封面", [
      ["某某县审计局2023年度部门决算"],
      [""],
      ["公开时间：2024年9月"],
    ]);
    const result = checkWorkbook([cover, ...tables]);
    expect(result.model.tables).toEqual([]);
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.sheet])).toEqual([
      ["workbook.final-accounts", "error", "封面"],
    ]);
  });

  it("is 决算 by the lines only a 决算 summary has (结余分配, 使用非财政拨款结余)", () => {
    const summary = finalAccountsWorkbook("untitled")[0];
    expect(summary.values[0][0]).toBe("收入支出总表");
    expect(readWorkbook([summary]).tables).toEqual([]);
    expect(readWorkbook([summary]).finalAccounts).toHaveLength(1);
  });

  it("a 决算 heading inside a budget workbook's text does not turn it into a 决算", () => {
    expect(isFinalAccountsTitle("二、2023年度部门决算情况")).toBe(false);
  });
});
