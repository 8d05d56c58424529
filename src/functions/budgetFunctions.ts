/*
 * The pure side of the BUDGET custom functions: plain values in, a value or a problem out.
 * No Office.js here, so every function is unit-tested in Node.
 *
 * Where Excel says where an argument sits (requiresParameterAddresses), messages name the sheet's
 * rows and cells (第 9 行, D9); without it, rows are counted from the top of the selection.
 */
import { Catalog, normalizeCode } from "../core/codes";
import type { CodeLevel } from "../core/codes";
import { checkTable, tableCheckTitle } from "../core/check/table";
import { SEVERITY_LABEL } from "../core/finding";
import type { Finding } from "../core/finding";
import { CellValue, Grid, a1, parseA1 } from "../core/grid";
import {
  Money,
  ZERO,
  formatMoney,
  moneyToNumber,
  parseAmount,
  roundMoney,
  yuanToWanyuan,
} from "../core/money";
import { amountWordsMean } from "../core/messages/rules";
import { amountWordMeaning } from "../core/read/amountWords";
import { TABLE_KINDS, kindFromName } from "../core/read/tableKinds";
import { rollupRangesAsNumbers, sumUnderCodePrefixes } from "../core/rollup";
import { TABLE_RULES_SKIPPED } from "../core/rules/tableRules";
import type { RollupDisagreement, RollupProblem } from "../core/rollup";

export type FunctionProblem = { kind: "invalidValue" | "notAvailable"; message: string };
export type FunctionResult<T> = { ok: true; value: T } | { ok: false; problem: FunctionProblem };
type Cells = unknown[][];
/** Excel's parameterAddresses, one per argument ("'收入总表'!B3:B33"); missing for literals. */
export type ParameterAddresses = readonly (string | null | undefined)[] | undefined;

const ok = <T>(value: T): FunctionResult<T> => ({ ok: true, value });
const invalid = <T>(message: string): FunctionResult<T> => ({
  ok: false,
  problem: { kind: "invalidValue", message },
});

/** Excel hands over an omitted optional range as null, and a single cell as a 1×1 array. */
function isOmitted(cells: Cells | null | undefined): cells is null | undefined {
  return (
    cells === undefined ||
    cells === null ||
    (cells.length === 1 && cells[0].length === 1 && (cells[0][0] === null || cells[0][0] === ""))
  );
}

const given = (value: unknown): boolean =>
  value !== undefined && value !== null && String(value).trim() !== "";

/** Names rows and cells of one range argument, on the sheet when its address is known. */
class Place {
  private readonly top?: { row: number; col: number };

  constructor(address: string | null | undefined) {
    const parsed = address ? parseA1(address) : undefined;
    if (parsed) this.top = { row: parsed.row, col: parsed.col };
  }

  /** "第 9 行", or "所选区域第 2 行" when the address is not known. */
  row(index: number): string {
    return this.top ? `第 ${this.top.row + index} 行` : `所选区域第 ${index + 1} 行`;
  }

  /** A cell of a row already named: "D9", or "第 3 列" (of the selection). */
  cell(index: number, column: number): string {
    return this.top ? a1(this.top.row + index, this.top.col + column) : `第 ${column + 1} 列`;
  }

  /** "第 9 行 D9" or "所选区域第 2 行第 3 列". */
  rowAndCell(index: number, column: number): string {
    return this.top
      ? `${this.row(index)} ${this.cell(index, column)}`
      : `${this.row(index)}${this.cell(index, column)}`;
  }

  /** "第 9 行（B9）" or "所选区域第 2 行": a row named by its first cell too. */
  rowOf(index: number): string {
    return this.top ? `${this.row(index)}（${this.cell(index, 0)}）` : this.row(index);
  }
}

/** Mixed Chinese and Latin text: a space after a cell address such as D9, none after Chinese. */
const spaced = (text: string) => (/[A-Za-z0-9]$/.test(text) ? `${text} ` : text);

/** The place of a single-cell argument for a message ("单元格 A2 中的"), or nothing for a literal or a range. */
function cellPrefix(address: string | null | undefined): string {
  const cell = address?.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  return cell && /^[A-Z]{1,3}\d+$/i.test(cell) ? `单元格 ${cell.toUpperCase()} 中的` : "";
}

/**
 * “约五万”是用汉字写的数…: what words in an amount cell mean and what to write instead, as the
 * table checks say it (core/read/amountWords); `plain` for a stray word.
 */
function notAnAmount(text: string, plain: string): string {
  const meant = amountWordsMean(amountWordMeaning(text));
  return meant ? `“${text}”${meant.says}。${meant.advice}。` : `“${text}”${plain}。`;
}

const m = (value: Money | null) => (value === null ? "空白" : formatMoney(value));

function problemText(problem: RollupProblem, codes: Place, amounts: Place): string {
  const value = problem.value;
  switch (problem.reason) {
    case "badCode":
      return /[\u3400-\u9fff]/.test(value)
        ? `${codes.rowOf(problem.index)}的编码“${value}”不是有效的科目编码：编码和名称请分两列填写。`
        : `${codes.rowOf(problem.index)}的编码“${value}”不是有效的科目编码（功能分类 3/5/7 位，经济分类 3/5 位数字）。`;
    case "badAmount":
      return `${spaced(amounts.rowAndCell(problem.index, problem.column ?? 0))}的金额${notAnAmount(value, "不是数字")}`;
    case "mixedSystems":
      return `${codes.rowOf(problem.index)}的编码“${value}”与前面的编码不属于同一分类体系（功能分类与经济分类不能混合汇总）。`;
  }
}

function firstProblem(problems: readonly RollupProblem[], codes: Place, amounts: Place): string {
  const more = problems.length > 1 ? `（另有 ${problems.length - 1} 处问题）` : "";
  return problemText(problems[0], codes, amounts) + more;
}

/** The shape checks ROLLUP and SUM share: one column of codes, amounts on the same rows. */
function rangeShapeProblem(codes: Cells, amounts: Cells): string | undefined {
  if (!Array.isArray(codes) || codes.length === 0 || codes[0].length !== 1)
    return "科目编码区域应为一列。";
  if (!Array.isArray(amounts) || amounts.length !== codes.length) {
    return `科目编码区域有 ${codes.length} 行，金额区域有 ${amounts?.length ?? 0} 行，行数必须相同（请选择同样的行）。`;
  }
  return undefined;
}

const NO_CODES =
  "科目编码区域中没有科目编码（功能分类 3/5/7 位，经济分类 3/5 位数字）。请选择科目编码所在的列。";

/**
 * The 说明 of one spilled row: every printed figure of the selection that disagrees with it, with
 * the sheet row and cell, both figures and the difference, and whether rounding explains it.
 */
function disagreementNote(
  d: RollupDisagreement,
  codes: Place,
  amounts: Place,
  what: string
): string {
  const figures = d.differences
    .map((difference) => {
      const cell = spaced(amounts.cell(d.index, difference.column));
      if (d.kind === "uncoded") return `${cell}为 ${m(difference.published)}`;
      const gap = (difference.published ?? ZERO).minus(difference.computed ?? ZERO);
      return (
        `${cell}为 ${m(difference.published)}，${what}为 ${m(difference.computed)}，` +
        `相差 ${formatMoney(gap)}${difference.rounding ? "（舍入差异）" : ""}`
      );
    })
    .join("；");
  const row = codes.row(d.index);
  switch (d.kind) {
    case "subtotal":
      return `表中${row}与下级明细之和不符：${figures}。`;
    case "total":
      return `表中${row}的合计与计算结果不符：${figures}。`;
    case "uncoded":
      return `表中${row}有金额但没有科目编码，未计入：${figures}。`;
  }
}

/**
 * =BUDGET.ROLLUP(codes, amounts, [names], [depth]): a 合计 row, then each 类 followed by its 款 and
 * 项, each row [code, name, amount1, …, 说明], with exact sums. The selection may include the
 * table's title, header, 栏次 and 合计 rows: rows without a code are skipped. Amounts no line has
 * stay blank (""). The last column, 说明, is blank unless a printed 合计, 类 or 款 row of the
 * selection disagrees with the recomputed figures: then it says which row and cell, both figures
 * and the difference (a disagreement below the requested depth is told on the row above it).
 */
export function budgetRollup(
  codes: Cells,
  amounts: Cells,
  names?: Cells | null,
  depth?: number | null,
  addresses?: ParameterAddresses
): FunctionResult<unknown[][]> {
  const shape = rangeShapeProblem(codes, amounts);
  if (shape) return invalid(shape);
  const nameColumn = isOmitted(names) ? undefined : names;
  if (nameColumn && (nameColumn.length !== codes.length || nameColumn[0].length !== 1)) {
    return invalid(
      `名称区域应为一列且与编码区域行数相同（编码 ${codes.length} 行，名称 ${nameColumn.length} 行）。`
    );
  }
  if (depth !== undefined && depth !== null && ![1, 2, 3].includes(depth)) {
    return invalid(`层级参数应为 1（类）、2（款）或 3（项），收到的是 ${depth}。`);
  }
  const codePlace = new Place(addresses?.[0]);
  const amountPlace = new Place(addresses?.[1]);
  // Reads the ranges in place (no object per line) and returns doubles without building Decimals.
  const result = rollupRangesAsNumbers(codes, amounts, nameColumn, {
    columns: amounts[0]?.length ?? 0,
    depth: (depth ?? undefined) as CodeLevel | undefined,
  });
  if (result.problems.length > 0)
    return invalid(firstProblem(result.problems, codePlace, amountPlace));
  if (result.system === undefined) return invalid(NO_CODES);

  const shown = new Set(result.rows.map((row) => row.code));
  const notes = new Map<string, string[]>();
  for (const d of result.disagreements) {
    // The row the note goes on: the code's own, else its nearest shown ancestor; 合计 for the rest.
    let code = d.code;
    while (code !== "" && !shown.has(code)) code = code.length > 3 ? code.slice(0, -2) : "";
    const what = d.kind === "subtotal" ? "下级明细之和" : "计算的合计";
    let note = disagreementNote(d, codePlace, amountPlace, what);
    if (code !== d.code) {
      const name = Catalog.standard().name(d.code);
      note = `其下 ${d.code}${name ? ` ${name}` : ""}：${note}`;
    }
    notes.set(code, [...(notes.get(code) ?? []), note]);
  }
  return ok(
    result.rows.map((row) => [
      row.code,
      row.name,
      ...row.amounts.map((amount) => (amount === null ? "" : amount)),
      (notes.get(row.code) ?? []).join(""),
    ])
  );
}

/** Code prefixes from SUM's repeating argument: each a value or a range of values. */
function prefixesOf(args: readonly Cells[]): { prefixes: string[] } | { problem: string } {
  const prefixes: string[] = [];
  for (const arg of args) {
    for (const row of Array.isArray(arg) ? arg : [[arg]]) {
      for (const cell of Array.isArray(row) ? row : [row]) {
        if (!given(cell)) continue;
        const prefix = normalizeCode(cell);
        if (prefix === undefined || !/^\d{1,7}$/.test(prefix))
          return {
            problem: `前缀“${String(cell)}”不是科目编码或其开头：应为 1 到 7 位数字，如 201、20132、2080505。`,
          };
        prefixes.push(prefix);
      }
    }
  }
  if (prefixes.length === 0)
    return { problem: "请给出至少一个科目编码前缀，如“201”（类）或“20132”（款）。" };
  return { prefixes };
}

/**
 * =BUDGET.SUM(codes, amounts, prefix, …): the exact sum, per amount column, of every line whose
 * code starts with one of the prefixes. Each line counts once; a 类 or 款 line with lines below it
 * in the range is their subtotal and is not added on top of them. 0 when no line matches.
 */
export function budgetSum(
  codes: Cells,
  amounts: Cells,
  prefixArgs: readonly Cells[],
  addresses?: ParameterAddresses
): FunctionResult<number[][]> {
  const shape = rangeShapeProblem(codes, amounts);
  if (shape) return invalid(shape);
  const read = prefixesOf(prefixArgs ?? []);
  if ("problem" in read) return invalid(read.problem);
  const result = sumUnderCodePrefixes(codes, amounts, read.prefixes, amounts[0]?.length ?? 0);
  if (result.problems.length > 0)
    return invalid(
      firstProblem(result.problems, new Place(addresses?.[0]), new Place(addresses?.[1]))
    );
  return ok([result.sums]);
}

/** The kinds CHECK knows, for its error message: the registry's own list, never a copy. */
const KNOWN_KINDS = TABLE_KINDS.map((spec) => spec.kind).join("、");

const sameRows = (a: Cells, b: Cells) =>
  a.every((row, r) => row.every((cell, c) => (cell ?? "") === (b[r]?.[c] ?? "")));

/**
 * =BUDGET.CHECK(table, [kind], [header]): one row [级别, 位置, 规则, 说明] per finding, the rule by
 * its Chinese title, or a single 通过 line saying how many rows and rules were checked. `header`
 * is the table's header rows, for a selection of data rows only (e.g. below frozen panes).
 */
export function budgetCheck(
  table: Cells,
  kind?: string | null,
  header?: Cells | null,
  addresses?: ParameterAddresses
): FunctionResult<unknown[][]> {
  if (given(kind) && !kindFromName(String(kind))) {
    return invalid(`不认识的表种类“${kind}”。可用：${KNOWN_KINDS}。`);
  }
  const tableAt = addresses?.[0] ? parseA1(addresses[0]) : undefined;
  let headerRows = isOmitted(header) ? [] : header;
  if (headerRows.length > 0 && headerRows[0].length !== table[0]?.length) {
    return invalid(
      `表头区域有 ${headerRows[0].length} 列，表格区域有 ${table[0]?.length ?? 0} 列，列数必须相同。`
    );
  }
  // A table selected with its header needs no second one.
  if (headerRows.length > 0 && table.length >= headerRows.length && sameRows(headerRows, table))
    headerRows = [];
  const top = tableAt?.row ?? headerRows.length + 1;
  const grid: Grid = {
    sheet: tableAt?.sheet ?? "",
    // The header is read as if it stood right above the table; its own addresses are put back below.
    origin: { row: top - headerRows.length, col: tableAt?.col ?? 1 },
    values: [...headerRows, ...table] as CellValue[][],
  };
  const headerAt = addresses?.[2] ? parseA1(addresses[2]) : undefined;
  const onSheet = (cell: string | undefined): string => {
    const match = cell ? /^([A-Z]+)(\d+)$/.exec(cell) : null;
    if (!match || !headerAt || Number(match[2]) >= top) return cell ?? "";
    return `${match[1]}${headerAt.row + Number(match[2]) - grid.origin.row}`;
  };
  const result = checkTable(grid, { kind: given(kind) ? String(kind) : undefined });
  if (result.findings.length === 0) {
    // Never 通过 for what was not checked: some kinds leave their sums to the whole-workbook check.
    const kindName = result.table?.kind?.kind;
    const skipped = kindName ? TABLE_RULES_SKIPPED[kindName] : undefined;
    const unchecked = skipped?.length
      ? `${kindName}的合计关系不在本函数中检查，请用任务窗格的“检查”核对整本工作簿。`
      : "";
    return ok([
      [
        `通过：检查了 ${result.rowsChecked} 行数据、${result.rulesRun} 条规则，未发现问题。${unchecked}`,
      ],
    ]);
  }
  return ok(
    result.findings.map((f: Finding) => [
      SEVERITY_LABEL[f.severity],
      onSheet(f.cell),
      tableCheckTitle(f.ruleId) ?? f.ruleId,
      f.message,
    ])
  );
}

/** =BUDGET.NAME(code): the catalog name of a code. */
export function budgetName(code: unknown, address?: string | null): FunctionResult<string> {
  const normalized = normalizeCode(code);
  if (normalized === undefined || !/^\d+$/.test(normalized))
    return invalid(`${cellPrefix(address)}“${String(code ?? "")}”不是有效的科目编码。`);
  const name = Catalog.standard().name(normalized);
  if (name === undefined)
    return {
      ok: false,
      problem: {
        kind: "notAvailable",
        message: `${cellPrefix(address)}科目编码 ${normalized} 不在内置目录中。`,
      },
    };
  return ok(name);
}

/** =BUDGET.AMOUNT(text): the exact number a messy cell means; blanks and dashes are 0. */
export function budgetAmount(text: unknown, address?: string | null): FunctionResult<number> {
  const parsed = parseAmount(text);
  if (parsed.kind === "invalid")
    return invalid(`${cellPrefix(address)}${notAnAmount(parsed.text, "不是金额")}`);
  return ok(parsed.kind === "empty" ? 0 : moneyToNumber(parsed.value));
}

/** =BUDGET.WANYUAN(yuan, [decimals]): 元 → 万元, rounded half away from zero (四舍五入). */
export function budgetWanyuan(
  yuan: unknown,
  decimals?: number | null,
  addresses?: ParameterAddresses
): FunctionResult<number> {
  const places = decimals === undefined || decimals === null ? 2 : decimals;
  if (!Number.isInteger(places) || places < 0 || places > 6)
    return invalid(
      `${cellPrefix(addresses?.[1])}小数位数应为 0 到 6 的整数，收到的是 ${decimals}。`
    );
  const parsed = parseAmount(yuan);
  if (parsed.kind === "invalid")
    return invalid(`${cellPrefix(addresses?.[0])}${notAnAmount(parsed.text, "不是金额")}`);
  const value: Money = parsed.kind === "empty" ? new Money(0) : parsed.value;
  return ok(moneyToNumber(roundMoney(yuanToWanyuan(value), places)));
}
