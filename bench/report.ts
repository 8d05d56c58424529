/*
 * `npm run bench -- report`: the review reports of `check --report` at a bureau's scale.
 * The results of 1,000 departments (--report-departments=<n>) are made from the examples really
 * checked — tunliu (19 舍入差异), quyang (errors and a warning), the ledger (clean), quyang with a
 * planted error — under 1,000 department and file names, every 40th file unreadable.
 *  (a) renderHtmlReport and renderXlsxReport in Node: time and size (target: HTML ≤ 10 MB);
 *  (b) the HTML in headless Chromium (Debian's) opened from file://: ms from navigation start to
 *      first contentful paint, to the page's script being done (table sortable and filterable), and
 *      to the load event — target ≤ 2 s; median of 3 fresh pages. Then, on the open page: the first
 *      text search (which builds the search index), sorting by 错误, opening the largest department;
 *  (c) the same with a heavy mix: every readable department with 60 findings (a bureau whose
 *      workbooks are in a layout the reader half knows), to show where the limits are.
 * Reports "results disagree" when the page lists another number of departments than it was given.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { pathToFileURL } from "url";
import { chromium } from "playwright-core";
import type { FileResult } from "../src/cli/checkFile";
import { checkFile } from "../src/cli/checkFile";
import { rulesVersion } from "../src/cli/review/about";
import type { ReportAbout } from "../src/cli/review/about";
import { renderHtmlReport } from "../src/cli/review/html";
import { renderXlsxReport } from "../src/cli/review/xlsx";
import type { Finding } from "../src/core/finding";
import { writePlantedError } from "../test/cli/helpers";
import {
  CHROMIUM_ARGS,
  CHROMIUM_MISSING,
  CHROMIUM_PATH,
  chromiumInstalled,
} from "../test/e2e/browser";
import { median, ms, table } from "./harness";
import type { BenchSuite } from "./harness";

const ROOT = path.resolve(__dirname, "..");
const EXAMPLES = path.join(ROOT, "examples");
const DEPARTMENTS = 1000;
const HTML_TARGET_BYTES = 10 * 1024 * 1024;
const OPEN_TARGET_MS = 2000;
const PAGE_RUNS = 3;
const HEAVY_FINDINGS = 60;

const COUNTIES = [
  "曲阳县",
  "屯留区",
  "平山县",
  "阳曲县",
  "定州市",
  "襄垣县",
  "涉县",
  "沁源县",
  "武安市",
  "临城县",
];
const OFFICES = [
  "财政局",
  "教育局",
  "卫生健康局",
  "水利局",
  "交通运输局",
  "民政局",
  "自然资源局",
  "审计局",
  "统计局",
  "司法局",
];

function log(text = ""): void {
  process.stdout.write(text + "\n");
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

async function checkedExamples(): Promise<FileResult[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "budget-bench-report-"));
  try {
    const planted = await writePlantedError(path.join(dir, "planted.xlsx"));
    const files = ["tunliu-2024.xlsx", "quyang-2024.xlsx", "quyang-2024-ledger.xlsx"].map((f) =>
      path.join(EXAMPLES, f)
    );
    const results: FileResult[] = [];
    for (const file of [...files, planted]) results.push(await checkFile(file));
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `n` departments cycling through the checked examples, renamed; every 40th unreadable. */
function departments(examples: readonly FileResult[], n: number, heavy: boolean): FileResult[] {
  return Array.from({ length: n }, (_, i): FileResult => {
    const name = `${COUNTIES[i % 10]}${OFFICES[Math.floor(i / 10) % 10]}${i >= 100 ? `第${Math.floor(i / 100) + 1}分局` : ""}`;
    const file = `2025预算/${String(i + 1).padStart(4, "0")}-${name}.xlsx`;
    if (i % 40 === 39)
      return {
        file,
        sheets: [],
        findings: [],
        error: "不是有效的 .xlsx 工作簿（文件内容不是 xlsx 格式，可能已损坏或扩展名不对）",
        ms: 0,
      };
    const source = examples[i % examples.length];
    let findings: Finding[] = source.findings.map((f) => ({
      ...f,
      message: f.message.split(source.department ?? "\u0000").join(name),
    }));
    if (heavy && findings.length > 0)
      findings = Array.from({ length: HEAVY_FINDINGS }, (_, k) => {
        const f = findings[k % findings.length];
        return { ...f, cell: f.cell ? `${f.cell.replace(/\d+$/, "")}${k + 6}` : f.cell };
      });
    return { ...source, file, department: name, findings };
  });
}

interface PageTimes {
  paint: number;
  ready: number;
  load: number;
}

/** Runs in the page before its scripts: notes when the report's script marks the page ready. */
const READY_MARK = `(() => {
  const observer = new MutationObserver(() => {
    if (document.documentElement.dataset.ready === "true") {
      window.__readyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });
})();`;

async function measurePage(
  file: string,
  expectedRows: number
): Promise<{ times: PageTimes; search: number; sort: number; open: number; consistent: boolean }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const samples: PageTimes[] = [];
    let search = 0;
    let sort = 0;
    let open = 0;
    let consistent = true;
    for (let run = 0; run < PAGE_RUNS; run++) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        locale: "zh-CN",
      });
      await context.addInitScript(READY_MARK);
      const page = await context.newPage();
      await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
      await page.waitForSelector("html[data-ready='true']");
      samples.push(
        await page.evaluate(() => {
          const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
          const paint = performance.getEntriesByName("first-contentful-paint")[0];
          return {
            paint: paint ? paint.startTime : NaN,
            ready: (window as unknown as { __readyAt: number }).__readyAt,
            load: nav.loadEventEnd,
          };
        })
      );
      consistent &&= (await page.locator("tbody.dept").count()) === expectedRows;
      if (run === PAGE_RUNS - 1) {
        // Each interaction timed in the page, up to the next frame (what the reviewer sees).
        search = await page.evaluate(async () => {
          const input = document.getElementById("filter-text") as HTMLInputElement;
          const start = performance.now();
          input.value = "资金用途";
          input.dispatchEvent(new Event("input"));
          await new Promise((done) => requestAnimationFrame(done));
          return performance.now() - start;
        });
        sort = await page.evaluate(async () => {
          const button = document.querySelector("th[data-key=errors] button") as HTMLButtonElement;
          const start = performance.now();
          button.click();
          await new Promise((done) => requestAnimationFrame(done));
          return performance.now() - start;
        });
        open = await page.evaluate(async () => {
          const button = document.querySelector(
            "tbody.dept:not([hidden]) button.toggle"
          ) as HTMLButtonElement;
          const start = performance.now();
          button.click();
          await new Promise((done) => requestAnimationFrame(done));
          return performance.now() - start;
        });
      }
      await context.close();
    }
    const pick = (key: keyof PageTimes) => median(samples.map((s) => s[key]));
    return {
      times: { paint: pick("paint"), ready: pick("ready"), load: pick("load") },
      search,
      sort,
      open,
      consistent,
    };
  } finally {
    await browser.close();
  }
}

async function scenario(
  label: string,
  results: FileResult[],
  about: ReportAbout,
  dir: string
): Promise<{ row: string[]; consistent: boolean }> {
  const findings = results.reduce((n, r) => n + r.findings.length, 0);
  let started = performance.now();
  const html = renderHtmlReport(results, about);
  const htmlMs = performance.now() - started;
  const bytes = Buffer.byteLength(html, "utf8");
  started = performance.now();
  const xlsx = await renderXlsxReport(results, about);
  const xlsxMs = performance.now() - started;
  const file = path.join(dir, `${label}.html`);
  writeFileSync(file, html);
  let page = {
    times: { paint: NaN, ready: NaN, load: NaN },
    search: NaN,
    sort: NaN,
    open: NaN,
    consistent: true,
  };
  if (chromiumInstalled()) page = await measurePage(file, results.length);
  const slowest = Math.max(page.times.paint, page.times.ready, page.times.load);
  return {
    consistent: page.consistent,
    row: [
      label,
      String(results.length),
      String(findings),
      `${mb(bytes)}${bytes <= HTML_TARGET_BYTES ? "" : " (over 10 MB)"}`,
      ms(htmlMs),
      `${mb(xlsx.length)} / ${ms(xlsxMs)}`,
      ms(page.times.paint),
      ms(page.times.ready),
      `${ms(page.times.load)}${slowest <= OPEN_TARGET_MS ? "" : " (over 2 s)"}`,
      ms(page.search),
      ms(page.sort),
      ms(page.open),
    ],
  };
}

export const reportSuite: BenchSuite = {
  name: "report",
  description:
    "check --report: HTML and xlsx reports of 1,000 departments (size, open time in Chromium)",
  async run(options = {}) {
    const n = Number(options["report-departments"] ?? DEPARTMENTS);
    const examples = await checkedExamples();
    const about: ReportAbout = {
      generatedAt: new Date(),
      toolVersion: "bench",
      rules: rulesVersion(),
    };
    if (!chromiumInstalled()) log(`(no browser timings: ${CHROMIUM_MISSING})`);
    const dir = mkdtempSync(path.join(os.tmpdir(), "budget-bench-report-"));
    try {
      const rows: string[][] = [];
      let consistent = true;
      for (const [label, heavy] of [
        ["typical", false],
        ["heavy", true],
      ] as const) {
        const result = await scenario(label, departments(examples, n, heavy), about, dir);
        rows.push(result.row);
        consistent &&= result.consistent;
      }
      log(
        `HTML and xlsx reports in Node; the HTML opened from file:// in ${CHROMIUM_PATH} (median of ${PAGE_RUNS} fresh pages, ms since navigation start)`
      );
      log(
        table(
          [
            "mix",
            "departments",
            "findings",
            "HTML",
            "render ms",
            "xlsx / ms",
            "first paint",
            "script ready",
            "load",
            "search",
            "sort",
            "open one",
          ],
          rows
        )
      );
      log(`targets: HTML ≤ 10 MB, open ≤ ${OPEN_TARGET_MS} ms (the typical mix)`);
      return consistent;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
