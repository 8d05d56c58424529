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

/** Reads a whole (small) part. */
export function readXml(bytes: Uint8Array, handler: XmlHandler): void {
  const reader = new XmlReader(handler);
  reader.write(bytes);
  reader.end();
}
