/*
 * The shape of the code, guarded in `npm test` rather than by good intentions (DESIGN.md, "Layout"):
 * - ESLint passes on src/ with the repository's config: src/core stays pure and free of render/,
 *   io/ and the hosts, render/ and io/ stay free of the hosts, nothing in src/ uses test code, and
 *   import-x/no-cycle finds no cycle of value imports;
 * - and no cycle either once type-only imports count (import-x/no-cycle skips them, but a type that
 *   lives in the wrong module is what tied 14 files of src/core into one knot).
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..", "..");
const SRC = path.join(ROOT, "src");

interface LintMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
}
interface LintResult {
  filePath: string;
  messages: LintMessage[];
}

/** ESLint's own CLI in a child process: the flat config is an ES module, which jest cannot load. */
function eslintSrc(): Promise<LintResult[]> {
  const cli = path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js");
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, "--format", "json", "src"],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // Exit code 1 means "lint errors found", with the JSON report on stdout; 2 is a crash.
        if (error && error.code !== 1)
          reject(new Error(`eslint failed: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout) as LintResult[]);
      }
    );
  });
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [".ts", ".tsx", "/index.ts", "/index.tsx"].map((ext) => base + ext);
  return candidates.find((file) => fs.existsSync(file));
}

/** Every relative import and re-export of every file in src/, type-only ones included. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
    const targets = new Set<string>();
    for (const statement of source.statements) {
      const specifier =
        (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
        statement.moduleSpecifier &&
        ts.isStringLiteral(statement.moduleSpecifier)
          ? statement.moduleSpecifier.text
          : undefined;
      const target = specifier === undefined ? undefined : resolveImport(file, specifier);
      if (target) targets.add(target);
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

/** The strongly connected components of more than one file (Tarjan), i.e. the import cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter);
    counter++;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

// ESLint over all of src/ takes a while on a busy machine; this is a budget, not an assertion.
const LINT_BUDGET_MS = 10 * 60 * 1000;

describe("the shape of src/", () => {
  test(
    "ESLint finds no error in src/ (purity fences, no value import cycles)",
    async () => {
      const results = await eslintSrc();
      expect(results.length).toBeGreaterThan(100);
      const errors = results.flatMap((result) =>
        result.messages
          .filter((message) => message.severity === 2)
          .map(
            (message) =>
              `${path.relative(ROOT, result.filePath)}:${message.line} ${message.ruleId}: ${message.message}`
          )
      );
      expect(errors).toEqual([]);
    },
    LINT_BUDGET_MS
  );

  test("no import cycle in src/, counting type-only imports", () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(100);
    // The checker itself sees a cycle when there is one.
    expect(
      cycles(
        new Map([
          ["a", ["b"]],
          ["b", ["c"]],
          ["c", ["a"]],
          ["d", ["a"]],
        ])
      )
    ).toEqual([["a", "b", "c"]]);
    expect(cycles(graph).map((cycle) => cycle.map((file) => path.relative(ROOT, file)))).toEqual(
      []
    );
  });
});
