import { checkWorkbook } from "../../../../src/core/check/workbook";
import type { Grid } from "../../../../src/core/grid";
import { CORE_TABLES, EXTRACT_THRESHOLD } from "../../../../src/core/rules/workbook/completeness";
import { loadFixture } from "../../../helpers/fixtures";

const keep = async (name: string, sheets: string[]): Promise<Grid[]> =>
  (await loadFixture(name)).filter((g) => sheets.includes(g.sheet));
const completeness = (grids: Grid[]) =>
  checkWorkbook(grids).findings.filter((f) => f.ruleId.startsWith("completeness."));

describe("completeness: a full disclosure against an extract", () => {
  it("counts a workbook with at least 3 of the 5 core tables as a full disclosure", () => {
    expect(CORE_TABLES).toEqual([
      "收支总表",
      "收入总表",
      "支出总表",
      "财政拨款收支总表",
      "一般公共预算支出表",
    ]);
    expect(EXTRACT_THRESHOLD).toBe(3);
  });

  it("keeps a missing mandatory table an error in a full disclosure", async () => {
    const grids = (await loadFixture("quyang-2024")).filter((g) => g.sheet !== "基本支出表");
    const result = checkWorkbook(grids);
    expect(result.coverage.extract).toBe(false);
    expect(completeness(grids)).toEqual([
      expect.objectContaining({
        ruleId: "completeness.tables",
        severity: "error",
        sheet: "收支总表",
        cell: "A1",
        message: expect.stringContaining("缺少“部门预算一般公共预算财政拨款基本支出表”"),
      }),
    ]);
  });

  it("keeps two missing core tables errors too: three of five is still a full disclosure", async () => {
    const grids = (await loadFixture("tunliu-2024")).filter(
      (g) => !["收入总表", "财政拨款收支总表"].includes(g.sheet)
    );
    expect(checkWorkbook(grids).coverage.extract).toBe(false);
    expect(
      completeness(grids)
        .filter((f) => f.severity === "error")
        .map((f) => /^缺少“([^”]+)”/.exec(f.message)?.[1])
    ).toEqual(["预算收入总表", "财政拨款收支总表"]);
  });

  it("gives an extract of 三公, 政府采购 and 固定资产 one notice listing what was not found", async () => {
    const grids = await keep("quyang-2024", ["三公经费", "政府采购", "固定资产"]);
    const result = checkWorkbook(grids);
    expect(result.coverage).toMatchObject({
      extract: true,
      tables: [
        { kind: "三公经费表", sheet: "三公经费" },
        { kind: "政府采购表", sheet: "政府采购" },
        { kind: "固定资产表", sheet: "固定资产" },
      ],
    });
    const found = completeness(grids);
    expect(found).toEqual([
      expect.objectContaining({ ruleId: "completeness.extract", severity: "info" }),
    ]);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    const notice = found[0].message;
    expect(notice).toContain("三公经费表、政府采购表、固定资产表");
    for (const title of result.coverage.missing) expect(notice).toContain(title);
    expect(result.coverage.missing.length).toBeGreaterThan(5);
  });

  it("counts two core tables and the 三公 table as an extract", async () => {
    const grids = await keep("tunliu-2024", ["收支总表", "支出总表", "三公经费"]);
    expect(checkWorkbook(grids).coverage.extract).toBe(true);
    expect(completeness(grids).map((f) => [f.ruleId, f.severity])).toEqual([
      ["completeness.extract", "info"],
    ]);
  });

  it("says nothing of completeness when nothing was recognised; the coverage says so", () => {
    const grids: Grid[] = [
      { sheet: "Sheet1", origin: { row: 1, col: 1 }, values: [["会议纪要"], ["本年度工作安排。"]] },
    ];
    const result = checkWorkbook(grids, { template: "hebei" });
    expect(result.coverage).toMatchObject({ tables: [], forms: 0 });
    expect(completeness(grids)).toEqual([]);
  });

  it("finds the clean fixtures complete", async () => {
    for (const name of ["quyang-2024", "tunliu-2024"]) {
      const grids = await loadFixture(name);
      expect(checkWorkbook(grids).coverage).toMatchObject({ extract: false, missing: [] });
      expect(completeness(grids)).toEqual([]);
    }
  });
});
