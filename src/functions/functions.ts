/*
 * The BUDGET custom functions. Each body is two lines: the work is done by the pure functions in
 * ./budgetFunctions (loaded on the first call, see bodies()), which return a value or a
 * FunctionProblem; here a problem becomes an Excel error whose message says, in Chinese, which row
 * is wrong and why.
 *
 * The JSDoc tags below generate functions.json (CustomFunctionsMetadataPlugin); keep them exact.
 * Every @helpurl points at a section of help.html (src/functions/help.html); the production build
 * rewrites https://localhost:3000/ to ADDIN_PUBLIC_URL. The parameter addresses
 * (@requiresParameterAddresses) let messages name sheet rows.
 *
 * Excel passes an omitted optional argument as null. The parameters are typed without `| null`
 * all the same: the metadata generator reads a union type as a scalar "any", and a range must be
 * declared `any[][]` to arrive as one. The functions in ./budgetFunctions accept null.
 */
/* global CustomFunctions */
import type { FunctionResult } from "./budgetFunctions";

let loadingBodies: Promise<typeof import("./budgetFunctions")> | undefined;

/**
 * ./budgetFunctions and the engine it uses, loaded on the first call, not with this script: the
 * task pane's page runs this script before the pane (shared runtime), and the functions' work must
 * not delay the pane's first findings (issue 12 §4). The functions are registered at once all the
 * same; a call made before the chunk has arrived waits for it (Excel awaits a returned promise).
 * A failed load is tried again on the next call.
 */
function bodies(): Promise<typeof import("./budgetFunctions")> {
  loadingBodies ??= import(/* webpackChunkName: "function-bodies" */ "./budgetFunctions").catch(
    (error: unknown) => {
      loadingBodies = undefined;
      throw error;
    }
  );
  return loadingBodies;
}

function unwrap<T>(result: FunctionResult<T>): T {
  if (result.ok) return result.value;
  const code =
    result.problem.kind === "notAvailable"
      ? CustomFunctions.ErrorCode.notAvailable
      : CustomFunctions.ErrorCode.invalidValue;
  throw new CustomFunctions.Error(code, result.problem.message);
}

/**
 * 按科目编码逐级汇总（类/款/项），返回合计行及每一级小计，金额精确；可连同表头、合计行一起选择。
 * @customfunction ROLLUP
 * @helpurl https://localhost:3000/help.html#rollup
 * @requiresParameterAddresses
 * @param codes 科目编码列（功能分类 3/5/7 位或经济分类 3/5 位）；标题、表头、合计等无编码的行自动跳过
 * @param amounts 与编码同行的金额，一列或多列
 * @param [names] 可选：科目名称列，优先于内置目录
 * @param [depth] 可选：1=类，2=至款，3=至项；默认为数据中最深一级
 * @param invocation Excel 提供的调用信息（单元格地址）
 * @returns 溢出数组：合计行，然后每个类及其款、项 [编码, 名称, 金额…, 说明]；空白金额保持空白，表中合计、类、款与计算不符时“说明”列写明
 */
export async function rollup(
  codes: any[][],
  amounts: any[][],
  names: any[][],
  depth: number,
  invocation: CustomFunctions.Invocation
): Promise<any[][]> {
  const { budgetRollup } = await bodies();
  return unwrap(budgetRollup(codes, amounts, names, depth, invocation.parameterAddresses));
}

/**
 * 按科目编码前缀精确求和：相当于 SUMIFS(金额, 编码, "201*")，但没有浮点误差，也不把类、款小计行重复相加。
 * @customfunction SUM
 * @helpurl https://localhost:3000/help.html#sum
 * @requiresParameterAddresses
 * @param codes 科目编码列
 * @param amounts 与编码同行的金额，一列或多列
 * @param prefix 一个或多个编码前缀（如 201、20132），可为单元格或区域
 * @param invocation Excel 提供的调用信息（单元格地址）
 * @returns 每个金额列的合计（一行）；没有匹配的行时为 0
 */
export async function sum(
  codes: any[][],
  amounts: any[][],
  prefix: any[][][],
  invocation: CustomFunctions.Invocation
): Promise<number[][]> {
  const { budgetSum } = await bodies();
  return unwrap(budgetSum(codes, amounts, prefix, invocation.parameterAddresses));
}

/**
 * 检查一张标准公开表的勾稽关系，返回问题清单或“通过”。
 * @customfunction CHECK
 * @helpurl https://localhost:3000/help.html#check
 * @requiresParameterAddresses
 * @param table 一张标准表的区域（可含标题和表头）
 * @param [kind] 可选：表的种类，如 收入总表、支出总表、基本支出表；省略时按标题自动识别
 * @param [header] 可选：表头所在的行，当表格区域只含数据行时使用
 * @param invocation Excel 提供的调用信息（单元格地址）
 * @returns 溢出数组 [级别, 位置, 规则, 说明]，或“通过：…”
 */
export async function check(
  table: any[][],
  kind: string,
  header: any[][],
  invocation: CustomFunctions.Invocation
): Promise<any[][]> {
  const { budgetCheck } = await bodies();
  return unwrap(budgetCheck(table, kind, header, invocation.parameterAddresses));
}

/**
 * 返回科目编码在内置目录中的名称。
 * @customfunction NAME
 * @helpurl https://localhost:3000/help.html#name
 * @requiresParameterAddresses
 * @param code 科目编码，如 2013201 或 30101
 * @param invocation Excel 提供的调用信息（单元格地址）
 * @returns 科目名称
 */
export async function name(code: any, invocation: CustomFunctions.Invocation): Promise<string> {
  const { budgetName } = await bodies();
  return unwrap(budgetName(code, invocation.parameterAddresses?.[0]));
}

/**
 * 把任意写法的金额单元格（文本数字、全角数字、千分位、带单位）转换为精确数值。
 * @customfunction AMOUNT
 * @helpurl https://localhost:3000/help.html#amount
 * @requiresParameterAddresses
 * @param text 单元格内容，如 '1,234.56 或 107．57
 * @param invocation Excel 提供的调用信息（单元格地址）
 * @returns 数值；空白或短横线返回 0
 */
export async function amount(text: any, invocation: CustomFunctions.Invocation): Promise<number> {
  const { budgetAmount } = await bodies();
  return unwrap(budgetAmount(text, invocation.parameterAddresses?.[0]));
}

/**
 * 元转换为万元，按四舍五入保留指定位数的小数。
 * @customfunction WANYUAN
 * @helpurl https://localhost:3000/help.html#wanyuan
 * @requiresParameterAddresses
 * @param yuan 以元为单位的金额
 * @param [decimals] 保留的小数位数，默认 2
 * @param invocation Excel 提供的调用信息（单元格地址）
 * @returns 以万元为单位的金额
 */
export async function wanyuan(
  yuan: any,
  decimals: number,
  invocation: CustomFunctions.Invocation
): Promise<number> {
  const { budgetWanyuan } = await bodies();
  return unwrap(budgetWanyuan(yuan, decimals, invocation.parameterAddresses));
}
