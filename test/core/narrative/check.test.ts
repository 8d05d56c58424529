import { readFileSync } from "fs";
import path from "path";
import type { Finding } from "../../../src/core/finding";
import { makeGrid } from "../../../src/core/grid";
import { checkNarrative, paragraphsFromText } from "../../../src/core/narrative/check";
import type { NarrativeInput } from "../../../src/core/narrative/types";
import { readWorkbook } from "../../../src/core/read/workbook";
import type { WorkbookModel } from "../../../src/core/read/workbook";
import { readNarrativeSheet } from "../../../src/core/rules/narrative/narrativeRule";
import { SHARED_DIR, loadFixture, refs } from "../../helpers/fixtures";

const NARRATIVES = path.resolve(__dirname, "../../fixtures/narratives");

/** The 情况说明 of a seed, one paragraph per line, as test/fixtures/narratives holds it. */
function seedText(name: "quyang-2024" | "tunliu-2024"): string {
  return readFileSync(path.join(NARRATIVES, `${name}.txt`), "utf8");
}

function seedParagraphs(name: "quyang-2024" | "tunliu-2024"): NarrativeInput[] {
  return paragraphsFromText(seedText(name));
}

type Seed = "quyang-2024" | "tunliu-2024";

interface NarrativeDefect {
  id: string;
  type: string;
  expected: number;
  actual: number;
  severity: "rounding" | "exact";
}

function narrativeDefects(name: Seed): NarrativeDefect[] {
  const facts = JSON.parse(
    readFileSync(path.join(SHARED_DIR, "fixtures", `${name}.facts.json`), "utf8")
  ) as { source_defects: NarrativeDefect[]; narrative_checks_passed: string[] };
  return facts.source_defects.filter((d) => d.type === "narrative");
}

function passedChecks(name: Seed): string[] {
  return JSON.parse(readFileSync(path.join(SHARED_DIR, "fixtures", `${name}.facts.json`), "utf8"))
    .narrative_checks_passed;
}

async function model(name: Seed): Promise<WorkbookModel> {
  return readWorkbook(await loadFixture(name));
}

/** The facts defect a finding reports: same expected and published value (changes are signed). */
function defectOf(finding: Finding, defects: NarrativeDefect[]): NarrativeDefect | undefined {
  const num = (s: string | undefined) => Math.abs(Number(s));
  return defects.find(
    (d) => num(finding.expected) === d.expected && num(finding.actual) === d.actual
  );
}

async function check(name: Seed, paragraphs: NarrativeInput[] = seedParagraphs(name)) {
  return checkNarrative(paragraphs, await model(name));
}

/** The seed text with one passage replaced (a planted mistake). */
function planted(name: Seed, from: string, to: string): NarrativeInput[] {
  const text = seedText(name);
  expect(text).toContain(from);
  return paragraphsFromText(text.replace(from, to));
}

describe("checking quyang's 情况说明 against its tables", () => {
  it("reports QY-01: the itemised project changes add up to 69.69, not the stated 69.70", async () => {
    const findings = await check("quyang-2024");
    const qy01 = findings.filter(
      (f) => defectOf(f, narrativeDefects("quyang-2024"))?.id === "QY-01"
    );
    expect(qy01).toHaveLength(1);
    expect(qy01[0]).toMatchObject({
      ruleId: "narrative.change",
      severity: "info",
      rounding: true,
      expected: "-69.69",
      actual: "-69.70",
    });
    expect(qy01[0].message).toMatch(/^情况说明第\d+段：舍入差异/);
  });

  it("reports nothing else: every narrative check facts.json lists as passed gives no finding", async () => {
    const defects = narrativeDefects("quyang-2024");
    const findings = await check("quyang-2024");
    expect(passedChecks("quyang-2024").length).toBeGreaterThan(20);
    expect(findings.filter((f) => !defectOf(f, defects))).toEqual([]);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("checking tunliu's 情况说明 against its tables", () => {
  const expectedIds = ["TL-19", "TL-20", "TL-21", "TL-22"];

  it("reports TL-19, TL-20 and TL-21 as rounding differences (info)", async () => {
    const defects = narrativeDefects("tunliu-2024");
    const findings = await check("tunliu-2024");
    for (const id of ["TL-19", "TL-20", "TL-21"]) {
      const found = findings.filter((f) => defectOf(f, defects)?.id === id);
      expect(found.length).toBeGreaterThanOrEqual(1);
      for (const f of found)
        expect(f).toMatchObject({ ruleId: "narrative.sum", severity: "info", rounding: true });
    }
  });

  it("reports TL-22 as an error: 19 published 绩效目标 said to cover 100% of 20 projects", async () => {
    const findings = await check("tunliu-2024");
    const tl22 = findings.filter(
      (f) => defectOf(f, narrativeDefects("tunliu-2024"))?.id === "TL-22"
    );
    expect(tl22).toHaveLength(1);
    expect(tl22[0]).toMatchObject({
      ruleId: "narrative.count",
      severity: "error",
      expected: "20",
      actual: "19",
    });
    expect(tl22[0].message).toContain("公开项目绩效目标19个");
    expect(tl22[0].related).toEqual(refs("", "项目支出(本年)!A9"));
  });

  it("reports nothing that is not a facts defect, and no other error", async () => {
    const defects = narrativeDefects("tunliu-2024");
    const findings = await check("tunliu-2024");
    expect(findings.filter((f) => !defectOf(f, defects))).toEqual([]);
    expect(
      findings.filter((f) => f.severity === "error").map((f) => defectOf(f, defects)?.id)
    ).toEqual(["TL-22"]);
    expect(new Set(findings.map((f) => defectOf(f, defects)!.id))).toEqual(new Set(expectedIds));
    expect(passedChecks("tunliu-2024").length).toBeGreaterThan(10);
  });
});

describe("checking a 情况说明 with planted mistakes", () => {
  it("reports an amount that disagrees with the tables, with the table cell", async () => {
    const findings = await check(
      "quyang-2024",
      planted("quyang-2024", "基本支出316.46万元", "基本支出316.64万元")
    );
    const amount = findings.find((f) => f.ruleId === "narrative.amount")!;
    expect(amount).toMatchObject({ severity: "error", expected: "316.46", actual: "316.64" });
    expect(amount.related?.[0]?.sheet).toMatch(/^(支出总表|一般公共预算支出表|基本支出表)$/);
    // The stated total no longer adds up either.
    expect(findings.some((f) => f.ruleId === "narrative.sum" && f.severity === "error")).toBe(true);
  });

  it("reports a 0.01 difference from the tables as info 舍入差异", async () => {
    const findings = await check(
      "quyang-2024",
      planted("quyang-2024", "机关运行经费共计安排29.32万元", "机关运行经费共计安排29.33万元")
    );
    expect(findings.filter((f) => f.ruleId === "narrative.amount")).toEqual([
      expect.objectContaining({
        severity: "info",
        rounding: true,
        expected: "29.32",
        actual: "29.33",
      }),
    ]);
  });

  it("reports a share that the tables do not give", async () => {
    const findings = await check("tunliu-2024", planted("tunliu-2024", "占77.79%", "占77.97%"));
    expect(findings.filter((f) => f.ruleId === "narrative.share")).toEqual([
      expect.objectContaining({ severity: "error", expected: "77.79", actual: "77.97" }),
    ]);
  });

  it("reports a growth rate that does not follow from the stated change", async () => {
    const findings = await check("tunliu-2024", planted("tunliu-2024", "增长64.01%", "增长46.01%"));
    expect(findings.filter((f) => f.ruleId === "narrative.rate")).toEqual([
      expect.objectContaining({ severity: "error", expected: "64.01", actual: "46.01" }),
    ]);
  });

  it("reports 增减 that is not 基本支出增减 + 项目支出增减", async () => {
    const findings = await check(
      "quyang-2024",
      planted("quyang-2024", "基本支出增加2.92万元", "基本支出增加3.92万元")
    );
    expect(findings.filter((f) => f.ruleId === "narrative.sum")).toEqual([
      expect.objectContaining({ severity: "error", expected: "-65.78", actual: "-66.78" }),
    ]);
  });

  it("reports a 类 amount that is none of the tables' figures for it", async () => {
    const findings = await check(
      "tunliu-2024",
      planted("tunliu-2024", "卫生健康支出12.63万元", "卫生健康支出21.63万元")
    );
    expect(findings.some((f) => f.ruleId === "narrative.amount" && f.actual === "21.63")).toBe(
      true
    );
  });

  it("reports 本部门无“三公”经费预算 when the 三公 table has an amount", async () => {
    const grids = (await loadFixture("tunliu-2024")).map((g) => ({
      ...g,
      values: g.values.map((row) => row.slice()),
    }));
    const sangong = grids.find((g) => g.sheet === "三公经费")!;
    const totalRow = sangong.values.findIndex((row) => String(row[0] ?? "").includes("合计"));
    sangong.values[totalRow][1] = 3;
    const findings = checkNarrative(seedParagraphs("tunliu-2024"), readWorkbook(grids));
    expect(findings.filter((f) => f.ruleId === "narrative.none")).toHaveLength(1);
  });

  it("warns about every 【请填写：…】 left in the text", async () => {
    const findings = await check("quyang-2024", [
      ...seedParagraphs("quyang-2024"),
      { text: "增减变化的主要原因是【请填写：“三公”经费增减原因】。" },
    ]);
    expect(findings.filter((f) => f.ruleId === "narrative.placeholder")).toEqual([
      expect.objectContaining({ severity: "warning" }),
    ]);
  });
});

describe("checking a 情况说明 sheet", () => {
  it("reads one paragraph per row and puts findings at the row's cell", async () => {
    const lines = seedText("quyang-2024")
      .split("\n")
      .filter((l) => l.trim() !== "");
    const sheet = makeGrid(
      "情况说明",
      lines.map((line) => [line])
    );
    const paragraphs = readNarrativeSheet([...(await loadFixture("quyang-2024")), sheet])!;
    expect(paragraphs).toHaveLength(lines.length);
    const findings = checkNarrative(paragraphs, await model("quyang-2024"));
    const row = lines.findIndex((l) => l.includes("以上项目支出合计减少69.70万元")) + 1;
    expect(findings).toEqual([
      expect.objectContaining({ sheet: "情况说明", cell: `A${row}`, ruleId: "narrative.change" }),
    ]);
    expect(findings[0].message).not.toMatch(/情况说明第/);
  });

  it("finds no 情况说明 sheet in a workbook of tables only", async () => {
    expect(readNarrativeSheet(await loadFixture("tunliu-2024"))).toBeUndefined();
  });
});
