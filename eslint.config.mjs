// ESLint flat config, used by `npm run lint` (office-addin-lint picks up ./eslint.config.mjs) and by
// test/lint/lint.test.ts, which makes `npm test` fail on any error in src/.
// Base: the Office add-in rules (Office.js load/sync mistakes, prettier) with React support; on top,
// the shape of the code (see DESIGN.md): a fence around src/core, which must stay pure TypeScript so
// that Excel, the CLI and the tests all run the same engine; fences around the renderers and file
// readers; and no import cycles anywhere in src/.
import { builtinModules } from "node:module";
import importX from "eslint-plugin-import-x";
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

const TYPESCRIPT_AND_JAVASCRIPT = ["**/*.{js,mjs,cjs,ts,cts,mts}"];

// The plugin's configs stop at *.ts; its rules are just as useful in the React *.tsx files.
const officeAddinsWithTsx = officeAddins.configs.react.map((config) =>
  config.files && config.files.join() === TYPESCRIPT_AND_JAVASCRIPT.join()
    ? { ...config, files: [...config.files, "**/*.tsx"] }
    : config
);

// The Office.js rules (load before read, sync before read…) recognise Office.js by method names such
// as getCell, which exceljs shares; run them only where Office.js is actually used.
const OFFICE_JS_CODE = ["src/taskpane/**", "src/functions/**"];
const officeJsRulesOff = Object.fromEntries(
  Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, "off"])
);

const CORE_IS_PURE =
  "src/core is pure TypeScript (no Office.js, DOM, React, Node or file formats): " +
  "pass data in as Grids and return Findings/SheetSpecs; hosts do the I/O.";

const HOST_ONLY_MODULES = ["react", "react-dom", "exceljs", "office-js", "@microsoft/office-js"];

// Test doubles (test/support: the in-memory Excel) are for tests and the e2e host, never the add-in.
const NO_TEST_CODE = { group: ["**/test/**"], message: "src/ must not depend on test code." };

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-results/**"] },
  ...officeAddinsWithTsx,
  {
    // The plugin names its parser through a CommonJS default import that resolves to nothing, and
    // pins ecmaVersion 6; without this, ESLint falls back to espree and cannot parse TypeScript.
    languageOptions: { parser: tseslint.parser, ecmaVersion: "latest", sourceType: "module" },
    settings: { react: { version: "detect" } },
    rules: {
      // The automatic JSX runtime (tsconfig "jsx": "react-jsx") needs no React in scope.
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
    },
  },
  { ignores: OFFICE_JS_CODE, rules: officeJsRulesOff },
  {
    files: ["**/*.{ts,tsx,cts,mts}"],
    rules: {
      // TypeScript already reports undefined names (it knows the ambient Office/Node/Jest types) and
      // redeclarations; these core rules misfire on TS, e.g. a const and a type sharing one name.
      "no-undef": "off",
      "no-redeclare": "off",
    },
  },
  {
    // Every .js file here is a Node script or config in CommonJS; the add-in itself is TypeScript.
    files: ["**/*.{js,cjs}"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
      },
    },
  },
  {
    files: ["src/core/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [...builtinModules, ...HOST_ONLY_MODULES].map((name) => ({
            name,
            message: CORE_IS_PURE,
          })),
          patterns: [
            {
              group: [
                "node:*",
                "react/*",
                "react-dom/*",
                "@fluentui/*",
                "exceljs/*",
                "office-*",
                "@microsoft/office-js/*",
                "@types/*",
              ],
              message: CORE_IS_PURE,
            },
            {
              group: ["**/taskpane/**", "**/functions/**", "**/render/**", "**/io/**", "**/cli/**"],
              message:
                "src/core must not depend on the hosts that use it, nor on the renderers and file " +
                "readers (src/render, src/io): they take SheetSpecs and give Grids.",
            },
            NO_TEST_CODE,
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...[
          "Office",
          "Excel",
          "OfficeExtension",
          "CustomFunctions",
          "window",
          "document",
          "navigator",
          "localStorage",
          "sessionStorage",
          "fetch",
          "XMLHttpRequest",
          "process",
          "require",
          "module",
          "__dirname",
          "__filename",
          "Buffer",
        ].map((name) => ({ name, message: CORE_IS_PURE })),
      ],
      // Type positions too (no-restricted-globals only sees values): Excel.Range in core would tie
      // the engine's API to Office.js.
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "TSQualifiedName > Identifier[name=/^(Office|Excel|OfficeExtension|CustomFunctions)$/]",
          message: CORE_IS_PURE,
        },
      ],
    },
  },
  {
    // The renderers (SheetSpec → xlsx, docx, the Office.js look) and the file readers (files → Grid)
    // serve every host, so they must not reach into one.
    files: ["src/render/**/*.{ts,tsx}", "src/io/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/taskpane/**", "**/functions/**", "**/cli/**"],
              message: "src/render and src/io serve every host; they must not depend on one.",
            },
            NO_TEST_CODE,
          ],
        },
      ],
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}", "src/functions/**/*.{ts,tsx}", "src/cli/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [NO_TEST_CODE] }] },
  },
  {
    // No import cycles in src/: modules are layered bottom-up, from core/model.ts (imports nothing)
    // to core/check, then render/, io/ and the hosts (DESIGN.md, "Layout"). A cycle means a word
    // lives in the wrong module: move it down. Type-only imports count too.
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      // Without the extensions, import-x parses only .js dependencies and finds no cycle at all.
      "import-x/extensions": [".ts", ".tsx", ".js"],
      "import-x/resolver-next": [
        importX.createNodeResolver({ extensions: [".ts", ".tsx", ".js"] }),
      ],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
];
