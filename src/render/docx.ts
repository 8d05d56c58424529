/**
 * The disclosure as one Word document, with the `docx` package: a cover (the department and
 * 2024年度部门预算公开, as the province words it), a 目录, then
 * 第一部分 部门职责及机构设置 (the clerk's text, or a highlighted placeholder), 第二部分 the tables
 * of the template in its order (each SheetSpec a Word table with its merged header, the header
 * rows repeated on every page, wide tables on landscape pages), 第三部分 情况说明 (the narrative,
 * placeholders highlighted, with the chart of 一般公共预算 expenditure by 类 under the expenditure
 * explanation) and 第四部分 名词解释. Usable in Node and in the browser. The tables are numbered as the
 * province prints them (表一 … or 表1 …); their titles, the part headings and the 情况说明's
 * headings are Word headings, which the 目录 lists. Page numbers start at 1 on 第一部分: the cover
 * and the 目录 have none.
 *
 * Fonts: every run names 宋体 for Chinese and Times New Roman for Latin text, and the font table
 * gives 宋体 its English name SimSun, its GB2312 character set and its panose, so a reader without
 * 宋体 gets the closest Chinese serif font instead of boxes. Nothing is embedded or downloaded.
 *
 * This file assembles the parts; the pieces are in word/: page.ts (type, pages, headings and the
 * 目录's outline), tables.ts (a SheetSpec as a Word table) and narrative.ts (情况说明, chart place).
 */
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TableOfContents } from "docx";
import type { FileChild } from "docx";
import { glossaryLines } from "../core/narrative/glossary";
import type { Narrative, NarrativeSection } from "../core/narrative/types";
import type { TemplateId } from "../core/model";
import { chineseNumber } from "../core/templates/common";
import { TEMPLATE_SETS } from "../core/templates/sets";
import { expenditureByClass, generalBudgetExpenditureSpec } from "./chart";
import { stablePackage } from "./stableZip";
import type { SheetSpec } from "../core/format/sheetSpec";
import type { GlossaryEntry } from "../core/narrative/glossary";
import type { ChartBar } from "./chart";
import {
  EAST_ASIA_FONT,
  FONT,
  LATIN_FONT,
  Outline,
  SIZE,
  TEXT_WIDTH,
  bodyParagraph,
  partHeading,
  placeholder,
  section,
  sectionHeading,
  text,
} from "./word/page";
import { inTemplateOrder, numberedTitle, tableBlocks } from "./word/tables";
import { chartBlocks, chartPlace, isGlossarySection, narrativeParagraph } from "./word/narrative";

export interface DocxInput {
  specs: readonly SheetSpec[];
  narrative?: Narrative;
  /** 部门职责及机构设置 as the clerk wrote it; paragraphs separated by line breaks. */
  duties?: string;
  department: string;
  year: number;
  template: TemplateId;
  /**
   * The bars of the 一般公共预算 chart; by default read from the 一般公共预算支出表 among `specs`.
   * `false` leaves the chart out.
   */
  chart?: readonly ChartBar[] | false;
  /** 名词解释; by default the narrative's 名词解释 section, else the template's standard list. */
  glossary?: readonly GlossaryEntry[];
  /**
   * The document's creation and modification date, and its zip entries': the same input and date
   * give the same bytes. By default 1 January of the budget year, never the clock.
   */
  date?: Date;
}

// ---------------------------------------------------------------------------------------------
// Font table: 宋体 with its English name, charset and panose, so Word substitutes sensibly.

const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:font w:name="${EAST_ASIA_FONT}"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/><w:sig w:usb0="00000003" w:usb1="288F0000" w:usb2="00000016" w:usb3="00000000" w:csb0="00040001" w:csb1="00000000"/></w:font>
<w:font w:name="${LATIN_FONT}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
</w:fonts>`;

// ---------------------------------------------------------------------------------------------

/** The cover's title line as the province words it: 2024年度部门预算公开 (Shanxi), 2024年部门预算公开. */
export function coverTitle(year: number, template?: TemplateId): string {
  return `${year}${template ? TEMPLATE_SETS[template].coverYear : "年"}部门预算公开`;
}

/** The document's title, e.g. 中国共产党曲阳县委员会组织部2024年部门预算公开. */
export function documentTitle(department: string, year: number, template?: TemplateId): string {
  return `${department}${coverTitle(year, template)}`;
}

/**
 * The cover: the department and the title in large bold 宋体, centred, a third of the way down
 * the page, as the provinces print it. Its section has no page number.
 */
function coverBlocks(department: string, title: string): FileChild[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 4200, after: 1200, line: 700, lineRule: LineRuleType.AT_LEAST },
      children: [text(department, { bold: true, size: SIZE.coverDepartment })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 900, lineRule: LineRuleType.AT_LEAST },
      children: [text(title, { bold: true, size: SIZE.coverTitle })],
    }),
  ];
}

/**
 * The 目录: a TOC field over Heading 1–2, written with the document's headings as its entries, so
 * it shows them in readers that never update fields (LibreOffice, WPS, preview panes). The page
 * numbers cannot be known without laying the pages out, so the entries carry none.
 *
 * The field is written dirty (the docx default), so Word rebuilds the 目录 with its page numbers
 * when the document is opened, after its usual question (“此文档包含的域可能引用了其他文件，是否更新
 * 此文档中的域？”); 否 keeps these entries. The document does not also set `updateFields`: Word asks
 * the same question for it, and it would update every field, not only the 目录.
 */
function contentsBlocks(outline: Outline): FileChild[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 480 },
      children: [text("目  录", { bold: true, size: SIZE.contentsTitle })],
    }),
    new TableOfContents("目录", {
      headingStyleRange: "1-2",
      hyperlink: true,
      hideTabAndPageNumbersInWebView: true,
      cachedEntries: outline.entries.map((e) => ({
        title: e.title,
        level: e.level,
        href: e.bookmark,
      })),
    }),
  ];
}

const SECTION_NUMBER = /^[一二三四五六七八九十百]+、/;

/**
 * The sections with their numbers (一、二、…) counted again within the part they are printed in:
 * the narrative numbers them as one text, the document moves 部门职责 to part one and 名词解释 to
 * part four, and the numbers must still run on in the text and in the 目录.
 */
export function renumberSections(sections: readonly NarrativeSection[]): NarrativeSection[] {
  let n = 0;
  return sections.map((s) =>
    SECTION_NUMBER.test(s.heading)
      ? { ...s, heading: s.heading.replace(SECTION_NUMBER, `${chineseNumber(++n)}、`) }
      : s
  );
}

/** The narrative's sections that describe the department: they make part one. */
const PART_ONE_SECTIONS: ReadonlySet<string> = new Set(["duties", "organization"]);
/** The narrative's own part headings (第一部分 概况 …): the document has its own. */
const PART_HEADING = /^第[一二三四五六七八九十]+部分/;

/**
 * A heading line of the clerk's 部门职责 text: 一、本部门职责, 二、机构设置情况 … — a Chinese numeral
 * and 、, short, not a sentence (a numbered duty that ends in 。 or ； is a paragraph).
 */
const DUTIES_HEADING = /^[一二三四五六七八九十]+、[^。；;]{1,38}$/;

/**
 * The clerk's 部门职责及机构设置 (`--duties`, the pane's text): one paragraph per line, blank lines
 * skipped; heading lines (DUTIES_HEADING) become headings of part one, listed in the 目录; a line
 * that repeats a part heading (第一部分 概况) is dropped, since the document has its own.
 */
function clerkDutiesBlocks(duties: string, outline: Outline): FileChild[] {
  return duties
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !PART_HEADING.test(l))
    .map((line) =>
      DUTIES_HEADING.test(line) ? sectionHeading(line, outline) : bodyParagraph([text(line)])
    );
}

/** The clerk's text; else the narrative's 部门职责 and 机构设置 sections; else placeholders to fill in. */
function dutiesBlocks(
  duties: string | undefined,
  narrative: Narrative | undefined,
  outline: Outline
): FileChild[] {
  const clerks = clerkDutiesBlocks(duties ?? "", outline);
  if (clerks.length > 0) return clerks;
  const fromNarrative = renumberSections(
    (narrative?.sections ?? []).filter((s) => PART_ONE_SECTIONS.has(s.id))
  );
  if (fromNarrative.length > 0)
    return fromNarrative.flatMap((s) => [
      ...(s.heading ? [sectionHeading(s.heading, outline)] : []),
      ...s.paragraphs.map(narrativeParagraph),
    ]);
  return [
    sectionHeading("一、部门职责", outline),
    bodyParagraph([placeholder("部门职责")]),
    sectionHeading("二、机构设置情况", outline),
    bodyParagraph([placeholder("机构设置情况")]),
  ];
}

/**
 * Renders the whole disclosure as a .docx file.
 *
 * @example
 * const bytes = await writeDocx({ specs, narrative, duties, department: "中共长治市屯留区委组织部", year: 2024, template });
 */
export async function writeDocx(input: DocxInput): Promise<Uint8Array> {
  const { department, year } = input;
  const templateSet = TEMPLATE_SETS[input.template];
  const title = documentTitle(department, year, input.template);
  const specs = inTemplateOrder(input.specs, input.template);
  // Every heading goes through the outline, in document order: the 目录 is made from it last.
  const outline = new Outline();

  const partOne: FileChild[] = [
    partHeading("第一部分 部门职责及机构设置", outline),
    ...dutiesBlocks(input.duties, input.narrative, outline),
  ];

  const partTwo = partHeading(`第二部分 ${year}年部门预算公开表`, outline);
  const tableSections =
    specs.length === 0
      ? [section([partTwo, bodyParagraph([placeholder("公开表")])], "portrait")]
      : specs.map((spec, i) => {
          const orientation = spec.page.orientation;
          // Numbered by place, so the numbers run on without a gap (core/format/disclosure
          // numbers the sheets the same way).
          const numbered = numberedTitle(spec.title, i + 1, templateSet.tableNumbering);
          return section(
            [
              ...(i === 0 ? [partTwo] : []),
              ...tableBlocks(spec, TEXT_WIDTH[orientation], spec.zeroAs, {
                title: numbered,
                outline,
              }),
            ],
            orientation
          );
        });

  const sections = input.narrative?.sections ?? [];
  // 部门职责 is part one; the glossary is part four.
  const explanation = renumberSections(
    sections.filter(
      (s) =>
        !isGlossarySection(s) &&
        !PART_ONE_SECTIONS.has(s.id) &&
        !(PART_HEADING.test(s.heading) && s.paragraphs.length === 0)
    )
  );
  const chartSpec = generalBudgetExpenditureSpec(specs);
  const chartBars =
    input.chart === false ? [] : (input.chart ?? (chartSpec ? expenditureByClass(chartSpec) : []));
  const chart = () => chartBlocks(chartBars, year, TEXT_WIDTH.portrait);
  const place = chartBars.length > 0 ? chartPlace(explanation) : undefined;
  const partThree: FileChild[] = [partHeading(`第三部分 ${year}年部门预算情况说明`, outline)];
  if (explanation.length === 0) partThree.push(bodyParagraph([placeholder("情况说明")]));
  explanation.forEach((s, i) => {
    if (s.heading) partThree.push(sectionHeading(s.heading, outline));
    if (place?.section === i && place.after < 0) partThree.push(...chart());
    s.paragraphs.forEach((paragraph, j) => {
      partThree.push(narrativeParagraph(paragraph));
      if (place?.section === i && place.after === j) partThree.push(...chart());
    });
  });
  if (chartBars.length > 0 && !place) partThree.push(...chart());

  const glossarySection = sections.find(isGlossarySection);
  const partFour: FileChild[] = [partHeading("第四部分 名词解释", outline, true)];
  if (input.glossary)
    input.glossary.forEach((entry, i) =>
      partFour.push(
        bodyParagraph([text(`${i + 1}、${entry.term}：`, { bold: true }), text(entry.definition)])
      )
    );
  else if (glossarySection) partFour.push(...glossarySection.paragraphs.map(narrativeParagraph));
  else partFour.push(...glossaryLines(input.template).map((line) => bodyParagraph([text(line)])));

  const document = new Document({
    title,
    creator: "budget-disclosure",
    description: `${title}（${templateSet.name}格式）`,
    theme: {
      fonts: {
        headings: { latin: LATIN_FONT, eastAsia: EAST_ASIA_FONT },
        body: { latin: LATIN_FONT, eastAsia: EAST_ASIA_FONT },
      },
    },
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZE.body } },
        heading1: { run: { font: FONT, size: SIZE.part, bold: true, color: "000000" } },
        heading2: { run: { font: FONT, size: SIZE.heading, bold: true, color: "000000" } },
      },
      // The 目录's entries, as written and as Word rebuilds them: parts bold, the rest indented.
      paragraphStyles: [
        {
          id: "TOC1",
          name: "toc 1",
          basedOn: "Normal",
          next: "Normal",
          uiPriority: 39,
          run: { font: FONT, size: SIZE.body, bold: true },
          paragraph: { spacing: { before: 120, after: 0, line: 360 } },
        },
        {
          id: "TOC2",
          name: "toc 2",
          basedOn: "Normal",
          next: "Normal",
          uiPriority: 39,
          run: { font: FONT, size: SIZE.body },
          paragraph: { spacing: { before: 0, after: 0, line: 360 }, indent: { left: 480 } },
        },
      ],
    },
    sections: [
      // Cover and 目录 unnumbered; 第一部分 is page 1, as published.
      section(coverBlocks(department, coverTitle(year, input.template)), "portrait", {
        first: true,
        unnumbered: true,
      }),
      section(contentsBlocks(outline), "portrait", { unnumbered: true }),
      section(partOne, "portrait", { startPageNumber: 1 }),
      ...tableSections,
      section([...partThree, ...partFour], "portrait"),
    ],
  });
  const buffer = await Packer.toArrayBuffer(document, false, [
    { path: "word/fontTable.xml", data: FONT_TABLE },
  ]);
  return stablePackage(new Uint8Array(buffer), input.date ?? new Date(Date.UTC(year, 0, 1)));
}
