/*
 * The pure side of the BUDGET custom functions: plain values in, a value or a problem out.
 * No Office.js here, so every function is unit-tested in Node.
 */
import { Catalog, normalizeCode } from "../core/codes";
import type { CodeLevel } from "../core/codes";
import { checkTable } from "../core/check/table";
import { SEVERITY_LABEL } from "../core/finding";
import { Grid, parseA1 } from "../core/grid";
import { Money, moneyToNumber, parseAmount, roundMoney, yuanToWanyuan } from "../core/money";
import { kindFromName } from "../core/read/tableKinds";
import { rollupRangesAsNumbers } from "../core/rollup";
import type { RollupProblem } from "../core/rollup";
import { TABLE_RULES } from "../core/rules/tableRules";

export type FunctionProblem = { kind: "invalidValue" | "notAvailable"; message: string };
export type FunctionResult<T> = { ok: true; value: T } | { ok: false; problem: FunctionProblem };
type Cells = unknown[][];

const ok = <T>(value: T): FunctionResult<T> => ({ ok: true, value });
const invalid = <T>(message: string): FunctionResult<T> => ({
  ok: false,
  problem: { kind: "invalidValue", message },
});

/** Excel hands over an omitted optional range as undefined, and a single cell as a 1×1 array. */
function isOmitted(cells: Cells | undefined): cells is undefined {
  return (
    cells === undefined ||
    cells === null ||
    (cells.length === 1 && cells[0].length === 1 && (cells[0][0] === null || cells[0][0] === ""))
  );
}

const ROLLUP_PROBLEM_TEXT: Record<RollupProblem["reason"], (p: RollupProblem) => string> = {
  badCode: (p) =>
    `第 ${p.index + 1} 行的编码“${p.value}”不是有效的科目编码（功能分类 3/5/7 位，经济分类 3/5 位数字）。`,
  badAmount: (p) => `第 ${p.index + 1} 行第 ${(p.column ?? 0) + 1} 列的金额“${p.value}”不是数字。`,
  mixedSystems: (p) =>
    `第 ${p.index + 1} 行的编码“${p.value}”与前面的编码不属于同一分类体系（功能分类与经济分类不能混合汇总）。`,
};

/**
 * =BUDGET.ROLLUP(codes, amounts, [names], [depth]): a 合计 row, then each 类 followed by its 款 and
 * 项, each row [code, name, amount1, …], with exact sums.
 */
export function budgetRollup(
  codes: Cells,
  amounts: Cells,
  names?: Cells,
  depth?: number
): FunctionResult<unknown[][]> {
  if (codes.length === 0 || codes[0].length !== 1) return invalid("科目编码区域应为一列。");
  if (amounts.length !== codes.length) {
    return invalid(
      `科目编码区域有 ${codes.length} 行，金额区域有 ${amounts.length} 行，行数必须相同。`
    );
  }
  const nameColumn = isOmitted(names) ? undefined : names;
  if (nameColumn && (nameColumn.length !== codes.length || nameColumn[0].length !== 1)) {
    return invalid(
      `名称区域应为一列且与编码区域行数相同（编码 ${codes.length} 行，名称 ${nameColumn.length} 行）。`
    );
  }
  if (depth !== undefined && depth !== null && ![1, 2, 3].includes(depth)) {
    return invalid(`层级参数应为 1（类）、2（款）或 3（项），收到的是 ${depth}。`);
  }
  // Reads the ranges in place (no object per line) and returns doubles without building Decimals.
  const result = rollupRangesAsNumbers(codes, amounts, nameColumn, {
    columns: amounts[0]?.length ?? 0,
    depth: (depth ?? undefined) as CodeLevel | undefined,
  });
  if (result.problems.length > 0) {
    const first = result.problems[0];
    const more = result.problems.length > 1 ? `（另有 ${result.problems.length - 1} 处问题）` : "";
    return invalid(ROLLUP_PROBLEM_TEXT[first.reason](first) + more);
  }
  return ok(result.rows.map((row) => [row.code, row.name, ...row.amounts]));
}

/** The sheet and top-left cell of a parameter address such as "'收入总表'!A1:M33". */
function gridOrigin(address: string | undefined): { sheet: string; row: number; col: number } {
  const parsed = address ? parseA1(address) : undefined;
  return { sheet: parsed?.sheet ?? "", row: parsed?.row ?? 1, col: parsed?.col ?? 1 };
}

/**
 * =BUDGET.CHECK(table, [kind]): one row [级别, 位置, 规则, 说明] per finding, or a single
 * 通过 line saying how many rows and rules were checked.
 */
export function budgetCheck(
  table: Cells,
  kind?: string,
  address?: string
): FunctionResult<unknown[][]> {
  if (
    kind !== undefined &&
    kind !== null &&
    String(kind).trim() !== "" &&
    !kindFromName(String(kind))
  ) {
    return invalid(
      `不认识的表种类“${kind}”。可用：收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表、基本支出表、三公经费表等。`
    );
  }
  const origin = gridOrigin(address);
  const grid: Grid = {
    sheet: origin.sheet,
    origin: { row: origin.row, col: origin.col },
    values: table as Grid["values"],
  };
  const ruleTitles = new Map(TABLE_RULES.map((rule) => [rule.id, rule.title]));
  const result = checkTable(grid, { kind: kind ? String(kind) : undefined });
  if (result.findings.length === 0) {
    return ok([
      [`通过：检查了 ${result.rowsChecked} 行数据、${result.rulesRun} 条规则，未发现问题。`],
    ]);
  }
  return ok(
    result.findings.map((f) => [
      SEVERITY_LABEL[f.severity],
      f.cell ?? "",
      ruleTitles.get(f.ruleId) ?? f.ruleId,
      f.message,
    ])
  );
}

/** =BUDGET.NAME(code): the catalog name of a code. */
export function budgetName(code: unknown): FunctionResult<string> {
  const normalized = normalizeCode(code);
  if (normalized === undefined || !/^\d+$/.test(normalized))
    return invalid(`“${String(code ?? "")}”不是有效的科目编码。`);
  const name = Catalog.standard().name(normalized);
  if (name === undefined)
    return {
      ok: false,
      problem: { kind: "notAvailable", message: `目录中没有科目编码 ${normalized}。` },
    };
  return ok(name);
}

/** =BUDGET.AMOUNT(text): the exact number a messy cell means; blanks and dashes are 0. */
export function budgetAmount(text: unknown): FunctionResult<number> {
  const parsed = parseAmount(text);
  if (parsed.kind === "invalid") return invalid(`“${parsed.text}”不是金额。`);
  return ok(parsed.kind === "empty" ? 0 : moneyToNumber(parsed.value));
}

/** =BUDGET.WANYUAN(yuan, [decimals]): 元 → 万元, rounded half away from zero (四舍五入). */
export function budgetWanyuan(yuan: unknown, decimals?: number): FunctionResult<number> {
  const places = decimals === undefined || decimals === null ? 2 : decimals;
  if (!Number.isInteger(places) || places < 0 || places > 6)
    return invalid(`小数位数应为 0 到 6 的整数，收到的是 ${decimals}。`);
  const parsed = parseAmount(yuan);
  if (parsed.kind === "invalid") return invalid(`“${parsed.text}”不是金额。`);
  const value: Money = parsed.kind === "empty" ? new Money(0) : parsed.value;
  return ok(moneyToNumber(roundMoney(yuanToWanyuan(value), places)));
}
