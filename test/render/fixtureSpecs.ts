/*
 * SheetSpecs for the renderer tests, made two ways:
 *  - specsFromWorkbook: each worksheet of a published fixture read back as the SheetSpec that would
 *    draw it (title, pre-header lines, bold header block up to the frozen row, amounts with their
 *    number format, bold totals, merges, widths) — real tables with real merged headers;
 *  - small hand-made specs for the edge cases.
 * Only the tests use these; the product's SheetSpecs come from core/format/buildSheets.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import path from "path";
import type {
  CellStyleName,
  SheetSpec,
  SpecCell,
  SpecMerge,
} from "../../src/core/format/sheetSpec";
import { Money, moneyFromNumber } from "../../src/core/money";
import { kindFromTitle } from "../../src/core/read/tableKinds";

export const SHARED_FIXTURES = path.resolve(__dirname, "../../../shared/fixtures");

function parseRef(ref: string): SpecMerge {
  const [a, b = a] = ref.split(":");
  const pos = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s)!;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]) - 1, col: col - 1 };
  };
  const p = pos(a);
  const q = pos(b);
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

function specOfSheet(sheet: ExcelJS.Worksheet, index: number): SheetSpec {
  const headerRows = (sheet.views?.[0] as { ySplit?: number } | undefined)?.ySplit ?? 1;
  const columnCount = sheet.columnCount;
  const rowCount = sheet.rowCount;
  const merges = ((sheet.model as { merges?: string[] }).merges ?? []).map(parseRef);
  const slave = new Set<string>();
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) slave.add(`${r},${c}`);
  const cells: SpecCell[] = [];
  let firstHeaderRow = headerRows - 1;
  for (let r = 0; r < rowCount; r++) {
    for (let c = 0; c < columnCount; c++) {
      if (slave.has(`${r},${c}`)) continue;
      const cell = sheet.getCell(r + 1, c + 1);
      const bold = Boolean(cell.font?.bold);
      const raw = cell.value;
      let style: CellStyleName;
      if (r === 0) style = "title";
      else if (r < headerRows && bold) {
        style = "header";
        firstHeaderRow = Math.min(firstHeaderRow, r);
      } else if (r < headerRows)
        style = cell.alignment?.horizontal === "right" ? "metaRight" : "meta";
      else if (typeof raw === "number") style = bold ? "totalAmount" : "amount";
      else if (typeof raw === "string" && /^注/.test(raw.trim())) style = "note";
      else if (typeof raw === "string" && /^[A-Z]?\d{3,}$/.test(raw.trim())) style = "code";
      else style = bold ? "total" : raw === null || raw === undefined ? "amount" : "text";
      let value: SpecCell["value"];
      if (typeof raw === "number")
        value =
          cell.numFmt === "0.00"
            ? { kind: "amount", value: moneyFromNumber(raw), decimals: 2 }
            : Number.isInteger(raw)
              ? { kind: "integer", value: raw }
              : { kind: "amount", value: moneyFromNumber(raw), decimals: 2 };
      else if (raw === null || raw === undefined || raw === "") value = { kind: "empty" };
      else value = { kind: "text", text: String(raw) };
      if (value.kind === "empty" && r < headerRows && style !== "header") continue;
      cells.push({ row: r, col: c, value, style });
    }
  }
  const title = String(sheet.getCell(1, 1).value ?? sheet.name);
  return {
    sheetName: `表${index + 1} ${sheet.name}`.slice(0, 31),
    title,
    kind: kindFromTitle(title.replace(/\s/g, ""))?.kind ?? sheet.name,
    rowCount,
    columnCount,
    cells,
    merges: merges.filter((m) => m.bottom > m.top || m.right > m.left),
    columnWidths: Array.from({ length: columnCount }, (_, c) => sheet.getColumn(c + 1).width ?? 10),
    headerRows,
    printTitleRows: { from: firstHeaderRow, to: headerRows - 1 },
    page: {
      orientation: columnCount > 6 ? "landscape" : "portrait",
      paper: "A4",
      fitToWidth: true,
    },
    zeroAs: "blank",
  };
}

/** Every worksheet of a workbook as a SheetSpec (the 绩效目标 forms too, when `forms` is set). */
export async function specsFromWorkbook(
  file: string,
  options: { forms?: boolean } = {}
): Promise<SheetSpec[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return workbook.worksheets
    .filter((sheet) => options.forms || !/绩效/.test(sheet.name))
    .map((sheet, i) => specOfSheet(sheet, i));
}

export function fixturePath(name: string): string {
  return path.join(SHARED_FIXTURES, `${name}.xlsx`);
}

const m = (value: string) => new Money(value);

/**
 * A small 一般公共预算支出表 in the Shanxi layout: title, 部门名称 … 单位：万元, a two-row header with
 * vertical merges (科目编码, 科目名称) and a group caption merged across (2024年预算数), a 合计 row merged over code and name, 类/款/项
 * rows, a zero amount and a formula-like text.
 */
export function smallSpec(overrides: Partial<SheetSpec> = {}): SheetSpec {
  const cells: SpecCell[] = [
    {
      row: 0,
      col: 0,
      value: { kind: "text", text: "2024年一般公共预算支出预算表" },
      style: "title",
    },
    { row: 1, col: 0, value: { kind: "text", text: "部门名称：测试部门" }, style: "meta" },
    { row: 1, col: 4, value: { kind: "text", text: "单位：万元" }, style: "metaRight" },
    { row: 2, col: 0, value: { kind: "text", text: "科目编码" }, style: "header" },
    { row: 2, col: 1, value: { kind: "text", text: "科目名称" }, style: "header" },
    { row: 2, col: 2, value: { kind: "text", text: "2024年预算数" }, style: "header" },
    { row: 3, col: 2, value: { kind: "text", text: "合计" }, style: "header" },
    { row: 3, col: 3, value: { kind: "text", text: "基本支出" }, style: "header" },
    { row: 3, col: 4, value: { kind: "text", text: "项目支出" }, style: "header" },
    { row: 4, col: 0, value: { kind: "text", text: "合计" }, style: "total" },
    {
      row: 4,
      col: 2,
      value: { kind: "amount", value: m("130.50"), decimals: 2 },
      style: "totalAmount",
    },
    {
      row: 4,
      col: 3,
      value: { kind: "amount", value: m("100.25"), decimals: 2 },
      style: "totalAmount",
    },
    {
      row: 4,
      col: 4,
      value: { kind: "amount", value: m("30.25"), decimals: 2 },
      style: "totalAmount",
    },
    { row: 5, col: 0, value: { kind: "text", text: "201" }, style: "code" },
    { row: 5, col: 1, value: { kind: "text", text: "一般公共服务支出" }, style: "text" },
    { row: 5, col: 2, value: { kind: "amount", value: m("100.25"), decimals: 2 }, style: "amount" },
    { row: 5, col: 3, value: { kind: "amount", value: m("100.25"), decimals: 2 }, style: "amount" },
    { row: 5, col: 4, value: { kind: "amount", value: m("0"), decimals: 2 }, style: "amount" },
    { row: 6, col: 0, value: { kind: "text", text: "20132" }, style: "code" },
    { row: 6, col: 1, value: { kind: "text", text: "  =SUM(A1)" }, style: "textIndented" },
    { row: 6, col: 2, value: { kind: "amount", value: m("100.25"), decimals: 2 }, style: "amount" },
    { row: 6, col: 3, value: { kind: "amount", value: m("100.25"), decimals: 2 }, style: "amount" },
    { row: 7, col: 0, value: { kind: "text", text: "221" }, style: "code" },
    { row: 7, col: 1, value: { kind: "text", text: "=SUM(A1)" }, style: "text" },
    { row: 7, col: 2, value: { kind: "amount", value: m("30.25"), decimals: 2 }, style: "amount" },
    { row: 7, col: 3, value: { kind: "empty" }, style: "amount" },
    { row: 7, col: 4, value: { kind: "amount", value: m("30.25"), decimals: 2 }, style: "amount" },
    { row: 8, col: 0, value: { kind: "text", text: "+86 -1 @home" }, style: "note" },
  ];
  return {
    sheetName: "表5 一般公共预算支出表",
    title: "2024年一般公共预算支出预算表",
    kind: "一般公共预算支出表",
    rowCount: 9,
    columnCount: 5,
    cells,
    merges: [
      { top: 0, left: 0, bottom: 0, right: 4 },
      { top: 1, left: 0, bottom: 1, right: 2 },
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 2, bottom: 2, right: 4 },
      { top: 4, left: 0, bottom: 4, right: 1 },
      { top: 8, left: 0, bottom: 8, right: 4 },
    ],
    columnWidths: [11, 30, 12, 12, 12],
    headerRows: 4,
    printTitleRows: { from: 2, to: 3 },
    page: { orientation: "landscape", paper: "A4", fitToWidth: true },
    zeroAs: "blank",
    ...overrides,
  };
}
