/*
 * Word tables as Grids: merges from gridSpan and vMerge, the title and 单位 lines above a table as
 * its first rows, continued tables joined, and the text around the tables kept as the document's
 * text. Documents are written with the docx library, as Word would save them.
 */
import {
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  Tab,
  VerticalMergeType,
  HeadingLevel,
} from "docx";
import { docxContent, readDocx } from "../../src/io/docxTables";
import { checkWorkbook } from "../../src/core/check/workbook";

async function docxOf(children: (Paragraph | Table)[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

const cell = (text: string, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
  new TableCell({ children: [new Paragraph(text)], ...extra });
const row = (texts: string[], header = false) =>
  new TableRow({ children: texts.map((t) => cell(t)), tableHeader: header || undefined });
const line = (...items: string[]) =>
  new Paragraph({
    children: items.map((t, i) =>
      i === 0 ? new TextRun(t) : new TextRun({ children: [new Tab(), t] })
    ),
  });

/** A 三公 table as a province publishes it: title, 部门 and 单位 line, a two-row header. */
function sangongTable(rows: string[][], header = true): Table {
  return new Table({
    rows: [
      new TableRow({
        tableHeader: header || undefined,
        children: [
          cell("项目", { verticalMerge: VerticalMergeType.RESTART }),
          cell("2024年预算数", { columnSpan: 2 }),
        ],
      }),
      new TableRow({
        tableHeader: header || undefined,
        children: [
          cell("", { verticalMerge: VerticalMergeType.CONTINUE }),
          cell("金额"),
          cell("备注"),
        ],
      }),
      ...rows.map((r) => row(r)),
    ],
  });
}

describe("readDocx", () => {
  it("makes a grid of a table with its title and 单位 line as the first rows, merges included", async () => {
    const bytes = await docxOf([
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        children: [new TextRun("表9 “三公”经费支出预算表")],
      }),
      line("部门名称：某某局", "单位：万元"),
      sangongTable([
        ["合计", "1,234.50", ""],
        ["因公出国（境）费", "0.00", ""],
      ]),
    ]);
    const { grids, paragraphs } = await readDocx(bytes);
    expect(grids).toHaveLength(1);
    const grid = grids[0];
    expect(grid.sheet).toBe("表9 “三公”经费支出预算表");
    expect(grid.values).toEqual([
      ["表9 “三公”经费支出预算表", null, null],
      ["部门名称：某某局", null, "单位：万元"],
      ["项目", "2024年预算数", null],
      [null, "金额", "备注"],
      ["合计", "1,234.50", null],
      ["因公出国（境）费", "0.00", null],
    ]);
    // The title across the table, 项目 down two rows, 2024年预算数 across two columns.
    expect(grid.merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 1, bottom: 1, right: 3 },
        { top: 3, left: 1, bottom: 4, right: 1 },
        { top: 3, left: 2, bottom: 3, right: 3 },
      ])
    );
    expect(grid.merges).toHaveLength(3);
    // Title and 单位 line belong to the table, not to the text.
    expect(paragraphs).toEqual([]);
  });

  it("joins a table continued after a page break, dropping its repeated header", async () => {
    const bytes = await docxOf([
      new Paragraph("表9 “三公”经费支出预算表"),
      sangongTable([["合计", "3.00", ""]]),
      sangongTable([["公务接待费", "3.00", ""]]),
    ]);
    const { grids } = await readDocx(bytes);
    expect(grids).toHaveLength(1);
    expect(grids[0].values.map((r) => r[0])).toEqual([
      "表9 “三公”经费支出预算表",
      "项目",
      null,
      "合计",
      "公务接待费",
    ]);
  });

  it("keeps the sub-title and 单位 line of each form of a stacked sheet as rows", async () => {
    const form = (name: string) =>
      new Table({ rows: [row(["项目名称", name]), row(["预算数", "5.00"])] });
    const bytes = await docxOf([
      new Paragraph("表11 项目支出绩效目标表"),
      new Paragraph("1、甲项目绩效目标表"),
      line("", "单位：万元"),
      form("甲项目"),
      new Paragraph("2、乙项目绩效目标表"),
      line("", "单位：万元"),
      form("乙项目"),
    ]);
    const { grids } = await readDocx(bytes);
    expect(grids).toHaveLength(1);
    expect(grids[0].values).toEqual([
      ["表11 项目支出绩效目标表", null],
      ["1、甲项目绩效目标表", null],
      [null, "单位：万元"],
      ["项目名称", "甲项目"],
      ["预算数", "5.00"],
      ["2、乙项目绩效目标表", null],
      [null, "单位：万元"],
      ["项目名称", "乙项目"],
      ["预算数", "5.00"],
    ]);
  });

  it("returns the text outside the tables, numbered as in the document, without the 目录 or a chart's legend", async () => {
    const bytes = await docxOf([
      new Paragraph({ style: "TOC1", children: [new TextRun("第三部分 情况说明\t5")] }),
      new Paragraph("第三部分 情况说明"),
      new Paragraph("2024年收入预算100.00万元。"),
      new Paragraph("图1 2024年一般公共预算支出结构（单位：万元）"),
      new Table({ rows: [row(["201", "一般公共服务支出", "100.00"])] }),
      new Paragraph("以上为本部门情况。"),
    ]);
    const { grids, paragraphs } = await readDocx(bytes);
    expect(grids).toEqual([]);
    expect(paragraphs.map((p) => [p.index, p.text])).toEqual([
      [2, "第三部分 情况说明"],
      [3, "2024年收入预算100.00万元。"],
      [4, "图1 2024年一般公共预算支出结构（单位：万元）"],
      [5, "以上为本部门情况。"],
    ]);
  });

  it("an untitled table after prose is a table of its own, named by its place", () => {
    const xml = `<?xml version="1.0"?><w:document xmlns:w="x"><w:body>
      <w:p><w:r><w:t>表1 收支总表</w:t></w:r></w:p>
      <w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
      <w:p><w:r><w:t>这是一段很长的说明文字，介绍了本部门的收入和支出情况，以及各项经费的安排，并说明了与上年相比的变化原因。</w:t></w:r></w:p>
      <w:tbl><w:tr><w:tc><w:p><w:r><w:t>A &amp; B</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
    </w:body></w:document>`;
    const { grids, paragraphs } = docxContent(xml);
    expect(grids.map((g) => g.sheet)).toEqual(["表1 收支总表", "表格2"]);
    expect(grids[1].values).toEqual([["A & B"]]);
    expect(paragraphs).toHaveLength(1);
  });

  it("its grids are read by the workbook reader: kind, department, unit and text amounts", async () => {
    const bytes = await docxOf([
      new Paragraph("表9 “三公”经费支出预算表"),
      line("部门名称：某某局", "单位：万元"),
      new Table({
        rows: [
          row(["项目", "预算数"], true),
          row(["合计", "1,236.50"]),
          row(["因公出国（境）费", "1,234.50"]),
          row(["公务接待费", "2.00"]),
        ],
      }),
    ]);
    const { grids } = await readDocx(bytes);
    const result = checkWorkbook(grids);
    expect(result.model.tables.map((t) => t.kind)).toEqual(["三公经费表"]);
    expect(result.model.department?.value).toBe("某某局");
    expect(result.model.tables[0].table.unit?.value).toBe("万元");
  });

  it("throws on bytes that are not a .docx", async () => {
    await expect(readDocx(new Uint8Array([1, 2, 3]))).rejects.toThrow();
  });
});
