/*
 * Hidden text (w:vanish) in a published .docx: a reader of the document does not see it, so it is
 * not read as the document's text or a table's figure; a figure in it is a note, so a clerk knows
 * numbers are hidden in the file. Hiding comes from the run, the paragraph mark, a character style
 * or a paragraph style (word/styles.xml). Documents are minimal .docx zips made by hand (jszip),
 * or written with the docx library.
 */
import { Document, Packer, Paragraph, TextRun } from "docx";
import JSZip from "jszip";
import { readDocx } from "../../src/io/docxTables";
import { docxParagraphs, docxText } from "../../src/io/readDocx";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** A minimal .docx with a styles part reached through the main part's relationships. */
async function zipOf(body: string, styles?: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/></Types>'
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`
  );
  if (styles !== undefined) {
    zip.file(
      "word/_rels/document.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/></Relationships>`
    );
    zip.file(
      "word/styles.xml",
      `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">${styles}</w:styles>`
    );
  }
  return zip.generateAsync({ type: "uint8array" });
}

const run = (text: string, rPr = "") =>
  `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const hidden = (text: string) => run(text, "<w:vanish/>");
const p = (...runs: string[]) => `<w:p>${runs.join("")}</w:p>`;
const tc = (...content: string[]) => `<w:tc>${content.join("")}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join("")}</w:tr>`;
const tbl = (columns: number, ...rows: string[]) =>
  `<w:tbl><w:tblGrid>${'<w:gridCol w:w="2000"/>'.repeat(columns)}</w:tblGrid>${rows.join("")}</w:tbl>`;

describe("hidden text (w:vanish)", () => {
  it("does not read a hidden run as the paragraph's text, and notes the figure it holds", async () => {
    const { paragraphs, notes } = await readDocx(
      await zipOf(
        p(run("一般公共预算支出")) +
          p(run("本年支出"), hidden("（原为200.00）"), run("100.00万元。"))
      )
    );
    expect(paragraphs.map((x) => x.text)).toEqual(["一般公共预算支出", "本年支出100.00万元。"]);
    expect(notes).toEqual([expect.objectContaining({ severity: "warning", paragraph: 2 })]);
    expect(notes[0].message).toContain("“（原为200.00）”");
    expect(notes[0].message).toMatch(/隐藏/);
  });

  it("has no note for hidden text without figures, and none for a run that turns hiding off", async () => {
    const { paragraphs, notes } = await readDocx(
      await zipOf(p(run("说明"), hidden("（内部备注）"), run("50.00", '<w:vanish w:val="0"/>')))
    );
    expect(paragraphs.map((x) => x.text)).toEqual(["说明50.00"]);
    expect(notes).toEqual([]);
  });

  it("leaves a hidden figure out of a table cell and notes it at the cell", async () => {
    const { grids, notes } = await readDocx(
      await zipOf(
        p(run("表9 “三公”经费支出预算表")) +
          tbl(
            2,
            tr(tc(p(run("项目"))), tc(p(run("预算数")))),
            tr(tc(p(run("合计"))), tc(p(run("3.00"), hidden("8"))))
          )
      )
    );
    expect(grids[0].values[2]).toEqual(["合计", "3.00"]);
    expect(notes).toEqual([
      expect.objectContaining({ severity: "warning", sheet: grids[0].sheet, cell: "B3" }),
    ]);
    expect(notes[0].message).toContain("“8”");
  });

  it("runs a paragraph with a hidden mark on into the next, as Word shows it", async () => {
    const { paragraphs } = await readDocx(
      await zipOf(
        `<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>${run("基本支出")}</w:p>` +
          p(run("80.00万元。"))
      )
    );
    expect(paragraphs.map((x) => x.text)).toEqual(["基本支出80.00万元。"]);
  });

  it("hides text by character style and by paragraph style, through basedOn", async () => {
    const styles =
      '<w:style w:type="character" w:styleId="Secret"><w:rPr><w:vanish/></w:rPr></w:style>' +
      '<w:style w:type="character" w:styleId="Secret2"><w:basedOn w:val="Secret"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Note"><w:rPr><w:vanish/></w:rPr></w:style>';
    const bytes = await zipOf(
      p(run("支出"), run("999.00", '<w:rStyle w:val="Secret2"/>'), run("100.00万元。")) +
        `<w:p><w:pPr><w:pStyle w:val="Note"/></w:pPr>${run("草稿：300.00")}</w:p>` +
        p(run("其中："), run("项目支出", '<w:rStyle w:val="Secret"/><w:vanish w:val="false"/>')),
      styles
    );
    const { paragraphs, notes } = await readDocx(bytes);
    expect(paragraphs.map((x) => x.text)).toEqual(["支出100.00万元。", "其中：项目支出"]);
    expect(notes.map((n) => n.message).join("\n")).toContain("999.00");
    expect(notes.map((n) => n.message).join("\n")).toContain("草稿：300.00");
    // Without the styles part the same runs are shown: hiding really comes from the styles.
    const unstyled = await readDocx(
      await zipOf(p(run("支出"), run("999.00", '<w:rStyle w:val="Secret2"/>'), run("100.00万元。")))
    );
    expect(unstyled.paragraphs.map((x) => x.text)).toEqual(["支出999.00100.00万元。"]);
  });

  it("as a 情况说明 (docxText): hidden text left out, its figure a note at its paragraph", async () => {
    const bytes = await zipOf(
      p(run("第一段。")) + p(run("支出"), hidden("120.00"), run("100.00万元。"))
    );
    expect(await docxParagraphs(bytes)).toEqual(["第一段。", "支出100.00万元。"]);
    const { notes } = await docxText(bytes);
    expect(notes).toEqual([expect.objectContaining({ severity: "warning", paragraph: 2 })]);
    expect(notes[0].message).toContain("“120.00”");
  });

  it("written by the docx library (TextRun vanish): the hidden figure is not read", async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              children: [
                new TextRun("支出"),
                new TextRun({ text: "777.00", vanish: true }),
                new TextRun("100.00万元。"),
              ],
            }),
          ],
        },
      ],
    });
    const { paragraphs, notes } = await readDocx(await Packer.toBuffer(document));
    expect(paragraphs.map((x) => x.text)).toEqual(["支出100.00万元。"]);
    expect(notes.map((n) => n.message).join("\n")).toContain("777.00");
  });
});

/*
 * w:vanish is a toggle property (ECMA-376 §17.7.3): in a style, w:vanish on turns the state reached
 * so far over and w:vanish off changes nothing; a paragraph style's and a character style's turns
 * add up over the document default; a run's own w:vanish says hidden or shown outright.
 */
describe("hidden text through styles, as a toggle", () => {
  const style = (type: string, id: string, inner: string, extra = "") =>
    `<w:style w:type="${type}" w:styleId="${id}"${extra}>${inner}</w:style>`;
  const VANISH = "<w:rPr><w:vanish/></w:rPr>";
  const styled = (text: string, id: string) => run(text, `<w:rStyle w:val="${id}"/>`);
  const inParagraphStyle = (id: string, ...runs: string[]) =>
    `<w:p><w:pPr><w:pStyle w:val="${id}"/></w:pPr>${runs.join("")}</w:p>`;
  const textOf = async (body: string, styles: string) =>
    (await readDocx(await zipOf(body, styles))).paragraphs.map((x) => x.text);

  it("a style based on a hiding style that hides again shows its text (turned over twice)", async () => {
    const styles =
      style("character", "Hide", VANISH) +
      style("character", "HideAgain", `<w:basedOn w:val="Hide"/>${VANISH}`);
    expect(
      await textOf(p(run("支出"), styled("100.00", "HideAgain"), run("万元")), styles)
    ).toEqual(["支出100.00万元"]);
  });

  it("w:vanish off in a style based on a hiding style leaves its text hidden", async () => {
    const styles =
      style("character", "Hide", VANISH) +
      style("character", "Off", '<w:basedOn w:val="Hide"/><w:rPr><w:vanish w:val="0"/></w:rPr>');
    const { paragraphs, notes } = await readDocx(
      await zipOf(p(run("支出"), styled("999.00", "Off"), run("100.00万元")), styles)
    );
    expect(paragraphs.map((x) => x.text)).toEqual(["支出100.00万元"]);
    expect(notes[0].message).toContain("“999.00”");
  });

  it("a hiding character style in a hiding paragraph style shows its text", async () => {
    const styles = style("paragraph", "Note", VANISH) + style("character", "Hide", VANISH);
    expect(
      await textOf(inParagraphStyle("Note", run("草稿"), styled("可见", "Hide")), styles)
    ).toEqual(["可见"]);
  });

  it("hides the paragraphs of a hiding default paragraph style that name no style", async () => {
    const styles = style("paragraph", "Normal", VANISH, ' w:default="1"');
    const body =
      p(run("草稿：300.00")) + p(run("支出"), run("100.00万元", '<w:vanish w:val="0"/>'));
    expect(await textOf(body, styles)).toEqual(["100.00万元"]);
  });

  it("hides text when the document default hides it, and a hiding style then shows it", async () => {
    const styles =
      "<w:docDefaults><w:rPrDefault><w:rPr><w:vanish/></w:rPr></w:rPrDefault></w:docDefaults>" +
      style("character", "Show", VANISH);
    expect(await textOf(p(run("隐藏"), styled("显示", "Show")), styles)).toEqual(["显示"]);
  });
});

/*
 * A table style (ECMA-376 §17.7.6) may say w:vanish for the whole table or for a part of it its
 * conditional formats name (w:tblStylePr: the first row, a band, a corner cell), used as the
 * table's w:tblLook says. It applies after the document default and before the paragraph and
 * character styles (§17.7.2), and as those do it turns hiding over.
 */
describe("hidden text through a table style", () => {
  const VANISH = "<w:rPr><w:vanish/></w:rPr>";
  const tableStyle = (id: string, inner: string) =>
    `<w:style w:type="table" w:styleId="${id}">${inner}</w:style>`;
  const styledTbl = (style: string, look: string, columns: number, ...rows: string[]) =>
    `<w:tbl><w:tblPr><w:tblStyle w:val="${style}"/>${look}</w:tblPr><w:tblGrid>${'<w:gridCol w:w="2000"/>'.repeat(columns)}</w:tblGrid>${rows.join("")}</w:tbl>`;
  const table = (style: string, look = "") =>
    p(run("表9 “三公”经费支出预算表")) +
    styledTbl(
      style,
      look,
      2,
      tr(tc(p(run("项目"))), tc(p(run("预算数")))),
      tr(tc(p(run("合计"))), tc(p(run("3.00"))))
    );

  it("does not read the text of a table its style hides, and notes the figures in it", async () => {
    const { grids, notes } = await readDocx(
      await zipOf(table("Draft"), tableStyle("Draft", VANISH))
    );
    expect(grids.flatMap((g) => g.values.slice(1).flat()).filter((v) => v)).toEqual([]);
    expect(notes.map((n) => n.message).join()).toContain("“3.00”");
  });

  it("hides the first row only when the table uses its style's first-row format", async () => {
    const styles = tableStyle("Plain", `<w:tblStylePr w:type="firstRow">${VANISH}</w:tblStylePr>`);
    const on = await readDocx(await zipOf(table("Plain", '<w:tblLook w:firstRow="1"/>'), styles));
    expect(on.grids[0].values.slice(1)).toEqual([
      [null, null],
      ["合计", "3.00"],
    ]);
    // The 2006 bit mask: 04A0 is firstRow (0020), firstColumn (0080), noVBand (0400).
    const mask = await readDocx(await zipOf(table("Plain", '<w:tblLook w:val="04A0"/>'), styles));
    expect(mask.grids[0].values[1]).toEqual([null, null]);
    const off = await readDocx(await zipOf(table("Plain", '<w:tblLook w:firstRow="0"/>'), styles));
    expect(off.grids[0].values.slice(1)).toEqual([
      ["项目", "预算数"],
      ["合计", "3.00"],
    ]);
  });

  it("lets a later condition (the first row) show what the whole table's format hides", async () => {
    const styles = tableStyle(
      "Mixed",
      `${VANISH}<w:tblStylePr w:type="firstRow"><w:rPr><w:vanish w:val="0"/></w:rPr></w:tblStylePr>`
    );
    const { grids } = await readDocx(
      await zipOf(table("Mixed", '<w:tblLook w:firstRow="1"/>'), styles)
    );
    expect(grids[0].values.slice(1)).toEqual([
      ["项目", "预算数"],
      [null, null],
    ]);
  });

  it("does not read as 情况说明 the paragraphs of a frame its table style hides", async () => {
    // A frame: a one-cell table round the text and a table, read as its content.
    const inner = tbl(2, tr(tc(p(run("项目"))), tc(p(run("预算数")))));
    const frame = styledTbl(
      "Draft",
      "",
      1,
      tr(tc(p(run("（草稿）本年支出300.00万元。")), inner, p(run("终稿", '<w:vanish w:val="0"/>'))))
    );
    const styles = tableStyle("Draft", VANISH);
    const { paragraphs, notes } = await readDocx(await zipOf(p(run("情况说明")) + frame, styles));
    expect(paragraphs.map((x) => x.text)).toEqual(["情况说明", "终稿"]);
    expect(notes.map((n) => n.message).join()).toContain("300.00");
  });

  it("turns hiding over with the paragraph style, as styles do", async () => {
    const styles =
      tableStyle("Draft", VANISH) +
      `<w:style w:type="paragraph" w:styleId="Shown">${VANISH}</w:style>`;
    const body = styledTbl(
      "Draft",
      "",
      1,
      tr(tc(`<w:p><w:pPr><w:pStyle w:val="Shown"/></w:pPr>${run("100.00")}</w:p>`))
    );
    const { grids } = await readDocx(await zipOf(p(run("表")) + body, styles));
    expect(grids.flatMap((g) => g.values.flat())).toContain("100.00");
  });
});
