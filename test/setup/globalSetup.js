/*
 * Once per jest run, before any test: a directory the run's tests share (the production build of
 * test/helpers/productionBuild.ts), named in BUDGET_TEST_RUN_DIR, which the test workers inherit.
 * Nothing is built here, so a run of a few unit tests costs nothing more.
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

module.exports = async () => {
  process.env.BUDGET_TEST_RUN_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "budget-test-run-"));
};
