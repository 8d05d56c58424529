/*
 * Provinces are data (src/core/templates/, registry.ts): outside templates/ no code names a
 * province by its id. A string literal or template text holding an id, or a property named by one
 * (`TEMPLATES.hebei`), is how a province-specific branch creeps back in; this test finds them.
 * Comments are not code and are not looked at.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { PROVINCE_IDS } from "../../src/core/templates/ids";

const ROOT = path.resolve(__dirname, "..", "..");
const SRC = path.join(ROOT, "src");
const TEMPLATES_DIR = path.join(SRC, "core", "templates");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === TEMPLATES_DIR ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** An id as a word of its own: `hebei`, `<hebei|shanxi>`, not `hebeiLike`. */
const ID_WORD = new RegExp(`(?<![A-Za-z0-9_])(${PROVINCE_IDS.join("|")})(?![A-Za-z0-9_])`);

/** `line: text` of every literal or property name in `text` that names a province id. */
export function provinceIdUses(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const report = (node: ts.Node, what: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${line + 1}: ${what}`);
  };
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      if (ID_WORD.test(node.text)) report(node, JSON.stringify(node.text));
    } else if (
      (ts.isPropertyAccessExpression(node) || ts.isPropertyAssignment(node)) &&
      ts.isIdentifier(node.name) &&
      (PROVINCE_IDS as readonly string[]).includes(node.name.text)
    ) {
      report(node, `property ${node.name.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("province ids outside src/core/templates/", () => {
  test("the scanner finds ids in literals, template texts and property names, not in comments", () => {
    const [a, b] = PROVINCE_IDS;
    const sample = [
      `// ${a} in a comment is fine`,
      `const x = t === "${a}";`,
      `const help = \`<${a}|${b}>\`;`,
      `const y = TEMPLATES.${b};`,
      `const z = { ${a}: 1 };`,
      `const w = "${a}Like";`,
    ].join("\n");
    expect(provinceIdUses("sample.ts", sample)).toEqual([
      `2: "${a}"`,
      `3: "<${a}|${b}>"`,
      `4: property ${b}`,
      `5: property ${a}`,
    ]);
  });

  test("no file in src/ outside templates/ names a province by its id", () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(100);
    const uses = files.flatMap((file) =>
      provinceIdUses(file, fs.readFileSync(file, "utf8")).map(
        (use) => `${path.relative(ROOT, file)}:${use}`
      )
    );
    expect(uses).toEqual([]);
  });
});
