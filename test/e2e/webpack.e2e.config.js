/*
 * The test-only part of the end-to-end build (test/e2e/browser.ts, buildWithSimulatedHost): built
 * into a directory that already holds the add-in's own build (webpack.config.js, unchanged), it adds
 *   - simulated-office.js (test/e2e/simulatedHost): Office, Excel and CustomFunctions over an
 *     in-memory workbook that holds examples/tunliu-2024.xlsx, converted to Grids here, in Node, so
 *     the page has nothing to fetch or parse.
 * browser.ts then writes taskpane.e2e.html: the built taskpane.html, its office.js <script> replaced
 * by simulated-office.js. The bundles the add-in ships (taskpane.js, functions.js) and the page, its
 * Content-Security-Policy included, are exactly those of a production build.
 * Build with `--output-path <dir>`; the directory is not cleaned.
 */
const fs = require("fs");
const path = require("path");
const { DefinePlugin } = require("webpack");
const addinConfig = require("../../webpack.config.js");

const ROOT = path.resolve(__dirname, "..", "..");
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

module.exports = async (env = {}, options = {}) => {
  const config = await addinConfig(env, options);
  const grids = await fixtureGrids();
  return {
    // The add-in's resolution, loaders and source maps, but none of its entries or plugins.
    devtool: config.devtool,
    resolve: config.resolve,
    module: config.module,
    context: ROOT,
    entry: { "simulated-office": "./test/e2e/simulatedHost/index.ts" },
    output: { ...config.output, clean: false },
    plugins: [
      new DefinePlugin({
        __E2E_FIXTURE__: JSON.stringify({ name: FIXTURE.name, grids }),
      }),
    ],
  };
};
