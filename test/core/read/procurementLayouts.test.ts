/**
 * 政府采购 tables as other provinces lay them out: 采购目录 and 采购品目 columns, 数量 and 单位 apart
 * or in one column, funding-source columns under 资金来源 or standing alone. Columns are mapped by
 * caption; a unit word (台, 件, 项) is text, not a number to warn about.
 */
import type { CellValue, Grid } from "../../../src/core/grid";
import { makeGrid } from "../../../src/core/grid";
import { procurementViews } from "../../../src/core/read/procurementTable";
import { checkWorkbook } from "../../../src/core/check/workbook";
import { readWorkbook } from "../../../src/core/read/workbook";

const procurementFindings = (grids: Grid[]) =>
  checkWorkbook(grids).findings.filter((f) => /^procurement|^amount|^table/.test(f.ruleId));

function separateUnit(rows: CellValue[][] = []): Grid {
  return makeGrid("Sheet1", [
    ["2024年部门政府采购预算表"],
    ["部门名称：某某县教育局", "", "", "", "", "", "", "", "", "单位：万元"],
    [
      "序号",
      "采购项目",
      "采购目录",
      "采购品目",
      "数量",
      "单位",
      "单价",
      "采购预算金额",
      "资金来源",
      "",
    ],
    ["", "", "", "", "", "", "", "", "财政拨款", "其他资金"],
    ["", "合计", "", "", "", "", "", 30.5, 28, 2.5],
    [1, "办公设备购置", "A02010104", "台式计算机", 10, "台", 0.5, 5, 5, ""],
    [2, "教学用具购置", "A05010301", "课桌椅", 200, "套", 0.1, 20, 17.5, 2.5],
    [3, "印刷服务", "C23090199", "印刷服务", 1, "项", 5.5, 5.5, 5.5, ""],
    ...rows,
  ]);
}

describe("政府采购 tables in other layouts", () => {
  it("maps 采购项目, 采购品目, 数量, 单位, 单价, the amount and the 资金来源 columns by caption", () => {
    const [view] = procurementViews(readWorkbook([separateUnit()]));
    const { project, item, catalog, unit, quantity, price, amount, sources } = view.columns;
    expect({ project, item, catalog, unit, quantity, price, amount, sources }).toEqual({
      project: 1,
      item: 3,
      catalog: 2,
      unit: 5,
      quantity: 4,
      price: 6,
      amount: 7,
      sources: [8, 9],
    });
  });

  it("finds nothing wrong in a sound table: 台, 套 and 项 are units, not numbers", () => {
    expect(procurementFindings([separateUnit()])).toEqual([]);
  });

  it("checks 数量 × 单价, the 合计 row and the sources on this layout", () => {
    const grid = separateUnit();
    grid.values[6][7] = 21; // 课桌椅 200 × 0.1 = 20, sources 17.5 + 2.5 = 20
    const findings = procurementFindings([grid]);
    expect(findings.map((f) => `${f.ruleId}@${f.cell}`)).toEqual(
      expect.arrayContaining(["procurement.qty-price@H7", "procurement.sources@H7"])
    );
    // The 合计 row is checked too; the one wrong cell is reported once, at H7, so the 合计 it
    // throws off (H5) is folded into that finding as a related cell, not reported again.
    const atH7 = findings.filter((f) => f.cell === "H7");
    expect(atH7.some((f) => (f.related ?? []).some((r) => r.cell === "H5"))).toBe(true);
    expect(findings.some((f) => f.cell === "H5")).toBe(false);
  });

  it("reads 数量 and 单位 written in one column (10台)", () => {
    const grid = makeGrid("Sheet1", [
      ["政府采购预算表"],
      ["单位：万元"],
      ["采购项目名称", "采购品目", "数量（单位）", "单价", "金额"],
      ["合计", "", "", "", 25],
      ["办公设备购置", "台式计算机", "10台", 0.5, 5],
      ["教学用具购置", "课桌椅", "200套", 0.1, 20],
    ]);
    const [view] = procurementViews(readWorkbook([grid]));
    const quantities = view.rows
      .filter((r) => r.role === "item")
      .map((r) => r.cells.get(view.columns.quantity!)!.value.toString());
    expect(quantities).toEqual(["10", "200"]);
    expect(procurementFindings([grid])).toEqual([]);
    grid.values[5][4] = 21;
    expect(procurementFindings([grid]).map((f) => `${f.ruleId}@${f.cell}`)).toEqual(
      expect.arrayContaining(["procurement.qty-price@E6", "procurement.total@E4"])
    );
  });
});
