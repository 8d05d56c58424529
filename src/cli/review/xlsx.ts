/*
 * The xlsx report of `check … --report r.xlsx`, for reviewers who work in Excel:
 *   汇总     one row per file (department): status, counts, template, year, why nothing in it was checked;
 *   问题清单 one row per finding: department, file, sheet, cell, rule, severity, message,
 *            expected, actual — with an autofilter, a frozen header and set widths;
 *   说明     when and how the report was made, and the totals.
 * Every text is written as a string and never as a formula; text that a spreadsheet would take for
 * one (=, +, -, @ at the start) also gets the Text format, so it stays text when a reviewer edits it.
 * Amounts (应为 / 实为) stay the exact decimal strings of the JSON.
 */
import ExcelJS from "exceljs";
import { SEVERITY_LABEL } from "../../core/finding";
import type { FileResult } from "../checkFile";
import { TEMPLATE_LABEL } from "../report";
import { formatCellRef } from "../../core/finding";
import { REPORT_TITLE, ReportAbout, describeRules, formatDateTime, ruleTitles } from "./about";
import {
  STATUSES,
  STATUS_LABEL,
  DepartmentStatus,
  departmentsOf,
  isRoundingNote,
  totalsOf,
  wasNotChecked,
} from "./model";

export const SUMMARY_SHEET = "汇总";
export const FINDINGS_SHEET = "问题清单";
export const ABOUT_SHEET = "说明";

/** A column of the two tables. Text columns have the Text format, so what a reviewer types there stays text. */
interface Column {
  header: string;
  width: number;
  kind: "text" | "number";
  /** Long text, wrapped in the cell. */
  wrap?: boolean;
  /** Amounts kept as exact decimal text, right-aligned like numbers. */
  amount?: boolean;
}

// exceljs leaves out a width of exactly 9 (its default), which Excel then shows as 8.43: none is 9.
export const SUMMARY_COLUMNS: readonly Column[] = [
  { header: "部门", width: 30, kind: "text" },
  { header: "文件", width: 40, kind: "text" },
  { header: "年度", width: 7, kind: "number" },
  { header: "格式", width: 11, kind: "text" },
  { header: "状态", width: 10, kind: "text" },
  { header: "错误", width: 7, kind: "number" },
  { header: "警告", width: 7, kind: "number" },
  { header: "提示", width: 7, kind: "number" },
  { header: "其中舍入差异", width: 13, kind: "number" },
  // Why nothing was checked (未检查, 无法读取), or which tables were not (部分检查).
  { header: "未检查的原因或表", width: 50, kind: "text", wrap: true },
];

export const FINDINGS_COLUMNS: readonly Column[] = [
  { header: "部门", width: 26, kind: "text" },
  { header: "文件", width: 30, kind: "text" },
  { header: "工作表", width: 18, kind: "text" },
  { header: "单元格", width: 8, kind: "text" },
  { header: "规则", width: 24, kind: "text" },
  { header: "规则名称", width: 26, kind: "text" },
  { header: "级别", width: 7, kind: "text" },
  { header: "问题说明", width: 72, kind: "text", wrap: true },
  { header: "应为", width: 13, kind: "text", amount: true },
  { header: "实为", width: 13, kind: "text", amount: true },
  { header: "舍入差异", width: 10, kind: "text" },
  // The other cells the finding involves (JSON's related), each as 工作表!单元格.
  { header: "另见", width: 24, kind: "text", wrap: true },
];

const FORMULA_LIKE = /^[=+\-@]/;
const TEXT_FORMAT = "@";
/** Characters XML 1.0 cannot carry: exceljs would write them and Excel would refuse the file. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

const HEADER_FILL = "FFDCE4EE";
const STATUS_FILL: Record<DepartmentStatus, string> = {
  passed: "FFE6F4EA",
  errors: "FFFDECEA",
  warningsOnly: "FFFFF4D6",
  partial: "FFE3F4FA",
  unchecked: "FFF3EFFC",
  unreadable: "FFECEFF1",
};
const SEVERITY_COLOR = { error: "FFA1161B", warning: "FF6F4A00", info: "FF0B5394" } as const;
const SEVERITY_COLUMN = 7;

type Value = string | number | null;

function xmlSafe(value: Value): Value {
  return typeof value === "string" ? value.replace(XML_INVALID, "") : value;
}

/** A cell outside the two tables: text that begins like a formula gets the Text format too. */
function setValue(cell: ExcelJS.Cell, value: Value): void {
  const clean = xmlSafe(value);
  cell.value = clean;
  if (typeof clean === "string" && FORMULA_LIKE.test(clean)) cell.numFmt = TEXT_FORMAT;
}

function addTable(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly Column[],
  rows: readonly Value[][]
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1, zoomScale: 100 }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  // Column styles first: every cell written after takes its column's format and alignment, which
  // is much faster than styling tens of thousands of cells one by one.
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.width;
    if (c.kind === "text") column.numFmt = TEXT_FORMAT;
    column.alignment = {
      vertical: "top",
      ...(c.wrap ? { wrapText: true } : {}),
      ...(c.amount ? { horizontal: "right" } : {}),
    };
  });
  const header = sheet.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: "middle" };
    cell.border = { bottom: { style: "thin", color: { argb: "FF8C959F" } } };
  });
  header.height = 20;
  sheet.addRows(rows.map((values) => values.map(xmlSafe)));
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, rows.length + 1), column: columns.length },
  };
  sheet.pageSetup.printTitlesRow = "1:1";
  return sheet;
}

/**
 * The xlsx report as bytes.
 *
 * @example
 * await writeFile("审核报告.xlsx", await renderXlsxReport(results, about));
 */
export async function renderXlsxReport(
  results: readonly FileResult[],
  about: ReportAbout
): Promise<Uint8Array> {
  const departments = departmentsOf(results);
  const totals = totalsOf(results);
  const titles = ruleTitles();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "budget-disclosure";
  workbook.title = REPORT_TITLE;
  workbook.created = about.generatedAt;
  workbook.modified = about.generatedAt;

  const summary = addTable(
    workbook,
    SUMMARY_SHEET,
    SUMMARY_COLUMNS,
    departments.map((d) => {
      const unreadable = wasNotChecked(d.status);
      return [
        d.department ?? null,
        d.file,
        d.year ?? null,
        d.template ? TEMPLATE_LABEL[d.template] : null,
        STATUS_LABEL[d.status],
        unreadable ? null : d.counts.error,
        unreadable ? null : d.counts.warning,
        unreadable ? null : d.counts.info,
        unreadable ? null : d.findings.filter(isRoundingNote).length,
        d.error ?? d.partial ?? null,
      ];
    })
  );
  departments.forEach((d, i) => {
    summary.getRow(i + 2).getCell(5).fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: STATUS_FILL[d.status] },
    };
  });

  const findingRows: Value[][] = [];
  const severities: (keyof typeof SEVERITY_COLOR)[] = [];
  for (const d of departments) {
    for (const f of d.findings) {
      findingRows.push([
        d.department ?? null,
        d.file,
        f.sheet ?? null,
        f.cell ?? null,
        f.ruleId,
        titles.get(f.ruleId) ?? null,
        SEVERITY_LABEL[f.severity],
        f.message,
        f.expected ?? null,
        f.actual ?? null,
        isRoundingNote(f) ? "是" : null,
        f.related?.length ? f.related.map((r) => formatCellRef(r)).join("、") : null,
      ]);
      severities.push(f.severity);
    }
  }
  const findings = addTable(workbook, FINDINGS_SHEET, FINDINGS_COLUMNS, findingRows);
  severities.forEach((severity, i) => {
    findings.getRow(i + 2).getCell(SEVERITY_COLUMN).font = {
      bold: severity !== "info",
      color: { argb: SEVERITY_COLOR[severity] },
    };
  });

  const info = workbook.addWorksheet(ABOUT_SHEET);
  info.getColumn(1).width = 16;
  info.getColumn(2).width = 60;
  const lines: [string, Value][] = [
    [REPORT_TITLE, null],
    ["检查时间", formatDateTime(about.generatedAt)],
    ["工具版本", `budget-disclosure ${about.toolVersion}`],
    ["规则版本", describeRules(about.rules)],
    ["文件数", totals.files],
    ...STATUSES.map((s): [string, Value] => [STATUS_LABEL[s], totals.status[s]]),
    ["错误", totals.findings.error],
    ["警告", totals.findings.warning],
    ["提示", totals.findings.info],
    ["其中舍入差异", totals.rounding],
    [
      "说明",
      "“通过”指没有错误和警告；“仅警告”指没有错误但有警告；“部分检查”指只检查了工作簿中的部分公开表，未检查的表见汇总表最后一列；舍入差异在四舍五入允许范围内，无需修改。",
    ],
  ];
  lines.forEach(([label, value], i) => {
    const row = info.getRow(i + 1);
    setValue(row.getCell(1), label);
    setValue(row.getCell(2), value);
    row.getCell(1).font = { bold: true, size: i === 0 ? 14 : 11 };
    row.getCell(2).alignment = { wrapText: true, horizontal: "left", vertical: "top" };
  });

  const buffer = (await workbook.xlsx.writeBuffer()) as unknown as Uint8Array;
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
