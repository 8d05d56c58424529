/*
 * The task pane end to end, in a real browser: the add-in's production build (made once per run,
 * test/helpers/productionBuild.ts) plus the simulated Excel host (test/e2e/webpack.e2e.config.js,
 * browser.ts: buildWithSimulatedHost), served from 127.0.0.1 and opened in Debian's Chromium (headless,
 * 320×800 like a task pane). The simulated host holds examples/tunliu-2024.xlsx in memory.
 *
 *   open → the pane checks the workbook: no errors, tunliu's 舍入差异 listed but folded
 *   → click a finding: the simulated Excel selects that cell
 *   → 生成公开表: the 表1 收支总表 … sheets appear, the source sheets are unchanged to the byte
 *   → 生成公开表 again: asks before replacing
 *   → 导出 → 下载 docx: a download of a valid .docx with every generated table under its title, and
 *     the chart of 一般公共预算 expenditure as a native chart with the 类 names, placed in the body
 *   → 下载 xlsx: the same file name but for the extension; read back in Node, exactly the
 *     template's sheets in order, no errors from the checker, and every cell the same value as the
 *     sheets the pane wrote into the simulated Excel (amounts as numbers)
 *   → help.html, the functions' help page: styled under its Content-Security-Policy, accessible
 *
 * Every step is screenshotted (into a temporary directory; with UPDATE_SCREENSHOTS=1 also into
 * docs/screenshots/taskpane-*.png for the README) and scanned with axe-core (no serious or critical
 * violations). The page may reach the local server only; any other request fails the test. The
 * pages carry the add-in's Content-Security-Policy, and any violation of it fails the test too.
 *
 * E2E_BUILD_DIR=<dir> reuses a build of buildWithSimulatedHost (one the test printed and kept, say)
 * instead of building, while working on the test.
 *
 * Needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH). Without it the test fails under CI=true
 * and is skipped, loudly, elsewhere.
 */
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import { checkWorkbook } from "../../src/core/check/workbook";
import { a1, parseA1 } from "../../src/core/grid";
import type { CellValue, Grid } from "../../src/core/grid";
import { gridsFromXlsx } from "../../src/io/readXlsx";
import { outputSheetNames } from "../../src/taskpane/disclosure";
import { fill, messages } from "../../src/taskpane/messages";
import {
  buildWithSimulatedHost,
  CHROMIUM_MISSING,
  CHROMIUM_PATH,
  chromiumInstalled,
  PANE_PAGE,
  PANE_VIEWPORT,
  ROOT,
  startPaneSession,
} from "./browser";
import type { PaneSession } from "./browser";
import type { SimulatedExcel } from "./simulatedHost/api";
import { BROWSER_STEP_LIMIT_MS, BUILD_HOOK_LIMIT_MS } from "../helpers/limits";
import { productionBuild } from "../helpers/productionBuild";

const TEXT = messages["zh-CN"];
const FIXTURE = path.join(ROOT, "examples", "tunliu-2024.xlsx");
const SCREENSHOTS_FOR_README = path.join(ROOT, "docs", "screenshots");
const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === "1";
/** A build of buildWithSimulatedHost to use instead of building one (while working on the test). */
const PREBUILT = process.env.E2E_BUILD_DIR || undefined;
const IN_CI = Boolean(process.env.CI) && process.env.CI !== "false" && process.env.CI !== "0";
/**
 * Scripts the test loads into the page from the page's own origin, as its Content-Security-Policy
 * allows (answered by the test, not the server): axe-core, and a probe of the policy.
 */
const TEST_SCRIPTS: Record<string, () => string> = {
  "/__test__/axe.min.js": () => fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"),
  "/__test__/csp-probe.js": () => `(${cspProbe.toString()})();`,
};

/**
 * What a script of the page's own might try and the policy must refuse: run inline script, eval
 * text, send to another host. Leaves what happened in `window.__cspProbe`.
 */
type CspProbeWindow = {
  __inlineScriptRan?: boolean;
  __cspProbe?: Promise<{ inlineRan: boolean; evalRan: boolean; fetched: string }>;
};

function cspProbe(): void {
  const probe = window as unknown as CspProbeWindow;
  // After the script has loaded: playwright's addScriptTag fails on a violation while it loads.
  probe.__cspProbe = new Promise((loaded) => setTimeout(loaded, 0)).then(() => {
    const inline = document.createElement("script");
    inline.textContent = "window.__inlineScriptRan = true;";
    document.head.append(inline);
    let evalRan = false;
    try {
      // eslint-disable-next-line no-eval -- what is probed: the policy must refuse it
      evalRan = (0, eval)("1 + 1") === 2;
    } catch {
      evalRan = false;
    }
    const outcome = (fetched: string) => ({
      inlineRan: probe.__inlineScriptRan === true,
      evalRan,
      fetched,
    });
    return fetch("https://example.gov.cn/collect").then(
      () => outcome("answered"),
      () => outcome("refused")
    );
  });
}

type AxeViolation = {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
};

/** The methods of `window.__simulatedExcel`. */
type SimulatedCalls = {
  [
    K in keyof SimulatedExcel as SimulatedExcel[K] extends (...args: never[]) => unknown ? K : never
  ]: SimulatedExcel[K];
};

/** Calls a method of `window.__simulatedExcel` in the page; the result comes back as a copy. */
function simulated<K extends keyof SimulatedCalls>(
  page: Page,
  method: K,
  ...args: Parameters<SimulatedCalls[K]>
): Promise<ReturnType<SimulatedCalls[K]>> {
  return page.evaluate(
    ([name, params]) => {
      const api = window.__simulatedExcel as unknown as Record<
        string,
        (...a: unknown[]) => unknown
      >;
      return api[name](...params);
    },
    [method, args] as [string, unknown[]]
  ) as Promise<ReturnType<SimulatedCalls[K]>>;
}

function describeInBrowser(name: string, body: () => void): void {
  if (chromiumInstalled()) {
    describe(name, body);
    return;
  }
  const banner = "!".repeat(100);
  if (IN_CI) {
    console.error(
      `\n${banner}\n${CHROMIUM_MISSING}\nCI is set: the browser test FAILS.\n${banner}\n`
    );
    describe(name, () => {
      test("needs Chromium", () => {
        throw new Error(CHROMIUM_MISSING);
      });
    });
  } else {
    console.warn(
      `\n${banner}\n${CHROMIUM_MISSING}\nCI is not set: the browser test is SKIPPED on this machine.\n${banner}\n`
    );
    describe.skip(name, body);
  }
}

/**
 * In the page: every name the pane shows (`[data-label]`: a file, sheet or table name, a column
 * header, a cell address) that is on screen, laid out as the clerk sees it. A name cut with an
 * ellipsis must carry its whole text as its title; any other name may go to a new line only beside
 * a separator (a space or punctuation), never between two letters, digits or characters of a word.
 */
function namesOnScreen(): { measured: number; broken: string[] } {
  const SEPARATOR = /[\s\-–—_/\\|、，,。.；;：:（）()【】[\]《》<>“”"'·!！?？]/;
  const broken: string[] = [];
  let measured = 0;
  for (const element of document.querySelectorAll<HTMLElement>("[data-label]")) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.bottom < 0 || box.top > window.innerHeight)
      continue;
    measured++;
    const text = (element.textContent ?? "").trim();
    const style = getComputedStyle(element);
    if (style.textOverflow === "ellipsis" && style.whiteSpace === "nowrap") {
      if (element.scrollWidth > element.clientWidth && element.title !== text)
        broken.push(`“${text}” is cut without its whole name as a tooltip`);
      continue;
    }
    // Each character's box: a character whose top is below the previous one's bottom starts a line.
    const chars: { char: string; top: number; bottom: number }[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null)
      for (let i = 0; i < node.data.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        if (rect.width > 0 || rect.height > 0)
          chars.push({ char: node.data[i], top: rect.top, bottom: rect.bottom });
      }
    for (let i = 1; i < chars.length; i++) {
      const [before, after] = [chars[i - 1], chars[i]];
      if (
        after.top >= before.bottom - 1 &&
        !SEPARATOR.test(before.char) &&
        !SEPARATOR.test(after.char)
      )
        broken.push(`“${text}” is broken between “${before.char}” and “${after.char}”`);
    }
  }
  return { measured, broken };
}

describeInBrowser("task pane in Chromium over the simulated Excel host (tunliu-2024)", () => {
  let outDir: string;
  let session: PaneSession;
  let page: Page;
  let screenshotDir: string;
  let expected: { roundingNotes: number; sourceSheets: string[]; outputSheets: string[] };
  let fixtureGrids: Grid[];
  /** The name of the downloaded .docx, which the .xlsx shares but for the extension. */
  let docxName = "";
  /** JSON of each source sheet as it was when the page opened. */
  const sourceSnapshot = new Map<string, string>();
  const axeReports: string[] = [];

  /** Waits until no transition or animation is running (a dialog fading in, an accordion opening). */
  async function settle(): Promise<void> {
    await page.waitForFunction(() =>
      document
        .getAnimations()
        .every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity)
    );
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
    );
  }

  /** How many names (`[data-label]`) each screenshot's step showed and had measured. */
  const labelsMeasured = new Map<string, number>();

  async function screenshot(step: string): Promise<void> {
    await settle();
    const file = `taskpane-${step}.png`;
    await page.screenshot({ path: path.join(screenshotDir, file) });
    if (UPDATE_SCREENSHOTS)
      fs.copyFileSync(path.join(screenshotDir, file), path.join(SCREENSHOTS_FOR_README, file));
    // At 320 px, every name on screen is whole on its line, cut with its whole text as a tooltip,
    // or wrapped at a separator: never broken inside a word.
    const { measured, broken } = await page.evaluate(namesOnScreen);
    expect({ step, broken }).toEqual({ step, broken: [] });
    labelsMeasured.set(step, measured);
  }

  /**
   * axe-core over the whole page as it is now: nothing serious or critical. One known false positive
   * is set aside: Fluent UI's focus manager (tabster) puts `aria-hidden` focusable "dummy" elements
   * around focus groups on purpose — they pass focus on the moment they get it and must stay hidden
   * from screen readers (microsoft/tabster#288; Accessibility Insights suppresses them the same way,
   * microsoft/accessibility-insights-web#7605). Only those nodes of that rule are dropped.
   */
  async function expectAccessible(step: string): Promise<void> {
    await settle();
    const injected = await page.evaluate(() => "axe" in window);
    // From the page's own origin, as the Content-Security-Policy allows scripts (an inline copy,
    // which addScriptTag({ path }) makes, would be refused).
    if (!injected) await page.addScriptTag({ url: "/__test__/axe.min.js" });
    const found = (await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> };
        }
      ).axe;
      const results = await axe.run(document, { resultTypes: ["violations"] });
      return results.violations;
    })) as AxeViolation[];
    const violations = found
      .map((v) =>
        v.id === "aria-hidden-focus"
          ? { ...v, nodes: v.nodes.filter((n) => !n.html.includes("data-tabster-dummy")) }
          : v
      )
      .filter((v) => v.nodes.length > 0);
    const describe = (v: AxeViolation) =>
      `${v.impact ?? "?"} ${v.id}: ${v.help} (${v.helpUrl})\n` +
      v.nodes.map((n) => `    ${n.target.join(" ")}  ${n.html.slice(0, 160)}`).join("\n");
    const setAside = found.reduce(
      (n, v) =>
        n +
        (v.id === "aria-hidden-focus"
          ? v.nodes.filter((node) => node.html.includes("data-tabster-dummy")).length
          : 0),
      0
    );
    axeReports.push(
      `${step}: ${violations.length === 0 ? "no violations" : violations.map((v) => `${v.impact} ${v.id} (${v.nodes.length})`).join(", ")}` +
        (setAside > 0 ? `; ${setAside} tabster focus dummies set aside` : "")
    );
    const blocking = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(blocking.map(describe)).toEqual([]);
  }

  const checkButton = () => page.getByRole("button", { name: /^(重新)?检查$/ });
  const generateButton = () => page.getByRole("button", { name: TEXT.generateButton, exact: true });
  const findingButtons = () => page.locator(`li > button[title^="${TEXT.goToCell.split("{")[0]}"]`);
  const roundingHeader = () =>
    page.getByRole("button", {
      name: new RegExp(`^${TEXT.roundingHeading.replace("{count}", "\\d+")}$`),
    });

  async function sourceSheetsUnchanged(): Promise<void> {
    for (const [name, before] of sourceSnapshot) {
      const now = await simulated(page, "sheet", name);
      expect({ name, state: JSON.stringify(now) }).toEqual({ name, state: before });
    }
  }

  /** The set-up of beforeAll, which afterAll waits for (see there). */
  let setUp: Promise<void> | undefined;

  beforeAll(() => {
    setUp = startSession();
    return setUp;
  }, BUILD_HOOK_LIMIT_MS);

  async function startSession(): Promise<void> {
    const grids = await gridsFromXlsx(fs.readFileSync(FIXTURE));
    fixtureGrids = grids;
    const checked = checkWorkbook(grids);
    expect(checked.template).toBe("shanxi");
    expected = {
      roundingNotes: checked.findings.filter((f) => f.rounding).length,
      sourceSheets: grids.map((g) => g.sheet),
      outputSheets: outputSheetNames("shanxi"),
    };
    screenshotDir = fs.mkdtempSync(path.join(os.tmpdir(), "budget-e2e-screenshots-"));
    outDir = PREBUILT ?? buildWithSimulatedHost("production", await productionBuild());
    session = await startPaneSession(outDir);
    page = session.page;
    await page.route(`${session.server.url}__test__/*`, (route) => {
      const script = TEST_SCRIPTS[new URL(route.request().url()).pathname];
      return script
        ? route.fulfill({ contentType: "text/javascript; charset=utf-8", body: script() })
        : route.fulfill({ status: 404 });
    });

    console.log(
      `e2e: Chromium ${CHROMIUM_PATH}, page ${session.server.url}${PANE_PAGE}, screenshots in ${screenshotDir}` +
        (UPDATE_SCREENSHOTS ? ` and ${SCREENSHOTS_FOR_README}` : "")
    );
  }

  afterAll(async () => {
    // A set-up that failed or ran out of time goes on in the background and may still start the
    // browser and the server; wait for it, so that they are closed and do not keep jest running.
    await setUp?.catch(() => undefined);
    await session?.close();
    if (outDir && !PREBUILT) fs.rmSync(outDir, { recursive: true, force: true });

    if (axeReports.length > 0) console.log(`axe-core, per step:\n  ${axeReports.join("\n  ")}`);
  });

  test("opens in Excel and checks the workbook: no errors, the 舍入差异 listed but folded", async () => {
    await page.goto(`${session.server.url}${PANE_PAGE}`);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe(TEXT.title);
    // The pane checks on opening; the button comes back once the check is done.
    await page.getByRole("button", { name: TEXT.checkRerun, exact: true }).waitFor();
    await expectEnabled(checkButton());
    expect(await simulated(page, "sheetNames")).toEqual(expected.sourceSheets);
    for (const grid of fixtureGrids) {
      const sheet = await simulated(page, "sheet", grid.sheet);
      // What the pane started from is the fixture, value for value.
      const values = Object.fromEntries(
        Object.entries(sheet?.cells ?? {})
          .filter(([, cell]) => cell.value !== "")
          .map(([address, cell]) => [address, cell.value])
      );
      expect(values).toEqual(nonEmptyValues(grid));
      sourceSnapshot.set(grid.sheet, JSON.stringify(sheet));
    }
    expect(await simulated(page, "customFunctions")).toEqual(
      expect.arrayContaining(["ROLLUP", "CHECK", "NAME", "AMOUNT", "WANYUAN"])
    );

    // 检查 again: a fresh read of the workbook, the same result.
    const syncsBefore = await simulated(page, "syncCount");
    await checkButton().click();
    await page.getByText(TEXT.checkRunning).waitFor({ state: "detached" });
    await expectEnabled(checkButton());
    expect(await simulated(page, "syncCount")).toBeGreaterThan(syncsBefore);

    const counts = await page
      .getByRole("list", { name: TEXT.countsLabel })
      .getByRole("listitem")
      .allInnerTexts();
    const count = (label: string) => {
      const line = counts.find((c) => c.startsWith(label));
      if (line === undefined) throw new Error(`no ${label} count among ${JSON.stringify(counts)}`);
      return Number(/(\d+)/.exec(line)?.[1]);
    };
    expect(count(TEXT.severityError)).toBe(0);
    expect(count(TEXT.severityWarning)).toBe(0);
    expect(count(TEXT.severityInfo)).toBe(expected.roundingNotes);
    await page.getByText(TEXT.allWellTitle).waitFor();

    const rounding = roundingHeader();
    await expect(rounding.innerText()).resolves.toBe(
      fill(TEXT.roundingHeading, { count: expected.roundingNotes })
    );
    expect(await rounding.getAttribute("aria-expanded")).toBe("false");
    expect(await findingButtons().count()).toBe(0);

    await screenshot("1-check");
    await expectAccessible("1 检查");
  });

  test("clicking a finding selects its cell in Excel", async () => {
    await roundingHeader().click();
    expect(await roundingHeader().getAttribute("aria-expanded")).toBe("true");
    const findings = findingButtons();
    await findings.first().waitFor();
    expect(await findings.count()).toBe(expected.roundingNotes);
    // The first finding on another sheet than the active one, so that Excel has to change sheets too.
    const active = await simulated(page, "activeSheet");
    const targets = (
      await findings.evaluateAll((buttons) => buttons.map((b) => b.getAttribute("title") ?? ""))
    ).map((title) => {
      const where = /^在 Excel 中选中 (.+)!([A-Z]+\d+)$/.exec(title);
      if (!where) throw new Error(`unexpected finding title ${JSON.stringify(title)}`);
      return { sheet: where[1], cell: where[2] };
    });
    const index = targets.findIndex((t) => t.sheet !== active);
    expect(index).toBeGreaterThanOrEqual(0);
    const { sheet, cell } = targets[index];
    const finding = findings.nth(index);
    // Scrolled once the panel has finished opening, so that the screenshot shows the list's heading.
    await settle();
    await roundingHeader().evaluate((header) => header.scrollIntoView({ block: "start" }));
    await finding.click();
    await page.waitForFunction(
      ([s, c]) => {
        const selection = window.__simulatedExcel.selection();
        return selection?.sheet === s && selection.address === c;
      },
      [sheet, cell]
    );
    expect(await simulated(page, "selection")).toEqual({ sheet, address: cell });
    expect(await simulated(page, "activeSheet")).toBe(sheet);
    await screenshot("2-finding");
    // The sheet's name above the findings and the finding's cell were among the names measured.
    expect(labelsMeasured.get("2-finding")).toBeGreaterThanOrEqual(2);
    await expectAccessible("2 finding selected");
    await sourceSheetsUnchanged();
  });

  test("works from the keyboard: Enter on a finding selects its cell, arrow keys move between steps", async () => {
    const findings = findingButtons();
    const titles = await findings.evaluateAll((buttons) =>
      buttons.map((b) => b.getAttribute("title") ?? "")
    );
    const where = (title: string) => {
      const match = /^在 Excel 中选中 (.+)!([A-Z]+\d+)$/.exec(title)!;
      return { sheet: match[1], address: match[2] };
    };
    // A finding somewhere else than the current selection, reached and activated by keys only.
    const current = await simulated(page, "selection");
    const index = titles.findIndex((t) => JSON.stringify(where(t)) !== JSON.stringify(current));
    await findings.nth(index).focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction((target) => {
      const selection = window.__simulatedExcel.selection();
      return selection?.sheet === target.sheet && selection.address === target.address;
    }, where(titles[index]));
    // Tab moves on to the next finding, and Space activates it as well.
    // Tab passes the finding's related-cell links (focusable too) on its way to the next finding.
    let next = "";
    for (let step = 0; step < 8 && next !== titles[index + 1]; step++) {
      await page.keyboard.press("Tab");
      next = await page.evaluate(() => document.activeElement?.getAttribute("title") ?? "");
    }
    expect(next).toBe(titles[index + 1]);
    await page.keyboard.press(" ");
    await page.waitForFunction((target) => {
      const selection = window.__simulatedExcel.selection();
      return selection?.sheet === target.sheet && selection.address === target.address;
    }, where(next));

    // The step tabs: arrow keys move between them, as in any tab list.
    await page.getByRole("tab", { name: "检查" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: TEXT.generateHeading }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain("生成公开表");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    await page.getByRole("tab", { name: "检查", selected: true }).waitFor();
    await sourceSheetsUnchanged();
  });

  test("修正 settles a 舍入差异 after showing its cells, it disappears, and 撤销 brings the workbook back exactly", async () => {
    const address = "支出总表!D8";
    // Exact: the 撤销 button that the fix adds names it too ("撤销：修正 支出总表!D8：…").
    const fix = page.getByRole("button", {
      name: fill(TEXT.fixButtonLabel, { sheet: "支出总表", cell: "D8" }),
      exact: true,
    });
    if ((await roundingHeader().getAttribute("aria-expanded")) !== "true")
      await roundingHeader().click();
    await fix.scrollIntoViewIfNeeded();
    const syncsBefore = await simulated(page, "syncCount");
    await fix.click();

    // The dialog lists every cell with its value now and after; nothing is written yet.
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: TEXT.fixConfirm }).waitFor();
    const rows = await dialog.getByRole("row").allInnerTexts();
    expect(rows[1].replace(/\s+/g, " ")).toBe(`${address} 219.91 219.92`);
    expect(await simulated(page, "syncCount")).toBe(syncsBefore);
    await screenshot("7-fix");
    await expectAccessible("7 修正");

    await dialog.getByRole("button", { name: TEXT.fixConfirm }).click();
    const written = rows.length - 1;
    await page.getByText(fill(TEXT.fixDone, { count: written })).waitFor();
    await page.getByText(TEXT.checkRunning).waitFor({ state: "detached" });
    await fix.waitFor({ state: "detached" });
    const sheet = await simulated(page, "sheet", "支出总表");
    expect(sheet?.cells.D8.value).toBe(219.92);
    // Reading what the cells held and writing them: 2 round trips, then the re-check's own.
    const log = await simulated(page, "syncLog");
    expect(log.length - syncsBefore).toBeLessThanOrEqual(2 + 3);
    const notesAfter = await findingButtons().count();
    expect(notesAfter).toBeLessThan(expected.roundingNotes);
    // The status and the 撤销 list at the top of the step, in view for the screenshot.
    await page.getByText(fill(TEXT.fixDone, { count: written })).scrollIntoViewIfNeeded();
    await screenshot("8-fixed");

    // 撤销: the cells are as they were, value and format, and so is the list.
    const undo = page.getByRole("button", { name: new RegExp(`^${TEXT.undoButton}：`) });
    await undo.click();
    await page.getByText(new RegExp(`^${TEXT.undoDone.split("{")[0]}`)).waitFor();
    await page.getByText(TEXT.checkRunning).waitFor({ state: "detached" });
    await fix.waitFor();
    expect(await findingButtons().count()).toBe(expected.roundingNotes);
    await sourceSheetsUnchanged();
    await page.getByText(new RegExp(`^${TEXT.undoDone.split("{")[0]}`)).scrollIntoViewIfNeeded();
    await screenshot("9-undone");
  });

  test("生成公开表 adds the standard sheets and leaves the source sheets as they were", async () => {
    await page.getByRole("tab", { name: "生成公开表" }).click();
    await page.getByRole("heading", { name: TEXT.generateHeading }).waitFor();
    await expectEnabled(generateButton());
    await generateButton().click();
    await page
      .getByText(fill(TEXT.generateDone, { count: expected.outputSheets.length }))
      .waitFor();

    const names = await simulated(page, "sheetNames");
    expect(names.slice(0, expected.sourceSheets.length)).toEqual(expected.sourceSheets);
    expect(names.slice(expected.sourceSheets.length)).toEqual(expected.outputSheets);
    expect(expected.outputSheets[0]).toBe("表1 收支总表");
    const first = await simulated(page, "sheet", "表1 收支总表");
    expect(Object.keys(first?.cells ?? {}).length).toBeGreaterThan(20);
    await sourceSheetsUnchanged();

    await screenshot("3-generate");
    await expectAccessible("3 生成公开表");
  });

  test("生成公开表 a second time asks before replacing, and 取消 changes nothing", async () => {
    const before = JSON.stringify(await simulated(page, "workbook"));
    await generateButton().click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await dialog.getByText(TEXT.confirmTitle).waitFor();
    for (const name of expected.outputSheets.slice(0, 3))
      await dialog.getByText(name, { exact: true }).waitFor();
    await screenshot("4-confirm");
    await expectAccessible("4 confirm replace");

    await dialog.getByRole("button", { name: TEXT.confirmCancel }).click();
    await dialog.waitFor({ state: "detached" });
    expect(JSON.stringify(await simulated(page, "workbook"))).toBe(before);

    // 替换: the output sheets are rewritten in place of the old ones, nothing else moves.
    await generateButton().click();
    await page.getByRole("dialog").getByRole("button", { name: TEXT.confirmReplace }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page
      .getByText(fill(TEXT.generateDone, { count: expected.outputSheets.length }))
      .waitFor();
    const names = await simulated(page, "sheetNames");
    expect([...names].sort()).toEqual([...expected.sourceSheets, ...expected.outputSheets].sort());
    await sourceSheetsUnchanged();
  });

  test("导出 → 下载 docx downloads a valid .docx with every table and the chart", async () => {
    await page.getByRole("tab", { name: "导出" }).click();
    await page.getByRole("heading", { name: TEXT.exportHeading }).waitFor();
    const button = page.getByRole("button", { name: TEXT.exportDocxDownload });
    await expectEnabled(button);
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    const file = path.join(screenshotDir, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 4).toString("binary")).toBe("PK\u0003\u0004");
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(
      expect.arrayContaining(["[Content_Types].xml", "word/document.xml"])
    );
    const documentXml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(documentXml).toContain("中共长治市屯留区委组织部");
    docxName = download.suggestedFilename();

    // Every generated table is in it, under the title its sheet has in Excel (the sheet's A1): the
    // end of a text run (a <w:t>), which may number it first (表一 …) but adds nothing after it.
    const titles: string[] = [];
    for (const name of expected.outputSheets) {
      const title = (await simulated(page, "sheet", name))?.cells.A1?.value;
      expect({ name, title: typeof title === "string" && title.trim() !== "" }).toEqual({
        name,
        title: true,
      });
      titles.push(String(title));
    }
    expect(new Set(titles).size).toBe(titles.length);
    for (const title of titles)
      expect({ title, found: documentXml.includes(`${xmlText(title)}</w:t>`) }).toEqual({
        title,
        found: true,
      });

    // The chart (src/render/chart.ts, in the browser build): a native chart part whose category
    // axis carries the 类 names, placed in the document body.
    const chartXml = (await zip.file("word/charts/chart1.xml")?.async("string")) ?? "";
    const categories = /<c:cat>[\s\S]*?<\/c:cat>/.exec(chartXml)?.[0] ?? "";
    expect([...categories.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1])).toEqual(
      expect.arrayContaining(["一般公共服务支出", "农林水支出"])
    );
    const rels = (await zip.file("word/_rels/document.xml.rels")?.async("string")) ?? "";
    const chartRel = [...rels.matchAll(/<Relationship [^>]*>/g)]
      .map((m) => m[0])
      .find((r) => /Target="charts\/chart1\.xml"/.test(r));
    const chartId = chartRel && /Id="([^"]+)"/.exec(chartRel)?.[1];
    expect(chartId).toBeDefined();
    expect(documentXml).toMatch(new RegExp(`<c:chart [^>]*r:id="${chartId}"`));

    await page
      .getByText(fill(TEXT.exportDownloaded, { file: download.suggestedFilename() }))
      .waitFor();
    await screenshot("5-export");
    // The two files' names were measured.
    expect(labelsMeasured.get("5-export")).toBeGreaterThanOrEqual(2);
    await expectAccessible("5 导出");
    await sourceSheetsUnchanged();
  });

  test("导出 → 下载 xlsx downloads the generated tables, figure for figure", async () => {
    const button = page.getByRole("button", { name: TEXT.exportXlsxDownload, exact: true });
    await expectEnabled(button);
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    const name = download.suggestedFilename();
    const file = path.join(screenshotDir, name);
    await download.saveAs(file);
    expect(name).toMatch(/\.xlsx$/);
    expect(name.replace(/\.xlsx$/, "")).toBe(docxName.replace(/\.docx$/, ""));
    await page.getByText(fill(TEXT.exportDownloaded, { file: name })).waitFor();

    // Read back in Node by exceljs: the template's tables, in its order, and nothing else.
    const grids = await gridsFromXlsx(fs.readFileSync(file));
    expect(grids.map((g) => g.sheet)).toEqual(expected.outputSheets);
    // The checker passes what the browser wrote: no errors.
    const checked = checkWorkbook(grids);
    expect(checked.template).toBe("shanxi");
    expect(
      checked.findings
        .filter((f) => f.severity === "error")
        .map((f) => `${f.sheet ?? ""}!${f.cell ?? ""} ${f.message}`)
    ).toEqual([]);

    // The same figures as the sheets the pane wrote into Excel, cell by cell: amounts as numbers in
    // both, text as text, nothing more and nothing less on either side — but for the data of the
    // Excel chart, which the pane writes beside its table and the xlsx, without a chart, has not.
    let amounts = 0;
    let charts = 0;
    for (const grid of grids) {
      const sheet = await simulated(page, "sheet", grid.sheet);
      const chartData = (sheet?.charts ?? []).map((chart) => chart.source);
      charts += chartData.length;
      const inExcel = Object.fromEntries(
        Object.entries(sheet?.cells ?? {})
          .filter(
            ([address, cell]) => cell.value !== "" && !chartData.some((r) => inRange(address, r))
          )
          .map(([address, cell]) => [address, cell.value])
      );
      const inXlsx = nonEmptyValues(grid);
      expect({ sheet: grid.sheet, values: inXlsx }).toEqual({ sheet: grid.sheet, values: inExcel });
      amounts += Object.values(inXlsx).filter((v) => typeof v === "number").length;
    }
    // Not an empty comparison: 表1 alone has its totals as numbers.
    const table1 = nonEmptyValues(grids[0]);
    expect(Object.values(table1).filter((v) => typeof v === "number").length).toBeGreaterThan(10);
    expect(amounts).toBeGreaterThan(100);
    // Only one area was set aside: the one chart's.
    expect(charts).toBe(1);

    await screenshot("6-xlsx");
    await expectAccessible("6 下载 xlsx");
    await sourceSheetsUnchanged();
  });

  test("help.html, which every function's help link opens, shows its style under its CSP and passes axe", async () => {
    await page.goto(`${session.server.url}help.html#sum`);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("BUDGET 自定义函数帮助");
    await page.getByRole("heading", { name: /^BUDGET\.SUM — / }).waitFor();
    // The style the Content-Security-Policy allows by its hash is applied (a refused one would also
    // be a console error, which the next test catches).
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector("table")!).borderCollapse)
    ).toBe("collapse");
    // Its CSP refuses the <script> tag expectAccessible would add; the DevTools protocol's
    // evaluation is not subject to the page's CSP, so axe-core goes in that way.
    await page.evaluate(fs.readFileSync(require.resolve("axe-core"), "utf8"));
    await expectAccessible("help.html");
  });

  test("reached nothing but the local server, and threw nothing", async () => {
    expect(session.blockedRequests).toEqual([]);
    expect(session.officeJsRequests).toBe(0);
    expect(session.pageErrors).toEqual([]);
    expect(session.cspViolations).toEqual([]);
    expect(session.server.requested).toContain(`/${PANE_PAGE}`);
    expect(session.server.requested).toContain("/simulated-office.js");
    expect(page.viewportSize()).toEqual(PANE_VIEWPORT);
  });

  test("the Content-Security-Policy is in force: inline script, eval and other hosts are refused, and reported", async () => {
    // The help.html test may have left the page on the help page, whose policy is stricter.
    await page.goto(`${session.server.url}${PANE_PAGE}`);
    await page.getByRole("button", { name: TEXT.checkRerun, exact: true }).waitFor();
    const policy = await page.evaluate(
      () =>
        document
          .querySelector('meta[http-equiv="Content-Security-Policy"]')
          ?.getAttribute("content") ?? ""
    );
    const directives = new Map(
      policy
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0] !== "")
        .map(([name, ...values]) => [name, values.join(" ")])
    );
    expect(directives.get("script-src")).toBe("'self' https://appsforoffice.microsoft.com");
    expect(directives.get("connect-src")).toBe("'self'");

    const reported = session.cspViolations.length;
    await page.addScriptTag({ url: "/__test__/csp-probe.js" });
    const outcome = await page.evaluate(() => (window as unknown as CspProbeWindow).__cspProbe);
    expect(outcome).toEqual({ inlineRan: false, evalRan: false, fetched: "refused" });
    // Refused by the policy in the page, before any request: the network guard saw nothing.
    expect(session.blockedRequests).toEqual([]);
    // And each refusal reached the test, as a violation of the page would.
    await until(() => session.cspViolations.length >= reported + 3);
    expect(
      session.cspViolations
        .splice(reported)
        .map((v) => v.directive)
        .sort()
    ).toEqual(["connect-src", "script-src", "script-src-elem"]);
  });
});

/** Waits until `condition()` holds, polling; fails after the browser step limit. */
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + BROWSER_STEP_LIMIT_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`still not so after ${BROWSER_STEP_LIMIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Whether cell `address` (A1) lies in `range` ("G1:H8"). */
function inRange(address: string, range: string): boolean {
  const cell = parseA1(address);
  const [from, to = from] = range.split(":").map(parseA1);
  if (!cell || !from || !to) throw new Error(`cannot read ${address} or ${range}`);
  return (
    cell.row >= Math.min(from.row, to.row) &&
    cell.row <= Math.max(from.row, to.row) &&
    cell.col >= Math.min(from.col, to.col) &&
    cell.col <= Math.max(from.col, to.col)
  );
}

/** `text` as it appears in a WordprocessingML <w:t>. */
function xmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A1 address → value of every non-empty cell of a Grid. */
function nonEmptyValues(grid: Grid): Record<string, CellValue> {
  const values: Record<string, CellValue> = {};
  grid.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== "" && value !== null && value !== undefined)
        values[a1(grid.origin.row + r, grid.origin.col + c)] = value;
    })
  );
  return values;
}

async function expectEnabled(locator: ReturnType<Page["locator"]>): Promise<void> {
  await locator.waitFor();
  await locator
    .page()
    .waitForFunction(
      (element) =>
        element !== null &&
        !(element as HTMLButtonElement).disabled &&
        element.getAttribute("aria-disabled") !== "true",
      await locator.elementHandle()
    );
}
