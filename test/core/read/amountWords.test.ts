import { amountWordMeaning } from "../../../src/core/read/amountWords";

describe("amountWordMeaning", () => {
  it.each([
    ["待定", "pending"],
    ["暂未确定", "pending"],
    ["待核定", "pending"],
    ["另行下达", "pending"],
    ["见附表", "pending"],
    ["详见附表3", undefined], // digits: a malformed number, not words
    ["以批复为准", "pending"],
    ["？", "pending"],
    ["暂无", "zero"],
    ["单位不需填列", "zero"],
    ["不适用", "zero"],
    ["零", "zero"],
    ["约十二", "numberInWords"],
    ["十二万元", "numberInWords"],
    ["壹佰元整", "numberInWords"],
    ["万元", undefined],
    ["财政拨款", undefined],
    ["行政运行", undefined],
    ["第十二中学", undefined],
    ["", undefined],
  ])("%s → %s", (text, meaning) => {
    expect(amountWordMeaning(text)).toBe(meaning);
  });
});
