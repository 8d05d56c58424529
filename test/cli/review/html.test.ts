/*
 * The HTML report as a string: self-contained, escaped, and carrying its data. What it does in a
 * browser is tested in test/e2e/report.e2e.test.ts.
 */
import { createHash } from "crypto";
import type { FileResult } from "../../../src/cli/checkFile";
import { rulesVersion } from "../../../src/cli/review/about";
import type { ReportAbout } from "../../../src/cli/review/about";
import { escapeHtml } from "../../../src/cli/review/escape";
import { clientData, defaultOrder, renderHtmlReport } from "../../../src/cli/review/html";
import type { ClientData } from "../../../src/cli/review/html";
import { departmentsOf } from "../../../src/cli/review/model";

const ABOUT: ReportAbout = {
  generatedAt: new Date(2025, 2, 7, 14, 5),
  toolVersion: "9.8.7",
  rules: { count: 43, fingerprint: "0123abcd" },
};

const HOSTILE = `</script><script>window.__xss=1</script><img src=x onerror="window.__xss=2">`;

const results: FileResult[] = [
  {
    file: "收到/曲阳.xlsx",
    department: "中国共产党曲阳县委员会组织部",
    year: 2024,
    template: "hebei",
    sheets: ["收支总表", "支出总表"],
    findings: [
      {
        ruleId: "sum.children",
        severity: "error",
        sheet: "支出总表",
        cell: "E8",
        message: "“20132 组织事务”的“基本支出”为 236.34，其下 4 个明细科目合计为 336.34。",
        expected: "336.34",
        actual: "236.34",
      },
      {
        ruleId: "sum.row-parts",
        severity: "info",
        sheet: "收支总表",
        cell: "C6",
        message: "舍入差异：相差 -0.01，在四舍五入允许范围内。",
        expected: "3661.69",
        actual: "3661.68",
        rounding: true,
      },
    ],
    ms: 5,
  },
  {
    file: `收到/${HOSTILE}.xlsx`,
    department: HOSTILE,
    year: 2023,
    template: "shanxi",
    sheets: [HOSTILE],
    findings: [
      {
        ruleId: "meta.consistency",
        severity: "warning",
        sheet: HOSTILE,
        cell: "A2",
        message: `部门名称“${HOSTILE}”与其他表不一致`,
      },
    ],
    ms: 5,
  },
  { file: "收到/损坏.xlsx", sheets: [], findings: [], error: "不是有效的 .xlsx 工作簿", ms: 1 },
];

const html = renderHtmlReport(results, ABOUT);

function between(text: string, open: string, close: string): string[] {
  const found: string[] = [];
  let at = text.indexOf(open);
  while (at >= 0) {
    const end = text.indexOf(close, at + open.length);
    found.push(text.slice(at + open.length, end));
    at = text.indexOf(open, end);
  }
  return found;
}

test("one file with nothing to fetch: no external URL, stylesheet, import, font or image", () => {
  expect(html).not.toMatch(/https?:/i);
  expect(html).not.toMatch(/\s(src|href)=["'](?!#)/i);
  expect(html).not.toMatch(/<link|@import|url\(|@font-face/i);
  expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
});

test("its Content-Security-Policy allows exactly its own style and script, and no requests", () => {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  expect(csp).toBeDefined();
  const hash = (text: string) =>
    `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
  const [style] = between(html, "<style>", "</style>");
  const scripts = between(html, "<script>", "</script>");
  expect(scripts).toHaveLength(2);
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain(`style-src ${hash(style)};`);
  expect(csp).toContain(`script-src ${hash(scripts[0])} ${hash(scripts[1])};`);
});

test("workbook text is escaped: a department named like markup adds no element", () => {
  // The page's own three scripts (a class for the styles, the data, the code), none from the workbook.
  expect(html.match(/<script/g)).toHaveLength(3);
  expect(html).not.toContain("<img");
  expect(html).not.toContain("window.__xss=1</script>");
  expect(html).toContain("&lt;/script&gt;&lt;script&gt;window.__xss=1&lt;/script&gt;");
});

test("names every file and shows why the unreadable one could not be read", () => {
  for (const r of results) expect(html).toContain(`<div class="file">${escapeHtml(r.file)}</div>`);
  expect(html).toContain(`<div class="reason">无法读取：不是有效的 .xlsx 工作簿</div>`);
});

test("says when, with which tool and which rules; counts by status; draws its charts as SVG", () => {
  expect(html).toContain("<dd>2025-03-07 14:05</dd>");
  expect(html).toContain("<dd>9.8.7</dd>");
  expect(html).toContain("<dd>规则 43 条 · 0123abcd</dd>");
  const cards = [...html.matchAll(/data-status="(\w+)"[^>]*><span class="count">(\d+)</g)].map(
    (m) => `${m[1]}=${m[2]}`
  );
  expect(cards).toEqual([
    "passed=0",
    "errors=1",
    "warningsOnly=1",
    "partial=0",
    "unchecked=0",
    "unreadable=1",
  ]);
  expect(html.match(/<svg class="chart/g)).toHaveLength(3);
});

test("the page's data is the results, read back intact from the script element", () => {
  const [json] = between(html, `<script type="application/json" id="report-data">`, "</script>");
  const data = JSON.parse(json) as ClientData;
  expect(data).toEqual(clientData(departmentsOf(results), ABOUT));
  expect(data.departments[1].name).toBe(HOSTILE);
  const [severity, sheet, cell, message, expected, actual, rule, rounding] =
    data.departments[0].findings[1];
  expect([severity, data.strings[sheet], cell, message, expected, actual]).toEqual([
    2,
    "收支总表",
    "C6",
    "舍入差异：相差 -0.01，在四舍五入允许范围内。",
    "3661.69",
    "3661.68",
  ]);
  expect([data.strings[rule], rounding]).toEqual(["sum.row-parts", 1]);
  expect(data.titles["sum.children"]).toBe("上级科目等于下级科目之和");
});

test("the table opens with the departments that need the bureau first", () => {
  expect(defaultOrder(departmentsOf(results)).map((d) => d.file)).toEqual([
    "收到/曲阳.xlsx",
    "收到/损坏.xlsx",
    `收到/${HOSTILE}.xlsx`,
  ]);
});

test("the rules' version is a fingerprint of the registry, the same on every call", () => {
  const version = rulesVersion();
  expect(version.count).toBeGreaterThan(30);
  expect(version.fingerprint).toMatch(/^[0-9a-f]{8}$/);
  expect(rulesVersion()).toEqual(version);
});

test("a file with no recognisable table is 未检查, apart from 无法读取, with its reason and no counts", () => {
  const minutes: FileResult = {
    file: "收到/会议纪要.xlsx",
    sheets: ["Sheet1"],
    findings: [],
    ms: 1,
    unchecked: "没有找到任何可识别的标准公开表",
  };
  const page = renderHtmlReport([minutes, results[0]], ABOUT);
  expect(page).toContain(`<div class="reason">未检查：没有找到任何可识别的标准公开表</div>`);
  expect(page).toContain(`<span class="badge s-unchecked">未检查</span>`);
  const cards = [...page.matchAll(/data-status="(\w+)"[^>]*><span class="count">(\d+)</g)].map(
    (m) => `${m[1]}=${m[2]}`
  );
  expect(cards).toEqual([
    "passed=0",
    "errors=1",
    "warningsOnly=0",
    "partial=0",
    "unchecked=1",
    "unreadable=0",
  ]);
  const data = clientData(departmentsOf([minutes]), ABOUT);
  expect(data.departments[0]).toMatchObject({ status: "unchecked", error: minutes.unchecked });
  // Sorted after errors and unreadable files, before warnings: the client reads this rank.
  expect(data.urgency.unchecked).toBeGreaterThan(data.urgency.unreadable);
  expect(data.urgency.unchecked).toBeLessThan(data.urgency.warningsOnly);
});
