/*
 * core/messages/coverage: the one place the CLI and the pane take 部分检查 and 未检查 from.
 */
import {
  isPartCoverage,
  notCheckedNotes,
  notCheckedShort,
  uncheckedReason,
} from "../../../src/core/messages/coverage";
import type { PartCoverage } from "../../../src/core/messages/coverage";

const FULL: PartCoverage = {
  tables: [{ kind: "收支总表", sheet: "收支总表", cell: "A1" }],
  missing: [],
  extract: false,
  alone: [],
};

describe("coverage messages", () => {
  test("a full disclosure is not partial and has nothing to say", () => {
    expect(isPartCoverage(FULL)).toBe(false);
    expect(notCheckedShort(FULL)).toEqual([]);
    expect(notCheckedNotes(FULL)).toEqual([]);
  });

  test("an extract names what it holds and what it lacks; without a template, that it cannot tell", () => {
    const extract = { ...FULL, extract: true, missing: ["预算收入总表", "支出总表"] };
    expect(isPartCoverage(extract)).toBe(true);
    expect(notCheckedShort(extract)).toEqual(["摘录：只检查了 1 张表，2 张必备公开表未检查"]);
    expect(notCheckedNotes(extract)).toEqual([
      "摘录：只检查了 1 张表（收支总表）；2 张必备公开表不在文件中，未检查：预算收入总表、支出总表。",
    ]);
    expect(notCheckedNotes({ ...extract, missing: [] })).toEqual([
      "摘录：只检查了 1 张表（收支总表）；未识别公开表格式，不知道还缺哪些表。",
    ]);
  });

  test("a second set's tables are named with their place, A1 when they have no title", () => {
    const twoSets = { ...FULL, alone: [{ kind: "收支总表", sheet: "本级" }] };
    expect(isPartCoverage(twoSets)).toBe(true);
    expect(notCheckedNotes(twoSets)).toEqual([
      "1 张表只核对了表内合计，没有与其他表核对（另一单位或另一年度的表？）：收支总表（本级!A1）。",
    ]);
  });

  test("nothing checked: no table, or tables without a figure; forms are something checked", () => {
    expect(uncheckedReason({ tables: [], forms: 0, figures: 0 })).toBe("noTables");
    expect(uncheckedReason({ tables: FULL.tables, forms: 0, figures: 0 })).toBe("noFigures");
    expect(uncheckedReason({ tables: FULL.tables, forms: 0, figures: 1 })).toBeUndefined();
    expect(uncheckedReason({ tables: [], forms: 1, figures: 0 })).toBeUndefined();
  });
});
