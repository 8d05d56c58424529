/**
 * The metamorphic layout corpus: every fixture and example, laid out the ways real workbooks are
 * (test/support/layoutVariants.ts), must give the same findings at the mapped cells — no finding
 * lost, none added — with and without planted defects.
 */
import { createHash } from "crypto";
import { readFileSync } from "fs";
import path from "path";
import { checkWorkbook } from "../../../src/core/check/workbook";
import type { Finding } from "../../../src/core/finding";
import type { Grid } from "../../../src/core/grid";
import { TABLE_RULES } from "../../../src/core/rules/tableRules";
import { gridsFromXlsx } from "../../../src/io/readXlsx";
import { SHARED_DIR } from "../../helpers/fixtures";
import { REAL_DIR } from "../../helpers/realFixtures";
import { REAL_TRANSCRIPTIONS } from "../../fixtures/real";
import {
  LAYOUT_VARIANTS,
  SampleGrid,
  addressOf,
  amountsInYuan,
  rewordedCaptions,
  sangongComparison,
  stackedTables,
  withoutColumnNumberRows,
} from "../../support/layoutVariants";
import { compare, plant, plantCells } from "../../support/metamorphic";

// Each case checks a workbook three to six times; a loaded machine must not fail it.
jest.setTimeout(300_000);

const EXAMPLES_DIR = path.resolve(__dirname, "../../../examples");
const FIXTURES_DIR = path.join(SHARED_DIR, "fixtures");

/**
 * Every fixture and example once (the examples quyang-2024 and tunliu-2024 are the fixtures' bytes),
 * and the real disclosures of other provinces in test/fixtures/real (三公 tables alone, one in 元, a 决算).
 */
const SAMPLES: Record<string, string> = {
  "fixtures/quyang-2024": path.join(FIXTURES_DIR, "quyang-2024.xlsx"),
  "fixtures/tunliu-2024": path.join(FIXTURES_DIR, "tunliu-2024.xlsx"),
  "examples/quyang-2024-ledger": path.join(EXAMPLES_DIR, "quyang-2024-ledger.xlsx"),
  ...Object.fromEntries(
    REAL_TRANSCRIPTIONS.map((t) => [`real/${t.name}`, path.join(REAL_DIR, `${t.name}.xlsx`)])
  ),
};
const FINAL_ACCOUNTS = new Set(
  REAL_TRANSCRIPTIONS.filter((t) => t.stage === "决算").map((t) => `real/${t.name}`)
);

const loaded = new Map<string, Promise<SampleGrid[]>>();
function load(name: string): Promise<SampleGrid[]> {
  if (!loaded.has(name))
    loaded.set(
      name,
      gridsFromXlsx(readFileSync(SAMPLES[name])).then((grids: SampleGrid[]) => {
        // The ledger's own sheets are its input format, not published tables: moved, never reshaped.
        for (const g of grids) if (/^(部门信息|预算明细)$/.test(g.sheet)) g.keep = true;
        return grids;
      })
    );
  return loaded.get(name)!;
}

const findingsOf = (grids: readonly Grid[]) => checkWorkbook(grids).findings;
const errorKeys = (findings: readonly Finding[]) =>
  findings.filter((f) => f.severity === "error").map((f) => `${f.ruleId}@${f.sheet}!${f.cell}`);
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("the layout corpus", () => {
  it("has at least eight variants and covers every fixture and example", () => {
    expect(LAYOUT_VARIANTS.length).toBeGreaterThanOrEqual(8);
    const covered = new Set(Object.values(SAMPLES).map(sha));
    for (const name of ["quyang-2024", "tunliu-2024"]) {
      expect(covered.has(sha(path.join(FIXTURES_DIR, `${name}.xlsx`)))).toBe(true);
      expect(covered.has(sha(path.join(EXAMPLES_DIR, `${name}.xlsx`)))).toBe(true);
    }
  });

  it.each(Object.keys(SAMPLES))(
    "plants defects in %s that the base layout finds, one by one",
    async (name) => {
      const grids = await load(name);
      const before = new Set(errorKeys(findingsOf(grids)));
      const { items, totals } = plantCells(grids);
      // A 决算 is never read as budget tables: there is no budget figure to plant a defect in.
      if (FINAL_ACCOUNTS.has(name)) expect(items.length + totals.length).toBe(0);
      // A 三公 table alone (the real extracts) may give one cell only: its 合计 row read as an item.
      else expect(items.length + totals.length).toBeGreaterThan(0);
      for (const cell of [...items, ...totals]) {
        const where = `${cell.sheet}!${addressOf(cell)}`;
        const after = errorKeys(findingsOf(plant(grids, [cell])));
        expect({ where, found: after.some((k) => !before.has(k)) }).toEqual({ where, found: true });
      }
    }
  );
});

/** The text of every cell of a sheet, whitespace removed. */
const textsOf = (grids: readonly Grid[], sheet: string) =>
  grids
    .find((g) => g.sheet === sheet)!
    .values.flat()
    .map((v) => String(v ?? "").replace(/\s/g, ""));

describe("the variants change what they say they change", () => {
  it("moves every number to its mapped cell, unchanged or in 元", async () => {
    for (const name of Object.keys(SAMPLES)) {
      const grids = await load(name);
      for (const variant of LAYOUT_VARIANTS) {
        const layout = variant.apply(grids);
        let moved = 0;
        let numbers = 0;
        for (const g of grids)
          g.values.forEach((row, r) =>
            row.forEach((v, c) => {
              if (typeof v !== "number") return;
              numbers++;
              const to = layout.map({
                sheet: g.sheet,
                row: r + g.origin.row,
                col: c + g.origin.col,
              });
              if (!to) return;
              const target = layout.grids.find((x) => x.sheet === to.sheet)!;
              const w = target.values[to.row - target.origin.row]?.[to.col - target.origin.col];
              const ok =
                w === v ||
                w === Math.round(v * 1e6) / 100 ||
                // A 数量 written with its unit: 10台.
                (typeof w === "string" &&
                  w.startsWith(String(v)) &&
                  /^\D+$/.test(w.slice(String(v).length)));
              if (!ok)
                throw new Error(
                  `${variant.name}: ${g.sheet}!${addressOf({ sheet: "", row: r + 1, col: c + 1 })} ${v} → ${to.sheet}!${addressOf(to)} ${String(w)}`
                );
              moved++;
            })
          );
        // Only 栏次 numbers and columns the 三公 comparison form redraws (其中 columns) may be dropped;
        // a single 三公 table has few numbers at all.
        expect({
          at: `${name} ${variant.name}`,
          moved: moved >= Math.min(20, numbers / 2),
        }).toEqual({
          at: `${name} ${variant.name}`,
          moved: true,
        });
      }
    }
  });

  it("stacks every table of quyang on one sheet", async () => {
    const layout = stackedTables(Infinity).apply(await load("fixtures/quyang-2024"));
    expect(layout.grids.map((g) => g.sheet)).toEqual(["公开表"]);
  });

  it("states 元 and multiplies money, not 序号 or 数量", async () => {
    const layout = amountsInYuan("all").apply(await load("fixtures/quyang-2024"));
    const summary = layout.grids.find((g) => g.sheet === "收支总表")!;
    expect(summary.values[1][4]).toBe("单位：元");
    expect(summary.values[5].slice(0, 3)).toEqual([1, "一、一般公共预算拨款收入", 8558900]);
    const assets = layout.grids.find((g) => g.sheet === "固定资产")!;
    expect(assets.values[2]).toEqual(["项   目", "数量", "价值（金额单位：元）"]);
    expect(assets.values[3]).toEqual(["资产总额", 557, 609600]);
  });

  it("rewords titles and 三公 items, and removes the 栏次 rows", async () => {
    const grids = await load("fixtures/quyang-2024");
    const reworded = rewordedCaptions().apply(grids).grids;
    expect(textsOf(reworded, "收支总表")).toContain("部门收支预算总表");
    expect(textsOf(reworded, "三公经费")).toEqual(
      expect.arrayContaining(["（二）公务用车费", "其中：(1)公务用车购置"])
    );
    const bare = withoutColumnNumberRows().apply(grids).grids;
    expect(textsOf(bare, "支出总表")).not.toContain("栏次");
  });

  it("draws the 三公 table with 上年, 本年, 增减, 增减率 and 变化原因 columns", async () => {
    const layout = sangongComparison(["prior", "current", "change", "rate", "reason"]).apply(
      await load("fixtures/quyang-2024")
    );
    const sangong = layout.grids.find((g) => g.sheet === "三公经费")!;
    expect(sangong.values[2]).toEqual([
      "序号",
      "项目",
      "2023年度预算",
      "2024年度预算",
      "增减金额",
      "增减率（%）",
      "变化原因",
    ]);
    // The 合计 row: 本年 1.20, 上年 made up, 增减 = 本年 − 上年, 增减率 = 增减 ÷ 上年.
    const [, label, prior, current, change, rate] = sangong.values[3] as number[];
    expect(label).toBe("合计");
    expect(current).toBe(1.2);
    expect(change).toBeCloseTo(current - prior, 10);
    expect(rate).toBeCloseTo((change / prior) * 100, 2);
  });
});

describe.each(LAYOUT_VARIANTS.map((v) => [v.name, v] as const))("variant: %s", (_name, variant) => {
  it.each(Object.keys(SAMPLES))(
    "%s: reads the same tables and finds the same things at the mapped cells",
    async (name) => {
      const grids = await load(name);
      const layout = variant.apply(grids);
      const base = checkWorkbook(grids);
      const result = checkWorkbook(layout.grids);
      expect(result.model.tables.map((t) => t.kind).sort()).toEqual(
        base.model.tables.map((t) => t.kind).sort()
      );
      expect(compare(base.findings, result.findings, layout)).toEqual({ missing: [], extra: [] });
    }
  );

  it.each(Object.keys(SAMPLES))("%s: finds planted defects at the mapped cells", async (name) => {
    const grids = await load(name);
    const cells = plantCells(grids);
    for (const [kind, set] of [
      ["items", cells.items],
      ["totals", cells.totals],
    ] as const) {
      const planted = plant(grids, set);
      const layout = variant.apply(planted);
      const base = findingsOf(planted);
      expect({ planted: kind, ...compare(base, findingsOf(layout.grids), layout) }).toEqual({
        planted: kind,
        missing: [],
        extra: [],
      });
    }
  });
});

/** The five tables that make a full disclosure (core/rules/workbook/completeness). */
const CORE_KINDS = new Set([
  "收支总表",
  "收入总表",
  "支出总表",
  "财政拨款收支总表",
  "一般公共预算支出表",
]);

describe("partial extracts", () => {
  it.each(["fixtures/quyang-2024", "fixtures/tunliu-2024"])(
    "%s cut to its tables outside the core five: one notice, each kept table's own findings, no new error",
    async (name) => {
      const grids = await load(name);
      const base = checkWorkbook(grids);
      const keptSheets = new Set(
        base.model.tables.filter((t) => !CORE_KINDS.has(t.kind)).map((t) => t.table.sheet)
      );
      // Sheets holding a core table go, whatever else they hold.
      for (const t of base.model.tables)
        if (CORE_KINDS.has(t.kind)) keptSheets.delete(t.table.sheet);
      expect(keptSheets.size).toBeGreaterThan(1);
      const extract = checkWorkbook(grids.filter((g) => keptSheets.has(g.sheet)));
      const findings = extract.findings;

      // Told apart from a full disclosure: no error per missing table, one notice naming them.
      expect(findings.filter((f) => f.ruleId === "completeness.tables")).toEqual([]);
      const notices = findings.filter((f) => f.ruleId === "completeness.extract");
      expect(notices).toHaveLength(1);
      expect(notices[0].severity).toBe("info");
      // Each core table, in the template's own title, named as not checked.
      expect(extract.coverage.missing).toHaveLength(CORE_KINDS.size);
      for (const title of extract.coverage.missing) expect(notices[0].message).toContain(title);

      // What a kept table says about itself, it still says; nothing is invented.
      const tableRules = new Set(TABLE_RULES.map((rule) => rule.id));
      const key = (f: Finding) => `${f.ruleId}@${f.sheet}!${f.cell}`;
      const got = new Set(findings.map(key));
      const own = base.findings.filter(
        (f) => f.sheet !== undefined && keptSheets.has(f.sheet) && tableRules.has(f.ruleId)
      );
      expect(own.map(key).filter((k) => !got.has(k))).toEqual([]);
      const baseErrors = new Set(errorKeys(base.findings));
      expect(errorKeys(findings).filter((k) => !baseErrors.has(k))).toEqual([]);
    }
  );
});
