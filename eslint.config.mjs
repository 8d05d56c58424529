// ESLint flat config, used by `npm run lint` (office-addin-lint picks up ./eslint.config.mjs).
// Base: the Office add-in rules (Office.js load/sync mistakes, prettier) with React support; on top,
// a fence around src/core, which must stay pure TypeScript so that Excel, the CLI and the tests
// all run the same engine.
import { builtinModules } from "node:module";
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
              message: "src/core must not depend on the hosts that use it.",
            },
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
];
