import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as excelJsGrids from "../../src/io/excelJsGrids";
import { NotAWorkbookError, gridsFromXlsx } from "../../src/io/readXlsx";

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("gridsFromXlsx: what the values alone do not show", () => {
  let grids: Awaited<ReturnType<typeof gridsFromXlsx>>;
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("表");
    sheet.getCell("A1").value = { formula: "B1*2" } as ExcelJS.CellFormulaValue;
    sheet.getCell("B1").value = { formula: "2+3", result: 5 } as ExcelJS.CellFormulaValue;
    sheet.getCell("C1").value = new Date(Date.UTC(2024, 0, 5));
    sheet.getCell("C1").numFmt = "yyyy/m/d";
    // A custom date format exceljs does not turn into a Date: the serial number stays.
    sheet.getCell("D1").value = 45296;
    sheet.getCell("D1").numFmt = 'yyyy"年"m"月"d"日"';
    sheet.getCell("E1").value = 12.5;
    sheet.getCell("E1").numFmt = "#,##0.00";
    sheet.getCell("F2").value = 7;
    sheet.getRow(2).hidden = true;
    sheet.getColumn(6).hidden = true;
    const hidden = workbook.addWorksheet("隐藏");
    hidden.getCell("A1").value = 1;
    hidden.state = "hidden";
    grids = await gridsFromXlsx(await bytesOf(workbook));
  });

  it("reads a formula without its result as blank, with a note naming the formula", () => {
    expect(grids[0].values[0][0]).toBe("");
    expect(grids[0].cellNotes).toContainEqual({
      row: 1,
      col: 1,
      kind: "formulaWithoutValue",
      text: "=B1*2",
    });
  });

  it("reads a formula with its result as the result, without a note", () => {
    expect(grids[0].values[0][1]).toBe(5);
    expect(grids[0].cellNotes?.some((n) => n.col === 2)).toBe(false);
  });

  it("reads dates, built-in or custom format, as their text with a note, never as a number", () => {
    expect(grids[0].values[0].slice(2, 4)).toEqual(["2024-01-05", "2024-01-05"]);
    expect(grids[0].cellNotes?.filter((n) => n.kind === "date")).toEqual([
      { row: 1, col: 3, kind: "date", text: "2024-01-05" },
      { row: 1, col: 4, kind: "date", text: "2024-01-05" },
    ]);
    expect(grids[0].values[0][4]).toBe(12.5);
  });

  it("reads hidden rows, hidden columns and hidden sheets", () => {
    expect(grids[0]).toMatchObject({ hiddenRows: [2], hiddenColumns: [6] });
    expect(grids[0].sheetHidden).toBeUndefined();
    expect(grids[1]).toMatchObject({ sheet: "隐藏", sheetHidden: true });
    expect(grids[1].hiddenRows).toBeUndefined();
  });
});

describe("gridsFromXlsx on a file that is no workbook to check", () => {
  it("throws NotAWorkbookError for a zip without xl/workbook.xml", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<document/>");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    await expect(gridsFromXlsx(bytes)).rejects.toMatchObject({
      name: "NotAWorkbookError",
      reason: "notWorkbook",
    });
  });

  it("throws NotAWorkbookError for a workbook without a worksheet", async () => {
    const error = await gridsFromXlsx(await bytesOf(new ExcelJS.Workbook())).catch((e) => e);
    expect(error).toBeInstanceOf(NotAWorkbookError);
    expect(error.reason).toBe("noSheets");
  });
});

describe("gridsFromXlsx uses the full exceljs read only for a file the streaming reader declines", () => {
  let full: jest.SpyInstance;
  beforeEach(() => (full = jest.spyOn(excelJsGrids, "gridsFromXlsxFull")));
  afterEach(() => full.mockRestore());

  it("reads an ordinary workbook without the full reader", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("收支总表").getCell("A1").value = "部门收支总表";
    workbook.getWorksheet("收支总表")!.getCell("B2").value = 12.5;
    const grids = await gridsFromXlsx(await bytesOf(workbook));
    expect(grids[0].values[1][1]).toBe(12.5);
    expect(full).not.toHaveBeenCalled();
  });

  it("reads a workbook with an external hyperlink with the full reader", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("表").getCell("A1").value = {
      text: "链接",
      hyperlink: "https://example.org",
    };
    const grids = await gridsFromXlsx(await bytesOf(workbook));
    expect(grids[0].values[0][0]).toBe("链接");
    expect(full).toHaveBeenCalledTimes(1);
  });
});
