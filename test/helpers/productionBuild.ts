/*
 * The add-in's production build (`webpack --mode production` over webpack.config.js), made once per
 * jest run and shared by the tests that need one: test/build checks it, test/e2e serves it. It is
 * the suite's most expensive step, and on a small machine two of them were minutes of the run.
 *
 * The run's shared directory comes from test/setup/globalSetup.js (BUDGET_TEST_RUN_DIR), which
 * globalTeardown removes. The first test to ask builds into it while holding a lock (a directory,
 * made atomically); the others, in this worker or another, wait for it and read the same files.
 * Tests must not change what they get: it is the same directory for all of them.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { BUILD_LIMIT_MS } from "./limits";

export const ROOT = path.resolve(__dirname, "..", "..");
/** Where the build's manifest points (ADDIN_PUBLIC_URL); set, so that the build does not warn. */
export const PUBLIC_URL = "https://budget.example.gov.cn/addin/";
export const RUN_DIR_VARIABLE = "BUDGET_TEST_RUN_DIR";

/**
 * Runs webpack-cli with `args` (node + the script rather than npx: the same on every platform, and
 * no npx start-up). Synchronous, so jest cannot interrupt it: a build that hangs is killed at
 * BUILD_LIMIT_MS instead. `what` names the build in the error.
 */
export function runWebpack(args: readonly string[], what: string): void {
  const webpackCli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  try {
    execFileSync(process.execPath, [webpackCli, ...args], {
      cwd: ROOT,
      env: { ...process.env, ADDIN_PUBLIC_URL: PUBLIC_URL },
      stdio: "pipe",
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      timeout: BUILD_LIMIT_MS,
    });
  } catch (error) {
    const { stdout, stderr, message } = error as {
      stdout?: string;
      stderr?: string;
      message: string;
    };
    throw new Error(`${what} failed: ${message}\n${stdout ?? ""}\n${stderr ?? ""}`);
  }
}

/**
 * The webpack stats (the chunk graph) of this run's production build, written beside it: which
 * chunks each entry and each dynamic import loads. Call after productionBuild().
 */
export function productionBuildStatsFile(): string {
  const runDir = process.env[RUN_DIR_VARIABLE];
  if (!runDir) throw new Error(`${RUN_DIR_VARIABLE} is not set`);
  return path.join(runDir, "production-stats.json");
}

/** The directory of this run's production build, built by the first caller. Do not modify it. */
export async function productionBuild(): Promise<string> {
  const runDir = process.env[RUN_DIR_VARIABLE];
  if (!runDir)
    throw new Error(
      `${RUN_DIR_VARIABLE} is not set: run the tests through jest, whose globalSetup (test/setup/globalSetup.js) sets it`
    );
  const outDir = path.join(runDir, "production");
  const done = path.join(runDir, "production.done");
  const failed = path.join(runDir, "production.failed");
  const lock = path.join(runDir, "production.lock");
  const deadline = Date.now() + BUILD_LIMIT_MS + 60_000;
  for (;;) {
    if (fs.existsSync(done)) return outDir;
    if (fs.existsSync(failed)) throw new Error(fs.readFileSync(failed, "utf8"));
    let mine = false;
    try {
      fs.mkdirSync(lock);
      mine = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (mine) {
      try {
        runWebpack(
          ["--mode", "production", "--output-path", outDir, "--json", productionBuildStatsFile()],
          "webpack --mode production"
        );
        fs.writeFileSync(done, "");
        return outDir;
      } catch (error) {
        fs.writeFileSync(failed, (error as Error).message);
        throw error;
      }
    }
    if (Date.now() > deadline)
      throw new Error(`the shared production build in ${outDir} did not finish in time`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
