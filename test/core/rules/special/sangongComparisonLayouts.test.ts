/**
 * The 三公 table in its comparison form, columns in any order and captioned as published elsewhere
 * (2023年度预算 / 本年预算数, 增减金额, 增减率, 变化原因), on the real quyang workbook: each defect is
 * found at its cell.
 */
import { checkWorkbook } from "../../../../src/core/check/workbook";
import type { Grid } from "../../../../src/core/grid";
import { amountsInYuan, compose, sangongComparison } from "../../../support/layoutVariants";
import { loadFixture } from "../../../helpers/fixtures";

type Order = Parameters<typeof sangongComparison>[0];

async function comparison(order: Order, style: "years" | "words" = "years", yuan = false) {
  const transform = yuan
    ? compose("", sangongComparison(order, style), amountsInYuan("all"))
    : sangongComparison(order, style);
  const grids = transform.apply(await loadFixture("quyang-2024")).grids;
  const sangong = grids.find((g) => g.sheet === "三公经费")!;
  const header = sangong.values[2].map(String);
  const column = (caption: RegExp) => header.findIndex((h) => caption.test(h));
  return { grids, sangong, column };
}

const sangongFindings = (grids: Grid[]) =>
  checkWorkbook(grids)
    .findings.filter((f) => f.sheet === "三公经费")
    .map((f) => `${f.ruleId}@${f.cell} ${f.severity} expected=${f.expected} actual=${f.actual}`);

const letter = (c: number) => String.fromCharCode(65 + c);

describe("三公 in the comparison form", () => {
  it.each([
    [["prior", "current", "change", "rate", "reason"], "years"],
    [["current", "prior", "reason", "change", "rate"], "words"],
    [["reason", "rate", "change", "current", "prior"], "words"],
  ] as [Order, "years" | "words"][])(
    "reads %j (%s) and finds nothing wrong",
    async (order, style) => {
      const { grids } = await comparison(order, style);
      expect(sangongFindings(grids)).toEqual([]);
    }
  );

  it("finds a 增减 with the wrong sign at its cell, whatever the column order", async () => {
    const { grids, sangong, column } = await comparison(
      ["current", "prior", "reason", "change", "rate"],
      "words"
    );
    const change = column(/^增减额$/);
    // Row 10: 公务用车运行维护费, 本年 1.20, 上年 0.96, 增减 +0.24.
    expect(sangong.values[9][change]).toBeCloseTo(0.24, 10);
    sangong.values[9][change] = -0.24;
    expect(sangongFindings(grids)).toEqual(
      expect.arrayContaining([
        `sangong.change@${letter(change)}10 error expected=0.24 actual=-0.24`,
      ])
    );
  });

  it("finds a wrong 增减率 at its cell", async () => {
    const { grids, sangong, column } = await comparison([
      "prior",
      "current",
      "change",
      "rate",
      "reason",
    ]);
    const rate = column(/^增减率/);
    sangong.values[9][rate] = 20;
    expect(sangongFindings(grids)).toEqual([
      `sangong.change@${letter(rate)}10 error expected=25.00 actual=20.00`,
    ]);
  });

  it("checks the 合计 row of the 上年 and 增减 columns too", async () => {
    const { grids, sangong, column } = await comparison([
      "prior",
      "current",
      "change",
      "rate",
      "reason",
    ]);
    const prior = column(/^2023年度预算$/);
    sangong.values[3][prior] = 4.86; // 上年 合计 3.86 → 4.86: no longer the sum of its items
    const found = sangongFindings(grids);
    expect(found).toEqual(
      expect.arrayContaining([`sangong.sum@${letter(prior)}4 error expected=3.86 actual=4.86`])
    );
  });

  it("reads the comparison form in 元 as in 万元", async () => {
    const { grids } = await comparison(
      ["prior", "current", "change", "rate", "reason"],
      "years",
      true
    );
    expect(sangongFindings(grids)).toEqual([]);
  });
});

describe("a 三公 comparison whose years cannot be told apart", () => {
  it("warns at the 增减 header instead of guessing which columns it compares", async () => {
    const { grids, sangong, column } = await comparison(
      ["prior", "current", "change", "rate", "reason"],
      "words"
    );
    sangong.values[2][column(/^上年预算数$/)] = "预算数";
    sangong.values[2][column(/^本年预算数$/)] = "预算数";
    const change = column(/^增减额$/);
    const rate = column(/^增减率$/);
    const warnings = checkWorkbook(grids).findings.filter((f) => f.ruleId === "sangong.change");
    expect(warnings.map((f) => `${f.severity}@${f.cell}`)).toEqual([
      `warning@${letter(change)}3`,
      `warning@${letter(rate)}3`,
    ]);
    expect(warnings[0].message).toMatch(/^无法确定“增减额”是哪两列之差/);
  });
});
