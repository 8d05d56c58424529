/**
 * A small pull scanner for the XML parts of an .xlsx, fed chunk by chunk: tags and the text between
 * them, entities decoded, nothing else (no namespaces, no validation). A worksheet of 200,000 rows
 * is 76 MB of XML; this reads it in pieces of a few hundred KB.
 */

export interface XmlHandler {
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags, entities decoded; only called while `wantsText()` is true. */
  text(text: string): void;
  wantsText(): boolean;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;

/** Decodes the five named entities and character references, as an XML parser does. */
export function decodeXml(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(ENTITY, (whole, name: string) => {
    switch (name) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(
          name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
        );
    }
  });
}

/** XML's end-of-line handling, as every conforming parser (exceljs' saxes too) applies it: \r\n and \r are \n. */
function newlines(text: string): string {
  return text.indexOf("\r") < 0 ? text : text.replace(/\r\n?/g, "\n");
}

/** An attribute's raw value as a parser gives it: newlines, then whitespace as spaces, then entities. */
function attributeValue(raw: string): string {
  if (raw.indexOf("\r") >= 0 || raw.indexOf("\n") >= 0 || raw.indexOf("\t") >= 0)
    raw = newlines(raw).replace(/[\t\n]/g, " ");
  return decodeXml(raw);
}

const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The value of one attribute in a tag's attribute text, decoded; undefined when absent. */
export function attribute(attributes: string, name: string): string | undefined {
  // Fast path for the usual form, name="value" after a single space (a value in double quotes
  // holds no double quote; single-quoted values might, so those take the slow path).
  if (isPlain(attributes)) {
    const at = attributes.indexOf(` ${name}="`);
    if (at < 0) return undefined;
    const start = at + name.length + 3;
    return attributeValue(attributes.slice(start, attributes.indexOf('"', start)));
  }
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(attributes); m; m = ATTRIBUTE.exec(attributes))
    if (m[1] === name) return attributeValue(m[2] ?? m[3]);
  return undefined;
}

/** Attributes written the usual way: one space before each, no spaces around =, double quotes. */
function isPlain(attributes: string): boolean {
  return (
    attributes.indexOf("'") < 0 &&
    attributes.indexOf("\n") < 0 &&
    attributes.indexOf("\t") < 0 &&
    attributes.indexOf("\r") < 0 &&
    attributes.indexOf(" =") < 0 &&
    attributes.indexOf("= ") < 0
  );
}

export class XmlScanner {
  private buffer = "";
  private readonly decoder = new TextDecoder("utf-8");

  constructor(private readonly handler: XmlHandler) {}

  /** Feeds the next bytes; complete tags are handled, an incomplete one waits for more. */
  write(chunk: Uint8Array): void {
    this.buffer += this.decoder.decode(chunk, { stream: true });
    this.buffer = this.buffer.slice(this.scan(this.buffer));
  }

  /** The end of the input: whatever is left must be complete. */
  end(): void {
    this.buffer += this.decoder.decode();
    const rest = this.scan(this.buffer);
    if (this.buffer.slice(rest).trim() !== "") throw new Error("unexpected end of XML");
    this.buffer = "";
  }

  /** Handles every complete tag in `text`; returns where the unhandled rest starts. */
  private scan(text: string): number {
    const handler = this.handler;
    let pos = 0;
    for (;;) {
      const lt = text.indexOf("<", pos);
      if (lt < 0) return pos;
      if (lt > pos && handler.wantsText()) handler.text(decodeXml(newlines(text.slice(pos, lt))));
      const next = text.charCodeAt(lt + 1);
      if (next === 33 /* ! */) {
        if (text.startsWith("<![CDATA[", lt)) {
          const end = text.indexOf("]]>", lt + 9);
          if (end < 0) return lt;
          if (handler.wantsText()) handler.text(newlines(text.slice(lt + 9, end)));
          pos = end + 3;
        } else if (text.startsWith("<!--", lt)) {
          const end = text.indexOf("-->", lt + 4);
          if (end < 0) return lt;
          pos = end + 3;
        } else {
          const end = text.indexOf(">", lt);
          if (end < 0) return lt;
          pos = end + 1;
        }
        continue;
      }
      const gt = text.indexOf(">", lt);
      if (gt < 0) return lt;
      pos = gt + 1;
      if (next === 63 /* ? */) continue;
      if (next === 47 /* / */) {
        handler.close(text.slice(lt + 2, gt).trim());
        continue;
      }
      const selfClosing = text.charCodeAt(gt - 1) === 47;
      const inner = text.slice(lt + 1, selfClosing ? gt - 1 : gt);
      let nameEnd = 0;
      while (nameEnd < inner.length) {
        const c = inner.charCodeAt(nameEnd);
        if (c === 32 || c === 9 || c === 10 || c === 13) break;
        nameEnd++;
      }
      const name = inner.slice(0, nameEnd);
      handler.open(name, inner.slice(nameEnd), selfClosing);
      if (selfClosing) handler.close(name);
    }
  }
}

/** Scans a whole (small) part. */
export function scanXml(bytes: Uint8Array, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler);
  scanner.write(bytes);
  scanner.end();
}
