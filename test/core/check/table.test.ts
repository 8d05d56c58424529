import { checkTable } from "../../../src/core/check/table";
import { loadFacts, loadFixture, loadFixtureSheet, cloneGrid, refs } from "../../helpers/fixtures";
import { parseA1 } from "../../../src/core/grid";

/** The table-arithmetic defect types a single-table check can see. */
const SINGLE_TABLE_TYPES = new Set(["parent_vs_children", "row_total_vs_parts", "column_total"]);

describe("checkTable on the published fixtures", () => {
  it("finds no error in any table of quyang-2024", async () => {
    for (const grid of await loadFixture("quyang-2024")) {
      const errors = checkTable(grid).findings.filter((f) => f.severity === "error");
      expect({ sheet: grid.sheet, errors }).toEqual({ sheet: grid.sheet, errors: [] });
    }
  });

  it("reports every 0.01 gap of tunliu-2024 as an info 舍入差异 at its cell, and nothing else", async () => {
    const facts = loadFacts("tunliu-2024").source_defects.filter((d) =>
      SINGLE_TABLE_TYPES.has(d.type)
    );
    expect(facts.length).toBe(16);
    const found = [];
    for (const grid of await loadFixture("tunliu-2024")) {
      const findings = checkTable(grid).findings;
      expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
      found.push(
        ...findings.map((f) => ({
          sheet: grid.sheet,
          cell: f.cell,
          severity: f.severity,
          expected: f.expected,
          actual: f.actual,
        }))
      );
    }
    const expected = facts.map((d) => ({
      sheet: d.sheet,
      cell: d.cell,
      severity: "info",
      expected: d.expected.toFixed(2),
      actual: d.actual.toFixed(2),
    }));
    const key = (f: { sheet: string | null; cell?: string | null }) => `${f.sheet}!${f.cell}`;
    expect(found.map(key).sort()).toEqual(expected.map(key).sort());
    for (const fact of expected) expect(found).toContainEqual(fact);
  });

  it("says 舍入差异 in the message of a rounding difference", async () => {
    const grid = await loadFixtureSheet("tunliu-2024", "支出总表");
    const finding = checkTable(grid).findings.find((f) => f.cell === "C8")!;
    expect(finding.ruleId).toBe("sum.children");
    expect(finding.message).toContain("舍入差异");
    expect(finding.message).toContain("20132 组织事务");
  });

  it("reports an error at the right cell when one 项 is changed", async () => {
    const grid = cloneGrid(await loadFixtureSheet("quyang-2024", "支出总表"));
    // 2013202 一般行政管理事务, 项目支出 (F10): 428.60 → 428.70
    const { row, col } = parseA1("F10")!;
    expect(grid.values[row - 1][col - 1]).toBe(428.6);
    grid.values[row - 1][col - 1] = 428.7;
    const errors = checkTable(grid).findings.filter((f) => f.severity === "error");
    // The 款 20132 no longer adds up in 项目支出, and row 2013202's 合计 no longer equals its parts:
    // both say F10 should be 428.60, so the one finding is at F10.
    expect(errors.map((f) => `${f.ruleId}@${f.cell}`)).toEqual(["sum.root-cause@F10"]);
    expect(errors[0]).toMatchObject({ sheet: "支出总表", expected: "428.60", actual: "428.70" });
    expect(errors[0].related).toEqual(refs("支出总表", "F8", "D10"));
    expect(errors[0].message).toContain("上级“20132 组织事务”");
  });

  it("reports a 类 that misses its 款 by more than the tolerance as an error", async () => {
    const grid = cloneGrid(await loadFixtureSheet("tunliu-2024", "一般公共预算支出表"));
    grid.values[6][2] = 1098.13; // 201 合计 (C7): 1098.11 → 1098.13, two cents off
    const findings = checkTable(grid).findings.filter((f) => f.cell === "C7");
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ["sum.children", "error"],
      ["sum.row-parts", "error"],
    ]);
  });

  it("reads a table that does not start at A1 and has blank rows and columns around it", async () => {
    const source = await loadFixtureSheet("quyang-2024", "基本支出表");
    const shifted = {
      sheet: "Sheet1",
      origin: { row: 1, col: 1 },
      values: [[], ["", "", "说明文字"], [], ...source.values.map((row) => ["", "", ...row])],
    };
    const result = checkTable(shifted);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.table!.kind!.kind).toBe("基本支出表");
    // Plant an error and see it at the shifted address: 30101 基本工资 (D8 in the source → F11).
    shifted.values[3 + 7][5] = 108.09;
    const errors = checkTable(shifted).findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => f.cell)).toEqual(["F11"]);
  });

  it("reads values-only grids, as a custom function sees them, without merge information", async () => {
    for (const name of ["quyang-2024", "tunliu-2024"]) {
      for (const grid of await loadFixture(name)) {
        const withMerges = checkTable(grid).findings.map((f) => `${f.ruleId}@${f.cell}`);
        const valuesOnly = checkTable({
          sheet: grid.sheet,
          origin: grid.origin,
          values: grid.values,
        }).findings.map((f) => `${f.ruleId}@${f.cell}`);
        expect({ sheet: grid.sheet, valuesOnly }).toEqual({
          sheet: grid.sheet,
          valuesOnly: withMerges,
        });
      }
    }
  });
});

describe("checkTable on bad input", () => {
  const table = (rows: (string | number)[][]) => ({
    sheet: "测试",
    origin: { row: 1, col: 1 },
    values: [
      ["部门预算支出总表"],
      ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
      ...rows,
    ],
  });

  it("reports numbers stored as text, and still reads them", () => {
    const findings = checkTable(
      table([
        ["", "合计", "107．57", 7.57, 100],
        ["201", "一般公共服务支出", 107.57, 7.57, "'100"],
        ["2013201", "行政运行", "1,07.57", 7.57, "100"],
      ])
    ).findings;
    expect(findings.filter((f) => f.ruleId === "amount.as-text").map((f) => f.cell)).toEqual([
      "C3",
      "E4",
      "E5",
    ]);
    // "1,07.57" is not a number: an error, and the sums that involve it are not judged on a guess.
    expect(
      findings.filter((f) => f.severity === "error").map((f) => `${f.ruleId}@${f.cell}`)
    ).toEqual(["amount.not-a-number@C5"]);
  });

  it("counts words without digits (单位不需填列) as no amount, so the sums around them are still checked", () => {
    const rows = (total: number) =>
      table([
        ["201", "一般公共服务支出", total, 7.57, "单位不需填列"],
        ["2013201", "行政运行", 7.57, 7.57, "单位不需填列"],
      ]);
    const sumErrors = (total: number) =>
      checkTable(rows(total))
        .findings.filter((f) => f.severity === "error" && f.ruleId.startsWith("sum."))
        .map((f) => `${f.ruleId}@${f.cell}`);
    expect(sumErrors(7.57)).toEqual([]);
    // Two sums break, both at C3 and both saying 7.57: one wrong cell, one finding.
    expect(sumErrors(8.57)).toEqual(["sum.root-cause@C3"]);
  });

  it("reports text that is not a number as an error at its cell", () => {
    const findings = checkTable(table([["201", "一般公共服务支出", "abc", "", ""]])).findings;
    expect(findings).toContainEqual(
      expect.objectContaining({ ruleId: "amount.not-a-number", severity: "error", cell: "C3" })
    );
  });

  it("reports each unreadable figure of an amount column at its cell, however many there are", () => {
    const errors = (rows: (string | number)[][]) =>
      checkTable(table(rows))
        .findings.filter((f) => f.severity === "error")
        .map((f) => `${f.ruleId}@${f.cell}`);
    // One unreadable cell among numbers, most of a column, all of it, every amount column: the
    // same not-a-number error at each cell, never a silently dropped column or an unread table.
    expect(
      errors([
        ["201", "一般公共服务支出", "1.234,56", 7.57, 100],
        ["2013201", "行政运行", 107.57, 7.57, 100],
      ])
    ).toEqual(["amount.not-a-number@C3"]);
    expect(
      errors([
        ["201", "一般公共服务支出", "1.234,56", 22.71, 300],
        ["2013201", "行政运行", "约12", 7.57, 100],
        ["2013202", "一般行政管理事务", "¥12", 7.57, 100],
        ["2013299", "其他组织事务支出", 107.57, 7.57, 100],
      ])
    ).toEqual(["amount.not-a-number@C3", "amount.not-a-number@C4", "amount.not-a-number@C5"]);
    expect(
      errors([
        ["201", "一般公共服务支出", "1.234,56", "约7", "￥100"],
        ["2013201", "行政运行", "约12", "7元整", "100.000,00"],
      ])
    ).toEqual([
      "amount.not-a-number@C3",
      "amount.not-a-number@D3",
      "amount.not-a-number@E3",
      "amount.not-a-number@C4",
      "amount.not-a-number@D4",
      "amount.not-a-number@E4",
    ]);
  });

  describe("words with no digits in an amount cell, by what the clerk meant", () => {
    const findings = (rows: (string | number)[][]) =>
      checkTable(table(rows)).findings.map((f) => ({
        at: `${f.ruleId}@${f.sheet}!${f.cell} ${f.severity}`,
        message: f.message,
      }));

    it("takes 待定 and 另行下达 for an amount not known yet: an error at each cell, never a 0 that is summed", () => {
      // A 项目支出 column still waiting for its figures. The old reader dropped the column as words
      // (no finding at its cells) and checked 合计 = 基本支出 alone: 20 against 7, three false errors.
      const found = findings([
        ["", "合计", 20, 7, "待定"],
        ["201", "一般公共服务支出", 20, 7, "待定"],
        ["2013201", "行政运行", 20, 7, "另行下达"],
      ]);
      expect(found.map((f) => f.at)).toEqual([
        "amount.not-a-number@测试!E3 error",
        "amount.not-a-number@测试!E4 error",
        "amount.not-a-number@测试!E5 error",
      ]);
      expect(found[2].message).toBe(
        "金额单元格中写的是“另行下达”，表示金额尚未确定或不在本表中，不是 0；涉及它的合计暂不核对。公开表中应填写确定的金额；如确实没有这项金额，请填 0 或“—”。"
      );
    });

    it("does not sum a single 待定 as if the cell were blank", () => {
      // 201's 项目支出 is 待定 and its 项 is 5: read as 0 the 类 missed its 项 by 5 (a false sum
      // error) and the message said 已按 0 处理; the sum waits for the figure instead.
      const found = findings([
        ["", "合计", 12, 7, 5],
        ["201", "一般公共服务支出", 12, 7, "待定"],
        ["2013201", "行政运行", 12, 7, 5],
      ]);
      expect(found.map((f) => f.at)).toEqual(["amount.not-a-number@测试!E4 error"]);
      expect(found[0].message).toContain("不是 0；涉及它的合计暂不核对");
      expect(found[0].message).not.toContain("已按 0");
    });

    it("reads a figure in Chinese numerals (约十三, 壹拾叁万元) as a figure it cannot take, not as words", () => {
      const found = findings([
        ["", "合计", 20, 7, "约十三"],
        ["201", "一般公共服务支出", 20, 7, "十三"],
        ["2013201", "行政运行", 20, 7, "壹拾叁万元"],
      ]);
      expect(found.map((f) => f.at)).toEqual([
        "amount.not-a-number@测试!E3 error",
        "amount.not-a-number@测试!E4 error",
        "amount.not-a-number@测试!E5 error",
      ]);
      expect(found[0].message).toBe(
        "金额单元格中的“约十三”是用汉字写的数，读不出确切金额；涉及它的合计暂不核对。请改为阿拉伯数字（如 12.00）。"
      );
    });

    it("counts 暂无 as no amount, says so, and still checks the sums around it", () => {
      const found = findings([
        ["", "合计", 7, 7, "暂无"],
        ["201", "一般公共服务支出", 8, 7, "暂无"],
        ["2013201", "行政运行", 7, 7, "暂无"],
      ]);
      expect(found.filter((f) => f.at.startsWith("sum.")).map((f) => f.at)).not.toEqual([]);
      const e3 = found.find((f) => f.at === "amount.not-a-number@测试!E3 error")!;
      expect(e3.message).toBe(
        "金额单元格中写的是“暂无”，不是数字，已按 0（没有这项金额）计算并核对合计；公开表中没有金额的单元格请填 0 或“—”。"
      );
    });

    it("keeps a column of words holding 待定 (资金来源, 执行期限) as text, without errors", () => {
      const result = checkTable({
        sheet: "测试",
        origin: { row: 1, col: 1 },
        values: [
          ["部门预算项目支出表"],
          ["项目名称", "资金来源", "执行期限", "合计"],
          ["办公楼维修", "财政拨款", "待定", 10],
          ["信息系统运维", "待定", "2024-2025", 5],
          ["档案数字化", "财政拨款", "待定", 3],
        ],
      });
      expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    });
  });

  it("keeps a column of words or periods under an amount-like caption as text, without errors", () => {
    const result = checkTable({
      sheet: "测试",
      origin: { row: 1, col: 1 },
      values: [
        ["部门预算项目支出表"],
        ["项目名称", "资金来源", "执行期限", "合计"],
        ["办公楼维修", "财政拨款", "2024-2026年", 10],
        ["信息系统运维", "单位资金", "2024-2025", 5],
        ["档案数字化", "财政拨款", "2025年", 3],
      ],
    });
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId === "amount.not-a-number")).toEqual([]);
  });

  it("warns about unknown codes, malformed codes and names that differ from the catalog", () => {
    const findings = checkTable(
      table([
        ["201", "一般公共服务支出", 3, 3, ""],
        ["20132", "组织事务", 3, 3, ""],
        ["2013298", "自编科目", 1, 1, ""],
        ["2013201", "行政运行费", 2, 2, ""],
        ["20A3", "写错的编码", "", "", ""],
      ])
    ).findings;
    expect(findings.filter((f) => f.ruleId === "code.unknown").map((f) => f.cell)).toEqual([
      "A5",
      "A7",
    ]);
    const renamed = findings.find((f) => f.ruleId === "code.name-mismatch")!;
    expect(renamed).toMatchObject({
      cell: "B6",
      expected: "行政运行",
      actual: "行政运行费",
      severity: "warning",
    });
  });

  it("warns about negative amounts and more than two decimals", () => {
    const findings = checkTable(
      table([
        ["301", "工资福利支出", -1.5, -1.5, ""],
        ["30101", "基本工资", 1.005, 1.005, ""],
        ["30102", "津贴补贴", -2.505, -2.505, ""],
      ])
    ).findings;
    expect(findings.filter((f) => f.ruleId === "amount.negative").map((f) => f.cell)).toEqual([
      "C3",
      "D3",
      "C5",
      "D5",
    ]);
    expect(findings.filter((f) => f.ruleId === "amount.decimals").map((f) => f.cell)).toEqual([
      "C4",
      "D4",
      "C5",
      "D5",
    ]);
  });

  it("reports a grid without a recognizable header instead of throwing", () => {
    const result = checkTable({
      sheet: "随便",
      origin: { row: 1, col: 1 },
      values: [["你好"], [1, 2, 3]],
    });
    expect(result.findings).toEqual([
      expect.objectContaining({ ruleId: "table.unrecognized", severity: "error" }),
    ]);
  });

  it("survives an empty grid and ragged rows", () => {
    expect(() => checkTable({ sheet: "空", origin: { row: 1, col: 1 }, values: [] })).not.toThrow();
    expect(() => checkTable(table([["201"], [], ["2013201", "行政运行", 1]]))).not.toThrow();
  });
});
