import {
  rollupByCodePrefix,
  rollupRangesAsNumbers,
  sumUnderCodePrefixes,
} from "../../src/core/rollup";
import type { RollupRow } from "../../src/core/rollup";
import { Money, parseAmount } from "../../src/core/money";
import { loadFixtureSheet } from "../helpers/fixtures";

const amounts = (rows: RollupRow[]) =>
  Object.fromEntries(rows.map((r) => [r.code || "合计", r.amounts.map(String)]));

describe("rollupByCodePrefix", () => {
  it("produces 合计, then each 类 followed by its 款 and 项, in code order", () => {
    const { rows, problems } = rollupByCodePrefix([
      { code: "2080505", amounts: [26.96] },
      { code: "2013202", amounts: [428.6] },
      { code: "2013201", amounts: [198.87] },
      { code: "2080501", amounts: [15.15] },
    ]);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.code)).toEqual([
      "",
      "201",
      "20132",
      "2013201",
      "2013202",
      "208",
      "20805",
      "2080501",
      "2080505",
    ]);
    expect(rows.map((r) => r.level)).toEqual([0, 1, 2, 3, 3, 1, 2, 3, 3]);
    expect(amounts(rows)).toMatchObject({
      合计: ["669.58"],
      "201": ["627.47"],
      "20805": ["42.11"],
    });
  });

  it("adds exactly: 0.1 + 0.2 is 0.3", () => {
    const { rows } = rollupByCodePrefix([
      { code: "2013201", amounts: [0.1] },
      { code: "2013201", amounts: [0.2] },
    ]);
    expect(rows[0].amounts[0]!.toString()).toBe("0.3");
    expect(rows.find((r) => r.code === "2013201")!.amounts[0]!.toString()).toBe("0.3");
  });

  it("recomputes a subtotal row instead of adding it twice", () => {
    const { rows } = rollupByCodePrefix([
      { code: "201", amounts: [999] }, // a stale subtotal the source already had
      { code: "20132", amounts: [999] },
      { code: "2013201", amounts: [1] },
      { code: "2013202", amounts: [2] },
    ]);
    expect(amounts(rows)).toEqual({
      合计: ["3"],
      "201": ["3"],
      "20132": ["3"],
      "2013201": ["1"],
      "2013202": ["2"],
    });
  });

  it("keeps an amount on a 款 that has no 项 below it", () => {
    const { rows } = rollupByCodePrefix([
      { code: "20132", amounts: [5] },
      { code: "2080501", amounts: [1] },
    ]);
    expect(amounts(rows)).toEqual({
      合计: ["6"],
      "201": ["5"],
      "20132": ["5"],
      "208": ["1"],
      "20805": ["1"],
      "2080501": ["1"],
    });
  });

  it("cuts the output at the requested depth but keeps the totals", () => {
    const lines = [
      { code: "2013201", amounts: [1] },
      { code: "2080501", amounts: [2] },
    ];
    expect(rollupByCodePrefix(lines, { depth: 1 }).rows.map((r) => r.code)).toEqual([
      "",
      "201",
      "208",
    ]);
    expect(rollupByCodePrefix(lines, { depth: 2 }).rows.map((r) => r.code)).toEqual([
      "",
      "201",
      "20132",
      "208",
      "20805",
    ]);
  });

  it("takes names from the input first and from the catalog otherwise", () => {
    const { rows } = rollupByCodePrefix([
      { code: "2013201", amounts: [1], name: "本单位行政运行" },
    ]);
    expect(rows.map((r) => r.name)).toEqual([
      "合计",
      "一般公共服务支出",
      "组织事务",
      "本单位行政运行",
    ]);
  });

  it("reads codes given as numbers and amounts given as text", () => {
    const { rows, problems } = rollupByCodePrefix([
      { code: 2013201, amounts: ["1,234.50"] },
      { code: " 2013202 ", amounts: ["107．57"] },
    ]);
    expect(problems).toEqual([]);
    expect(rows[0].amounts[0]!.toString()).toBe("1342.07");
  });

  it("falls back to exact decimals when amounts have more than two places", () => {
    const { rows } = rollupByCodePrefix([
      { code: "30101", amounts: [12.9636] },
      { code: "30102", amounts: [0.0001] },
    ]);
    expect(rows[0].amounts[0]!.toString()).toBe("12.9637");
  });

  it("stays exact beyond the range of integer fen in a double", () => {
    const { rows } = rollupByCodePrefix([
      { code: "30101", amounts: ["90071992547409.91"] },
      { code: "30102", amounts: ["0.01"] },
    ]);
    expect(rows[0].amounts[0]!.toString()).toBe("90071992547409.92");
  });

  it("reports malformed codes, text amounts and mixed systems as problems", () => {
    const { problems } = rollupByCodePrefix([
      { code: "20A3", amounts: [1] },
      { code: "2013201", amounts: ["abc"] },
      { code: "30101", amounts: [1] },
      { code: "2013", amounts: [1] },
    ]);
    expect(problems).toEqual([
      { index: 0, reason: "badCode", value: "20A3" },
      { index: 2, reason: "mixedSystems", value: "30101" },
      { index: 3, reason: "badCode", value: "2013" },
      { index: 1, column: 0, reason: "badAmount", value: "abc", code: "2013201" },
    ]);
  });

  it("ignores blank lines", () => {
    const { rows, problems } = rollupByCodePrefix([
      { code: "", amounts: [""] },
      { code: null, amounts: [5] },
      { code: "2013201", amounts: [1] },
    ]);
    expect(problems).toEqual([]);
    expect(rows[0].amounts[0]!.toString()).toBe("1");
  });

  it("reproduces every published 类 and 款 subtotal of quyang's 收入总表 from its 项 rows", async () => {
    const grid = await loadFixtureSheet("quyang-2024", "收入总表");
    // Data rows 7–33; column B holds the code, D–M the amounts.
    const published = grid.values
      .slice(6, 33)
      .map((row) => ({ code: String(row[1]), amounts: row.slice(3, 13) }));
    const leaves = published.filter((line) => line.code.length === 7);
    const { rows, problems } = rollupByCodePrefix(leaves, { columns: 10 });
    expect(problems).toEqual([]);
    for (const line of published) {
      const computed = rows.find((r) => r.code === line.code);
      expect(computed).toBeDefined();
      line.amounts.forEach((cell, c) => {
        const parsed = parseAmount(cell);
        const expected = parsed.kind === "amount" ? parsed.value.toString() : "0";
        expect(`${line.code}:${c}:${String(computed!.amounts[c] ?? 0)}`).toBe(
          `${line.code}:${c}:${expected}`
        );
      });
    }
    // The published 合计 row (row 6) too.
    const totalRow = grid.values[5].slice(3, 13).map((cell) => {
      const parsed = parseAmount(cell);
      return parsed.kind === "amount" ? parsed.value.toString() : "0";
    });
    expect(rows[0].amounts.map((a) => String(a ?? 0))).toEqual(totalRow);
  });
});

describe("rollupRangesAsNumbers", () => {
  /** A small seeded generator, so a failure can be replayed. */
  function random(seed: number) {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
  }

  it("gives the doubles of rollupByCodePrefix's exact sums on messy ranges", () => {
    const next = random(20241121);
    const codes = [
      "2013201",
      "2013202",
      "2080505",
      "2101101",
      "20132",
      "201",
      " 2130152 ",
      2210201,
    ];
    const cells = [
      0.1,
      0.2,
      12.34,
      "1,234.50",
      "107．57",
      "",
      null,
      "—",
      0.1 + 0.2,
      99999.99,
      "(3.20)",
      -5,
    ];
    for (let round = 0; round < 50; round++) {
      const lines = Array.from({ length: 40 }, () => ({
        code: codes[Math.floor(next() * codes.length)],
        amounts: [0, 1].map(() => cells[Math.floor(next() * cells.length)]),
      }));
      const exact = rollupByCodePrefix(lines, { columns: 2 });
      const numbers = rollupRangesAsNumbers(
        lines.map((l) => [l.code]),
        lines.map((l) => l.amounts),
        undefined,
        { columns: 2 }
      );
      expect(numbers.problems).toEqual(exact.problems);
      expect(numbers.rows).toEqual(
        exact.rows.map((r) => ({
          ...r,
          amounts: r.amounts.map((a) => (a === null ? null : Number(a.toString()))),
        }))
      );
    }
  });
});

describe("selections of published tables", () => {
  const lines = (rows: [unknown, ...unknown[]][]) =>
    rows.map(([code, ...amounts]) => ({ code, amounts }));

  it("skips titles, headers, 栏次, 序号 and department lines, and keeps mistyped codes as problems", () => {
    const { rows, problems } = rollupByCodePrefix(
      lines([
        ["2024年预算支出总表", ""],
        ["部门名称：中共长治市屯留区委组织部", ""],
        ["科目    编码", "合计"],
        [1, "3"],
        ["栏次", "1"],
        ["类", ""],
        ["2013201", 5],
        ["2013201行政运行", 1],
        ["201320", 1],
      ])
    );
    expect(rows[0].amounts.map(String)).toEqual(["5"]);
    expect(problems).toEqual([
      { index: 7, reason: "badCode", value: "2013201行政运行" },
      { index: 8, reason: "badCode", value: "201320" },
    ]);
  });

  it("keeps a column blank when no line has a figure in it, and 0 when one has a 0", () => {
    const { rows } = rollupByCodePrefix(
      lines([
        ["2013201", 1, "", "—"],
        ["2013202", 2, 0, null],
      ])
    );
    expect(rows.map((r) => r.amounts.map((a) => (a === null ? null : a.toString())))).toEqual([
      ["3", "0", null],
      ["3", "0", null],
      ["3", "0", null],
      ["1", null, null],
      ["2", "0", null],
    ]);
  });

  it("reports a printed 类 or 款 whose figures differ from the lines below it, blank counting as 0", () => {
    const { rows, disagreements } = rollupByCodePrefix(
      lines([
        ["201", 3, 7],
        ["20132", 3, ""],
        ["2013201", 1, 4],
        ["2013202", 2, 3],
        ["208", "", ""], // a heading with no figures: nothing to compare
        ["2080505", 5, ""],
      ])
    );
    expect(rows.find((r) => r.code === "20132")!.amounts.map(String)).toEqual(["3", "7"]);
    expect(disagreements).toEqual([
      {
        kind: "subtotal",
        code: "20132",
        index: 1,
        differences: [{ column: 1, published: null, computed: new Money(7), rounding: false }],
      },
    ]);
  });

  it("compares 合计 rows with the grand total, and tells a row of amounts without a code", () => {
    const { disagreements } = rollupByCodePrefix(
      lines([
        ["合  计", 10.01],
        ["", 10],
        ["2013201", 4],
        ["2013202", 6],
        [null, 2],
        ["总计", "合计"], // a header word where a figure should be: not a row of figures
      ])
    );
    expect(disagreements).toEqual([
      {
        kind: "total",
        code: "",
        index: 0,
        differences: [
          { column: 0, published: new Money(10.01), computed: new Money(10), rounding: true },
        ],
      },
      {
        kind: "uncoded",
        code: "",
        index: 4,
        differences: [
          { column: 0, published: new Money(2), computed: new Money(10), rounding: false },
        ],
      },
    ]);
  });

  it("finds the 合计 row by the names column too, and passes over a 栏次 row there", () => {
    const result = rollupRangesAsNumbers(
      [[""], [""], ["2013201"], [""]],
      [[1], [9], [4], [3]],
      [["栏次"], ["合计"], ["行政运行"], ["其他"]]
    );
    expect(result.disagreements.map((d) => [d.kind, d.index])).toEqual([
      ["total", 1],
      ["uncoded", 3],
    ]);
  });
});

describe("sumUnderCodePrefixes", () => {
  const codes = [["201"], ["20132"], ["2013201"], ["2013202"], ["20133"], ["2080505"], ["类"]];
  const amounts = [[99], [99], [0.1], [0.2], [5], [7], ["合计"]];

  it("adds the lowest lines under any of the prefixes, each once, exactly", () => {
    expect(sumUnderCodePrefixes(codes, amounts, ["20132"])).toEqual({
      sums: [0.3],
      lines: 2,
      problems: [],
    });
    expect(sumUnderCodePrefixes(codes, amounts, ["201", "20132"]).sums).toEqual([5.3]);
    expect(sumUnderCodePrefixes(codes, amounts, ["2"]).sums).toEqual([12.3]);
    expect(sumUnderCodePrefixes(codes, amounts, ["202"])).toEqual({
      sums: [0],
      lines: 0,
      problems: [],
    });
  });

  it("stays exact where figures have more than two decimals", () => {
    expect(
      sumUnderCodePrefixes([["30101"], ["30102"]], [[12.9636], ["0.0001"]], ["301"]).sums
    ).toEqual([12.9637]);
  });

  it("keeps only the problems of lines that could fall under the prefixes", () => {
    const result = (prefix: string) =>
      sumUnderCodePrefixes([["2013201"], ["2080505"], ["2083"]], [[1], ["x"], [1]], [prefix]);
    expect(result("201").problems).toEqual([]);
    expect(result("208").problems).toEqual([
      { index: 2, reason: "badCode", value: "2083" },
      { index: 1, column: 0, reason: "badAmount", value: "x", code: "2080505" },
    ]);
  });
});
