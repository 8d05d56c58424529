import { checkWorkbook } from "../../../src/core/check/workbook";
import type { Finding } from "../../../src/core/finding";
import { foldCascades } from "../../../src/core/rules/cascades";
import type { Grid } from "../../../src/core/grid";
import { loadFacts, plantCells, refs } from "../../helpers/fixtures";

const where = (f: Finding) => `${f.ruleId}@${f.sheet}!${f.cell}`;
const published = new Set(
  ["quyang-2024", "tunliu-2024"].flatMap((name) =>
    loadFacts(name)
      .source_defects.filter((d) => d.severity === "exact" && d.sheet && d.cell)
      .map((d) => `${d.sheet}!${d.cell}`)
  )
);
const newErrors = (grids: Grid[]) =>
  checkWorkbook(grids).findings.filter(
    (f) => f.severity === "error" && !published.has(`${f.sheet}!${f.cell}`)
  );

describe("two tables that disagree: one finding naming both cells, blamed where it can be told", () => {
  it("blames the one of three tables that disagrees with the other two", async () => {
    // 收支总表 一、一般公共服务支出 717.94 → 719.94; 支出总表 and 收入总表 still say 717.94.
    const grids = await plantCells("quyang-2024", { "收支总表!E6": [719.94, 717.94] });
    const found = newErrors(grids);
    expect(found.map(where)).toEqual(["cross.class-expenditure@收支总表!E6"]);
    expect(found[0]).toMatchObject({ expected: "717.94", actual: "719.94" });
    expect(found[0].message).toContain("支出总表、收入总表均为 717.94");
    // The table's own 本年支出合计, broken by the same 2.00, is folded in and named.
    expect(found[0].related).toEqual(refs("收支总表", "支出总表!D7", "收入总表!D7", "E37"));
    expect(found[0].message).toContain("E37");
  });

  it("blames the side whose own table says it is wrong when only two tables publish the figure", async () => {
    // tunliu 财政拨款收支总表 本年收入 一、一般公共预算 3661.68 → 3662.68: its 本年收入合计 no longer
    // adds up, while 一般公共预算支出表 (不含上年结转) still totals 3661.68.
    const grids = await plantCells("tunliu-2024", { "财政拨款收支总表!B7": [3662.68, 3661.68] });
    const found = newErrors(grids);
    expect(found.map(where)).toEqual(["cross.fiscal-appropriation@财政拨款收支总表!B7"]);
    expect(found[0]).toMatchObject({ expected: "3661.68", actual: "3662.68" });
    expect(found[0].related).toEqual(refs("财政拨款收支总表", "一般公共预算支出表!C6", "B37"));
  });

  it("anchors at `here` as before when neither table can tell", async () => {
    // Both cells of the 类 row changed together: 财政拨款收支总表 adds up across the row, so the
    // row cannot be blamed on its own; the comparison stays at 一般公共预算支出表 and names both.
    const grids = await plantCells("quyang-2024", {
      "财政拨款收支总表!F11": [41.62, 40.62],
      "财政拨款收支总表!E11": [41.62, 40.62],
    });
    const cross = newErrors(grids).find((f) => f.ruleId === "cross.fiscal-appropriation")!;
    expect(where(cross)).toBe("cross.fiscal-appropriation@一般公共预算支出表!D13");
    expect(cross.related).toEqual(refs("一般公共预算支出表", "财政拨款收支总表!F11"));
  });
});

describe("foldCascades", () => {
  const finding = (cell: string, extra: Partial<Finding>): Finding => ({
    ruleId: "sum.total-row",
    severity: "error",
    sheet: "表",
    cell,
    message: "消息。",
    ...extra,
  });

  it("folds an error that involves a wrong cell and misses by exactly its error", () => {
    const root = finding("C6", { ruleId: "cross.x", expected: "10.00", actual: "12.00" });
    const total = finding("C9", {
      expected: "32.00",
      actual: "30.00",
      related: refs("表", "C6", "C7", "C8"),
    });
    const folded = foldCascades([total, root]);
    expect(folded.map((f) => f.cell)).toEqual(["C6"]);
    expect(folded[0].related).toEqual(refs("表", "C9"));
    expect(folded[0].message).toBe("消息。这一处也使 C9 的核对不符。");
  });

  it("keeps an error that misses by a different amount, and warnings and notes", () => {
    const root = finding("C6", { ruleId: "cross.x", expected: "10.00", actual: "12.00" });
    const other = finding("C9", { expected: "35.00", actual: "30.00", related: refs("表", "C6") });
    const warning = finding("C10", {
      severity: "warning",
      expected: "12.00",
      actual: "10.00",
      related: refs("表", "C6"),
    });
    expect(foldCascades([other, root, warning])).toEqual([other, root, warning]);
  });

  it("leaves two findings that each point at the other's cell alone", () => {
    const a = finding("C6", { expected: "10.00", actual: "12.00", related: refs("表", "C7") });
    const b = finding("C7", { expected: "12.00", actual: "10.00", related: refs("表", "C6") });
    expect(foldCascades([a, b])).toEqual([a, b]);
  });

  it("keeps the root-cause finding when two checks find the same cell wrong", () => {
    const cross = finding("D7", {
      ruleId: "cross.class-expenditure",
      expected: "717.94",
      actual: "719.94",
      related: refs("表", "收支总表!E6"),
    });
    const root = finding("D7", { ruleId: "sum.root-cause", expected: "717.94", actual: "719.94" });
    const folded = foldCascades([cross, root]);
    expect(folded.map((f) => f.ruleId)).toEqual(["sum.root-cause"]);
    expect(folded[0].related).toEqual(refs("表", "收支总表!E6"));
    expect(folded[0].message).toContain("收支总表!E6 也列示了这一数字");
  });
});
