// Lets `node -r ./bench/register.cjs bench/run.ts` run the TypeScript benchmarks directly.
// The project's tsconfig emits ES modules for webpack; Node loads these files as CommonJS, so
// the benchmarks are transpiled to CommonJS here (as jest.config.js does for the tests). No type
// checking at run time: `npm run typecheck` covers bench/ as well.
require("ts-node").register({
  transpileOnly: true,
  compilerOptions: { module: "commonjs", moduleResolution: "node" },
});
