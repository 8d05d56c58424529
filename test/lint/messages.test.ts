/*
 * Every sentence a clerk reads from a rule lives in src/core/messages (issue 10), and amounts in
 * those sentences are written one way, by formatAmount (issue 16 §3). Guarded here rather than by
 * good intentions:
 * - no string or template literal in src/core/rules/** holds Chinese, except a literal that is
 *   exactly one term of the engine's vocabulary below (a table kind, a fund source, a unit…): those
 *   are identifiers the readers return and the rules compare with, not text for the clerk. Caption
 *   patterns (/基本支出/, /^合计$/) are regular expressions, which recognise what a table says and
 *   are not literals of this kind (nor is the String.raw source of a RegExp); they stay beside the
 *   rule that uses them.
 * - no `toFixed(` inside a template literal or a string concatenation in the code that writes
 *   clerk-facing text (rules, messages, the figures' and 情况说明 check's findings, the pane's
 *   changed figures): amounts go through formatAmount/formatPercent. A
 *   `toFixed(2)` that fills a finding's expected/actual is a value, not text, and is allowed.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { TABLE_KINDS } from "../../src/core/read/tableKinds";
import { FUND_SOURCES } from "../../src/core/model";

const ROOT = path.resolve(__dirname, "..", "..");
const RULES = path.join(ROOT, "src", "core", "rules");
const MESSAGES = path.join(ROOT, "src", "core", "messages");

/** Terms the rules match and compare, not sentences: the one narrow exception. */
const VOCABULARY = new Set<string>([
  // Table kinds (read/tableKinds.ts): what readWorkbook calls each table.
  ...TABLE_KINDS.map((spec) => spec.kind),
  // Fund sources and their two composites (model.ts FundSource), as the income tables name them.
  ...FUND_SOURCES,
  "财政拨款",
  // Unit nature (model.ts UnitNature) and amount units (read/table.ts).
  "行政",
  "事业",
  "参公",
  "元",
  "千元",
  "万元",
  "亿元",
  // The sheet that holds the 情况说明 (rules/narrative), found by its name.
  "情况说明",
  // 项目绩效目标表 terms (read/goals.ts): the 实施期 indicators, and the subject and period of a unit
  // cost (每人每年…; a 生 is counted as a 人).
  "实施期",
  "每年",
  "人",
  "生",
]);

const CHINESE = /[\u3400-\u9fff]/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function parse(file: string, text = fs.readFileSync(file, "utf8")): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
}

function where(source: ts.SourceFile, node: ts.Node): string {
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  return `${path.relative(ROOT, source.fileName)}:${line + 1}`;
}

/** Literals with Chinese in them that are not one vocabulary term. */
export function chineseLiterals(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (CHINESE.test(node.text) && !VOCABULARY.has(node.text))
        found.push(`${where(source, node)} ${JSON.stringify(node.text)}`);
    } else if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === "String.raw") {
      // The source of a regular expression (rules/goals/budgetText.ts): recognition, not text.
      return;
    } else if (ts.isTemplateExpression(node)) {
      const pieces = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
      if (pieces.some((piece) => CHINESE.test(piece)))
        found.push(`${where(source, node)} \`${pieces.join("${…}")}\``);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `x.toFixed(…)` written into text: inside a template literal or a concatenation with a string. */
export function toFixedInText(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const inText = (node: ts.Node): boolean => {
    for (let up = node.parent; up && !ts.isStatement(up); up = up.parent) {
      if (ts.isTemplateSpan(up)) return true;
      if (
        ts.isBinaryExpression(up) &&
        up.operatorToken.kind === ts.SyntaxKind.PlusToken &&
        [up.left, up.right].some(
          (side) => ts.isStringLiteralLike(side) || ts.isTemplateExpression(side)
        )
      )
        return true;
      if (ts.isCallExpression(up) || ts.isPropertyAssignment(up)) return false;
    }
    return false;
  };
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === "toFixed" &&
      inText(node)
    )
      found.push(`${where(source, node)} ${node.getText(source)}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("clerk-facing texts live in src/core/messages", () => {
  test("the checks see what they look for", () => {
    const sample = parse(
      "sample.ts",
      [
        'const kind = "支出总表";',
        "const pattern = /合计|小计/;",
        "const sentence = `科目 ${code} 不在目录中`;",
        'const word = "舍入差异：";',
        "const source = String.raw`(?:预算数|预算金额)\\s*`;",
        "const text = `为 ${value.toFixed(2)}`;",
        'const joined = "为 " + value.toFixed(2);',
        "const finding = { expected: value.toFixed(2) };",
      ].join("\n")
    );
    expect(chineseLiterals(sample)).toEqual([
      "sample.ts:3 `科目 ${…} 不在目录中`",
      'sample.ts:4 "舍入差异："',
      "sample.ts:6 `为 ${…}`",
      'sample.ts:7 "为 "',
    ]);
    expect(toFixedInText(sample)).toEqual([
      "sample.ts:6 value.toFixed(2)",
      "sample.ts:7 value.toFixed(2)",
    ]);
  });

  test("no Chinese sentence in src/core/rules", () => {
    const files = sourceFiles(RULES);
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((file) => chineseLiterals(parse(file)))).toEqual([]);
  });

  test("amounts in clerk-facing text go through formatAmount, not toFixed", () => {
    const files = [
      ...sourceFiles(RULES),
      ...sourceFiles(MESSAGES),
      path.join(ROOT, "src", "core", "format", "changeText.ts"),
      path.join(ROOT, "src", "core", "figures", "figuresFromModel.ts"),
      path.join(ROOT, "src", "core", "narrative", "check.ts"),
    ];
    expect(files.flatMap((file) => toFixedInText(parse(file)))).toEqual([]);
  });
});
