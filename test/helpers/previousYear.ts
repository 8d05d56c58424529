/**
 * Last year's disclosures for the tests: a ledger built from a few lines (any supported layout will
 * do; a ledger is the one where a changed amount stays consistent across every table), a fixture
 * with every amount doubled, and grids written to a real .xlsx with exceljs for the CLI.
 */
import ExcelJS from "exceljs";
import type { CellValue, Grid } from "../../src/core/grid";
import { makeGrid, parseA1 } from "../../src/core/grid";
import { moneyToNumber } from "../../src/core/money";
import { readWorkbook } from "../../src/core/read/workbook";
import { cloneGrid, loadFixture } from "./fixtures";

export interface LedgerLineSpec {
  functionCode: string;
  economicCode: string;
  kind: "人员经费" | "公用经费" | "项目支出";
  amount: number;
  projectName?: string;
}

/** A ledger workbook (部门信息 + 预算明细, 万元, all 一般公共预算拨款, no carry-over). */
export function ledgerGrids(
  department: { name: string; code?: string; year: number; unitNature?: string },
  lines: readonly LedgerLineSpec[]
): Grid[] {
  const info: CellValue[][] = [
    ["部门名称", department.name],
    ["预算年度", department.year],
  ];
  if (department.code) info.push(["部门编码", department.code]);
  if (department.unitNature) info.push(["单位性质", department.unitNature]);
  return [
    makeGrid("部门信息", info),
    makeGrid("预算明细", [
      [
        "功能分类科目编码",
        "经济分类科目编码",
        "支出类型",
        "资金来源",
        "上年结转",
        "项目名称",
        "金额（万元）",
      ],
      ...lines.map((l) => [
        l.functionCode,
        l.economicCode,
        l.kind,
        "一般公共预算拨款",
        "否",
        l.projectName ?? "",
        l.amount,
      ]),
    ]),
  ];
}

/**
 * A fixture as last year's file: every amount cell of every table doubled (exact: doubling a
 * 2-decimal figure needs no rounding, so every sum still holds) and 2024 written as 2023.
 */
export async function doubledFixture(name: string): Promise<Grid[]> {
  const grids = (await loadFixture(name)).map(cloneGrid);
  const model = readWorkbook(grids);
  for (const table of model.tables) {
    const grid = grids.find((g) => g.sheet === table.table.sheet)!;
    for (const side of table.table.sides)
      for (const row of side.rows)
        for (const cell of row.cells) {
          if (cell.parsed.kind !== "amount") continue;
          const { row: r, col: c } = parseA1(cell.address)!;
          const at = { r: r - grid.origin.row, c: c - grid.origin.col };
          grid.values[at.r][at.c] = moneyToNumber(cell.value.times(2));
        }
  }
  for (const grid of grids)
    grid.values = grid.values.map((row) =>
      row.map((v) => (typeof v === "string" ? v.replace(/2024/g, "2023") : v))
    );
  return grids;
}

/** Grids as an .xlsx file's bytes (values only), as a clerk's workbook would be. */
export async function xlsxOf(grids: readonly Grid[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const grid of grids) {
    const sheet = workbook.addWorksheet(grid.sheet);
    grid.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === "" || value === null || value === undefined) return;
        sheet.getCell(grid.origin.row + r, grid.origin.col + c).value = value as ExcelJS.CellValue;
      })
    );
    for (const m of grid.merges ?? []) sheet.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** quyang with its 三公 table in the comparison form: 2023 (上年) beside 2024. */
export async function quyangWithComparison(prior: number[]): Promise<Grid[]> {
  const grids = (await loadFixture("quyang-2024")).filter((g) => g.sheet !== "三公经费");
  const items = [
    "合计",
    "一、因公出国（境）费",
    "二、公务用车购置及运行维护费",
    "    其中：公务用车购置费",
    "          公务用车运行维护费",
    "三、公务接待费",
  ];
  const current = [1.2, 0, 1.2, 0, 1.2, 0];
  return [
    ...grids,
    {
      sheet: "三公比较",
      origin: { row: 1, col: 1 },
      values: [
        ["2024年部门“三公”经费预算支出情况表", "", "", ""],
        ["", "", "", "单位：万元"],
        ["项目", "2023年预算数", "2024年预算数", "增减额"],
        ...items.map((label, i) => [
          label,
          prior[i],
          current[i],
          Math.round((current[i] - prior[i]) * 100) / 100,
        ]),
      ],
      merges: [{ top: 1, left: 1, bottom: 1, right: 4 }],
    },
  ];
}
