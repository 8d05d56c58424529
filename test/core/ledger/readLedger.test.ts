import { readFileSync } from "fs";
import path from "path";
import type { CellValue, Grid } from "../../../src/core/grid";
import { makeGrid } from "../../../src/core/grid";
import { findLedger, parseFundSource, readLedger } from "../../../src/core/ledger";
import type { LedgerLine } from "../../../src/core/ledger";
import { sumMoney } from "../../../src/core/money";
import ExcelJS from "exceljs";
import { gridsFromXlsx } from "../../../src/io/readXlsx";
import { gridsFromXlsxFull } from "../../../src/io/excelJsGrids";
import { gridsFromXlsxStreaming } from "../../../src/io/xlsxStream";

const EXAMPLE = path.resolve(__dirname, "../../../examples/quyang-2024-ledger.xlsx");

function loadExample(): Promise<Grid[]> {
  return gridsFromXlsx(readFileSync(EXAMPLE));
}

const INFO = makeGrid("部门信息", [
  ["部门名称", "测试局"],
  ["部门编码", "101"],
  ["预算年度", 2025],
  ["单位性质", "事业单位"],
  ["模板", "财政部"],
]);

const HEADER = [
  "功能分类科目编码",
  "经济分类科目编码",
  "支出类型",
  "资金来源",
  "上年结转",
  "项目名称",
  "金额（万元）",
];

/** A ledger sheet with the standard header in row 1. */
function ledgerSheet(rows: CellValue[][], header: CellValue[] = HEADER): Grid {
  return makeGrid("预算明细", [header, ...rows]);
}

/** What a line means, without where it was. */
function meaning(line: LedgerLine) {
  return [
    line.functionCode,
    line.economicCode,
    line.kind,
    line.source,
    line.carryover,
    line.projectCode,
    line.projectName,
    line.amount.toString(),
  ];
}

describe("readLedger on the example ledger", () => {
  it("reads the example ledger: 39 lines in 万元 and the department of quyang-2024", async () => {
    const { ledger, findings } = readLedger(await loadExample());
    expect(findings).toEqual([]);
    expect(ledger?.unit).toBe("万元");
    expect(ledger?.department).toEqual({
      name: "中国共产党曲阳县委员会组织部",
      code: "203",
      year: 2024,
      unitNature: "行政",
      template: "hebei",
    });
    expect(ledger?.lines).toHaveLength(39);
    expect(sumMoney(ledger!.lines.map((l) => l.amount)).toString()).toBe("872.24");
  });

  it("keeps each line's sheet row and cell addresses", async () => {
    const { ledger } = readLedger(await loadExample());
    const first = ledger!.lines[0];
    expect(first).toMatchObject({
      sheet: "预算明细",
      row: 2,
      functionCode: "2013201",
      economicCode: "30101",
      kind: "人员经费",
      source: "一般公共预算",
      carryover: false,
    });
    expect(first.cells).toEqual({
      functionCode: "A2",
      economicCode: "C2",
      kind: "E2",
      source: "F2",
      carryover: "G2",
      amount: "J2",
    });
    const carried = ledger!.lines.filter((l) => l.carryover);
    expect(
      carried.map((l) => [l.projectName, l.projectCode, l.amount.toString(), l.cells.projectName])
    ).toEqual([
      ["下派选调生到村工作中央财政补助资金", "13063423P00C30H10005G", "11.2", "I36"],
      ["下派选调生到村工作中央财政补助资金", "13063423P00C30H100064", "5.15", "I37"],
    ]);
  });

  it("finds the ledger sheet by its captions and the 部门信息 sheet by its name", async () => {
    const grids = await loadExample();
    const { ledgerGrid, infoGrid } = findLedger(grids.slice().reverse());
    expect(ledgerGrid?.sheet).toBe("预算明细");
    expect(infoGrid?.sheet).toBe("部门信息");
  });

  it("reads the same lines when the columns come in another order and the header is not in row 1", async () => {
    const grids = await loadExample();
    const sheet = grids.find((g) => g.sheet === "预算明细")!;
    const order = [9, 4, 8, 0, 6, 2, 5, 7, 1, 3]; // 金额 first, 功能编码 fourth …
    const moved: Grid = makeGrid("明细", [
      ["2024年部门预算明细"],
      [],
      ...sheet.values.map((row) => order.map((c) => row[c])),
    ]);
    const original = readLedger(grids).ledger!;
    const { ledger, findings } = readLedger([grids.find((g) => g.sheet === "部门信息")!, moved]);
    expect(findings).toEqual([]);
    expect(ledger!.lines.map(meaning)).toEqual(original.lines.map(meaning));
    expect(ledger!.lines[0].row).toBe(4);
    expect(ledger!.lines[0].cells).toMatchObject({
      amount: "A4",
      functionCode: "D4",
      economicCode: "F4",
    });
  });
});

describe("readLedger headers", () => {
  it("tolerates odd spaces, line breaks and hints in the captions and takes 元 from the amount caption", () => {
    const header = [
      "功能分类\n科目编码",
      " 经济分类 科目编码 ",
      "支出类型（人员经费/公用经费/项目支出）",
      "资 金 来 源",
      "上年结转(是/否)",
      "项目\r\n名称",
      "金 额（元）",
    ];
    const { ledger, findings } = readLedger([
      INFO,
      ledgerSheet([["2013201", "30101", "人员经费", "一般公共预算拨款", "否", "", 129636]], header),
    ]);
    expect(findings).toEqual([]);
    expect(ledger?.unit).toBe("元");
    expect(ledger?.lines[0].amount.toString()).toBe("129636");
  });

  it("reads 金额(万元) as 万元 and a caption without a unit as 万元, with a warning", () => {
    const row = ["2013201", "30101", "人员经费", "一般公共预算", "否", "", 1.5];
    expect(
      readLedger([INFO, ledgerSheet([row], [...HEADER.slice(0, 6), "金额(万元)"])]).ledger?.unit
    ).toBe("万元");
    const { ledger, findings } = readLedger([
      INFO,
      ledgerSheet([row], [...HEADER.slice(0, 6), "金额"]),
    ]);
    expect(ledger?.unit).toBe("万元");
    expect(findings).toEqual([
      expect.objectContaining({ severity: "warning", sheet: "预算明细", cell: "G1" }),
    ]);
  });

  it("reports a workbook without a ledger sheet as an error", () => {
    const { ledger, findings } = readLedger([INFO]);
    expect(ledger).toBeUndefined();
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: "ledger.missing", severity: "error" }),
    ]);
  });

  it("skips blank rows and the clerk's own 合计 row", () => {
    const { ledger, findings } = readLedger([
      INFO,
      ledgerSheet([
        ["2013201", "30101", "人员经费", "一般公共预算", "否", "", 1],
        [],
        ["", "", "", "", "", "合计", 1],
      ]),
    ]);
    expect(findings).toEqual([]);
    expect(ledger?.lines).toHaveLength(1);
  });
});

describe("readLedger bad cells", () => {
  const rows: CellValue[][] = [
    /* 2 */ ["2019998", "30101", "人员经费", "一般公共预算", "否", "", 1], // unknown function code: warning, kept
    /* 3 */ ["20132", "30101", "人员经费", "一般公共预算", "否", "", 1], // a 款, not a 项: error
    /* 4 */ ["2013201", "30101", "基本支出", "一般公共预算", "否", "", 1], // kind unknown: error
    /* 5 */ ["2013201", "", "公用经费", "一般公共预算", "否", "", 1], // no economic code: error
    /* 6 */ ["2013202", "30299", "项目支出", "一般公共预算", "否", "", 1], // project without name: error
    /* 7 */ ["2013201", "30101", "人员经费", "一般公共预算", "否", "", "十二"], // not a number: error
    /* 8 */ ["2013201", "30101", "人员经费", "一般公共预算", "否", "", "'1,234.50"], // numeric text: warning, kept
    /* 9 */ ["2013201", "30101", "人员经费", "银行贷款", "否", "", 1], // unknown source: error
    /* 10 */ ["2013201", "30101", "人员经费", "一般公共预算", "可能", "", 1], // carryover not 是/否: error
    /* 11 */ ["2013201", "30201", "人员经费", "一般公共预算", "否", "", 1], // 人员经费 coded 302: warning, kept
    /* 12 */ ["2013201", "30101", "公用经费", "一般公共预算", "否", "", 1], // 公用经费 coded 301: warning, kept
    /* 13 */ ["2013201", "30302", "公用经费", "一般公共预算", "否", "", 1], // 公用经费 coded 303: warning, kept
    /* 14 */ ["2013201", "3010", "人员经费", "一般公共预算", "否", "", 1], // malformed economic code: error
    /* 15 */ ["x2013201", "30101", "人员经费", "一般公共预算", "否", "", 1], // malformed function code: error
  ];
  const { ledger, findings } = readLedger([INFO, ledgerSheet(rows)]);
  const at = (cell: string) => findings.filter((f) => f.cell === cell).map((f) => f.severity);

  it("gives every bad cell a finding at its own address with a Chinese message", () => {
    expect(findings.every((f) => f.sheet === "预算明细" && /[\u4e00-\u9fff]/.test(f.message))).toBe(
      true
    );
    expect(at("A2")).toEqual(["warning"]);
    expect(at("A3")).toEqual(["error"]);
    expect(at("C4")).toEqual(["error"]);
    expect(at("B5")).toEqual(["error"]);
    expect(at("F6")).toEqual(["error"]);
    expect(at("G7")).toEqual(["error"]);
    expect(at("G8")).toEqual(["warning"]);
    expect(at("D9")).toEqual(["error"]);
    expect(at("E10")).toEqual(["error"]);
    expect(at("B11")).toEqual(["warning"]);
    expect(at("B12")).toEqual(["warning"]);
    expect(at("B13")).toEqual(["warning"]);
    expect(at("B14")).toEqual(["error"]);
    expect(at("A15")).toEqual(["error"]);
    expect(findings).toHaveLength(14);
  });

  it("leaves out lines with an error and keeps lines with warnings only", () => {
    expect(ledger!.lines.map((l) => l.row)).toEqual([2, 8, 11, 12, 13]);
    expect(ledger!.lines[1].amount.toString()).toBe("1234.5");
  });

  it("says what is wrong in words a clerk understands", () => {
    const message = (cell: string) => findings.find((f) => f.cell === cell)!.message;
    expect(message("C4")).toContain("人员经费");
    expect(message("D9")).toContain("银行贷款");
    expect(message("E10")).toContain("是");
    expect(message("F6")).toContain("项目名称");
    expect(message("A3")).toContain("7 位");
  });
});

describe("readLedger words in an amount cell", () => {
  const sheet = ledgerSheet([
    ["2013201", "30101", "人员经费", "一般公共预算", "否", "", 1],
    ["2013201", "30201", "公用经费", "一般公共预算", "否", "", "待定"],
    ["2013201", "30201", "公用经费", "一般公共预算", "否", "", "约十二"],
    ["2013201", "30201", "公用经费", "一般公共预算", "否", "", "暂无"],
    ["2013201", "30201", "公用经费", "一般公共预算", "否", "", "abc"],
  ]);
  const { ledger, findings } = readLedger([INFO, sheet]);

  it("says what the words mean in the tables' wording (read/amountWords), and that the line is left out", () => {
    expect(findings.filter((f) => f.sheet === "预算明细").map((f) => [f.cell, f.message])).toEqual([
      [
        "G3",
        "金额单元格中写的是“待定”，表示金额尚未确定或不在本表中，不是 0，该行未计入。请填写确定的金额；如确实没有这项金额，请填 0。",
      ],
      [
        "G4",
        "金额单元格中的“约十二”是用汉字写的数，读不出确切金额，该行未计入。请改为阿拉伯数字（如 12.00）。",
      ],
      ["G5", "金额单元格中写的是“暂无”，不是数字，该行未计入。没有金额的行请填 0 或删去。"],
      ["G6", "金额单元格中的“abc”不是数字，该行未计入。请填写数字金额。"],
    ]);
    expect(findings.find((f) => f.cell === "G3")).toMatchObject({
      severity: "error",
      actual: "待定",
    });
  });

  it("counts none of those lines", () => {
    expect(ledger!.lines.map((l) => l.row)).toEqual([2]);
  });
});

describe("readLedger formulas saved without their result", () => {
  // G3 holds =SUM(H3:I3) saved by a tool that writes no result (openpyxl): the reader gives a blank
  // and a note saying so (io/cellValues.ts). Row 4 is a truly empty amount.
  const sheet: Grid = {
    ...ledgerSheet([
      ["2013201", "30101", "人员经费", "一般公共预算", "否", "", 1],
      ["2013201", "30201", "公用经费", "一般公共预算", "否", "", null],
      ["2013201", "30201", "公用经费", "一般公共预算", "否", "", null],
    ]),
    cellNotes: [{ row: 3, col: 7, kind: "formulaWithoutValue", text: "=SUM(H3:I3)" }],
  };
  const { ledger, findings } = readLedger([INFO, sheet]);

  it("says to recalculate in Excel, as the tables do, not that the amount is missing", () => {
    const g3 = findings.filter((f) => f.cell === "G3");
    expect(g3).toEqual([
      expect.objectContaining({
        ruleId: "cell.formula-without-value",
        severity: "error",
        sheet: "预算明细",
        actual: "=SUM(H3:I3)",
      }),
    ]);
    expect(g3[0].message).toContain("=SUM(H3:I3)");
    expect(g3[0].message).toContain("重新计算");
    expect(g3[0].message).not.toContain("缺少金额");
    // A blank amount with no formula is still a missing amount.
    expect(findings.find((f) => f.cell === "G4")?.message).toContain("缺少金额");
  });

  it("counts the line neither as 0 nor at all", () => {
    expect(ledger!.lines.map((l) => l.row)).toEqual([2]);
  });
});

describe("readLedger columns other than the amount holding a formula saved without its result", () => {
  // Row 2: the 功能 code, the 资金来源 and the 上年结转 are formulas (=VLOOKUP…) saved by a tool that
  // writes no result. Row 3: the 经济 code of a 人员经费 line and the 支出类型. Row 4: the 项目名称 of
  // a 项目支出 line. Row 5 is read as it is. Row 6: only the 上年结转, which read blank would be 否.
  const sheet: Grid = {
    ...ledgerSheet([
      ["", "30101", "人员经费", "", "", "", 10],
      ["2013201", "", "", "一般公共预算", "否", "", 20],
      ["2013202", "", "项目支出", "一般公共预算", "否", "", 30],
      ["2013201", "30201", "公用经费", "一般公共预算", "否", "", 40],
      ["2013201", "30201", "公用经费", "一般公共预算", "", "", 50],
    ]),
    cellNotes: [
      { row: 2, col: 1, kind: "formulaWithoutValue", text: "=VLOOKUP(H2,科目!A:B,2,0)" },
      { row: 2, col: 4, kind: "formulaWithoutValue", text: "=指标!C2" },
      { row: 2, col: 5, kind: "formulaWithoutValue", text: '=IF(I2>0,"是","否")' },
      { row: 3, col: 2, kind: "formulaWithoutValue", text: "=LEFT(H3,5)" },
      { row: 3, col: 3, kind: "formulaWithoutValue", text: "=指标!D3" },
      { row: 4, col: 6, kind: "formulaWithoutValue" },
      { row: 6, col: 5, kind: "formulaWithoutValue", text: '=IF(I6>0,"是","否")' },
    ],
  };
  const { ledger, findings } = readLedger([INFO, sheet]);

  it("says at each such cell to recalculate in Excel, naming the column, never that it is missing", () => {
    expect(findings.map((f) => `${f.ruleId}@${f.cell} ${f.severity} ${f.actual ?? ""}`)).toEqual([
      "cell.formula-without-value@A2 error =VLOOKUP(H2,科目!A:B,2,0)",
      "cell.formula-without-value@D2 error =指标!C2",
      'cell.formula-without-value@E2 error =IF(I2>0,"是","否")',
      "cell.formula-without-value@B3 error =LEFT(H3,5)",
      "cell.formula-without-value@C3 error =指标!D3",
      "cell.formula-without-value@F4 error ",
      'cell.formula-without-value@E6 error =IF(I6>0,"是","否")',
    ]);
    const message = (cell: string) => findings.find((f) => f.cell === cell)!.message;
    expect(message("A2")).toBe(
      "单元格中是公式（=VLOOKUP(H2,科目!A:B,2,0)），但文件里没有保存 Excel 算出的结果（用其他软件生成的表格常见），读不出功能分类科目编码。请在 Excel 中打开这个文件、重新计算后保存，再检查。该行暂未计入。"
    );
    expect(message("D2")).toContain("读不出资金来源");
    expect(message("E2")).toContain("读不出上年结转");
    expect(message("B3")).toContain("读不出经济分类科目编码");
    expect(message("C3")).toContain("读不出支出类型");
    expect(message("F4")).toContain("读不出项目名称");
    for (const f of findings) {
      expect(f.sheet).toBe("预算明细");
      expect(f.message).not.toMatch(/缺少|必须填写/);
    }
  });

  it("leaves those lines out (the 上年结转 is not taken for 否) and counts the others", () => {
    expect(ledger!.lines.map((l) => l.row)).toEqual([5]);
  });
});

describe.each([
  ["the streaming reader", gridsFromXlsxStreaming],
  ["the full exceljs read", gridsFromXlsxFull],
])("readLedger on a ledger file whose amount formula has no saved result, by %s", (_name, read) => {
  it("reports the formula at its cell, as the tables do", async () => {
    const workbook = new ExcelJS.Workbook();
    const info = workbook.addWorksheet("部门信息");
    for (const row of INFO.values) info.addRow(row);
    const sheet = workbook.addWorksheet("预算明细");
    sheet.addRow(HEADER);
    sheet.addRow(["2013201", "30101", "人员经费", "一般公共预算", "否", "", 1]);
    sheet.addRow(["2013201", "30201", "公用经费", "一般公共预算", "否", "", null, 2, 3]);
    // Written as a program writes it: the formula and no result.
    sheet.getCell("G3").value = { formula: "H3+I3" } as ExcelJS.CellFormulaValue;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { ledger, findings } = readLedger(await read(bytes));
    expect(findings.map((f) => `${f.ruleId}@${f.cell} ${f.actual ?? ""}`)).toEqual([
      "cell.formula-without-value@G3 =H3+I3",
    ]);
    expect(ledger!.lines.map((l) => l.row)).toEqual([2]);
  });
});

describe("parseFundSource", () => {
  it("accepts the usual spellings of each source", () => {
    expect(parseFundSource("一般公共预算拨款")).toBe("一般公共预算");
    expect(parseFundSource("一般公共预算财政拨款")).toBe("一般公共预算");
    expect(parseFundSource("政府性基金预算拨款")).toBe("政府性基金");
    expect(parseFundSource("国有资本经营预算拨款")).toBe("国有资本经营");
    expect(parseFundSource("财政专户管理资金")).toBe("财政专户");
    expect(parseFundSource("财政专户管理资金收入")).toBe("财政专户");
    expect(parseFundSource("单位资金")).toBe("单位资金");
    expect(parseFundSource("单位资金（事业收入）")).toBe("事业收入");
    expect(parseFundSource("单位资金-经营收入")).toBe("经营收入");
    expect(parseFundSource("上级补助收入")).toBe("上级补助收入");
    expect(parseFundSource("附属单位上缴收入")).toBe("附属单位上缴收入");
    expect(parseFundSource("其他收入")).toBe("其他收入");
    expect(parseFundSource("贷款")).toBeUndefined();
  });
});

describe("readLedger 部门信息", () => {
  const line = [["2013201", "30101", "人员经费", "一般公共预算", "否", "", 1]];

  it("reads key and value in one cell, and keys in a header row with values below", () => {
    const inline = makeGrid("部门信息", [
      ["部门名称：测试局"],
      ["部门编码：101", "", "预算年度：2025年"],
      ["单位性质：参照公务员法管理"],
      ["模板：山西"],
    ]);
    expect(readLedger([inline, ledgerSheet(line)]).ledger?.department).toEqual({
      name: "测试局",
      code: "101",
      year: 2025,
      unitNature: "参公",
      template: "shanxi",
    });
    const table = makeGrid("部门信息", [
      ["部门名称", "部门编码", "预算年度", "单位性质", "模板"],
      ["测试局", 101, 2025, "行政", "河北"],
    ]);
    expect(readLedger([table, ledgerSheet(line)]).ledger?.department).toEqual({
      name: "测试局",
      code: "101",
      year: 2025,
      unitNature: "行政",
      template: "hebei",
    });
  });

  it("maps 单位性质 and 模板 spellings", () => {
    expect(readLedger([INFO, ledgerSheet(line)]).ledger?.department).toMatchObject({
      unitNature: "事业",
      template: "mof",
    });
  });

  it("warns about each missing or unreadable field", () => {
    const partial = makeGrid("部门信息", [
      ["部门名称", "测试局"],
      ["单位性质", "企业"],
    ]);
    const { ledger, findings } = readLedger([partial, ledgerSheet(line)]);
    expect(ledger?.department).toEqual({ name: "测试局" });
    expect(findings.map((f) => f.severity)).toEqual(["warning", "warning", "warning", "warning"]);
    expect(findings.find((f) => f.cell === "B2")?.message).toContain("企业");
  });

  it("looks above the ledger header when there is no 部门信息 sheet", () => {
    const sheet = makeGrid("预算明细", [
      ["部门名称", "测试局"],
      ["部门编码", "101"],
      ["预算年度", "2025"],
      ["单位性质", "行政"],
      ["模板", "河北"],
      HEADER,
      ...line,
    ]);
    const { ledger, findings } = readLedger([sheet]);
    expect(ledger?.department).toEqual({
      name: "测试局",
      code: "101",
      year: 2025,
      unitNature: "行政",
      template: "hebei",
    });
    expect(findings.map((f) => f.severity)).toEqual(["warning"]); // only: no 部门信息 sheet
    expect(ledger?.lines[0].row).toBe(7);
  });
});
