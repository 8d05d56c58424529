/**
 * Ledger mode (预算明细): instead of typing the published tables, the clerk keeps one line per
 * appropriation — 功能分类科目, 经济分类科目, 支出类型, 资金来源, 上年结转, 项目名称, 金额 — and a
 * 部门信息 sheet. Every standard table is derivable from that. This file reads the two sheets into a
 * {@link Ledger}; every cell it cannot use is a finding at its sheet and A1 address.
 */
import { Catalog, isWellFormedCode, levelOfCode, normalizeCode, systemOfCode } from "../codes";
import type { CodeLevel, CodeSystem } from "../codes";
import type { Finding, Severity } from "../finding";
import { CellValue, Grid, gridAddress, noteAt } from "../grid";
import { MESSAGES } from "../messages";
import { AmountUnit, Money, convertUnit, parseAmount } from "../money";
import { moneyOfUnits, unitsOfNumber } from "../figures/units";
import { compactText, isBlank } from "../read/text";
import { amountWordMeaning } from "../read/amountWords";
import type { ExpenditureKind, FundSource, TemplateId, UnitNature } from "../model";
import { DEFAULT_TEMPLATE, PROVINCES, TEMPLATE_IDS, provinceNamed } from "../templates/registry";
import { COLUMNS, findHeader, findLedger } from "./findLedger";
import type { ColumnKey, LedgerHeader } from "./findLedger";

export { findLedger } from "./findLedger";

export interface LedgerLine {
  /** 1-based sheet row. */
  row: number;
  sheet: string;
  /** 7-digit 功能分类 项 code. */
  functionCode: string;
  /** 5-digit 部门预算支出经济分类 款 code; required for 人员经费/公用经费. */
  economicCode?: string;
  kind: ExpenditureKind;
  source: FundSource;
  /** 上年结转: money carried over from last year rather than this year's income. */
  carryover: boolean;
  projectName?: string;
  /** 项目编码, when the ledger has that column: tells apart projects with the same name. */
  projectCode?: string;
  /** In the ledger's unit (元 or 万元, from the amount caption), exact. */
  amount: Money;
  /** A1 addresses of the cells the line was read from. */
  cells: {
    functionCode: string;
    economicCode?: string;
    kind: string;
    source: string;
    carryover?: string;
    projectName?: string;
    projectCode?: string;
    amount: string;
  };
}

export interface LedgerDepartment {
  name: string;
  code?: string;
  year?: number;
  unitNature?: UnitNature;
  template?: TemplateId;
}

export interface Ledger {
  department: LedgerDepartment;
  unit: AmountUnit;
  lines: LedgerLine[];
}

const LEDGER_RULE = "ledger.cell";
const INFO_RULE = "ledger.info";

/** 上年结转 cells: 是/否, and the booleans a checkbox column gives. Blank means 否. */
function parseCarryover(value: CellValue): boolean | undefined {
  if (typeof value === "boolean") return value;
  const text = compactText(value);
  if (text === "" || text === "否") return false;
  if (text === "是") return true;
  return undefined;
}

const KIND_SPELLINGS: ReadonlyArray<readonly [RegExp, ExpenditureKind]> = [
  [/^(基本支出[-—_:]?)?人员(经费|支出)$/, "人员经费"],
  [/^(基本支出[-—_:]?)?公用(经费|支出)$/, "公用经费"],
  [/^项目(支出|经费)?$/, "项目支出"],
];

function parseKind(value: CellValue): ExpenditureKind | undefined {
  const text = compactText(value).replace(/[（(）)]/g, "");
  return KIND_SPELLINGS.find(([pattern]) => pattern.test(text))?.[1];
}

/**
 * The usual spellings of each source, as the budget systems and the tables print them
 * (一般公共预算拨款, 政府性基金预算财政拨款, 财政专户管理资金收入 …). A 单位资金 prefix before one of
 * its parts (单位资金-事业收入, 单位资金（事业收入）) names the part.
 */
const SOURCE_SPELLINGS: ReadonlyArray<readonly [RegExp, FundSource]> = [
  [
    /^一般公共预算(财政)?(拨款)?(收入|资金)?$|^一般预算(拨款)?$|^公共财政(预算)?(拨款)?$/,
    "一般公共预算",
  ],
  [/^政府性基金(预算)?(财政)?(拨款)?(收入|资金)?$/, "政府性基金"],
  [/^国有资本经营(预算)?(财政)?(拨款)?(收入|资金)?$/, "国有资本经营"],
  [/^财政专户(管理)?(资金)?(收入)?$/, "财政专户"],
  [/^事业(收入)?$/, "事业收入"],
  [/^经营(收入)?$/, "经营收入"],
  [/^上级补助(收入)?$/, "上级补助收入"],
  [/^附属单位上缴(收入)?$/, "附属单位上缴收入"],
  [/^其他(收入)?$/, "其他收入"],
  [/^单位(自有)?资金$/, "单位资金"],
];

export function parseFundSource(value: CellValue): FundSource | undefined {
  let text = compactText(value).replace(/^[一二三四五六七八九十]+[、.]/, "");
  const part = /^单位资金[-—_:（(](.+?)[）)]?$/.exec(text);
  if (part) text = part[1];
  return SOURCE_SPELLINGS.find(([pattern]) => pattern.test(text))?.[1];
}

const TOTAL_ROW = /^(合计|总计|小计|本页合计)$/;

interface LineContext {
  grid: Grid;
  r: number;
  findings: Finding[];
  /** Errors found on this row so far: a row with one is left out. */
  errors: number;
  cache: ReadCache;
}

/**
 * What a cell value means, kept per distinct value: a ledger repeats a few dozen codes, kinds and
 * sources over its lines, so each spelling is normalised and matched once, not once per line.
 * Findings are still made per cell.
 */
interface ReadCache {
  functionCodes: Map<CellValue, CodeReading>;
  economicCodes: Map<CellValue, CodeReading>;
  kinds: Map<CellValue, ExpenditureKind | undefined>;
  sources: Map<CellValue, FundSource | undefined>;
  carryovers: Map<CellValue, boolean | undefined>;
}

function newReadCache(): ReadCache {
  return {
    functionCodes: new Map(),
    economicCodes: new Map(),
    kinds: new Map(),
    sources: new Map(),
    carryovers: new Map(),
  };
}

function cached<T>(map: Map<CellValue, T>, value: CellValue, compute: (v: CellValue) => T): T {
  const hit = map.get(value);
  if (hit !== undefined || map.has(value)) return hit as T;
  const result = compute(value);
  map.set(value, result);
  return result;
}

function cellFinding(
  ctx: LineContext,
  c: number,
  severity: Severity,
  message: string,
  actual?: CellValue
): Finding {
  const finding: Finding = {
    ruleId: LEDGER_RULE,
    severity,
    sheet: ctx.grid.sheet,
    cell: gridAddress(ctx.grid, ctx.r, c),
    message,
  };
  if (actual !== undefined && actual !== null && String(actual) !== "")
    finding.actual = String(actual);
  ctx.findings.push(finding);
  if (severity === "error") ctx.errors += 1;
  return finding;
}

/** A ledger column's name in messages, by its key. */
const COLUMN_LABEL = new Map(COLUMNS.map((spec) => [spec.key, spec.label]));

/**
 * The columns of the row (other than the amount, which reports its own) whose cell holds a formula
 * saved without its result: such a cell reads as blank, but nothing says it is. Each is reported as
 * the tables report it (recalculate in Excel), not as a missing code, type or source, and the line
 * is left out, as for the amount. Undefined when there is none.
 */
function unreadFormulaColumns(
  ctx: LineContext,
  columns: LedgerHeader["columns"]
): Set<ColumnKey> | undefined {
  let unread: Set<ColumnKey> | undefined;
  for (const key of Object.keys(columns) as ColumnKey[]) {
    const c = columns[key];
    if (key === "amount" || c === undefined) continue;
    const note = noteAt(ctx.grid, ctx.r, c);
    if (note?.kind !== "formulaWithoutValue") continue;
    (unread ??= new Set()).add(key);
    cellFinding(
      ctx,
      c,
      "error",
      `${MESSAGES.formulaWithoutValueIn(note.text ?? "", COLUMN_LABEL.get(key)!)}该行暂未计入。`,
      note.text
    ).ruleId = "cell.formula-without-value";
  }
  return unread;
}

/** What a code column must hold, and how messages name it. */
interface CodeColumnRule {
  system: CodeSystem;
  level: CodeLevel;
  name: string;
  shape: string;
  catalogName: string;
}

const FUNCTION_CODE: CodeColumnRule = {
  system: "function",
  level: 3,
  name: "功能分类科目编码",
  shape: "2 开头的 7 位数字（项级科目）",
  catalogName: "政府收支分类科目",
};

const ECONOMIC_CODE: CodeColumnRule = {
  system: "economic",
  level: 2,
  name: "经济分类科目编码",
  shape: "3 开头的 5 位数字（款级科目）",
  catalogName: "部门预算支出经济分类科目",
};

type CodeVerdict = "malformed" | "unknown" | "ok";

interface CodeReading {
  code: string | undefined;
  verdict: CodeVerdict;
}

function codeVerdict(code: string, rule: CodeColumnRule, catalog: Catalog): CodeVerdict {
  if (
    !isWellFormedCode(code) ||
    systemOfCode(code) !== rule.system ||
    levelOfCode(code) !== rule.level
  )
    return "malformed";
  return catalog.has(code) ? "ok" : "unknown";
}

/** A code cell, normalised and judged once per distinct value (the two columns have their own rules). */
function readCode(
  ctx: LineContext,
  raw: CellValue,
  rule: CodeColumnRule,
  catalog: Catalog
): CodeReading {
  const map = rule === FUNCTION_CODE ? ctx.cache.functionCodes : ctx.cache.economicCodes;
  let reading = map.get(raw);
  if (reading === undefined) {
    const code = normalizeCode(raw);
    reading = {
      code,
      verdict: code === undefined ? "malformed" : codeVerdict(code, rule, catalog),
    };
    map.set(raw, reading);
  }
  return reading;
}

/** A malformed code leaves the line out (error); a well-formed one the catalog lacks is only a warning. */
function checkCode(
  ctx: LineContext,
  c: number,
  raw: CellValue,
  code: string,
  rule: CodeColumnRule,
  verdict: CodeVerdict,
  excluded: string
): void {
  if (verdict === "malformed") {
    cellFinding(
      ctx,
      c,
      "error",
      `“${String(raw)}”不是有效的${rule.name}：应为${rule.shape}${excluded}`,
      raw
    );
  } else if (verdict === "unknown") {
    cellFinding(
      ctx,
      c,
      "warning",
      `${rule.name} ${code} 不在${rule.catalogName}中，请核对（仍按该编码汇总）。`,
      raw
    );
  }
}

/**
 * Reads one data row. Returns the line, or undefined when the row is blank, a total row, or has an
 * error (then the findings say why the row was left out).
 */
function readLine(
  ctx: LineContext,
  header: LedgerHeader,
  catalog: Catalog,
  Line: typeof ReadLine
): LedgerLine | undefined {
  const { grid, r } = ctx;
  const row = grid.values[r] ?? [];
  const col = header.columns;
  let blank = true;
  for (let c = 0; c < row.length && blank; c++) blank = isBlank(row[c]);
  if (blank) return undefined;
  const functionRaw = cellAt(row, col.functionCode);
  // A 合计 row the clerk added for their own control is not a budget line.
  if (isBlank(functionRaw) && row.some((cell) => TOTAL_ROW.test(compactText(cell))))
    return undefined;
  const unread =
    grid.cellNotes && grid.cellNotes.length > 0 ? unreadFormulaColumns(ctx, col) : undefined;
  const read = (key: ColumnKey) => unread === undefined || !unread.has(key);

  const excluded = "，该行未计入。";

  // 功能分类科目编码: a 项 (7 digits) of the 支出功能分类.
  const fn = readCode(ctx, functionRaw, FUNCTION_CODE, catalog);
  const functionCode = fn.code;
  if (functionCode === undefined) {
    if (read("functionCode"))
      cellFinding(ctx, col.functionCode!, "error", `缺少功能分类科目编码${excluded}`);
  } else {
    checkCode(
      ctx,
      col.functionCode!,
      functionRaw,
      functionCode,
      FUNCTION_CODE,
      fn.verdict,
      excluded
    );
  }

  // 经济分类科目编码: optional, a 款 (5 digits) of the 部门预算支出经济分类 when given.
  const economicRaw = cellAt(row, col.economicCode);
  const ec = readCode(ctx, economicRaw, ECONOMIC_CODE, catalog);
  const economicCode = ec.code;
  if (economicCode !== undefined) {
    checkCode(
      ctx,
      col.economicCode!,
      economicRaw,
      economicCode,
      ECONOMIC_CODE,
      ec.verdict,
      excluded
    );
  }

  const kindRaw = cellAt(row, col.kind);
  const kind = cached(ctx.cache.kinds, kindRaw, parseKind);
  if (kind === undefined) {
    if (read("kind")) {
      const what = isBlank(kindRaw)
        ? "缺少支出类型"
        : `支出类型“${String(kindRaw).trim()}”无法识别`;
      cellFinding(
        ctx,
        col.kind!,
        "error",
        `${what}：应为“人员经费”“公用经费”或“项目支出”${excluded}`,
        kindRaw
      );
    }
  } else if (kind !== "项目支出") {
    if (economicCode === undefined) {
      // A code whose formula has no saved result was reported above: it is there, not missing.
      if (read("economicCode"))
        cellFinding(
          ctx,
          col.economicCode ?? col.kind!,
          "error",
          `${kind}必须填写经济分类科目编码（基本支出表按经济分类列示）${excluded}`
        );
    } else if (kind === "人员经费" && economicCode.startsWith("302")) {
      cellFinding(
        ctx,
        col.economicCode!,
        "warning",
        `人员经费使用了商品和服务支出科目 ${economicCode}：人员经费通常为 301 工资福利支出和 303 对个人和家庭的补助，请核对支出类型。`,
        economicRaw
      );
    } else if (
      kind === "公用经费" &&
      (economicCode.startsWith("301") || economicCode.startsWith("303"))
    ) {
      cellFinding(
        ctx,
        col.economicCode!,
        "warning",
        `公用经费使用了${economicCode.startsWith("301") ? "工资福利支出" : "对个人和家庭的补助"}科目 ${economicCode}：这类科目通常属于人员经费，请核对支出类型。`,
        economicRaw
      );
    }
  }

  const projectName = compactOrUndefined(cellAt(row, col.projectName));
  if (kind === "项目支出" && projectName === undefined && read("projectName")) {
    const c = col.projectName ?? col.kind!;
    cellFinding(ctx, c, "error", `项目支出必须填写项目名称${excluded}`);
  }
  const projectCode = compactOrUndefined(cellAt(row, col.projectCode));

  const sourceRaw = cellAt(row, col.source);
  const source = cached(ctx.cache.sources, sourceRaw, parseFundSource);
  if (source === undefined && read("source")) {
    const what = isBlank(sourceRaw)
      ? "缺少资金来源"
      : `资金来源“${String(sourceRaw).trim()}”无法识别`;
    cellFinding(
      ctx,
      col.source!,
      "error",
      `${what}：应为一般公共预算拨款、政府性基金预算拨款、国有资本经营预算拨款、财政专户管理资金或单位资金（事业收入、经营收入、上级补助收入、附属单位上缴收入、其他收入）${excluded}`,
      sourceRaw
    );
  }

  const carryoverRaw = cellAt(row, col.carryover);
  const carryover = cached(ctx.cache.carryovers, carryoverRaw, parseCarryover);
  if (carryover === undefined) {
    cellFinding(
      ctx,
      col.carryover!,
      "error",
      `上年结转应填“是”或“否”，而不是“${String(carryoverRaw).trim()}”${excluded}`,
      carryoverRaw
    );
  }

  const amountRaw = cellAt(row, col.amount);
  // A number cell (nearly all of them) is read as integer units: no Decimal per line.
  const fast = typeof amountRaw === "number" ? unitsOfNumber(amountRaw) : undefined;
  let amount: Money | undefined;
  if (fast) {
    if (fast.units < 0) {
      cellFinding(
        ctx,
        col.amount!,
        "warning",
        `金额为负数（${moneyOfUnits(fast.units, fast.scale).toString()}），预算明细通常不应为负，请核对。`,
        amountRaw
      );
    }
  } else {
    const note = noteAt(grid, r, col.amount!);
    const parsed = parseAmount(amountRaw);
    if (note?.kind === "formulaWithoutValue") {
      // A formula saved without its result has an amount nobody can read here: not a missing
      // amount nor 0, but the file to recalculate in Excel (the tables' rule and message).
      cellFinding(
        ctx,
        col.amount!,
        "error",
        `${MESSAGES.formulaWithoutValue(note.text ?? "")}该行暂未计入。`,
        note.text
      ).ruleId = "cell.formula-without-value";
    } else if (parsed.kind === "empty") {
      cellFinding(ctx, col.amount!, "error", `缺少金额${excluded}`);
    } else if (parsed.kind === "invalid") {
      // The words and the wording of the tables' amount.not-a-number (read/amountWords).
      const message = MESSAGES.ledgerAmountNotANumber(parsed.text, amountWordMeaning(parsed.text));
      cellFinding(ctx, col.amount!, "error", message, amountRaw);
    } else {
      amount = parsed.value;
      if (parsed.fromText) {
        cellFinding(
          ctx,
          col.amount!,
          "warning",
          `金额“${String(amountRaw)}”是以文本形式保存的数字，已按数值读取；请改为数值格式。`,
          amountRaw
        );
      }
      if (parsed.unit !== undefined && parsed.unit !== header.unit) {
        amount = convertUnit(amount, parsed.unit, header.unit);
        cellFinding(
          ctx,
          col.amount!,
          "warning",
          `金额“${String(amountRaw)}”自带单位${parsed.unit}，与表头的${header.unit}不同，已换算为 ${amount.toString()} ${header.unit}。`,
          amountRaw
        );
      }
      if (amount.isNegative() && !amount.isZero()) {
        cellFinding(
          ctx,
          col.amount!,
          "warning",
          `金额为负数（${amount.toString()}），预算明细通常不应为负，请核对。`,
          amountRaw
        );
      }
    }
  }

  // Counted per row: filtering every finding of the sheet again on each row made a ledger with
  // many findings quadratic.
  if (ctx.errors > 0) return undefined;
  const line = new Line(grid, r, fast ?? amount!);
  line.functionCode = functionCode!;
  line.kind = kind!;
  line.source = source!;
  line.carryover = carryover!;
  if (economicCode !== undefined) line.economicCode = economicCode;
  if (projectName !== undefined) line.projectName = projectName;
  if (projectCode !== undefined) line.projectCode = projectCode;
  return line;
}

/** The sheet a line was read from, and where its columns are: one per ledger, not per line. */
interface LinePlace {
  grid: Grid;
  columns: Partial<Record<ColumnKey, number>>;
}

/**
 * A ledger line as read. Its amount is held as integer units when the cell was a plain number, and
 * its cell addresses are kept as the grid position: the Money and the A1 addresses are made when
 * first read (a 100k-line ledger reads few of them: the figures read the units, see
 * figures/aggregate.ts ledgerFigures). Both are prototype getters that then become own properties.
 * The sheet and its columns sit on the prototype of a subclass made per ledger (see {@link lineClass}):
 * nothing per line but the row.
 */
export class ReadLine implements LedgerLine {
  row: number;
  sheet: string;
  functionCode = "";
  economicCode?: string;
  kind!: ExpenditureKind;
  source!: FundSource;
  carryover = false;
  projectName?: string;
  projectCode?: string;
  /** Integer units of the amount (units · 10^-scale) when it was read without a Decimal. */
  readonly exact?: { units: number; scale: number };
  /** On the prototype of the ledger's subclass (lineClass), not an own property. */
  declare protected readonly place: LinePlace;

  constructor(grid: Grid, r: number, amount: Money | { units: number; scale: number }) {
    this.row = grid.origin.row + r;
    this.sheet = grid.sheet;
    if (Money.isDecimal(amount)) this.amount = amount;
    else this.exact = amount;
  }

  get amount(): Money {
    return (this.amount = moneyOfUnits(this.exact!.units, this.exact!.scale));
  }

  set amount(value: Money) {
    Object.defineProperty(this, "amount", { value, enumerable: true, writable: true });
  }

  get cells(): LedgerLine["cells"] {
    const { grid, columns } = this.place;
    const r = this.row - grid.origin.row;
    const address = (key: ColumnKey): string | undefined =>
      columns[key] === undefined ? undefined : gridAddress(grid, r, columns[key]!);
    const cells: LedgerLine["cells"] = {
      functionCode: address("functionCode")!,
      kind: address("kind")!,
      source: address("source")!,
      amount: address("amount")!,
    };
    if (this.economicCode !== undefined) cells.economicCode = address("economicCode");
    if (this.projectName !== undefined) cells.projectName = address("projectName");
    if (this.projectCode !== undefined) cells.projectCode = address("projectCode");
    if (columns.carryover !== undefined) cells.carryover = address("carryover");
    Object.defineProperty(this, "cells", { value: cells, enumerable: true, writable: true });
    return cells;
  }

  toJSON(): LedgerLine {
    return { ...this, amount: this.amount, cells: this.cells };
  }
}

/** The cell of a column the header may lack. */
function cellAt(row: readonly CellValue[], c: number | undefined): CellValue {
  return c === undefined ? undefined : row[c];
}

/** A ReadLine class whose lines know their sheet and columns from its prototype. */
function lineClass(place: LinePlace): typeof ReadLine {
  class LineOfSheet extends ReadLine {}
  Object.defineProperty(LineOfSheet.prototype, "place", { value: place });
  return LineOfSheet;
}

/** Trimmed text of a cell, inner runs of spaces kept as typed; undefined when blank. */
function compactOrUndefined(value: CellValue): string | undefined {
  if (isBlank(value)) return undefined;
  return String(value).trim();
}

type InfoKey = "name" | "code" | "year" | "unitNature" | "template";

const INFO_KEYS: ReadonlyArray<{ key: InfoKey; label: string; pattern: RegExp }> = [
  { key: "name", label: "部门名称", pattern: /^(部门|单位)名称$/ },
  { key: "code", label: "部门编码", pattern: /^(部门|单位)(编码|代码)$/ },
  { key: "year", label: "预算年度", pattern: /^(预算)?年度$/ },
  { key: "unitNature", label: "单位性质", pattern: /^(单位|部门)(性质|类型)$/ },
  { key: "template", label: "模板", pattern: /^(模板|公开模板|格式|省份)$/ },
];

/** A key cell, with an optional colon and an inline value: 部门名称：X. */
function infoKeyOf(value: CellValue): { key: InfoKey; label: string; inline?: string } | undefined {
  const match = /^([^:：]+)(?:[:：](.*))?$/.exec(compactText(value));
  if (!match) return undefined;
  const spec = INFO_KEYS.find((k) => k.pattern.test(match[1]));
  if (!spec) return undefined;
  const inline =
    match[2] === undefined || match[2] === ""
      ? undefined
      : String(value)
          .replace(/^[^:：]*[:：]\s*/, "")
          .trim();
  return { key: spec.key, label: spec.label, inline };
}

const NATURE_SPELLINGS: ReadonlyArray<readonly [RegExp, UnitNature]> = [
  [/^参公|参照公务员法管理|^参照/, "参公"],
  [/^行政/, "行政"],
  [/^事业/, "事业"],
];

/** 河北、山西或财政部: the provinces a 模板 cell may name, for the warning about one it does not. */
function provinceNames(): string {
  const names = TEMPLATE_IDS.map((id) => PROVINCES[id].name);
  return names.length > 1
    ? `${names.slice(0, -1).join("、")}或${names[names.length - 1]}`
    : names[0];
}

/**
 * Reads 部门信息 as key/value pairs wherever they sit: the value right of its key (部门名称 | X),
 * inside the key cell (部门名称：X), or below it when the keys form a header row. `rows` limits the
 * search (the rows above a ledger header, when there is no separate sheet).
 */
function readDepartment(
  grid: Grid | undefined,
  rows: number,
  findings: Finding[]
): LedgerDepartment {
  const found: Partial<Record<InfoKey, { value: CellValue; address: string }>> = {};
  if (grid) {
    for (let r = 0; r < Math.min(rows, grid.values.length); r++) {
      const row = grid.values[r] ?? [];
      const keysInRow = row.filter((cell) => infoKeyOf(cell) !== undefined).length;
      row.forEach((cell, c) => {
        const key = infoKeyOf(cell);
        if (!key || found[key.key]) return;
        if (key.inline !== undefined) {
          found[key.key] = { value: key.inline, address: gridAddress(grid, r, c) };
          return;
        }
        // Keys side by side in one row are a header: the values are in the row below.
        const right = keysInRow > 1 ? -1 : row.findIndex((v, i) => i > c && !isBlank(v));
        if (right >= 0)
          found[key.key] = { value: row[right], address: gridAddress(grid, r, right) };
        else if (!isBlank(grid.values[r + 1]?.[c]))
          found[key.key] = { value: grid.values[r + 1][c], address: gridAddress(grid, r + 1, c) };
      });
    }
  }
  const sheet = grid?.sheet;
  const warn = (message: string, cell?: string, actual?: CellValue) => {
    const finding: Finding = { ruleId: INFO_RULE, severity: "warning", message };
    if (sheet !== undefined) finding.sheet = sheet;
    if (cell !== undefined) finding.cell = cell;
    if (actual !== undefined && actual !== null) finding.actual = String(actual);
    findings.push(finding);
  };
  const where = sheet ? `“${sheet}”中` : "";
  const missing = (label: string, consequence: string) =>
    warn(`${where}没有找到${label}，${consequence}。`);

  const department: LedgerDepartment = { name: "" };
  const name = found.name;
  if (name && !isBlank(name.value)) department.name = String(name.value).trim();
  else missing("部门名称", "生成的表格将不显示部门名称");

  const code = found.code;
  if (code && !isBlank(code.value))
    department.code = typeof code.value === "number" ? String(code.value) : compactText(code.value);
  else missing("部门编码", "河北格式的部门行将只显示部门名称");

  const year = found.year;
  if (year && !isBlank(year.value)) {
    const match = /^(\d{4})(年|年度)?$/.exec(compactText(year.value));
    if (match) department.year = Number(match[1]);
    else warn(`预算年度“${String(year.value)}”不是四位年份，已忽略。`, year.address, year.value);
  } else missing("预算年度", "生成的表格将不显示预算年度");

  const nature = found.unitNature;
  if (nature && !isBlank(nature.value)) {
    const value = NATURE_SPELLINGS.find(([p]) => p.test(compactText(nature.value)))?.[1];
    if (value) department.unitNature = value;
    else
      warn(
        `单位性质“${String(nature.value)}”无法识别：应为行政、事业或参公，已忽略。`,
        nature.address,
        nature.value
      );
  } else missing("单位性质", "无法判断是否应公开机关运行经费");

  const template = found.template;
  if (template && !isBlank(template.value)) {
    // The province's id or one of its aliases (河北, 冀, hebei …), from the registry.
    const value = provinceNamed(compactText(template.value));
    if (value) department.template = value;
    else
      warn(
        `模板“${String(template.value)}”无法识别：应为${provinceNames()}，已忽略。`,
        template.address,
        template.value
      );
  } else missing("模板", `将按${PROVINCES[DEFAULT_TEMPLATE].name}格式生成`);
  return department;
}

/**
 * Reads a ledger workbook: finds the ledger sheet by its header captions (any order, any row) and
 * the 部门信息 sheet, and reads every line. Lines with an error are left out and reported; lines with
 * only warnings are kept. Never throws on bad input.
 */
export function readLedger(
  grids: readonly Grid[],
  options: { catalog?: Catalog } = {}
): { ledger?: Ledger; findings: Finding[] } {
  const catalog = options.catalog ?? Catalog.standard();
  const findings: Finding[] = [];
  const { ledgerGrid, infoGrid } = findLedger(grids);
  if (!ledgerGrid) {
    const needed = COLUMNS.filter((c) => c.required)
      .map((c) => c.label)
      .join("、");
    findings.push({
      ruleId: "ledger.missing",
      severity: "error",
      message: `没有找到预算明细表：需要一张表头含有${needed}等列的工作表。`,
    });
    return { findings };
  }
  const header = findHeader(ledgerGrid)!;
  if (header.unitAssumed) {
    findings.push({
      ruleId: INFO_RULE,
      severity: "warning",
      sheet: ledgerGrid.sheet,
      cell: gridAddress(ledgerGrid, header.row, header.columns.amount!),
      message: "金额列的表头没有注明单位（元或万元），已按万元读取。",
    });
  }
  if (!infoGrid) {
    findings.push({
      ruleId: INFO_RULE,
      severity: "warning",
      message: "没有找到“部门信息”工作表，已在明细表表头以上查找部门信息。",
    });
  }
  const department = infoGrid
    ? readDepartment(infoGrid, infoGrid.values.length, findings)
    : readDepartment(ledgerGrid, header.row, findings);

  const lines: LedgerLine[] = [];
  const Line = lineClass({ grid: ledgerGrid, columns: header.columns });
  // One context, reset per row.
  const ctx: LineContext = { grid: ledgerGrid, r: 0, findings, errors: 0, cache: newReadCache() };
  for (let r = header.row + 1; r < ledgerGrid.values.length; r++) {
    ctx.r = r;
    ctx.errors = 0;
    const line = readLine(ctx, header, catalog, Line);
    if (line) lines.push(line);
  }
  if (lines.length === 0) {
    findings.push({
      ruleId: "ledger.empty",
      severity: "error",
      sheet: ledgerGrid.sheet,
      message: "预算明细表中没有可用的明细行。",
    });
  }
  return { ledger: { department, unit: header.unit, lines }, findings };
}
