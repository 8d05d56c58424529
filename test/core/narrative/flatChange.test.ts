/*
 * 持平 in a 情况说明: a change of exactly 0.00. A 类 stated as 持平 is part of the list of 类 changes
 * that must add up to the total change, and a 持平 for figures that did change is wrong.
 */
import type { Finding } from "../../../src/core/finding";
import { Money } from "../../../src/core/money";
import { checkNarrative, emptyFacts, paragraphsFromText } from "../../../src/core/narrative/check";
import type { NarrativeFacts } from "../../../src/core/narrative/check";
import { extractStatements } from "../../../src/core/narrative/extract";
import type { SubjectId } from "../../../src/core/narrative/extract";
import type { LastYearFigures } from "../../../src/core/narrative/types";

const m = (value: string) => new Money(value);

/**
 * This year's tables, by hand: three 类 with an amount — 201 一般公共服务支出 112.30, 206 科学技术支出
 * 40.62, 208 社会保障和就业支出 45.00 — and 支出总计 197.92 (= 112.30 + 40.62 + 45.00).
 */
function tables(): NarrativeFacts {
  const facts = emptyFacts();
  const put = (subject: SubjectId, value: string, label: string) =>
    facts.figures.set(subject, [{ value: m(value), label }]);
  put("expenditureTotal", "197.92", "支出总表 合计");
  put("class:201", "112.30", "支出总表“一般公共服务支出”合计");
  put("class:206", "40.62", "支出总表“科学技术支出”合计");
  put("class:208", "45.00", "支出总表“社会保障和就业支出”合计");
  for (const code of ["201", "206", "208"]) facts.classes.add(code);
  return facts;
}

/** Last year by 类: 100.00, 40.62 (so 206 is 持平), 50.00 — in all 190.62. */
const LAST_YEAR: LastYearFigures = {
  "class:201": m("100.00"),
  "class:206": m("40.62"),
  "class:208": m("50.00"),
};

/**
 * By hand: 112.30 − 100.00 = +12.30; 40.62 − 40.62 = 持平; 45.00 − 50.00 = −5.00; the 类 changes
 * add up to 12.30 + 0.00 − 5.00 = +7.30 = 197.92 − 190.62.
 */
const text = (totalChange: string, classes = "") =>
  [
    "一、收入支出预算总体情况",
    `2024年支出总计197.92万元，比上年${totalChange}。按支出功能分类：` +
      (classes ||
        "一般公共服务支出112.30万元，比上年增加12.30万元；" +
          "科学技术支出40.62万元，比上年持平；" +
          "社会保障和就业支出45.00万元，比上年减少5.00万元。"),
  ].join("\n");

const check = (
  body: string,
  lastYear: LastYearFigures = LAST_YEAR,
  facts: NarrativeFacts = tables()
): Finding[] => checkNarrative(paragraphsFromText(body), facts, { lastYear });

const notWarnings = (findings: Finding[]) => findings.filter((f) => f.severity !== "warning");

describe("持平 read from the text", () => {
  it("is a change of 0.00 about the 类 the clause names", () => {
    const mentions = extractStatements([
      "科学技术支出40.62万元，比上年持平；因公出国（境）费与2023年相比持平",
    ]);
    const flat = mentions.filter((x) => x.role === "change");
    expect(
      flat.map((x) => [x.subject, x.value.toFixed(2), x.written, x.flat, x.paragraph])
    ).toEqual([
      ["class:206", "0.00", "持平", true, 0],
      ["abroad", "0.00", "持平", true, 0],
    ]);
    // The first takes its subject from the figure it follows.
    expect(flat[0].of).toBe(mentions.find((x) => x.role === "level")!.index);
  });

  it("is not read from 基本持平 or 大体持平, which state no exact figure", () => {
    const mentions = extractStatements([
      "科学技术支出40.62万元，与上年基本持平；公务接待费大体持平；住房保障支出基本与上年持平。",
    ]);
    expect(mentions.filter((x) => x.role === "change")).toEqual([]);
  });

  it("is not read inside another word: 保持平稳, 维持平衡, 支持平台", () => {
    const mentions = extractStatements([
      "支出保持平稳，收支维持平衡，其中支持平台建设20.00万元，比上年持平。",
    ]);
    expect(mentions.filter((x) => x.flat).map((x) => x.offset)).toEqual([33]);
  });

  it("is no share's figure: 占 is of the amount written before it", () => {
    const mentions = extractStatements(["科学技术支出40.62万元，与上年持平，占支出总计的20.52%。"]);
    const share = mentions.find((x) => x.role === "share")!;
    expect(mentions[share.of!].value.toFixed(2)).toBe("40.62");
  });
});

describe("a 类 stated as 持平 in the list of 类 changes", () => {
  it("counts as 0.00: +12.30, 持平, −5.00 add up to the stated +7.30", () => {
    expect(notWarnings(check(text("增加7.30万元")))).toEqual([]);
  });

  it("does not stop the sum check: a stated +7.40 is an error at its paragraph", () => {
    const found = notWarnings(check(text("增加7.40万元")));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      ruleId: "narrative.sum",
      severity: "error",
      expected: "7.30",
      actual: "7.40",
    });
    expect(found[0].message).toMatch(/^情况说明第2段：/);
    expect(found[0].message).toContain("科学技术支出");
  });

  it("is an error when that 类 moved by 0.01, at its paragraph, never 舍入差异", () => {
    // Last year 206 was 40.61: 40.62 − 40.61 = +0.01, so the text's 持平 is wrong; the text is
    // still consistent with itself (+12.30 + 0.00 − 5.00 = +7.30), so nothing else is reported.
    const found = notWarnings(
      check(text("增加7.30万元"), { ...LAST_YEAR, "class:206": m("40.61") })
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      ruleId: "narrative.change",
      severity: "error",
      expected: "0.01",
      actual: "0.00",
    });
    expect(found[0].rounding).toBeUndefined();
    expect(found[0].message).toMatch(/^情况说明第2段：.*科学技术支出比上年持平/);
  });

  it("is right for a 类 whose two years are equal, with or without last year's other 类", () => {
    expect(notWarnings(check(text("增加7.30万元"), { "class:206": m("40.62") }))).toEqual([]);
  });
});

describe("a total stated as 持平", () => {
  /** 201 +5.00, 206 持平, 208 −5.00 (last year 107.30, 40.62, 50.00): the total is 持平. */
  const balanced: LastYearFigures = {
    "class:201": m("107.30"),
    "class:206": m("40.62"),
    "class:208": m("50.00"),
  };
  const classes = (c201: string, c208: string) =>
    `一般公共服务支出112.30万元，比上年${c201}；科学技术支出40.62万元，比上年持平；` +
    `社会保障和就业支出45.00万元，比上年${c208}。`;

  it("agrees with 类 changes that cancel out", () => {
    expect(
      notWarnings(check(text("持平", classes("增加5.00万元", "减少5.00万元")), balanced))
    ).toEqual([]);
  });

  it("is an error against 类 changes that add up to −0.02", () => {
    // +5.00 − 5.02 = −0.02: beyond the rounding of the two figures written (0.01), and 持平 itself
    // is exact. (208's own change is also wrong against last year: 45.00 − 50.00 = −5.00.)
    const found = notWarnings(
      check(text("持平", classes("增加5.00万元", "减少5.02万元")), balanced)
    );
    const sum = found.filter((f) => f.ruleId === "narrative.sum");
    expect(sum).toHaveLength(1);
    expect(sum[0]).toMatchObject({ severity: "error", expected: "-0.02", actual: "0.00" });
    expect(sum[0].message).toMatch(/^情况说明第2段：/);
  });
});

describe("a 类 stated only as 基本持平 in the list of 类 changes", () => {
  const roughly = (c206: string) =>
    "一般公共服务支出112.30万元，比上年增加12.30万元；" +
    `科学技术支出40.62万元，${c206}；` +
    "社会保障和就业支出45.00万元，比上年减少5.00万元。";

  it("says at the total's paragraph (提示) that the 类 changes could not be added up", () => {
    const found = check(text("增加7.30万元", roughly("与上年基本持平")));
    const sum = found.filter((f) => f.ruleId === "narrative.sum");
    expect(sum).toHaveLength(1);
    expect(sum[0].severity).toBe("info");
    expect(sum[0].message).toMatch(/^情况说明第2段：/);
    expect(sum[0].message).toContain("科学技术支出");
    expect(sum[0].message).toContain("“基本持平”");
    expect(sum[0].message).toContain("未核对");
    // No exact figure: never an error or a 0.00 change against last year.
    expect(found.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("says so too when the stated total is wrong: the sum was not checked, not found right", () => {
    const found = check(text("增加7.40万元", roughly("大体持平")));
    const sum = found.filter((f) => f.ruleId === "narrative.sum");
    expect(sum.map((f) => f.severity)).toEqual(["info"]);
    expect(sum[0].message).toContain("“大体持平”");
    expect(sum[0].expected).toBeUndefined();
  });

  it("finds the 类 of 住房保障支出基本与上年持平 by its own name", () => {
    // A fourth 类, 221 住房保障支出 10.00: 支出总计 197.92 + 10.00 = 207.92.
    const facts = tables();
    facts.figures.set("expenditureTotal", [{ value: m("207.92"), label: "支出总表 合计" }]);
    facts.figures.set("class:221", [{ value: m("10.00"), label: "支出总表“住房保障支出”合计" }]);
    facts.classes.add("221");
    const body = [
      "一、收入支出预算总体情况",
      "2024年支出总计207.92万元，比上年增加7.30万元。按支出功能分类：" +
        roughly("比上年持平") +
        "住房保障支出10.00万元，基本与上年持平。",
    ].join("\n");
    const sum = check(body, LAST_YEAR, facts).filter((f) => f.ruleId === "narrative.sum");
    expect(sum.map((f) => f.severity)).toEqual(["info"]);
    expect(sum[0].message).toContain("住房保障支出");
    expect(sum[0].message).not.toContain("科学技术支出");
  });

  it("says nothing of 基本持平 when another 类 is missing altogether (the list is incomplete anyway)", () => {
    const facts = tables();
    facts.classes.add("221");
    const found = check(text("增加7.30万元", roughly("与上年基本持平")), LAST_YEAR, facts);
    expect(found.filter((f) => f.ruleId === "narrative.sum")).toEqual([]);
  });
});
