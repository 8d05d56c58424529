/*
 * The HTML report keeps each message's wording once and the numbers with the finding
 * (src/cli/review/messageShapes.ts); the page puts them back together with expandMessage. These
 * tests prove nothing is lost on the way: every message comes back character for character, over
 * the examples really checked and a thousand departments whose amounts all differ.
 */
import type { FileResult } from "../../../src/cli/checkFile";
import { checkFile } from "../../../src/cli/checkFile";
import type { ReportAbout } from "../../../src/cli/review/about";
import { clientData } from "../../../src/cli/review/html";
import { expandMessage } from "../../../src/cli/review/htmlClient";
import { messageShapes } from "../../../src/cli/review/messageShapes";
import { departmentsOf, isRoundingNote } from "../../../src/cli/review/model";
import { relatedText } from "../../../src/cli/report";
import { QUYANG, TUNLIU } from "../helpers";

const ABOUT: ReportAbout = {
  generatedAt: new Date(2025, 2, 7, 14, 5),
  toolVersion: "9.8.7",
  rules: { count: 43, fingerprint: "0123abcd" },
};

function roundTrip(messages: string[]): { back: string[]; shapes: string[][] } {
  const table = messageShapes(messages);
  const compact = messages.map((m) => table.compact(m));
  return { back: compact.map((c) => expandMessage(table.shapes, c)), shapes: table.shapes };
}

test("messages come back exactly, whatever sits next to their numbers", () => {
  const messages = [
    "“合计”行的“基本支出”为 286.49，各项相加为 286.48，相差 0.01。（另见 D7、D13 等 5 处）",
    "“合计”行的“基本支出”为 1,286.49，各项相加为 1,286.48，相差 -0.01。（另见 D17、D23 等 12 处）",
    "2024年合计为 3,661.69",
    "2025年合计为 0",
    "12",
    "7",
    "支出总表!E8与收入总表!C7不一致",
    "支出总表!E8与收入总表!C7不一致",
    "部门名称为空",
    "部门名称为空",
    "",
    "",
    "1.2.3 与 4,5 相邻:6 7",
    "1.2.3 与 4,5 相邻:6 7",
    "只出现一次的 3 句",
  ];
  const { back } = roundTrip(messages);
  expect(back).toEqual(messages);
});

test("a wording shared by several messages is kept once; one no other message has stays as text", () => {
  const messages = ["甲为 1，乙为 2", "甲为 30，乙为 40", "甲为 500，乙为 600", "丙为 7"];
  const table = messageShapes(messages);
  const compact = messages.map((m) => table.compact(m));
  expect(table.shapes).toEqual([["甲为 ", "，乙为 ", ""]]);
  expect(compact).toEqual([[0, "1 2"], [0, "30 40"], [0, "500 600"], "丙为 7"]);
  // A repeated message without numbers is its shape's index.
  const plain = messageShapes(["部门名称为空", "部门名称为空"]);
  expect(plain.compact("部门名称为空")).toBe(0);
  expect(plain.shapes).toEqual([["部门名称为空"]]);
});

describe("a bureau's report over the examples", () => {
  let results: FileResult[];

  beforeAll(async () => {
    const examples = [await checkFile(TUNLIU), await checkFile(QUYANG)];
    // Three hundred departments: each example's findings with every number shifted by the
    // department's position, so that wordings repeat while the amounts and cells all differ.
    results = Array.from({ length: 300 }, (_, i): FileResult => {
      const source = examples[i % examples.length];
      return {
        ...source,
        file: `收到/${i}.xlsx`,
        department: `第${i}局`,
        findings: source.findings.map((f) => ({
          ...f,
          message: f.message.replace(/\d+/g, (n) => String(Number(n) + i)),
        })),
      };
    });
    expect(examples.map((r) => r.findings.length).every((n) => n > 0)).toBe(true);
  });

  test("every finding in the page's data is the input's: place, message, amounts, rule", () => {
    const departments = departmentsOf(results);
    const data = clientData(departments, ABOUT);
    // The wordings are shared, not copied per department.
    expect(data.shapes.length).toBeGreaterThan(0);
    expect(data.shapes.length).toBeLessThan(
      results[0].findings.length + results[1].findings.length
    );
    const SEVERITY = ["error", "warning", "info"];
    departments.forEach((d, i) => {
      const shown = data.departments[i].findings.map(
        ([severity, sheet, cell, message, expected, actual, rule, rounding]) => ({
          severity: SEVERITY[severity],
          sheet: sheet < 0 ? undefined : data.strings[sheet],
          cell,
          message: expandMessage(data.shapes, message),
          expected,
          actual,
          rule: data.strings[rule],
          rounding: rounding === 1,
        })
      );
      expect(shown).toEqual(
        d.findings.map((f) => ({
          severity: f.severity,
          sheet: f.sheet,
          cell: f.cell ?? "",
          message: f.message + relatedText(f),
          expected: f.expected ?? "",
          actual: f.actual ?? "",
          rule: f.ruleId,
          rounding: isRoundingNote(f),
        }))
      );
    });
  });
});
