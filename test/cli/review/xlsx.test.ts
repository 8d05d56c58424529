/*
 * The xlsx report read back with exceljs: one 汇总 row per file, one 问题清单 row per finding, the
 * same as the JSON; and no text ever becomes a formula.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { FileResult } from "../../../src/cli/checkFile";
import type { ReportAbout } from "../../../src/cli/review/about";
import {
  FINDINGS_COLUMNS,
  FINDINGS_SHEET,
  SUMMARY_COLUMNS,
  SUMMARY_SHEET,
  renderXlsxReport,
} from "../../../src/cli/review/xlsx";

const ABOUT: ReportAbout = {
  generatedAt: new Date(2025, 2, 7, 14, 5),
  toolVersion: "9.8.7",
  rules: { count: 43, fingerprint: "0123abcd" },
};

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const FORMULA_LIKE = ['=HYPERLINK("http://evil","x")', "+1+2", "-3-4", "@SUM(A1)", "=1+1"];

const hostile: FileResult[] = [
  {
    file: "=cmd|' /C calc'!A0.xlsx",
    department: FORMULA_LIKE[0],
    year: 2024,
    template: "mof",
    sheets: ["+表"],
    findings: FORMULA_LIKE.map((text, i) => ({
      ruleId: "sum.children",
      severity: "error" as const,
      sheet: "+表",
      cell: `B${i + 1}`,
      message: text,
      expected: text,
      actual: "-1.5",
    })),
    ms: 1,
  },
];

test("text that starts with =, +, - or @ is written as text, with the Text format, never as a formula", async () => {
  const bytes = await renderXlsxReport(hostile, ABOUT);
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((n) => n.startsWith("xl/worksheets/sheet"))) {
    const xml = await zip.file(name)!.async("string");
    expect({ name, formulas: xml.match(/<f[ >]/g) ?? [] }).toEqual({ name, formulas: [] });
  }
  const workbook = await load(bytes);
  const findings = workbook.getWorksheet(FINDINGS_SHEET)!;
  FORMULA_LIKE.forEach((text, i) => {
    const row = findings.getRow(i + 2);
    for (const c of [1, 8, 9]) {
      const cell = row.getCell(c);
      expect({ c, type: cell.type, value: cell.value, numFmt: cell.numFmt }).toEqual({
        c,
        type: ExcelJS.ValueType.String,
        value: c === 1 ? FORMULA_LIKE[0] : text,
        numFmt: "@",
      });
    }
    expect(row.getCell(3).value).toBe("+表");
    expect(row.getCell(3).numFmt).toBe("@");
  });
  const summary = workbook.getWorksheet(SUMMARY_SHEET)!;
  expect(summary.getRow(2).getCell(2).value).toBe("=cmd|' /C calc'!A0.xlsx");
  expect(summary.getRow(2).getCell(2).type).toBe(ExcelJS.ValueType.String);
});

test("both tables have a frozen header, an autofilter over every row and set widths", async () => {
  const workbook = await load(await renderXlsxReport(hostile, ABOUT));
  for (const [name, columns, rows] of [
    [SUMMARY_SHEET, SUMMARY_COLUMNS, 1],
    [FINDINGS_SHEET, FINDINGS_COLUMNS, FORMULA_LIKE.length],
  ] as const) {
    const sheet = workbook.getWorksheet(name)!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const last = String.fromCharCode(64 + columns.length);
    expect(sheet.autoFilter).toBe(`A1:${last}${rows + 1}`);
    expect(sheet.getRow(1).values).toEqual([undefined, ...columns.map((c) => c.header)]);
    columns.forEach((c, i) => expect(sheet.getColumn(i + 1).width).toBe(c.width));
  }
});

test("characters XML cannot carry are dropped instead of breaking the file", async () => {
  const withControl: FileResult[] = [
    { file: "a.xlsx", department: "财政\u0001局", sheets: [], findings: [], ms: 1 },
  ];
  const workbook = await load(await renderXlsxReport(withControl, ABOUT));
  expect(workbook.getWorksheet(SUMMARY_SHEET)!.getRow(2).getCell(1).value).toBe("财政局");
});
