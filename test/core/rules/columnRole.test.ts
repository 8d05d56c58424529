/*
 * table.column-role: a column whose caption says no role is left out of the checks; the finding
 * must tell the clerk which column, what it holds, and what to do. The table is an 一般公共预算财政
 * 拨款支出表 with a column the clerk added (上级下达), its figures typed as they come from other
 * documents.
 */
import { checkTable } from "../../../src/core/check/table";
import type { CellValue, Grid } from "../../../src/core/grid";

function expenditureTable(extra: CellValue[]): Grid {
  const rows: CellValue[][] = [
    ["", "合计", 1336.9, 908.3, 428.6],
    ["201", "一般公共服务支出", 1336.9, 908.3, 428.6],
    ["20132", "组织事务", 1336.9, 908.3, 428.6],
    ["2013201", "行政运行", 908.3, 908.3, ""],
    ["2013202", "一般行政管理事务", 428.6, "", 428.6],
  ];
  return {
    sheet: "表5 一般公共预算支出表",
    origin: { row: 1, col: 1 },
    values: [
      ["一般公共预算财政拨款支出表"],
      ["单位：万元"],
      ["科目编码", "科目名称", "合计", "基本支出", "项目支出", extra[0]],
      ...rows.map((row, i) => [...row, extra[i + 1] ?? ""]),
    ],
  };
}

const roleFindings = (grid: Grid) =>
  checkTable(grid).findings.filter((f) => f.ruleId === "table.column-role");

describe("table.column-role on a column the clerk added", () => {
  it("names the column, shows the figures it could not read, and says what to do", () => {
    const found = roleFindings(expenditureTable(["上级下达", "1.234,56", "约12", "¥12", 12.5]));
    expect(found).toEqual([
      expect.objectContaining({
        sheet: "表5 一般公共预算支出表",
        cell: "F3",
        severity: "warning",
        actual: "上级下达",
      }),
    ]);
    expect(found[0].message).toBe(
      "表头“上级下达”（F 列）没有说明这一列是什么（如合计、基本支出、项目支出），这一列未参与检查。F4:F7 中有 3 个数的写法读不出（如“1.234,56”“约12”“¥12”），另有 1 个数字。如果这是金额列，请把表头改为公开表的栏目名称（如“合计”“基本支出”“项目支出”），并把这些数改为阿拉伯数字（如 1234.56）；如果这一列不应公开，请删除它。"
    );
  });

  it("says how many figures went unchecked when they are all readable", () => {
    const [finding] = roleFindings(expenditureTable(["上级下达", 3, 3, 3, "", 3]));
    expect(finding.message).toContain("F4:F8 中有 4 个数字（如“3”），都没有核对。");
    expect(finding.message).not.toContain("读不出");
  });

  it("keeps to the caption when the column holds no figure", () => {
    const [finding] = roleFindings(expenditureTable(["列1", "待填"]));
    expect(finding.cell).toBe("F3");
    expect(finding.message).toBe(
      "表头“列1”（F 列）没有说明这一列是什么（不是金额、科目编码、名称等公开表的栏目），这一列未参与检查；如果这是金额列，请把表头改为公开表的栏目名称（如“合计”“基本支出”“项目支出”）。"
    );
  });
});

describe("table.column-role on a column with no caption at all", () => {
  it("names a column of figures under an empty header cell (before: dropped without a word)", () => {
    const found = roleFindings(expenditureTable(["", 1336.9, 1336.9, 1336.9, 908.3, 428.6]));
    expect(found).toEqual([
      expect.objectContaining({ cell: "F3", severity: "warning", actual: "" }),
    ]);
    expect(found[0].message).toBe(
      "F 列的表头是空的，没有说明这一列是什么（如合计、基本支出、项目支出），这一列未参与检查。F4:F8 中有 5 个数字（如“1336.9”“908.3”“428.6”），都没有核对。如果这是金额列，请把表头改为公开表的栏目名称（如“合计”“基本支出”“项目支出”）；如果这一列不应公开，请删除它。"
    );
  });

  it("says nothing of an empty spacer column, or one holding only words", () => {
    expect(roleFindings(expenditureTable([""]))).toEqual([]);
    expect(roleFindings(expenditureTable(["", "", "见说明", "", "见说明"]))).toEqual([]);
  });
});
