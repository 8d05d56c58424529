/*
 * The 情况说明 on its own, with no table to compare with (a document whose tables are images):
 * its own arithmetic. The figures are those of published texts from other provinces (预算 and
 * 决算), written into short sentences here; the contradictions are planted one at a time.
 */
import { checkNarrative, emptyFacts, paragraphsFromText } from "../../../src/core/narrative/check";
import type { Finding } from "../../../src/core/finding";

const check = (...paragraphs: string[]): Finding[] =>
  checkNarrative(paragraphsFromText(paragraphs.join("\n")), emptyFacts());
const errors = (...paragraphs: string[]) =>
  check(...paragraphs).filter((f) => f.severity === "error");

describe("a 情况说明 checked against itself", () => {
  test("texts that add up have no finding", () => {
    // 2.05 − 2.08 = −0.03, 0.03 / 2.08 = 1.44%; 0 + 0 + 0 + 2.05 = 2.05.
    expect(
      check(
        "“三公”经费支出2.05万元，较上年2.08万元减少0.03万元，减少了1.44%；其中：因公出国（境）支出0万元；公务用车购置支出0万元；公务用车运行维护费用支出0万元；公务接待费支出2.05万元，占“三公”经费的100%。"
      )
    ).toEqual([]);
    // 502.4 = 0 + 500 + 2.4, 500 = 100 + 400; 14.6 / 517 = 2.82%, 14.6 / 17 = 85.88%.
    expect(
      check(
        "“三公”经费502.4万元，比上年减少14.6万元，下降2.82%。其中：因公出国（境）费0万元；公务用车购置及运行费500.00万元（公务用车购置费100.00万元；公务用车运行维护费400.00万元）；公务接待费2.4万元，比上年减少14.6万元，下降85.88%。"
      )
    ).toEqual([]);
    // 2.4 / 16.4 = 14.63%, 14 / 16.4 = 85.37%: together 100%.
    expect(
      check(
        "“三公”经费预算为16.4万元。其中公务接待费预算为2.4万元，占“三公”经费的14.63%；公务用车购置及运行费预算为14万元，占“三公”经费的85.37%；因公出国（境）费预算0元。"
      )
    ).toEqual([]);
  });

  test("基本支出 ≠ 人员经费 + 公用经费: an error at its paragraph, in 万元 as in 元", () => {
    const inWan = errors(
      "一、收入支出预算总体情况",
      "2024年支出预算872.24万元，其中：基本支出316.46万元，包括人员经费287.14万元和公用经费30.32万元；项目支出555.78万元。"
    );
    expect(inWan).toHaveLength(1);
    expect(inWan[0]).toMatchObject({
      ruleId: "narrative.sum",
      expected: "317.46",
      actual: "316.46",
    });
    expect(inWan[0].message).toMatch(/^情况说明第2段：/);
    const inYuan = errors(
      "2024年支出预算8722400.00元，其中：基本支出3164600.00元，包括人员经费2871400.00元和公用经费303200.00元；项目支出5557800.00元。"
    );
    expect(inYuan).toHaveLength(1);
    expect(inYuan[0]).toMatchObject({ ruleId: "narrative.sum", expected: "317.46" });
  });

  test("三公 ≠ 出国 + 车 + 接待", () => {
    const found = errors(
      "2024年“三公”经费预算880,000.00元。其中：因公出国（境）费0元；公务用车购置及运行费600,000.00元；公务接待费290,000.00元。"
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId: "narrative.sum", expected: "89.00", actual: "88.00" });
  });

  test("增减 ≠ 本年 − 上年 where the text gives both years", () => {
    const found = errors("“三公”经费支出2.05万元，较上年2.08万元减少0.05万元，减少了1.44%。");
    // The 增减 is wrong, not the rate: 1.44% is (2.05 − 2.08) / 2.08.
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      ruleId: "narrative.change",
      expected: "-0.03",
      actual: "-0.05",
    });
  });

  test("增长率 ≠ 增减 / 上年, in 元", () => {
    // 166271.4 / (880000 + 166271.4) = 15.89%, not 15.87%.
    const found = errors("2024年“三公”经费预算880000元，同比减少166271.4元，下降15.87%。");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      ruleId: "narrative.rate",
      expected: "-15.89",
      actual: "-15.87",
    });
    expect(errors("2024年“三公”经费预算880000元，同比减少166271.4元，下降15.89%。")).toEqual([]);
  });

  test("shares of one whole that add up to more than 100%", () => {
    const found = errors(
      "“三公”经费预算为16.4万元。其中公务接待费预算为2.4万元，占“三公”经费的14.63%；公务用车购置及运行费预算为14万元，占“三公”经费的86.37%；因公出国（境）费预算0元。"
    );
    expect(found.map((f) => f.ruleId)).toEqual(["narrative.share", "narrative.share"]);
    expect(found.map((f) => f.actual)).toEqual(expect.arrayContaining(["86.37", "101.00"]));
  });

  test("shares of a complete list that add up to less than 100%", () => {
    const found = errors(
      "2024年支出预算872.24万元，其中：基本支出316.46万元，占36.28%；项目支出555.78万元，占62.72%。"
    );
    expect(found.some((f) => f.ruleId === "narrative.share" && f.actual === "99.00")).toBe(true);
  });
});
