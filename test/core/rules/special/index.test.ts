import { SPECIAL_TABLE_RULES } from "../../../../src/core/rules/special";
import { HAN, contextOf, quyang, snapshot, tunliuWithGoals } from "../goals/context";
import { COLUMNS_FORM, COMPARISON_FORM } from "./sangongGrids";

describe("SPECIAL_TABLE_RULES", () => {
  it("has unique, dotted ids and a Chinese title for every rule", () => {
    const ids = SPECIAL_TABLE_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of SPECIAL_TABLE_RULES) {
      expect(rule.id).toMatch(/^(sangong|procurement|assets)\.[a-z-]+$/);
      expect(rule.title).toMatch(HAN);
      expect(rule.scope).toBe("workbook");
    }
  });

  it("gives no error on quyang's and tunliu's 三公, 政府采购 and 固定资产 tables", async () => {
    for (const grids of [await quyang(), await tunliuWithGoals()]) {
      const context = contextOf(grids);
      expect(SPECIAL_TABLE_RULES.flatMap((rule) => rule.run(context))).toEqual([]);
    }
  });

  it("never changes the model it reads", async () => {
    for (const grids of [await quyang(), [COMPARISON_FORM, COLUMNS_FORM]]) {
      const context = contextOf(grids);
      const before = snapshot(context.model);
      for (const rule of SPECIAL_TABLE_RULES) rule.run(context);
      expect(snapshot(context.model)).toBe(before);
    }
  });
});
