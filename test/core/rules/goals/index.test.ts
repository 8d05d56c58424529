import { GOAL_RULES } from "../../../../src/core/rules/goals";
import {
  brief,
  contextOf,
  expectWellFormed,
  HAN,
  quyang,
  snapshot,
  tunliuWithGoals,
} from "./context";

describe("GOAL_RULES", () => {
  it("has unique, dotted ids and a Chinese title, severity and workbook scope for every rule", () => {
    const ids = GOAL_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of GOAL_RULES) {
      expect(rule.id).toMatch(/^goals\.[a-z-]+$/);
      expect(rule.title).toMatch(HAN);
      expect(["error", "warning", "info"]).toContain(rule.severity);
      expect(rule.scope).toBe("workbook");
    }
  });

  it("gives exactly the published defects and quality warnings on quyang-2024", async () => {
    const context = contextOf(await quyang());
    const findings = GOAL_RULES.flatMap((rule) => {
      const found = rule.run(context);
      expectWellFormed(rule, found);
      return found;
    });
    expect(findings.map(brief).sort()).toEqual(
      [
        "goals.budget-text 绩效目标!B8 error", // QY-02
        "goals.unit-cost 绩效目标!C232 error", // QY-03
        "goals.unit-cost 绩效目标!C265 info rounding", // QY-04
        "goals.indicator-duplicate 绩效目标!C243 warning", // form 15 repeats a row
      ].sort()
    );
  });

  it("gives TL-23, TL-24 and TL-25 on the Shanxi forms, with their quality warnings", async () => {
    const context = contextOf(await tunliuWithGoals());
    const findings = GOAL_RULES.flatMap((rule) => {
      const found = rule.run(context);
      expectWellFormed(rule, found);
      return found;
    });
    const errors = findings.filter((f) => f.severity === "error").map(brief);
    expect(errors).toEqual([
      "goals.one-year-period 项目绩效目标!C96 error", // TL-23
      "goals.one-year-period 项目绩效目标!C126 error", // TL-24
      "goals.unit-cost 项目绩效目标!F36 error", // TL-25
    ]);
    expect(
      findings
        .filter((f) => f.severity !== "error")
        .map((f) => f.ruleId)
        .sort()
    ).toEqual([
      ...Array(3).fill("goals.indicator-coverage"),
      ...Array(4).fill("goals.indicator-value"),
    ]);
  });

  it("never changes the model it reads", async () => {
    for (const grids of [await quyang(), await tunliuWithGoals()]) {
      const context = contextOf(grids);
      const before = snapshot(context.model);
      const values = JSON.stringify(grids.map((g) => g.values));
      for (const rule of GOAL_RULES) rule.run(context);
      for (const rule of GOAL_RULES) rule.run(context);
      expect(snapshot(context.model)).toBe(before);
      expect(JSON.stringify(grids.map((g) => g.values))).toBe(values);
    }
  });
});
