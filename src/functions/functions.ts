/*
 * The BUDGET custom functions. Each body is one line: the work is done by the pure functions in
 * ./budgetFunctions, which return a value or a FunctionProblem; here a problem becomes an Excel
 * error whose message says, in Chinese, which row is wrong and why.
 *
 * The JSDoc tags below generate functions.json (CustomFunctionsMetadataPlugin); keep them exact.
 */
/* global CustomFunctions */
import {
  budgetAmount,
  budgetCheck,
  budgetName,
  budgetRollup,
  budgetWanyuan,
  FunctionResult,
} from "./budgetFunctions";

function unwrap<T>(result: FunctionResult<T>): T {
  if (result.ok) return result.value;
  const code =
    result.problem.kind === "notAvailable"
      ? CustomFunctions.ErrorCode.notAvailable
      : CustomFunctions.ErrorCode.invalidValue;
  throw new CustomFunctions.Error(code, result.problem.message);
}

/**
 * 按科目编码逐级汇总（类/款/项），返回合计行及每一级小计，金额精确。
 * @customfunction ROLLUP
 * @helpurl https://localhost:3000/help.html#rollup
 * @param codes 科目编码列（功能分类 3/5/7 位或经济分类 3/5 位），文本或数字
 * @param amounts 与编码同行的金额，一列或多列
 * @param [names] 可选：科目名称列，优先于内置目录
 * @param [depth] 可选：1=类，2=至款，3=至项；默认为数据中最深一级
 * @returns 溢出数组：合计行，然后每个类及其款、项 [编码, 名称, 金额…]
 */
export function rollup(codes: any[][], amounts: any[][], names?: any[][], depth?: number): any[][] {
  return unwrap(budgetRollup(codes, amounts, names ?? undefined, depth ?? undefined));
}

/**
 * 检查一张标准公开表的勾稽关系，返回问题清单或“通过”。
 * @customfunction CHECK
 * @helpurl https://localhost:3000/help.html#check
 * @requiresParameterAddresses
 * @param table 一张标准表的区域（可含标题和表头）
 * @param [kind] 可选：表的种类，如 收入总表、支出总表、基本支出表；省略时自动识别
 * @param [invocation] Invocation parameter
 * @returns 溢出数组 [级别, 位置, 规则, 说明]，或“通过：…”
 */
export function check(
  table: any[][],
  kind: string | undefined,
  invocation: CustomFunctions.Invocation
): any[][] {
  const address = invocation.parameterAddresses?.[0];
  return unwrap(budgetCheck(table, kind ?? undefined, address));
}

/**
 * 返回科目编码在内置目录中的名称。
 * @customfunction NAME
 * @param code 科目编码，如 2013201 或 30101
 * @returns 科目名称
 */
export function name(code: any): string {
  return unwrap(budgetName(code));
}

/**
 * 把任意写法的金额单元格（文本数字、全角数字、千分位、带单位）转换为精确数值。
 * @customfunction AMOUNT
 * @param text 单元格内容，如 '1,234.56 或 107．57
 * @returns 数值；空白或短横线返回 0
 */
export function amount(text: any): number {
  return unwrap(budgetAmount(text));
}

/**
 * 元转换为万元，按四舍五入保留指定位数的小数。
 * @customfunction WANYUAN
 * @param yuan 以元为单位的金额
 * @param [decimals] 保留的小数位数，默认 2
 * @returns 以万元为单位的金额
 */
export function wanyuan(yuan: any, decimals?: number): number {
  return unwrap(budgetWanyuan(yuan, decimals ?? undefined));
}
