/**
 * The tables of a published .docx as Grids the engine reads like sheets, and the paragraphs around
 * them as the document's own text. Usable in Node and in the browser (jszip and a small XML walk;
 * no XML parser is a dependency of the project).
 *
 * Each Word table becomes one Grid: the paragraphs just before it (its title, 预算公开表N, the
 * 部门 / 预算年度 / 单位 line, split at tabs into cells) are its first rows, as on a sheet, so
 * readWorkbook finds title, department and unit the same way. `gridSpan` and `vMerge` become merged
 * areas holding their text in the top-left cell, as the xlsx host presents them. A table that
 * follows another with no title of its own is the same table continued: a repeated header is
 * dropped, and the short lines between (the sub-title of a stacked form, its 单位 line) are kept
 * as rows. Amounts stay text ("1,234.56"); the reader parses text amounts as it does on a sheet.
 */
import JSZip from "jszip";
import type { CellRange, CellValue, Grid } from "../core/grid";

// ---------------------------------------------------------------------------------------------
// A small XML tree: elements with their attributes and children, text where it matters (w:t).

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity[0] === "#")
      return String.fromCodePoint(
        entity[1] === "x" || entity[1] === "X"
          ? parseInt(entity.slice(2), 16)
          : Number(entity.slice(1))
      );
    return ENTITIES[entity] ?? whole;
  });
}

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    attrs[m[1]] = decodeXml(m[2] ?? m[3] ?? "");
  return attrs;
}

/** Elements and text of an XML document (comments, declarations and CDATA markers skipped). */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: "#root", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>|<(\/?)([\w:.-]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (const m of xml.matchAll(token)) {
    const [, cdata, slash, name, attrs, selfClosing, text] = m;
    const top = stack[stack.length - 1];
    if (text !== undefined) top.children.push(decodeXml(text));
    else if (cdata !== undefined) top.children.push(cdata);
    else if (name !== undefined) {
      if (slash === "/") {
        // Close up to the matching element (tolerates stray end tags).
        const at = stack.map((e) => e.name).lastIndexOf(name);
        if (at > 0) stack.length = at;
        continue;
      }
      const element: XmlElement = { name, attrs: parseAttrs(attrs), children: [] };
      top.children.push(element);
      if (selfClosing !== "/") stack.push(element);
    }
  }
  return root;
}

const elements = (e: XmlElement) =>
  e.children.filter((c): c is XmlElement => typeof c !== "string");
const child = (e: XmlElement, name: string) => elements(e).find((c) => c.name === name);
const attr = (e: XmlElement | undefined, name: string) => e?.attrs[`w:${name}`] ?? e?.attrs[name];

/**
 * The children of `e` with content controls (w:sdt), custom XML, smart tags and tracked insertions
 * opened up: Word wraps paragraphs, rows and cells in them.
 */
function flatChildren(e: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of elements(e)) {
    if (c.name === "w:sdt") {
      const content = child(c, "w:sdtContent");
      if (content) out.push(...flatChildren(content));
    } else if (c.name === "w:customXml" || c.name === "w:smartTag" || c.name === "w:ins") {
      out.push(...flatChildren(c));
    } else out.push(c);
  }
  return out;
}

/** Subtrees whose text is not the paragraph's: deleted text, field codes, fallbacks, text boxes. */
const SKIPPED = new Set([
  "w:del",
  "w:delText",
  "w:instrText",
  "mc:Fallback",
  "w:txbxContent",
  "w:pPr",
  "w:rPr",
  "w:footnoteReference",
]);

/** The text of a paragraph: tabs kept as \t (they separate the items of a 单位 line), breaks as \n. */
function paragraphText(p: XmlElement): string {
  let text = "";
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === "string") continue;
      if (SKIPPED.has(c.name)) continue;
      if (c.name === "w:t") text += c.children.filter((x) => typeof x === "string").join("");
      else if (c.name === "w:tab" || c.name === "w:ptab") text += "\t";
      else if (c.name === "w:br" || c.name === "w:cr") text += "\n";
      else if (c.name === "w:noBreakHyphen") text += "-";
      else walk(c);
    }
  };
  walk(p);
  return text;
}

function paragraphStyle(p: XmlElement): string | undefined {
  const pPr = child(p, "w:pPr");
  return pPr ? attr(child(pPr, "w:pStyle"), "val") : undefined;
}

// ---------------------------------------------------------------------------------------------
// The body in reading order: paragraphs and tables.

/** One paragraph outside the tables. `index` counts the document's non-empty paragraphs from 1. */
export interface DocxParagraph {
  text: string;
  index: number;
  style?: string;
}

interface WordCell {
  text: string;
  col: number;
  span: number;
  /** vMerge: "restart" opens a vertical merge, "continue" extends the one above. */
  vMerge?: "restart" | "continue";
}

interface WordRow {
  cells: WordCell[];
  header: boolean;
}

interface WordTable {
  rows: WordRow[];
  columns: number;
}

type BodyItem =
  { kind: "paragraph"; paragraph: DocxParagraph } | { kind: "table"; table: WordTable };

function cellText(tc: XmlElement): string {
  return flatChildren(tc)
    .filter((c) => c.name === "w:p")
    .map((p) => paragraphText(p).replace(/\t/g, " ").trim())
    .filter((t) => t !== "")
    .join("\n");
}

function wordTable(tbl: XmlElement): WordTable {
  const grid = child(tbl, "w:tblGrid");
  let columns = grid ? elements(grid).filter((c) => c.name === "w:gridCol").length : 0;
  const rows: WordRow[] = [];
  for (const tr of flatChildren(tbl).filter((c) => c.name === "w:tr")) {
    const trPr = child(tr, "w:trPr");
    let col = Number(attr(trPr && child(trPr, "w:gridBefore"), "val") ?? 0) || 0;
    const cells: WordCell[] = [];
    for (const tc of flatChildren(tr).filter((c) => c.name === "w:tc")) {
      const tcPr = child(tc, "w:tcPr");
      const span = Math.max(1, Number(attr(tcPr && child(tcPr, "w:gridSpan"), "val") ?? 1) || 1);
      const vMergeElement = tcPr && child(tcPr, "w:vMerge");
      const vMerge = vMergeElement
        ? attr(vMergeElement, "val") === "restart"
          ? "restart"
          : "continue"
        : undefined;
      cells.push({ text: cellText(tc), col, span, vMerge });
      col += span;
    }
    columns = Math.max(columns, col);
    rows.push({ cells, header: trPr !== undefined && child(trPr, "w:tblHeader") !== undefined });
  }
  return { rows, columns };
}

function bodyItems(document: XmlElement): BodyItem[] {
  const body = elements(document)
    .find((e) => e.name === "w:document")
    ?.children.find((c): c is XmlElement => typeof c !== "string" && c.name === "w:body");
  if (!body) throw new Error("word/document.xml has no w:body");
  const items: BodyItem[] = [];
  let index = 0;
  for (const e of flatChildren(body)) {
    if (e.name === "w:p") {
      const text = paragraphText(e);
      if (text.trim() === "") continue;
      index++;
      items.push({ kind: "paragraph", paragraph: { text, index, style: paragraphStyle(e) } });
    } else if (e.name === "w:tbl") items.push({ kind: "table", table: wordTable(e) });
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// Tables → Grids

/** Lines of a 目录, not of the body (Word's TOC1…TOC9 styles; 目录 1 in a Chinese Word). */
const TOC_STYLE = /^(?:toc|目录)\s*\d/i;

/** 表1, 表一, 表 3: a table's number leading its title. */
const NUMBERED = /^\s*(?:附)?表\s*[一二三四五六七八九十\d]+/;
/** 图1 …, 图一: a figure's caption. */
const FIGURE_CAPTION = /^\s*图\s*[一二三四五六七八九十\d]+/;
/** A list item (1、…, （一）…): a form's sub-title, never a table's title. */
const LIST_ITEM = /^\s*(?:\d+[、.．]|[（(][一二三四五六七八九十\d]+[)）])/;

/** Whether a paragraph just before a table titles it: 表N …, a heading, or a short line ending in 表. */
function isTitle(p: DocxParagraph): boolean {
  const text = p.text.replace(/\s+/g, " ").trim();
  if (text.length > 60 || text.includes("\t")) return false;
  if (NUMBERED.test(text)) return true;
  if (LIST_ITEM.test(text)) return false;
  if (p.style !== undefined && /^(?:heading|标题)\s*\d/i.test(p.style) && /表|预算|决算/.test(text))
    return true;
  return /表\s*(?:[(（][^)）]*[)）])?$/.test(text);
}

/** A line that can sit between a table and its caption: short, not prose. */
function isCaptionLine(p: DocxParagraph): boolean {
  const text = p.text.trim();
  return text.length <= 80 && !/[。；;]\s*$/.test(text);
}

/** A paragraph as a row of cells: items separated by tabs (or wide runs of spaces) fill the row. */
function lineRow(text: string, columns: number): CellValue[] {
  const items = text.split(/\t|\s{3,}|\u3000{2,}/).map((s) => s.trim());
  const row: CellValue[] = Array.from({ length: columns }, () => null);
  const shown = items.map((s, i) => ({ s, i })).filter(({ s }) => s !== "");
  if (shown.length === 0) return row;
  const last = Math.max(columns - 1, 0);
  // The first item at the left edge unless the line starts with a tab (a flush-right 单位 line),
  // the last at the right edge, the ones between spread over the columns between.
  shown.forEach(({ s, i }, k) => {
    let col: number;
    if (shown.length === 1) col = i === 0 ? 0 : last;
    else if (k === 0) col = i === 0 ? 0 : Math.min(1, last);
    else if (k === shown.length - 1) col = last;
    else col = Math.min(last, Math.round((k * last) / (shown.length - 1)));
    while (row[col] !== null && col < last) col++;
    row[col] = row[col] === null ? s : `${row[col] as string} ${s}`;
  });
  return row;
}

interface Building {
  sheet: string;
  values: CellValue[][];
  merges: CellRange[];
  columns: number;
  /** The header rows of the last Word table added, as text, to spot a repeated header. */
  header: string[];
  /** Rows above the Word table: its title and caption lines. */
  captionRows: number;
}

function rowKey(row: WordRow): string {
  return row.cells.map((c) => `${c.col}:${c.span}:${c.text}`).join("|");
}

/** Appends a Word table's rows (from `from`) to the grid being built, merges included. */
function appendTable(building: Building, table: WordTable, from: number): void {
  const columns = Math.max(building.columns, table.columns);
  for (const row of building.values) while (row.length < columns) row.push(null);
  building.columns = columns;
  /** Open vertical merges by the column they start at. */
  const open = new Map<number, CellRange>();
  for (let r = from; r < table.rows.length; r++) {
    const row: CellValue[] = Array.from({ length: columns }, () => null);
    const sheetRow = building.values.length + 1;
    const seen = new Set<number>();
    for (const cell of table.rows[r].cells) {
      seen.add(cell.col);
      const right = cell.col + cell.span;
      if (cell.vMerge === "continue" && open.has(cell.col)) {
        open.get(cell.col)!.bottom = sheetRow;
        continue;
      }
      if (cell.col < columns) row[cell.col] = cell.text === "" ? null : cell.text;
      const range: CellRange = { top: sheetRow, left: cell.col + 1, bottom: sheetRow, right };
      if (cell.vMerge === "restart") {
        open.set(cell.col, range);
        building.merges.push(range);
      } else {
        open.delete(cell.col);
        if (cell.span > 1) building.merges.push(range);
      }
    }
    for (const col of [...open.keys()]) if (!seen.has(col)) open.delete(col);
    building.values.push(row);
  }
  building.header = table.rows.filter((row) => row.header).map(rowKey);
}

/** How many leading rows of `table` repeat the header of the table before it. */
function repeatedHeader(building: Building, table: WordTable): number {
  const header = building.header;
  if (header.length === 0) return 0;
  let n = 0;
  while (n < header.length && n < table.rows.length && rowKey(table.rows[n]) === header[n]) n++;
  return n === header.length ? n : 0;
}

export interface DocxContent {
  /** One Grid per table (continued tables joined), named by the table's number and title. */
  grids: Grid[];
  /** Per grid's sheet: how many of its first rows are the title and caption lines above the table. */
  captionRows: Record<string, number>;
  /** The paragraphs outside the tables and their captions, in order: the document's own text. */
  paragraphs: DocxParagraph[];
}

/** Reads word/document.xml of a .docx. Throws on bytes that are not a .docx. */
export async function readDocx(data: ArrayBuffer | Uint8Array): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(data);
  const document = zip.file("word/document.xml");
  if (!document) throw new Error("word/document.xml not found");
  return docxContent(await document.async("string"));
}

/** The grids and text of a document.xml. */
export function docxContent(xml: string): DocxContent {
  const items = bodyItems(parseXml(xml));
  const grids: Building[] = [];
  const text: DocxParagraph[] = [];
  /** Paragraphs since the last table, not yet known to be text or a caption. */
  let pending: DocxParagraph[] = [];
  let last: Building | undefined;
  const flush = (keep: DocxParagraph[]) => text.push(...keep);
  for (const item of items) {
    if (item.kind === "paragraph") {
      if (item.paragraph.style && TOC_STYLE.test(item.paragraph.style)) continue;
      pending.push(item.paragraph);
      continue;
    }
    const table = item.table;
    if (table.rows.length === 0) continue;
    // A chart's legend under its caption (图1 …): part of the figure, not a published table.
    const previous = pending[pending.length - 1];
    if (previous && FIGURE_CAPTION.test(previous.text)) continue;
    // The title and the caption lines under it (预算公开表1, 部门, 单位) are the last few short
    // paragraphs before the table; prose further up is the document's text.
    let from = pending.length;
    let titleAt = -1;
    while (from > 0 && pending.length - from < 4 && isCaptionLine(pending[from - 1])) {
      from--;
      if (isTitle(pending[from])) {
        titleAt = from;
        break;
      }
    }
    const captions = pending.slice(from);
    if (titleAt < 0 && last && from === 0) {
      // No title of its own and no prose before it: the table before it continued (after a page
      // break, or the next form of a sheet of stacked forms).
      for (const p of captions) last.values.push(lineRow(p.text, last.columns));
      appendTable(last, table, captions.length === 0 ? repeatedHeader(last, table) : 0);
      pending = [];
      continue;
    }
    // An untitled table's lines above may as well be the text's (a heading, a chart's caption):
    // they stay in the text too.
    flush(pending.slice(0, titleAt >= 0 ? from : pending.length));
    const title = titleAt >= 0 ? pending[titleAt].text.replace(/\s+/g, " ").trim() : "";
    pending = [];
    const building: Building = {
      sheet: title || `表格${grids.length + 1}`,
      values: captions.map((p) => lineRow(p.text, table.columns)),
      merges: [],
      columns: table.columns,
      header: [],
      captionRows: captions.length,
    };
    // The title spans the table, as on a sheet.
    if (title && table.columns > 1)
      building.merges.push({ top: 1, left: 1, bottom: 1, right: table.columns });
    appendTable(building, table, 0);
    grids.push(building);
    last = building;
  }
  flush(pending);
  const used = new Map<string, number>();
  const captionRows: Record<string, number> = {};
  return {
    captionRows,
    grids: grids.map((b) => {
      const n = (used.get(b.sheet) ?? 0) + 1;
      used.set(b.sheet, n);
      const sheet = n > 1 ? `${b.sheet}（${n}）` : b.sheet;
      captionRows[sheet] = b.captionRows;
      return {
        sheet,
        origin: { row: 1, col: 1 },
        values: b.values,
        merges: b.merges,
      };
    }),
    paragraphs: text,
  };
}
