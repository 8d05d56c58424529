/**
 * The 三公 table in the 财政部 template — items as columns over one row of figures, no label column —
 * on the real quyang workbook, drawn the ways provinces print it: the workbook checks as the
 * original does, the figures reach the rules that use them, and planted mistakes are found at
 * their cells. Two rows with no label stay unread and are said to be.
 */
import { checkWorkbook } from "../../../../src/core/check/workbook";
import type { Grid } from "../../../../src/core/grid";
import { readWorkbook } from "../../../../src/core/read/workbook";
import { currentTotalMeasure, sangongViews } from "../../../../src/core/read/sangongTable";
import { sangongTemplate } from "../../../support/layoutVariants";
import type { SangongTemplateStyle } from "../../../support/layoutVariants";
import { loadFixture } from "../../../helpers/fixtures";

const SHEET = "三公经费";

async function drawn(style: SangongTemplateStyle) {
  const grids = sangongTemplate(style).apply(await loadFixture("quyang-2024")).grids;
  return { grids, sangong: grids.find((g) => g.sheet === SHEET)! };
}

const findings = (grids: Grid[]) =>
  checkWorkbook(grids).findings.map((f) => `${f.severity} ${f.ruleId}@${f.sheet}!${f.cell}`);

/** Sets a cell of the 三公 sheet by its address (A1 = values[0][0]). */
function set(grid: Grid, address: string, value: number | string): void {
  const col = address.charCodeAt(0) - 65;
  const row = Number(address.slice(1)) - 1;
  grid.values[row][col] = value;
}

const STYLES: [string, SangongTemplateStyle][] = [
  ["as the template prints it", {}],
  ["with a 单位：万元 line", { unitLine: true }],
  ["in 元", { yuan: true }],
  ["worded 费用, 运行维护费", { feeWording: "费用", operationWording: "运行维护费" }],
  ["with a 序号 column", { firstColumn: "serial" }],
  [
    "after a blank column, in 元, worded 费用",
    { firstColumn: "blank", yuan: true, feeWording: "费用" },
  ],
  ["with a labelled 上年预算数 row above", { priorRow: "labelled", unitLine: true }],
];

describe("三公 in the 财政部 template (items as columns, one row of figures)", () => {
  let original: string[];
  beforeAll(async () => {
    original = findings(await loadFixture("quyang-2024"));
  });

  it.each(STYLES)("reads the table %s and finds what the original finds", async (_, style) => {
    const { grids } = await drawn(style);
    const [view] = sangongViews(readWorkbook(grids));
    expect(view.orientation).toBe("columns");
    expect(view.lines.map((line) => line.item)).toEqual([
      "total",
      "abroad",
      "vehicle",
      "purchase",
      "operation",
      "reception",
    ]);
    // quyang's 三公 is 1.20 of 公务用车运行维护费, read into 万元 whatever the table's unit.
    const m = currentTotalMeasure(view);
    expect(view.measures[m].period).toBe("current");
    expect(view.lines.map((line) => line.cells[m].value.toFixed(2))).toEqual([
      "1.20",
      "0.00",
      "1.20",
      "0.00",
      "1.20",
      "0.00",
    ]);
    expect(findings(grids)).toEqual(original);
  });

  it("finds a 合计 that is not the sum of its items, in the one row", async () => {
    const { grids, sangong } = await drawn({ unitLine: true });
    // Row 5 is the figures: A 合计 | B 出国 | C 小计 | D 购置 | E 运行 | F 接待.
    set(sangong, "A5", 2.2);
    expect(findings(grids)).toEqual(expect.arrayContaining(["error sangong.sum@三公经费!A5"]));
  });

  it("finds a 公务用车 小计 that is not 购置 + 运行, and says the 合计 is right", async () => {
    const { grids, sangong } = await drawn({ firstColumn: "serial" });
    // Row 4 is the figures: A 序号 | B 合计 | C 出国 | D 小计 | E 购置 | F 运行 | G 接待.
    set(sangong, "D4", 1.5);
    const vehicle = checkWorkbook(grids).findings.filter((f) => f.ruleId === "sangong.vehicle");
    expect(vehicle.map((f) => `${f.severity}@${f.cell}`)).toEqual(["error@D4"]);
    expect(vehicle[0].message).toContain("应更正的是本行");
  });

  it("compares its figures with the 基本支出表 (cross.sangong-economic)", async () => {
    const { grids, sangong } = await drawn({});
    // 运行费 of 0.50 万元 when the 基本支出表 books 1.20 under 30231 (合计 and 小计 kept in step):
    // a 三公 figure the cross-table rule can only see if the template's row is read.
    set(sangong, "A4", 0.5);
    set(sangong, "C4", 0.5);
    set(sangong, "E4", 0.5);
    const cross = checkWorkbook(grids).findings.filter(
      (f) => f.ruleId === "cross.sangong-economic"
    );
    expect(cross.map((f) => [f.cell, f.expected, f.actual])).toEqual([["E4", "1.20", "0.50"]]);
  });

  it("reads the labelled 上年预算数 row as last year's, and checks its 合计 too", async () => {
    const { grids, sangong } = await drawn({ priorRow: "labelled" });
    const [view] = sangongViews(readWorkbook(grids));
    expect(view.measures.map((m) => m.period)).toEqual(["prior", "current"]);
    // Row 4 is 上年预算数: B 合计 5.20 = 1 + 3.20 + 1.
    set(sangong, "B4", 9);
    expect(findings(grids)).toEqual(expect.arrayContaining(["error sangong.sum@三公经费!B4"]));
  });

  it("leaves two rows of figures with no label unread, and says so", async () => {
    // Which row is which year nobody wrote down: said, never guessed.
    const { grids } = await drawn({ priorRow: "unlabelled" });
    expect(sangongViews(readWorkbook(grids))).toEqual([]);
    expect(findings(grids)).toEqual(
      expect.arrayContaining(["warning table.unrecognized@三公经费!A1"])
    );
    const unread = checkWorkbook(grids).findings.find((f) => f.ruleId === "table.unrecognized");
    expect(unread?.message).toContain("没有一列写明各行是什么");
  });
});
