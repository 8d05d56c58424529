/**
 * The tables of a published .docx as Grids the engine reads like sheets, and the paragraphs around
 * them as the document's own text. Usable in Node and in the browser (jszip and saxes).
 *
 * Each Word table becomes one Grid: the paragraphs just before it (its title, 预算公开表N, the
 * 部门 / 预算年度 / 单位 line, split at tabs into cells) are its first rows, as on a sheet, so
 * readWorkbook finds title, department and unit the same way. `gridSpan` and `vMerge` become merged
 * areas holding their text in the top-left cell, as the xlsx host presents them. A table that
 * follows another with no title of its own is the same table continued: a repeated header is
 * dropped, and the short lines between (the sub-title of a stacked form, its 单位 line) are kept
 * as rows. Amounts stay text ("1,234.56"); the reader parses text amounts as it does on a sheet.
 *
 * The XML is read by saxes (io/saxXml), namespaces resolved, and only what Word shows is read:
 * tracked deletions and moves away are not, nor hidden text (w:vanish, directly or by style: a
 * figure in it is a note, since a reader of the document does not see it), a content control's
 * content and one branch of alternate content are, text boxes are read after the paragraph that
 * holds them. What cannot be
 * read — content of another file (altChunk), an embedded object, a table inside a cell, an unknown
 * symbol, text in a place this reader does not know — is a note (`DocxNote`) the caller reports,
 * never text silently dropped.
 */
import JSZip from "jszip";
import { a1 } from "../core/grid";
import type { CellRange, CellValue, Grid } from "../core/grid";
import { readXml } from "./saxXml";
import type { XmlHandler } from "./saxXml";

// ---------------------------------------------------------------------------------------------
// The XML, read by saxes (io/saxXml) into a small tree: elements with their attributes and
// children, text kept where Word keeps it (w:t, m:t). Entities and character references are
// decoded by the parser, CDATA is text, and malformed XML is refused with the parser's reason.

interface XmlElement {
  /** The name with the prefix this reader uses for a namespace it knows (w:, mc:, m:, v:, o:). */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
type XmlNode = XmlElement | string;

/**
 * Namespaces by URI, so that a document whose generator wrote `ns0:p` or a default namespace for
 * WordprocessingML reads as one written with `w:` — transitional and strict (ISO 29500) alike.
 * Names in other namespaces are kept as written.
 */
const NAMESPACES: Readonly<Record<string, string>> = {
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
  "http://purl.oclc.org/ooxml/wordprocessingml/main": "w",
  "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
  "http://schemas.openxmlformats.org/officeDocument/2006/math": "m",
  "http://purl.oclc.org/ooxml/officeDocument/math": "m",
  "urn:schemas-microsoft-com:vml": "v",
  "urn:schemas-microsoft-com:office:office": "o",
};

/** Elements whose text is document text. */
const TEXT_ELEMENTS: ReadonlySet<string> = new Set(["w:t", "m:t"]);

/** Builds the tree from saxes' events, names resolved through the namespaces in scope. */
class TreeBuilder implements XmlHandler {
  readonly root: XmlElement = { name: "#root", attrs: {}, children: [] };
  private readonly stack: { element: XmlElement; prefixes: ReadonlyMap<string, string> }[] = [
    { element: this.root, prefixes: new Map([["xml", "http://www.w3.org/XML/1998/namespace"]]) },
  ];

  /** Resolved names by scope (most elements share their parent's): a document repeats few names. */
  private readonly resolved = new WeakMap<ReadonlyMap<string, string>, Map<string, string>>();

  private resolve(prefixes: ReadonlyMap<string, string>, qname: string): string {
    let names = this.resolved.get(prefixes);
    if (!names) this.resolved.set(prefixes, (names = new Map()));
    let name = names.get(qname);
    if (name === undefined) {
      const colon = qname.indexOf(":");
      const uri = prefixes.get(colon < 0 ? "" : qname.slice(0, colon));
      const known = uri === undefined ? undefined : NAMESPACES[uri];
      name = known ? `${known}:${qname.slice(colon + 1)}` : qname;
      names.set(qname, name);
    }
    return name;
  }

  open(name: string, attributes: Record<string, string>): void {
    const parent = this.stack[this.stack.length - 1];
    let prefixes = parent.prefixes;
    const attrs: Record<string, string> = {};
    let plain: string[] | undefined;
    for (const key in attributes) {
      if (key === "xmlns" || key.startsWith("xmlns:")) {
        if (prefixes === parent.prefixes) prefixes = new Map(prefixes);
        (prefixes as Map<string, string>).set(key === "xmlns" ? "" : key.slice(6), attributes[key]);
      } else (plain ??= []).push(key);
    }
    // An unprefixed attribute is in no namespace: kept as written.
    if (plain)
      for (const key of plain)
        attrs[key.includes(":") ? this.resolve(prefixes, key) : key] = attributes[key];
    const element: XmlElement = { name: this.resolve(prefixes, name), attrs, children: [] };
    parent.element.children.push(element);
    // saxes reports a close for a self-closing tag too.
    this.stack.push({ element, prefixes });
  }

  close(): void {
    this.stack.pop();
  }

  wantsText(): boolean {
    return TEXT_ELEMENTS.has(this.stack[this.stack.length - 1].element.name);
  }

  text(text: string): void {
    this.stack[this.stack.length - 1].element.children.push(text);
  }

  cdata(text: string): void {
    this.text(text);
  }
}

/** The tree of an XML part. Throws, naming the part, on XML the parser refuses. */
function parseXmlPart(xml: string | Uint8Array, part = "word/document.xml"): XmlElement {
  const builder = new TreeBuilder();
  try {
    readXml(typeof xml === "string" ? new TextEncoder().encode(xml) : xml, builder);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`${part} 不是有效的 XML（${detail}）`);
  }
  return builder.root;
}

const elements = (e: XmlElement) =>
  e.children.filter((c): c is XmlElement => typeof c !== "string");
function child(e: XmlElement, name: string): XmlElement | undefined {
  for (const c of e.children) if (typeof c !== "string" && c.name === name) return c;
  return undefined;
}
const attr = (e: XmlElement | undefined, name: string) => e?.attrs[`w:${name}`] ?? e?.attrs[name];

// ---------------------------------------------------------------------------------------------
// What Word shows: which parts of the tree are read, and as what text.

/**
 * Subtrees whose text is not shown: tracked deletions and moves away, properties (their *Change
 * elements hold the formatting before a tracked change), field codes, phonetic guides (w:rt, the
 * small text above a ruby's base).
 */
const NOT_SHOWN: ReadonlySet<string> = new Set([
  "w:del",
  "w:moveFrom",
  "w:delText",
  "w:delInstrText",
  "w:instrText",
  "w:rt",
  "w:pPr",
  "w:rPr",
  "w:sdtPr",
  "w:sdtEndPr",
  "w:tblPr",
  "w:tblPrEx",
  "w:tblGrid",
  "w:trPr",
  "w:tcPr",
  "w:sectPr",
]);

/** The branch of an mc:AlternateContent that is read: its first mc:Choice, else its mc:Fallback. */
function chosenBranch(alternate: XmlElement): XmlElement | undefined {
  return child(alternate, "mc:Choice") ?? child(alternate, "mc:Fallback");
}

/** A table row deleted with changes tracked (w:trPr/w:del), or a cell (w:tcPr/w:cellDel). */
function removed(e: XmlElement): boolean {
  if (e.name === "w:tr") {
    const trPr = child(e, "w:trPr");
    return trPr !== undefined && child(trPr, "w:del") !== undefined;
  }
  if (e.name === "w:tc") {
    const tcPr = child(e, "w:tcPr");
    return tcPr !== undefined && child(tcPr, "w:cellDel") !== undefined;
  }
  return false;
}

/** The children that are read: not hidden by the rules above, one branch of alternate content. */
function shownChildren(e: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of e.children) {
    if (typeof c === "string" || NOT_SHOWN.has(c.name) || removed(c)) continue;
    if (c.name === "mc:AlternateContent") {
      const branch = chosenBranch(c);
      if (branch) out.push(...shownChildren(branch));
    } else out.push(c);
  }
  return out;
}

/**
 * The elements named `wanted` inside `e`, in order, through whatever wraps them: content controls
 * (w:sdt/w:sdtContent), custom XML, smart tags, tracked insertions and moves (w:ins, w:moveTo),
 * alternate content, and wrappers this reader has no name for.
 */
function collect(e: XmlElement, wanted: ReadonlySet<string>): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of shownChildren(e)) {
    if (wanted.has(c.name)) out.push(c);
    else out.push(...collect(c, wanted));
  }
  return out;
}

const BLOCKS: ReadonlySet<string> = new Set(["w:p", "w:tbl"]);
const ROWS: ReadonlySet<string> = new Set(["w:tr"]);
const CELLS: ReadonlySet<string> = new Set(["w:tc"]);

/** Invisible characters that would split an amount: soft hyphen, zero-width space, BOM, joiner. */
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;

/**
 * The Symbol font's characters that differ from ASCII (its digits, point, comma, %, +, =, and
 * brackets are ASCII's), by their code in the font: w:sym writes them as F0xx or as xx.
 */
const SYMBOL_FONT: Readonly<Record<number, string>> = {
  0x22: "∀",
  0x24: "∃",
  0x27: "∋",
  0x2a: "∗",
  0x2d: "−",
  0x40: "≅",
  0xa3: "≤",
  0xa5: "∞",
  0xb0: "°",
  0xb1: "±",
  0xb3: "≥",
  0xb4: "×",
  0xb7: "•",
  0xb8: "÷",
  0xb9: "≠",
  0xba: "≡",
  0xbb: "≈",
  0xbc: "…",
  0xd6: "√",
  0xd7: "⋅",
  0xae: "→",
  0xac: "←",
};

/** Wingdings characters a disclosure uses: check marks, boxes, bullets. */
const WINGDINGS: Readonly<Record<number, string>> = {
  0x6c: "●",
  0x6e: "■",
  0x6f: "□",
  0x71: "❑",
  0x75: "◆",
  0x77: "⬥",
  0x9f: "•",
  0xa1: "○",
  0xa8: "◻",
  0xfb: "✗",
  0xfc: "✓",
  0xfd: "☒",
  0xfe: "☑",
};

/** The text of a w:sym, or undefined when the font's character has no known equivalent. */
function symbolText(sym: XmlElement): string | undefined {
  const font = (attr(sym, "font") ?? "").trim().toLowerCase();
  const code = parseInt(attr(sym, "char") ?? "", 16);
  if (!Number.isFinite(code) || code <= 0) return undefined;
  // Symbol fonts address their characters as F000 + code (Word's convention) or as the code.
  const inFont = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  if (font === "symbol") {
    if (SYMBOL_FONT[inFont]) return SYMBOL_FONT[inFont];
    if (/[0-9.,%+=()/:;<>[\]!#&|]/.test(String.fromCharCode(inFont)) && inFont < 0x80)
      return String.fromCharCode(inFont);
    return undefined;
  }
  if (font.startsWith("wingdings")) return WINGDINGS[inFont];
  // A text font (宋体, Times New Roman …): the character is the Unicode one.
  if (code >= 0xf000 && code <= 0xf0ff) return undefined;
  return String.fromCodePoint(code);
}

/** Something in the document this reader could not read, for a finding. */
export interface DocxNote {
  severity: "error" | "warning";
  message: string;
  /** The grid (table) it is in, and the cell, when it is in a table. */
  sheet?: string;
  cell?: string;
  /** The document paragraph it follows (its `index`), when it is in the text. */
  paragraph?: number;
}

/** The text of one paragraph, and the text boxes anchored in it (read as blocks after it). */
interface ParagraphRead {
  text: string;
  boxes: XmlElement[];
  /** Its paragraph mark is deleted (tracked): it runs on into the next paragraph. */
  markDeleted: boolean;
  /** Embedded objects (OLE: a pasted Excel table) whose content is not in the document. */
  objects: string[];
  /** w:sym characters of a font this reader does not know. */
  unknownSymbols: string[];
  /** Text formatted as hidden (w:vanish): not published, so not read as the paragraph's text. */
  hidden: string[];
}

/** Whether an on/off property (w:vanish …) is on: present, unless its val says off. */
function isOn(e: XmlElement): boolean {
  return isOnValue(attr(e, "val") ?? "true");
}

/** An ST_OnOff value: true, 1 or on (absent is off, where the attribute is optional). */
function isOnValue(val: string | undefined): boolean {
  if (val === undefined) return false;
  const v = val.toLowerCase();
  return v !== "false" && v !== "0" && v !== "off";
}

/**
 * Hiding by styles (word/styles.xml). w:vanish is a toggle property (ECMA-376 §17.7.3): in a style,
 * w:vanish on turns the state reached so far over (hidden ↔ shown) and w:vanish off leaves it as it
 * is; so each style contributes the parity of the w:vanish it and the styles it is based on say on,
 * and the paragraph style's and the character style's parities turn over the document default
 * (w:docDefaults). Only a run's own w:vanish (direct formatting) says hidden or shown outright.
 */
export interface HiddenStyles {
  /** By style id: whether the style and its w:basedOn chain turn hiding over (an odd count). */
  toggles: ReadonlyMap<string, boolean>;
  /** The document default's run properties hide text. */
  hiddenByDefault: boolean;
  /** The paragraph style of a paragraph that names none (w:default). */
  defaultParagraphStyle?: string;
  /** By table style id: what the style and its conditional formats say of w:vanish. */
  tableStyles?: ReadonlyMap<string, TableStyleHiding>;
  /** The table style of a table that names none (w:default). */
  defaultTableStyle?: string;
}

/**
 * The parts of a table a table style formats apart (ECMA-376 §17.7.6, ST_TblStyleOverrideType),
 * in the order they apply: a later one overrides an earlier one where it says w:vanish.
 */
const TABLE_CONDITIONS = [
  "wholeTable",
  "band1Vert",
  "band2Vert",
  "band1Horz",
  "band2Horz",
  "firstCol",
  "lastCol",
  "firstRow",
  "lastRow",
  "neCell",
  "nwCell",
  "seCell",
  "swCell",
] as const;
type TableCondition = (typeof TABLE_CONDITIONS)[number];

/** What a table style says of hiding, by the part of the table it formats. */
export interface TableStyleHiding {
  /**
   * By condition, when the style or a style it is based on says w:vanish there: whether it turns
   * hiding over (the parity of the w:vanish on down the w:basedOn chain, as for other styles).
   */
  vanish: Partial<Record<TableCondition, boolean>>;
  /** Rows and columns in a band (w:tblStyleRowBandSize, w:tblStyleColBandSize; 1 by default). */
  rowBand: number;
  colBand: number;
}

export const NO_STYLES: HiddenStyles = { toggles: new Map(), hiddenByDefault: false };

/** Reads the styles that hide or show text from a styles.xml tree. */
function hiddenStyles(root: XmlElement): HiddenStyles {
  const own = new Map<string, { vanish: boolean; basedOn?: string }>();
  let defaultParagraphStyle: string | undefined;
  for (const style of shownElementsWithProperties(root, "w:style")) {
    const id = attr(style, "styleId");
    if (id === undefined) continue;
    const rPr = child(style, "w:rPr");
    const vanish = rPr && child(rPr, "w:vanish");
    own.set(id, {
      vanish: vanish !== undefined && isOn(vanish),
      basedOn: attr(child(style, "w:basedOn"), "val"),
    });
    if (attr(style, "type") === "paragraph" && isOnValue(attr(style, "default")))
      defaultParagraphStyle ??= id;
  }
  const toggles = new Map<string, boolean>();
  for (const id of own.keys()) {
    // Down the basedOn chain, each w:vanish on turning the state over; a loop ends the walk.
    let turned = false;
    const seen = new Set<string>();
    for (let at: string | undefined = id; at !== undefined && !seen.has(at);) {
      seen.add(at);
      const style = own.get(at);
      if (style?.vanish) turned = !turned;
      at = style?.basedOn;
    }
    toggles.set(id, turned);
  }
  const { tableStyles, defaultTableStyle } = tableStyleHiding(root);
  const defaults = shownElementsWithProperties(root, "w:rPrDefault")[0];
  const defaultRPr = defaults && child(defaults, "w:rPr");
  const defaultVanish = defaultRPr && child(defaultRPr, "w:vanish");
  return {
    toggles,
    hiddenByDefault: defaultVanish !== undefined && isOn(defaultVanish),
    ...(defaultParagraphStyle !== undefined ? { defaultParagraphStyle } : {}),
    ...(tableStyles.size > 0 ? { tableStyles } : {}),
    ...(defaultTableStyle !== undefined ? { defaultTableStyle } : {}),
  };
}

/**
 * The table styles that say w:vanish, in their own run properties (the whole table) or in a
 * conditional format (w:tblStylePr: the first row, a band, a corner cell …).
 */
function tableStyleHiding(root: XmlElement): {
  tableStyles: Map<string, TableStyleHiding>;
  defaultTableStyle?: string;
} {
  const own = new Map<
    string,
    {
      vanish: Partial<Record<TableCondition, boolean>>;
      basedOn?: string;
      rowBand?: number;
      colBand?: number;
    }
  >();
  let defaultTableStyle: string | undefined;
  const vanishOf = (e: XmlElement | undefined) => {
    const rPr = e && child(e, "w:rPr");
    const vanish = rPr && child(rPr, "w:vanish");
    return vanish && isOn(vanish);
  };
  const bandSize = (tblPr: XmlElement | undefined, name: string) => {
    const size = Number(attr(tblPr && child(tblPr, name), "val"));
    return Number.isInteger(size) && size >= 1 ? size : undefined;
  };
  for (const style of shownElementsWithProperties(root, "w:style")) {
    const id = attr(style, "styleId");
    if (id === undefined || attr(style, "type") !== "table") continue;
    if (isOnValue(attr(style, "default"))) defaultTableStyle ??= id;
    const vanish: Partial<Record<TableCondition, boolean>> = {};
    const whole = vanishOf(style);
    if (whole !== undefined) vanish.wholeTable = whole;
    for (const conditional of elements(style)) {
      if (conditional.name !== "w:tblStylePr") continue;
      const type = attr(conditional, "type") as TableCondition | undefined;
      const says = vanishOf(conditional);
      if (type && TABLE_CONDITIONS.includes(type) && says !== undefined)
        vanish[type] = (vanish[type] ?? false) || says;
    }
    const tblPr = child(style, "w:tblPr");
    own.set(id, {
      vanish,
      basedOn: attr(child(style, "w:basedOn"), "val"),
      rowBand: bandSize(tblPr, "w:tblStyleRowBandSize"),
      colBand: bandSize(tblPr, "w:tblStyleColBandSize"),
    });
  }
  const tableStyles = new Map<string, TableStyleHiding>();
  for (const id of own.keys()) {
    const vanish: Partial<Record<TableCondition, boolean>> = {};
    let rowBand: number | undefined;
    let colBand: number | undefined;
    const seen = new Set<string>();
    for (let at: string | undefined = id; at !== undefined && !seen.has(at);) {
      seen.add(at);
      const style = own.get(at);
      if (!style) break;
      for (const [type, on] of Object.entries(style.vanish) as [TableCondition, boolean][])
        vanish[type] = (vanish[type] ?? false) !== on;
      rowBand ??= style.rowBand;
      colBand ??= style.colBand;
      at = style.basedOn;
    }
    if (Object.keys(vanish).length > 0)
      tableStyles.set(id, { vanish, rowBand: rowBand ?? 1, colBand: colBand ?? 1 });
  }
  return { tableStyles, ...(defaultTableStyle !== undefined ? { defaultTableStyle } : {}) };
}

/** Which parts of its style a table uses (w:tblLook): its first and last row and column, bands. */
interface TableLook {
  firstRow: boolean;
  lastRow: boolean;
  firstColumn: boolean;
  lastColumn: boolean;
  hBand: boolean;
  vBand: boolean;
}

function tableLook(tblPr: XmlElement | undefined): TableLook {
  const look = tblPr && child(tblPr, "w:tblLook");
  // The attributes of ECMA-376 2nd edition on, else the bit mask of the first (w:val="04A0").
  const mask = parseInt(attr(look, "val") ?? "0", 16) || 0;
  const flag = (name: string, bit: number) => {
    const value = attr(look, name);
    return value !== undefined ? isOnValue(value) : (mask & bit) !== 0;
  };
  return {
    firstRow: flag("firstRow", 0x20),
    lastRow: flag("lastRow", 0x40),
    firstColumn: flag("firstColumn", 0x80),
    lastColumn: flag("lastColumn", 0x100),
    hBand: !flag("noHBand", 0x200),
    vBand: !flag("noVBand", 0x400),
  };
}

/** A table's style as far as hiding goes, and where each of its cells stands in it. */
interface TableHiding {
  style: TableStyleHiding;
  look: TableLook;
  rows: number;
  columns: number;
}

function tableHiding(
  tbl: XmlElement,
  styles: HiddenStyles,
  rows: number,
  columns: number
): TableHiding | undefined {
  const tblPr = child(tbl, "w:tblPr");
  const id = attr(tblPr && child(tblPr, "w:tblStyle"), "val") ?? styles.defaultTableStyle;
  const style = id !== undefined ? styles.tableStyles?.get(id) : undefined;
  return style && { style, look: tableLook(tblPr), rows, columns };
}

/**
 * Whether the table style turns hiding over in the cell at row r, grid column c (spanning `span`):
 * the last of the conditions that apply to the cell, in TABLE_CONDITIONS order, to say w:vanish.
 */
function cellTurnedByTable(table: TableHiding, r: number, c: number, span: number): boolean {
  const { style, look, rows, columns } = table;
  const first = look.firstRow && r === 0;
  const last = look.lastRow && r === rows - 1;
  const firstCol = look.firstColumn && c === 0;
  const lastCol = look.lastColumn && c + span >= columns;
  const applies: Record<TableCondition, boolean> = {
    wholeTable: true,
    band1Vert: false,
    band2Vert: false,
    band1Horz: false,
    band2Horz: false,
    firstCol,
    lastCol,
    firstRow: first,
    lastRow: last,
    neCell: first && lastCol,
    nwCell: first && firstCol,
    seCell: last && lastCol,
    swCell: last && firstCol,
  };
  // Bands count from the first row (column) the header row (column) leaves.
  const bandRow = r - (look.firstRow ? 1 : 0);
  if (look.hBand && bandRow >= 0 && !first && !last)
    applies[Math.floor(bandRow / style.rowBand) % 2 === 0 ? "band1Horz" : "band2Horz"] = true;
  const bandCol = c - (look.firstColumn ? 1 : 0);
  if (look.vBand && bandCol >= 0 && !firstCol && !lastCol)
    applies[Math.floor(bandCol / style.colBand) % 2 === 0 ? "band1Vert" : "band2Vert"] = true;
  let turned = false;
  for (const condition of TABLE_CONDITIONS) {
    const says = style.vanish[condition];
    if (applies[condition] && says !== undefined) turned = says;
  }
  return turned;
}

/** Elements named `name` anywhere under `root`, properties included (styles live in them). */
function shownElementsWithProperties(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === "string") continue;
      if (c.name === name) out.push(c);
      else walk(c);
    }
  };
  walk(root);
  return out;
}

/** Reads one document's tree, remembering which text it has read. */
class DocumentReader {
  /** Every w:t and m:t whose text went into a paragraph or a cell, or was hidden text. */
  readonly read = new Set<XmlElement>();

  /** The table style of the cell being read turns hiding over (see cellTurnedByTable). */
  private tableTurned = false;

  constructor(readonly styles: HiddenStyles = NO_STYLES) {}

  /** Reads a table cell's content with its table style's hiding (a nested table has its own). */
  inCell<T>(turned: boolean, read: () => T): T {
    const outer = this.tableTurned;
    this.tableTurned = turned;
    try {
      return read();
    } finally {
      this.tableTurned = outer;
    }
  }

  /**
   * Whether a run (w:r, m:r) is hidden: its own w:vanish, else the state its paragraph's styles
   * give (`paragraphHidden`) turned over by its character style's (see HiddenStyles).
   */
  private runHidden(r: XmlElement, paragraphHidden: boolean): boolean {
    const rPr = child(r, "w:rPr");
    const vanish = rPr && child(rPr, "w:vanish");
    if (vanish) return isOn(vanish);
    const style = rPr && attr(child(rPr, "w:rStyle"), "val");
    const turned = style !== undefined && this.styles.toggles.get(style) === true;
    return paragraphHidden !== turned;
  }

  /** The text of a hidden run, its w:t marked read (it is not lost, it is hidden). */
  private hiddenText(r: XmlElement): string {
    let text = "";
    const walk = (e: XmlElement) => {
      for (const c of shownChildren(e)) {
        if (TEXT_ELEMENTS.has(c.name)) {
          this.read.add(c);
          text += c.children.filter((x): x is string => typeof x === "string").join("");
        } else walk(c);
      }
    };
    walk(r);
    return text;
  }

  paragraph(p: XmlElement): ParagraphRead {
    const out: ParagraphRead = {
      text: "",
      boxes: [],
      markDeleted: false,
      objects: [],
      unknownSymbols: [],
      hidden: [],
    };
    const pPr = child(p, "w:pPr");
    const markRPr = pPr && child(pPr, "w:rPr");
    const pStyle =
      (pPr && attr(child(pPr, "w:pStyle"), "val")) ?? this.styles.defaultParagraphStyle;
    // The document default turned over by the table style (in a cell) and the paragraph style
    // (ECMA-376 §17.7.2 applies them in that order): what its runs are without more.
    const paragraphHidden =
      (this.styles.hiddenByDefault !== this.tableTurned) !==
      (pStyle !== undefined && this.styles.toggles.get(pStyle) === true);
    const markVanish = markRPr && child(markRPr, "w:vanish");
    // A hidden paragraph mark is not shown either: the paragraph runs on into the next, as a
    // deleted one does.
    out.markDeleted =
      (markRPr !== undefined && child(markRPr, "w:del") !== undefined) ||
      (markVanish ? isOn(markVanish) : paragraphHidden);
    const walk = (e: XmlElement) => {
      for (const c of shownChildren(e)) {
        if ((c.name === "w:r" || c.name === "m:r") && this.runHidden(c, paragraphHidden)) {
          const hidden = this.hiddenText(c).trim();
          if (hidden !== "") out.hidden.push(hidden);
          continue;
        }
        switch (c.name) {
          case "w:t":
          case "m:t":
            out.text += c.children
              .filter((x): x is string => typeof x === "string")
              .join("")
              .replace(INVISIBLE, "");
            this.read.add(c);
            break;
          case "w:tab":
          case "w:ptab":
            out.text += "\t";
            break;
          case "w:br":
          case "w:cr":
            out.text += "\n";
            break;
          case "w:noBreakHyphen":
            out.text += "-";
            break;
          case "w:softHyphen":
            break;
          case "w:sym": {
            const symbol = symbolText(c);
            if (symbol === undefined) {
              out.unknownSymbols.push(`${attr(c, "font") ?? ""} ${attr(c, "char") ?? ""}`.trim());
              out.text += "□";
            } else out.text += symbol;
            break;
          }
          case "w:txbxContent":
            // A text box's paragraphs and tables: blocks of their own, after this paragraph.
            out.boxes.push(c);
            break;
          case "o:OLEObject":
            out.objects.push(c.attrs.ProgID ?? c.attrs["o:ProgID"] ?? "");
            break;
          default:
            walk(c);
        }
      }
    };
    walk(p);
    return out;
  }

  /** The w:t text this reader has not read, outside what Word does not show: a sample of each. */
  unread(root: XmlElement): string[] {
    const missed: string[] = [];
    const walk = (e: XmlElement) => {
      for (const c of shownChildren(e)) {
        if (TEXT_ELEMENTS.has(c.name)) {
          if (this.read.has(c)) continue;
          const text = c.children
            .filter((x): x is string => typeof x === "string")
            .join("")
            .trim();
          if (text !== "") missed.push(text);
        } else walk(c);
      }
    };
    walk(root);
    return missed;
  }
}

function mergeReads(a: ParagraphRead, b: ParagraphRead): ParagraphRead {
  return {
    text: a.text + b.text,
    boxes: [...a.boxes, ...b.boxes],
    markDeleted: b.markDeleted,
    objects: [...a.objects, ...b.objects],
    unknownSymbols: [...a.unknownSymbols, ...b.unknownSymbols],
    hidden: [...a.hidden, ...b.hidden],
  };
}

/**
 * Walks the paragraphs and tables of a container (the body, a cell, a text box) in reading order.
 * A paragraph whose mark is deleted runs on into the next one; the text boxes anchored in a
 * paragraph are walked right after it.
 */
function walkBlocks(
  container: XmlElement,
  reader: DocumentReader,
  visit: { paragraph(p: XmlElement, read: ParagraphRead): void; table(tbl: XmlElement): void }
): void {
  let carried: { p: XmlElement; read: ParagraphRead } | undefined;
  const emit = (p: XmlElement, read: ParagraphRead) => {
    visit.paragraph(p, read);
    for (const box of read.boxes) go(box);
  };
  const flush = () => {
    if (carried) emit(carried.p, { ...carried.read, markDeleted: false });
    carried = undefined;
  };
  const go = (c: XmlElement): void => {
    for (const e of collect(c, BLOCKS)) {
      if (e.name === "w:tbl") {
        flush();
        visit.table(e);
        continue;
      }
      const own = reader.paragraph(e);
      const read = carried ? mergeReads(carried.read, own) : own;
      carried = undefined;
      if (read.markDeleted) carried = { p: e, read };
      else emit(e, read);
    }
  };
  go(container);
  flush();
}

const HAS_DIGIT = /[0-9０-９]/;

/** Messages for what a paragraph holds that cannot be read. */
function paragraphNotes(read: ParagraphRead): { severity: "warning"; message: string }[] {
  const notes: { severity: "warning"; message: string }[] = [];
  for (const progId of read.objects)
    notes.push({
      severity: "warning",
      message: `有一个嵌入对象（${progId || "OLE 对象"}，如粘贴进来的 Excel 表格），Word 只显示它的图片，其中的文字和数字无法读取，未核对`,
    });
  if (read.unknownSymbols.length > 0)
    notes.push({
      severity: "warning",
      message: `有 ${read.unknownSymbols.length} 个特殊符号（${[...new Set(read.unknownSymbols)].join("、")}）无法识别，已按“□”读入`,
    });
  const hiddenFigures = read.hidden.filter((t) => HAS_DIGIT.test(t));
  if (hiddenFigures.length > 0) {
    const joined = hiddenFigures.join(" ");
    const sample = joined.length > 40 ? `${joined.slice(0, 40)}…` : joined;
    notes.push({
      severity: "warning",
      message: `有设为“隐藏”的文字含数字（“${sample}”），读者在 Word 和打印稿中看不到，未作为公开内容读入、未核对；请确认这些数字是否应当公开`,
    });
  }
  return notes;
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
  /** What in the cell could not be read as a cell (a table nested in it, an embedded object). */
  notes: { severity: "error" | "warning"; message: string }[];
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
  | { kind: "paragraph"; paragraph: DocxParagraph }
  | { kind: "table"; table: WordTable }
  | { kind: "note"; note: DocxNote };

const NESTED_TABLE =
  "单元格内嵌套了一个表格，已将其各行文字读入本单元格，但其中的数字未按表格逐项核对";

function cellContent(tc: XmlElement, reader: DocumentReader): Pick<WordCell, "text" | "notes"> {
  const lines: string[] = [];
  const notes: WordCell["notes"] = [];
  walkBlocks(tc, reader, {
    paragraph(_p, read) {
      const text = read.text.replace(/\t/g, " ").trim();
      if (text !== "") lines.push(text);
      notes.push(...paragraphNotes(read));
    },
    table(tbl) {
      // A table inside the cell: its rows as lines of the cell's text, so that no text is lost.
      const inner = wordTable(tbl, reader);
      for (const row of inner.rows) {
        const text = row.cells
          .map((c) => c.text.replace(/\n/g, " "))
          .filter((t) => t !== "")
          .join(" ");
        if (text !== "") lines.push(text);
        for (const c of row.cells) notes.push(...c.notes);
      }
      notes.push({ severity: "warning", message: NESTED_TABLE });
    },
  });
  return { text: lines.join("\n"), notes };
}

function wordTable(tbl: XmlElement, reader: DocumentReader): WordTable {
  const grid = child(tbl, "w:tblGrid");
  let columns = grid ? elements(grid).filter((c) => c.name === "w:gridCol").length : 0;
  const rows: WordRow[] = [];
  const trs = collect(tbl, ROWS);
  const hiding = reader.styles.tableStyles
    ? tableHiding(tbl, reader.styles, trs.length, columns || widestRow(trs))
    : undefined;
  for (const tr of trs) {
    const trPr = child(tr, "w:trPr");
    let col = Number(attr(trPr && child(trPr, "w:gridBefore"), "val") ?? 0) || 0;
    const cells: WordCell[] = [];
    for (const tc of collect(tr, CELLS)) {
      const tcPr = child(tc, "w:tcPr");
      const span = Math.max(1, Number(attr(tcPr && child(tcPr, "w:gridSpan"), "val") ?? 1) || 1);
      const vMergeElement = tcPr && child(tcPr, "w:vMerge");
      const vMerge = vMergeElement
        ? attr(vMergeElement, "val") === "restart"
          ? "restart"
          : "continue"
        : undefined;
      const turned = hiding ? cellTurnedByTable(hiding, rows.length, col, span) : false;
      const content = reader.inCell(turned, () => cellContent(tc, reader));
      // A legacy horizontal merge (w:hMerge, from .doc): the cell widens the one before it.
      const hMerge = tcPr && child(tcPr, "w:hMerge");
      const before = cells[cells.length - 1];
      if (hMerge && attr(hMerge, "val") !== "restart" && before) {
        before.span += span;
        if (content.text !== "")
          before.text = before.text === "" ? content.text : `${before.text}\n${content.text}`;
        before.notes.push(...content.notes);
        col += span;
        continue;
      }
      cells.push({ ...content, col, span, vMerge });
      col += span;
    }
    columns = Math.max(columns, col);
    rows.push({ cells, header: trPr !== undefined && child(trPr, "w:tblHeader") !== undefined });
  }
  return { rows, columns };
}

/** The grid columns of the widest row, for a table without a w:tblGrid. */
function widestRow(trs: readonly XmlElement[]): number {
  let widest = 0;
  for (const tr of trs) {
    let width = 0;
    for (const tc of collect(tr, CELLS)) {
      const tcPr = child(tc, "w:tcPr");
      width += Math.max(1, Number(attr(tcPr && child(tcPr, "w:gridSpan"), "val") ?? 1) || 1);
    }
    widest = Math.max(widest, width);
  }
  return widest;
}

/** A one-cell table holding a table: a frame drawn round the content, read as the content. */
function frameContent(tbl: XmlElement): XmlElement | undefined {
  const rows = collect(tbl, ROWS);
  if (rows.length !== 1) return undefined;
  const cells = collect(rows[0], CELLS);
  if (cells.length !== 1) return undefined;
  return collect(cells[0], BLOCKS).some((e) => e.name === "w:tbl") ? cells[0] : undefined;
}

function bodyOf(root: XmlElement): XmlElement {
  const document = elements(root).find((e) => e.name === "w:document");
  const body = document && child(document, "w:body");
  if (!body) throw new Error("word/document.xml has no w:body");
  return body;
}

/** Elements of `name` where Word shows them. */
function shownElements(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of shownChildren(e)) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

function bodyItems(root: XmlElement, reader: DocumentReader): BodyItem[] {
  const body = bodyOf(root);
  const items: BodyItem[] = [];
  let index = 0;
  const visit = {
    paragraph(p: XmlElement, read: ParagraphRead) {
      if (read.text.trim() !== "") {
        index++;
        const pPr = child(p, "w:pPr");
        const style = pPr ? attr(child(pPr, "w:pStyle"), "val") : undefined;
        items.push({ kind: "paragraph", paragraph: { text: read.text, index, style } });
      }
      for (const note of paragraphNotes(read))
        items.push({ kind: "note", note: { ...note, ...(index > 0 ? { paragraph: index } : {}) } });
    },
    table(tbl: XmlElement) {
      const frame = frameContent(tbl);
      if (frame) {
        const hiding = tableHiding(tbl, reader.styles, 1, 1);
        reader.inCell(hiding ? cellTurnedByTable(hiding, 0, 0, 1) : false, () =>
          walkBlocks(frame, reader, visit)
        );
      } else items.push({ kind: "table", table: wordTable(tbl, reader) });
    },
  };
  walkBlocks(body, reader, visit);
  return items;
}

/** What the document holds that this reader did not read: content of other files, lost text. */
function documentNotes(root: XmlElement, reader: DocumentReader): DocxNote[] {
  const notes: DocxNote[] = [];
  const chunks = shownElements(root, "w:altChunk").length;
  if (chunks > 0)
    notes.push({
      severity: "error",
      message: `文档中有 ${chunks} 处以“嵌入文件”（altChunk）方式插入的内容，其文字不在文档正文中，无法读取，未核对；请在 Word 中打开后另存为 .docx 再检查`,
    });
  const missed = reader.unread(root);
  if (missed.length > 0) {
    const sample = missed[0].length > 30 ? `${missed[0].slice(0, 30)}…` : missed[0];
    notes.push({
      severity: "error",
      message: `文档中有 ${missed.length} 处文字在无法识别的位置，未能读入（如“${sample}”），这些内容未核对`,
    });
  }
  return notes;
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
  /** What its cells hold that could not be read as cells, by A1 address. */
  notes: { cell: string; severity: "error" | "warning"; message: string }[];
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
      for (const note of cell.notes)
        building.notes.push({ cell: a1(sheetRow, cell.col + 1), ...note });
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
  /** What the document holds that could not be read, for findings: never dropped in silence. */
  notes: DocxNote[];
}

const OFFICE_DOCUMENT = /\/officeDocument$/;

const STYLES = /\/styles$/;

/** The main document of a .docx and the styles that hide text (word/styles.xml). */
export interface DocxParts {
  document: Uint8Array;
  styles: HiddenStyles;
}

/**
 * The main part of a .docx: where the package's relationships (_rels/.rels) say it is — Word writes
 * word/document.xml, other generators may not — and its styles part, where the main part's
 * relationships say. Throws on bytes that are not a .docx.
 */
export async function mainDocumentParts(data: ArrayBuffer | Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(data);
  let path = "word/document.xml";
  const rels = zip.file("_rels/.rels");
  if (rels) {
    const root = parseXmlPart(await rels.async("uint8array"), "_rels/.rels");
    const main = shownElements(root, "Relationship").find((r) =>
      OFFICE_DOCUMENT.test(r.attrs.Type ?? "")
    );
    if (main?.attrs.Target) path = main.attrs.Target.replace(/^\//, "");
  }
  const document = zip.file(path);
  if (!document) throw new Error(`${path} not found`);
  const folder = path.includes("/") ? path.slice(0, path.lastIndexOf("/") + 1) : "";
  const partRels = `${folder}_rels/${path.slice(folder.length)}.rels`;
  let stylesPath: string | undefined;
  const documentRels = zip.file(partRels);
  if (documentRels) {
    const root = parseXmlPart(await documentRels.async("uint8array"), partRels);
    const target = shownElements(root, "Relationship").find((r) => STYLES.test(r.attrs.Type ?? ""))
      ?.attrs.Target;
    if (target) stylesPath = target.startsWith("/") ? target.slice(1) : `${folder}${target}`;
  }
  const stylesPart = stylesPath === undefined ? undefined : zip.file(stylesPath);
  return {
    document: await document.async("uint8array"),
    styles: stylesPart
      ? hiddenStyles(parseXmlPart(await stylesPart.async("uint8array"), stylesPath))
      : NO_STYLES,
  };
}

/** Reads the main document of a .docx. Throws on bytes that are not a .docx. */
export async function readDocx(data: ArrayBuffer | Uint8Array): Promise<DocxContent> {
  const { document, styles } = await mainDocumentParts(data);
  return docxContent(document, styles);
}

/** A document's paragraphs as plain text, and what in them could not be read. */
export interface DocumentText {
  /** Non-empty paragraphs in reading order, one line each. */
  paragraphs: string[];
  /** Notes; `paragraph` counts `paragraphs` from 1 (the one the note follows). */
  notes: DocxNote[];
}

/**
 * Every paragraph's text in reading order — the body's, each table cell's (one paragraph each),
 * the text boxes' — tabs and line breaks as spaces, empty ones left out; and what the reader
 * could not read (hidden figures, embedded objects, text in unknown places), as notes.
 */
export function documentText(
  xml: string | Uint8Array,
  styles: HiddenStyles = NO_STYLES
): DocumentText {
  const root = parseXmlPart(xml);
  const reader = new DocumentReader(styles);
  const paragraphs: string[] = [];
  const notes: DocxNote[] = [];
  const visit = {
    paragraph(_p: XmlElement, read: ParagraphRead) {
      const text = read.text.replace(/[\t\n]/g, " ").trim();
      if (text !== "") paragraphs.push(text);
      for (const note of paragraphNotes(read))
        notes.push({ ...note, ...(paragraphs.length > 0 ? { paragraph: paragraphs.length } : {}) });
    },
    table(tbl: XmlElement) {
      for (const tr of collect(tbl, ROWS))
        for (const tc of collect(tr, CELLS)) walkBlocks(tc, reader, visit);
    },
  };
  walkBlocks(bodyOf(root), reader, visit);
  notes.push(...documentNotes(root, reader));
  return { paragraphs, notes };
}

/** The paragraphs of documentText, without its notes. */
export function documentParagraphs(xml: string | Uint8Array, styles?: HiddenStyles): string[] {
  return documentText(xml, styles).paragraphs;
}

/** The grids and text of a document.xml. */
export function docxContent(
  xml: string | Uint8Array,
  styles: HiddenStyles = NO_STYLES
): DocxContent {
  const root = parseXmlPart(xml);
  const reader = new DocumentReader(styles);
  const items = bodyItems(root, reader);
  const notes: DocxNote[] = [];
  const grids: Building[] = [];
  const text: DocxParagraph[] = [];
  /** Paragraphs since the last table, not yet known to be text or a caption. */
  let pending: DocxParagraph[] = [];
  let last: Building | undefined;
  const flush = (keep: DocxParagraph[]) => text.push(...keep);
  for (const item of items) {
    if (item.kind === "note") {
      notes.push(item.note);
      continue;
    }
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
      notes: [],
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
  const named = grids.map((b): Grid => {
    const n = (used.get(b.sheet) ?? 0) + 1;
    used.set(b.sheet, n);
    const sheet = n > 1 ? `${b.sheet}（${n}）` : b.sheet;
    captionRows[sheet] = b.captionRows;
    for (const note of b.notes) notes.push({ ...note, sheet });
    return {
      sheet,
      origin: { row: 1, col: 1 },
      values: b.values,
      merges: b.merges,
    };
  });
  notes.push(...documentNotes(root, reader));
  return { captionRows, grids: named, paragraphs: text, notes };
}
