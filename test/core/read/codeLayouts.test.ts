/**
 * Codes as departments print them: split over 类 | 款 | 项 columns under one 科目编码 caption (in
 * full, or each row its own part only), typed as numbers that lost their leading zero, or written
 * 201 32 01 / 201.32.01 all through a column. Figures are those of a 一般公共预算支出表 (功能分类
 * 201 一般公共服务支出 › 20132 组织事务 › 2013201 行政运行 …, DOMAIN.md).
 */
import { checkTable } from "../../../src/core/check/table";
import { checkWorkbook } from "../../../src/core/check/workbook";
import type { CellValue, Grid } from "../../../src/core/grid";
import type { ParsedTable } from "../../../src/core/read/table";
import { GENERAL_BUDGET_TITLE, generalBudgetGrid, parsedTable } from "../../helpers/tables";

const TITLE = GENERAL_BUDGET_TITLE;
const grid = generalBudgetGrid;
const parsed = parsedTable;

/** Title, unit, a header 科目编码 (merged over 类 款 项) | 科目名称 | 合计 | 基本支出 | 项目支出. */
function splitTable(rows: CellValue[][], merged = true): Grid {
  return grid(
    [
      [TITLE],
      ["", "", "", "", "", "", "单位：万元"],
      ["科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出"],
      ["类", "款", "项", "", "", "", ""],
      ...rows,
    ],
    merged
      ? [
          { top: 3, bottom: 3, left: 1, right: 3 },
          { top: 3, bottom: 4, left: 4, right: 4 },
          { top: 3, bottom: 4, left: 5, right: 5 },
          { top: 3, bottom: 4, left: 6, right: 6 },
          { top: 3, bottom: 4, left: 7, right: 7 },
        ]
      : undefined
  );
}

const codesOf = (table: ParsedTable) =>
  table.sides[0].rows.map((row) => [row.label, row.code, row.codeCell?.address]);

describe("codes split over 类 | 款 | 项 columns", () => {
  const full: CellValue[][] = [
    ["合计", "", "", "", 717.94, 236.34, 481.6],
    ["201", "", "", "一般公共服务支出", 717.94, 236.34, 481.6],
    ["201", "32", "", "组织事务", 717.94, 236.34, 481.6],
    ["201", "32", "01", "行政运行", 198.87, 198.87, ""],
    ["201", "32", "02", "一般行政管理事务", 519.07, 37.47, 481.6],
  ];

  it.each([
    ["with merges", true],
    ["from values only (a custom function)", false],
  ])("joins the parts into one code, %s", (_how, merged) => {
    const table = parsed(splitTable(full, merged));
    const side = table.sides[0];
    expect(side.codeParts).toEqual([0, 1, 2]);
    expect(side.labelColumn).toBe(3);
    expect(side.amountColumns).toEqual([4, 5, 6]);
    // The 类 款 项 row is header, never a data row; each code cell is the part of the row's level.
    expect(codesOf(table)).toEqual([
      ["合计", undefined, "A5"],
      ["一般公共服务支出", "201", "A6"],
      ["组织事务", "20132", "B7"],
      ["行政运行", "2013201", "C8"],
      ["一般行政管理事务", "2013202", "C9"],
    ]);
    expect(side.rows.every((row) => !row.codeCell?.problems)).toBe(true);
  });

  it("takes the parts a row leaves blank from the rows above (each row its own part only)", () => {
    const table = parsed(
      splitTable([
        ["201", "", "", "一般公共服务支出", 717.94, 236.34, 481.6],
        ["", "32", "", "组织事务", 717.94, 236.34, 481.6],
        ["", "", "01", "行政运行", 198.87, 198.87, ""],
        ["", "", "02", "一般行政管理事务", 519.07, 37.47, 481.6],
        ["208", "", "", "社会保障和就业支出", 31.82, 31.82, ""],
        ["", "05", "", "行政事业单位养老支出", 31.82, 31.82, ""],
        ["", "", "05", "机关事业单位基本养老保险缴费支出", 31.82, 31.82, ""],
      ])
    );
    expect(table.sides[0].rows.map((row) => row.code)).toEqual([
      "201",
      "20132",
      "2013201",
      "2013202",
      "208",
      "20805",
      "2080505",
    ]);
    // Read from the parts, not guessed from the names.
    expect(table.sides[0].rows.every((row) => row.codeFrom === "cell")).toBe(true);
  });

  it("gives a part typed as a number its leading zero back (款 01 shows as 1)", () => {
    const table = parsed(
      splitTable([
        [208, "", "", "社会保障和就业支出", 31.82, 31.82, ""],
        [208, 5, "", "行政事业单位养老支出", 31.82, 31.82, ""],
        [208, 5, 5, "机关事业单位基本养老保险缴费支出", 31.82, 31.82, ""],
      ])
    );
    expect(table.sides[0].rows.map((row) => row.code)).toEqual(["208", "20805", "2080505"]);
    expect(table.sides[0].rows.every((row) => row.codeFrom === "cell")).toBe(true);
    expect(table.sides[0].rows.every((row) => !row.codeCell?.problems)).toBe(true);
  });

  it("reads 类 | 款 of an economic classification (基本支出表)", () => {
    const table = parsed(
      grid(
        [
          ["2024年一般公共预算基本支出表"],
          ["部门预算支出经济分类科目", "", "", "合计", "人员经费", "公用经费"],
          ["类", "款", "科目名称", "", "", ""],
          ["301", "", "工资福利支出", 271.99, 271.99, ""],
          ["301", "01", "基本工资", 107.09, 107.09, ""],
          ["302", "", "商品和服务支出", 29.32, "", 29.32],
          ["302", "01", "办公费", 29.32, "", 29.32],
        ],
        [{ top: 2, bottom: 2, left: 1, right: 3 }]
      )
    );
    const side = table.sides[0];
    expect(side.codeParts).toEqual([0, 1]);
    expect(side.rows.map((row) => row.code)).toEqual(["301", "30101", "302", "30201"]);
    expect(side.codeSystem).toBe("economic");
  });

  it("keeps the parts of a second classification beside the first apart (部门 and 政府经济分类)", () => {
    const table = parsed(
      grid(
        [
          ["2024年一般公共预算基本支出表"],
          [
            "部门预算支出经济分类",
            "",
            "",
            "政府预算支出经济分类",
            "",
            "",
            "合计",
            "人员经费",
            "公用经费",
          ],
          ["科目编码", "", "科目名称", "科目编码", "", "科目名称", "", "", ""],
          ["类", "款", "", "类", "款", "", "", "", ""],
          ["301", "", "工资福利支出", "501", "", "机关工资福利支出", 271.99, 271.99, ""],
          ["301", "01", "基本工资", "501", "01", "工资奖金津补贴", 107.09, 107.09, ""],
        ],
        [
          { top: 2, bottom: 2, left: 1, right: 3 },
          { top: 2, bottom: 2, left: 4, right: 6 },
          { top: 3, bottom: 3, left: 1, right: 2 },
          { top: 3, bottom: 3, left: 4, right: 5 },
        ]
      )
    );
    const side = table.sides[0];
    expect(side.codeParts).toEqual([0, 1]);
    expect(side.labelColumn).toBe(2);
    expect(side.amountColumns).toEqual([6, 7, 8]);
    expect(side.rows.map((row) => row.code)).toEqual(["301", "30101"]);
  });

  it("puts a slip on the part that holds it, and still places the row", () => {
    const table = parsed(
      splitTable([
        ["201", "", "", "一般公共服务支出", 717.94, 236.34, 481.6],
        ["201", "3２", "", "组织事务", 717.94, 236.34, 481.6],
        ["201", "32", "O1", "行政运行", 198.87, 198.87, ""],
        ["201", "3", "02", "一般行政管理事务", 519.07, 37.47, 481.6],
      ])
    );
    const [, full, lookalike, short] = table.sides[0].rows;
    // A full-width digit is a digit (NFKC): no slip.
    expect(full.code).toBe("20132");
    expect(lookalike.code).toBe("2013201");
    expect(lookalike.codeCell).toMatchObject({
      address: "C7",
      problems: [{ kind: "lookalike", letter: "O", digit: "0" }],
    });
    // 款 typed with one digit: the code has the wrong length, said at the 款 cell.
    expect(short.code).toBe("2013202"); // placed by its name under 20132
    expect(short.codeFrom).toBe("name");
    expect(short.codeCell).toMatchObject({
      address: "B8",
      problems: [{ kind: "length", digits: 6 }],
    });
  });

  it("does not read 类 and 项 with the 款 missing as a 5-digit code", () => {
    const table = parsed(
      splitTable([
        ["201", "", "", "一般公共服务支出", 717.94, 236.34, 481.6],
        ["201", "32", "", "组织事务", 717.94, 236.34, 481.6],
        ["201", "", "01", "行政运行", 198.87, 198.87, ""],
      ])
    );
    const row = table.sides[0].rows[2];
    expect(row.codeCell?.address).toBe("B7");
    expect(row.codeCell?.problems?.some((p) => p.kind === "length")).toBe(true);
    // Not 20101 (一般公共服务 › 人大事务): the row is placed by its name under 20132.
    expect(row.code).toBe("2013201");
    expect(row.codeFrom).toBe("name");
  });

  it("reports a slip in a part as a code finding at that part's cell", () => {
    const result = checkTable(
      splitTable([
        ["合计", "", "", "", 717.94, 236.34, 481.6],
        ["201", "", "", "一般公共服务支出", 717.94, 236.34, 481.6],
        ["201", "32", "", "组织事务", 717.94, 236.34, 481.6],
        ["201", "32", "O1", "行政运行", 198.87, 198.87, ""],
        ["201", "32", "02", "一般行政管理事务", 519.07, 37.47, 481.6],
      ])
    );
    const code = result.findings.filter((f) => f.ruleId.startsWith("code."));
    expect(code.map((f) => [f.ruleId, f.cell, f.expected])).toEqual([
      ["code.unknown", "C8", "2013201"],
    ]);
    // The sums still hold: the parts were read as codes, not as amounts or names.
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("a code column written 201 32 01 or 201.32.01 all through", () => {
  const table = (codes: string[]) =>
    parsed(
      grid([
        [TITLE],
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        [codes[0], "一般公共服务支出", 717.94, 236.34, 481.6],
        [codes[1], "组织事务", 717.94, 236.34, 481.6],
        [codes[2], "行政运行", 198.87, 198.87, ""],
        [codes[3], "一般行政管理事务", 519.07, 37.47, 481.6],
      ])
    ).sides[0].rows;

  it.each([
    ["spaces", ["201", "201 32", "201 32 01", "201 32 02"]],
    ["dots", ["201", "201.32", "201.32.01", "201.32.02"]],
    ["full-width dots", ["201", "201．32", "201．32．01", "201．32．02"]],
  ])("reads the %s as the column's notation, not as slips", (_how, codes) => {
    const rows = table(codes);
    expect(rows.map((row) => row.code)).toEqual(["201", "20132", "2013201", "2013202"]);
    expect(rows.map((row) => row.codeFrom)).toEqual(["cell", "cell", "cell", "cell"]);
    expect(rows.some((row) => row.codeCell?.problems)).toBe(false);
  });

  it("still names a space in one code among plain ones", () => {
    const rows = table(["201", "20132", "201 3201", "2013202"]);
    expect(rows[2].codeCell?.problems).toEqual([{ kind: "space" }]);
    expect(rows[2].code).toBe("2013201");
  });
});

describe("amount cells as departments type them", () => {
  const cells = (values: CellValue[], unit = "单位：万元") =>
    parsed(
      grid([
        [TITLE],
        ["", "", unit],
        ["科目编码", "科目名称", "合计"],
        ...values.map((v) => ["2013201", "行政运行", v]),
      ])
    ).sides[0].rows.map((row) => row.cells[0]);

  it("reads every dash a keyboard types as zero", () => {
    for (const cell of cells(["-", "—", "——", "－", "–", "‐", "−", "─"]))
      expect(cell.parsed.kind).toBe("empty");
  });

  it("reads thousands separators, half- or full-width, as the amount (stored as text)", () => {
    const [half, full] = cells(["1,234.56", "1，234.56"]);
    for (const cell of [half, full]) {
      expect(cell.parsed).toMatchObject({ kind: "amount", fromText: true });
      expect(cell.value.toString()).toBe("1234.56");
    }
  });

  it("reads a figure that states its own unit in that unit, whatever the table's", () => {
    const [wan, yuan] = cells(["12.50万元", "125000元"], "单位：元");
    expect(wan.value.toString()).toBe("12.5");
    expect(yuan.value.toString()).toBe("12.5");
  });

  it("never takes text it does not understand for zero: each is an error at its cell", () => {
    const bad = ["1.234,56", "12.3.4", "¥12", "约12"];
    const values = bad.flatMap((text) => [100, text]);
    const read = cells(values);
    expect(read.filter((cell) => cell.parsed.kind === "invalid").map((c) => c.address)).toEqual([
      "C5",
      "C7",
      "C9",
      "C11",
    ]);
    const findings = checkTable(
      grid([
        [TITLE],
        ["科目编码", "科目名称", "合计"],
        ...values.map((v) => ["2013201", "行政运行", v]),
      ])
    ).findings.filter((f) => f.ruleId === "amount.not-a-number");
    expect(findings.map((f) => [f.severity, f.cell, f.actual])).toEqual(
      bad.map((text, i) => ["error", `C${4 + 2 * i}`, text])
    );
  });
});

describe("a rate typed as a percentage", () => {
  const sangong = (rate: CellValue) =>
    checkWorkbook([
      grid([
        ["2024年财政拨款“三公”经费支出预算表"],
        ["", "", "", "", "单位：万元"],
        ["项目", "2023年度预算", "2024年度预算", "增减金额", "增减率"],
        ["合计", 10, 8, -2, rate],
        ["因公出国（境）费", "", "", "", "—"],
        ["公务用车购置及运行维护费", "", "", "", "—"],
        ["公务接待费", 10, 8, -2, rate],
      ]),
    ]).findings;

  it.each(["-20.00%", "－20％", "-20%"])("reads %s as -20 percent, not as text", (rate) => {
    const findings = sangong(rate);
    expect(findings.filter((f) => f.ruleId === "amount.not-a-number")).toEqual([]);
    expect(findings.filter((f) => f.ruleId === "sangong.change")).toEqual([]);
  });

  it("still finds a wrong rate typed as a percentage", () => {
    const wrong = sangong("-25%").filter((f) => f.ruleId === "sangong.change");
    expect(wrong.map((f) => [f.cell, f.expected])).toEqual([
      ["E4", "-20.00"],
      ["E7", "-20.00"],
    ]);
  });
});
