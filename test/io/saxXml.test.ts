import { XmlReader, plainXmlPrologEnd, readXml, scanPlainXml } from "../../src/io/saxXml";
import type { XmlHandler } from "../../src/io/saxXml";

type Event =
  ["open", string, Record<string, string>, boolean] | ["close", string] | ["text", string];

/** Every event, adjacent texts joined (saxes may split a text where the scanner does not). */
function recorder(): { handler: XmlHandler; events: Event[] } {
  const events: Event[] = [];
  const handler: XmlHandler = {
    open: (name, attributes, selfClosing) =>
      events.push(["open", name, { ...attributes }, selfClosing]),
    close: (name) => events.push(["close", name]),
    text: (text) => {
      const last = events[events.length - 1];
      if (last?.[0] === "text") last[1] += text;
      else events.push(["text", text]);
    },
    wantsText: () => true,
  };
  return { handler, events };
}

const bytes = (text: string) => new TextEncoder().encode(text);

function bySaxes(text: string): Event[] {
  const { handler, events } = recorder();
  const reader = new XmlReader(handler);
  reader.write(bytes(text));
  reader.end();
  return events;
}

function byScanner(text: string): Event[] {
  const { handler, events } = recorder();
  scanPlainXml(text, handler);
  return events;
}

const PLAIN = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="x"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><f>SUM(A1:A2)</f><v>3</v></c></row></sheetData></worksheet>',
  "<a x = 'single' y=\"a&amp;b &lt;&gt; &quot;&apos;\"><b/><c  /></a>",
  '<a v="tab\there\nline &#10;kept &#x9;kept">x</a>',
  "<t>收入&#x4E2D;&#25991; &#128512; a&gt;b ]] > x</t>",
  '  \n<r:a r:id="rId1" x14ac:dy="1">  <b>  spaced  </b>\n</r:a >\n',
  "<a>one<b/>two<c>three</c>four</a>",
  '<a v="😀">😀 surrogate pairs</a>',
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document><w:t>as Excel and Word write it</w:t></w:document>\n',
];

describe("the plain XML scanner reads as saxes reads", () => {
  it("leaves a lone surrogate to saxes", () => {
    expect(plainXmlPrologEnd("<a>\ud800</a>")).toBe(-1);
    expect(plainXmlPrologEnd("<a>\udc00x</a>")).toBe(-1);
  });

  it.each(PLAIN.map((x) => [x]))("%s", (text) => {
    expect(plainXmlPrologEnd(text)).toBeGreaterThanOrEqual(0);
    expect(byScanner(text)).toEqual(bySaxes(text));
  });

  it.each([
    ["a comment", "<a><!-- note --><b/></a>"],
    ["CDATA", "<a><t><![CDATA[x<y]]></t></a>"],
    ["\\r\\n line ends", '<a v="1\r\n2">x\r\ny</a>'],
    ["\\r\\n line ends after the root", '<?xml version="1.0"?>\r\n<a>x</a>\r\n'],
    ["a processing instruction", "<a><?pi data?></a>"],
    ["a DOCTYPE", "<!DOCTYPE a><a/>"],
    ["an XML 1.1 declaration", '<?xml version="1.1"?><a>\u0085</a>'],
  ])("leaves %s to saxes, with the same events", (_what, text) => {
    expect(plainXmlPrologEnd(text)).toBe(-1);
    const { handler, events } = recorder();
    readXml(bytes(text), handler);
    expect(events).toEqual(bySaxes(text));
  });

  it.each([
    ["an unmatched closing tag", "<a><b></a></b>"],
    ["an unclosed element", "<a><b></b>"],
    ["an unknown entity", "<a>&nbsp;</a>"],
    ["an entity without its semicolon", "<a>&amp</a>"],
    ["a forbidden character reference", "<a>&#0;</a>"],
    ["< in an attribute value", '<a v="<"/>'],
    ["an unquoted attribute value", "<a v=1/>"],
    ["an attribute given twice", '<a v="1" v="2"/>'],
    ["no space between attributes", '<a v="1"w="2"/>'],
    ["text outside the root", "<a/>text"],
    ["a second root", "<a/><b/>"],
    ["no root at all", "   "],
    ["a control character", "<a>\u0001</a>"],
  ])("refuses %s, as saxes does", (_what, text) => {
    expect(() => bySaxes(text)).toThrow();
    expect(() => byScanner(text)).toThrow();
  });
});

describe("text no handler wants", () => {
  const deaf: XmlHandler = { open() {}, close() {}, text() {}, wantsText: () => false };

  // The scanner skips decoding text nobody reads, but must still refuse what saxes refuses.
  it.each([
    ["an unknown entity", "<a><b>x</b>&nbsp;<c/></a>"],
    ["a bad entity after good ones", "<a>&amp;<b/>&lt;&bogus;</a>"],
  ])("is still checked: refuses %s", (_what, text) => {
    expect(() => scanPlainXml(text, deaf)).toThrow();
  });

  it("passes well-formed entities, in text and in attributes", () => {
    const opened: Record<string, string>[] = [];
    const handler: XmlHandler = { ...deaf, open: (_name, attributes) => opened.push(attributes) };
    scanPlainXml('<a>&amp;<b v="&lt;1&#x41;" w="x&#9;y"/>&#65;</a>', handler);
    expect(opened).toEqual([{}, { v: "<1A", w: "x\ty" }]);
  });
});
