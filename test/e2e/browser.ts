/*
 * What the end-to-end test and `npm run bench -- taskpane` share: the test-only build (the add-in plus
 * the simulated Excel host), Debian's Chromium driven by playwright-core, and a network guard that lets
 * the page reach the local server only.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium } from "playwright-core";
import type { BrowserContext, Page } from "playwright-core";
import { serveDirectory } from "./server";
import type { StaticServer } from "./server";

export const ROOT = path.resolve(__dirname, "..", "..");
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

/**
 * Builds the add-in with the simulated host (test/e2e/webpack.e2e.config.js) into a new temporary
 * directory and returns it. `production` is what ships; development builds faster.
 */
export function buildWithSimulatedHost(mode: "production" | "development" = "production"): string {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "budget-e2e-"));
  const webpackCli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const config = path.join(ROOT, "test", "e2e", "webpack.e2e.config.js");
  try {
    execFileSync(
      process.execPath,
      [webpackCli, "--config", config, "--mode", mode, "--output-path", outDir],
      {
        cwd: ROOT,
        // The manifest's URLs do not matter here; setting one keeps the build from warning about it.
        env: { ...process.env, ADDIN_PUBLIC_URL: "https://budget.example.gov.cn/addin/" },
        stdio: "pipe",
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      }
    );
  } catch (error) {
    fs.rmSync(outDir, { recursive: true, force: true });
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `webpack (test/e2e/webpack.e2e.config.js) failed:\n${stdout ?? ""}\n${stderr ?? ""}`
    );
  }
  return outDir;
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
    close: async () => {
      await context.close().catch(() => undefined);
      await server.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
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
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => session.pageErrors.push(`${error.name}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") session.pageErrors.push(`console.error: ${message.text()}`);
  });
  session.page = page;
  return session;
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
