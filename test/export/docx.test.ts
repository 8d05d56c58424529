import JSZip from "jszip";
import type { SheetSpec } from "../../src/core/format/sheetSpec";
import type {
  Narrative,
  NarrativeParagraph,
  NarrativeSection,
} from "../../src/core/narrative/types";
import { glossaryLines } from "../../src/core/narrative/glossary";
import {
  cellText,
  chartPlace,
  gridWidths,
  documentTitle,
  inTemplateOrder,
  writeDocx,
} from "../../src/export/docx";
import { Money } from "../../src/core/money";
import { TEMPLATE_SETS } from "../../src/core/templates/sets";
import { fixturePath, smallSpec, specsFromWorkbook } from "./fixtureSpecs";

interface DocxParts {
  document: string;
  fontTable: string;
  files: string[];
  rels: string[];
}

async function readDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.keys(zip.files);
  const rels = await Promise.all(
    files.filter((f) => f.endsWith(".rels")).map((f) => zip.file(f)!.async("string"))
  );
  return {
    document: await zip.file("word/document.xml")!.async("string"),
    fontTable: await zip.file("word/fontTable.xml")!.async("string"),
    files,
    rels,
  };
}

/** The document's text, paragraph by paragraph. */
function paragraphs(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")
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
    text = paragraphs(parts.document);
  });

  test("opens with the cover title and the four parts in order", () => {
    expect(documentTitle("中国共产党曲阳县委员会组织部", 2024)).toBe(
      "中国共产党曲阳县委员会组织部2024年部门预算公开"
    );
    expect(text).toContain("测试部门");
    expect(text).toContain("2024年部门预算公开");
    const order = [
      "第一部分 部门职责及机构设置",
      "第二部分 2024年部门预算公开表",
      "2024年一般公共预算支出预算表",
      "第三部分 2024年部门预算情况说明",
      "二、收入预算情况说明",
      "五、一般公共预算支出情况说明",
      "七、“三公”经费增减变动原因说明",
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
    expect((parts.document.match(/<w:tbl>/g) ?? []).length).toBe(2); // the table and the chart's legend
  });

  test("puts wide tables on landscape pages and the text on portrait pages", () => {
    const sections = [...parts.document.matchAll(/<w:pgSz [^>]*>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(3);
    expect(sections[0]).toContain('w:orient="portrait"');
    expect(sections[1]).toContain('w:orient="landscape"');
    expect(sections[1]).toContain('w:w="16838"');
    expect(sections[2]).toContain('w:orient="portrait"');
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

  test("shows the 一般公共预算 chart under the expenditure explanation, with its legend table", () => {
    expect(parts.files).toContain("word/media/image1.png");
    const chartAt = parts.document.indexOf("<w:drawing>");
    expect(chartAt).toBeGreaterThan(parts.document.indexOf("五、一般公共预算支出情况说明"));
    expect(chartAt).toBeLessThan(parts.document.indexOf("七、“三公”经费增减变动原因说明"));
    const legend = paragraphs(
      parts.document.slice(chartAt, parts.document.indexOf("七、“三公”经费"))
    );
    expect(legend).toEqual(
      expect.arrayContaining([
        "序号",
        "科目编码",
        "科目名称",
        "金额（万元）",
        "201",
        "一般公共服务支出",
        "100.25",
        "221",
        "30.25",
      ])
    );
  });

  test("leaves the chart out when told to", async () => {
    const bytes = await writeDocx({ ...INPUT, narrative: NARRATIVE, chart: false });
    const { files, document } = await readDocx(bytes);
    expect(files.some((f) => f.startsWith("word/media/"))).toBe(false);
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
    const doc = paragraphs((await readDocx(await writeDocx({ ...INPUT, narrative }))).document);
    const at = (p: string) => doc.indexOf(p);
    expect(at("一、本部门职责")).toBeGreaterThan(at("第一部分 部门职责及机构设置"));
    expect(at("【请填写：内设机构】")).toBeGreaterThan(at("二、机构设置情况"));
    expect(at("二、机构设置情况")).toBeLessThan(at("第二部分 2024年部门预算公开表"));
    expect(doc).not.toContain("第一部分 概况");
    expect(doc).not.toContain("第三部分 2024年度部门预算情况说明");
  });

  test("marks the missing 情况说明 when there is no narrative", async () => {
    const doc = paragraphs((await readDocx(await writeDocx(INPUT))).document);
    expect(doc).toContain("【请填写：情况说明】");
    expect(doc).toContain("第四部分 名词解释");
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

describe.each([
  ["quyang-2024", "hebei"],
  ["tunliu-2024", "shanxi"],
] as const)("the %s fixture as a document", (name, template) => {
  test("contains every table of the template, the 情况说明 and the glossary", async () => {
    const specs = await specsFromWorkbook(fixturePath(name));
    const bytes = await writeDocx({
      specs,
      department: "部门",
      year: 2024,
      template,
      narrative: NARRATIVE,
    });
    const { document, files } = await readDocx(bytes);
    const text = paragraphs(document);
    for (const spec of specs) expect(text).toContain(spec.title);
    const kinds = new Set(specs.map((s) => s.kind));
    for (const table of TEMPLATE_SETS[template].tables) expect(kinds).toContain(table.kind);
    expect(text).toContain("第三部分 2024年部门预算情况说明");
    expect(text).toContain("第四部分 名词解释");
    expect(files).toContain("word/media/image1.png");
    // One table per spec, and the chart's legend.
    expect((document.match(/<w:tbl>/g) ?? []).length).toBe(specs.length + 1);
  });
});
