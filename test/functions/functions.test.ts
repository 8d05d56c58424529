/*
 * The BUDGET functions called as Excel calls them (see ./excel.ts): from the generated metadata,
 * with ranges of the fixture workbooks and their addresses, omitted arguments as null.
 */
import { Money, ZERO, parseAmount } from "../../src/core/money";
import type { Grid } from "../../src/core/grid";
import { parseTable } from "../../src/core/read/table";
import type { TableSide } from "../../src/core/read/table";
import { cloneGrid, loadFacts, loadFixture, loadFixtureSheet } from "../helpers/fixtures";
import { loadRealWorkbook } from "../helpers/realFixtures";
import { callExcel, excelError, loadFunctions, range, rangeOf, spill } from "./excel";

beforeAll(() => loadFunctions(), 120_000);

/** Columns of a grid as Excel ranges from row 1 to the last row ("B1:B33"). */
const column = (grid: Grid, col: number, last = col) =>
  rangeOf(grid.sheet, grid.values, 1, col, grid.values.length, last);

const figure = (cell: unknown): Money => {
  const parsed = parseAmount(cell);
  return parsed.kind === "amount" ? parsed.value : ZERO;
};
/** A spilled amount as a number ("" is a blank cell: zero). */
const shown = (cell: unknown) => (cell === "" ? 0 : (cell as number));

interface CodedTable {
  fixture: string;
  grid: Grid;
  side: TableSide;
  /** 1-based sheet columns. */
  codeCol: number;
  nameCol: number;
  amountCols: number[];
}

/** Every table of the fixtures whose rows carry printed codes (收入总表, 支出总表, 基本支出表 …). */
async function codedTables(): Promise<CodedTable[]> {
  const out: CodedTable[] = [];
  for (const fixture of ["quyang-2024", "tunliu-2024"]) {
    for (const grid of await loadFixture(fixture)) {
      const parsed = parseTable(grid);
      if (!parsed.ok) continue;
      for (const side of parsed.table.sides) {
        if (side.codeColumn === undefined || !side.rows.some((r) => r.codeFrom === "cell"))
          continue;
        out.push({
          fixture,
          grid,
          side,
          codeCol: side.codeColumn + 1,
          nameCol: side.labelColumn + 1,
          amountCols: side.amountColumns.map((c) => c + 1),
        });
      }
    }
  }
  return out;
}

describe("=BUDGET.ROLLUP", () => {
  it("takes a whole published table, title, header, 栏次 and 合计 rows included, and explains every figure it does not repeat", async () => {
    const tables = await codedTables();
    expect(tables.map((t) => `${t.fixture}/${t.grid.sheet}`)).toEqual(
      expect.arrayContaining([
        "quyang-2024/收入总表",
        "quyang-2024/支出总表",
        "quyang-2024/基本支出表",
        "tunliu-2024/支出总表",
        "tunliu-2024/一般公共预算支出表",
      ])
    );
    let compared = 0;
    let explained = 0;
    for (const { grid, side, codeCol, nameCol, amountCols } of tables) {
      const first = amountCols[0];
      const last = amountCols[amountCols.length - 1];
      expect(last - first + 1).toBe(amountCols.length); // contiguous, as a clerk selects them
      const rows = await spill(
        "ROLLUP",
        column(grid, codeCol),
        column(grid, first, last),
        column(grid, nameCol)
      );
      const width = 2 + amountCols.length + 1;
      expect(rows.every((row) => row.length === width)).toBe(true);
      const byCode = new Map(rows.map((row) => [row[0] as string, row]));
      for (const printed of side.rows) {
        const code = printed.role === "total" ? "" : printed.code;
        if (code === undefined || (printed.role === "total" && printed.label !== "合计")) continue;
        const spilled = byCode.get(code);
        expect(spilled).toBeDefined();
        const note = spilled![width - 1] as string;
        printed.cells.forEach((cell, c) => {
          compared++;
          const same = figure(cell.raw).toNumber() === shown(spilled![2 + c]);
          // Every figure the spill does not repeat is named, cell by cell, in the row's 说明.
          if (!same) {
            explained++;
            expect(`${grid.sheet} ${code || "合计"}: ${note}`).toContain(`${cell.address} 为 `);
          } else expect(note).not.toContain(`${cell.address} 为 `);
        });
      }
    }
    expect(compared).toBeGreaterThan(300);
    expect(explained).toBeGreaterThan(0); // tunliu's 舍入差异
  });

  it("works on the selection that used to fail: 合计 typed in the code column, no names column", async () => {
    const grid = await loadFixtureSheet("tunliu-2024", "支出总表");
    const rows = await spill("ROLLUP", column(grid, 1), column(grid, 3, 5));
    expect(rows[0].slice(0, 5)).toEqual(["", "合计", 4707.09, 286.49, 4420.6]);
    expect(rows.map((row) => row[0])).toContain("2130705");
  });

  it("leaves blank what no line has a figure for, and keeps a typed 0", async () => {
    const grid = await loadFixtureSheet("quyang-2024", "支出总表");
    const rows = await spill("ROLLUP", column(grid, 2), column(grid, 4, 9), column(grid, 3));
    // 经营支出, 上解上级支出, 对附属单位补助支出: blank in every line, blank in every spilled row.
    for (const row of rows) expect(row.slice(5, 8)).toEqual(["", "", ""]);
    const line = (code: string) => rows.find((row) => row[0] === code)!;
    expect(line("2013202").slice(2, 5)).toEqual([428.6, "", 428.6]);
    expect(line("2013201").slice(2, 5)).toEqual([198.87, 198.87, ""]);
    expect(line("201").slice(2, 5)).toEqual([717.94, 236.34, 481.6]);

    const typed = await spill(
      "ROLLUP",
      range("Sheet1!A1:A2", [["2013201"], ["2013202"]]),
      range("Sheet1!B1:C2", [
        [0, null],
        [null, null],
      ])
    );
    expect(typed.map((row) => row.slice(2, 4))).toEqual([
      [0, ""],
      [0, ""],
      [0, ""],
      [0, ""],
      ["", ""],
    ]);
  });

  it("reports a 款 row that disagrees with its 项, naming the row and cell, and keeps the row", async () => {
    const grid = cloneGrid(await loadFixtureSheet("quyang-2024", "支出总表"));
    const row20805 = grid.values.findIndex((row) => row[1] === "20805");
    grid.values[row20805][3] = 50; // published 42.11; its 项 add up to 42.11
    const sheetRow = row20805 + 1;
    const rows = await spill("ROLLUP", column(grid, 2), column(grid, 4, 9), column(grid, 3));
    const line = rows.find((row) => row[0] === "20805")!;
    expect(line.slice(0, 3)).toEqual(["20805", "行政事业单位养老支出", 42.11]);
    expect(line[8]).toBe(
      `表中第 ${sheetRow} 行与下级明细之和不符：D${sheetRow} 为 50.00，下级明细之和为 42.11，相差 7.89。`
    );
    expect(rows.filter((row) => row[8] !== "")).toHaveLength(1);

    // Cut to 类, the disagreement moves up to the 类 it belongs to, never out of sight.
    const classes = await spill("ROLLUP", column(grid, 2), column(grid, 4, 9), column(grid, 3), 1);
    expect(classes.map((row) => row[0])).not.toContain("20805");
    expect(classes.find((row) => row[0] === "208")![8]).toBe(
      `其下 20805 行政事业单位养老支出：表中第 ${sheetRow} 行与下级明细之和不符：D${sheetRow} 为 50.00，下级明细之和为 42.11，相差 7.89。`
    );
  });

  it("compares a 合计 row in the range with the total, rounding differences named as such", async () => {
    const grid = await loadFixtureSheet("tunliu-2024", "一般公共预算支出表");
    const rows = await spill("ROLLUP", column(grid, 1), column(grid, 3, 5));
    expect(rows[0]).toEqual([
      "",
      "合计",
      3661.68,
      283.97,
      3377.71,
      "表中第 6 行的合计与计算结果不符：E6 为 3,377.72，计算的合计为 3,377.71，相差 0.01（舍入差异）。",
    ]);
  });

  it("says when a row has amounts but no code, instead of dropping it silently", async () => {
    const rows = await spill(
      "ROLLUP",
      range("Sheet1!A5:A8", [["合计"], ["2013201"], [null], ["2013202"]]),
      range("Sheet1!C5:C8", [[10], [4], [2], [4]])
    );
    expect(rows[0]).toEqual([
      "",
      "合计",
      8,
      "表中第 5 行的合计与计算结果不符：C5 为 10.00，计算的合计为 8.00，相差 2.00。" +
        "表中第 7 行有金额但没有科目编码，未计入：C7 为 2.00。",
    ]);
  });

  it("returns #VALUE! with a message naming the row for a code or an amount it cannot read", async () => {
    const grid = cloneGrid(await loadFixtureSheet("quyang-2024", "支出总表"));
    grid.values[8][1] = "20A3201";
    grid.values[11][4] = "约五万";
    let error = await excelError("ROLLUP", column(grid, 2), column(grid, 4, 9));
    expect(error).toEqual({
      code: "#VALUE!",
      message:
        "第 9 行（B9）的编码“20A3201”不是有效的科目编码（功能分类 3/5/7 位，经济分类 3/5 位数字）。（另有 1 处问题）",
    });
    grid.values[8][1] = "2013201行政运行";
    error = await excelError("ROLLUP", column(grid, 2), column(grid, 4, 9));
    expect(error.message).toMatch(/^第 9 行（B9）的编码“2013201行政运行”.*编码和名称请分两列填写/);
    grid.values[8][1] = "2013201";
    error = await excelError("ROLLUP", column(grid, 2), column(grid, 4, 9));
    // What the words mean, as the table checks say it (core/read/amountWords).
    expect(error.message).toBe(
      "第 12 行 E12 的金额“约五万”是用汉字写的数，读不出确切金额。请改为阿拉伯数字（如 12.00）。"
    );
    grid.values[11][4] = "另行公布";
    error = await excelError("ROLLUP", column(grid, 2), column(grid, 4, 9));
    expect(error.message).toBe(
      "第 12 行 E12 的金额“另行公布”表示金额尚未确定或不在本表中，不是 0。" +
        "请填写确定的金额；如确实没有这项金额，请填 0 或“—”。"
    );
  });

  it("returns #VALUE! for ranges that cannot be rolled up, saying what to select", async () => {
    const grid = await loadFixtureSheet("quyang-2024", "支出总表");
    expect((await excelError("ROLLUP", column(grid, 3), column(grid, 4, 9))).message).toContain(
      "没有科目编码"
    );
    expect(
      (await excelError("ROLLUP", column(grid, 2), rangeOf(grid.sheet, grid.values, 1, 4, 20, 9)))
        .message
    ).toContain("行数必须相同");
    expect(
      (await excelError("ROLLUP", column(grid, 2), column(grid, 4, 9), null, 4)).message
    ).toContain("层级参数");
  });
});

describe("=BUDGET.SUM", () => {
  /**
   * A printed subtotal equals the sum of the lines below it, except where the publisher's own
   * subtotals disagree: the fixtures' facts list each such cell (expected = the sum of its printed
   * children, actual = printed). So the sum of the lowest lines under a row is its printed figure
   * plus (expected − actual) of every listed cell at or below it in the same column.
   */
  it("matches every published subtotal of the fixtures to the cent", async () => {
    let checked = 0;
    let corrected = 0;
    for (const { fixture, grid, side, codeCol, amountCols } of await codedTables()) {
      const corrections = new Map<string, Money>();
      for (const d of loadFacts(fixture).source_defects) {
        if (d.sheet === grid.sheet && d.cell && /parent_vs_children|column_total/.test(d.type))
          corrections.set(d.cell, new Money(d.expected).minus(d.actual));
      }
      const coded = side.rows.filter((r) => r.codeFrom === "cell" && r.code);
      const total = side.rows.find((r) => r.role === "total" && r.label === "合计");
      const targets = [
        ...coded.map((r) => ({
          row: r,
          prefix: r.code!,
          below: (code: string) => code.startsWith(r.code!),
        })),
        ...(total ? [{ row: total, prefix: coded[0].code![0], below: () => true }] : []),
      ];
      for (const [c, col] of amountCols.entries()) {
        const amounts = column(grid, col);
        for (const { row, prefix, below } of targets) {
          let expected = figure(row.cells[c].raw);
          const subtree = [row, ...coded.filter((r) => r !== row && below(r.code!))];
          for (const r of subtree) {
            const fix = corrections.get(r.cells[c].address);
            if (fix) {
              expected = expected.plus(fix);
              corrected++;
            }
          }
          const result = await spill("SUM", column(grid, codeCol), amounts, prefix);
          expect(`${grid.sheet}!${row.cells[c].address} ${prefix}: ${result[0][0]}`).toBe(
            `${grid.sheet}!${row.cells[c].address} ${prefix}: ${expected.toNumber()}`
          );
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(corrected).toBeGreaterThan(0);
  });

  it("adds several prefixes, given as values or as a range, each line once and exactly", async () => {
    const grid = await loadFixtureSheet("quyang-2024", "支出总表");
    const codes = column(grid, 2);
    const amounts = column(grid, 4, 6);
    expect(await spill("SUM", codes, amounts, "201", 2080505)).toEqual([[744.9, 263.3, 481.6]]);
    expect(
      await spill("SUM", codes, amounts, rangeOf("支出总表", [["201"], ["20132"]], 1, 1, 2, 1))
    ).toEqual([[717.94, 236.34, 481.6]]);
    expect(await spill("SUM", codes, amounts, "202")).toEqual([[0, 0, 0]]);
    const tenths = await spill(
      "SUM",
      range("S!A1:A3", [["2013201"], ["2013202"], ["2013250"]]),
      range("S!B1:B3", [[0.1], [0.2], ["0.3"]]),
      "20132"
    );
    expect(tenths).toEqual([[0.6]]);
  });

  it("returns #VALUE! naming the row for a line under the prefix it cannot read, and ignores the others", async () => {
    const codes = range("S!A4:A6", [["2013201"], ["2080505"], ["201320"]]);
    const amounts = range("S!C4:C6", [[1], ["n/a"], [2]]);
    expect(await excelError("SUM", codes, amounts, "201")).toEqual({
      code: "#VALUE!",
      message:
        "第 6 行（A6）的编码“201320”不是有效的科目编码（功能分类 3/5/7 位，经济分类 3/5 位数字）。",
    });
    expect((await excelError("SUM", codes, amounts, "208")).message).toBe(
      "第 5 行 C5 的金额“n/a”不是数字。"
    );
    expect(await spill("SUM", codes, amounts, "2013201")).toEqual([[1]]);
    expect((await excelError("SUM", codes, amounts, "类")).message).toContain("前缀“类”");
  });
});

describe("=BUDGET.CHECK", () => {
  it("names each rule by its Chinese title", async () => {
    const grid = await loadFixtureSheet("tunliu-2024", "一般公共预算支出表");
    const rows = await spill("CHECK", column(grid, 1, 5));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row[2]).toMatch(/^[\u4e00-\u9fff“”（）]+$/);
    expect(await spill("CHECK", range("Sheet1!C5:D5", [["你好", 1]]))).toEqual([
      ["错误", "C5", "无法识别的表格", expect.stringContaining("无法识别")],
    ]);
  });

  it("takes the header rows apart from data rows, with the same findings at the same cells", async () => {
    const grid = await loadFixtureSheet("tunliu-2024", "一般公共预算支出表");
    const whole = await spill("CHECK", column(grid, 1, 5));
    const data = rangeOf(grid.sheet, grid.values, 6, 1, grid.values.length, 5);
    const header = rangeOf(grid.sheet, grid.values, 4, 1, 5, 5);
    expect(await spill("CHECK", data, "一般公共预算支出表", header)).toEqual(whole);
    // Without its header the data rows are no table.
    expect((await spill("CHECK", data))[0][2]).toBe("无法识别的表格");

    // A header far above the data (frozen panes): findings still point at the data's own cells.
    const far = range(`'${grid.sheet}'!A40:E60`, data.values);
    const moved = await spill("CHECK", far, null, header);
    expect(moved.map((row) => row[1])).toEqual(
      whole.map((row) => String(row[1]).replace(/\d+/, (n) => String(Number(n) + 34)))
    );
  });

  it("never says 通过 for sums it leaves to the whole-workbook check", async () => {
    // 桂林 prints 公务用车费 as 0 while its parts and 合计 are right: a 三公 rule of the workbook check.
    const grid = (await loadRealWorkbook("guilin-sifaju-2015"))[0];
    const rows = await spill(
      "CHECK",
      column(grid, 1, Math.max(...grid.values.map((r) => r.length)))
    );
    expect(rows).toEqual([
      [
        expect.stringMatching(
          /^通过：检查了 \d+ 行数据、\d+ 条规则，未发现问题。三公经费表的合计关系不在本函数中检查，请用任务窗格的“检查”核对整本工作簿。$/
        ),
      ],
    ]);
    const quyang = await loadFixtureSheet("quyang-2024", "支出总表");
    expect((await spill("CHECK", column(quyang, 1, 9)))[0][0]).toMatch(/未发现问题。$/);
  });

  it("returns #VALUE! for a kind it does not know, listing the kinds it knows", async () => {
    const error = await excelError("CHECK", range("S!A1:B1", [["x", 1]]), "流水账");
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(
      /^不认识的表种类“流水账”。可用：财政拨款收支总表、收支总表、.*绩效目标表。$/
    );
  });
});

describe("=BUDGET.NAME, AMOUNT, WANYUAN", () => {
  it("name the cell in their errors when the argument is a cell", async () => {
    expect(await excelError("AMOUNT", range("Sheet1!B7", [["约五万"]]))).toEqual({
      code: "#VALUE!",
      message:
        "单元格 B7 中的“约五万”是用汉字写的数，读不出确切金额。请改为阿拉伯数字（如 12.00）。",
    });
    expect((await excelError("AMOUNT", "待定")).message).toBe(
      "“待定”表示金额尚未确定或不在本表中，不是 0。请填写确定的金额；如确实没有这项金额，请填 0 或“—”。"
    );
    expect(await excelError("NAME", range("Sheet1!A3", [[2019998]]))).toEqual({
      code: "#N/A",
      message: "单元格 A3 中的科目编码 2019998 不在内置目录中。",
    });
    expect((await excelError("WANYUAN", range("Sheet1!C2", [["abc"]]))).message).toBe(
      "单元格 C2 中的“abc”不是金额。"
    );
  });

  it("convert as before", async () => {
    expect(await callExcel("NAME", "2013201")).toEqual({ ok: true, value: "行政运行" });
    expect(await callExcel("AMOUNT", range("Sheet1!A1", [["107．57"]]))).toEqual({
      ok: true,
      value: 107.57,
    });
    expect(await callExcel("WANYUAN", 129636)).toEqual({ ok: true, value: 12.96 });
    expect(await callExcel("WANYUAN", 129636, 4)).toEqual({ ok: true, value: 12.9636 });
  });
});
