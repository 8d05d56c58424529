import { TABLE_RULES } from "../../../src/core/rules";
import { checkTable } from "../../../src/core/check/table";
import { parseTable } from "../../../src/core/read/table";
import { Catalog } from "../../../src/core/codes";
import { loadFixture } from "../../helpers/fixtures";

const HAN = /[\u4e00-\u9fff]/;

describe("the rule registry", () => {
  it("has unique ids", () => {
    const ids = TABLE_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives every rule a Chinese title, a severity and a scope", () => {
    for (const rule of TABLE_RULES) {
      expect(rule.title).toMatch(HAN);
      expect(["error", "warning", "info"]).toContain(rule.severity);
      expect(["table", "workbook"]).toContain(rule.scope);
      expect(typeof rule.run).toBe("function");
    }
  });

  it("has every rule produce findings with its own id, a Chinese message and no worse severity than declared", async () => {
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const seen = new Set<string>();
    const grids = [...(await loadFixture("quyang-2024")), ...(await loadFixture("tunliu-2024"))];
    // Planted problems so that every rule has something to say.
    grids.push({
      sheet: "问题表",
      origin: { row: 1, col: 1 },
      values: [
        ["部门预算支出总表"],
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出", "列1"],
        ["", "合计", 10, 1, "9", ""],
        ["201", "一般公共服务支出", 12, -1, 13.005, 1],
        ["20132", "组织事务费", 5, "x", "", ""],
        ["2013298", "自编科目", 1, 1, "", ""],
        ["20A", "坏编码", "", "", "", ""],
      ],
    });
    // A blank 款 row under a 类 that still equals its 项: one root cause.
    grids.push({
      sheet: "漏填表",
      origin: { row: 1, col: 1 },
      values: [
        ["部门预算支出总表"],
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["", "合计", 10, 10, ""],
        ["201", "一般公共服务支出", 10, 10, ""],
        ["20132", "组织事务", "", "", ""],
        ["2013201", "行政运行", 10, 10, ""],
      ],
    });
    // An 增减 that is not 本年 − 上年.
    grids.push({
      sheet: "增减表",
      origin: { row: 1, col: 1 },
      values: [
        ["部门预算支出总表"],
        ["科目编码", "科目名称", "上年预算数", "本年预算数", "增减额"],
        ["", "合计", 8, 10, 3],
      ],
    });
    // What a host reports beyond the values: a formula without its result, a date, a hidden row.
    grids.push({
      sheet: "存疑表",
      origin: { row: 1, col: 1 },
      values: [
        ["部门预算支出总表"],
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["", "合计", "", 10, "2024-01-05"],
        ["201", "一般公共服务支出", 10, 10, ""],
      ],
      hiddenRows: [4],
      cellNotes: [
        { row: 3, col: 3, kind: "formulaWithoutValue", text: "=D3+E3" },
        { row: 3, col: 5, kind: "date", text: "2024-01-05" },
      ],
    });
    for (const grid of grids) {
      const parsed = parseTable(grid);
      if (!parsed.ok) continue;
      for (const rule of TABLE_RULES) {
        for (const finding of rule.run({ table: parsed.table, catalog: Catalog.standard() })) {
          seen.add(rule.id);
          expect(finding.ruleId).toBe(rule.id);
          expect(finding.message).toMatch(HAN);
          expect(rank[finding.severity]).toBeGreaterThanOrEqual(rank[rule.severity]);
        }
      }
    }
    expect([...seen].sort()).toEqual(TABLE_RULES.map((r) => r.id).sort());
  });

  it("has no rule change the table it reads", async () => {
    for (const grid of await loadFixture("tunliu-2024")) {
      const before = JSON.stringify(grid.values);
      const parsed = parseTable(grid);
      if (!parsed.ok) continue;
      const snapshot = JSON.stringify(parsed.table, (_, v) =>
        typeof v === "object" && v?.constructor?.name === "Decimal" ? v.toString() : v
      );
      for (const rule of TABLE_RULES)
        rule.run({ table: parsed.table, catalog: Catalog.standard() });
      expect(
        JSON.stringify(parsed.table, (_, v) =>
          typeof v === "object" && v?.constructor?.name === "Decimal" ? v.toString() : v
        )
      ).toBe(snapshot);
      checkTable(grid);
      expect(JSON.stringify(grid.values)).toBe(before);
    }
  });
});
