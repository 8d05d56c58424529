import { checkTable } from "../../../src/core/check/table";
import { checkWorkbook } from "../../../src/core/check/workbook";
import type { Finding } from "../../../src/core/finding";
import type { Grid } from "../../../src/core/grid";
import { parseTable } from "../../../src/core/read/table";
import { loadFixture, plantCells } from "../../helpers/fixtures";

const sheet = (grids: Grid[], name: string) => grids.find((g) => g.sheet === name)!;
const codeFindings = (grid: Grid) =>
  checkTable(grid).findings.filter((f) => f.ruleId === "code.unknown");
const errorsOf = (findings: Finding[]) => findings.filter((f) => f.severity === "error");

describe("code.unknown: a code typed wrong gets a warning at its cell that says what is wrong", () => {
  it("names a letter O for 0 and still places the row by the code it stands for", async () => {
    const grid = sheet(
      await plantCells("quyang-2024", { "支出总表!B8": ["2O132", "20132"] }),
      "支出总表"
    );
    expect(codeFindings(grid)).toEqual([
      expect.objectContaining({
        severity: "warning",
        cell: "B8",
        actual: "2O132",
        expected: "20132",
        message: expect.stringContaining("“O”是字母，应为数字“0”"),
      }),
    ]);
    // The 款 keeps its place: 201 = Σ 20132 and 20132 = Σ its 项 still hold.
    expect(errorsOf(checkTable(grid).findings)).toEqual([]);
    const parsed = parseTable(grid);
    if (!parsed.ok) throw new Error(parsed.message);
    const row = parsed.table.sides[0].rows.find((r) => r.codeCell?.address === "B8");
    expect(row?.code).toBe("20132");
  });

  it("names a letter l for 1 in an economic code", async () => {
    const grid = sheet(
      await plantCells("quyang-2024", { "基本支出表!B8": ["3010l", "30101"] }),
      "基本支出表"
    );
    expect(codeFindings(grid)).toEqual([
      expect.objectContaining({
        cell: "B8",
        expected: "30101",
        message: expect.stringContaining("“l”是字母，应为数字“1”"),
      }),
    ]);
    expect(errorsOf(checkTable(grid).findings)).toEqual([]);
  });

  it("names a space inside the code", async () => {
    const grid = sheet(
      await plantCells("quyang-2024", { "支出总表!B9": ["201 3201", "2013201"] }),
      "支出总表"
    );
    expect(codeFindings(grid)).toEqual([
      expect.objectContaining({ cell: "B9", message: expect.stringContaining("中有空格") }),
    ]);
    expect(errorsOf(checkTable(grid).findings)).toEqual([]);
  });

  it("names the wrong number of digits and places the row by its name under the 款 above it", async () => {
    // 行政运行 is a 项 of many 款; below 20132 组织事务 it can only be 2013201.
    const grid = sheet(
      await plantCells("quyang-2024", { "支出总表!B9": ["201320", "2013201"] }),
      "支出总表"
    );
    expect(codeFindings(grid)).toEqual([
      expect.objectContaining({
        cell: "B9",
        expected: "2013201",
        message: expect.stringMatching(/位数不对.*这里是 6 位.*已按科目名称归入 2013201 行政运行/),
      }),
    ]);
    expect(errorsOf(checkTable(grid).findings)).toEqual([]);
  });

  it("says when a row cannot be placed, and its 款 then does not add up", async () => {
    const grids = await plantCells("quyang-2024", {
      "支出总表!B9": ["201320", "2013201"],
      "支出总表!C9": ["自编科目", "行政运行"],
    });
    const findings = checkTable(sheet(grids, "支出总表")).findings;
    expect(findings.filter((f) => f.ruleId === "code.unknown")).toEqual([
      expect.objectContaining({
        cell: "B9",
        message: expect.stringContaining("无法确定是哪个科目"),
      }),
    ]);
    expect(errorsOf(findings).map((f) => f.cell)).toContain("D8");
  });

  it("names a well-formed code that is not in the catalog", async () => {
    const grid = sheet(
      await plantCells("quyang-2024", { "支出总表!B12": ["2013298", "2013299"] }),
      "支出总表"
    );
    expect(codeFindings(grid)).toEqual([
      expect.objectContaining({
        cell: "B12",
        message: expect.stringContaining("2013298 不在政府收支分类科目中"),
      }),
    ]);
    // Placed by its digits under 20132: the sums hold.
    expect(errorsOf(checkTable(grid).findings)).toEqual([]);
  });

  it("adds no code warning to the clean fixtures", async () => {
    for (const name of ["quyang-2024", "tunliu-2024"]) {
      const findings = checkWorkbook(await loadFixture(name)).findings;
      expect(findings.filter((f) => f.ruleId === "code.unknown")).toEqual([]);
    }
  });
});
