#!/usr/bin/env node
// The CLI is TypeScript compiled to CommonJS in dist-cli/ (npm run build:cli).
"use strict";
const path = require("path");
const fs = require("fs");

const main = path.join(__dirname, "..", "dist-cli", "cli", "main.js");
if (!fs.existsSync(main)) {
  process.stderr.write(
    "budget-disclosure: 尚未编译，请先运行 npm run build:cli（not built yet: run npm run build:cli）\n"
  );
  process.exitCode = 2;
} else {
  require(main).runCli();
}
