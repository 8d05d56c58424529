/*
 * Renders result records as text (for the clerk at a terminal) or JSON (for other programs).
 * Pure functions: no I/O, no clock; main.ts writes what they return.
 */
import {
  CellRef,
  Finding,
  SEVERITY_LABEL,
  SEVERITY_ORDER,
  Severity,
  compareFindings,
  countBySeverity,
  formatCellRef,
} from "../core/finding";
import type { TemplateId } from "../core/model";
import { PROVINCES, TEMPLATE_IDS } from "../core/templates/registry";
import type { FileResult } from "./checkFile";
import { ReviewTotals, STATUSES, STATUS_LABEL, totalsOf } from "./review/model";
import { docxPlace } from "./docxInput";

/** 河北格式 …: each province's name, from the registry. */
export const TEMPLATE_LABEL: Record<TemplateId, string> = Object.fromEntries(
  TEMPLATE_IDS.map((id) => [id, `${PROVINCES[id].name}格式`])
) as Record<TemplateId, string>;

export interface JsonFinding {
  severity: Severity;
  rule: string;
  sheet: string | null;
  cell: string | null;
  message: string;
  /** Amounts stay decimal strings ("3661.69"), never floats. */
  expected: string | null;
  actual: string | null;
  /** The other cells the finding involves, e.g. the other table's cell when two tables disagree. */
  related: CellRef[];
}

export interface JsonTable {
  kind: string;
  sheet: string;
  /** The title cell, or null for a table without a title. */
  cell: string | null;
}

export interface JsonFile {
  file: string;
  department: string | null;
  year: number | null;
  template: TemplateId | null;
  /** The tables read and checked. */
  tables: JsonTable[];
  /** The template's mandatory tables that were not found (titles). */
  missing: string[];
  /** Only some of the tables: an extract, whose missing tables are a notice, not errors. */
  extract: boolean;
  findings: JsonFinding[];
  /** Only for a workbook in which no table could be checked (exit status 2). */
  unchecked?: string;
  /** Only for a file that could not be read (exit status 2). */
  error?: string;
}

/**
 * Files by status — passed (no errors, no warnings), errors, warningsOnly, unchecked, unreadable:
 * the five statuses of the HTML and xlsx reports — and findings by severity.
 */
export type JsonTotals = Pick<ReviewTotals, "files" | "status" | "findings">;

export interface JsonReport {
  totals: JsonTotals;
  files: JsonFile[];
}

export function toJson(results: readonly FileResult[]): JsonReport {
  return {
    totals: jsonTotals(results),
    files: results.map((r) => ({
      file: r.file,
      department: r.department ?? null,
      year: r.year ?? null,
      template: r.template ?? null,
      tables: (r.tables ?? []).map((t) => ({ kind: t.kind, sheet: t.sheet, cell: t.cell ?? null })),
      missing: r.missing ?? [],
      extract: r.extract ?? false,
      findings: r.findings.map((f) => ({
        severity: f.severity,
        rule: f.ruleId,
        sheet: f.sheet ?? null,
        cell: f.cell ?? null,
        message: f.message,
        expected: f.expected ?? null,
        actual: f.actual ?? null,
        related: (f.related ?? []).map(({ sheet, cell }) => ({ sheet, cell })),
      })),
      ...(r.unchecked !== undefined ? { unchecked: r.unchecked } : {}),
      ...(r.error !== undefined ? { error: r.error } : {}),
    })),
  };
}

function jsonTotals(results: readonly FileResult[]): JsonTotals {
  const { files, status, findings } = totalsOf(results);
  return { files, status, findings };
}

export function renderJson(results: readonly FileResult[]): string {
  return JSON.stringify(toJson(results), null, 2) + "\n";
}

export interface SheetGroup {
  /** Undefined for findings about the workbook as a whole. */
  sheet?: string;
  findings: Finding[];
}

/**
 * A file's findings by sheet: sheets with errors first, then with warnings, then the rest, each
 * band in workbook order; inside a sheet, errors first, then by cell.
 */
export function groupBySheet(result: FileResult): SheetGroup[] {
  const groups = new Map<string | undefined, Finding[]>();
  for (const f of result.findings) {
    const list = groups.get(f.sheet) ?? [];
    list.push(f);
    groups.set(f.sheet, list);
  }
  const worst = (list: Finding[]) => Math.min(...list.map((f) => SEVERITY_ORDER[f.severity]));
  const position = (sheet: string | undefined) => {
    if (sheet === undefined) return -1;
    const i = result.sheets.indexOf(sheet);
    return i < 0 ? result.sheets.length : i;
  };
  return [...groups.entries()]
    .sort(
      ([a, fa], [b, fb]) =>
        worst(fa) - worst(fb) || position(a) - position(b) || (a ?? "").localeCompare(b ?? "")
    )
    .map(([sheet, findings]) => ({ sheet, findings: [...findings].sort(compareFindings) }));
}

/**
 * Which tables were checked: “已检查 9 张表：收支总表、收入总表 …”, and for an extract what it
 * lacks. Empty for a file that was not read.
 */
export function tablesLine(result: FileResult): string {
  const tables = result.tables ?? [];
  if (result.error !== undefined || tables.length === 0) return "";
  const kinds = [...new Set(tables.map((t) => t.kind))];
  // Read but not checked: the tables hold no figure (see checkFile's unchecked).
  if (result.unchecked !== undefined)
    return `找到 ${tables.length} 张表：${kinds.join("、")}；都没有可核对的数字，未检查`;
  const checked = `已检查 ${tables.length} 张表：${kinds.join("、")}`;
  const missing = result.missing ?? [];
  if (result.extract && missing.length > 0)
    return `摘录（部分公开表）：${checked}；未找到 ${missing.length} 张，未检查`;
  if (missing.length > 0) return `${checked}；缺少 ${missing.length} 张`;
  return checked;
}

/** Why a file was not checked, in a few words: no table found, or tables with no figure. */
function uncheckedShort(result: FileResult): string {
  return (result.tables ?? []).length > 0 ? "公开表未填写" : "未找到公开表";
}

/** 小结 line of one file. */
export function summaryLine(result: FileResult): string {
  if (result.error !== undefined) return "小结：无法读取，未检查";
  if (result.unchecked !== undefined) return `小结：${uncheckedShort(result)}，未检查`;
  const c = countBySeverity(result.findings);
  // 通过 as the review report and the pane say it: no error and no warning (警告 alone: 仅警告,
  // exit status still 0).
  const verdict = c.error > 0 ? "未通过" : c.warning > 0 ? STATUS_LABEL.warningsOnly : "通过";
  const counts = `错误 ${c.error} 条，警告 ${c.warning} 条，提示 ${c.info} 条`;
  // An extract's 通过 covers the tables it holds, never the ones it lacks: the line says which.
  const missing = result.extract ? (result.missing ?? []).length : 0;
  if (missing > 0) {
    // No table and still checked: only 绩效目标 forms were (see core's coverage).
    const tables = (result.tables ?? []).length;
    const checked = tables > 0 ? ` ${tables} 张表` : "绩效目标表";
    return `小结：${verdict}（摘录：只检查了${checked}，${missing} 张必备公开表未检查；${counts}）`;
  }
  return `小结：${verdict}（${counts}）`;
}

export interface TextOptions {
  /** ANSI colours for severities (stdout is a terminal and NO_COLOR is not set). */
  color?: boolean;
  /** Print the summary table even for a single file (it is always printed for several). */
  table?: boolean;
  /** Wall time of the whole run, for the last line. */
  elapsedMs?: number;
}

const ANSI: Record<Severity | "bold" | "reset", string> = {
  error: "\x1b[31m",
  warning: "\x1b[33m",
  info: "\x1b[36m",
  bold: "\x1b[1m",
  reset: "\x1b[0m",
};

export function renderText(results: readonly FileResult[], options: TextOptions = {}): string {
  const paint = (style: keyof typeof ANSI, text: string) =>
    options.color ? `${ANSI[style]}${text}${ANSI.reset}` : text;
  const lines: string[] = [];
  for (const result of results) {
    lines.push(paint("bold", `== ${result.file}`));
    if (result.error !== undefined) {
      lines.push(`  ${paint("error", "无法读取")}：${result.error}`);
    } else {
      const about = [
        result.department ?? "（未识别部门名称）",
        result.year !== undefined ? `${result.year} 年` : "（未识别年度）",
        result.template ? TEMPLATE_LABEL[result.template] : "（未识别公开表格式）",
      ];
      lines.push(`  ${about.join(" · ")}`);
      if (result.unchecked !== undefined)
        lines.push(`  ${paint("error", "未检查")}：${result.unchecked}`);
      const tables = tablesLine(result);
      if (tables) lines.push(`  ${tables}`);
      for (const group of groupBySheet(result)) {
        lines.push(`  【${group.sheet ?? (result.captionRows ? "整篇文档" : "整个工作簿")}】`);
        for (const f of group.findings) {
          const label = paint(f.severity, SEVERITY_LABEL[f.severity]);
          const where = f.cell ? `${placeOf(result, f.sheet, f.cell)} ` : "";
          lines.push(`    ${label} ${where}${f.message}${relatedText(f)} [${f.ruleId}]`);
        }
      }
    }
    lines.push(`  ${summaryLine(result)}`, "");
  }
  if (results.length > 1 || options.table) lines.push(summaryTable(results), "");
  lines.push(totalsLine(results, options.elapsedMs));
  return lines.join("\n") + "\n";
}

/** How many related cells the text names before it says 等 N 处. */
const RELATED_SHOWN = 4;

/**
 * “（另见 支出总表!D6）”: the other cells a finding involves, those on other sheets first (they are
 * what the clerk cannot see beside the finding), cells of the finding's own sheet by address alone.
 */
export function relatedText(finding: Finding): string {
  const related = finding.related ?? [];
  if (related.length === 0) return "";
  const ordered = [
    ...related.filter((r) => r.sheet !== finding.sheet),
    ...related.filter((r) => r.sheet === finding.sheet),
  ];
  const shown = ordered.slice(0, RELATED_SHOWN).map((r) => formatCellRef(r, finding.sheet));
  const more = ordered.length > RELATED_SHOWN ? ` 等 ${ordered.length} 处` : "";
  return `（另见 ${shown.join("、")}${more}）`;
}

/** The table at the end: 文件 | 部门 | 年度 | 错误 | 警告 | 提示. */
export function summaryTable(results: readonly FileResult[]): string {
  const header = ["文件", "部门", "年度", "错误", "警告", "提示"];
  const rows = results.map((r) => {
    if (r.error !== undefined) return [r.file, "（无法读取）", "", "", "", ""];
    if (r.unchecked !== undefined) return [r.file, `（${uncheckedShort(r)}）`, "", "", "", ""];
    const c = countBySeverity(r.findings);
    return [
      r.file,
      r.department ?? "",
      r.year !== undefined ? String(r.year) : "",
      String(c.error),
      String(c.warning),
      String(c.info),
    ];
  });
  return ["汇总", alignColumns(header, rows, [false, false, true, true, true, true])].join("\n");
}

/** The statuses are those of the HTML and xlsx reports: 通过 / 有错误 / 仅警告 / 未检查 / 无法读取. */
export function totalsLine(results: readonly FileResult[], elapsedMs?: number): string {
  const totals = totalsOf(results);
  const counts = STATUSES.map((s) => `${STATUS_LABEL[s]} ${totals.status[s]} 个`).join("，");
  const time = elapsedMs !== undefined ? `，用时 ${(elapsedMs / 1000).toFixed(1)} 秒` : "";
  return `共 ${results.length} 个文件：${counts}${time}。`;
}

/** Columns padded by display width (a CJK character takes two terminal columns). */
export function alignColumns(header: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = header.map((h, c) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? "")))
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => {
        const fill = " ".repeat(widths[c] - displayWidth(cell));
        return rightAligned[c] ? fill + cell : cell + fill;
      })
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch
      )
        ? 2
        : 1;
  }
  return width;
}

/** A cell as the reader finds it: A1 on a sheet, 第N行 第M列 in a Word document's table. */
function placeOf(result: FileResult, sheet: string | undefined, cell: string): string {
  const rows = sheet !== undefined ? result.captionRows?.[sheet] : undefined;
  if (rows === undefined) return cell;
  const place = docxPlace(cell, rows);
  return place ? `${place}（${cell}）` : cell;
}
