/**
 * checkWorkbook on published disclosures from other provinces (test/fixtures/real): Guangxi,
 * Jiangsu, Sichuan and Hunan 预算 “三公” tables, and a Shanghai 决算 table. Each workbook is built
 * from its transcription; its facts file lists every mistake the published document contains, and
 * that list is re-derived here from the transcription with decimal.js, without the product's engine.
 */
import { checkWorkbook } from "../../../src/core/check/workbook";
import type { Finding } from "../../../src/core/finding";
import type { Grid } from "../../../src/core/grid";
import { a1, parseA1 } from "../../../src/core/grid";
import { numberFormatOf } from "../../../scripts/make-real-fixtures";
import { REAL_TRANSCRIPTIONS } from "../../fixtures/real";
import { RealTranscription, isPrintedNumber } from "../../fixtures/real/types";
import { cloneGrid } from "../../helpers/fixtures";
import {
  RealDefect,
  independentDefects,
  loadRealFacts,
  loadRealWorkbook,
  narrativeHolds,
  sourceCell,
} from "../../helpers/realFixtures";

const BUDGETS = REAL_TRANSCRIPTIONS.filter((t) => t.stage === "预算");
const FINAL_ACCOUNTS = REAL_TRANSCRIPTIONS.filter((t) => t.stage === "决算");

const brief = (f: Finding) => `${f.severity} ${f.ruleId}@${f.sheet}!${f.cell}`;

/** The severity a defect must be reported with: 舍入差异 within 0.01 is info, anything else an error. */
const severityFor = (defect: RealDefect) => (defect.severity === "rounding" ? "info" : "error");

/** A copy of the workbook with one published cell changed. */
function planted(grids: Grid[], address: string, value: number): Grid[] {
  const { sheet, row, col } = parseA1(address)!;
  return grids.map((grid) => {
    if (grid.sheet !== sheet) return grid;
    const copy = cloneGrid(grid);
    copy.values[row - 1][col - 1] = value;
    return copy;
  });
}

describe.each(
  REAL_TRANSCRIPTIONS.map((t) => [`${t.name} (${t.province} ${t.year} ${t.stage})`, t])
)("the real fixture %s", (_, t: RealTranscription) => {
  it("holds exactly its transcription: values, number formats, blanks and merges", async () => {
    const grids = await loadRealWorkbook(t.name);
    expect(grids.map((g) => g.sheet)).toEqual(t.sheets.map((s) => s.name));
    t.sheets.forEach((sheet, i) => {
      const grid = grids[i];
      const width = Math.max(...sheet.rows.map((r) => r.length), grid.values[0]?.length ?? 0);
      const rows = Math.max(sheet.rows.length, grid.values.length);
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < width; c++) {
          const source = sheet.rows[r]?.[c] ?? null;
          const where = `${sheet.name}!${a1(r + 1, c + 1)}`;
          const actual = { where, value: grid.values[r]?.[c] ?? "" };
          if (isPrintedNumber(source)) {
            expect(actual).toEqual({ where, value: Number(source.n) });
            expect({ where, format: grid.numberFormats?.[r]?.[c] }).toEqual({
              where,
              format: numberFormatOf(source.n),
            });
          } else {
            expect(actual).toEqual({ where, value: source ?? "" });
          }
        }
      }
      const merges = (grid.merges ?? []).map(
        (m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`
      );
      expect(merges.sort()).toEqual([...sheet.merges].sort());
    });
  });

  it("has a facts file whose defects are exactly those an independent check finds", () => {
    const facts = loadRealFacts(t.name);
    expect(facts).toMatchObject({
      source_url: t.sourceUrl,
      department: t.department,
      year: t.year,
      stage: t.stage,
      unit: t.unit,
      sheets: t.sheets.map((s) => s.name),
    });
    const comparable = (d: Omit<RealDefect, "id">) => ({
      type: d.type,
      sheet: d.sheet,
      cell: d.cell,
      related_cells: d.related_cells,
      expected: d.expected,
      actual: d.actual,
      difference: d.difference,
      severity: d.severity,
      knock_on_cells: d.knock_on_cells,
    });
    const byCell = (a: { cell: string }, b: { cell: string }) => a.cell.localeCompare(b.cell);
    expect(facts.source_defects.map(comparable).sort(byCell)).toEqual(
      independentDefects(t).map(comparable).sort(byCell)
    );
    // Every total the facts cite holds the published figure.
    for (const [name, total] of Object.entries(facts.totals)) {
      const cell = sourceCell(t, total.cell);
      const published = isPrintedNumber(cell) ? Number(cell.n) : cell;
      expect({ name, value: published }).toEqual({ name, value: total.value });
    }
  });

  it("lists as passed exactly the narrative figures that agree", () => {
    const facts = loadRealFacts(t.name);
    const held = t.narrative.filter((check) => narrativeHolds(t, check)).map((c) => c.location);
    expect(held).toEqual(facts.narrative_checks_passed);
    expect(held).toHaveLength(t.narrative.length);
  });
});

describe.each(BUDGETS.map((t) => [t.name, t]))("checkWorkbook on %s", (_, t: RealTranscription) => {
  it("reports every source defect at its cell with the right severity", async () => {
    const { findings } = checkWorkbook(await loadRealWorkbook(t.name));
    for (const defect of loadRealFacts(t.name).source_defects) {
      const match = findings.find(
        (f) =>
          f.sheet === defect.sheet && f.cell === defect.cell && f.severity === severityFor(defect)
      );
      expect({ defect: defect.id, found: match && brief(match) }).toEqual({
        defect: defect.id,
        found: expect.stringMatching(new RegExp(`^${severityFor(defect)} `)),
      });
      if (typeof defect.actual === "number") {
        expect(match!.expected).toBe(defect.expected!.toFixed(2));
        expect(match!.actual).toBe(defect.actual.toFixed(2));
      } else {
        expect(match!.actual).toBe(defect.actual);
      }
    }
  });

  // The tables an extract lacks are no exception: they are one notice, not errors (issue 11 §1).
  it("raises no error beyond the source defects", async () => {
    const defects = new Set(
      loadRealFacts(t.name).source_defects.map((d) => `${d.sheet}!${d.cell}`)
    );
    const { findings } = checkWorkbook(await loadRealWorkbook(t.name));
    const unexplained = findings.filter(
      (f) => f.severity === "error" && !defects.has(`${f.sheet}!${f.cell}`)
    );
    expect(unexplained.map(brief)).toEqual([]);
  });

  // A disclosure of the “三公” table alone is an extract (issue 11 §1): one notice listing what
  // was not found, no error for the tables it lacks.
  it("gives an extract of the “三公” table alone no error for the tables it lacks", async () => {
    const { findings, coverage } = checkWorkbook(await loadRealWorkbook(t.name));
    expect(coverage.extract).toBe(true);
    expect(
      findings.filter((f) => f.ruleId === "completeness.tables" && f.severity === "error")
    ).toEqual([]);
    const notices = findings.filter((f) => f.ruleId === "completeness.extract");
    expect(notices.map((f) => f.severity)).toEqual(["info"]);
    // The notice names the table it checked and what it did not find.
    expect(notices[0].message).toContain("三公经费表");
    for (const title of coverage.missing) expect(notices[0].message).toContain(title);
    expect(coverage.tables.map((table) => table.kind)).toContain("三公经费表");
  });

  it("reads the year and the unit, and never takes the unit line for the department", async () => {
    const { model } = checkWorkbook(await loadRealWorkbook(t.name));
    expect(model.year?.value).toBe(t.year);
    expect(model.unit?.value).toBe(t.unit);
    expect(model.department?.value ?? "").not.toMatch(/^(万元|元|千元|亿元)$/);
  });

  it("checks every sum it reads: a mistake planted in a correct total is an error at that total", async () => {
    const grids = await loadRealWorkbook(t.name);
    const defects = new Set(
      loadRealFacts(t.name).source_defects.map((d) => `${d.sheet}!${d.cell}`)
    );
    const totals = [...new Set(t.relations.map((r) => r.total))].filter(
      (total) => !defects.has(total) && isPrintedNumber(sourceCell(t, total))
    );
    expect(totals.length).toBeGreaterThan(0);
    for (const total of totals) {
      const cell = sourceCell(t, total);
      const wrong = Number(isPrintedNumber(cell) ? cell.n : 0) + 1;
      const { findings } = checkWorkbook(planted(grids, total, wrong));
      const [sheet, address] = total.split("!");
      expect({
        total,
        errors: findings
          .filter((f) => f.severity === "error" && f.sheet === sheet && f.cell === address)
          .map((f) => f.ruleId).length,
      }).toEqual({ total, errors: 1 });
    }
  });
});

describe("the 桂林 subtotal published as 0 while its items add up to 32.65", () => {
  it("is one finding per column at the subtotal, saying the 合计 is right, and none at the 合计", async () => {
    const { findings } = checkWorkbook(await loadRealWorkbook("guilin-sifaju-2015"));
    const sangong = findings.filter((f) => f.ruleId.startsWith("sangong."));
    expect(sangong.map(brief)).toEqual([
      "error sangong.vehicle@三公经费!B7",
      "error sangong.vehicle@三公经费!C7",
    ]);
    for (const finding of sangong)
      expect(finding.message).toContain("合计与购置费、运行维护费等明细相符");
  });
});

describe.each(FINAL_ACCOUNTS.map((t) => [t.name, t]))(
  "checkWorkbook on the 决算 workbook %s",
  (_, t: RealTranscription) => {
    it("says that it is a 决算 table, not a 预算 disclosure", async () => {
      const { findings } = checkWorkbook(await loadRealWorkbook(t.name));
      const expected = loadRealFacts(t.name).product_expectations!;
      expect(findings.some((f) => f.message.includes(expected.message_contains))).toBe(true);
    });

    it("is never read as a 预算 table set: no 预算 rule runs on it and no error is raised", async () => {
      const { findings, model } = checkWorkbook(await loadRealWorkbook(t.name));
      expect(model.tables.map((table) => table.kind)).toEqual([]);
      expect(
        findings.filter((f) => f.severity === "error" && !f.message.includes("决算表")).map(brief)
      ).toEqual([]);
    });
  }
);
