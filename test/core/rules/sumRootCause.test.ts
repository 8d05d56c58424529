import { checkTable } from "../../../src/core/check/table";
import { checkWorkbook } from "../../../src/core/check/workbook";
import type { Finding } from "../../../src/core/finding";
import type { Grid } from "../../../src/core/grid";
import { loadFacts, loadFixture, plantCells, refs } from "../../helpers/fixtures";

const sheetOf = (grids: Grid[], sheet: string) => grids.find((g) => g.sheet === sheet)!;
const errors = (findings: Finding[]) => findings.filter((f) => f.severity === "error");
const where = (f: Finding) => `${f.ruleId}@${f.sheet}!${f.cell}`;

/** The published mistakes every copy of a fixture carries, left out when counting new errors. */
const published = new Set(
  ["quyang-2024", "tunliu-2024"].flatMap((name) =>
    loadFacts(name)
      .source_defects.filter((d) => d.severity === "exact" && d.sheet && d.cell)
      .map((d) => `${d.sheet}!${d.cell}`)
  )
);
const newErrors = (grids: Grid[]) =>
  errors(checkWorkbook(grids).findings).filter((f) => !published.has(`${f.sheet}!${f.cell}`));

describe("sum.root-cause: one wrong cell, one finding, at that cell", () => {
  it("reports a blank 款 row whose 类 still equals its 项 once, at the 款, saying the 类 is right", async () => {
    // quyang 支出总表: 20132 组织事务 left blank. Before: three errors at 201 and three at 20132.
    const grids = await plantCells("quyang-2024", {
      "支出总表!D8": ["", 717.94],
      "支出总表!E8": ["", 236.34],
      "支出总表!F8": ["", 481.6],
    });
    const found = newErrors(grids);
    expect(found.map(where)).toEqual(["sum.root-cause@支出总表!D8"]);
    expect(found[0]).toMatchObject({ expected: "717.94", actual: "0.00" });
    expect(found[0].related).toEqual(refs("支出总表", "E8", "F8", "D7", "E7", "F7"));
    expect(found[0].message).toContain("“20132 组织事务”行有 3 栏有误");
    expect(found[0].message).toContain("上级“201 一般公共服务支出”无误");
  });

  it("reports one blank subtotal cell at that cell, with what it should be", async () => {
    const grids = await plantCells("quyang-2024", { "支出总表!E8": ["", 236.34] });
    const found = newErrors(grids);
    expect(found.map(where)).toEqual(["sum.root-cause@支出总表!E8"]);
    expect(found[0]).toMatchObject({ severity: "error", expected: "236.34", actual: "0.00" });
    expect(found[0].message).toMatch(/“基本支出”未填写，应为 236\.34/);
  });

  it("reports a mistyped 类 once, at the 类, and folds the other tables' disagreement into it", async () => {
    const grids = await plantCells("quyang-2024", { "支出总表!D7": [719.94, 717.94] });
    const found = newErrors(grids);
    expect(found.map(where)).toEqual(["sum.root-cause@支出总表!D7"]);
    expect(found[0]).toMatchObject({ expected: "717.94", actual: "719.94" });
    // 收支总表 and 收入总表 publish the same 类: both cells are named.
    expect(found[0].related).toEqual(
      expect.arrayContaining(refs("支出总表", "D6", "收支总表!E6", "收入总表!D7"))
    );
  });

  it("finds a wrong 项 by the two sums that both point at it", async () => {
    const grid = sheetOf(
      await plantCells("tunliu-2024", { "一般公共预算支出表!E10": [960.17, 860.17] }),
      "一般公共预算支出表"
    );
    const found = errors(checkTable(grid).findings);
    expect(found.map(where)).toEqual(["sum.root-cause@一般公共预算支出表!E10"]);
    expect(found[0]).toMatchObject({ expected: "860.17", actual: "960.17" });
  });

  it("takes a published rounding difference in its stride", async () => {
    // tunliu 支出总表 20132 合计 1813.51 is 0.01 short of its 项 (a published 舍入差异); blanking it
    // still gives one finding. Its 类, its only parent, says 1813.51 most directly: the figure that
    // was published.
    const grids = await plantCells("tunliu-2024", { "支出总表!C8": ["", 1813.51] });
    const found = newErrors(grids);
    expect(found.map(where)).toEqual(["sum.root-cause@支出总表!C8"]);
    expect(found[0].expected).toBe("1813.51");
  });

  it("leaves a lone failing sum where it is: a missing 项 is reported at its 款", async () => {
    // 2013250 事业运行 37.47 blanked in the whole row: 20132 no longer adds up, nothing else breaks
    // (the row's own 合计 is blank as well), so the 款 is where the clerk has to look.
    const grids = await plantCells("quyang-2024", {
      "支出总表!D11": ["", 37.47],
      "支出总表!E11": ["", 37.47],
    });
    const found = newErrors(grids).filter((f) => f.sheet === "支出总表");
    expect(found.map(where).sort()).toEqual([
      "sum.children@支出总表!D8",
      "sum.children@支出总表!E8",
    ]);
  });

  it("adds no error to the clean fixtures", async () => {
    for (const name of ["quyang-2024", "tunliu-2024"])
      expect(newErrors(await loadFixture(name)).map(where)).toEqual([]);
  });
});
