import type { Grid } from "../../../src/core/grid";
import { itemOf, normalizeItemName, sangongViews } from "../../../src/core/read/sangongTable";
import { contextOf, quyang, tunliuWithGoals } from "../rules/goals/context";
import { COLUMNS_FORM, COMPARISON_FORM, OLDER_FORM } from "../rules/special/sangongGrids";

describe("the “三公” table reader", () => {
  it("identifies items by name, not position", () => {
    expect(normalizeItemName("二、公务用车购置及运维费")).toBe("公务用车购置及运维费");
    expect(normalizeItemName("    其中：公务用车购置费")).toBe("公务用车购置费");
    expect(itemOf("①公务用车购置费")).toBe("purchase");
    expect(itemOf("②公务用车运行维护费")).toBe("operation");
    expect(itemOf("公务用车购置及运行费")).toBe("vehicle");
    expect(itemOf("一、因公出国（境）费用")).toBe("abroad");
    expect(itemOf("“三公”经费小计")).toBe("total");
    expect(itemOf("其他因公出国（境）费")).toBeUndefined();
  });

  it("reads the older names and numbering: 公务用车费, 其中:(1), (2)公务用车购置, 支出合计", () => {
    expect(normalizeItemName("其中:(1)公务用车运行维护费")).toBe("公务用车运行维护费");
    expect(itemOf("3.公务用车费")).toBe("vehicle");
    expect(itemOf("(三)公务用车费")).toBe("vehicle");
    expect(itemOf("(2)公务用车购置")).toBe("purchase");
    expect(itemOf("      1.公务用车购置费")).toBe("purchase");
    expect(itemOf("一、支出合计")).toBe("total");
    expect(itemOf("合 计")).toBe("total");
    // 三公 is a name, not an ordinal 三、.
    expect(itemOf("一、“三公”经费合计")).toBe("total");
    expect(itemOf("三、“三公”经费增减变化原因等说明")).toBeUndefined();
    expect(itemOf("1.因公出国(境)团组数(个)")).toBeUndefined();
    const [view] = sangongViews(contextOf([OLDER_FORM]).model);
    expect(view.lines.map((l) => `${l.item}@${l.cells[0].address}`)).toEqual([
      "total@B4",
      "abroad@B5",
      "reception@B6",
      "vehicle@B7",
      "operation@B8",
      "purchase@B9",
    ]);
  });

  it("reads the Hebei table (合计 and “三公”经费小计 both totals) and the Shanxi table (合计 last)", async () => {
    const [hebei] = sangongViews(contextOf(await quyang()).model);
    expect(hebei.lines.map((l) => `${l.item}@${l.cells[0].address}`)).toEqual([
      "total@C6",
      "total@C7",
      "abroad@C8",
      "vehicle@C10",
      "purchase@C11",
      "operation@C12",
      "reception@C13",
    ]);
    expect(hebei.measures.map((m) => m.caption)).toEqual([
      "合计",
      "一般公共预算财政拨款",
      "政府性基金预算拨款",
      "国有资本经营预算财政拨款",
    ]);
    const [shanxi] = sangongViews(contextOf(await tunliuWithGoals()).model);
    expect(shanxi.lines.map((l) => l.item)).toEqual([
      "abroad",
      "reception",
      "vehicle",
      "purchase",
      "operation",
      "total",
    ]);
  });

  it("reads the comparison form's 上年, 本年, 增减 and 增减率 columns", () => {
    const [view] = sangongViews(contextOf([COMPARISON_FORM]).model);
    expect(view.orientation).toBe("rows");
    expect(view.measures.map((m) => m.period)).toEqual(["prior", "current", "change", "rate"]);
  });

  it("reads a table turned round, with items as columns and 上年/本年/增减 as rows", () => {
    const [view] = sangongViews(contextOf([COLUMNS_FORM]).model);
    expect(view.orientation).toBe("columns");
    expect(view.measures.map((m) => m.period)).toEqual(["current", "prior", "change"]);
    expect(view.lines.map((l) => `${l.item}@${l.cells[0].address}`)).toEqual([
      "total@B5",
      "abroad@C5",
      "vehicle@D5",
      "purchase@E5",
      "operation@F5",
      "reception@G5",
    ]);
  });

  it("works on a grid without merges", () => {
    const bare: Grid = { ...COLUMNS_FORM, merges: undefined };
    expect(sangongViews(contextOf([bare]).model)[0].lines.map((l) => l.item)).toEqual([
      "total",
      "abroad",
      "vehicle",
      "purchase",
      "operation",
      "reception",
    ]);
  });
});
