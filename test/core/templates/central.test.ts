/*
 * The fourth set, 中央部门 (src/core/templates/central.ts), end to end on the example ledger: it is
 * picked by name, checked, drawn, exported to .xlsx and .docx and written up, with nothing outside
 * templates/ knowing it exists. What is asserted comes from the set's data or from the figures, so
 * the test fails if any step falls back on another province.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "fs";
import os from "os";
import path from "path";
import JSZip from "jszip";
import { main } from "../../../src/cli/main";
import { checkWorkbook } from "../../../src/core/check/workbook";
import { ledgerFigures } from "../../../src/core/figures/aggregate";
import { buildSheets } from "../../../src/core/format/buildSheets";
import { specToGrid } from "../../../src/core/format/specToGrid";
import type { Grid } from "../../../src/core/grid";
import { readLedger } from "../../../src/core/ledger";
import type { Ledger } from "../../../src/core/ledger";
import { checkNarrative, paragraphsFromText } from "../../../src/core/narrative/check";
import { generateNarrative } from "../../../src/core/narrative/generate";
import { glossaryLines } from "../../../src/core/narrative/glossary";
import { narrativeToText } from "../../../src/core/narrative/types";
import { readWorkbook } from "../../../src/core/read/workbook";
import { TEMPLATES, provinceNamed } from "../../../src/core/templates";
import { NARRATIVE_STYLES } from "../../../src/core/templates/narratives";
import { TEMPLATE_SETS } from "../../../src/core/templates/sets";
import { gridsFromXlsx } from "../../../src/io/readXlsx";
import { fakeIO } from "../../cli/helpers";

const EXAMPLE = path.resolve(__dirname, "../../../examples/quyang-2024-ledger.xlsx");
const BASE = "中国共产党曲阳县委员会组织部-2024-部门预算公开";

let grids: Grid[];
let ledger: Ledger;

beforeAll(async () => {
  grids = await gridsFromXlsx(readFileSync(EXAMPLE));
  ledger = readLedger(grids).ledger!;
});

/** The example ledger with its 模板 cell saying `value`. */
function withTemplateCell(value: string): Grid[] {
  return grids.map((grid) => ({
    ...grid,
    values: grid.values.map((row) =>
      row.map((cell, c) =>
        c > 0 && typeof row[c - 1] === "string" && row[c - 1] === "模板" ? value : cell
      )
    ),
  }));
}

describe("the 中央部门 set", () => {
  it("is named by 部门信息 as by --template", () => {
    expect(provinceNamed("中央部门")).toBe("zhongyang");
    expect(provinceNamed("zhongyang")).toBe("zhongyang");
    const named = withTemplateCell("中央部门");
    // The example has a 模板 cell; once it says 中央部门, the ledger follows this set.
    expect(named).not.toEqual(grids);
    expect(readLedger(named).ledger!.department.template).toBe("zhongyang");
  });

  it("checks the ledger in its layout without an error", () => {
    const check = checkWorkbook(grids, { template: "zhongyang" });
    expect(check.template).toBe("zhongyang");
    expect(check.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("draws its nine tables, which read back as the set's required tables, complete", () => {
    const specs = buildSheets(ledgerFigures(ledger), ledger.department, "zhongyang");
    expect(specs.map((s) => s.sheetName)).toEqual(TEMPLATES.zhongyang.map((t) => t.sheetName));
    const drawn = specs.map(specToGrid);
    const model = readWorkbook(drawn);
    expect(model.tables.map((t) => t.table.kind?.kind)).toEqual(
      TEMPLATE_SETS.zhongyang.tables.map((t) => t.kind)
    );
    const check = checkWorkbook(drawn, { template: "zhongyang" });
    expect(check.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("writes its own 情况说明: its title, its sections in its order, its glossary", () => {
    const narrative = generateNarrative(ledgerFigures(ledger), ledger.department, {
      template: "zhongyang",
    });
    expect(narrative.template).toBe("zhongyang");
    expect(narrative.title).toBe("中国共产党曲阳县委员会组织部2024年部门预算");
    expect(narrative.sections.map((s) => s.id)).toEqual(
      NARRATIVE_STYLES.zhongyang.sections.map((s) => s.id)
    );
    expect(narrative.sections.find((s) => s.id === "part3")!.heading).toBe(
      "第三部分 2024年部门预算情况说明"
    );
    const glossary = narrative.sections.find((s) => s.id === "glossary")!;
    expect(
      glossary.paragraphs.map((p) => p.runs.map((r) => (r.kind === "text" ? r.text : "")).join(""))
    ).toEqual(glossaryLines("zhongyang"));
    expect(glossaryLines("zhongyang")[0]).toMatch(/^1、财政拨款收入：/);
  });

  it("states figures that check clean against its own tables and against the ledger", () => {
    const figures = ledgerFigures(ledger);
    const narrative = generateNarrative(figures, ledger.department, { template: "zhongyang" });
    const paragraphs = paragraphsFromText(narrativeToText(narrative));
    const tables = readWorkbook(
      buildSheets(figures, ledger.department, "zhongyang").map(specToGrid)
    );
    expect(
      checkNarrative(paragraphs, tables).filter((f) => f.ruleId !== "narrative.placeholder")
    ).toEqual([]);
    expect(
      checkNarrative(paragraphs, figures, { template: "zhongyang" }).filter(
        (f) => f.severity === "error"
      )
    ).toEqual([]);
  });

  it("exports .xlsx and .docx through the CLI: its sheets, its cover, its sections", async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), "central-"));
    try {
      const io = fakeIO();
      const code = await main(["export", EXAMPLE, "--template", "zhongyang", "--out", out], io);
      expect({ code, err: io.err() }).toEqual({ code: 0, err: "" });
      expect(readdirSync(out).sort()).toEqual([`${BASE}.docx`, `${BASE}.xlsx`]);

      const exported = await gridsFromXlsx(readFileSync(path.join(out, `${BASE}.xlsx`)));
      expect(exported.map((g) => g.sheet)).toEqual(TEMPLATES.zhongyang.map((t) => t.sheetName));
      const recheck = checkWorkbook(exported, { template: "zhongyang" });
      expect(recheck.findings.filter((f) => f.severity === "error")).toEqual([]);

      const zip = await JSZip.loadAsync(readFileSync(path.join(out, `${BASE}.docx`)));
      const xml = await zip.file("word/document.xml")!.async("string");
      const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
      // Every section that holds something, under its heading (the document writes its own part
      // headings: the empty 第一部分/第三部分 sections of the narrative are not printed as such).
      for (const plan of NARRATIVE_STYLES.zhongyang.sections.filter((s) => s.blocks.length > 0))
        expect(text).toContain(plan.heading.replace("{year}", "2024年"));
      expect(text).toContain(glossaryLines("zhongyang")[0]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
