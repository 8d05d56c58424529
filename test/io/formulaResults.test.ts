/*
 * Formula cells and their saved results, read by both .xlsx readers from parts written by hand (as
 * Excel, openpyxl and XlsxWriter write them), so the test does not depend on how exceljs writes.
 *
 * - Excel saves each formula's last result in <v>: a saved 0, FALSE or empty text is that value.
 * - openpyxl saves formulas with no result (<v/> or no <v>): there is no amount to read.
 * - XlsxWriter saves 0 as every formula's result and marks the workbook to be recalculated on
 *   opening (<calcPr fullCalcOnLoad="1"/>): those zeros are placeholders, not results.
 */
import JSZip from "jszip";
import type { Grid } from "../../src/core/grid";
import { gridsFromXlsxFull } from "../../src/io/excelJsGrids";
import { gridsFromXlsxStreaming } from "../../src/io/xlsxStream";

const SHEET =
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  // A: saved 0 (Excel) / B: no <v> / C: empty <v/> (openpyxl) / D: saved 12.5 / E: saved FALSE
  '<row r="1"><c r="A1"><f>SUM(F1:G1)</f><v>0</v></c><c r="B1"><f>SUM(F1:G1)</f></c>' +
  '<c r="C1"><f>SUM(F1:G1)</f><v></v></c><c r="D1"><f>F1+G1+12.5</f><v>12.5</v></c>' +
  '<c r="E1" t="b"><f>F1&gt;0</f><v>0</v></c><c r="F1"><v>0</v></c><c r="G1"><v>0</v></c></row>' +
  // A shared formula's master and a dependent cell, both with a saved 0.
  '<row r="2"><c r="A2"><f t="shared" ref="A2:B2" si="0">F2+G2</f><v>0</v></c>' +
  '<c r="B2"><f t="shared" si="0"/><v>0</v></c>' +
  // An empty text result, as Excel saves =IF(F2=0,"",F2): t="str" and an empty <v/>, or none.
  '<c r="C2" t="str"><f>IF(F2=0,"",F2)</f><v></v></c><c r="D2" t="str"><f>""</f></c></row>' +
  "</sheetData></worksheet>";

/** How the workbook part names its sheet and where its relationship puts the sheet's part. */
interface SheetNaming {
  name: string;
  target: string;
}

const PLAIN_NAMING: SheetNaming = { name: "支出总表", target: "worksheets/sheet1.xml" };

async function workbook(calcPr: string, naming = PLAIN_NAMING): Promise<Uint8Array> {
  return workbookOf(calcPr, [{ ...naming, xml: SHEET }]);
}

async function workbookOf(
  calcPr: string,
  sheets: (SheetNaming & { xml: string })[]
): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets
        .map(
          (_sheet, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
        )
        .join("") +
      "</Types>"
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
  );
  zip.file(
    "xl/workbook.xml",
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
      sheets
        .map((sheet, i) => `<sheet name="${sheet.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join("") +
      `</sheets>${calcPr}</workbook>`
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      sheets
        .map(
          (sheet, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${sheet.target}"/>`
        )
        .join("") +
      "</Relationships>"
  );
  sheets.forEach((sheet, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, sheet.xml));
  return zip.generateAsync({ type: "uint8array" });
}

const READERS: [string, (bytes: Uint8Array) => Promise<Grid[]>][] = [
  ["the streaming reader", (bytes) => gridsFromXlsxStreaming(bytes)],
  ["the full exceljs read", (bytes) => gridsFromXlsxFull(bytes)],
];

const notedCells = (grid: Grid) =>
  (grid.cellNotes ?? [])
    .filter((n) => n.kind === "formulaWithoutValue")
    .map((n) => `${n.row},${n.col} ${n.text ?? "(no formula quoted)"}`);

describe.each(READERS)("%s, on a workbook Excel saved", (_name, read) => {
  let grid: Grid;
  beforeAll(async () => {
    [grid] = await read(await workbook('<calcPr calcId="191029"/>'));
  });

  it("reads a saved 0, a saved FALSE and a saved number as those values", () => {
    expect(grid.values[0][0]).toBe(0);
    expect(grid.values[0][3]).toBe(12.5);
    expect(grid.values[0][4]).toBe(false);
    expect(grid.values[1].slice(0, 2)).toEqual([0, 0]);
  });

  it("reads a saved empty text result (t=str) as empty text, not as a formula without one", () => {
    expect(grid.values[1].slice(2, 4)).toEqual(["", ""]);
    expect(notedCells(grid).filter((n) => n.startsWith("2,"))).toEqual([]);
  });

  it("notes the formulas saved with no result (no <v>, or an empty one), and only those", () => {
    expect(grid.values[0].slice(1, 3)).toEqual(["", ""]);
    expect(notedCells(grid)).toEqual(["1,2 =SUM(F1:G1)", "1,3 =SUM(F1:G1)"]);
  });

  it("finds the empty text results of a sheet whose name holds an entity and whose part is named from the root", async () => {
    const naming = { name: "收入&amp;支出", target: "/xl/worksheets/sheet1.xml" };
    const [named] = await read(await workbook('<calcPr calcId="191029"/>', naming));
    expect(named.sheet).toBe("收入&支出");
    expect(named.values[1].slice(2, 4)).toEqual(["", ""]);
    expect(notedCells(named)).toEqual(["1,2 =SUM(F1:G1)", "1,3 =SUM(F1:G1)"]);
  });
});

describe.each(READERS)("%s, on a workbook marked to be recalculated on opening", (_name, read) => {
  it.each([['<calcPr calcId="124519" fullCalcOnLoad="1"/>'], ['<calcPr fullCalcOnLoad="true"/>']])(
    "%s: no saved result is taken as the formula's value",
    async (calcPr) => {
      const [grid] = await read(await workbook(calcPr));
      expect(grid.values[0].slice(0, 5)).toEqual(["", "", "", "", ""]);
      expect(grid.values[1].slice(0, 4)).toEqual(["", "", "", ""]);
      expect(notedCells(grid)).toEqual([
        "1,1 =SUM(F1:G1)",
        "1,2 =SUM(F1:G1)",
        "1,3 =SUM(F1:G1)",
        "1,4 =F1+G1+12.5",
        "1,5 =F1>0",
        "2,1 =F2+G2",
        // B2 shares A2's formula, moved: what the file holds for it names A2, not B2's own formula.
        "2,2 (no formula quoted)",
        '2,3 =IF(F2=0,"",F2)',
        '2,4 =""',
      ]);
      // The numbers typed in are read as they are.
      expect(grid.values[0].slice(5, 7)).toEqual([0, 0]);
    }
  );
});

describe.each(READERS)(
  "%s, on a sheet marked on its own to be recalculated on opening",
  (_name, read) => {
    // sheetCalcPr comes after sheetData (ECMA-376 §18.3.1.79): the reader learns of it only once it
    // has read every cell of the sheet.
    const MARKED = SHEET.replace("</sheetData>", '</sheetData><sheetCalcPr fullCalcOnLoad="1"/>');

    it("takes no saved result in that sheet, and keeps the results of the sheet beside it", async () => {
      const [marked, plain] = await read(
        await workbookOf('<calcPr calcId="191029"/>', [
          { name: "支出总表", target: "worksheets/sheet1.xml", xml: MARKED },
          { name: "收入总表", target: "worksheets/sheet2.xml", xml: SHEET },
        ])
      );
      expect(marked.values[0].slice(0, 5)).toEqual(["", "", "", "", ""]);
      expect(marked.values[1].slice(0, 4)).toEqual(["", "", "", ""]);
      expect(notedCells(marked)).toEqual([
        "1,1 =SUM(F1:G1)",
        "1,2 =SUM(F1:G1)",
        "1,3 =SUM(F1:G1)",
        "1,4 =F1+G1+12.5",
        "1,5 =F1>0",
        "2,1 =F2+G2",
        "2,2 (no formula quoted)",
        '2,3 =IF(F2=0,"",F2)',
        '2,4 =""',
      ]);
      expect(marked.values[0].slice(5, 7)).toEqual([0, 0]);
      expect(plain.values[0][3]).toBe(12.5);
      expect(notedCells(plain)).toEqual(["1,2 =SUM(F1:G1)", "1,3 =SUM(F1:G1)"]);
    });

    it('trusts the saved results when the sheet\'s sheetCalcPr says no (fullCalcOnLoad="0")', async () => {
      const unmarked = SHEET.replace(
        "</sheetData>",
        '</sheetData><sheetCalcPr fullCalcOnLoad="0"/>'
      );
      const [grid] = await read(
        await workbookOf('<calcPr calcId="191029"/>', [{ ...PLAIN_NAMING, xml: unmarked }])
      );
      expect(grid.values[0][3]).toBe(12.5);
      expect(notedCells(grid)).toEqual(["1,2 =SUM(F1:G1)", "1,3 =SUM(F1:G1)"]);
    });
  }
);
