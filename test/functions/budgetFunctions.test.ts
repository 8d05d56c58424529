import {
  budgetAmount,
  budgetCheck,
  budgetName,
  budgetRollup,
  budgetSum,
  budgetWanyuan,
} from "../../src/functions/budgetFunctions";
import type { FunctionResult } from "../../src/functions/budgetFunctions";
import { loadFixtureSheet } from "../helpers/fixtures";

function value<T>(result: FunctionResult<T>): T {
  if (!result.ok) throw new Error(`unexpected problem: ${result.problem.message}`);
  return result.value;
}

function problem<T>(result: FunctionResult<T>): string {
  if (result.ok) throw new Error("expected a problem");
  return result.problem.message;
}

describe("BUDGET.ROLLUP", () => {
  it("spills a 合计 row, then each 类 with its 款 and 项, with exact amounts and a 说明 column", () => {
    const rows = value(
      budgetRollup(
        [["2013201"], ["2013201"], [""], [2080505]],
        [
          [0.1, 1],
          [0.2, 2],
          ["", ""],
          [26.96, ""],
        ]
      )
    );
    expect(rows).toEqual([
      ["", "合计", 27.26, 3, ""],
      ["201", "一般公共服务支出", 0.3, 3, ""],
      ["20132", "组织事务", 0.3, 3, ""],
      ["2013201", "行政运行", 0.3, 3, ""],
      ["208", "社会保障和就业支出", 26.96, "", ""],
      ["20805", "行政事业单位养老支出", 26.96, "", ""],
      ["2080505", "机关事业单位基本养老保险缴费支出", 26.96, "", ""],
    ]);
  });

  it("prefers the names column over the catalog and honours depth", () => {
    const rows = value(budgetRollup([["2013201"]], [[5]], [["我的科目"]], 3));
    expect(rows[3]).toEqual(["2013201", "我的科目", 5, ""]);
    expect(value(budgetRollup([["2013201"]], [[5]], undefined, 1))).toEqual([
      ["", "合计", 5, ""],
      ["201", "一般公共服务支出", 5, ""],
    ]);
  });

  it("skips title, header, 栏次 and 合计 rows, and compares the 合计 row with the total", () => {
    const rows = value(
      budgetRollup(
        [["2024年预算支出总表"], ["科目编码"], [1], ["合计"], ["2013201"], ["类"]],
        [["单位：万元"], ["合计"], [3], [5], [5], [""]]
      )
    );
    expect(rows[0]).toEqual(["", "合计", 5, ""]);
  });

  it("counts rows from the top of the selection when Excel gives no address", () => {
    expect(problem(budgetRollup([["2013201"], ["20A3"]], [[1], [2]]))).toBe(
      "所选区域第 2 行的编码“20A3”不是有效的科目编码（功能分类 3/5/7 位，经济分类 3/5 位数字）。"
    );
    expect(problem(budgetRollup([["201"]], [["abc"]]))).toBe(
      "所选区域第 1 行第 1 列的金额“abc”不是数字。"
    );
    const rows = value(budgetRollup([["201"], ["20132"]], [[7], [5]]));
    expect(rows[1][3]).toBe(
      "表中所选区域第 1 行与下级明细之和不符：第 1 列为 7.00，下级明细之和为 5.00，相差 2.00。"
    );
  });

  it("returns an error when the ranges differ in height or depth is out of range", () => {
    expect(problem(budgetRollup([["201"], ["202"]], [[1]]))).toContain("行数必须相同");
    expect(problem(budgetRollup([["201", "x"]], [[1]]))).toContain("应为一列");
    expect(problem(budgetRollup([["201"]], [[1]], undefined, 4))).toContain("层级参数");
    expect(problem(budgetRollup([["合计"]], [[1]]))).toContain("没有科目编码");
  });
});

describe("BUDGET.SUM", () => {
  it("adds the lines under the prefixes, leaving out subtotal lines", () => {
    const codes = [["201"], ["20132"], ["2013201"], ["2013202"], ["2080505"]];
    const amounts = [[9], [9], [1], [2], [4]];
    expect(value(budgetSum(codes, amounts, [[["201"]]]))).toEqual([[3]]);
    expect(value(budgetSum(codes, amounts, [[["201"]], [[2080505]]]))).toEqual([[7]]);
    expect(value(budgetSum(codes, amounts, [[["2"]]]))).toEqual([[7]]);
    expect(problem(budgetSum(codes, amounts, [[[null]]]))).toContain("请给出至少一个科目编码前缀");
  });
});

describe("BUDGET.CHECK", () => {
  it("passes a clean table, saying how many rows and rules it checked", async () => {
    const grid = await loadFixtureSheet("quyang-2024", "支出总表");
    const result = value(
      budgetCheck(grid.values as unknown[][], undefined, null, ["支出总表!A1:I33"])
    );
    expect(result).toHaveLength(1);
    expect(result[0][0]).toMatch(/^通过：检查了 28 行数据、\d+ 条规则，未发现问题。$/);
  });

  it("lists findings as [级别, 位置, 规则, 说明] with addresses on the sheet", async () => {
    const grid = await loadFixtureSheet("tunliu-2024", "一般公共预算支出表");
    // The range starts at A3 on the sheet (title and 表号 rows left out), so grid row 5 is sheet row 7.
    const values = grid.values.slice(2).map((row) => row.slice());
    values[4][2] = "1098.11"; // 201's 合计 (C7) typed as text
    const rows = value(
      budgetCheck(values as unknown[][], "一般公共预算支出表", null, [
        "'一般公共预算支出表'!A3:E26",
      ])
    );
    expect(rows).toContainEqual([
      "警告",
      "C7",
      "数字以文本形式保存",
      expect.stringContaining("1098.11"),
    ]);
    expect(rows).toContainEqual([
      "提示",
      "E8",
      "上级科目等于下级科目之和",
      expect.stringContaining("舍入差异"),
    ]);
    expect(
      rows.every((r) => r.length === 4 && ["错误", "警告", "提示"].includes(r[0] as string))
    ).toBe(true);
  });

  it("rejects an unknown kind with the list of kinds it knows", () => {
    expect(problem(budgetCheck([["x"]], "流水账"))).toContain("不认识的表种类“流水账”");
  });

  it("reports a range that holds no table as a finding, not a crash", () => {
    const rows = value(budgetCheck([["你好", 1]], undefined, null, ["Sheet1!C5"]));
    expect(rows).toEqual([["错误", "C5", "无法识别的表格", expect.stringContaining("无法识别")]]);
  });
});

describe("helpers", () => {
  it("NAME gives the catalog name, and an error for unknown or malformed codes", () => {
    expect(value(budgetName("2013201"))).toBe("行政运行");
    expect(value(budgetName(30101))).toBe("基本工资");
    expect(problem(budgetName("2019998"))).toBe("科目编码 2019998 不在内置目录中。");
    expect(problem(budgetName("abc"))).toContain("不是有效的科目编码");
  });

  it("AMOUNT reads messy cells exactly", () => {
    expect(value(budgetAmount("'1,234.56"))).toBe(1234.56);
    expect(value(budgetAmount("107．57"))).toBe(107.57);
    expect(value(budgetAmount("—"))).toBe(0);
    expect(value(budgetAmount(0.1 + 0.2))).toBe(0.3);
    expect(problem(budgetAmount("abc"))).toBe("“abc”不是金额。");
  });

  it("AMOUNT and WANYUAN say what words in an amount cell mean, as the table checks do", () => {
    // The meanings of core/read/amountWords, in the words of core/messages (amountWordsMean).
    expect(problem(budgetAmount("约五万"))).toBe(
      "“约五万”是用汉字写的数，读不出确切金额。请改为阿拉伯数字（如 12.00）。"
    );
    expect(problem(budgetAmount("另行公布"))).toMatch(
      /^“另行公布”表示金额尚未确定或不在本表中，不是 0。请填写确定的金额/
    );
    expect(problem(budgetAmount("暂无"))).toBe(
      "“暂无”表示没有这项金额，不是数字。没有金额的单元格请填 0 或“—”。"
    );
    expect(problem(budgetWanyuan("待定", 2, ["Sheet1!C2"]))).toMatch(
      /^单元格 C2 中的“待定”表示金额尚未确定/
    );
  });

  it("WANYUAN converts 元 to 万元 with 四舍五入", () => {
    expect(value(budgetWanyuan(129636))).toBe(12.96);
    expect(value(budgetWanyuan(125))).toBe(0.01);
    expect(value(budgetWanyuan(-125))).toBe(-0.01);
    expect(value(budgetWanyuan("22,990,000", 0))).toBe(2299);
    expect(value(budgetWanyuan(129636, 4))).toBe(12.9636);
    expect(problem(budgetWanyuan(1, 1.5))).toContain("小数位数");
  });
});
