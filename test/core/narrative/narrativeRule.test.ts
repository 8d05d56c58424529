import { readFileSync } from "fs";
import path from "path";
import { Catalog } from "../../../src/core/codes";
import { makeGrid } from "../../../src/core/grid";
import { readWorkbook } from "../../../src/core/read/workbook";
import { narrativeRule, readNarrativeSheet } from "../../../src/core/rules/narrative/narrativeRule";
import type { NarrativeRuleContext } from "../../../src/core/rules/narrative/narrativeRule";
import { loadFixture } from "../../helpers/fixtures";

const NARRATIVES = path.resolve(__dirname, "../../fixtures/narratives");

/** The 情况说明 of a seed, one paragraph per line, as test/fixtures/narratives holds it. */
function seedText(name: "quyang-2024" | "tunliu-2024"): string {
  return readFileSync(path.join(NARRATIVES, `${name}.txt`), "utf8");
}

async function context(withSheet: boolean, strictRounding = false): Promise<NarrativeRuleContext> {
  const grids = await loadFixture("tunliu-2024");
  const lines = seedText("tunliu-2024").split("\n");
  const sheet = makeGrid(
    "2024年部门预算情况说明",
    lines.map((line) => ["", line])
  );
  const narrative = withSheet ? readNarrativeSheet([...grids, sheet]) : readNarrativeSheet(grids);
  return {
    model: readWorkbook(grids),
    catalog: Catalog.standard(),
    strictRounding,
    ...(narrative ? { narrative } : {}),
  };
}

describe("the 情况说明 workbook rule", () => {
  it("checks a sheet whose name contains 情况说明, one paragraph per row, at the row's cell", async () => {
    const findings = narrativeRule.run(await context(true));
    const errors = findings.filter((f) => f.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ ruleId: "narrative.count", sheet: "2024年部门预算情况说明" });
    expect(errors[0].cell).toMatch(/^B\d+$/);
    expect(findings.filter((f) => f.severity === "info").every((f) => f.rounding)).toBe(true);
  });

  it("finds nothing when the workbook has no 情况说明", async () => {
    expect(narrativeRule.run(await context(false))).toEqual([]);
  });

  it("turns rounding differences into errors under strict rounding", async () => {
    const findings = narrativeRule.run(await context(true, true));
    expect(findings.filter((f) => f.rounding).every((f) => f.severity === "error")).toBe(true);
  });

  it("has a Chinese title and declares its worst severity", () => {
    expect(narrativeRule.title).toMatch(/[\u4e00-\u9fff]/);
    expect(narrativeRule).toMatchObject({ id: "narrative", severity: "error", scope: "workbook" });
  });
});
