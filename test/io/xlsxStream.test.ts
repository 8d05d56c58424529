import { readdirSync, readFileSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { gridsFromXlsxFull } from "../../src/io/excelJsGrids";
import { gridsFromXlsx } from "../../src/io/readXlsx";
import {
  WorkbookTooLargeError,
  XML_BYTES_PER_CELL,
  gridsFromXlsxStreaming,
} from "../../src/io/xlsxStream";
import { SHARED_DIR } from "../helpers/fixtures";
import { REAL_DIR } from "../helpers/realFixtures";
import { writeLedgerXlsx } from "../../bench/ledgerWorkbook";
import os from "os";

const ROOT = path.resolve(__dirname, "../..");

function xlsxIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(dir, f));
}

const WORKBOOKS = [
  ...xlsxIn(path.join(SHARED_DIR, "fixtures")),
  ...xlsxIn(path.join(ROOT, "examples")),
  ...xlsxIn(REAL_DIR),
];

/** Grids as plain data (no holes, no undefined), as they cross to the engine and to JSON. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

async function bothReaders(bytes: Uint8Array) {
  const full = await gridsFromXlsxFull(bytes);
  const streamed = await gridsFromXlsxStreaming(bytes);
  return { full: plain(full), streamed: plain(streamed) };
}

describe("the streaming reader gives the full exceljs read's Grids", () => {
  it("finds the workbooks it compares", () => {
    expect(WORKBOOKS.length).toBeGreaterThanOrEqual(8);
  });

  it.each(WORKBOOKS.map((f) => [path.basename(f), f]))("%s", async (_name, file) => {
    const { full, streamed } = await bothReaders(new Uint8Array(readFileSync(file)));
    expect(streamed).toEqual(full);
  });

  it.each(WORKBOOKS.map((f) => [path.basename(f), f]))(
    "%s: the same Grids whether its worksheets are inflated whole or chunk by chunk",
    async (_name, file) => {
      const bytes = new Uint8Array(readFileSync(file));
      const whole = await gridsFromXlsxStreaming(bytes);
      const chunked = await gridsFromXlsxStreaming(bytes, { wholeSheetBytes: 0 });
      expect(plain(chunked)).toEqual(plain(whole));
    }
  );

  it("on a workbook with merges, hidden parts, styles, dates, formulas and rich text", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("表一");
    sheet.getColumn(5).numFmt = "#,##0.00";
    sheet.getColumn(7).hidden = true;
    sheet.getCell("A1").value = "标题";
    sheet.getCell("B1").value = "并入合并区的值";
    sheet.mergeCells("A1:D1");
    sheet.mergeCells("A3:A5");
    sheet.getCell("A4").value = 99;
    sheet.getCell("B2").value = { formula: "1-1", result: 0 } as ExcelJS.CellFormulaValue;
    sheet.getCell("C2").value = { formula: "B2*2" } as ExcelJS.CellFormulaValue;
    sheet.getCell("D2").value = { formula: "2+3", result: 5 } as ExcelJS.CellFormulaValue;
    sheet.getCell("D3").value = {
      sharedFormula: "D2",
      result: 7,
    } as ExcelJS.CellSharedFormulaValue;
    sheet.getCell("B3").value = new Date(Date.UTC(2024, 0, 5));
    sheet.getCell("B3").numFmt = "yyyy/m/d";
    sheet.getCell("C3").value = 45296;
    sheet.getCell("C3").numFmt = 'yyyy"年"m"月"d"日"';
    sheet.getCell("B4").value = {
      richText: [{ text: "富" }, { text: "文本", font: { bold: true } }],
    };
    sheet.getCell("C4").value = true;
    sheet.getCell("D4").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    sheet.getCell("E4").value = 1234.5;
    sheet.getCell("F6").numFmt = "0.00"; // a styled cell without a value
    sheet.getCell("B7").value = "a & b < c";
    sheet.getRow(6).hidden = true;
    sheet.getRow(8).getCell(9).numFmt = "0%"; // beyond the values, in a row without any
    const hidden = workbook.addWorksheet("隐藏");
    hidden.getCell("A1").value = 1;
    hidden.state = "veryHidden";
    workbook.addWorksheet("空表").getCell("C3").numFmt = "0.00";
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { full, streamed } = await bothReaders(bytes);
    expect(streamed).toEqual(full);
    // The comparison is not between two empty results.
    expect((full as { values: unknown[][] }[])[0].values[0][0]).toBe("标题");
  });

  it("on XML exceljs does not write: inline strings, cells without r, entities, escapes", async () => {
    const zip = new JSZip();
    zip.file(
      "[Content_Types].xml",
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
    );
    zip.file(
      "xl/workbook.xml",
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns:r="r"><workbookPr date1904="1"/><sheets>' +
        '<sheet name="A &amp; B" sheetId="1" r:id="rId1"/><sheet name="图" sheetId="2" r:id="rId2"/></sheets></workbook>'
    );
    zip.file(
      "xl/_rels/workbook.xml.rels",
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="ws"/>' +
        '<Relationship Id="rId2" Target="chartsheets/sheet1.xml" Type="cs"/></Relationships>'
    );
    zip.file(
      "xl/sharedStrings.xml",
      '<sst><si><t>甲_x000D_乙</t></si><si><r><t>丙</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 丁</t></r>' +
        "<rPh><t>ふりがな</t></rPh></si><si><t/></si><si><t>行一\r\n行二\r行三</t></si></sst>"
    );
    zip.file(
      "xl/styles.xml",
      '<styleSheet><numFmts count="1"><numFmt numFmtId="176" formatCode="0.00\\ &quot;元&quot;"/></numFmts>' +
        '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="14"/></cellXfs></styleSheet>'
    );
    zip.file(
      "xl/worksheets/sheet1.xml",
      '<worksheet><cols><col min="2" max="3" style="1" hidden="1"/></cols><sheetData>' +
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c>' +
        '<c r="E1" t="inlineStr"><is><t>内联</t></is></c><c r="F1" t="inlineStr"><is><r><t>多</t></r><r><t>段</t></r></is></c><c r="G1" t="s"><v>3</v></c></row>' +
        '<row r="2" s="1" customFormat="1"><c r="A2" t="str"><v>&amp;lt;转义&amp;gt;</v></c><c r="B2" s="2"><v>45296.75</v></c>' +
        '<c r="C2"><v></v></c><c r="D2" s="0"/><c r="E2" s="1"><v>12.5</v></c><c r="G2" t="b"><v>0</v></c></row>' +
        '<row r="4" hidden="true"><c r="A4"><f>SUM(A1:A3)</f><v>0</v></c><c r="B4" t="str"><f>"x"</f><v>x</v></c>' +
        '<c r="C4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D4"><f t="shared" ref="D4:D5" si="0">A4+1</f><v>1</v></c></row>' +
        '<row r="5"><c r="D5"><f t="shared" si="0"/><v>2</v></c><c r="E5"><![CDATA[]]><v>3</v></c></row>' +
        '</sheetData><mergeCells count="1"><mergeCell ref="E4:F6"/></mergeCells></worksheet>'
    );
    const bytes = await zip.generateAsync({ type: "uint8array" });
    const { full, streamed } = await bothReaders(bytes);
    expect(streamed).toEqual(full);
    expect((full as { sheet: string }[]).map((g) => g.sheet)).toEqual(["A & B"]);
    expect((full as { values: unknown[][] }[])[0].values.slice(0, 2)).toEqual([
      ["甲\r乙", "丙 丁", "", "", "内联", "多段", "行一\n行二\n行三"],
      ["<转义>", "2028-01-06", "", "", 12.5, "", false],
    ]);
  });
});

describe("a workbook larger than the limit is refused, not read until memory runs out", () => {
  let ledger: Uint8Array;
  beforeAll(async () => {
    const file = path.join(os.tmpdir(), `ledger-limit-${process.pid}.xlsx`);
    await writeLedgerXlsx(file, 2_000);
    ledger = new Uint8Array(readFileSync(file));
  });

  it("reads it under a limit it fits", async () => {
    const grids = await gridsFromXlsx(ledger, { maxCells: 2_001 * 8 + 5 * 2 });
    expect(grids[1].values).toHaveLength(2_001);
  });

  it("refuses it while reading rows once their cells pass the limit", async () => {
    const error = await gridsFromXlsx(ledger, { maxCells: 10_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookTooLargeError);
    expect(error).toMatchObject({ limit: 10_000 });
    expect((error as WorkbookTooLargeError).cells).toBeGreaterThan(10_000);
  });

  it("refuses it from the zip directory alone when the worksheet XML is beyond any limit's need", async () => {
    const error = await gridsFromXlsx(ledger, { maxCells: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookTooLargeError);
    expect((error as WorkbookTooLargeError).cells).toBeUndefined();
    expect((error as WorkbookTooLargeError).xmlBytes).toBeGreaterThan(100 * XML_BYTES_PER_CELL);
  });

  it("counts a merged area's cells against the limit", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("表");
    sheet.getCell("A1").value = "大";
    sheet.mergeCells("A1:J2000");
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    await expect(gridsFromXlsx(bytes, { maxCells: 1_000 })).rejects.toBeInstanceOf(
      WorkbookTooLargeError
    );
  });
});

describe("what the streaming reader leaves to the full read", () => {
  it("a cell with an external hyperlink: read in full, same Grids", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("表");
    sheet.getCell("A1").value = { text: "链接", hyperlink: "https://example.org" };
    sheet.getCell("B1").value = 3;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    await expect(gridsFromXlsxStreaming(bytes)).rejects.toMatchObject({
      name: "StreamingUnsupported",
    });
    expect(plain(await gridsFromXlsx(bytes))).toEqual(plain(await gridsFromXlsxFull(bytes)));
  });
});
