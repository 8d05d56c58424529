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
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  ShadingType,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableOfContents,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from "docx";
import type { FileChild, ISectionOptions, ParagraphChild } from "docx";
import type { CellStyleName, SheetSpec, SpecCell, SpecMerge } from "../core/format/sheetSpec";
import { glossaryLines } from "../core/narrative/glossary";
import type { GlossaryEntry } from "../core/narrative/glossary";
import type { Narrative, NarrativeParagraph, NarrativeSection } from "../core/narrative/types";
import { paragraphText, placeholderText, runText } from "../core/narrative/types";
import type { TemplateId } from "../core/model";
import { chineseNumber } from "../core/templates/common";
import { TEMPLATE_SETS, tableNumber } from "../core/templates/sets";
import type { TemplateSet } from "../core/templates/sets";
import { barChartRun, expenditureByClass, generalBudgetExpenditureSpec } from "./chart";
import type { ChartBar } from "./chart";
import { stablePackage } from "./stableZip";

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
// Page and type

const EAST_ASIA_FONT = "宋体";
const LATIN_FONT = "Times New Roman";
const FONT = { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: EAST_ASIA_FONT, cs: LATIN_FONT };

/** Half-points: the cover's 一号 and 小初, 三号 parts and table titles, 四号 headings, 小四 text. */
const SIZE = {
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
const TEXT_WIDTH = {
  portrait: A4.width - 2 * MARGIN.portrait.side,
  landscape: A4.height - 2 * MARGIN.landscape.side,
};
const HEADER_FILL = "D9D9D9";
const PLACEHOLDER_HIGHLIGHT = "yellow" as const;

const BODY_PARAGRAPH = {
  spacing: { line: 360, before: 0, after: 0 },
  indent: { firstLine: 480 },
} as const;

function text(
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

function placeholder(prompt: string, size = SIZE.body): TextRun {
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
function partHeading(title: string, outline: Outline, pageBreakBefore = false): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    alignment: AlignmentType.CENTER,
    pageBreakBefore,
    spacing: { before: 240, after: 360 },
    children: [outline.add(title, 1, text(title, { bold: true, size: SIZE.part }))],
  });
}

/** A section of part one or of the 情况说明: Heading 2, level 2 of the 目录. */
function sectionHeading(title: string, outline: Outline): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_2,
    keepNext: true,
    spacing: { before: 240, after: 120, line: 360 },
    indent: { firstLine: 480 },
    children: [outline.add(title, 2, text(title, { bold: true, size: SIZE.heading }))],
  });
}

function bodyParagraph(children: ParagraphChild[]): Paragraph {
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

function section(
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

// ---------------------------------------------------------------------------------------------
// Tables: one SheetSpec → its title, its pre-header lines (paragraphs with tab stops on the table's
// column grid, so 单位：万元 stays at the right edge) and the bordered table from the header down.

const DOCX_ALIGNMENT: Readonly<
  Record<CellStyleName, (typeof AlignmentType)[keyof typeof AlignmentType]>
> = {
  title: AlignmentType.CENTER,
  subtitle: AlignmentType.LEFT,
  meta: AlignmentType.LEFT,
  metaRight: AlignmentType.RIGHT,
  header: AlignmentType.CENTER,
  columnNumber: AlignmentType.CENTER,
  code: AlignmentType.LEFT,
  text: AlignmentType.LEFT,
  textIndented: AlignmentType.LEFT,
  amount: AlignmentType.RIGHT,
  total: AlignmentType.CENTER,
  totalAmount: AlignmentType.RIGHT,
  note: AlignmentType.LEFT,
};

const BOLD_STYLES: ReadonlySet<CellStyleName> = new Set([
  "title",
  "header",
  "total",
  "totalAmount",
]);
const SHADED_STYLES: ReadonlySet<CellStyleName> = new Set(["header", "columnNumber"]);

/** What a cell shows, as published: amounts with their decimals, zero blank when the spec says so. */
export function cellText(cell: SpecCell, zeroAs: SheetSpec["zeroAs"]): string {
  const v = cell.value;
  switch (v.kind) {
    case "text":
      return v.text;
    case "integer":
      return String(v.value);
    case "amount":
      return v.value.isZero() && zeroAs === "blank" ? "" : v.value.toFixed(v.decimals);
    case "empty":
      return "";
  }
}

/** Twips per Excel width unit at the table's 9 pt: a Chinese character is two units, 180 twips. */
const TWIPS_PER_UNIT = 90;
/** The share of its natural width a column keeps however little it holds. */
const EMPTY_COLUMN_SHARE = 0.6;
const CELL_PADDING = 2 * 57 + 30;

/** Width in Excel units: a CJK character counts two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 1;
  return width;
}

/** The spec's own column widths, scaled to fill `available` twips. */
function scaledWidths(spec: SheetSpec, available: number): number[] {
  const natural = Array.from({ length: spec.columnCount }, (_, c) => spec.columnWidths[c] || 10);
  const total = natural.reduce((a, b) => a + b, 0);
  const widths = natural.map((w) => Math.floor((w / total) * available));
  widths[widths.length - 1] += available - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/**
 * Column widths in twips filling `available`. Every column first gets what its longest body line
 * needs on one line (headers may wrap; capped, so one long name cannot squeeze the rest), and the
 * room left is shared in proportion to the spec's widths: a page narrower than the spreadsheet
 * wraps the captions, not the amounts and item names.
 */
export function gridWidths(spec: SheetSpec, available: number): number[] {
  const natural = Array.from({ length: spec.columnCount }, (_, c) => {
    const w = spec.columnWidths[c];
    return (w !== undefined && w > 0 ? w : 10) * TWIPS_PER_UNIT;
  });
  const spanning = new Set(
    spec.merges.filter((m) => m.right > m.left).map((m) => `${m.top},${m.left}`)
  );
  const needed = natural.map(() => 0);
  for (const cell of spec.cells) {
    if (
      cell.row < spec.headerRows ||
      cell.style === "note" ||
      spanning.has(`${cell.row},${cell.col}`)
    )
      continue;
    const longest = Math.max(0, ...cellText(cell, spec.zeroAs).split("\n").map(displayWidth));
    if (longest > 0)
      needed[cell.col] = Math.max(
        needed[cell.col],
        Math.min(longest * TWIPS_PER_UNIT + CELL_PADDING, available * 0.45)
      );
  }
  // A column with nothing in it (a source the department has no money from) keeps part of its
  // width, so its header is not squeezed to a character a line.
  for (let c = 0; c < needed.length; c++)
    needed[c] = Math.max(needed[c], Math.min(natural[c], available * 0.45) * EMPTY_COLUMN_SHARE);
  const neededTotal = needed.reduce((a, b) => a + b, 0);
  const naturalTotal = natural.reduce((a, b) => a + b, 0);
  const widths =
    neededTotal >= available
      ? needed.map((w) => Math.floor((w / neededTotal) * available))
      : needed.map((w, c) =>
          Math.floor(w + ((available - neededTotal) * natural[c]) / naturalTotal)
        );
  widths[widths.length - 1] += available - widths.reduce((a, b) => a + b, 0);
  return widths;
}

interface RowBlock {
  from: number;
  to: number;
  /** The last row that repeats on every page. */
  headerTo: number;
}

const THIN_BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

function specTable(
  spec: SheetSpec,
  block: RowBlock,
  widths: number[],
  zeroAs: SheetSpec["zeroAs"]
): Table {
  const cellAt = new Map<string, SpecCell>();
  for (const cell of spec.cells) cellAt.set(`${cell.row},${cell.col}`, cell);
  // Merges clipped to the block: the title's merge lies outside every block.
  const merges: SpecMerge[] = spec.merges
    .filter((m) => m.bottom >= block.from && m.top <= block.to)
    .map((m) => ({ ...m, top: Math.max(m.top, block.from), bottom: Math.min(m.bottom, block.to) }));
  const mergeAt = new Map<string, SpecMerge>();
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) mergeAt.set(`${r},${c}`, m);

  const rows: TableRow[] = [];
  for (let r = block.from; r <= block.to; r++) {
    const cells: TableCell[] = [];
    for (let c = 0; c < spec.columnCount; c++) {
      const merge = mergeAt.get(`${r},${c}`);
      if (merge && c !== merge.left) continue; // covered by a horizontal span
      const span = merge ? merge.right - merge.left + 1 : 1;
      const master = merge ? cellAt.get(`${merge.top},${merge.left}`) : cellAt.get(`${r},${c}`);
      const continued = merge !== undefined && r > merge.top;
      const style = master?.style ?? "text";
      let width = 0;
      for (let k = c; k < c + span; k++) width += widths[k];
      const shown = master && !continued ? cellText(master, zeroAs) : "";
      cells.push(
        new TableCell({
          columnSpan: span > 1 ? span : undefined,
          verticalMerge:
            merge && merge.bottom > merge.top
              ? continued
                ? VerticalMergeType.CONTINUE
                : VerticalMergeType.RESTART
              : undefined,
          width: { size: width, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          shading: SHADED_STYLES.has(style)
            ? { type: ShadingType.CLEAR, fill: HEADER_FILL, color: "auto" }
            : undefined,
          children: [
            new Paragraph({
              alignment: style === "meta" && c > 0 ? AlignmentType.CENTER : DOCX_ALIGNMENT[style],
              children: shown.split("\n").map(
                (line, i) =>
                  new TextRun({
                    text: line,
                    break: i > 0 ? 1 : undefined,
                    font: FONT,
                    size: SIZE.table,
                    bold: BOLD_STYLES.has(style),
                  })
              ),
            }),
          ],
        })
      );
    }
    rows.push(
      new TableRow({
        children: cells,
        cantSplit: true,
        tableHeader: r <= block.headerTo ? true : undefined,
      })
    );
  }
  const border = THIN_BORDER;
  return new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: 57, right: 57, top: 17, bottom: 17 },
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
  });
}

export { tableNumber };

/** A title that already starts with its number (表一、表1) keeps it. */
const NUMBERED_TITLE = /^\s*表\s*[一二三四五六七八九十\d]+/;

/** The title as printed above the table: `表一 2024年预算收支总表`. */
export function numberedTitle(
  title: string,
  n: number,
  numbering: TemplateSet["tableNumbering"]
): string {
  return NUMBERED_TITLE.test(title) ? title : `${tableNumber(n, numbering)} ${title}`;
}

/**
 * The paragraphs and tables of one published table. The title is `title` (by default the spec's)
 * as a Heading 2, listed in the 目录 when an outline is given.
 */
export function tableBlocks(
  spec: SheetSpec,
  available: number,
  zeroAs = spec.zeroAs,
  { title = spec.title, outline }: { title?: string; outline?: Outline } = {}
): FileChild[] {
  // A form's cells are mostly merged text, which gridWidths cannot size by: keep the template's.
  const widths = hasSubtitledBlocks(spec)
    ? scaledWidths(spec, available)
    : gridWidths(spec, available);
  const titleRun = text(title, { bold: true, size: SIZE.tableTitle });
  const out: FileChild[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 0, after: 120 },
      children: [outline ? outline.add(title, 2, titleRun) : titleRun],
    }),
  ];
  const headerFrom = Math.max(1, spec.printTitleRows.from);
  if (hasSubtitledBlocks(spec)) {
    out.push(...subtitledBlocks(spec, widths, zeroAs));
    return out;
  }
  for (let row = 1; row < headerFrom; row++) {
    const line = metaLine(spec, row, widths);
    if (line) out.push(line);
  }
  if (spec.rowCount > headerFrom)
    out.push(
      specTable(
        spec,
        { from: headerFrom, to: spec.rowCount - 1, headerTo: spec.printTitleRows.to },
        widths,
        zeroAs
      )
    );
  return out;
}

/** A sheet of stacked forms (the Hebei 项目绩效目标表): a sub-title opens each form below the head. */
function hasSubtitledBlocks(spec: SheetSpec): boolean {
  return spec.cells.some((cell) => cell.style === "subtitle" && cell.row >= spec.headerRows);
}

const UNBORDERED: ReadonlySet<CellStyleName> = new Set(["title", "subtitle", "meta", "metaRight"]);

/**
 * The rows below the title of a sheet of stacked forms, each form as in print: its sub-title as a
 * paragraph, its 单位 line, then its own bordered table (no header row to repeat).
 */
function subtitledBlocks(
  spec: SheetSpec,
  widths: readonly number[],
  zeroAs: SheetSpec["zeroAs"]
): FileChild[] {
  const rows = new Map<number, SpecCell[]>();
  for (const cell of spec.cells) {
    if (cell.row === 0) continue;
    rows.set(cell.row, [...(rows.get(cell.row) ?? []), cell]);
  }
  const shown = (cells: readonly SpecCell[]) =>
    cells.some((c) => cellText(c, zeroAs).trim() !== "");
  const out: FileChild[] = [];
  let tableFrom = -1;
  const closeTable = (to: number) => {
    if (tableFrom >= 0)
      out.push(specTable(spec, { from: tableFrom, to, headerTo: -1 }, [...widths], zeroAs));
    tableFrom = -1;
  };
  for (let r = 1; r < spec.rowCount; r++) {
    const cells = rows.get(r) ?? [];
    const bordered = cells.some((c) => !UNBORDERED.has(c.style) && c.style !== "note");
    if (bordered) {
      if (tableFrom < 0) tableFrom = r;
      continue;
    }
    closeTable(r - 1);
    if (!shown(cells)) continue;
    const subtitle = cells.find((c) => c.style === "subtitle");
    if (subtitle)
      out.push(
        new Paragraph({
          keepNext: true,
          spacing: { before: 240, after: 60 },
          children: [text(cellText(subtitle, zeroAs), { bold: true, size: SIZE.table + 2 })],
        })
      );
    else {
      const line = metaLine(spec, r, widths);
      if (line) out.push(line);
    }
  }
  closeTable(spec.rowCount - 1);
  return out;
}

/**
 * A line above the header (预算公开表N; the department, 预算年度, 单位：万元) as one paragraph with tab
 * stops at the table's columns: the first item flush left, 单位 flush right, anything between
 * centred over its cells. Text flows past column edges as in the spreadsheet.
 */
function metaLine(spec: SheetSpec, row: number, widths: readonly number[]): Paragraph | undefined {
  const merges = new Map(spec.merges.filter((m) => m.top === row).map((m) => [m.left, m]));
  const items = spec.cells
    .filter((cell) => cell.row === row && cellText(cell, spec.zeroAs).trim() !== "")
    .sort((a, b) => a.col - b.col);
  if (items.length === 0) return undefined;
  const left = (col: number) => widths.slice(0, col).reduce((a, b) => a + b, 0);
  const total = left(widths.length);
  const tabStops: { type: (typeof TabStopType)[keyof typeof TabStopType]; position: number }[] = [];
  const children: ParagraphChild[] = [];
  items.forEach((cell, i) => {
    const shown = cellText(cell, spec.zeroAs);
    const run = new TextRun({ text: shown, font: FONT, size: SIZE.table });
    if (i === 0 && cell.style !== "metaRight" && cell.col === 0) {
      children.push(run);
      return;
    }
    const right = merges.get(cell.col)?.right ?? cell.col;
    if (cell.style === "metaRight") tabStops.push({ type: TabStopType.RIGHT, position: total });
    else if (cell.col === 0) tabStops.push({ type: TabStopType.LEFT, position: 0 });
    else
      tabStops.push({
        type: TabStopType.CENTER,
        position: Math.round((left(cell.col) + left(right + 1)) / 2),
      });
    children.push(new TextRun({ children: [new Tab(), shown], font: FONT, size: SIZE.table }));
  });
  return new Paragraph({ keepNext: true, tabStops, spacing: { before: 0, after: 40 }, children });
}

/** The template's order; tables the template does not list keep their place after it. */
export function inTemplateOrder(specs: readonly SheetSpec[], template: TemplateId): SheetSpec[] {
  const kinds = TEMPLATE_SETS[template].tables.map((t) => t.kind as string);
  const rank = (spec: SheetSpec) => {
    const i = kinds.indexOf(spec.kind);
    return i < 0 ? kinds.length : i;
  };
  return specs
    .map((spec, i) => ({ spec, i }))
    .sort((a, b) => rank(a.spec) - rank(b.spec) || a.i - b.i)
    .map(({ spec }) => spec);
}

// ---------------------------------------------------------------------------------------------
// Narrative, chart, glossary

function narrativeRuns(paragraph: NarrativeParagraph): TextRun[] {
  return paragraph.runs.map((run) =>
    run.kind === "placeholder"
      ? placeholder(run.prompt)
      : text(runText(run), { bold: paragraph.heading })
  );
}

function narrativeParagraph(paragraph: NarrativeParagraph): Paragraph {
  if (!paragraph.heading) return bodyParagraph(narrativeRuns(paragraph));
  return new Paragraph({ ...BODY_PARAGRAPH, keepNext: true, children: narrativeRuns(paragraph) });
}

const GLOSSARY_SECTION = /名词解释|glossary/i;

function isGlossarySection(s: NarrativeSection): boolean {
  return GLOSSARY_SECTION.test(s.id) || GLOSSARY_SECTION.test(s.heading);
}

/** Where the chart goes: after paragraph `after` of section `section` (-1: right under its heading). */
export interface ChartPlace {
  section: number;
  after: number;
}

/**
 * The chart follows the explanation of 一般公共预算 expenditure, else the 支出说明, else any part
 * about 支出: a section, or a sub-heading inside one (Hebei's “2、支出说明”) up to the next sub-heading.
 */
export function chartPlace(sections: readonly NarrativeSection[]): ChartPlace | undefined {
  const anchors: { label: string; place: ChartPlace }[] = [];
  sections.forEach((s, i) => {
    anchors.push({
      label: `${s.id} ${s.heading}`,
      place: { section: i, after: s.paragraphs.length - 1 },
    });
    s.paragraphs.forEach((p, j) => {
      if (!p.heading) return;
      const next = s.paragraphs.findIndex((q, k) => k > j && q.heading);
      anchors.push({
        label: paragraphText(p),
        place: { section: i, after: next < 0 ? s.paragraphs.length - 1 : next - 1 },
      });
    });
  });
  const tests = [
    (label: string) => /一般公共预算/.test(label) && /支出/.test(label) && !/基本支出/.test(label),
    (label: string) => /支出说明|支出预算情况|\bexpenditure\b/i.test(label),
    (label: string) => /支出/.test(label),
  ];
  for (const test of tests) {
    const found = anchors.find((a) => test(a.label));
    if (found) return found.place;
  }
  return undefined;
}

/** The chart, its caption under it, and an empty line before the text goes on. */
function chartBlocks(bars: readonly ChartBar[], year: number, available: number): FileChild[] {
  // Word's own width for a chart, or the text width when that is narrower (twips → pixels).
  const width = Math.min(576, Math.floor(available / 15));
  const chart = new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 120 },
    children: [barChartRun(bars, { width, font: EAST_ASIA_FONT })],
  });
  const caption = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 60, after: 120 },
    children: [
      text(`图1 ${year}年一般公共预算支出结构（按支出功能分类科目，单位：万元）`, {
        bold: true,
        size: SIZE.small + 3,
      }),
    ],
  });
  return [chart, caption, new Paragraph({ children: [] })];
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
