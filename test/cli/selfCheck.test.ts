/*
 * The 情况说明 `export` writes passes its own check: for every bundled example and every shared
 * fixture, in every province's layout, `check --narrative <exported docx>` of the exported xlsx
 * finds no error in the text — and the export adds no error to the tables the workbook did not
 * already have. Around that, what a reader of the document sees: sections numbered 一、二、三… in the
 * text and in the 目录, tables numbered without a gap, no sentence pointing at a table that is not
 * there, the department's code apart from its name, and the chart's axis naming the 类.
 */
import { createHash } from "crypto";
import { readFileSync, readdirSync } from "fs";
import JSZip from "jszip";
import path from "path";
import { checkFile } from "../../src/cli/checkFile";
import { CliIO, main } from "../../src/cli/main";
import { readNarrativeFile } from "../../src/cli/narrativeFile";
import { chineseNumber } from "../../src/core/templates/common";
import type { TemplateId } from "../../src/core/model";
import { docxParagraphs } from "../../src/io/readDocx";
import { SHARED_DIR } from "../helpers/fixtures";
import { ROOT, makeTempDir, removeDir } from "./helpers";

const TEMPLATES: readonly TemplateId[] = ["hebei", "shanxi", "mof"];

/** Every example and fixture workbook; a fixture that is byte for byte an example is run once. */
function inputs(): string[] {
  const all = [
    ...readdirSync(path.join(ROOT, "examples")).map((f) => path.join(ROOT, "examples", f)),
    ...readdirSync(path.join(SHARED_DIR, "fixtures")).map((f) =>
      path.join(SHARED_DIR, "fixtures", f)
    ),
  ].filter((f) => f.endsWith(".xlsx"));
  const seen = new Set<string>();
  return all.filter((file) => {
    const hash = createHash("sha256").update(readFileSync(file)).digest("hex");
    if (seen.has(hash)) return false;
    seen.add(hash);
    return true;
  });
}

function quietIO(): CliIO {
  return { stdout: { write: () => true }, stderr: { write: () => true }, env: {} };
}

/** [name, layout, workbook, --duties file or undefined] */
type Case = readonly [string, TemplateId, string, string | undefined];

const CASES: Case[] = [
  ...inputs().flatMap((input) =>
    TEMPLATES.map((template): Case => [path.basename(input), template, input, undefined])
  ),
  // As the README runs it: the clerk's own 第一部分 (its headings go into the 目录 too).
  ...TEMPLATES.map((template): Case => [
    "tunliu-2024.xlsx with examples/职责.txt",
    template,
    path.join(ROOT, "examples", "tunliu-2024.xlsx"),
    path.join(ROOT, "examples", "职责.txt"),
  ]),
];

/** The 目录's entries, as written into the TOC field. */
async function contentsEntries(docx: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(docx));
  const xml = await zip.file("word/document.xml")!.async("string");
  const toc = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec(xml)![0];
  return [...toc.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""))
    .filter((text) => text !== "");
}

const SECTION = /^([一二三四五六七八九十]+)、/;
const PART = /^第[一二三四]部分/;
const TABLE = /^表([一二三四五六七八九十]+|\d+) /;

/** The numbers of the numbered sections, part by part: [[1, 2, 3], [1, 2, …]]. */
function sectionNumbers(entries: readonly string[]): string[][] {
  const parts: string[][] = [];
  for (const entry of entries) {
    if (PART.test(entry)) parts.push([]);
    const number = SECTION.exec(entry)?.[1];
    if (number && parts.length > 0) parts[parts.length - 1].push(number);
  }
  return parts.filter((numbers) => numbers.length > 0);
}

describe("every exported 情况说明 checks clean against its exported tables", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir("budget-self-check-");
  });
  afterAll(() => removeDir(dir));

  test("there are workbooks to run: the examples and the fixtures", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(3 * TEMPLATES.length);
  });

  test.each(CASES)("%s in the %s layout", async (_, template, input, duties) => {
    const source = await checkFile(input);
    const sourceErrors = new Set(
      source.findings.filter((f) => f.severity === "error").map((f) => f.ruleId)
    );
    const out = path.join(
      dir,
      `${path.basename(input, ".xlsx")}-${template}${duties ? "-duties" : ""}`
    );
    const code = await main(
      [
        "export",
        input,
        "--out",
        out,
        "--template",
        template,
        "--allow-errors",
        ...(duties ? ["--duties", duties] : []),
      ],
      quietIO()
    );
    expect(code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(2);
    const [docx, xlsx] = files.map((f) => path.join(out, f));

    // check --narrative <docx> <xlsx>, as the CLI runs it.
    const narrative = await readNarrativeFile(docx);
    if ("error" in narrative) throw new Error(narrative.error);
    const checked = await checkFile(xlsx, { template, narrative: narrative.paragraphs });
    expect(checked.error).toBeUndefined();
    const errors = checked.findings.filter((f) => f.severity === "error");
    expect(errors.filter((f) => f.ruleId.startsWith("narrative."))).toEqual([]);
    // The tables carry no error the workbook did not have (quyang's goal forms keep theirs).
    expect(errors.filter((f) => !sourceErrors.has(f.ruleId))).toEqual([]);

    const entries = await contentsEntries(docx);
    // Sections 一、二、三… in every part, in the 目录 and so in the text it lists.
    for (const numbers of sectionNumbers(entries))
      expect(numbers).toEqual(numbers.map((_, i) => chineseNumber(i + 1)));
    // The clerk's headings (short 一、… lines without 。) are in the 目录, in their place.
    if (duties) {
      const headings = readFileSync(duties, "utf8")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => SECTION.test(line) && !line.endsWith("。"));
      expect(headings.length).toBeGreaterThan(0);
      const partOne = entries.slice(
        entries.findIndex((e) => e.startsWith("第一部分")),
        entries.findIndex((e) => e.startsWith("第二部分"))
      );
      expect(partOne.filter((e) => SECTION.test(e))).toEqual(headings);
    }
    // The 目录 lists the headings as the text has them: each entry is there twice.
    const paragraphs = await docxParagraphs(readFileSync(docx));
    for (const entry of entries)
      expect({ entry, times: paragraphs.filter((p) => p === entry).length }).toEqual({
        entry,
        times: 2,
      });

    // Tables 表1, 表2 … (表一 …) without a gap; the xlsx sheets numbered the same.
    const tables = entries.map((e) => TABLE.exec(e)?.[1]).filter((n): n is string => !!n);
    const expected = tables.map((_, i) =>
      /\d/.test(tables[0]) ? String(i + 1) : chineseNumber(i + 1)
    );
    expect(tables).toEqual(expected);
    const sheets = checked.sheets.map((s) => /^表(\d+)/.exec(s)?.[1]).filter(Boolean);
    expect(sheets).toEqual(sheets.map((_, i) => String(i + 1)));

    // A sentence that points at a table points at one the document has.
    const titles = new Set(tables.map((n) => `表${n}`));
    for (const paragraph of paragraphs.filter((p) => /详见|见附件|见表/.test(p))) {
      const named = [...paragraph.matchAll(/表([一二三四五六七八九十]+|\d+)/g)].map((m) => m[0]);
      expect({ paragraph, named: named.length > 0 }).toEqual({ paragraph, named: true });
      for (const table of named)
        expect({ paragraph, table, found: titles.has(table) }).toEqual({
          paragraph,
          table,
          found: true,
        });
    }

    // The 项目支出 list names each project once: two projects of one name are told apart.
    const list = paragraphs.find((p) => p.startsWith("项目支出主要用于："));
    if (list) {
      // “A（25.00万元）、B（之一，7.00万元）。”: names may hold 、 and brackets of their own.
      const names = list
        .replace(/^项目支出主要用于：/, "")
        .replace(/万元）。$/, "")
        .split("万元）、")
        .map((item) => item.replace(/[\d,.]+$/, ""));
      expect(names.length).toBeGreaterThan(1);
      expect(new Set(names).size).toBe(names.length);
    }

    // The chart's category axis names the 类 of the 一般公共预算支出表, in its order.
    const zip = await JSZip.loadAsync(readFileSync(docx));
    const chart = await zip.file("word/charts/chart1.xml")?.async("string");
    expect(chart).toBeDefined();
    const categories = [
      ...(/<c:cat>[\s\S]*?<\/c:cat>/.exec(chart!)?.[0] ?? "").matchAll(/<c:v>([^<]*)<\/c:v>/g),
    ].map((m) => m[1]);
    expect(categories.length).toBeGreaterThan(0);
    for (const name of categories) expect(name).toMatch(/[\u4e00-\u9fff]{2,}支出$/);
  });
});
