import type { Config } from "@jest/types";
import JSZip from "jszip";
import type { SheetSpec } from "../../src/core/format/sheetSpec";
import type {
  Narrative,
  NarrativeParagraph,
  NarrativeSection,
} from "../../src/core/narrative/types";
import { glossaryLines } from "../../src/core/narrative/glossary";
import { coverTitle, documentTitle, renumberSections, writeDocx } from "../../src/render/docx";
import { chartPlace } from "../../src/render/word/narrative";
import {
  cellText,
  gridWidths,
  inTemplateOrder,
  numberedTitle,
  tableNumber,
} from "../../src/render/word/tables";
import { Money } from "../../src/core/money";
import { TEMPLATE_SETS } from "../../src/core/templates/sets";
import { fixturePath, smallSpec, specsFromWorkbook } from "./fixtureSpecs";
import { checkWorkbook } from "../../src/core/check/workbook";
import { buildDisclosure } from "../../src/core/format/disclosure";
import { loadFixture } from "../helpers/fixtures";

interface DocxParts {
  document: string;
  fontTable: string;
  files: string[];
  rels: string[];
  /** The footers' XML by their relationship id in word/_rels/document.xml.rels. */
  footers: Map<string, string>;
}

async function readDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.keys(zip.files);
  const rels = await Promise.all(
    files.filter((f) => f.endsWith(".rels")).map((f) => zip.file(f)!.async("string"))
  );
  const documentRels = await zip.file("word/_rels/document.xml.rels")!.async("string");
  const footers = new Map<string, string>();
  for (const rel of documentRels.matchAll(/<Relationship [^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(rel[0])![1];
    const target = /Target="([^"]+)"/.exec(rel[0])![1];
    if (/\/footer$/.test(/Type="([^"]+)"/.exec(rel[0])![1]))
      footers.set(id, await zip.file(`word/${target}`)!.async("string"));
  }
  return {
    document: await zip.file("word/document.xml")!.async("string"),
    fontTable: await zip.file("word/fontTable.xml")!.async("string"),
    files,
    rels,
    footers,
  };
}

/** The document's text, paragraph by paragraph. */
function paragraphs(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")
  );
}

const CONTENTS = /<w:sdt>[\s\S]*?<\/w:sdt>/;

/** The 目录 (the content control the TOC field is in). */
function contents(documentXml: string): string {
  const found = CONTENTS.exec(documentXml);
  if (!found) throw new Error("no 目录 in the document");
  return found[0];
}

/** The document without its 目录, so the headings are found where they are, not in the 目录. */
function body(documentXml: string): string {
  return documentXml.replace(CONTENTS, "");
}

/** The 目录's entries: their text and their TOC style (TOC1, TOC2). */
function contentsEntries(documentXml: string): { text: string; style: string }[] {
  return [...contents(documentXml).matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => ({
      text: paragraphs(p[0])[0],
      style: /<w:pStyle w:val="([^"]+)"\/>/.exec(p[0])?.[1] ?? "",
    }))
    .filter((e) => e.text !== "");
}

/** The sections' properties, in order. */
function sectionProperties(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:sectPr[ >][\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
}

/** Whether a section's footer shows the page number (a PAGE field). */
function footerShowsPageNumber(parts: DocxParts, sectPr: string): boolean {
  const ids = [...sectPr.matchAll(/<w:footerReference [^>]*r:id="([^"]+)"/g)].map((m) => m[1]);
  return ids.some((id) =>
    /<w:instrText[^>]*>\s*PAGE\b|w:instr="\s*PAGE\b/.test(parts.footers.get(id)!)
  );
}

const t = (text: string) => ({ kind: "text" as const, text });
const para = (...runs: NarrativeParagraph["runs"]): NarrativeParagraph => ({ runs });

const NARRATIVE: Narrative = {
  title: "测试部门2024年部门预算情况说明",
  template: "shanxi",
  sections: [
    {
      id: "duties",
      heading: "一、部门职责及机构设置情况",
      paragraphs: [para({ kind: "placeholder", prompt: "部门职责" })],
    },
    {
      id: "income",
      heading: "二、收入预算情况说明",
      paragraphs: [
        para(
          t("2024年度预算收入"),
          { kind: "figure", value: new Money("1130.5"), unit: "万元", source: "收入总计" },
          t("，占"),
          { kind: "figure", value: new Money("77.79"), unit: "%", source: "一般公共预算占比" },
          t("，比上年增加"),
          { kind: "placeholder", prompt: "上年数" },
          t("。")
        ),
      ],
    },
    {
      id: "general",
      heading: "五、一般公共预算支出情况说明",
      paragraphs: [
        para(t("一般公共预算当年支出"), {
          kind: "figure",
          value: new Money("130.5"),
          unit: "万元",
          source: "一般公共预算",
        }),
      ],
    },
    {
      id: "threePublic",
      heading: "七、“三公”经费增减变动原因说明",
      paragraphs: [para(t("本部门无“三公”经费预算。"))],
    },
  ],
};

const INPUT = {
  specs: [smallSpec()],
  department: "测试部门",
  year: 2024,
  template: "shanxi" as const,
};

describe("writeDocx", () => {
  let parts: DocxParts;
  let text: string[];
  beforeAll(async () => {
    parts = await readDocx(await writeDocx({ ...INPUT, narrative: NARRATIVE }));
    text = paragraphs(body(parts.document));
  });

  test("opens with the cover title and the four parts in order", () => {
    expect(documentTitle("中国共产党曲阳县委员会组织部", 2024)).toBe(
      "中国共产党曲阳县委员会组织部2024年部门预算公开"
    );
    expect(documentTitle("中共长治市屯留区委组织部", 2024, "shanxi")).toBe(
      "中共长治市屯留区委组织部2024年度部门预算公开"
    );
    const order = [
      "测试部门",
      "2024年度部门预算公开",
      "目  录",
      "第一部分 部门职责及机构设置",
      "第二部分 2024年部门预算公开表",
      "表一 2024年一般公共预算支出预算表",
      "第三部分 2024年部门预算情况说明",
      // The narrative's 二、五、七、 numbered again in part three: one after another.
      "一、收入预算情况说明",
      "二、一般公共预算支出情况说明",
      "三、“三公”经费增减变动原因说明",
      "第四部分 名词解释",
    ].map((heading) => text.indexOf(heading));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test("asks for 部门职责 with a highlighted placeholder when the clerk gave none", () => {
    expect(text).toContain("【请填写：部门职责】");
    expect(parts.document).toMatch(
      /<w:highlight w:val="yellow"\/>[\s\S]{0,300}【请填写：部门职责】/
    );
  });

  test("uses the clerk's 部门职责 text when given", async () => {
    const withDuties = paragraphs(
      (
        await readDocx(
          await writeDocx({
            ...INPUT,
            duties: "一、本部门职责\n（一）负责全区组织工作。\n\n二、机构设置情况",
          })
        )
      ).document
    );
    expect(withDuties).toEqual(
      expect.arrayContaining(["一、本部门职责", "（一）负责全区组织工作。", "二、机构设置情况"])
    );
    expect(withDuties.join("")).not.toContain("【请填写：部门职责】");
  });

  test("makes the headings of the clerk's 部门职责 text headings of part one, in the 目录", async () => {
    const duties = [
      "\uFEFF第一部分 概况",
      "一、本部门职责",
      "（一）负责全区组织工作。",
      "三、负责全区干部队伍建设，提出意见。",
      "",
      "二、机构设置情况",
      "本部门内设机构7个。",
    ].join("\r\n");
    const { document } = await readDocx(await writeDocx({ ...INPUT, duties }));
    const partOne = contentsEntries(document).slice(0, 4);
    expect(partOne).toEqual([
      { text: "第一部分 部门职责及机构设置", style: "TOC1" },
      { text: "一、本部门职责", style: "TOC2" },
      { text: "二、机构设置情况", style: "TOC2" },
      { text: "第二部分 2024年部门预算公开表", style: "TOC1" },
    ]);
    const text = paragraphs(body(document));
    const at = (p: string) => text.indexOf(p);
    // A numbered duty that is a sentence stays a paragraph, where the clerk put it.
    expect(at("三、负责全区干部队伍建设，提出意见。")).toBeGreaterThan(
      at("（一）负责全区组织工作。")
    );
    expect(at("三、负责全区干部队伍建设，提出意见。")).toBeLessThan(at("二、机构设置情况"));
    // The part heading the clerk copied is not repeated: the document has its own.
    expect(text.filter((p) => p.includes("第一部分"))).toEqual(["第一部分 部门职责及机构设置"]);
  });

  test("writes the narrative: figures as plain text, placeholders highlighted", () => {
    expect(text).toContain(
      "2024年度预算收入1,130.50万元，占77.79%，比上年增加【请填写：上年数】。"
    );
    expect(text).toContain("一般公共预算当年支出130.50万元");
    expect(text).toContain("本部门无“三公”经费预算。");
    expect(parts.document).toMatch(/<w:highlight w:val="yellow"\/>[\s\S]{0,300}【请填写：上年数】/);
    expect(parts.document).not.toMatch(/<w:highlight w:val="yellow"\/>[^]{0,300}130\.50万元/);
  });

  test("renders a table with its merged header: gridSpan across, vMerge down, header rows repeated", () => {
    const table = parts.document.slice(parts.document.indexOf("科目编码") - 2000);
    const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    const headerRow = rows.find((r) => r.includes("2024年预算数"))!;
    expect(headerRow).toContain("<w:tblHeader/>");
    expect(headerRow).toMatch(/<w:gridSpan w:val="3"\/>[\s\S]*2024年预算数/);
    expect(headerRow.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(2);
    const secondHeader = rows.find((r) => r.includes("基本支出"))!;
    expect(secondHeader).toContain("<w:tblHeader/>");
    expect(secondHeader.match(/<w:vMerge w:val="continue"\/>/g)).toHaveLength(2);
    const totalRow = rows.find((r) => r.includes(">合计<") && r.includes("130.50"))!;
    expect(totalRow).not.toContain("<w:tblHeader/>");
    expect(totalRow).toMatch(/<w:gridSpan w:val="2"\/>[\s\S]*合计/);
    // Zero shows blank, as published; amounts keep their two decimals.
    const classRow = rows.find((r) => r.includes("一般公共服务支出"))!;
    expect(paragraphs(classRow)).toEqual(["201", "一般公共服务支出", "100.25", "100.25", ""]);
  });

  test("writes the department line as one paragraph: 部门 flush left, 单位：万元 at the right edge", () => {
    const line = [...parts.document.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)]
      .map((m) => m[0])
      .find((p) => p.includes("部门名称：测试部门"))!;
    expect(paragraphs(line)).toEqual(["部门名称：测试部门单位：万元"]);
    // The table's width in twips: the landscape text width.
    expect(line).toMatch(/<w:tab w:val="right" w:pos="14570"\/>/);
    expect(line).toContain("<w:tab/>");
    expect((parts.document.match(/<w:tbl>/g) ?? []).length).toBe(1); // the table; the chart has none
  });

  test("puts wide tables on landscape pages and the text on portrait pages", () => {
    // The cover, the 目录, part one, the table, parts three and four.
    const sections = [...parts.document.matchAll(/<w:pgSz [^>]*>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(5);
    for (const i of [0, 1, 2, 4]) expect(sections[i]).toContain('w:orient="portrait"');
    expect(sections[3]).toContain('w:orient="landscape"');
    expect(sections[3]).toContain('w:w="16838"');
  });

  test("makes a cover page: the department and the title first, large and bold, alone on the page", () => {
    const shown = text.filter((p) => p !== "");
    expect(shown.slice(0, 2)).toEqual(["测试部门", "2024年度部门预算公开"]);
    const [cover] = sectionProperties(parts.document);
    // Up to the paragraph whose properties end the cover's section.
    const coverXml = parts.document.slice(
      0,
      parts.document.indexOf("</w:p>", parts.document.indexOf(cover)) + "</w:p>".length
    );
    // Nothing but the two lines before the cover's section ends.
    expect(paragraphs(coverXml).filter((p) => p !== "")).toEqual([
      "测试部门",
      "2024年度部门预算公开",
    ]);
    for (const line of ["测试部门", "2024年度部门预算公开"]) {
      const paragraph = [...coverXml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)]
        .map((m) => m[0])
        .find((p) => paragraphs(p)[0] === line)!;
      expect(paragraph).toContain('<w:jc w:val="center"/>');
      expect(paragraph).toContain("<w:b/>");
      expect(paragraph).toContain('w:eastAsia="宋体"');
      expect(Number(/<w:sz w:val="(\d+)"\/>/.exec(paragraph)![1])).toBeGreaterThanOrEqual(44);
    }
    // Placed down the page, not at its top.
    expect(Number(/<w:spacing [^>]*w:before="(\d+)"/.exec(coverXml)![1])).toBeGreaterThan(2000);
  });

  test("numbers the pages from part one: no page number on the cover or the 目录", () => {
    const [cover, toc, partOne, table] = sectionProperties(parts.document);
    expect(cover).toContain("<w:footerReference");
    expect(footerShowsPageNumber(parts, cover)).toBe(false);
    expect(footerShowsPageNumber(parts, toc)).toBe(false);
    expect(footerShowsPageNumber(parts, partOne)).toBe(true);
    expect(partOne).toContain('<w:pgNumType w:start="1"/>');
    expect(footerShowsPageNumber(parts, table)).toBe(true);
    expect(table).not.toMatch(/w:start=/);
  });

  test("writes a 目录 after the cover: a TOC field over Heading 1–2 with every heading as its entry", () => {
    const [cover] = sectionProperties(parts.document);
    const toc = contents(parts.document);
    expect(parts.document.indexOf(toc)).toBeGreaterThan(parts.document.indexOf(cover));
    expect(parts.document.indexOf(toc)).toBeLessThan(
      parts.document.indexOf(
        ">第一部分 部门职责及机构设置<",
        parts.document.indexOf(toc) + toc.length
      )
    );
    const instruction = [...toc.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)]
      .map((m) => m[1])
      .join("");
    expect(instruction).toMatch(/^\s*TOC\b/);
    expect(instruction).toContain("\\o &quot;1-2&quot;");
    // Word rebuilds it (with page numbers) on opening; other readers show the entries as written.
    expect(toc).toContain('<w:fldChar w:fldCharType="begin" w:dirty="true"/>');
    expect(contentsEntries(parts.document)).toEqual([
      { text: "第一部分 部门职责及机构设置", style: "TOC1" },
      { text: "一、部门职责及机构设置情况", style: "TOC2" },
      { text: "第二部分 2024年部门预算公开表", style: "TOC1" },
      { text: "表一 2024年一般公共预算支出预算表", style: "TOC2" },
      { text: "第三部分 2024年部门预算情况说明", style: "TOC1" },
      { text: "一、收入预算情况说明", style: "TOC2" },
      { text: "二、一般公共预算支出情况说明", style: "TOC2" },
      { text: "三、“三公”经费增减变动原因说明", style: "TOC2" },
      { text: "第四部分 名词解释", style: "TOC1" },
    ]);
    // No page numbers made up: an entry is its title and a tab, nothing after.
    for (const entry of toc.match(/<w:p[ >][\s\S]*?<\/w:p>/g)!)
      expect(entry).not.toMatch(/<w:tab\/>[\s\S]*<w:t[^>]*>[^<]+<\/w:t>/);
  });

  test("makes every 目录 entry a real heading, linked to it", () => {
    const main = body(parts.document);
    const headings = [...main.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)]
      .map((m) => m[0])
      .filter((p) => /<w:pStyle w:val="Heading[12]"\/>/.test(p));
    expect(headings.map((p) => paragraphs(p)[0])).toEqual(
      contentsEntries(parts.document).map((e) => e.text)
    );
    const table = headings.find((p) => paragraphs(p)[0] === "表一 2024年一般公共预算支出预算表")!;
    expect(table).toContain('<w:pStyle w:val="Heading2"/>');
    expect(table).toContain('<w:jc w:val="center"/>');
    // Each entry's link lands on the bookmark around its heading.
    const links = [...contents(parts.document).matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"/g)];
    expect(links).toHaveLength(headings.length);
    links.forEach((link, i) =>
      expect(headings[i]).toMatch(new RegExp(`<w:bookmarkStart [^>]*w:name="${link[1]}"`))
    );
  });

  test("names 宋体 for Chinese and Times New Roman for Latin text, with SimSun as the alternative name", () => {
    expect(parts.document).toContain('w:eastAsia="宋体"');
    expect(parts.document).toContain('w:ascii="Times New Roman"');
    expect(parts.fontTable).toMatch(/<w:font w:name="宋体"><w:altName w:val="SimSun"\/>/);
    expect(parts.fontTable).toContain('<w:charset w:val="86"/>');
    // Nothing embedded, nothing fetched.
    expect(parts.files.filter((f) => /fonts\/|\.odttf$|\.ttf$/.test(f))).toEqual([]);
    for (const rels of parts.rels) expect(rels).not.toContain('TargetMode="External"');
  });

  test("shows the 一般公共预算 chart under the expenditure explanation, as a native chart with its caption", () => {
    expect(parts.files).toContain("word/charts/chart1.xml");
    expect(parts.files.filter((f) => f.startsWith("word/media/"))).toEqual([]);
    const main = body(parts.document);
    const chartAt = main.indexOf("<w:drawing>");
    expect(main.slice(chartAt, main.indexOf("</w:drawing>", chartAt))).toContain(
      "http://schemas.openxmlformats.org/drawingml/2006/chart"
    );
    expect(chartAt).toBeGreaterThan(main.indexOf("二、一般公共预算支出情况说明"));
    expect(chartAt).toBeLessThan(main.indexOf("三、“三公”经费增减变动原因说明"));
    const after = paragraphs(main.slice(chartAt, main.indexOf("三、“三公”经费")));
    expect(after).toContain("图1 2024年一般公共预算支出结构（按支出功能分类科目，单位：万元）");
    // No table of codes beside it: the names are on the chart's axis.
    expect(main.slice(chartAt, main.indexOf("三、“三公”经费"))).not.toContain("<w:tbl>");
  });

  test("leaves the chart out when told to", async () => {
    const bytes = await writeDocx({ ...INPUT, narrative: NARRATIVE, chart: false });
    const { files, document } = await readDocx(bytes);
    expect(files.some((f) => f.startsWith("word/charts/"))).toBe(false);
    expect(document).not.toContain("<w:drawing>");
  });

  test("writes the template's 名词解释, or the narrative's own, or the one given", async () => {
    for (const line of glossaryLines("shanxi")) expect(text).toContain(line);
    const own = paragraphs(
      (
        await readDocx(
          await writeDocx({
            ...INPUT,
            template: "hebei",
            narrative: {
              ...NARRATIVE,
              sections: [
                ...NARRATIVE.sections,
                {
                  id: "glossary",
                  heading: "九、名词解释",
                  paragraphs: [para(t("1、基本支出：测试。"))],
                },
              ],
            },
          })
        )
      ).document
    );
    expect(own).toContain("1、基本支出：测试。");
    expect(own).not.toContain("九、名词解释");
    expect(own.join("")).not.toContain(glossaryLines("hebei")[0]);
    const given = paragraphs(
      (
        await readDocx(
          await writeDocx({ ...INPUT, glossary: [{ term: "甲", definition: "乙。" }] })
        )
      ).document
    );
    expect(given).toContain("1、甲：乙。");
  });

  test("takes part one from the narrative's 部门职责 and 机构设置, and drops its own part headings", async () => {
    const narrative: Narrative = {
      ...NARRATIVE,
      sections: [
        { id: "part1", heading: "第一部分 概况", paragraphs: [] },
        { id: "duties", heading: "一、本部门职责", paragraphs: [para(t("（一）负责组织工作。"))] },
        {
          id: "organization",
          heading: "二、机构设置情况",
          paragraphs: [para({ kind: "placeholder", prompt: "内设机构" })],
        },
        { id: "part3", heading: "第三部分 2024年度部门预算情况说明", paragraphs: [] },
        ...NARRATIVE.sections.slice(1),
      ],
    };
    const { document } = await readDocx(await writeDocx({ ...INPUT, narrative }));
    const doc = paragraphs(body(document));
    const at = (p: string) => doc.indexOf(p);
    expect(at("一、本部门职责")).toBeGreaterThan(at("第一部分 部门职责及机构设置"));
    expect(at("【请填写：内设机构】")).toBeGreaterThan(at("二、机构设置情况"));
    expect(at("二、机构设置情况")).toBeLessThan(at("第二部分 2024年部门预算公开表"));
    // Neither in the text nor in the 目录.
    expect(paragraphs(document)).not.toContain("第一部分 概况");
    expect(paragraphs(document)).not.toContain("第三部分 2024年度部门预算情况说明");
    expect(contentsEntries(document).map((e) => e.text)).toEqual(
      expect.arrayContaining(["一、本部门职责", "二、机构设置情况"])
    );
  });

  test("marks the missing 情况说明 when there is no narrative", async () => {
    const doc = paragraphs((await readDocx(await writeDocx(INPUT))).document);
    expect(doc).toContain("【请填写：情况说明】");
    expect(doc).toContain("第四部分 名词解释");
  });
});

describe("table numbers", () => {
  test("each template set says how its tables are numbered", () => {
    expect(TEMPLATE_SETS.shanxi.tableNumbering).toBe("chinese");
    expect(TEMPLATE_SETS.hebei.tableNumbering).toBe("arabic");
    expect(TEMPLATE_SETS.mof.tableNumbering).toBe("arabic");
    expect(coverTitle(2024, "shanxi")).toBe("2024年度部门预算公开");
    expect(coverTitle(2024, "hebei")).toBe("2024年部门预算公开");
    expect(coverTitle(2024, "mof")).toBe("2024年部门预算公开");
  });

  test("writes 表一 … 表十三 or 表1 … 表13, and keeps a number the title already has", () => {
    expect([1, 9, 10, 11, 13].map((n) => tableNumber(n, "chinese"))).toEqual([
      "表一",
      "表九",
      "表十",
      "表十一",
      "表十三",
    ]);
    expect([1, 10, 13].map((n) => tableNumber(n, "arabic"))).toEqual(["表1", "表10", "表13"]);
    expect(numberedTitle("2024年预算收支总表", 1, "chinese")).toBe("表一 2024年预算收支总表");
    expect(numberedTitle("部门收支总表", 1, "arabic")).toBe("表1 部门收支总表");
    expect(numberedTitle("表三 2024年预算支出总表", 1, "chinese")).toBe("表三 2024年预算支出总表");
    expect(numberedTitle("表3部门支出总表", 1, "arabic")).toBe("表3部门支出总表");
    // 表 at the start of a title without a number is not a number.
    expect(numberedTitle("表外资金情况", 2, "arabic")).toBe("表2 表外资金情况");
  });

  test("numbers tables whose sheet names carry no number by their place in the template's order", async () => {
    const { document } = await readDocx(
      await writeDocx({
        ...INPUT,
        template: "mof",
        specs: [
          smallSpec({
            sheetName: "一般公共预算支出表",
            kind: "一般公共预算支出表",
            title: "一般公共预算支出表",
          }),
          smallSpec({ sheetName: "收支总表", kind: "收支总表", title: "部门收支总表" }),
        ],
      })
    );
    const text = paragraphs(body(document));
    expect(text.filter((p) => p !== "").slice(0, 2)).toEqual(["测试部门", "2024年部门预算公开"]);
    expect(text.indexOf("表1 部门收支总表")).toBeGreaterThan(0);
    expect(text.indexOf("表2 一般公共预算支出表")).toBeGreaterThan(
      text.indexOf("表1 部门收支总表")
    );
    expect(contentsEntries(document).map((e) => e.text)).toEqual(
      expect.arrayContaining(["表1 部门收支总表", "表2 一般公共预算支出表"])
    );
  });

  test("numbers the tables by their place, without a gap, whatever their sheets are called", async () => {
    const { document } = await readDocx(
      await writeDocx({
        ...INPUT,
        template: "hebei",
        specs: [
          smallSpec({
            sheetName: "表10 项目支出",
            kind: "项目支出表",
            title: "部门预算项目支出表",
          }),
          smallSpec({
            sheetName: "表12 政府采购预算",
            kind: "政府采购表",
            title: "部门政府采购预算",
          }),
        ],
      })
    );
    const entries = contentsEntries(document).map((e) => e.text);
    expect(entries).toEqual(
      expect.arrayContaining(["表1 部门预算项目支出表", "表2 部门政府采购预算"])
    );
  });

  test("numbers the sections of a part one after another", () => {
    const section = (heading: string): NarrativeSection => ({
      id: heading,
      heading,
      paragraphs: [],
    });
    expect(
      renumberSections([
        section(""),
        section("二、总体情况"),
        section("三、机关运行经费"),
        section("十、其他"),
      ]).map((s) => s.heading)
    ).toEqual(["", "一、总体情况", "二、机关运行经费", "三、其他"]);
  });
});

describe("helpers", () => {
  test("orders tables as the template lists them", () => {
    const spec = (kind: string, title: string): SheetSpec => smallSpec({ kind, title });
    const ordered = inTemplateOrder(
      [
        spec("三公经费表", "c"),
        spec("绩效目标表", "x"),
        spec("收支总表", "a"),
        spec("项目支出表", "p1"),
        spec("项目支出表", "p2"),
      ],
      "shanxi"
    ).map((s) => s.title);
    expect(ordered).toEqual(["a", "c", "p1", "p2", "x"]);
  });

  test("sizes the columns to fill the page, item names and amounts on one line", () => {
    const widths = gridWidths(smallSpec(), 9000);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(9000);
    expect(widths[1]).toBeGreaterThanOrEqual(8 * 180); // 一般公共服务支出, 8 characters at 9 pt
    expect(widths[2]).toBeGreaterThanOrEqual(6 * 90); // 130.50
    // A page narrower than the names: every column keeps a share, none collapses.
    const narrow = gridWidths(smallSpec(), 2000);
    expect(narrow.reduce((a, b) => a + b, 0)).toBe(2000);
    expect(Math.min(...narrow)).toBeGreaterThan(0);
    // An empty column (a source without money) keeps most of its width for its header.
    const base = smallSpec();
    const empty = smallSpec({
      columnCount: base.columnCount + 1,
      columnWidths: [...base.columnWidths, 10],
    });
    // (Without that share it would get 561 of 9,000 twips: a character a line.)
    expect(gridWidths(empty, 9000)[base.columnCount]).toBeGreaterThanOrEqual(1000);
  });

  test("formats cells as published", () => {
    const cell = (value: SheetSpec["cells"][number]["value"]) => ({
      row: 0,
      col: 0,
      style: "amount" as const,
      value,
    });
    expect(
      cellText(cell({ kind: "amount", value: new Money("3661.7"), decimals: 2 }), "blank")
    ).toBe("3661.70");
    expect(cellText(cell({ kind: "amount", value: new Money(0), decimals: 2 }), "blank")).toBe("");
    expect(cellText(cell({ kind: "amount", value: new Money(0), decimals: 2 }), "0.00")).toBe(
      "0.00"
    );
    expect(cellText(cell({ kind: "integer", value: 7 }), "blank")).toBe("7");
  });

  test("finds the section the chart belongs under", () => {
    const s = (heading: string, paragraphs: NarrativeParagraph[] = []): NarrativeSection => ({
      id: "x",
      heading,
      paragraphs,
    });
    expect(
      chartPlace([
        s("收入说明"),
        s("六、一般公共预算基本支出情况说明"),
        s("五、一般公共预算支出情况说明", [para(t("a"))]),
      ])
    ).toEqual({
      section: 2,
      after: 0,
    });
    expect(chartPlace([s("收入")])).toBeUndefined();
    // Hebei: 支出说明 is a sub-heading inside 二、部门预算安排的总体情况; the chart ends its part.
    const hebei = s("二、部门预算安排的总体情况", [
      para(t("按照预算管理有关规定……")),
      { runs: [t("1、收入说明")], heading: true },
      para(t("反映本部门当年全部收入。")),
      { runs: [t("2、支出说明")], heading: true },
      para(t("2024年支出预算872.24万元。")),
      para(t("其中基本支出316.46万元。")),
      { runs: [t("3、比上年增减情况")], heading: true },
      para(t("……")),
    ]);
    expect(chartPlace([s("一、部门职责及机构设置情况"), hebei])).toEqual({ section: 1, after: 5 });
  });

  test("draws the narrative's sub-headings bold and places the chart at the end of 支出说明", async () => {
    const hebei: Narrative = {
      title: "",
      template: "hebei",
      sections: [
        {
          id: "overall",
          heading: "二、部门预算安排的总体情况",
          paragraphs: [
            { runs: [t("2、支出说明")], heading: true },
            para(t("2024年支出预算"), {
              kind: "figure",
              value: new Money("872.24"),
              unit: "万元",
              source: "支出总计",
            }),
            { runs: [t("3、比上年增减情况")], heading: true },
          ],
        },
      ],
    };
    const { document } = await readDocx(
      await writeDocx({ ...INPUT, template: "hebei", narrative: hebei })
    );
    expect(document).toMatch(/<w:b\/>[\s\S]{0,200}2、支出说明/);
    const chartAt = document.indexOf("<w:drawing>");
    expect(chartAt).toBeGreaterThan(document.indexOf("872.24万元"));
    expect(chartAt).toBeLessThan(document.indexOf("3、比上年增减情况"));
  });
});

/** The numbers the provinces print: 表一 … 表十三 (Shanxi), 表1 … (Hebei, 财政部). */
const CHINESE_NUMBERS = "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五".split(" ");

describe.each([
  ["quyang-2024", "hebei", "2024年部门预算公开", (n: number) => `表${n}`],
  ["tunliu-2024", "shanxi", "2024年度部门预算公开", (n: number) => `表${CHINESE_NUMBERS[n - 1]}`],
] as const)("the %s fixture as a document", (name, template, cover, number) => {
  test("contains every table of the template, numbered in its order, the 情况说明 and the glossary", async () => {
    const specs = await specsFromWorkbook(fixturePath(name));
    const bytes = await writeDocx({
      specs,
      department: "部门",
      year: 2024,
      template,
      narrative: NARRATIVE,
    });
    const { document, files } = await readDocx(bytes);
    const text = paragraphs(body(document));
    expect(text.filter((p) => p !== "").slice(0, 2)).toEqual(["部门", cover]);
    // Every table under its number, in the template's order, in the text and in the 目录.
    const titles = inTemplateOrder(specs, template).map(
      (spec, i) => `${number(i + 1)} ${spec.title}`
    );
    expect(titles.length).toBeGreaterThanOrEqual(TEMPLATE_SETS[template].tables.length);
    const at = titles.map((title) => text.indexOf(title));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const entries = contentsEntries(document).map((e) => e.text);
    const partTwo = entries.indexOf("第二部分 2024年部门预算公开表");
    expect(entries.slice(partTwo + 1, partTwo + 1 + titles.length)).toEqual(titles);
    expect(entries[partTwo + 1 + titles.length]).toBe("第三部分 2024年部门预算情况说明");
    const kinds = new Set(specs.map((s) => s.kind));
    for (const table of TEMPLATE_SETS[template].tables) expect(kinds).toContain(table.kind);
    expect(text).toContain("第三部分 2024年部门预算情况说明");
    expect(text).toContain("第四部分 名词解释");
    expect(files).toContain("word/charts/chart1.xml");
    // One table per spec; the chart is a chart, not a table.
    expect((document.match(/<w:tbl>/g) ?? []).length).toBe(specs.length);
  });
});

describe("the Hebei 项目绩效目标表 from the engine", () => {
  test("draws each form as in print: its sub-title, its 单位 line, then a table of its own", async () => {
    const check = checkWorkbook(await loadFixture("quyang-2024"));
    const { content } = buildDisclosure(check, {
      department: "中国共产党曲阳县委员会组织部",
      departmentCode: "203",
      year: 2024,
      template: "hebei",
    });
    const goals = content!.specs.find((s) => s.kind === "绩效目标表")!;
    const { document } = await readDocx(
      await writeDocx({
        specs: [goals],
        department: "中国共产党曲阳县委员会组织部",
        year: 2024,
        template: "hebei",
        chart: false,
      })
    );
    const text = paragraphs(body(document));
    const subtitles = text.filter((p) => /^\d+、.+绩效目标表$/.test(p));
    expect(subtitles).toHaveLength(18);
    expect(subtitles[0]).toBe("1、考核专项公用项目经费绩效目标表");
    // The department line once, under the title; each form's 单位 line right under its sub-title.
    expect(text.filter((p) => p.startsWith("203 中国共产党曲阳县委员会组织部"))).toHaveLength(1);
    const first = text.indexOf(subtitles[0]);
    expect(text[first + 1]).toBe("单位：万元");
    expect(text[first + 2]).toBe("项目编码");
    // One table per form, none of them with a header row repeated on the next page.
    const tables = body(document).match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables).toHaveLength(18);
    expect(tables.some((t) => t.includes("<w:tblHeader"))).toBe(false);
    expect(tables[0]).toContain("参加考核的单位数量");
    expect(tables[0]).toContain("依据工作方案");
  });
});

describe("writeDocx gives the same bytes for the same input", () => {
  /** Only the clock is faked: the writers' promises and timers run as they do. */
  const onlyTheClock: Config.FakeTimersConfig = {
    doNotFake: [
      "hrtime",
      "nextTick",
      "performance",
      "queueMicrotask",
      "setImmediate",
      "clearImmediate",
      "setInterval",
      "clearInterval",
      "setTimeout",
      "clearTimeout",
    ],
  };
  afterEach(() => jest.useRealTimers());

  const full = { ...INPUT, narrative: NARRATIVE, duties: "一、本部门职责\n负责组织工作。" };

  async function writtenAt(now: string): Promise<Buffer> {
    jest.useFakeTimers({ ...onlyTheClock, now: new Date(now) });
    try {
      return Buffer.from(await writeDocx(full));
    } finally {
      jest.useRealTimers();
    }
  }

  test("at another time of day and after other documents in the same process", async () => {
    const first = await writtenAt("2024-03-01T08:00:00Z");
    // Another document in between moves docx's own bookmark and drawing counters on.
    await writeDocx({ ...INPUT, narrative: NARRATIVE, department: "另一部门" });
    const second = await writtenAt("2025-11-30T23:59:59Z");
    expect(second.equals(first)).toBe(true);
  });

  test("dated by the input: its core properties and every zip entry", async () => {
    const date = new Date(Date.UTC(2024, 1, 29, 10, 30, 0));
    const zip = await JSZip.loadAsync(await writeDocx({ ...full, date }));
    const core = await zip.file("docProps/core.xml")!.async("string");
    expect(core).toContain(">2024-02-29T10:30:00Z</dcterms:created>");
    expect(core).toContain(">2024-02-29T10:30:00Z</dcterms:modified>");
    const dates = new Set(Object.values(zip.files).map((f) => f.date.toISOString()));
    expect([...dates]).toEqual(["2024-02-29T10:30:00.000Z"]);
  });
});
