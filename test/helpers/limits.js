/*
 * The suite's time limits, in one place (jest.config.js, test/setup/limits.ts and the tests that
 * build or drive a browser read them from here).
 *
 * They guard against hangs; they are not speed targets. The suite runs on small shared machines
 * (2 cores and a load of 10 or more from other builds is normal) where a step that takes a second
 * on a quiet machine takes a minute, so every limit is far beyond what the step takes there. How
 * fast things are is measured by `npm run bench`, never asserted by a test.
 */
"use strict";

const MINUTE = 60_000;

module.exports = {
  /** One test, or one beforeAll/afterAll hook (jest's `testTimeout`; its default is 5 s). */
  TEST_LIMIT_MS: 5 * MINUTE,
  /**
   * One Testing Library wait (`findBy…`, `waitFor`; its default is 1 s). Shorter than a test, so
   * that a wait that never ends fails with what it was waiting for rather than jest's bare timeout.
   */
  ASYNC_UTIL_LIMIT_MS: 2 * MINUTE,
  /** One Playwright step: launching Chromium, a navigation, a `waitFor` (its default is 30 s). */
  BROWSER_STEP_LIMIT_MS: 2 * MINUTE,
  /**
   * A build run as a child process (webpack, tsc), which the test waits for synchronously: jest
   * cannot interrupt it, so the child is killed at this limit instead, and the hook that runs it
   * has a little more (BUILD_HOOK_LIMIT_MS).
   */
  BUILD_LIMIT_MS: 15 * MINUTE,
  BUILD_HOOK_LIMIT_MS: 16 * MINUTE,
  /** One run of the built command line as a child process. */
  CLI_RUN_LIMIT_MS: 3 * MINUTE,
};
