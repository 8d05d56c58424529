/*
 * table.change: in a table that prints last year beside this year, 增减 = 本年 − 上年 and 增减率 =
 * 增减 ÷ 上年 × 100, row by row, with the rounding tolerance of the sums. The figures are an
 * 一般公共预算支出表 (201 › 20132 › 2013201 / 2013202, DOMAIN.md) against a made-up 2023.
 */
import { checkTable } from "../../../src/core/check/table";
import type { CellRange, CellValue, Grid } from "../../../src/core/grid";

function grid(values: CellValue[][], merges?: CellRange[]): Grid {
  const width = Math.max(...values.map((r) => r.length));
  return {
    sheet: "一般公共预算支出表",
    origin: { row: 1, col: 1 },
    values: values.map((r) => [...r, ...Array(width - r.length).fill("")]),
    ...(merges ? { merges } : {}),
  };
}

/** Code, name, 2023, 2024, 增减, 增减率. */
const ROWS: CellValue[][] = [
  ["", "合计", 700, 717.94, 17.94, 2.56],
  ["201", "一般公共服务支出", 700, 717.94, 17.94, 2.56],
  ["20132", "组织事务", 700, 717.94, 17.94, 2.56],
  ["2013201", "行政运行", 200, 198.87, -1.13, -0.57],
  ["2013202", "一般行政管理事务", 500, 519.07, 19.07, 3.81],
];

const simple = (rows = ROWS) =>
  grid([
    ["2024年一般公共预算财政拨款支出表"],
    ["", "", "", "", "", "单位：万元"],
    ["科目编码", "科目名称", "2023年预算数", "2024年预算数", "增减额", "增减率（%）"],
    ...rows,
  ]);

const changeFindings = (g: Grid) =>
  checkTable(g)
    .findings.filter((f) => f.ruleId === "table.change")
    .map((f) => [f.severity, f.cell, f.expected, f.actual]);

describe("table.change", () => {
  it("finds nothing when every 增减 and 增减率 is right", () => {
    expect(changeFindings(simple())).toEqual([]);
  });

  it("finds a wrong 增减额, sign included, and a wrong 增减率 at their cells", () => {
    const rows = ROWS.map((row) => [...row]);
    rows[3][4] = 1.13; // 本年 is less than 上年: −1.13
    rows[4][5] = 3.18;
    expect(changeFindings(simple(rows))).toEqual([
      ["error", "E7", "-1.13", "1.13"],
      ["error", "F8", "3.81", "3.18"],
    ]);
  });

  it("takes a 0.01 gap of the rounded figures for a rounding difference", () => {
    const rows = ROWS.map((row) => [...row]);
    rows[4][4] = 19.08;
    expect(changeFindings(simple(rows))).toEqual([["info", "E8", "19.07", "19.08"]]);
  });

  it("pairs 增减 with the 合计 of 上年 and 本年 column groups, whatever their order", () => {
    const g = grid(
      [
        ["2024年一般公共预算财政拨款支出表"],
        ["科目编码", "科目名称", "上年预算数", "", "本年预算数", "", "增减"],
        ["", "", "合计", "基本支出", "合计", "基本支出", ""],
        ["", "合计", 700, 200, 717.94, 198.87, 17.94],
        ["201", "一般公共服务支出", 700, 200, 717.94, 198.87, 17.49],
      ],
      [
        { top: 2, bottom: 2, left: 3, right: 4 },
        { top: 2, bottom: 2, left: 5, right: 6 },
        { top: 2, bottom: 3, left: 7, right: 7 },
      ]
    );
    expect(changeFindings(g)).toEqual([["error", "G5", "17.94", "17.49"]]);
  });

  it("says a 增减 column it cannot pair was not checked, instead of guessing", () => {
    const g = grid([
      ["2024年一般公共预算财政拨款支出表"],
      ["科目编码", "科目名称", "合计", "基本支出", "项目支出", "比上年增减"],
      ["", "合计", 717.94, 236.34, 481.6, 17.94],
    ]);
    expect(changeFindings(g)).toEqual([["warning", "F2", undefined, "比上年增减"]]);
  });
});
