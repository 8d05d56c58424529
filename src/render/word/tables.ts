/**
 * The tables of the Word document: one SheetSpec → its numbered title, its pre-header lines
 * (paragraphs with tab stops on the table's column grid, so 单位：万元 stays at the right edge) and
 * the bordered table from the header down, its header rows repeated on every page; stacked forms
 * get a sub-title each. Column widths come from what the cells show.
 */
import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from "docx";
import type { FileChild, ParagraphChild } from "docx";
import type { CellStyleName, SheetSpec, SpecCell, SpecMerge } from "../../core/format/sheetSpec";
import type { TemplateId } from "../../core/model";
import { TEMPLATE_SETS, tableNumber } from "../../core/templates/sets";
import type { TemplateSet } from "../../core/templates/sets";
import { FONT, HEADER_FILL, Outline, SIZE, text } from "./page";

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
