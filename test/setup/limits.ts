/**
 * Testing Library's waits get the suite's limit (test/helpers/limits.js) instead of their 1 s
 * default, which a loaded machine exceeds while the pane is still checking the workbook. Only the
 * jsdom tests use Testing Library, so the node tests do not load it.
 */
import { ASYNC_UTIL_LIMIT_MS } from "../helpers/limits";

/* global window */

if (typeof window !== "undefined") {
  const { configure } = require("@testing-library/dom") as typeof import("@testing-library/dom");
  configure({ asyncUtilTimeout: ASYNC_UTIL_LIMIT_MS });
}
