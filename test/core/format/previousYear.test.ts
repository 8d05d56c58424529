/**
 * The disclosure built with last year's published one: the “三公” comparison form, filled from
 * last year's figures, and a 情况说明 whose every 增减 is a figure. Last year is the quyang fixture
 * with every amount doubled (so each change is −this year's figure and each rate −50.00%, by hand),
 * or a ledger without any 三公 (so this year's 三公 is new: 上年无此项).
 */
import { checkWorkbook } from "../../../src/core/check/workbook";
import { buildDisclosure } from "../../../src/core/format/disclosure";
import type { DisclosureSubject } from "../../../src/core/format/disclosure";
import type { SheetSpec } from "../../../src/core/format/sheetSpec";
import { specToGrid } from "../../../src/core/format/specToGrid";
import { paragraphsFromText } from "../../../src/core/narrative/check";
import { narrativePlaceholders, narrativeToText } from "../../../src/core/narrative/types";
import { readPreviousDisclosure } from "../../../src/core/previous/read";
import type { PreviousDisclosure } from "../../../src/core/previous/types";
import { loadFixture } from "../../helpers/fixtures";
import { doubledFixture, ledgerGrids } from "../../helpers/previousYear";

const QUYANG: DisclosureSubject = {
  department: "中国共产党曲阳县委员会组织部",
  departmentCode: "203",
  year: 2024,
  template: "hebei",
};
const COMPARISON = "“三公”经费比上年增减";

async function disclose(subject: DisclosureSubject, previous?: PreviousDisclosure) {
  const check = checkWorkbook(await loadFixture("quyang-2024"));
  return buildDisclosure(check, subject, previous ? { previous } : {}).content!;
}

async function doubled(): Promise<PreviousDisclosure> {
  const { previous, findings } = readPreviousDisclosure(await doubledFixture("quyang-2024"));
  expect(findings).toEqual([]);
  return previous!;
}

/** The rows of a table from its header down, cells as printed (amounts with 2 decimals). */
function rowsOf(spec: SheetSpec): string[][] {
  const rows: string[][] = Array.from({ length: spec.rowCount }, () =>
    Array.from({ length: spec.columnCount }, () => "")
  );
  for (const cell of spec.cells) {
    const v = cell.value;
    rows[cell.row][cell.col] =
      v.kind === "text"
        ? v.text
        : v.kind === "amount"
          ? v.value.toFixed(v.decimals)
          : v.kind === "integer"
            ? String(v.value)
            : "";
  }
  return rows;
}

describe("the “三公” comparison form", () => {
  it("is filled from last year's figures, every 增减 and 增减率 by hand", async () => {
    const content = await disclose(QUYANG, await doubled());
    const spec = content.specs.find((s) => s.sheetName === COMPARISON)!;
    expect(spec.kind).toBe("三公经费表");
    const rows = rowsOf(spec);
    const header = rows.findIndex((r) => r[0] === "项  目");
    // quyang 2024: 1.20 of 公务用车运行维护费, nothing else; last year twice that. 2.40 → 1.20:
    // −1.20, −1.20 ÷ 2.40 = −50.00%. Items at zero in both years: 0.00 change and no rate.
    expect(rows.slice(header)).toEqual([
      ["项  目", "上年预算数", "本年预算数", "增减额", "增减率（%）"],
      ["合计", "2.40", "1.20", "-1.20", "-50.00"],
      ["一、因公出国（境）费", "0.00", "0.00", "0.00", ""],
      ["二、公务用车购置及运行维护费", "2.40", "1.20", "-1.20", "-50.00"],
      ["    其中：公务用车购置费", "0.00", "0.00", "0.00", ""],
      ["          公务用车运行维护费", "2.40", "1.20", "-1.20", "-50.00"],
      ["三、公务接待费", "0.00", "0.00", "0.00", ""],
    ]);
    expect(rows[0][0]).toBe("2024年部门预算财政拨款“三公”经费支出比上年增减情况表");
  });

  it("says 上年无此项 where last year had none, and gives no rate", async () => {
    const grids = ledgerGrids({ name: QUYANG.department, code: "203", year: 2023 }, [
      { functionCode: "2013201", economicCode: "30101", kind: "人员经费", amount: 300 },
    ]);
    const previous = readPreviousDisclosure(grids).previous!;
    const rows = rowsOf(
      (await disclose(QUYANG, previous)).specs.find((s) => s.sheetName === COMPARISON)!
    );
    expect(rows.find((r) => r[0] === "合计")).toEqual([
      "合计",
      "0.00",
      "1.20",
      "1.20",
      "上年无此项",
    ]);
  });

  it("comes after every numbered table, which keep their numbers; absent without last year", async () => {
    const without = await disclose(QUYANG);
    const withPrevious = await disclose(QUYANG, await doubled());
    expect(without.specs.map((s) => s.sheetName)).not.toContain(COMPARISON);
    expect(withPrevious.specs.map((s) => s.sheetName)).toEqual([
      ...without.specs.map((s) => s.sheetName),
      COMPARISON,
    ]);
  });

  it("is not drawn for a province that prints none (the Ministry's set)", async () => {
    const mof = { ...QUYANG, template: "mof" as const };
    const names = (await disclose(mof, await doubled())).specs.map((s) => s.sheetName);
    expect(names).toEqual((await disclose(mof)).specs.map((s) => s.sheetName));
  });
});

describe.each(["hebei", "shanxi"] as const)("an export with last year's (%s)", (template) => {
  it("has every 增减 filled and right, and only reasons left to write", async () => {
    const previous = await doubled();
    const content = await disclose({ ...QUYANG, template }, previous);
    // Every placeholder about last year asks for a reason, never for a figure.
    const prompts = narrativePlaceholders(content.narrative).map((p) => p.prompt);
    const aboutChanges = prompts.filter((p) => /增减|比上年|上年/.test(p));
    expect(aboutChanges.length).toBeGreaterThan(0);
    for (const prompt of aboutChanges) expect(prompt).toMatch(/原因$/);
    // The exported tables and text, read back and checked against last year: no 上年 figure, no
    // 增减, no rate is wrong (by hand: total 872.24 against 1,744.48, −872.24, −50.00%).
    const text = narrativeToText(content.narrative);
    expect(text).toContain("减少872.24万元，下降50.00%");
    const findings = checkWorkbook(content.specs.map(specToGrid), {
      narrative: paragraphsFromText(text),
      previous,
    }).findings;
    const wrong = findings.filter(
      (f) =>
        f.severity === "error" && /^(previous\.|narrative\.(change|rate|amount|sum))/.test(f.ruleId)
    );
    expect(wrong.map((f) => `${f.ruleId} ${f.sheet ?? ""}!${f.cell ?? ""} ${f.message}`)).toEqual(
      []
    );
    // … and the comparison form is read as a 三公 table with a 上年 column, checked cell by cell:
    // 公务用车运行维护费 上年 planted as 2.50 (with its 小计 and 合计, and their 增减 and rates, so
    // that the table adds up) is an error at each of those cells.
    const grids = content.specs.map(specToGrid);
    const form = grids.find((g) => g.sheet === COMPARISON)!;
    const at = (label: string) => form.values.findIndex((row) => row[0] === label);
    const planted = ["合计", "二、公务用车购置及运行维护费", "          公务用车运行维护费"];
    for (const label of planted) {
      expect(form.values[at(label)].slice(1)).toEqual([2.4, 1.2, -1.2, -50]);
      form.values[at(label)].splice(1, 4, 2.5, 1.2, -1.3, -52);
    }
    // (quyang's goal forms have errors of their own, which are not about last year.)
    const errors = checkWorkbook(grids, { previous }).findings.filter(
      (f) => f.severity === "error" && !f.ruleId.startsWith("goals.")
    );
    expect(errors.map((f) => `${f.ruleId} ${f.cell} ${f.expected} ${f.actual}`)).toEqual(
      planted.map((label) => `previous.figure B${form.origin.row + at(label)} 2.40 2.50`)
    );
  });
});
