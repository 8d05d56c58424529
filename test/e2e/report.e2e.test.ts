/*
 * The HTML report as a reviewer uses it, in Debian's Chromium opened from file:// (no server):
 *
 *   check 收到/ --report r.html --format json   over the examples, a copy with a planted error and a
 *                                               corrupt file (in this process, --jobs 1)
 *   → open r.html: every file listed, counts by status, three SVG charts
 *   → filter by status (the summary cards too), template, year and text; sort by 错误
 *   → open a department with the keyboard: its findings, the 舍入差异 folded; the corrupt file's reason
 *   → 打印此部门的问题清单: the A4 sheet; 打印 calls the browser's print; in print media only the sheet
 *     shows, and the PDF is A4 portrait
 *   → a department named like markup (<img onerror>, </script>) is shown as text and runs nothing
 *
 * Throughout: no request but the file itself, no console error, and axe-core finds nothing serious or
 * critical. Screenshots go to a temporary directory, and with UPDATE_SCREENSHOTS=1 also to
 * docs/screenshots/report-*.png for the README.
 *
 * Needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH); see browser.ts.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { FileResult } from "../../src/cli/checkFile";
import { CliIO, main } from "../../src/cli/main";
import { rulesVersion } from "../../src/cli/review/about";
import { renderHtmlReport } from "../../src/cli/review/html";
import type { JsonFile, JsonReport } from "../../src/cli/report";
import {
  QUYANG,
  TUNLIU,
  copyTo,
  makeTempDir,
  removeDir,
  writeCorrupt,
  writePlantedError,
  writeRenamedDepartment,
} from "../cli/helpers";
import { BROWSER_STEP_LIMIT_MS } from "../helpers/limits";
import { CHROMIUM_ARGS, CHROMIUM_PATH, ROOT, describeInBrowser } from "./browser";

const SCREENSHOTS_FOR_README = path.join(ROOT, "docs", "screenshots");
const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === "1";
const TUNLIU_NAME = "中共长治市屯留区委组织部";
const HOSTILE_NAME = `<img src=x onerror="window.__xss=1">屯留</script><script>window.__xss=2</script>`;
/** A4 in PostScript points. */
const A4 = { width: 595.28, height: 841.89 };

type AxeViolation = {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; html: string }[];
};

function fakeIO(): CliIO & { out: () => string } {
  let out = "";
  return {
    stdout: { write: (text: string) => (out += text), isTTY: false },
    stderr: { write: () => true, isTTY: false },
    env: {},
    out: () => out,
  };
}

/** `check <inputs> --report <html> --format json --jobs 1`, run from `cwd` so paths read as a reviewer typed them. */
async function checkWithReport(
  cwd: string,
  inputs: string[],
  report: string
): Promise<{ code: number; json: JsonReport }> {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const io = fakeIO();
    const code = await main(
      ["check", ...inputs, "--report", report, "--format", "json", "--jobs", "1"],
      io
    );
    return { code, json: JSON.parse(io.out()) as JsonReport };
  } finally {
    process.chdir(before);
  }
}

const counts = (f: JsonFile) => ({
  error: f.findings.filter((x) => x.severity === "error").length,
  warning: f.findings.filter((x) => x.severity === "warning").length,
  info: f.findings.filter((x) => x.severity === "info").length,
});

describeInBrowser("the HTML report in Chromium, opened from file://", () => {
  let dir: string;
  let screenshotDir: string;
  let json: JsonReport;
  let code: number;
  /** HOSTILE_NAME as the engine read it from the workbook. */
  let hostileName: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Every URL the pages asked for, and every console error or uncaught exception. */
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const axeReports: string[] = [];

  const visibleFiles = () => page.locator("tbody.dept:not([hidden]) .file").allInnerTexts();
  const departmentBody = (file: string) =>
    page.locator("tbody.dept").filter({ has: page.locator(".file", { hasText: file }) });

  /** The whole page, one element of it, or what the window shows (a dialog over the page). */
  async function screenshot(
    name: string,
    target: { selector: string } | "page" | "window" = "page"
  ): Promise<void> {
    const file = path.join(screenshotDir, `report-${name}.png`);
    if (typeof target === "object") await page.locator(target.selector).screenshot({ path: file });
    else await page.screenshot({ path: file, fullPage: target === "page" });
    if (UPDATE_SCREENSHOTS)
      fs.copyFileSync(file, path.join(SCREENSHOTS_FOR_README, path.basename(file)));
  }

  async function expectAccessible(step: string): Promise<void> {
    if (!(await page.evaluate(() => "axe" in window)))
      await page.evaluate(fs.readFileSync(require.resolve("axe-core"), "utf8"));
    const { violations, passes } = (await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              context: Document,
              options: object
            ): Promise<{ violations: unknown[]; passes: unknown[] }>;
          };
        }
      ).axe;
      const results = await axe.run(document, { resultTypes: ["violations"] });
      return { violations: results.violations, passes: results.passes.length };
    })) as { violations: AxeViolation[]; passes: number };
    // axe really ran over the page (the page's CSP does not apply to what the test evaluates).
    expect(passes).toBeGreaterThan(10);
    axeReports.push(
      `${step}: ${violations.length === 0 ? "no violations" : violations.map((v) => `${v.impact} ${v.id} (${v.nodes.length})`).join(", ")}`
    );
    const blocking = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      blocking.map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help}\n` +
          v.nodes.map((n) => `    ${n.target.join(" ")}  ${n.html.slice(0, 160)}`).join("\n")
      )
    ).toEqual([]);
  }

  async function open(file: string): Promise<void> {
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector("html[data-ready='true']");
  }

  beforeAll(async () => {
    dir = makeTempDir("budget-report-e2e-");
    screenshotDir = fs.mkdtempSync(path.join(os.tmpdir(), "budget-report-screenshots-"));
    const folder = path.join(dir, "收到");
    fs.mkdirSync(folder);
    copyTo(QUYANG, path.join(folder, "曲阳县委组织部.xlsx"));
    copyTo(TUNLIU, path.join(folder, "屯留区委组织部.xlsx"));
    copyTo(
      path.join(ROOT, "examples", "quyang-2024-ledger.xlsx"),
      path.join(folder, "曲阳-预算明细.xlsx")
    );
    await writePlantedError(path.join(folder, "曲阳县委组织部-重报.xlsx"));
    writeCorrupt(path.join(folder, "某局.xlsx"));
    ({ code, json } = await checkWithReport(dir, ["收到"], "审核报告.html"));

    const hostile = path.join(dir, "注入");
    fs.mkdirSync(hostile);
    await writeRenamedDepartment(TUNLIU, TUNLIU_NAME, HOSTILE_NAME, path.join(hostile, "x.xlsx"));
    hostileName = (await checkWithReport(dir, ["注入"], "注入.html")).json.files[0].department!;
    // The reader drops the spaces inside a name; the markup is all still there.
    expect(hostileName).toContain("</script><script>window.__xss=2</script>");
    expect(hostileName).toContain('onerror="window.__xss=1">');

    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: BROWSER_STEP_LIMIT_MS,
    });
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 1,
      locale: "zh-CN",
    });
    context.setDefaultTimeout(BROWSER_STEP_LIMIT_MS);
    context.setDefaultNavigationTimeout(BROWSER_STEP_LIMIT_MS);
    // The browser's print dialog cannot be driven headless: count the calls instead.
    await context.addInitScript(() => {
      const w = window as unknown as { __printCalls: number; print: () => void };
      w.__printCalls = 0;
      w.print = () => {
        w.__printCalls++;
      };
    });
    context.on("request", (request) => requests.push(request.url()));
    page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(`${error.name}: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(`console.error: ${message.text()}`);
    });
    console.log(
      `report e2e: Chromium ${CHROMIUM_PATH}, report in ${dir}, screenshots in ${screenshotDir}`
    );
  });

  afterAll(async () => {
    await browser?.close();
    removeDir(dir);
    if (axeReports.length > 0) console.log(`axe-core, per step:\n  ${axeReports.join("\n  ")}`);
  });

  test("check exits 2 (a file could not be read) and the report lists every file with the summary and charts", async () => {
    expect(code).toBe(2);
    expect(json.files).toHaveLength(5);
    await open(path.join(dir, "审核报告.html"));
    expect(await page.title()).toMatch(
      /^部门预算公开审核报告（5 个文件，\d{4}-\d\d-\d\d \d\d:\d\d）$/
    );
    expect((await visibleFiles()).sort()).toEqual(json.files.map((f) => f.file).sort());
    for (const [status, n] of Object.entries(json.totals.status))
      expect(await page.locator(`.status-card[data-status="${status}"] .count`).innerText()).toBe(
        String(n)
      );
    expect(await page.locator("svg.chart").count()).toBe(3);
    expect(await page.locator("svg.chart.donut path").count()).toBe(3);
    await expectAccessible("opened");
    await screenshot("1-overview");
  });

  test("filters by status, template, year and text, and the summary cards filter too", async () => {
    const files = (pick: (f: JsonFile) => boolean) =>
      json.files
        .filter(pick)
        .map((f) => f.file)
        .sort();
    const shown = async () => (await visibleFiles()).sort();

    await page.selectOption("#filter-status", "errors");
    expect(await shown()).toEqual(files((f) => f.error === undefined && counts(f).error > 0));
    expect(await page.locator("#shown").innerText()).toBe("显示 2 / 5 个部门");
    await page.selectOption("#filter-status", "");

    await page.selectOption("#filter-template", "shanxi");
    expect(await shown()).toEqual(files((f) => f.template === "shanxi"));
    await page.selectOption("#filter-template", "");

    await page.selectOption("#filter-year", "none");
    expect(await shown()).toEqual(files((f) => f.year === null));
    await page.selectOption("#filter-year", "2024");
    expect(await shown()).toEqual(files((f) => f.year === 2024));
    await page.selectOption("#filter-year", "");

    // Text search reaches the department, the file and the findings' messages.
    await page.fill("#filter-text", "屯留");
    expect(await shown()).toEqual(files((f) => /屯留/.test(`${f.department}${f.file}`)));
    await page.fill("#filter-text", "资金用途写明预算数5万元");
    expect(await shown()).toEqual(
      files((f) => f.findings.some((x) => x.message.includes("资金用途写明预算数5万元")))
    );
    await page.fill("#filter-text", "没有这个部门");
    expect(await shown()).toEqual([]);
    await expect(page.locator("#no-match")).toBeVisibleSoon();

    await page.click("button[type=reset]");
    await page.waitForFunction(
      () => document.getElementById("shown")?.textContent === "共 5 个部门"
    );
    expect(await shown()).toEqual(files(() => true));

    await page.click('.status-card[data-status="unreadable"]');
    expect(await shown()).toEqual(files((f) => f.error !== undefined));
    expect(await page.getAttribute('.status-card[data-status="unreadable"]', "aria-pressed")).toBe(
      "true"
    );
    await page.click('.status-card[data-status="unreadable"]');
    expect(await shown()).toEqual(files(() => true));
  });

  test("sorts by 错误, most first, then least first", async () => {
    const errorsOf = new Map(
      json.files.map((f) => [f.file, f.error === undefined ? counts(f).error : 0])
    );
    const header = page.locator('th[data-key="errors"]');
    await header.locator("button").click();
    expect(await header.getAttribute("aria-sort")).toBe("descending");
    const down = (await visibleFiles()).map((f) => errorsOf.get(f)!);
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect(down[0]).toBeGreaterThan(0);
    await header.locator("button").click();
    expect(await header.getAttribute("aria-sort")).toBe("ascending");
    const up = (await visibleFiles()).map((f) => errorsOf.get(f)!);
    expect(up).toEqual([...up].sort((a, b) => a - b));
  });

  test("a department opens from the keyboard: its findings, the 舍入差异 folded", async () => {
    const tunliu = json.files.find((f) => f.department === TUNLIU_NAME)!;
    const body = departmentBody(tunliu.file);
    const toggle = body.locator("button.toggle");
    await toggle.focus();
    await page.keyboard.press("Enter");
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    const detail = body.locator("tr.detail");
    await expect(detail).toBeVisibleSoon();
    expect(await detail.locator("p.none").innerText()).toBe("未发现错误或警告。");
    const folded = detail.locator("details.rounding");
    expect(await folded.locator("summary").innerText()).toBe(
      `舍入差异 ${counts(tunliu).info} 处（在四舍五入允许范围内，无需修改）`
    );
    expect(await folded.getAttribute("open")).toBeNull();
    await folded.locator("summary").focus();
    await page.keyboard.press("Enter");
    expect(await folded.locator("tbody tr").count()).toBe(counts(tunliu).info);
    await page.keyboard.press("Enter");
    await toggle.focus();
    await page.keyboard.press("Space");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await expect(detail).toBeHiddenSoon();
  });

  test("the planted error is listed at its cell, with what was expected and what was found", async () => {
    // Back to the order the table opens in (the departments that need the bureau first).
    await page.locator('th[data-key="status"] button').click();
    expect(await page.getAttribute('th[data-key="status"]', "aria-sort")).toBe("ascending");
    const planted = json.files.find((f) => f.file.endsWith("曲阳县委组织部-重报.xlsx"))!;
    const body = departmentBody(planted.file);
    await body.locator("button.toggle").click();
    const rows = body.locator("table.findings").first().locator("tbody tr");
    const listed = planted.findings.filter(
      (f) => f.severity !== "info" || !/^舍入差异/.test(f.message)
    );
    expect(await rows.count()).toBe(listed.length);
    // The planted cell is the root cause (test/cli/helpers.ts); the subtotal and the row total
    // its wrong figure throws off are named beside it, not listed as errors of their own.
    const e9 = planted.findings.find((f) => f.sheet === "支出总表" && f.cell === "E9")!;
    const row = rows.filter({ hasText: e9.message });
    expect(await row.locator("td").allInnerTexts()).toEqual([
      "错误",
      "支出总表",
      "E9",
      `${e9.message}（另见 E8、D9）`,
      e9.expected,
      e9.actual,
      e9.rule,
    ]);
    await expectAccessible("a department opened");
    await screenshot("2-department", { selector: "#departments" });
  });

  test("the unreadable file shows why", async () => {
    const bad = json.files.find((f) => f.error !== undefined)!;
    const body = departmentBody(bad.file);
    expect(await body.locator(".reason").innerText()).toBe(`无法读取：${bad.error}`);
    await body.locator("button.toggle").click();
    expect(await body.locator(".unreadable-reason").innerText()).toBe(`无法读取：${bad.error}`);
  });

  test("printed without a department's sheet open, the page is the summary, the charts and the table", async () => {
    await page.emulateMedia({ media: "print" });
    try {
      for (const selector of [
        ".status-cards",
        "svg.chart.donut",
        "svg.chart.bars",
        "table.departments",
      ])
        expect({ selector, visible: await page.locator(selector).first().isVisible() }).toEqual({
          selector,
          visible: true,
        });
      expect(await page.locator("form.filters").isVisible()).toBe(false);
      expect(await page.locator("#print-area").isVisible()).toBe(false);
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });

  test("打印 shows one department's sheet and prints it on A4 portrait, nothing else on the page", async () => {
    const planted = json.files.find((f) => f.file.endsWith("曲阳县委组织部-重报.xlsx"))!;
    const printButton = departmentBody(planted.file).getByRole("button", {
      name: "打印此部门的问题清单",
    });
    await printButton.click();
    const dialog = page.getByRole("dialog", { name: /打印预览/ });
    await expect(dialog).toBeVisibleSoon();
    const sheet = dialog.locator("article.sheet");
    const text = await sheet.innerText();
    expect(text).toContain("部门预算公开审核意见");
    expect(text).toContain(planted.department!);
    expect(text).toContain("曲阳县委组织部-重报.xlsx");
    for (const f of planted.findings.filter((x) => x.severity !== "info"))
      expect(text).toContain(f.message);
    expect(await sheet.locator("table.list").first().locator("tbody tr").count()).toBe(
      planted.findings.filter((x) => x.severity !== "info" || !/^舍入差异/.test(x.message)).length
    );
    // The 舍入差异 are a sentence on the sheet, and a list when asked for.
    const roundingList = sheet.locator(".rounding-list");
    expect(await roundingList.isVisible()).toBe(false);
    expect(text).toMatch(/另有舍入差异 1 处/);
    await dialog.getByLabel("列出舍入差异").check();
    const withList = dialog.locator("article.sheet .rounding-list");
    expect(await withList.isVisible()).toBe(true);
    expect(await withList.locator("tbody tr").count()).toBe(1);
    await dialog.getByLabel("列出舍入差异").uncheck();
    await expectAccessible("print preview");
    await screenshot("3-print", "window");

    await dialog.getByRole("button", { name: "打印", exact: true }).click();
    expect(
      await page.evaluate(() => (window as unknown as { __printCalls: number }).__printCalls)
    ).toBe(1);

    await page.emulateMedia({ media: "print" });
    expect(await page.locator("main").isVisible()).toBe(false);
    expect(await page.locator("header.masthead").isVisible()).toBe(false);
    const printed = page.locator("#print-area article.sheet");
    expect(await printed.isVisible()).toBe(true);
    expect(await printed.innerText()).toContain(planted.findings[0].message);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const boxes = [
      ...pdf.toString("latin1").matchAll(/\/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g),
    ];
    expect(boxes.length).toBeGreaterThan(0);
    for (const [, width, height] of boxes) {
      expect(Math.abs(Number(width) - A4.width)).toBeLessThan(1.5);
      expect(Math.abs(Number(height) - A4.height)).toBeLessThan(1.5);
    }
    await page.emulateMedia({ media: "screen" });

    await page.keyboard.press("Escape");
    await expect(dialog).toBeHiddenSoon();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      "打印此部门的问题清单"
    );
  });

  test("a department named like markup is shown as text and runs nothing", async () => {
    await open(path.join(dir, "注入.html"));
    const name = page.locator("tbody.dept .toggle .name");
    expect(await name.innerText()).toBe(hostileName);
    await name.click();
    await page.getByRole("button", { name: "打印此部门的问题清单" }).click();
    expect(await page.locator("dialog article.sheet").innerText()).toContain(hostileName);
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)
    ).toBeUndefined();
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator("script").count()).toBe(3);
  });

  test("at 450 departments the table lists 200 at a time; filters and sorting reach all of them", async () => {
    const many: FileResult[] = Array.from({ length: 450 }, (_, i) => ({
      file: `收到/${String(i).padStart(3, "0")}.xlsx`,
      department: `第${i}局`,
      year: 2024,
      template: "hebei",
      sheets: ["支出总表"],
      findings: Array.from({ length: i % 7 }, (_, k) => ({
        ruleId: "sum.children",
        severity: "error" as const,
        sheet: "支出总表",
        cell: `E${k + 6}`,
        message: `第${i}局的第${k + 1}个错误`,
      })),
      ms: 0,
    }));
    const file = path.join(dir, "多.html");
    fs.writeFileSync(
      file,
      renderHtmlReport(many, {
        generatedAt: new Date(),
        toolVersion: "test",
        rules: rulesVersion(),
      })
    );
    await open(file);
    const listed = () => page.locator("tbody.dept:not([hidden])").count();
    expect(await listed()).toBe(200);
    expect(await page.locator("#shown").innerText()).toBe("共 450 个部门，先列出前 200 个");
    await expectAccessible("450 departments");
    await page.getByRole("button", { name: "再列出 200 个" }).click();
    expect(await listed()).toBe(400);
    await page.getByRole("button", { name: "全部列出（450 个）" }).click();
    expect(await listed()).toBe(450);
    await expect(page.locator("#more")).toBeHiddenSoon();

    // A filter starts again from the first 200 of what matches; the text search reaches every row.
    await page.fill("#filter-text", "第449局");
    expect(await visibleFiles()).toEqual(["收到/449.xlsx"]);
    await page.fill("#filter-text", "");
    await page.selectOption("#filter-status", "passed");
    const passed = many.filter((r) => r.findings.length === 0).length;
    expect(await listed()).toBe(Math.min(200, passed));
    await page.selectOption("#filter-status", "");
    // Sorting by 错误 brings the departments with the most errors to the first page.
    await page.locator('th[data-key="errors"] button').click();
    const first = await page.locator("tbody.dept:not([hidden]) td.num").first().innerText();
    expect(first).toBe("6");
    expect(await listed()).toBe(200);
  });

  test("部分检查: the badge, what was not checked in the row, the detail and the printed sheet", async () => {
    const partial: FileResult[] = [
      {
        file: "收到/三公.xlsx",
        department: "某局",
        year: 2024,
        template: "hebei",
        sheets: ["三公经费"],
        tables: [{ kind: "三公经费表", sheet: "三公经费", cell: "A1" }],
        missing: ["部门收支总表", "部门收入总表"],
        extract: true,
        findings: [
          {
            ruleId: "amount.as-text",
            severity: "warning",
            sheet: "三公经费",
            cell: "B6",
            message: "金额以文本保存",
          },
        ],
        ms: 0,
      },
      { file: "收到/全.xlsx", department: "另一局", sheets: [], findings: [], ms: 0 },
    ];
    const note =
      "摘录：只检查了 1 张表（三公经费表）；2 张必备公开表不在文件中，未检查：部门收支总表、部门收入总表。";
    const file = path.join(dir, "部分.html");
    fs.writeFileSync(
      file,
      renderHtmlReport(partial, {
        generatedAt: new Date(),
        toolVersion: "test",
        rules: rulesVersion(),
      })
    );
    await open(file);
    const body = departmentBody("收到/三公.xlsx");
    expect(await body.locator(".badge").innerText()).toBe("部分检查");
    expect(await body.locator(".reason").innerText()).toBe(`部分检查：${note}`);
    await page.selectOption("#filter-status", "partial");
    expect(await visibleFiles()).toEqual(["收到/三公.xlsx"]);
    await page.selectOption("#filter-status", "");
    await body.locator("button.toggle").click();
    expect(await body.locator(".partial-note").innerText()).toBe(`部分检查：${note}`);
    await expectAccessible("部分检查");
    await body.getByRole("button", { name: "打印此部门的问题清单" }).click();
    const dialog = page.getByRole("dialog", { name: /打印预览/ });
    await expect(dialog).toBeVisibleSoon();
    const text = await dialog.locator("article.sheet").innerText();
    expect(text).toContain(
      "结论：部分检查，已检查的表中未发现错误（错误 0 个，警告 1 个，提示 0 条）。"
    );
    expect(text).toContain(`未检查的内容：${note}`);
    expect(text).not.toContain("结论：通过");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHiddenSoon();
  });

  test("no request but the report files themselves, and no console error", () => {
    const own = [
      path.join(dir, "审核报告.html"),
      path.join(dir, "注入.html"),
      path.join(dir, "多.html"),
      path.join(dir, "部分.html"),
    ].map((f) => pathToFileURL(f).href);
    expect(requests.filter((url) => !own.includes(url))).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });
});

/* Small waiting matchers over playwright locators, without @playwright/test. */
declare global {
  namespace jest {
    interface Matchers<R> {
      toBeVisibleSoon(): Promise<R>;
      toBeHiddenSoon(): Promise<R>;
    }
  }
}

expect.extend({
  async toBeVisibleSoon(locator: import("playwright-core").Locator) {
    try {
      await locator.waitFor({ state: "visible" });
      return { pass: true, message: () => "expected the element not to be visible" };
    } catch {
      return { pass: false, message: () => "the element did not become visible" };
    }
  },
  async toBeHiddenSoon(locator: import("playwright-core").Locator) {
    try {
      await locator.waitFor({ state: "hidden" });
      return { pass: true, message: () => "expected the element to be visible" };
    } catch {
      return { pass: false, message: () => "the element did not become hidden" };
    }
  },
});
