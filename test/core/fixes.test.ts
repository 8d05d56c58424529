import { checkWorkbook } from "../../src/core/check/workbook";
import type { Finding } from "../../src/core/finding";
import type { Grid } from "../../src/core/grid";
import {
  applyEdits,
  directEdit,
  fixableRuleTitles,
  fixKind,
  planFix,
  planFixAll,
} from "../../src/core/fixes";
import { FIX_KINDS } from "../../src/core/fixKinds";
import { TABLE_RULES } from "../../src/core/rules";
import { loadFixture, plantCells } from "../helpers/fixtures";

const where = (f: Finding) => `${f.ruleId}@${f.sheet}!${f.cell}`;
const valueAt = (grids: Grid[], sheet: string, cell: string) => {
  const grid = grids.find((g) => g.sheet === sheet)!;
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return grid.values[Number(m[2]) - grid.origin.row][m[1].charCodeAt(0) - 64 - grid.origin.col];
};
const findingAt = (findings: readonly Finding[], ruleId: string, sheet: string, cell: string) => {
  const found = findings.find((f) => f.ruleId === ruleId && f.sheet === sheet && f.cell === cell);
  if (!found) throw new Error(`no ${ruleId} at ${sheet}!${cell} among ${findings.map(where)}`);
  return found;
};

describe("fixable rules", () => {
  it("are registered table rules, each with its title", () => {
    const ids = TABLE_RULES.map((rule) => rule.id);
    expect(ids).toEqual(expect.arrayContaining(Object.keys(FIX_KINDS)));
    expect(Object.keys(fixableRuleTitles()).sort()).toEqual(Object.keys(FIX_KINDS).sort());
  });
});

describe("planFix", () => {
  it("mends a mistyped 类 by writing what its parts add up to, in that cell only", async () => {
    const grids = await plantCells("quyang-2024", { "支出总表!D7": [719.94, 717.94] });
    const before = checkWorkbook(grids).findings;
    const target = findingAt(before, "sum.root-cause", "支出总表", "D7");
    expect(fixKind(target)).toBe("sum");
    const plan = planFix([target], grids, before);
    expect(plan).toMatchObject({
      ok: true,
      edits: [{ sheet: "支出总表", cell: "D7", from: 719.94, to: 717.94 }],
    });
    if (!plan.ok) return;
    expect(plan.after.map(where)).not.toContain(where(target));
    expect(plan.after.filter((f) => f.severity === "error").length).toBeLessThan(
      before.filter((f) => f.severity === "error").length
    );
    // The grids the check read are left as they were.
    expect(valueAt(grids, "支出总表", "D7")).toBe(719.94);
    expect(valueAt(applyEdits(grids, plan.edits), "支出总表", "D7")).toBe(717.94);
  });

  it("fills a blank subtotal with the figure it should hold", async () => {
    const grids = await plantCells("quyang-2024", { "支出总表!E8": ["", 236.34] });
    const before = checkWorkbook(grids).findings;
    const plan = planFix([findingAt(before, "sum.root-cause", "支出总表", "E8")], grids, before);
    expect(plan).toMatchObject({ ok: true, edits: [{ cell: "E8", from: "", to: 236.34 }] });
  });

  it("turns a number stored as text into that number", async () => {
    const grids = await plantCells("quyang-2024", { "支出总表!E8": ["236.34", 236.34] });
    const before = checkWorkbook(grids).findings;
    const target = findingAt(before, "amount.as-text", "支出总表", "E8");
    expect(fixKind(target)).toBe("text");
    const plan = planFix([target], grids, before);
    expect(plan).toMatchObject({ ok: true, edits: [{ cell: "E8", from: "236.34", to: 236.34 }] });
    if (plan.ok) expect(plan.after.map(where)).not.toContain(where(target));
  });

  it("gives a cell formatted as text the number format of its column", async () => {
    const grids = await plantCells("quyang-2024", { "支出总表!E8": ["236.34", 236.34] });
    const grid = grids.find((g) => g.sheet === "支出总表")!;
    const [r, c] = [8 - grid.origin.row, 5 - grid.origin.col];
    grid.numberFormats = grid.values.map((row, i) =>
      row.map((_, j) => (i === r && j === c ? "@" : "#,##0.00"))
    );
    const finding = findingAt(checkWorkbook(grids).findings, "amount.as-text", "支出总表", "E8");
    expect(directEdit(finding, grids)).toMatchObject({ to: 236.34, numberFormat: "#,##0.00" });
  });

  it("leaves text with a unit of its own to the clerk", async () => {
    const grids = await plantCells("quyang-2024", { "支出总表!E8": ["236.34万元", 236.34] });
    const finding = findingAt(checkWorkbook(grids).findings, "amount.as-text", "支出总表", "E8");
    expect(directEdit(finding, grids)).toBeUndefined();
  });

  it("settles a 舍入差异 so that the total is the sum of its parts, and the totals above it with it", async () => {
    const grids = await loadFixture("tunliu-2024");
    const before = checkWorkbook(grids).findings;
    const target = findingAt(before, "sum.children", "支出总表", "D8");
    expect(fixKind(target)).toBe("rounding");
    const plan = planFix([target], grids, before);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    // 20132 基本支出 D8, its 类 D7 (now a step below its 款), and the row's 合计 C8 and C7.
    expect(plan.edits).toEqual([
      { sheet: "支出总表", cell: "D8", from: 219.91, to: 219.92 },
      { sheet: "支出总表", cell: "D7", from: 219.91, to: 219.92 },
      { sheet: "支出总表", cell: "C8", from: 1813.51, to: 1813.52 },
      { sheet: "支出总表", cell: "C7", from: 1813.51, to: 1813.52 },
    ]);
    // Every other cell written is a total on the same sheet that a rounding note pointed at.
    for (const edit of plan.edits) expect(edit.sheet).toBe("支出总表");
    expect(plan.after.map(where)).not.toContain(where(target));
    expect(plan.after.filter((f) => f.severity === "error")).toEqual([]);
    // No total left a rounding step off because of a cell this fix wrote.
    const written = new Set(plan.edits.map((e) => e.cell));
    const leftOff = plan.after.filter(
      (f) =>
        f.rounding &&
        f.ruleId.startsWith("sum.") &&
        f.sheet === "支出总表" &&
        !before.some((b) => where(b) === where(f)) &&
        (f.related ?? []).some((r) => written.has(r.cell))
    );
    expect(leftOff.map(where)).toEqual([]);
  });

  it("does not offer a fix that would bring a new error", async () => {
    // The 款 and its 类 both raised by 2: the 款 no longer adds up, its 类 follows it. Writing the
    // 款's sum alone would leave the 类 two too high.
    const grids = await plantCells("quyang-2024", {
      "支出总表!D8": [719.94, 717.94],
      "支出总表!D7": [719.94, 717.94],
    });
    const before = checkWorkbook(grids).findings;
    const target = before.find(
      (f) => f.sheet === "支出总表" && f.cell === "D8" && fixKind(f) === "sum"
    );
    expect(target).toBeDefined();
    const plan = planFix([target!], grids, before);
    expect(plan).toMatchObject({ ok: false, reason: "newErrors" });
    if (!plan.ok)
      expect(plan.newErrors.map((f) => `${f.sheet}!${f.cell}`)).toContain("支出总表!D7");
  });

  it("has nothing for a cross-table difference or a cell outside the clerk's sheets", async () => {
    const grids = await loadFixture("tunliu-2024");
    const before = checkWorkbook(grids).findings;
    const cross = findingAt(before, "cross.class-expenditure", "收入总表", "C7");
    expect(fixKind(cross)).toBeUndefined();
    const elsewhere = {
      ...findingAt(before, "sum.children", "支出总表", "D8"),
      sheet: "表3 支出总表",
    };
    expect(directEdit(elsewhere, grids)).toBeUndefined();
    expect(planFix([cross, elsewhere], grids, before)).toMatchObject({ ok: false, reason: "none" });
  });
});

describe("planFixAll", () => {
  it("mends every 舍入差异 of one rule together, and only that rule's", async () => {
    const grids = await loadFixture("tunliu-2024");
    const before = checkWorkbook(grids).findings;
    const targets = before.filter((f) => f.ruleId === "sum.children");
    expect(targets.length).toBeGreaterThan(1);
    const plan = planFixAll("sum.children", grids, before);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.fixed!.map(where).sort()).toEqual(targets.map(where).sort());
    for (const target of targets) expect(plan.after.map(where)).not.toContain(where(target));
    expect(plan.after.filter((f) => f.severity === "error")).toEqual([]);
  });
});
