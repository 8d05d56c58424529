import type { Grid } from "../../../src/core/grid";
import { procurementViews, subtotalGroups } from "../../../src/core/read/procurementTable";
import { contextOf, quyang } from "../rules/goals/context";

describe("the 政府采购 table reader", () => {
  it("maps quyang's columns by caption and reads 合计, 小计 and item rows", async () => {
    const [view] = procurementViews(contextOf(await quyang()).model);
    const { project, item, quantity, price, amount, sources, reserves } = view.columns;
    expect({ project, item, quantity, price, amount, sources, reserves }).toEqual({
      project: 0,
      item: 2,
      quantity: 5,
      price: 6,
      amount: 7,
      sources: [8, 9, 10, 11, 12, 13],
      reserves: [14],
    });
    expect(view.rows.map((r) => `${r.role}@${r.address}`)).toEqual([
      "total@A5",
      "subtotal@A6",
      ...[7, 8, 9, 10, 11, 12, 13].map((n) => `item@A${n}`),
    ]);
    expect(subtotalGroups(view).map((g) => g.items.length)).toEqual([7]);
  });

  it("assigns items to the 小计 that follows them when subtotals close their groups", () => {
    const grid: Grid = {
      sheet: "政府采购",
      origin: { row: 1, col: 1 },
      values: [
        ["部门政府采购预算表"],
        ["项目名称", "采购物品名称", "数量", "单价", "政府采购金额", "", ""],
        ["", "", "", "", "合计", "一般公共预算拨款", "单位资金"],
        ["甲项目", "复印纸", 2, 1.5, 3, 3, ""],
        ["甲项目小计", "", "", "", 3, 3, ""],
        ["乙项目", "印刷服务", 1, 4, 4, 2, 2],
        ["乙项目小计", "", "", "", 4, 2, 2],
        ["合计", "", "", "", 7, 5, 2],
      ],
    };
    const [view] = procurementViews(contextOf([grid]).model);
    expect(view.columns.sources).toEqual([5, 6]);
    expect(
      subtotalGroups(view).map(
        (g) => `${g.subtotal.label}:${g.items.map((i) => i.address).join(",")}`
      )
    ).toEqual(["甲项目小计:A4", "乙项目小计:A6"]);
  });
});
