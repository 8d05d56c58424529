/*
 * The HTML report of `check … --report r.html`: one self-contained page a finance bureau opens from
 * a folder or an e-mail, offline. The summary, the charts and the department table are plain HTML
 * and inline SVG, readable without scripts; the script (htmlClient.ts) adds sorting, filtering,
 * each department's findings and the one-department sheet to print. Its data travels as JSON in the
 * page, so a thousand departments cost no more DOM than their table rows until one is opened.
 *
 * Everything that came from a workbook is escaped (escape.ts), and a Content-Security-Policy with
 * the hashes of the page's own style and script forbids anything else: no request leaves the page.
 */
import { createHash } from "crypto";
import path from "path";
import { SEVERITY_LABEL, Severity } from "../../core/finding";
import type { TemplateId } from "../../core/model";
import { TEMPLATE_IDS } from "../../core/templates/registry";
import type { FileResult } from "../checkFile";
import { TEMPLATE_LABEL, relatedText } from "../report";
import { REPORT_TITLE, ReportAbout, describeRules, formatDateTime, ruleTitles } from "./about";
import { Bar, Slice, barChart, donutChart } from "./charts";
import { escapeHtml, jsonForScript } from "./escape";
import { expandMessage, reportClient } from "./htmlClient";
import { REPORT_CSS } from "./htmlStyle";
import { CompactMessage, messageShapes } from "./messageShapes";
import {
  Department,
  DepartmentStatus,
  STATUSES,
  STATUS_LABEL,
  STATUS_URGENCY,
  departmentsOf,
  frequentRules,
  isRoundingNote,
  totalsOf,
  wasNotChecked,
} from "./model";

const TOP_RULES = 15;
const TOP_DEPARTMENTS = 20;

/** A finding as the page's script receives it (arrays, not objects: a thousand departments add up). */
export type ClientFinding = [
  severity: 0 | 1 | 2,
  /** Index into `strings`, or -1: about the whole workbook. */
  sheet: number,
  cell: string,
  /** The message with the other cells it involves: as text, or by its shape (messageShapes.ts). */
  message: CompactMessage,
  expected: string,
  actual: string,
  /** Index into `strings`. */
  rule: number,
  rounding: 0 | 1,
];

export interface ClientDepartment {
  file: string;
  name: string | null;
  year: number | null;
  template: TemplateId | null;
  status: DepartmentStatus;
  /** Errors, warnings, 提示. */
  counts: [number, number, number];
  /** Why nothing in it was checked (it could not be read, or held no recognisable table). */
  error: string | null;
  /** What in it was not checked, when only part was (an extract, a second set of tables). */
  partial: string | null;
  /** What the department is asked to send again, when nothing in it was checked (review/model). */
  resubmit: string | null;
  findings: ClientFinding[];
}

export interface ClientData {
  about: { date: string; tool: string; rules: string };
  labels: {
    status: Record<DepartmentStatus, string>;
    template: Record<TemplateId, string>;
    severity: [string, string, string];
  };
  /** Status → sort rank, most urgent first (STATUS_URGENCY). */
  urgency: Record<DepartmentStatus, number>;
  /** Sheet names and rule ids, each once. */
  strings: string[];
  /** The wording of messages that share it, each once, without their numbers (messageShapes.ts). */
  shapes: string[][];
  /** Rule id → Chinese title. */
  titles: Record<string, string>;
  departments: ClientDepartment[];
}

const SEVERITY_INDEX: Record<Severity, 0 | 1 | 2> = { error: 0, warning: 1, info: 2 };

export function clientData(departments: readonly Department[], about: ReportAbout): ClientData {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const intern = (text: string) => {
    let i = indexOf.get(text);
    if (i === undefined) {
      i = strings.length;
      strings.push(text);
      indexOf.set(text, i);
    }
    return i;
  };
  const titles: Record<string, string> = {};
  const known = ruleTitles();
  // The other cells a finding involves, named as the text output names them.
  const texts = departments.map((d) => d.findings.map((f) => f.message + relatedText(f)));
  const messages = messageShapes(texts.flat());
  const client = departments.map((d, di): ClientDepartment => ({
    file: d.file,
    name: d.department ?? null,
    year: d.year ?? null,
    template: d.template ?? null,
    status: d.status,
    counts: [d.counts.error, d.counts.warning, d.counts.info],
    error: d.error ?? null,
    partial: d.partial ?? null,
    resubmit: d.resubmit ?? null,
    findings: d.findings.map((f, fi): ClientFinding => {
      const title = known.get(f.ruleId);
      if (title !== undefined) titles[f.ruleId] = title;
      return [
        SEVERITY_INDEX[f.severity],
        f.sheet === undefined ? -1 : intern(f.sheet),
        f.cell ?? "",
        messages.compact(texts[di][fi]),
        f.expected ?? "",
        f.actual ?? "",
        intern(f.ruleId),
        isRoundingNote(f) ? 1 : 0,
      ];
    }),
  }));
  return {
    about: {
      date: formatDateTime(about.generatedAt),
      tool: about.toolVersion,
      rules: describeRules(about.rules),
    },
    labels: {
      status: { ...STATUS_LABEL },
      template: { ...TEMPLATE_LABEL },
      severity: [SEVERITY_LABEL.error, SEVERITY_LABEL.warning, SEVERITY_LABEL.info],
    },
    urgency: { ...STATUS_URGENCY },
    strings,
    shapes: messages.shapes,
    titles,
    departments: client,
  };
}

function sha256Source(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** What the table shows for a department: its name, else the file's name. */
function displayName(d: Department): string {
  return d.department ?? path.basename(d.file);
}

/** The order the table opens in: the departments that need the bureau first. */
export function defaultOrder(departments: readonly Department[]): Department[] {
  const collator = new Intl.Collator("zh-CN");
  return [...departments].sort(
    (a, b) =>
      STATUS_URGENCY[a.status] - STATUS_URGENCY[b.status] ||
      b.counts.error - a.counts.error ||
      b.counts.warning - a.counts.warning ||
      collator.compare(a.file, b.file)
  );
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "0%" : `${Math.round((part / whole) * 1000) / 10}%`;
}

export function renderHtmlReport(results: readonly FileResult[], about: ReportAbout): string {
  const departments = departmentsOf(results);
  const totals = totalsOf(results);
  const data = clientData(departments, about);
  // The client is handed the function that puts messages back together, so that the page and the
  // tests (test/cli/review/messageShapes.test.ts) run the same one.
  const script = `(${reportClient.toString()})(${expandMessage.toString()});`;
  // Marks the page as scripted before the table is parsed: the table is then laid out once, when
  // the script has wired it, instead of again and again while a thousand rows stream in. Without
  // scripts the class never appears and the table shows as it is.
  const early = `document.documentElement.className="js";`;
  // The policy is our own text (hashes are base64), so it goes into the attribute as it is.
  const csp = [
    "default-src 'none'",
    `style-src ${sha256Source(REPORT_CSS)}`,
    `script-src ${sha256Source(early)} ${sha256Source(script)}`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  const date = formatDateTime(about.generatedAt);

  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="budget-disclosure ${escapeHtml(about.toolVersion)}">
<title>${REPORT_TITLE}（${totals.files} 个文件，${escapeHtml(date)}）</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<script>${early}</script>
<a class="skip" href="#departments">跳到部门列表</a>
<header class="masthead">
<div class="wrap">
<div>
<p class="kicker">部门预算公开助手 · 财政部门审核</p>
<h1>${REPORT_TITLE}</h1>
</div>
<dl class="about">
<div><dt>检查时间</dt><dd>${escapeHtml(date)}</dd></div>
<div><dt>工具版本</dt><dd>${escapeHtml(about.toolVersion)}</dd></div>
<div><dt>规则版本</dt><dd>${escapeHtml(describeRules(about.rules))}</dd></div>
</dl>
</div>
</header>
<main class="wrap">
${summarySection(totals)}
${chartsSection(departments, results, totals)}
${departmentsSection(departments)}
</main>
<footer class="colophon">由 budget-disclosure ${escapeHtml(about.toolVersion)} 生成 · 本报告为单个文件，可离线打开、转发和打印</footer>
${previewDialog()}
<div id="print-area"></div>
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>${script}</script>
</body>
</html>
`;
}

function summarySection(totals: ReturnType<typeof totalsOf>): string {
  const cards = STATUSES.map((status) => {
    const n = totals.status[status];
    return (
      `<li><button type="button" class="status-card s-${status}" data-status="${status}" aria-pressed="false">` +
      `<span class="count">${n}</span><span class="label">${STATUS_LABEL[status]}</span>` +
      `<span class="share">${percent(n, totals.files)} · 点击筛选</span></button></li>`
    );
  }).join("");
  const f = totals.findings;
  return `<section aria-labelledby="summary-title">
<h2 class="section-title" id="summary-title">概况：共 ${totals.files} 个文件</h2>
<ul class="status-cards">${cards}</ul>
<p class="totals">发现 <strong>${f.error}</strong> 个错误、<strong>${f.warning}</strong> 个警告、<strong>${f.info}</strong> 条提示${totals.rounding > 0 ? `（含舍入差异 <strong>${totals.rounding}</strong> 处，在四舍五入允许范围内，已折叠）` : ""}。“通过”指没有错误和警告；“仅警告”指没有错误但有警告，请部门核实；“部分检查”指只检查了工作簿中的部分公开表（摘录，或另一套表只核对了表内合计），未检查的表需另行审核。</p>
</section>`;
}

function chartsSection(
  departments: readonly Department[],
  results: readonly FileResult[],
  totals: ReturnType<typeof totalsOf>
): string {
  const slices: Slice[] = STATUSES.map((status) => ({
    label: STATUS_LABEL[status],
    value: totals.status[status],
    className: `fill-${status}`,
  }));
  const donut = donutChart(slices, {
    title: `状态分布：${STATUSES.map((s) => `${STATUS_LABEL[s]} ${totals.status[s]} 个`).join("，")}`,
    centerValue: String(totals.files),
    centerLabel: "个文件",
  });
  const legend = STATUSES.map(
    (status) =>
      `<li><span class="swatch s-${status}" aria-hidden="true"></span>${STATUS_LABEL[status]} ${totals.status[status]} 个（${percent(totals.status[status], totals.files)}）</li>`
  ).join("");

  const titles = ruleTitles();
  const rules = frequentRules(results, TOP_RULES);
  const ruleBars: Bar[] = rules.map((r) => {
    const title = titles.get(r.rule) ?? r.rule;
    return {
      label: title,
      sublabel: r.rule,
      value: r.departments,
      valueText: `${r.departments} 个部门`,
      tip: `${title}（${r.rule}）：${r.departments} 个部门，共 ${r.findings} 处`,
      className: `fill-${r.worst}`,
    };
  });
  const rulesChart =
    ruleBars.length > 0
      ? barChart(ruleBars, {
          title: `最常见的问题：${rules.map((r) => `${titles.get(r.rule) ?? r.rule} ${r.departments} 个部门`).join("，")}`,
        })
      : `<p class="empty-chart">没有任何错误或警告。</p>`;

  const withErrors = departments
    .filter((d) => d.counts.error > 0)
    .sort(
      (a, b) =>
        b.counts.error - a.counts.error || displayName(a).localeCompare(displayName(b), "zh-CN")
    );
  const shown = withErrors.slice(0, TOP_DEPARTMENTS);
  // Two files of one department (a resubmission, say) are told apart by their file names.
  const names = shown.map(displayName);
  const repeated = new Set(names.filter((name, i) => names.indexOf(name) !== i));
  const departmentBars: Bar[] = shown.map((d) => ({
    label: displayName(d),
    sublabel: repeated.has(displayName(d)) ? path.basename(d.file) : undefined,
    value: d.counts.error,
    valueText: `${d.counts.error}`,
    tip: `${displayName(d)}：${d.counts.error} 个错误（${d.file}）`,
    className: "fill-error",
  }));
  const rest = withErrors.slice(TOP_DEPARTMENTS);
  const restNote =
    rest.length > 0
      ? `<p class="chart-note">另有 ${rest.length} 个部门有错误（共 ${rest.reduce((n, d) => n + d.counts.error, 0)} 个），在下方部门表中按“错误”排序可见全部。</p>`
      : "";
  const departmentChart =
    departmentBars.length > 0
      ? barChart(departmentBars, {
          width: 900,
          labelWidth: 320,
          title: `各部门错误数：${shown.map((d) => `${displayName(d)} ${d.counts.error} 个`).join("，")}`,
        }) + restNote
      : `<p class="empty-chart">没有部门有错误。</p>`;

  return `<section class="charts" aria-label="图表">
<figure class="card">
<h3>状态分布</h3>
<p class="chart-note">按文件（部门）计</p>
<div class="donut-row">${donut}<ul class="legend">${legend}</ul></div>
</figure>
<figure class="card">
<h3>最常见的问题（前 ${TOP_RULES} 条规则）</h3>
<p class="chart-note">按涉及的部门数排列；只计错误和警告，不含提示</p>
${rulesChart}
</figure>
<figure class="card span-all">
<h3>各部门错误数${withErrors.length > TOP_DEPARTMENTS ? `（最多的 ${TOP_DEPARTMENTS} 个）` : ""}</h3>
<p class="chart-note">${withErrors.length} 个部门有错误，按错误数从多到少</p>
${departmentChart}
</figure>
</section>`;
}

function departmentsSection(departments: readonly Department[]): string {
  const templates = [...new Set(departments.map((d) => d.template))];
  const templateOptions = TEMPLATE_IDS.filter((t) => templates.includes(t)).map(
    (t) => `<option value="${t}">${TEMPLATE_LABEL[t]}</option>`
  );
  if (templates.includes(undefined)) templateOptions.push(`<option value="none">未识别</option>`);
  const years = [...new Set(departments.map((d) => d.year))];
  const yearOptions = years
    .filter((y): y is number => y !== undefined)
    .sort((a, b) => b - a)
    .map((y) => `<option value="${y}">${y} 年</option>`);
  if (years.includes(undefined)) yearOptions.push(`<option value="none">未识别</option>`);
  const statusOptions = STATUSES.map((s) => `<option value="${s}">${STATUS_LABEL[s]}</option>`);

  const rows = defaultOrder(departments).map(departmentRows).join("\n");
  return `<section id="departments" aria-labelledby="departments-title" tabindex="-1">
<h2 class="section-title" id="departments-title">各部门检查结果</h2>
<form class="filters" role="search" aria-label="筛选部门">
<label>搜索<input type="search" id="filter-text" placeholder="部门、文件、规则或问题内容" autocomplete="off"></label>
<label>状态<select id="filter-status"><option value="">全部</option>${statusOptions.join("")}</select></label>
<label>格式<select id="filter-template"><option value="">全部</option>${templateOptions.join("")}</select></label>
<label>年度<select id="filter-year"><option value="">全部</option>${yearOptions.join("")}</select></label>
<button type="reset" class="button">清除筛选</button>
</form>
<p class="shown" id="shown" role="status">共 ${departments.length} 个部门</p>
<div class="table-scroll">
<table class="departments">
<caption class="visually-hidden">各部门检查结果；点击部门名称展开问题清单</caption>
<thead><tr>
<th scope="col" data-key="name"><button type="button" class="sort">部门 / 文件</button></th>
<th scope="col" class="col-year" data-key="year"><button type="button" class="sort">年度</button></th>
<th scope="col" class="col-template" data-key="template"><button type="button" class="sort">格式</button></th>
<th scope="col" class="col-status" data-key="status" aria-sort="ascending"><button type="button" class="sort">状态</button></th>
<th scope="col" class="num" data-key="errors"><button type="button" class="sort">错误</button></th>
<th scope="col" class="num" data-key="warnings"><button type="button" class="sort">警告</button></th>
<th scope="col" class="num" data-key="infos"><button type="button" class="sort">提示</button></th>
</tr></thead>
${rows}
</table>
</div>
<p class="shown" id="no-match" hidden>没有符合筛选条件的部门。</p>
<p class="more" id="more" hidden><button type="button" class="button" id="show-more">再列出</button> <button type="button" class="button" id="show-all">全部列出</button></p>
</section>`;
}

function countCell(n: number): string {
  return `<td class="num${n === 0 ? " zero" : ""}">${n}</td>`;
}

function departmentRows(d: Department): string {
  const name = d.department
    ? escapeHtml(d.department)
    : `<span class="unknown">${d.status === "unreadable" ? "（无法读取）" : "（未识别部门名称）"}</span>`;
  const notChecked = wasNotChecked(d.status);
  const counts = notChecked
    ? `<td class="num zero">—</td><td class="num zero">—</td><td class="num zero">—</td>`
    : countCell(d.counts.error) + countCell(d.counts.warning) + countCell(d.counts.info);
  return (
    `<tbody class="dept" data-i="${d.index}">` +
    `<tr class="row"><th scope="row"><button type="button" class="toggle" aria-expanded="false"><span class="name">${name}</span></button>` +
    `<div class="file">${escapeHtml(d.file)}</div>` +
    (notChecked
      ? `<div class="reason">${STATUS_LABEL[d.status]}：${escapeHtml(d.error ?? "")}</div>`
      : "") +
    (d.partial !== undefined
      ? `<div class="reason">${STATUS_LABEL.partial}：${escapeHtml(d.partial)}</div>`
      : "") +
    `</th>` +
    `<td class="col-year">${d.year ?? ""}</td>` +
    `<td class="col-template">${d.template ? TEMPLATE_LABEL[d.template] : ""}</td>` +
    `<td class="col-status"><span class="badge s-${d.status}">${STATUS_LABEL[d.status]}</span></td>` +
    counts +
    `</tr></tbody>`
  );
}

function previewDialog(): string {
  return `<dialog class="preview" id="print-dialog" aria-labelledby="print-dialog-title">
<div class="preview-bar">
<h2 id="print-dialog-title">打印预览：发给部门的问题清单（A4 纵向）</h2>
<div class="actions">
<label><input type="checkbox" id="print-rounding">列出舍入差异</label>
<button type="button" class="button primary" id="print-now">打印</button>
<button type="button" class="button" id="print-close">关闭</button>
</div>
</div>
<div class="preview-body" id="print-preview"></div>
</dialog>`;
}
