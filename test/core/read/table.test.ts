import { parseTable } from "../../../src/core/read/table";
import type { ParsedTable } from "../../../src/core/read/table";
import { loadFixtureSheet } from "../../helpers/fixtures";

async function parsed(fixture: string, sheet: string): Promise<ParsedTable> {
  const result = parseTable(await loadFixtureSheet(fixture, sheet));
  if (!result.ok) throw new Error(result.message);
  return result.table;
}

describe("parseTable", () => {
  it("recognizes the kind, title and department line of a Hebei table", async () => {
    const table = await parsed("quyang-2024", "收入总表");
    expect(table.kind?.kind).toBe("收入总表");
    expect(table.title).toEqual({ text: "部门预算收入总表", address: "A1" });
    expect(table.department).toMatchObject({ name: "中国共产党曲阳县委员会组织部", code: "203" });
  });

  it("takes 单位:万元 for the unit of amount, never for the department", () => {
    const result = parseTable({
      sheet: "三公经费",
      origin: { row: 1, col: 1 },
      values: [
        ["2015年某局部门“三公”经费情况统计表", "", ""],
        ["", "单位:万元", ""],
        ["项 目", "本年预算数", ""],
        ["合 计", 1, ""],
      ],
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.table.unit).toEqual({ value: "万元", address: "B2" });
    // The department is the title's subject, not the unit line.
    expect(result.table.department).toEqual({ name: "某局", address: "A1" });
  });

  it("finds code, name and amount columns under a two-row header with a 栏次 row", async () => {
    const side = (await parsed("quyang-2024", "收入总表")).sides[0];
    expect(side.codeColumn).toBe(1);
    expect(side.labelColumn).toBe(2);
    expect(side.captions).toEqual([
      "合计",
      "小计",
      "财政拨款收入",
      "财政专户收入",
      "事业收入",
      "经营收入",
      "上级补助收入",
      "附属单位上缴收入",
      "其他收入",
      "上年结转",
    ]);
    expect(side.rows[0]).toMatchObject({ label: "合计", role: "total", address: "C6" });
    expect(side.rows[1]).toMatchObject({ code: "201", codeFrom: "cell", role: "item" });
  });

  it("works out which columns a 合计 and a 小计 add up", async () => {
    const side = (await parsed("quyang-2024", "收入总表")).sides[0];
    // 合计 = 本年收入小计 + 上年结转; 小计 = the seven sources.
    expect(side.relations).toEqual([
      { total: 0, parts: [1, 9] },
      { total: 1, parts: [2, 3, 4, 5, 6, 7, 8] },
    ]);
  });

  it("splits a summary table into its 收入 and 支出 sides and classifies 类 rows by name", async () => {
    const table = await parsed("tunliu-2024", "收支总表");
    expect(table.sides).toHaveLength(2);
    const [income, expenditure] = table.sides;
    expect(income.rows.map((r) => r.role)).toEqual([
      ...Array(5).fill("item"),
      "total",
      "balance",
      "balance",
    ]);
    expect(expenditure.rows[0]).toMatchObject({
      label: "一、一般公共服务支出",
      code: "201",
      codeFrom: "name",
    });
    expect(expenditure.relations).toEqual([{ total: 0, parts: [1, 2] }]);
  });

  it("resolves Shanxi 基本支出表 rows, which print names only, to economic codes", async () => {
    const side = (await parsed("tunliu-2024", "基本支出表")).sides[0];
    expect(side.codeSystem).toBe("economic");
    const codes = side.rows.filter((r) => r.role === "item").map((r) => r.code);
    expect(codes.slice(0, 4)).toEqual(["301", "30101", "30102", "30103"]);
    expect(codes).toContain("30305");
    expect(codes.every((c) => c !== undefined)).toBe(true);
  });

  it("treats the department's own rows in a 项目支出表 as subtotals", async () => {
    const side = (await parsed("tunliu-2024", "项目支出(本年)")).sides[0];
    expect(side.rows.filter((r) => r.role === "total").map((r) => r.address)).toEqual(["A7", "A8"]);
    expect(side.rows.filter((r) => r.role === "item")).toHaveLength(20);
  });

  it("keeps the note of an empty table and reads no data rows", async () => {
    const table = await parsed("quyang-2024", "政府性基金支出表");
    expect(table.notes).toEqual([
      { text: "注：无政府基金预算财政拨款预算，空表列示。", address: "A6" },
    ]);
    expect(table.sides[0].rows).toEqual([]);
  });

  it("reads the labels of a Shanxi empty table as rows with blank amounts", async () => {
    const table = await parsed("tunliu-2024", "三公经费");
    expect(table.sides[0].rows.map((r) => r.label)).toEqual([
      "因公出国(境)费",
      "公务接待费",
      "公务用车购置及运行费",
      "①公务用车购置费",
      "②公务用车运行维护费",
      "合计",
    ]);
    expect(table.notes.map((n) => n.text)).toEqual(["注：本表无数据"]);
  });

  it("leaves text columns such as 采购目录序号 out of the amount columns", async () => {
    const table = await parsed("quyang-2024", "政府采购");
    const captions = table.sides.flatMap((s) => s.captions);
    expect(captions).not.toContain("政府采购目录序号");
    expect(captions).not.toContain("计量单位");
    expect(captions).toContain("单价");
  });
});
