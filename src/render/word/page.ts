/**
 * The Word document's page and type: fonts (宋体 for Chinese, Times New Roman for Latin text),
 * sizes, A4 pages and margins, text runs and highlighted placeholders, the headings the 目录 lists
 * (Outline), and page sections with their footers. Shared by the tables, the narrative and the
 * document's assembly (../docx.ts).
 */
import {
  AlignmentType,
  Bookmark,
  Footer,
  HeadingLevel,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  TextRun,
} from "docx";
import type { FileChild, ISectionOptions, ParagraphChild } from "docx";
import { placeholderText } from "../../core/narrative/types";

export const EAST_ASIA_FONT = "宋体";
export const LATIN_FONT = "Times New Roman";
export const FONT = {
  ascii: LATIN_FONT,
  hAnsi: LATIN_FONT,
  eastAsia: EAST_ASIA_FONT,
  cs: LATIN_FONT,
};

/** Half-points: the cover's 一号 and 小初, 三号 parts and table titles, 四号 headings, 小四 text. */
export const SIZE = {
  coverDepartment: 52,
  coverTitle: 72,
  contentsTitle: 36,
  part: 32,
  tableTitle: 32,
  heading: 28,
  body: 24,
  table: 18,
  small: 18,
};

/** A4 in twips, and margins that leave 14,570 twips (25.7 cm) for a landscape table. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { portrait: { side: 1418, top: 1440 }, landscape: { side: 1134, top: 1247 } };
export const TEXT_WIDTH = {
  portrait: A4.width - 2 * MARGIN.portrait.side,
  landscape: A4.height - 2 * MARGIN.landscape.side,
};
export const HEADER_FILL = "D9D9D9";
const PLACEHOLDER_HIGHLIGHT = "yellow" as const;

export const BODY_PARAGRAPH = {
  spacing: { line: 360, before: 0, after: 0 },
  indent: { firstLine: 480 },
} as const;

export function text(
  value: string,
  options: { bold?: boolean; size?: number; highlight?: typeof PLACEHOLDER_HIGHLIGHT } = {}
): TextRun {
  return new TextRun({
    text: value,
    font: FONT,
    size: options.size ?? SIZE.body,
    bold: options.bold,
    highlight: options.highlight,
  });
}

export function placeholder(prompt: string, size = SIZE.body): TextRun {
  return text(placeholderText(prompt), { size, highlight: PLACEHOLDER_HIGHLIGHT });
}

/** One line of the 目录: a heading of the document, and the bookmark on it its entry links to. */
export interface OutlineEntry {
  title: string;
  level: 1 | 2;
  bookmark: string;
}

/**
 * The document's headings in order, as they are made: what the 目录 lists before Word (if ever)
 * rebuilds it. Every heading paragraph is made through it, so the two cannot disagree.
 */
export class Outline {
  readonly entries: OutlineEntry[] = [];

  /** The heading's text in a bookmark (hidden, as Word names its own: _Toc…) for the 目录 to link to. */
  add(title: string, level: 1 | 2, run: TextRun): Bookmark {
    const bookmark = `_Toc_bd_${this.entries.length + 1}`;
    this.entries.push({ title, level, bookmark });
    return new Bookmark({ id: bookmark, children: [run] });
  }
}

/** 第一部分 … 第四部分: Heading 1, level 1 of the 目录. */
export function partHeading(title: string, outline: Outline, pageBreakBefore = false): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    alignment: AlignmentType.CENTER,
    pageBreakBefore,
    spacing: { before: 240, after: 360 },
    children: [outline.add(title, 1, text(title, { bold: true, size: SIZE.part }))],
  });
}

/** A section of part one or of the 情况说明: Heading 2, level 2 of the 目录. */
export function sectionHeading(title: string, outline: Outline): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_2,
    keepNext: true,
    spacing: { before: 240, after: 120, line: 360 },
    indent: { firstLine: 480 },
    children: [outline.add(title, 2, text(title, { bold: true, size: SIZE.heading }))],
  });
}

export function bodyParagraph(children: ParagraphChild[]): Paragraph {
  return new Paragraph({ ...BODY_PARAGRAPH, children });
}

function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: FONT, size: SIZE.small }),
        ],
      }),
    ],
  });
}

/** A footer with nothing in it: the cover's and the 目录's pages carry no page number. */
function emptyFooter(): Footer {
  return new Footer({ children: [new Paragraph({ children: [] })] });
}

interface SectionOptions {
  /** The document's first section: no section break before it. */
  first?: boolean;
  /** No page number in the footer (the cover, the 目录). */
  unnumbered?: boolean;
  /** Page numbering starts again at this number. */
  startPageNumber?: number;
}

export function section(
  children: FileChild[],
  orientation: "portrait" | "landscape",
  { first = false, unnumbered = false, startPageNumber }: SectionOptions = {}
): ISectionOptions {
  const margin = MARGIN[orientation];
  return {
    properties: {
      type: first ? undefined : SectionType.NEXT_PAGE,
      page: {
        pageNumbers: startPageNumber === undefined ? undefined : { start: startPageNumber },
        size: {
          width: A4.width,
          height: A4.height,
          orientation:
            orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: {
          top: margin.top,
          bottom: margin.top,
          left: margin.side,
          right: margin.side,
          header: 567,
          footer: 567,
        },
      },
    },
    footers: { default: unnumbered ? emptyFooter() : pageFooter() },
    children,
  };
}
