/*
 * A published .docx from a generator nobody here has seen: the XML constructs Word and others
 * write, each read as Word shows it — entities, CDATA, other namespace prefixes, content controls,
 * alternate content, tracked changes, tabs and breaks, soft hyphens, symbols, nested tables — and
 * what cannot be read is a note, never text dropped in silence. Documents are minimal .docx zips
 * made by hand (jszip), or written with the docx library where it writes the construct.
 */
import {
  DeletedTextRun,
  Document,
  InsertedTextRun,
  Packer,
  Paragraph,
  SymbolRun,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import JSZip from "jszip";
import { readDocx } from "../../src/io/docxTables";
import type { DocxContent } from "../../src/io/docxTables";
import { docxParagraphs } from "../../src/io/readDocx";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NS = [
  `xmlns:w="${W}"`,
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'xmlns:o="urn:schemas-microsoft-com:office:office"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
].join(" ");

/** A minimal .docx: content types, the package relationship to the main part, the part. */
async function zipOf(documentXml: string, part = "word/document.xml"): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
      "</Types>"
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/${part}"/>` +
      "</Relationships>"
  );
  zip.file(part, documentXml);
  return zip.generateAsync({ type: "uint8array" });
}

const documentXml = (body: string, ns = NS) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${ns}><w:body>${body}</w:body></w:document>`;
const read = async (body: string): Promise<DocxContent> => readDocx(await zipOf(documentXml(body)));

const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const p = (...runs: string[]) => `<w:p>${runs.join("")}</w:p>`;
const text = (t: string) => p(run(t));
const tc = (...content: string[]) => `<w:tc>${content.join("")}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join("")}</w:tr>`;
const tbl = (columns: number, ...rows: string[]) =>
  `<w:tbl><w:tblGrid>${'<w:gridCol w:w="2000"/>'.repeat(columns)}</w:tblGrid>${rows.join("")}</w:tbl>`;
const row = (...texts: string[]) => tr(...texts.map((t) => tc(text(t))));

const TITLE = "表9 “三公”经费支出预算表";
/** The 三公 table every variant below must read to. */
const SANGONG = [
  text(TITLE),
  tbl(2, row("项目", "预算数"), row("合计", "3.00"), row("公务接待费", "3.00")),
];
const SANGONG_VALUES = [
  [TITLE, null],
  ["项目", "预算数"],
  ["合计", "3.00"],
  ["公务接待费", "3.00"],
];

async function docxOf(children: (Paragraph | Table)[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

describe("entities and CDATA", () => {
  it("decodes the predefined entities and character references, in text and in attributes", async () => {
    const { grids, paragraphs } = await read(
      // TOC&#49; is TOC1: a 目录 line, left out of the text.
      '<w:p><w:pPr><w:pStyle w:val="TOC&#49;"/></w:pPr>' +
        run("目录") +
        "</w:p>" +
        text("A &amp; B &lt; C &gt; D &quot;E&quot; &apos;F&apos; &#x4E00;&#20108;") +
        tbl(2, row("项目", "&#x91D1;&#39069;"), row("合计", "1,234&#46;50"))
    );
    expect(paragraphs.map((x) => x.text)).toEqual([`A & B < C > D "E" 'F' 一二`]);
    // The short line above the untitled table is also its first row, as for any untitled table.
    expect(grids[0].values.slice(-2)).toEqual([
      ["项目", "金额"],
      ["合计", "1,234.50"],
    ]);
  });

  it("takes a CDATA section as text", async () => {
    const { grids } = await read(
      tbl(
        2,
        row("项目", "预算数"),
        tr(tc(text("合计")), tc(p("<w:r><w:t><![CDATA[1,234.50]]></w:t></w:r>")))
      )
    );
    expect(grids[0].values[1]).toEqual(["合计", "1,234.50"]);
    const { paragraphs } = await read(p("<w:r><w:t><![CDATA[A < B & C]]></w:t></w:r>"));
    expect(paragraphs.map((x) => x.text)).toEqual(["A < B & C"]);
  });

  it("refuses an entity XML does not define, or a DTD, with a reason that names the part", async () => {
    await expect(read(text("1&nbsp;234.50"))).rejects.toThrow(/word\/document\.xml 不是有效的 XML/);
    const withDtd = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY n "1,234.50">]><w:document ${NS}><w:body>${text("&n;")}</w:body></w:document>`;
    await expect(readDocx(await zipOf(withDtd))).rejects.toThrow(/不是有效的 XML/);
  });
});

describe("namespaces", () => {
  const body = SANGONG.join("");

  it("reads WordprocessingML under any prefix, as a default namespace, or strict", async () => {
    const renamed = documentXml(body, NS)
      .replace(/<(\/?)w:/g, "<$1ns0:")
      .replace(/ w:/g, " ns0:");
    const variants = [
      renamed.replace(`xmlns:w="${W}"`, `xmlns:ns0="${W}"`),
      documentXml(body, NS)
        .replace(/<(\/?)w:/g, "<$1")
        .replace(`xmlns:w="${W}"`, `xmlns="${W}" xmlns:w="${W}"`),
      documentXml(body, NS).replace(W, "http://purl.oclc.org/ooxml/wordprocessingml/main"),
    ];
    expect(variants[0]).toContain("<ns0:tbl>");
    expect(variants[1]).toContain("<tbl>");
    for (const xml of variants) {
      const { grids } = await readDocx(await zipOf(xml));
      expect(grids.map((g) => [g.sheet, g.values])).toEqual([[TITLE, SANGONG_VALUES]]);
    }
  });

  it("finds the main part where the package's relationships say it is", async () => {
    const { grids } = await readDocx(await zipOf(documentXml(body), "word/main.xml"));
    expect(grids[0].values).toEqual(SANGONG_VALUES);
  });
});

describe("nested tables", () => {
  it("reads a one-cell frame round a title and a table as the title and the table", async () => {
    const { grids, paragraphs, notes } = await read(
      tbl(1, tr(tc(...SANGONG))) + text("以上为本部门“三公”经费预算。")
    );
    expect(grids.map((g) => [g.sheet, g.values])).toEqual([[TITLE, SANGONG_VALUES]]);
    expect(paragraphs.map((x) => x.text)).toEqual(["以上为本部门“三公”经费预算。"]);
    expect(notes).toEqual([]);
  });

  it("reads a table inside a cell into that cell's text, and notes it at the cell", async () => {
    const inner = tbl(2, row("因公出国（境）费", "1.00"), row("公务接待费", "2.00"));
    const { grids, notes } = await read(
      text(TITLE) + tbl(2, row("项目", "预算数"), tr(tc(text("合计")), tc(text("3.00"), inner)))
    );
    expect(grids[0].values[2]).toEqual(["合计", "3.00\n因公出国（境）费 1.00\n公务接待费 2.00"]);
    expect(notes).toEqual([
      expect.objectContaining({ severity: "warning", sheet: TITLE, cell: "B3" }),
    ]);
    expect(notes[0].message).toMatch(/嵌套了一个表格/);
  });

  it("written by the docx library: a table in a cell is read, not dropped", async () => {
    const inner = new Table({
      rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph("2.00")] })] })],
    });
    const { grids, notes } = await readDocx(
      await docxOf([
        new Paragraph(TITLE),
        new Table({
          rows: [
            new TableRow({
              children: [
                new TableCell({ children: [new Paragraph("公务接待费")] }),
                new TableCell({ children: [new Paragraph(""), inner] }),
              ],
            }),
          ],
        }),
      ])
    );
    expect(grids[0].values[1]).toEqual(["公务接待费", "2.00"]);
    expect(notes.map((n) => n.cell)).toEqual(["B2"]);
  });
});

describe("content controls (w:sdt)", () => {
  const sdt = (...content: string[]) =>
    `<w:sdt><w:sdtPr><w:alias w:val="金额"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent>${content.join("")}</w:sdtContent></w:sdt>`;

  it("reads what they hold: a title, a row, a cell, a run in a cell", async () => {
    const { grids } = await read(
      sdt(text(TITLE)) +
        tbl(
          2,
          sdt(row("项目", "预算数")),
          tr(tc(text("合计")), sdt(tc(text("3.00")))),
          tr(tc(text("公务接待费")), tc(p(sdt(run("3.")), run("00"))))
        )
    );
    expect(grids.map((g) => [g.sheet, g.values])).toEqual([[TITLE, SANGONG_VALUES]]);
  });
});

describe("alternate content (mc:AlternateContent)", () => {
  const textBox = (content: string) =>
    `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>${content}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
    `<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${content.replace("100.00", "999.99")}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;

  it("reads one branch, the choice, and a text box's paragraphs after the one holding it", async () => {
    const { paragraphs, notes } = await read(
      p(run("一、部门预算安排"), textBox(text("2024年支出预算100.00万元。"))) + text("二、其他")
    );
    expect(paragraphs.map((x) => [x.index, x.text])).toEqual([
      [1, "一、部门预算安排"],
      [2, "2024年支出预算100.00万元。"],
      [3, "二、其他"],
    ]);
    expect(notes).toEqual([]);
  });

  it("reads the fallback when there is no choice, and alternate content around blocks", async () => {
    const fallbackOnly = `<mc:AlternateContent><mc:Fallback>${SANGONG.join("")}</mc:Fallback></mc:AlternateContent>`;
    const { grids } = await read(fallbackOnly);
    expect(grids[0].values).toEqual(SANGONG_VALUES);
  });
});

describe("tracked changes", () => {
  it("reads insertions and moves to, never deleted or moved-away text, nor a deleted row", async () => {
    const deletedRow =
      '<w:tr><w:trPr><w:del w:id="9" w:author="审核"/></w:trPr>' +
      tc(
        p(
          '<w:del w:id="10" w:author="审核"><w:r><w:delText>因公出国（境）费</w:delText></w:r></w:del>'
        )
      ) +
      tc(p('<w:del w:id="11" w:author="审核"><w:r><w:delText>5.00</w:delText></w:r></w:del>')) +
      "</w:tr>";
    const { grids, paragraphs } = await read(
      text(TITLE) +
        tbl(
          2,
          row("项目", "预算数"),
          // 8.00 corrected to 3.00 with changes tracked.
          tr(
            tc(text("合计")),
            tc(
              p(
                '<w:del w:id="1" w:author="审核"><w:r><w:delText>8</w:delText></w:r></w:del>',
                '<w:ins w:id="2" w:author="审核"><w:r><w:t>3</w:t></w:r></w:ins>',
                run(".00")
              )
            )
          ),
          deletedRow,
          row("公务接待费", "3.00")
        ) +
        p(
          '<w:moveFrom w:id="3" w:author="审核"><w:r><w:t>移走的文字。</w:t></w:r></w:moveFrom>',
          run("正文。")
        ) +
        p('<w:moveTo w:id="4" w:author="审核"><w:r><w:t>移来的文字。</w:t></w:r></w:moveTo>')
    );
    expect(grids[0].values).toEqual(SANGONG_VALUES);
    expect(paragraphs.map((x) => x.text)).toEqual(["正文。", "移来的文字。"]);
  });

  it("joins a paragraph whose mark was deleted to the next one", async () => {
    const { paragraphs } = await read(
      '<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="审核"/></w:rPr></w:pPr>' +
        run("2024年支出预算") +
        "</w:p>" +
        text("100.00万元。")
    );
    expect(paragraphs.map((x) => x.text)).toEqual(["2024年支出预算100.00万元。"]);
  });

  it("written by the docx library (as Word saves them): the deleted figure is not read", async () => {
    const date = "2024-01-01T00:00:00Z";
    const { grids } = await readDocx(
      await docxOf([
        new Paragraph(TITLE),
        new Table({
          rows: [
            new TableRow({
              children: [
                new TableCell({ children: [new Paragraph("合计")] }),
                new TableCell({
                  children: [
                    new Paragraph({
                      children: [
                        new DeletedTextRun({ text: "8", id: 1, author: "审核", date }),
                        new InsertedTextRun({ text: "3", id: 2, author: "审核", date }),
                        new TextRun(".00"),
                      ],
                    }),
                  ],
                }),
              ],
            }),
          ],
        }),
      ])
    );
    expect(grids[0].values[1]).toEqual(["合计", "3.00"]);
  });
});

describe("tabs, breaks, hyphens and symbols", () => {
  it("reads w:tab and w:br: a 单位 line split at the tab, a cell's lines kept apart", async () => {
    const { grids } = await read(
      text(TITLE) +
        p(run("部门：某某局"), "<w:r><w:tab/></w:r>", run("单位：万元")) +
        tbl(
          2,
          row("项目", "预算数"),
          tr(
            tc(p(run("公务用车购置"), "<w:r><w:br/></w:r>", run("及运行维护费"))),
            tc(text("3.00"))
          )
        )
    );
    expect(grids[0].values).toEqual([
      [TITLE, null],
      ["部门：某某局", "单位：万元"],
      ["项目", "预算数"],
      ["公务用车购置\n及运行维护费", "3.00"],
    ]);
  });

  it("leaves soft hyphens out, as Word shows them, so an amount stays whole", async () => {
    const { grids } = await read(
      tbl(
        2,
        row("项目", "预算数"),
        tr(tc(text("合计")), tc(p(run("1,2&#173;34"), "<w:r><w:softHyphen/></w:r>", run(".50"))))
      )
    );
    expect(grids[0].values[1]).toEqual(["合计", "1,234.50"]);
  });

  it("reads w:sym as its character; an unknown one is □ and a note", async () => {
    const sym = (font: string, char: string) =>
      `<w:r><w:sym w:font="${font}" w:char="${char}"/></w:r>`;
    const { paragraphs, notes } = await read(
      p(
        run("增长"),
        sym("Symbol", "F0B1"),
        run("5%"),
        sym("宋体", "2014"),
        sym("Wingdings", "F0FC")
      ) + p(run("图例"), sym("Webdings", "F041"))
    );
    expect(paragraphs.map((x) => x.text)).toEqual(["增长±5%—✓", "图例□"]);
    expect(notes).toEqual([expect.objectContaining({ severity: "warning", paragraph: 2 })]);
    expect(notes[0].message).toMatch(/Webdings F041/);
  });

  it("written by the docx library: a SymbolRun is read", async () => {
    const { paragraphs } = await readDocx(
      await docxOf([
        new Paragraph({
          children: [
            new TextRun("合计"),
            new SymbolRun({ char: "F0B4", symbolfont: "Symbol" }),
            new TextRun("2"),
          ],
        }),
      ])
    );
    expect(paragraphs.map((x) => x.text)).toEqual(["合计×2"]);
  });
});

describe("what cannot be read is a note, never dropped", () => {
  it("notes content of another file (altChunk) as an error", async () => {
    const { notes } = await read(text("正文。") + '<w:altChunk r:id="rId9"/>');
    expect(notes).toEqual([expect.objectContaining({ severity: "error" })]);
    expect(notes[0].message).toMatch(/altChunk/);
  });

  it("notes an embedded object (a pasted Excel table) after the paragraph before it", async () => {
    const { notes } = await read(
      text("表9 “三公”经费支出预算表见下：") +
        p(
          '<w:r><w:object><v:shape><v:imagedata r:id="rId5"/></v:shape><o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" r:id="rId6"/></w:object></w:r>'
        )
    );
    expect(notes).toEqual([expect.objectContaining({ severity: "warning", paragraph: 1 })]);
    expect(notes[0].message).toMatch(/Excel\.Sheet\.12/);
  });

  it("notes text in a place the reader does not know as an error, quoting it", async () => {
    const { grids, notes } = await read(
      text(TITLE) +
        tbl(
          2,
          row("项目", "预算数"),
          `<w:tr><w:unknownWrapper>${run("99.00")}</w:unknownWrapper>${tc(text("合计"))}</w:tr>`
        )
    );
    expect(grids[0].values[2]).toEqual(["合计", null]);
    expect(notes).toEqual([expect.objectContaining({ severity: "error" })]);
    expect(notes[0].message).toContain("“99.00”");
  });

  it("has no note for a document it reads whole", async () => {
    expect((await read(SANGONG.join(""))).notes).toEqual([]);
  });
});

describe("docxParagraphs (a 情况说明 given as a .docx)", () => {
  it("reads what Word shows: no deleted text, content controls and text boxes once", async () => {
    const bytes = await zipOf(
      documentXml(
        p(
          run("支出"),
          '<w:del w:id="1" w:author="x"><w:r><w:delText>200.00</w:delText></w:r></w:del>',
          '<w:ins w:id="2" w:author="x"><w:r><w:t>100.00</w:t></w:r></w:ins>',
          run("万元。")
        ) +
          `<w:sdt><w:sdtContent>${text("项目支出50.00万元。")}</w:sdtContent></w:sdt>` +
          p(
            run("见框："),
            `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${text("框内文字")}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${text("框内文字")}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
          ) +
          tbl(2, row("基本支出", "50.00"))
      )
    );
    expect(await docxParagraphs(bytes)).toEqual([
      "支出100.00万元。",
      "项目支出50.00万元。",
      "见框：",
      "框内文字",
      "基本支出",
      "50.00",
    ]);
  });
});
