/*
 * What the end-to-end test and `npm run bench -- taskpane` share: the test-only build (the add-in plus
 * the simulated Excel host), Debian's Chromium driven by playwright-core, and a network guard that lets
 * the page reach the local server only.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium } from "playwright-core";
import type { BrowserContext, Page } from "playwright-core";
import { BROWSER_STEP_LIMIT_MS } from "../helpers/limits";
import { ROOT, runWebpack } from "../helpers/productionBuild";
import { serveDirectory } from "./server";
import type { StaticServer } from "./server";

export { ROOT };
/** Debian's package (`apt-get install chromium`); playwright-core downloads no browser of its own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
/** What taskpane.html loads from Microsoft; the simulated host stands in for it. */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const PANE_PAGE = "taskpane.e2e.html";
export const PANE_VIEWPORT = { width: 320, height: 800 };

/** Flags for Debian's Chromium in a container: headless, no sandbox, no GPU, nothing phoned home. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumInstalled(): boolean {
  try {
    fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const CHROMIUM_MISSING =
  `Chromium is not installed at ${CHROMIUM_PATH}. The browser tests drive Debian's Chromium: ` +
  "`apt-get update && apt-get install -y --no-install-recommends chromium` (CI does this in .ci/run), " +
  "or set CHROMIUM_PATH.";

/** The office.js <script> of the built taskpane.html (minified: its attribute may be unquoted). */
const OFFICE_JS_TAG =
  /<script src=["']?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js["']?><\/script>/;

/**
 * Builds the add-in with the simulated host into a new temporary directory and returns it: the
 * add-in's own build (`addinBuild`, copied, else built here in `mode`), then the simulated host
 * (test/e2e/webpack.e2e.config.js), and taskpane.e2e.html — the built taskpane.html loading
 * simulated-office.js where it loads office.js. `production` is what ships; development builds faster.
 */
export function buildWithSimulatedHost(
  mode: "production" | "development" = "production",
  addinBuild?: string
): string {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "budget-e2e-"));
  const config = path.join(ROOT, "test", "e2e", "webpack.e2e.config.js");
  try {
    if (addinBuild) fs.cpSync(addinBuild, outDir, { recursive: true });
    else runWebpack(["--mode", mode, "--output-path", outDir], `webpack --mode ${mode}`);
    runWebpack(
      ["--config", config, "--mode", mode, "--output-path", outDir],
      "webpack (test/e2e/webpack.e2e.config.js)"
    );
    const page = fs.readFileSync(path.join(outDir, "taskpane.html"), "utf8");
    if (!OFFICE_JS_TAG.test(page))
      throw new Error(
        "the built taskpane.html no longer loads office.js the way the e2e page expects"
      );
    // A classic (blocking) script, like office.js: it has run before the deferred bundles start.
    fs.writeFileSync(
      path.join(outDir, PANE_PAGE),
      page.replace(OFFICE_JS_TAG, '<script src="simulated-office.js"></script>')
    );
  } catch (error) {
    fs.rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  return outDir;
}

/** What a `securitypolicyviolation` event says: which directive refused what, and where. */
export interface CspViolation {
  directive: string;
  blocked: string;
  source: string;
  line: number;
  sample: string;
}

/**
 * Runs in every page before its own scripts: reports each CSP violation to the test through the
 * binding `__reportCspViolation`. The events bubble from the refused element up to the window.
 */
function reportCspViolations(): void {
  window.addEventListener("securitypolicyviolation", (event) => {
    const report = (window as unknown as { __reportCspViolation(v: CspViolation): void })
      .__reportCspViolation;
    report({
      directive: event.effectiveDirective,
      blocked: event.blockedURI,
      source: event.sourceFile,
      line: event.lineNumber,
      sample: event.sample,
    });
  });
}

export interface PaneSession {
  server: StaticServer;
  context: BrowserContext;
  page: Page;
  /** Requests to anywhere but the local server, aborted (office.js excepted: it is served locally). */
  blockedRequests: string[];
  /** How often the page asked for Microsoft's office.js (answered with simulated-office.js). */
  officeJsRequests: number;
  /** Uncaught exceptions and console errors of the page. */
  pageErrors: string[];
  /** Every Content-Security-Policy violation the page reported (`securitypolicyviolation`). */
  cspViolations: CspViolation[];
  close(): Promise<void>;
}

/**
 * Serves `outDir`, starts Chromium with a fresh profile and a 320×800 viewport (a task pane's size)
 * and opens a page whose every request is checked: the local server's are let through, office.js is
 * answered with the simulated host, anything else is aborted and recorded.
 */
export async function startPaneSession(
  outDir: string,
  options: { initScript?: string } = {}
): Promise<PaneSession> {
  const server = await serveDirectory(outDir);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "budget-e2e-chromium-"));
  let context: BrowserContext;
  try {
    // A persistent context is how playwright takes a user data directory (it rejects --user-data-dir).
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: PANE_VIEWPORT,
      deviceScaleFactor: 1,
      locale: "zh-CN",
      acceptDownloads: true,
      serviceWorkers: "block",
      // Starting Chromium on a loaded machine can take longer than playwright's 30 s.
      timeout: BROWSER_STEP_LIMIT_MS,
    });
  } catch (error) {
    await server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  const session: PaneSession = {
    server,
    context,
    page: undefined as unknown as Page,
    blockedRequests: [],
    officeJsRequests: 0,
    pageErrors: [],
    cspViolations: [],
    close: async () => {
      await context.close().catch(() => undefined);
      await server.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  // Every navigation, wait and action of the test: playwright's 30 s default is a speed target a
  // loaded machine misses (test/helpers/limits.js).
  context.setDefaultTimeout(BROWSER_STEP_LIMIT_MS);
  context.setDefaultNavigationTimeout(BROWSER_STEP_LIMIT_MS);
  try {
    await watchPages(session, outDir, options.initScript);
  } catch (error) {
    await session.close();
    throw error;
  }
  return session;
}

/** The request guard, the CSP reporter and the error log of startPaneSession. */
async function watchPages(
  session: PaneSession,
  outDir: string,
  initScript: string | undefined
): Promise<void> {
  const { context, server } = session;
  await context.exposeBinding("__reportCspViolation", (_source, violation: CspViolation) => {
    session.cspViolations.push(violation);
  });
  await context.addInitScript(reportCspViolations);
  const localOrigin = new URL(server.url).origin;
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_URL) {
      session.officeJsRequests++;
      await route.fulfill({
        status: 200,
        contentType: "text/javascript; charset=utf-8",
        body: fs.readFileSync(path.join(outDir, "simulated-office.js")),
      });
    } else if (new URL(url).origin === localOrigin) {
      await route.continue();
    } else {
      session.blockedRequests.push(url);
      await route.abort("blockedbyclient");
    }
  });
  if (initScript) await context.addInitScript(initScript);
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => session.pageErrors.push(`${error.name}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") session.pageErrors.push(`console.error: ${message.text()}`);
  });
  session.page = page;
}

const IN_CI = Boolean(process.env.CI) && process.env.CI !== "false" && process.env.CI !== "0";

/**
 * `describe` for a suite that needs Chromium: without it the suite fails under CI and is skipped,
 * loudly, elsewhere.
 */
export function describeInBrowser(name: string, body: () => void): void {
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
