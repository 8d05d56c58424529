/* Removes the run's shared directory (test/setup/globalSetup.js). */
"use strict";
const fs = require("fs");

module.exports = async () => {
  const dir = process.env.BUDGET_TEST_RUN_DIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
};
