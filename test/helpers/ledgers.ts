/**
 * Small ledgers for the tests: a 部门信息 sheet of 测试局 and a 明细 sheet of rows in 元, read by the
 * ledger reader; a row it refuses fails the test at once.
 */
import type { CellValue } from "../../src/core/grid";
import { makeGrid } from "../../src/core/grid";
import { readLedger } from "../../src/core/ledger";
import type { Ledger } from "../../src/core/ledger";

/** The 明细 columns, amounts in 元. */
export const YUAN_LEDGER_HEADER = [
  "功能分类科目编码",
  "经济分类科目编码",
  "支出类型",
  "资金来源",
  "上年结转",
  "项目名称",
  "金额（元）",
];

/** 测试局 (101, 2025, 行政) in `template` (河北, 山西 …) with `rows` under YUAN_LEDGER_HEADER. */
export function yuanLedger(template: string, rows: readonly CellValue[][]): Ledger {
  const info = makeGrid("部门信息", [
    ["部门名称", "测试局"],
    ["部门编码", "101"],
    ["预算年度", 2025],
    ["单位性质", "行政"],
    ["模板", template],
  ]);
  const { ledger, findings } = readLedger([
    info,
    makeGrid("明细", [YUAN_LEDGER_HEADER, ...rows.map((row) => [...row])]),
  ]);
  if (!ledger || findings.length > 0) throw new Error(JSON.stringify(findings));
  return ledger;
}
