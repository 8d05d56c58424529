/*
 * `npm run bench -- taskpane`: the task pane's size and speed.
 *  (a) sizes of a production build: taskpane.js (target ≤ 200 KB gzipped) and functions.js (≤ 40 KB
 *      gzipped, no React in it), raw and gzipped, plus the chunks the pane loads later;
 *  (b) in headless Chromium (Debian's, /usr/bin/chromium) over the simulated Excel host holding
 *      tunliu-2024 (test/e2e): time from navigation to an interactive pane (检查 enabled), and the
 *      time to check the workbook (click 检查 → findings rendered); medians of 5 fresh page loads.
 * The build is test/e2e/browser.ts's buildWithSimulatedHost: the production build of webpack.config.js,
 * unchanged, plus the simulated host beside it, so taskpane.js and functions.js are byte for byte
 * those of `npm run build`. `--taskpane-build=<dir>` measures an existing build of it instead;
 * `--taskpane-runs=<n>`.
 * The suite reports "results disagree" when the pane's counts of findings differ from checkWorkbook's.
 */
import { readdirSync, readFileSync, rmSync } from "fs";
import path from "path";
import { gzipSync } from "zlib";
import { checkWorkbook } from "../src/core/check/workbook";
import type { Severity } from "../src/core/finding";
import { gridsFromXlsx } from "../src/io/readXlsx";
import {
  buildWithSimulatedHost,
  CHROMIUM_MISSING,
  CHROMIUM_PATH,
  chromiumInstalled,
  PANE_PAGE,
  startPaneSession,
} from "../test/e2e/browser";
import { median, ms, table } from "./harness";
import type { BenchSuite } from "./harness";

const ROOT = path.resolve(__dirname, "..");
const FIXTURE = path.join(ROOT, "examples", "tunliu-2024.xlsx");
const KB = 1024;
const TARGETS_GZIP_KB: Readonly<Record<string, number>> = {
  "taskpane.js": 200,
  "functions.js": 40,
};
/** Compiled into every React build (see test/build): functions.js must have neither. */
const REACT_MARKERS = ["__SECRET_INTERNALS", "reactjs.org/docs/error-decoder"];
/** Test-only files of the e2e build, not part of the add-in. */
const NOT_SHIPPED = new Set(["simulated-office.js"]);
const DEFAULT_RUNS = 5;
/** Every script loaded before the first check's findings are on screen, gzipped. */
const FIRST_FINDINGS_TARGET_KB = 200;

function log(text = ""): void {
  process.stdout.write(text + "\n");
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/**
 * Runs in the page before any of its scripts: notes when the pane first shows its title, when the
 * 检查 button is first enabled, and when the first check's findings are on screen (ms since
 * navigation start).
 */
const MARKS_SCRIPT = `(() => {
  const marks = (window.__paneMarks = {});
  const checkButton = () =>
    [...document.querySelectorAll("button:not([role=tab])")].find((b) =>
      /^(重新)?检查$/.test((b.textContent || "").trim())
    );
  const enabled = (b) => b && !b.disabled && b.getAttribute("aria-disabled") !== "true";
  const observer = new MutationObserver(() => {
    const now = performance.now();
    if (marks.firstRender === undefined && document.querySelector("#root h1")) marks.firstRender = now;
    if (marks.interactive === undefined && enabled(checkButton())) marks.interactive = now;
    if (marks.results === undefined && document.getElementById("findings-heading") && enabled(checkButton()))
      marks.results = now;
    if (marks.firstRender !== undefined && marks.interactive !== undefined && marks.results !== undefined)
      observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

/** In the page: clicks 检查 and resolves once the new findings are rendered. */
function clickCheckAndWait(): Promise<{ ms: number; syncs: number; counts: string[] }> {
  const api = window.__simulatedExcel;
  const checkButton = () =>
    [...document.querySelectorAll<HTMLButtonElement>("button:not([role=tab])")].find((b) =>
      /^(重新)?检查$/.test((b.textContent || "").trim())
    );
  const button = checkButton();
  if (!button || button.disabled) return Promise.reject(new Error("no enabled 检查 button"));
  const syncsBefore = api.syncCount();
  const start = performance.now();
  button.click();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const current = checkButton();
      const done =
        current !== undefined &&
        !current.disabled &&
        api.syncCount() > syncsBefore &&
        document.getElementById("findings-heading") !== null;
      if (!done) return;
      observer.disconnect();
      const counts = [
        ...document.querySelectorAll("#findings-heading ~ ul li, #findings-heading + ul li"),
      ].map((li) => (li.textContent || "").trim());
      resolve({ ms: performance.now() - start, syncs: api.syncCount() - syncsBefore, counts });
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
}

function sizes(outDir: string, loadedAtStart: ReadonlySet<string>): boolean {
  log("(a) bundle sizes (production; gzip level 6, as web servers use; 1 KB = 1024 bytes)");
  const rows: string[][] = [];
  for (const [file, targetKb] of Object.entries(TARGETS_GZIP_KB)) {
    const bytes = readFileSync(path.join(outDir, file));
    const gzipped = gzipSync(bytes, { level: 6 }).length;
    rows.push([
      file,
      kb(bytes.length),
      kb(gzipped),
      `≤ ${targetKb} KB`,
      gzipped <= targetKb * KB ? "met" : "MISSED",
    ]);
  }
  log(table(["bundle", "raw", "gzipped", "target", ""], rows).replace(/^/gm, "  "));

  const functions = readFileSync(path.join(outDir, "functions.js"), "utf8");
  const reactIn = REACT_MARKERS.filter((marker) => functions.includes(marker));
  log(
    `  functions.js: ${reactIn.length === 0 ? "no React in it" : `CONTAINS React (${reactIn.join(", ")})`}`
  );

  const chunks = readdirSync(outDir).filter(
    (f) => f.endsWith(".js") && !(f in TARGETS_GZIP_KB) && !NOT_SHIPPED.has(f)
  );
  if (chunks.length > 0) {
    const chunkRows = chunks
      .map((file) => {
        const bytes = readFileSync(path.join(outDir, file));
        return { file, raw: bytes.length, gzipped: gzipSync(bytes, { level: 6 }).length };
      })
      .sort((a, b) => b.gzipped - a.gzipped);
    log("  chunks loaded on demand (not in taskpane.js):");
    log(
      table(
        ["chunk", "raw", "gzipped", "when"],
        chunkRows.map((c) => [
          c.file,
          kb(c.raw),
          kb(c.gzipped),
          loadedAtStart.size === 0
            ? "?"
            : loadedAtStart.has(c.file)
              ? "on opening"
              : "later (when needed)",
        ])
      ).replace(/^/gm, "    ")
    );
    if (loadedAtStart.size > 0) {
      const atStart = [
        "taskpane.js",
        "functions.js",
        ...chunks.filter((c) => loadedAtStart.has(c)),
      ];
      const total = atStart.reduce(
        (sum, f) => sum + gzipSync(readFileSync(path.join(outDir, f)), { level: 6 }).length,
        0
      );
      log(
        `  JavaScript the pane loads before it shows the first findings: ${kb(total)} gzipped ` +
          `(target ≤ ${FIRST_FINDINGS_TARGET_KB} KB: ${total <= FIRST_FINDINGS_TARGET_KB * KB ? "met" : "MISSED"}; ${atStart.join(", ")})`
      );
    }
  }
  return true;
}

interface PaneTimings {
  firstRender: number;
  interactive: number;
  results: number;
  check: number;
  syncs: number;
  counts: string[];
  scripts: string[];
}

async function browserTimings(outDir: string, runs: number): Promise<PaneTimings[]> {
  const session = await startPaneSession(outDir, { initScript: MARKS_SCRIPT });
  try {
    const { page } = session;
    const url = `${session.server.url}${PANE_PAGE}`;
    const once = async (): Promise<PaneTimings> => {
      await page.goto(url);
      await page.waitForFunction(
        () =>
          (window as unknown as { __paneMarks: { results?: number } }).__paneMarks.results !==
          undefined,
        undefined,
        { timeout: 60_000 }
      );
      const marks = await page.evaluate(() => {
        const m = (
          window as unknown as {
            __paneMarks: Record<"firstRender" | "interactive" | "results", number>;
          }
        ).__paneMarks;
        const scripts = performance
          .getEntriesByType("resource")
          .filter((e) => e.startTime <= m.results && /\.js$/.test(new URL(e.name).pathname))
          .map((e) => new URL(e.name).pathname.slice(1));
        return {
          firstRender: m.firstRender,
          interactive: m.interactive,
          results: m.results,
          scripts,
        };
      });
      const check = await page.evaluate(clickCheckAndWait);
      return {
        ...marks,
        check: check.ms,
        syncs: check.syncs,
        counts: check.counts,
      };
    };
    await once(); // warm-up: the disk cache and Chromium's own start-up
    const samples: PaneTimings[] = [];
    for (let i = 0; i < runs; i++) samples.push(await once());
    if (session.blockedRequests.length > 0)
      throw new Error(`the page tried to reach the network: ${session.blockedRequests.join(", ")}`);
    if (session.pageErrors.length > 0)
      throw new Error(`the page reported errors: ${session.pageErrors.join("; ")}`);
    return samples;
  } finally {
    await session.close();
  }
}

async function run(options: Readonly<Record<string, string>> = {}): Promise<boolean> {
  const runs = Number(options["taskpane-runs"] ?? DEFAULT_RUNS);
  const given = options["taskpane-build"];
  let outDir: string;
  if (given) {
    outDir = path.resolve(given);
    log(`task pane: measuring the existing build in ${outDir}`);
  } else {
    const started = Date.now();
    outDir = buildWithSimulatedHost("production");
    log(
      `task pane: production build (webpack.config.js + the simulated host) in ${((Date.now() - started) / 1000).toFixed(0)} s`
    );
  }
  log();
  try {
    if (!chromiumInstalled()) {
      sizes(outDir, new Set());
      log();
      log(`(b) skipped: ${CHROMIUM_MISSING}`);
      return true;
    }
    const samples = await browserTimings(outDir, runs);
    sizes(outDir, new Set(samples.flatMap((s) => s.scripts)));
    log();
    const m = (pick: (t: PaneTimings) => number) => ms(median(samples.map(pick)));
    log(
      `(b) headless Chromium (${CHROMIUM_PATH}), 320×800, simulated Excel holding tunliu-2024; median of ${runs} page loads`
    );
    log(
      table(
        ["from navigation to …", "ms"],
        [
          ["the pane's title on screen", m((t) => t.firstRender)],
          ["an interactive pane (检查 enabled)", m((t) => t.interactive)],
          ["the first check's findings (checked on opening)", m((t) => t.results)],
        ]
      ).replace(/^/gm, "  ")
    );
    log(
      `  检查 of tunliu-2024 through the simulated host (click → findings rendered): ${m((t) => t.check)} ms ` +
        `(min ${ms(Math.min(...samples.map((t) => t.check)))}), ${samples[0].syncs} round trip(s) to Excel`
    );

    // The pane must show what the engine finds.
    const checked = checkWorkbook(await gridsFromXlsx(readFileSync(FIXTURE)));
    const expected: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of checked.findings) expected[f.severity]++;
    const shown = samples[0].counts.join(" ");
    const agree = (["error", "warning", "info"] as const).every((severity, i) =>
      new RegExp(`${["错误", "警告", "提示"][i]}\\s*${expected[severity]}(?!\\d)`).test(shown)
    );
    log(
      `  pane shows ${shown || "(no counts)"}; checkWorkbook: 错误 ${expected.error} 警告 ${expected.warning} 提示 ${expected.info}` +
        (agree ? "" : " — RESULTS DISAGREE")
    );
    return agree;
  } finally {
    if (!given) rmSync(outDir, { recursive: true, force: true });
  }
}

export const taskpaneSuite: BenchSuite = {
  name: "taskpane",
  description:
    "task-pane/functions bundle sizes (≤ 200/40 KB gzipped); pane start-up and 检查 of tunliu-2024 in headless Chromium",
  run,
};
