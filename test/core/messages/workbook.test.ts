import { PREVIOUS_MESSAGES, WORKBOOK_MESSAGES } from "../../../src/core/messages";
import { Money } from "../../../src/core/money";

// These messages printed their amounts with toFixed(2) (“1813.51”) before issue 16 §3; a clerk now
// reads every amount of a report one way.
describe("the cross-table messages write amounts with thousands separators", () => {
  test("a comparison of two tables", () => {
    expect(WORKBOOK_MESSAGES.basicExpenditure(new Money("1813.51"), new Money("1813.5"))).toBe(
      "基本支出表合计为 1,813.51，一般公共预算支出表的基本支出合计为 1,813.50"
    );
  });

  test("the odd one out among three tables", () => {
    const others = [
      { name: "收支总表", value: new Money("4707.09"), listed: true },
      { name: "收入总表", value: new Money("4707.09"), listed: true },
    ];
    expect(
      WORKBOOK_MESSAGES.classOddOne(
        "一般公共服务支出",
        { name: "支出总表", value: new Money("4707.1"), listed: true },
        others
      )
    ).toBe("“一般公共服务支出”类支出：支出总表为 4,707.10，而收支总表、收入总表均为 4,707.09");
  });

  test("a 上年 threshold stays a whole percentage", () => {
    expect(
      PREVIOUS_MESSAGES.changeWithoutReason("", "基本支出", "增加1,045.41万元", new Money(20))
    ).toBe("基本支出比上年增加1,045.41万元，超过 ±20%，但没有写明增减原因（如“主要原因是……”）。");
  });
});
