/*
 * Deterministic synthetic ledger workbooks (部门信息 + 预算明细) for the ledger-check benchmark: real
 * 功能 项 and 经济 款 codes from the standard catalog, amounts in 元 with 2 decimals, a few hundred
 * projects, every fund source, a share of 上年结转 lines. Same size, same workbook, on every machine.
 */
import ExcelJS from "exceljs";
import { Catalog } from "../src/core/codes";
import type { CellValue, Grid } from "../src/core/grid";
import { seededRandom } from "./ledger";

export const LEDGER_HEADER = [
  "功能分类科目编码",
  "经济分类科目编码",
  "支出类型",
  "资金来源",
  "上年结转",
  "项目编码",
  "项目名称",
  "金额（元）",
];

const SOURCES = [
  "一般公共预算拨款",
  "一般公共预算拨款",
  "一般公共预算拨款",
  "政府性基金预算拨款",
  "国有资本经营预算拨款",
  "财政专户管理资金",
  "事业收入",
  "其他收入",
];

const INFO: CellValue[][] = [
  ["部门名称", "基准测试局"],
  ["部门编码", "901"],
  ["预算年度", 2025],
  ["单位性质", "行政"],
  ["模板", "河北"],
];

/** The 明细 rows (header first) of a ledger of `lines` lines. */
export function ledgerRows(lines: number, seed = 2025): CellValue[][] {
  const random = seededRandom(seed);
  const catalog = Catalog.standard();
  const functionItems = catalog
    .entries("function")
    .filter((e) => e.level === 3)
    .map((e) => e.code);
  const economic = catalog
    .entries("economic")
    .filter((e) => e.level === 2)
    .map((e) => e.code);
  const personnel = economic.filter((c) => c.startsWith("301") || c.startsWith("303"));
  const publicUse = economic.filter((c) => c.startsWith("302"));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  // A department books most lines under a few dozen 项, as a real one does.
  const items = Array.from({ length: 60 }, () => pick(functionItems));
  const rows: CellValue[][] = [LEDGER_HEADER.slice()];
  for (let i = 0; i < lines; i++) {
    const roll = random();
    const kind = roll < 0.4 ? "人员经费" : roll < 0.65 ? "公用经费" : "项目支出";
    const code =
      kind === "人员经费" ? pick(personnel) : kind === "公用经费" ? pick(publicUse) : pick(economic);
    const project = kind === "项目支出" ? Math.floor(random() * 300) : -1;
    const fen = 1 + Math.floor(random() * 5_000_000);
    rows.push([
      pick(items),
      code,
      kind,
      pick(SOURCES),
      random() < 0.1 ? "是" : "否",
      project < 0 ? "" : `XM${String(project).padStart(4, "0")}`,
      project < 0 ? "" : `基准项目${project}`,
      fen / 100,
    ]);
  }
  return rows;
}

export function ledgerGrids(lines: number, seed = 2025): Grid[] {
  return [
    { sheet: "部门信息", origin: { row: 1, col: 1 }, values: INFO.map((r) => r.slice()) },
    { sheet: "预算明细", origin: { row: 1, col: 1 }, values: ledgerRows(lines, seed) },
  ];
}

/** Writes the ledger as an .xlsx file with exceljs' streaming writer (memory stays flat). */
export async function writeLedgerXlsx(file: string, lines: number, seed = 2025): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const info = workbook.addWorksheet("部门信息");
  for (const row of INFO) info.addRow(row).commit();
  info.commit();
  const sheet = workbook.addWorksheet("预算明细");
  for (const row of ledgerRows(lines, seed)) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}
