/*
 * A 类 that last year had and this year has not (or the reverse), left out of the 情况说明's list
 * of 类 changes. Its change is part of the total change all the same: the list of 类 changes and
 * the total can only agree once it is counted, and the clerk is told which 类 the text leaves out.
 */
import type { Finding } from "../../../src/core/finding";
import { Money } from "../../../src/core/money";
import { checkNarrative, emptyFacts, paragraphsFromText } from "../../../src/core/narrative/check";
import type { NarrativeFacts } from "../../../src/core/narrative/check";
import type { SubjectId } from "../../../src/core/narrative/extract";
import type { LastYearFigures } from "../../../src/core/narrative/types";

const m = (value: string) => new Money(value);

/** This year, by hand: 201 112.30, 206 40.62, 208 45.00; 支出总计 197.92. */
function tables(extra?: { code: string; value: string; name: string }): NarrativeFacts {
  const facts = emptyFacts();
  const put = (subject: SubjectId, value: string, label: string) =>
    facts.figures.set(subject, [{ value: m(value), label }]);
  put("class:201", "112.30", "支出总表“一般公共服务支出”合计");
  put("class:206", "40.62", "支出总表“科学技术支出”合计");
  put("class:208", "45.00", "支出总表“社会保障和就业支出”合计");
  for (const code of ["201", "206", "208"]) facts.classes.add(code);
  let total = m("197.92");
  if (extra) {
    put(`class:${extra.code}` as SubjectId, extra.value, `支出总表“${extra.name}”合计`);
    facts.classes.add(extra.code);
    total = total.plus(m(extra.value));
  }
  put("expenditureTotal", total.toFixed(2), "支出总表 合计");
  return facts;
}

/**
 * Last year: 201 100.00, 206 40.62, 208 50.00 and 213 农林水支出 30.00, which this year has no
 * budget for; in all 220.62. By hand: 197.92 − 220.62 = −22.70 = +12.30 + 0.00 − 5.00 − 30.00.
 */
const LAST_YEAR: LastYearFigures = {
  expenditureTotal: m("220.62"),
  "class:201": m("100.00"),
  "class:206": m("40.62"),
  "class:208": m("50.00"),
  "class:213": m("30.00"),
};

const LISTED =
  "一般公共服务支出112.30万元，比上年增加12.30万元；" +
  "科学技术支出40.62万元，比上年持平；" +
  "社会保障和就业支出45.00万元，比上年减少5.00万元。";

const text = (totalChange: string, classes = LISTED, total = "197.92") =>
  [
    "一、收入支出预算总体情况",
    `2024年支出总计${total}万元，比上年${totalChange}。按支出功能分类：${classes}`,
  ].join("\n");

const check = (body: string, lastYear = LAST_YEAR, facts = tables()): Finding[] =>
  checkNarrative(paragraphsFromText(body), facts, { lastYear });

const sums = (findings: Finding[]) => findings.filter((f) => f.ruleId === "narrative.sum");

describe("a 类 last year had, this year has not, and the text leaves out", () => {
  it("is named in a warning when, counted, the 类 changes add up to the total", () => {
    const found = check(text("减少22.70万元"));
    expect(found.filter((f) => f.severity === "error")).toEqual([]);
    const sum = sums(found);
    expect(sum).toHaveLength(1);
    expect(sum[0]).toMatchObject({ severity: "warning", expected: "-22.70", actual: "-22.70" });
    expect(sum[0].message).toBe(
      "情况说明第2段：文中“比上年减少22.70万元”，其后所列各类支出没有提到“农林水支出”" +
        "（上年 30.00 万元，本年没有这类支出，减少30.00万元）；计入后各类增减额合计为减少22.70万元，与文中一致。" +
        "请在情况说明中说明农林水支出本年没有预算的原因。"
    );
  });

  it("is counted in the sum an error reports, and named there, when the total is wrong", () => {
    // Stated −20.00; the 类 changes with 213's −30.00 add up to −22.70: 2.70 apart.
    const sum = sums(check(text("减少20.00万元")));
    expect(sum).toHaveLength(1);
    expect(sum[0]).toMatchObject({ severity: "error", expected: "-22.70", actual: "-20.00" });
    expect(sum[0].message).toContain("增减额合计为增加7.30万元，加上文中没有提到的“农林水支出”");
    expect(sum[0].message).toContain("共减少22.70万元，相差 2.70 万元");
  });

  it("is no finding when the text states it (农林水支出0.00万元，比上年减少30.00万元)", () => {
    const found = check(
      text("减少22.70万元", `${LISTED}农林水支出0.00万元，比上年减少30.00万元。`)
    );
    expect(found.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("is an error when the text states it with a wrong change: this year's figure is 0", () => {
    const wrong = `${LISTED}农林水支出比上年减少25.00万元。`;
    const found = check(text("减少22.70万元", wrong)).filter((f) => f.severity === "error");
    // The stated −25.00 is wrong against the years (−30.00), and the 类 changes as stated add up
    // to +12.30 + 0.00 − 5.00 − 25.00 = −17.70, not the stated −22.70.
    expect(found.map((f) => [f.ruleId, f.expected, f.actual])).toEqual([
      ["narrative.sum", "-17.70", "-22.70"],
      ["narrative.change", "-30.00", "-25.00"],
    ]);
    expect(found[1].message).toContain("而本年 0.00 万元、上年 30.00 万元，应为减少30.00万元");
  });

  it("counts as before where last year's 类 are not known (the tables alone)", () => {
    // Without last year by 类 the text's list looks complete: +7.30 against −22.70 is an error.
    const sum = sums(check(text("减少22.70万元"), { expenditureTotal: m("220.62") }));
    expect(sum.map((f) => [f.severity, f.expected])).toEqual([["error", "7.30"]]);
  });
});

describe("a 类 this year has and last year had not, that the text leaves out", () => {
  it("is named in a 提示 saying the 类 changes were not added up", () => {
    // 211 节能环保支出 10.00 is new: 支出总计 207.92, 207.92 − 220.62 = −12.70.
    const facts = tables({ code: "211", value: "10.00", name: "节能环保支出" });
    const found = check(text("减少12.70万元", LISTED, "207.92"), LAST_YEAR, facts);
    const sum = sums(found);
    expect(sum).toHaveLength(1);
    expect(sum[0].severity).toBe("info");
    expect(sum[0].message).toContain("“节能环保支出”（本年新增）");
    expect(sum[0].message).toContain("“农林水支出”（本年没有）");
    expect(sum[0].message).toContain("未核对");
    expect(found.filter((f) => f.severity === "error")).toEqual([]);
  });
});
