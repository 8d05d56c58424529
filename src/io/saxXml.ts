/**
 * The XML parts of an .xlsx read through saxes, the streaming parser exceljs itself uses
 * (lib/utils/parse-sax.js), fed chunk by chunk: a worksheet of 200,000 rows is 76 MB of XML and is
 * read in pieces of a few hundred KB. Being exceljs' own parser, saxes reads the text exactly as the
 * full read does: end-of-line handling (\r\n and \r as \n), attribute whitespace normalised,
 * entities and character references decoded, malformed XML refused. CDATA sections are ignored,
 * as exceljs listens only to opentag, text and closetag.
 */
import { SaxesParser } from "saxes";

export interface XmlHandler {
  open(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags, entities decoded; only called while `wantsText()` is true. */
  text(text: string): void;
  wantsText(): boolean;
  /**
   * A CDATA section's text, only called while `wantsText()` is true. Optional: the worksheet reader
   * ignores CDATA as exceljs does; the .docx reader takes it as text, as XML defines it.
   */
  cdata?(text: string): void;
}

export class XmlReader {
  private readonly parser = new SaxesParser({ xmlns: false, position: false });
  // Bytes to text with multi-byte characters split across chunks kept whole.
  private readonly decoder = new TextDecoder("utf-8");

  constructor(handler: XmlHandler) {
    const parser = this.parser;
    parser.on("opentag", (tag) => handler.open(tag.name, tag.attributes, tag.isSelfClosing));
    parser.on("closetag", (tag) => handler.close(tag.name));
    parser.on("text", (text) => {
      if (handler.wantsText()) handler.text(text);
    });
    if (handler.cdata) {
      const cdata = handler.cdata.bind(handler);
      parser.on("cdata", (text) => {
        if (handler.wantsText()) cdata(text);
      });
    }
    // No error handler: saxes then throws on malformed XML, and the caller reads the file in full.
  }

  /** Feeds the next bytes; every complete tag in them is handled before this returns. */
  write(chunk: Uint8Array): void {
    this.parser.write(this.decoder.decode(chunk, { stream: true }));
  }

  /** The end of the input: whatever is open or incomplete is an error. */
  end(): void {
    this.parser.write(this.decoder.decode());
    this.parser.close();
  }
}

/** Decodes whole parts (no stream: it keeps nothing from one part to the next). */
const WHOLE_TEXT = new TextDecoder("utf-8");

/**
 * Reads a whole part held in memory (the small parts, and worksheets of up to a few MB): by the
 * plain scanner below when the text is within what it reads exactly as saxes does, else by saxes.
 */
export function readXml(bytes: Uint8Array, handler: XmlHandler): void {
  const text = WHOLE_TEXT.decode(bytes);
  const start = plainXmlPrologEnd(text);
  if (start >= 0) {
    scanElements(text, start, handler);
    return;
  }
  // saxes, with whatever the handler listens to (CDATA for the .docx reader).
  const reader = new XmlReader(handler);
  reader.write(bytes);
  reader.end();
}

// ---------------------------------------------------------------------------------------------
// A plain scanner for the XML that spreadsheet programs write: elements, attributes, text and the
// five predefined entities and character references, after an optional XML declaration. About
// four times faster than saxes on a worksheet (its events, its per-character state machine).
// Whatever else a document holds — comments, CDATA, a DOCTYPE, processing instructions, \r line
// ends that saxes normalises, characters XML forbids — is decided before a single event is sent,
// and such a document goes to saxes whole. On malformed XML both throw, and the caller reads the
// file in full; only names are checked less strictly here than by saxes (any characters but
// whitespace, "/", ">" and "=").

/** Anything the plain scanner leaves to saxes (control characters included: XML forbids them). */
const NOT_PLAIN =
  // eslint-disable-next-line no-control-regex
  /[\r\u0085\u2028\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|<!|]]>/g;
/** Surrogates, looked at more closely only when there are any (a lookbehind at every character is slow). */
const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const XML_DECLARATION =
  /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(?:"1\.0"|'1\.0')(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(?:"[A-Za-z][\w.-]*"|'[A-Za-z][\w.-]*'))?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\n]*\?>/;

/**
 * Where the document's elements start when the plain scanner reads it exactly as saxes would;
 * -1 when it is to be left to saxes.
 */
export function plainXmlPrologEnd(text: string): number {
  let start = 0;
  if (text.startsWith("<?")) {
    const declaration = XML_DECLARATION.exec(text);
    if (!declaration) return -1;
    start = declaration[0].length;
  }
  // Excel and Word end the declaration with \r\n: line ends before the root are read here too.
  let body = start;
  while (body < text.length && isPrologSpace(text.charCodeAt(body))) body++;
  NOT_PLAIN.lastIndex = body;
  if (NOT_PLAIN.test(text)) return -1;
  if (SURROGATE.test(text) && LONE_SURROGATE.test(text)) return -1;
  return text.indexOf("<?", start) >= 0 ? -1 : start;
}

function isPrologSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

class XmlSyntaxError extends Error {
  constructor(message: string, at: number) {
    super(`${message} (at character ${at})`);
    this.name = "XmlSyntaxError";
  }
}

/** The attributes of every element that has none (most of a worksheet's): read, never written. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' };

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Entities and character references decoded; anything else after "&" is an error, as in saxes. */
function decodeEntities(raw: string, at: number): string {
  let amp = raw.indexOf("&");
  if (amp < 0) return raw;
  let out = "";
  let from = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(";", amp + 1);
    if (semi < 0) throw new XmlSyntaxError("unterminated entity", at + amp);
    const ref = raw.slice(amp + 1, semi);
    let value = PREDEFINED[ref];
    if (value === undefined) {
      const code = /^#x[0-9a-fA-F]+$/.test(ref)
        ? parseInt(ref.slice(2), 16)
        : /^#[0-9]+$/.test(ref)
          ? parseInt(ref.slice(1), 10)
          : NaN;
      if (!isXmlChar(code)) throw new XmlSyntaxError(`bad entity &${ref};`, at + amp);
      value = String.fromCodePoint(code);
    }
    out += raw.slice(from, amp) + value;
    from = semi + 1;
    amp = raw.indexOf("&", from);
  }
  return out + raw.slice(from);
}

/** How a name's characters are read: 0 part of the name, 1 ends it, 2 an error. ASCII only; others are names. */
function nameTable(ends: readonly number[], bad: readonly number[]): Uint8Array {
  const table = new Uint8Array(128);
  for (const c of ends) table[c] = 1;
  for (const c of bad) table[c] = 2;
  return table;
}
/** An element's name ends at whitespace, "/" or ">". */
const ELEMENT_NAME = nameTable([32, 10, 9, 47, 62], [61, 60, 34, 39, 38]);
/** An attribute's name ends at whitespace, "=", "/" or ">". */
const ATTRIBUTE_NAME = nameTable([32, 10, 9, 61, 47, 62], [60, 34, 39, 38]);

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9;
}

/** Sends a plain document's events to `handler` (see plainXmlPrologEnd); throws on malformed XML. */
export function scanPlainXml(text: string, handler: XmlHandler): void {
  const start = plainXmlPrologEnd(text);
  if (start < 0) throw new Error("not plain XML: read it with saxes");
  scanElements(text, start, handler);
}

function scanElements(text: string, start: number, handler: XmlHandler): void {
  let i = start;
  const n = text.length;
  const open: string[] = [];
  let rootClosed = false;
  // The next "&" at or after i (n when none): text nobody wants is decoded only to check its
  // entities, and most text has none.
  let nextAmp = -1;
  while (i < n) {
    const lt = text.indexOf("<", i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      if (open.length === 0) {
        // (\r only before the root: plainXmlPrologEnd leaves any later one to saxes.)
        for (let k = i; k < end; k++)
          if (!isPrologSpace(text.charCodeAt(k)))
            throw new XmlSyntaxError("text outside the root", k);
        // saxes passes on the spaces outside the root, but for those the document starts with,
        // with its line ends as \n.
        if (i > 0 && handler.wantsText()) handler.text(text.slice(i, end).replace(/\r\n?/g, "\n"));
      } else if (handler.wantsText()) handler.text(decodeEntities(text.slice(i, end), i));
      else {
        if (nextAmp < i) {
          nextAmp = text.indexOf("&", i);
          if (nextAmp < 0) nextAmp = n;
        }
        if (nextAmp < end) decodeEntities(text.slice(i, end), i);
      }
    }
    if (lt < 0) break;
    if (text.charCodeAt(lt + 1) === 47 /* / */) {
      const gt = text.indexOf(">", lt + 2);
      if (gt < 0) throw new XmlSyntaxError("unterminated closing tag", lt);
      let nameEnd = gt;
      while (nameEnd > lt + 2 && isSpace(text.charCodeAt(nameEnd - 1))) nameEnd--;
      // The name is compared in place: the open element's own string is the one passed on.
      const name = open.pop();
      if (
        name === undefined ||
        name.length !== nameEnd - (lt + 2) ||
        !text.startsWith(name, lt + 2)
      )
        throw new XmlSyntaxError(`unmatched closing tag ${text.slice(lt + 2, nameEnd)}`, lt);
      handler.close(name);
      if (open.length === 0) rootClosed = true;
      i = gt + 1;
      continue;
    }
    if (rootClosed) throw new XmlSyntaxError("a second root element", lt);
    // The name: up to whitespace, "/" or ">".
    let k = lt + 1;
    for (; k < n; k++) {
      const c = text.charCodeAt(k);
      const kind = c < 128 ? ELEMENT_NAME[c] : 0;
      if (kind === 1) break;
      if (kind === 2) throw new XmlSyntaxError("bad character in a name", k);
    }
    if (k === lt + 1 || k >= n) throw new XmlSyntaxError("bad tag", lt);
    const name = text.slice(lt + 1, k);
    let attributes = NO_ATTRIBUTES;
    let selfClosing = false;
    for (;;) {
      const before = k;
      while (k < n && isSpace(text.charCodeAt(k))) k++;
      if (k >= n) throw new XmlSyntaxError("unterminated tag", lt);
      const c = text.charCodeAt(k);
      if (c === 62 /* > */) {
        k++;
        break;
      }
      if (c === 47 /* / */) {
        if (text.charCodeAt(k + 1) !== 62) throw new XmlSyntaxError("bad tag end", k);
        selfClosing = true;
        k += 2;
        break;
      }
      if (k === before) throw new XmlSyntaxError("no whitespace between attributes", k);
      const nameStart = k;
      for (; k < n; k++) {
        const a = text.charCodeAt(k);
        const kind = a < 128 ? ATTRIBUTE_NAME[a] : 0;
        if (kind === 1) break;
        if (kind === 2) throw new XmlSyntaxError("bad character in a name", k);
      }
      const attribute = text.slice(nameStart, k);
      while (k < n && isSpace(text.charCodeAt(k))) k++;
      if (text.charCodeAt(k) !== 61 /* = */) throw new XmlSyntaxError("attribute without value", k);
      k++;
      while (k < n && isSpace(text.charCodeAt(k))) k++;
      const quote = text.charCodeAt(k);
      if (quote !== 34 && quote !== 39) throw new XmlSyntaxError("unquoted attribute value", k);
      // One pass to the closing quote, noting what the value holds (values are short: a loop costs
      // less than an indexOf for each character looked for).
      let close = k + 1;
      let spaces = false;
      let entities = false;
      for (; close < n; close++) {
        const v = text.charCodeAt(close);
        if (v === quote) break;
        if (v === 60 /* < */) throw new XmlSyntaxError("< in an attribute value", k);
        if (v === 38 /* & */) entities = true;
        else if (v === 10 || v === 9) spaces = true;
      }
      if (close >= n) throw new XmlSyntaxError("unterminated attribute value", k);
      let raw = text.slice(k + 1, close);
      // Literal tabs and line ends in a value are spaces (character references stay), as in saxes.
      if (spaces) raw = raw.replace(/[\n\t]/g, " ");
      if (attributes === NO_ATTRIBUTES) attributes = {};
      else if (Object.prototype.hasOwnProperty.call(attributes, attribute))
        throw new XmlSyntaxError(`attribute ${attribute} given twice`, nameStart);
      attributes[attribute] = entities ? decodeEntities(raw, k + 1) : raw;
      k = close + 1;
    }
    handler.open(name, attributes, selfClosing);
    if (selfClosing) {
      handler.close(name);
      if (open.length === 0) rootClosed = true;
    } else open.push(name);
    i = k;
  }
  if (open.length > 0) throw new XmlSyntaxError(`unclosed element ${open[open.length - 1]}`, n);
  if (!rootClosed) throw new XmlSyntaxError("no root element", n);
}
