/*
 * Last year's workbook with amounts that cannot be read: formulas saved without their results
 * (written by a program, never opened in Excel). Read as 0 they would make every 类 and total they
 * are part of look changed; so nothing is compared, and the clerk is told which cells and why.
 */
import { checkWorkbook } from "../../../src/core/check/workbook";
import type { Finding } from "../../../src/core/finding";
import type { Grid } from "../../../src/core/grid";
import { readPreviousDisclosure } from "../../../src/core/previous/read";
import { cloneGrid, loadFixture } from "../../helpers/fixtures";
import { ledgerGrids } from "../../helpers/previousYear";

/** quyang as last year's file (2023), with every cell showing `value` a formula saved without it. */
async function lastYearWithoutResults(value: number): Promise<{ grids: Grid[]; cells: string[] }> {
  const cells: string[] = [];
  const grids = (await loadFixture("quyang-2024")).map((source) => {
    const grid = cloneGrid(source);
    grid.values = grid.values.map((row, r) =>
      row.map((v, c) => {
        if (typeof v === "string") return v.replace(/2024/g, "2023");
        if (v !== value) return v;
        const note = {
          row: r + 1,
          col: c + 1,
          kind: "formulaWithoutValue" as const,
          text: "=SUM()",
        };
        grid.cellNotes = [...(grid.cellNotes ?? []), note];
        cells.push(`${grid.sheet}!${String.fromCharCode(65 + c)}${r + 1}`);
        return "";
      })
    );
    return grid;
  });
  return { grids, cells };
}

const previousFindings = (findings: Finding[]) =>
  findings.filter((f) => f.ruleId.startsWith("previous."));

describe("last year's tables with formulas saved without their results", () => {
  it("are not compared, with an error naming the cells and what to do", async () => {
    // 198.87 is 2013201 行政运行's 合计 and 基本支出 in the 支出 tables.
    const { grids, cells } = await lastYearWithoutResults(198.87);
    expect(cells.length).toBeGreaterThan(2);
    const read = readPreviousDisclosure(grids, { source: "2023.xlsx" });
    expect(read.previous).toBeUndefined();
    expect(read.findings).toHaveLength(1);
    const [finding] = read.findings;
    expect(finding).toMatchObject({ ruleId: "previous.unreadable", severity: "error" });
    expect(finding.message).toBe(
      "上年公开文件“2023.xlsx”中，收入总表!D9、收入总表!E9、收入总表!F9、支出总表!D9、支出总表!E9" +
        `等 ${cells.length} 个单元格：是公式，但文件里没有保存 Excel 算出的结果，读不出金额；` +
        "按 0 计算会把没有变化的科目和合计当作增减，因此未与上年比较。请在 Excel 中打开上年文件、保存后再比较。"
    );
  });

  it("would otherwise have made 行政运行 look new this year and the totals look changed", async () => {
    // What the old reader did: those cells as 0, so last year's 支出总计 872.24 − 198.87 = 673.37.
    const { grids } = await lastYearWithoutResults(198.87);
    const withoutNotes = grids.map((g) => ({ ...g, cellNotes: [] }));
    const asZero = readPreviousDisclosure(withoutNotes).previous!;
    expect(asZero.lastYear.expenditureTotal?.toFixed(2)).toBe("673.37");
    const thisYear = await loadFixture("quyang-2024");
    const compared = checkWorkbook(thisYear, { previous: asZero }).findings;
    expect(previousFindings(compared).map((f) => f.message)).toContain(
      "本年新增科目“2013201 行政运行”198.87 万元，上年无此项。"
    );
  });

  it("are compared as before when every amount has its result", async () => {
    const { grids } = await lastYearWithoutResults(-1);
    const read = readPreviousDisclosure(grids);
    expect(read.findings).toEqual([]);
    expect(read.previous?.lastYear.expenditureTotal?.toFixed(2)).toBe("872.24");
  });

  it("in a ledger, name its amount cells as well", () => {
    const [info, lines] = ledgerGrids({ name: "某局", year: 2023 }, [
      { functionCode: "2013101", economicCode: "30101", kind: "人员经费", amount: 50 },
      { functionCode: "2013101", economicCode: "30201", kind: "公用经费", amount: 10 },
    ]);
    lines.values[2][6] = "";
    lines.cellNotes = [{ row: 3, col: 7, kind: "formulaWithoutValue", text: "=G1*0.2" }];
    const read = readPreviousDisclosure([info, lines]);
    expect(read.previous).toBeUndefined();
    expect(read.findings.map((f) => f.message)).toEqual([
      expect.stringContaining(
        "上年公开文件中，预算明细!G3：是公式，但文件里没有保存 Excel 算出的结果"
      ),
    ]);
  });
});

/** quyang as last year's file (2023), with every amount cell showing `value` holding `words`. */
async function lastYearWithWords(
  value: number,
  words: (n: number) => string
): Promise<{ grids: Grid[]; cells: string[] }> {
  const cells: string[] = [];
  const grids = (await loadFixture("quyang-2024")).map((source) => {
    const grid = cloneGrid(source);
    grid.values = grid.values.map((row, r) =>
      row.map((v, c) => {
        if (typeof v === "string") return v.replace(/2024/g, "2023");
        if (v !== value) return v;
        cells.push(`${grid.sheet}!${String.fromCharCode(65 + c)}${r + 1}`);
        return words(cells.length);
      })
    );
    return grid;
  });
  return { grids, cells };
}

describe("last year's amounts written as words (待定, 另行公布)", () => {
  it("are not compared as 0: an error names the file, the sheets and cells, and the words", async () => {
    const { grids, cells } = await lastYearWithWords(198.87, (n) => (n % 2 ? "待定" : "另行公布"));
    expect(cells.length).toBeGreaterThan(2);
    const read = readPreviousDisclosure(grids, { source: "2023.xlsx" });
    expect(read.previous).toBeUndefined();
    expect(read.findings).toEqual([
      expect.objectContaining({ ruleId: "previous.unreadable", severity: "error" }),
    ]);
    expect(read.findings[0].message).toBe(
      "上年公开文件“2023.xlsx”中，收入总表!D9、收入总表!E9、收入总表!F9、支出总表!D9、支出总表!E9" +
        `等 ${cells.length} 个单元格：写的是“待定”“另行公布”而不是数字，读不出金额；` +
        "按 0 计算会把没有变化的科目和合计当作增减，因此未与上年比较。请改正上年文件中的这些金额后再比较。"
    );
  });

  it("so this year's check says no 增减 and no 上年无此项 that come from them", async () => {
    const { grids } = await lastYearWithWords(198.87, () => "待定");
    const { previous, findings } = readPreviousDisclosure(grids);
    const thisYear = await loadFixture("quyang-2024");
    const compared = checkWorkbook(thisYear, { previous }).findings;
    expect(previous).toBeUndefined();
    expect(findings).toHaveLength(1);
    expect(previousFindings(compared).map((f) => f.message)).not.toContain(
      "本年新增科目“2013201 行政运行”198.87 万元，上年无此项。"
    );
    expect(previousFindings(compared)).toEqual([]);
  });

  it("暂无 says there is no such amount: a 0, compared as before", async () => {
    const { grids } = await lastYearWithWords(-1, () => "暂无");
    expect(readPreviousDisclosure(grids).findings).toEqual([]);
    const zeroWord = (await lastYearWithWords(198.87, () => "暂无")).grids;
    const read = readPreviousDisclosure(zeroWord);
    expect(read.findings).toEqual([]);
    expect(read.previous?.lastYear.expenditureTotal?.toFixed(2)).toBe("673.37");
  });

  it("in a ledger, name its amount cells as well: the line would be left out, as a 0", () => {
    const [info, lines] = ledgerGrids({ name: "某局", year: 2023 }, [
      { functionCode: "2013101", economicCode: "30101", kind: "人员经费", amount: 50 },
      { functionCode: "2013101", economicCode: "30201", kind: "公用经费", amount: 10 },
    ]);
    lines.values[2][6] = "待定";
    const read = readPreviousDisclosure([info, lines], { source: "某局2023.xlsx" });
    expect(read.previous).toBeUndefined();
    expect(read.findings.map((f) => f.message)).toEqual([
      "上年公开文件“某局2023.xlsx”中，预算明细!G3：写的是“待定”而不是数字，读不出金额；" +
        "按 0 计算会把没有变化的科目和合计当作增减，因此未与上年比较。请改正上年文件中的这些金额后再比较。",
    ]);
  });
});
