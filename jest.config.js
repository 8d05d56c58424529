/*
 * Time limits. A test may fail because the behaviour is wrong, never because the machine is slow:
 * the suite runs on small shared machines (2 cores, several builds at once), where a step that takes
 * a second here can take a minute. The limits below only turn a hang into a failure with a message;
 * they are not speed targets (speed is measured by `npm run bench`). They are set here, once, and
 * tests do not set their own, but for the hooks that build with webpack or tsc
 * (see test/helpers/limits.js).
 */
const { TEST_LIMIT_MS } = require("./test/helpers/limits.js");

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // Every test and every beforeAll/afterAll hook, unless it says otherwise (jest's default is 5 s).
  testTimeout: TEST_LIMIT_MS,
  // Testing Library's waits (findBy…, waitFor), whose default is 1 s, in the jsdom tests.
  setupFilesAfterEnv: ["<rootDir>/test/setup/limits.ts"],
  // A directory the run's tests share: the production build is made once (test/helpers/productionBuild.ts).
  globalSetup: "<rootDir>/test/setup/globalSetup.js",
  globalTeardown: "<rootDir>/test/setup/globalTeardown.js",
  transform: {
    // The app emits ES modules for webpack; jest runs CommonJS, so tests override the module kind.
    "^.+\\.tsx?$": [
      "ts-jest",
      { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx" } },
    ],
  },
  // The HTML report inlines this function's source into the page (reportClient.toString()):
  // coverage counters in it would be undefined there.
  coveragePathIgnorePatterns: ["/node_modules/", "<rootDir>/src/cli/review/htmlClient.ts"],
  moduleNameMapper: {
    // office-addin-mock imports office-addin-manifest, whose dependencies are ESM-only under jest.
    "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js",
  },
};
