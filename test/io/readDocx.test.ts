import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { docxParagraphs } from "../../src/io/readDocx";

async function docxOf(children: (Paragraph | Table)[]): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(new Document({ sections: [{ children }] }));
  return new Uint8Array(buffer);
}

describe("docxParagraphs", () => {
  it("returns the paragraphs of a Word document in order, runs joined", async () => {
    const bytes = await docxOf([
      new Paragraph({ children: [new TextRun("一、收入预算情况")] }),
      new Paragraph({
        children: [
          new TextRun("本年收入合计"),
          new TextRun({ text: "3,661.68", bold: true }),
          new TextRun("万元。"),
        ],
      }),
      new Paragraph(""),
      new Paragraph({ children: [new TextRun("A & B < C")] }),
    ]);
    expect(await docxParagraphs(bytes)).toEqual([
      "一、收入预算情况",
      "本年收入合计3,661.68万元。",
      "A & B < C",
    ]);
  });

  it("reads the text of table cells as paragraphs too", async () => {
    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
    const bytes = await docxOf([
      new Table({ rows: [new TableRow({ children: [cell("基本支出"), cell("283.97")] })] }),
    ]);
    expect(await docxParagraphs(bytes)).toEqual(["基本支出", "283.97"]);
  });

  it("throws on bytes that are not a .docx", async () => {
    await expect(docxParagraphs(new Uint8Array([1, 2, 3, 4]))).rejects.toThrow();
  });
});
