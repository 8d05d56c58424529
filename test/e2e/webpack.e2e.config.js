/*
 * Test-only build for the browser end-to-end test and `npm run bench -- taskpane`: the add-in's own
 * webpack.config.js, unchanged, plus
 *   - an entry `simulated-office` (test/e2e/simulatedHost): Office, Excel and CustomFunctions over an
 *     in-memory workbook that holds examples/tunliu-2024.xlsx, converted to Grids here, in Node, so
 *     the page has nothing to fetch or parse;
 *   - taskpane.e2e.html: taskpane.html with the office.js <script> replaced by simulated-office.js.
 * Build with `--output-path <dir>`; the bundles the add-in ships (taskpane.js, functions.js) come out
 * exactly as in a production build.
 */
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { DefinePlugin } = require("webpack");
const addinConfig = require("../../webpack.config.js");

const ROOT = path.resolve(__dirname, "..", "..");
const OFFICE_JS_TAG =
  /<script src="https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"><\/script>/;
const FIXTURE = { name: "tunliu-2024", file: path.join(ROOT, "examples", "tunliu-2024.xlsx") };

/** The fixture's Grids as the exceljs host reads them (src/io/readXlsx, run through ts-node). */
async function fixtureGrids() {
  require("ts-node").register({
    transpileOnly: true,
    compilerOptions: { module: "commonjs", moduleResolution: "node" },
  });
  const { gridsFromXlsx } = require(path.join(ROOT, "src", "io", "readXlsx.ts"));
  return gridsFromXlsx(fs.readFileSync(FIXTURE.file));
}

function e2ePage() {
  const html = fs.readFileSync(path.join(ROOT, "src", "taskpane", "taskpane.html"), "utf8");
  if (!OFFICE_JS_TAG.test(html)) {
    throw new Error(
      "src/taskpane/taskpane.html no longer loads office.js the way this config expects"
    );
  }
  // A classic (blocking) script, like office.js: it has run before the deferred bundles start.
  return html.replace(OFFICE_JS_TAG, '<script src="simulated-office.js"></script>');
}

module.exports = async (env = {}, options = {}) => {
  const config = await addinConfig(env, options);
  const grids = await fixtureGrids();
  return {
    ...config,
    context: ROOT,
    entry: { ...config.entry, "simulated-office": "./test/e2e/simulatedHost/index.ts" },
    plugins: [
      ...config.plugins,
      new DefinePlugin({
        __E2E_FIXTURE__: JSON.stringify({ name: FIXTURE.name, grids }),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.e2e.html",
        templateContent: e2ePage(),
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
    ],
  };
};
