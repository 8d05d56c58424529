import {
  CODE_LENGTHS,
  Catalog,
  normalizeName,
  readCodeCell,
  systemOfCode,
  typedCodeText,
} from "../codes";
import type { CatalogEntry, CodeCellReading, CodeProblem, CodeSystem } from "../codes";
import { CellValue, Grid, columnLetters, gridAddress, noteAt } from "../grid";
import type { CellNote } from "../grid";
import { Money, ParsedAmount, ZERO, parseAmount } from "../money";
import {
  AmountUnitName,
  departmentOfText,
  departmentOfTitle,
  newestYear,
  toWanFactor,
  unitOfText,
  yearOfText,
} from "./meta";
import { TableKindSpec, kindFromName, kindFromTitle } from "./tableKinds";
import { amountWordMeaning } from "./amountWords";
import { compactText, hasChineseOrdinal, isBlank, stripOrdinal } from "./text";

/** One amount cell of a data row, remembering where it was. */
export interface AmountCell {
  /** The sheet the cell is on (a figure may add up cells of several tables). */
  sheet?: string;
  address: string;
  raw: CellValue;
  /** The cell as published, in the unit of its table or column. */
  parsed: ParsedAmount;
  /**
   * The amount in 万元, the unit tables are compared in (a table in 元 is converted), blank and
   * invalid counting as zero (for arithmetic only). Counts and rates are not converted.
   */
  value: Money;
  /** The host says the value cannot be taken as read (Grid.cellNotes): then `parsed` is invalid. */
  untrusted?: CellNote["kind"];
  /** The unit `parsed` is in, when money was published in another unit than 万元. */
  unit?: AmountUnitName;
  /** Decimal places, in `unit`, that the table's figures are published to (万元: 2 by convention). */
  decimals?: number;
}

export type RowRole =
  /** 合计 / 总计 of a coded list, 本年收入合计 / 本年支出合计 of a summary list. */
  | "total"
  /** A listed item: a coded 类/款/项 line or an ordinal item such as 一、一般公共服务支出. */
  | "item"
  /** What follows the 本年合计 of a summary list: 上年结转, 收入总计 … (checked by balance rules). */
  | "balance";

export interface TableRow {
  /** 0-based row index in the grid. */
  gridRow: number;
  /** Address of the label (or code) cell, for findings about the row as a whole. */
  address: string;
  label: string;
  code?: string;
  /** Whether the code was printed in a code column or derived from the name through the catalog. */
  codeFrom?: "cell" | "name";
  /** The raw code cell, where the table has a code column. */
  codeCell?: {
    address: string;
    raw: CellValue;
    /** What is wrong with the code as typed (O for 0, a space, the wrong length …), if anything. */
    problems?: CodeProblem[];
  };
  role: RowRole;
  /**
   * A department's or unit's subtotal in a 项目支出表: "exact" or "suffix" ((本级)) when it names
   * the department of the header, "other" when it names another unit (see read/unitRows).
   */
  unitRow?: "exact" | "suffix" | "other";
  /** Aligned with the side's amount columns. */
  cells: AmountCell[];
}

/**
 * What the numbers of an amount column are, from its caption: money (the default), a change
 * between two years (增减, may be negative), a rate (增减率, 占比: a percentage), or a count
 * (数量, 面积). Only money is converted between 元 and 万元.
 */
export type ColumnMeasure = "amount" | "change" | "rate" | "quantity";

export function measureOfCaption(caption: string): ColumnMeasure {
  const text = compactText(caption);
  if (/率|%|比例|比重|幅度|增幅|降幅|占比/.test(text)) return "rate";
  if (/增减|增加额|减少额|增长额|变动额|变化额|比上年|差额/.test(text)) return "change";
  if (/数量|面积|人数|编制数|台数|辆数|平方米|\(人\)|\(个\)|\(台\)|\(辆\)/.test(text))
    return "quantity";
  return "amount";
}

/** Captions of columns that describe a row in words (变化原因, 备注, 计量单位), never amounts. */
const TEXT_CAPTION =
  /原因|说明|备注|用途|依据|^计量单位|^单位$|规格|型号|目录|品目|采购方式|^类型$|^类别$|^性质$|^职能$|^内容$/;

/** A column that is the sum of other columns (合计 = 基本支出 + 项目支出). Indexes into amountColumns. */
export interface ColumnRelation {
  total: number;
  parts: number[];
}

/**
 * Most tables have one list of rows; summary tables (收支总表) have two side by side, 收入 on the
 * left and 支出 on the right, each with its own label and amount columns.
 */
export interface TableSide {
  /** The column naming the rows; for an unlabelled side, its first amount column. */
  labelColumn: number;
  /**
   * No column names the rows: captions over one row of figures, as the 财政部 template of the 三公
   * table has them (合计 | 因公出国（境）费 | … over the year's figures). Its one row's label is "".
   */
  unlabelled?: true;
  codeColumn?: number;
  /**
   * A code printed in parts, 类 | 款 | 项 columns under one 科目编码 caption (201 | 32 | 01): the part
   * columns, left to right; `codeColumn` is the first.
   */
  codeParts?: number[];
  /** 0-based grid columns holding amounts. */
  amountColumns: number[];
  /** The lowest header caption of each amount column, whitespace removed. */
  captions: string[];
  /** What each amount column measures (money, a change, a rate, a count), from its captions. */
  measures: ColumnMeasure[];
  rows: TableRow[];
  relations: ColumnRelation[];
  /**
   * Indexes into amountColumns of columns that show last year (上年预算数, or 合计 | 基本支出 under a
   * 2023年预算数 or 上年 group beside the 2024年 one): never this year's figures.
   */
  priorColumns?: number[];
  /** The classification its rows use, when they are coded (printed or derived from names). */
  codeSystem?: CodeSystem;
}

/**
 * Index into a side's amount columns of the first column of this year's money whose caption matches
 * `pattern`, or -1: a 基本支出 under last year's heading (priorColumns), or an 增减 / 增减率 column,
 * is never this year's 基本支出.
 */
export function currentColumn(side: TableSide, pattern: RegExp): number {
  return side.captions.findIndex(
    (caption, i) =>
      pattern.test(caption) &&
      !side.priorColumns?.includes(i) &&
      side.measures[i] !== "change" &&
      side.measures[i] !== "rate"
  );
}

export interface ParsedTable {
  sheet: string;
  title?: { text: string; address: string };
  kind?: TableKindSpec;
  /** The department line above the header: 部门名称：… (Shanxi) or 203中国共产党…组织部 (Hebei). */
  department?: { name: string; code?: string; address: string };
  /** The budget year, from 预算年度：2024 or a title such as 2024年预算收支总表. */
  year?: { value: number; address: string };
  /** 单位：万元 / 单位：元 above the header (amounts are read into 万元 whatever it says). */
  unit?: { value: AmountUnitName; address: string };
  /** 预算公开表N / 部门公开表N, the Shanxi table number. */
  tableNumber?: { value: number; address: string };
  /** 0-based grid rows of the header block. */
  headerRows: number[];
  sides: TableSide[];
  notes: { text: string; address: string }[];
  grid: Grid;
  /** Columns whose captions say no role the reader knows: left out, never guessed. */
  unknownColumns?: UnknownColumn[];
}

/** A column left out because its caption says no role, with what its data cells hold. */
export interface UnknownColumn {
  caption: string;
  /** The caption cell. */
  address: string;
  /** The column's letters (F) and its data cells (F7:F12), when it has any. */
  column?: string;
  range?: string;
  /** Data cells holding a number the reader takes (12.5, '12.50). */
  figures: number;
  /** Data cells holding a figure typed so it cannot be taken (1.234,56, 约12, ¥12, 约十二). */
  mistyped: number;
  /** Up to three of the cells as written: the mistyped ones first, else the figures. */
  examples: string[];
}

/** A table's number printed alone: 表1, 附表2, 公开表1-1, 公开03表, 预算公开表5. */
export const TABLE_NUMBER = /^(预算公开表|部门公开表|公开表|附表|表)\d+(-\d+)?$|^公开\d+(-\d+)?表$/;

const HEADER_WORDS = new Set([
  "序号",
  "项目",
  "收入",
  "支出",
  "合计",
  "金额",
  "科目名称",
  "科目编码",
  "功能分类科目",
  "预算数",
]);
const TOTAL_LABEL = /^(.{0,6}合计|总计|.*小计)$/;
const BALANCE_LABEL = /(总计|结转|结余)/;
const TOTAL_CAPTION = /(合计|小计|总计)$/;
/** A column comparing with last year (上年预算数, 增减, 增长率): never a part of this year's 合计. */
const COMPARISON_CAPTION = /上年(?!结转|结余)|上一年|去年|增减|增长|比上年/;
const CODE_TEXT = /^\d{3}(\d{2}){0,2}$/;
/** The caption of one part of a code printed over several columns: 类 | 款 | 项. */
const CODE_PART = /^(类|款|项)$/;
/** Digits each part of a split code has: 类 3, 款 2, 项 2. */
const CODE_PART_DIGITS: Readonly<Record<string, number>> = { 类: 3, 款: 2, 项: 2 };
/** A cell that only states the unit: 单位：万元, 金额单位:元. */
const UNIT_LINE = /^(金额)?单位[:：]/;
/** A unit a caption ends with: 合计（万元）, 预算数(单位:元), 金额(千元). */
const CAPTION_UNIT = /\((?:金额)?(?:单位[:：]?)?(?:万元|元|千元|亿元)\)$/;
/**
 * An amount written as text with its decimals or thousands separators (855.89, 1,234.56, -3.00):
 * data, as a number is. Every figure of a Word table is text; a caption never looks like this.
 */
const AMOUNT_TEXT = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+$|^[-−]?\d{1,3}(?:,\d{3})+$/;

function isHeaderStart(row: CellValue[]): boolean {
  return row.some((cell) => isCaptionWord(compactText(cell)));
}

/** A 栏次 row: `栏次 | 1 | 2 …`, or a bare 1 … n. Header text, never data. */
function isColumnNumberRow(row: CellValue[]): boolean {
  // Asked of every data row: one pass that stops at the first cell that rules the row out, with
  // no text made for its numbers (a bare 1 … n row is text only).
  let count = 0;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    // Before any 栏次: a number is either the first text (not 栏次) or breaks the all-text 1 … n.
    if (typeof cell === "number") return false;
    const text = compactText(cell);
    if (text === "") continue;
    if (count === 0 && text === "栏次") return true;
    if (text !== String(count + 1)) return false;
    count++;
  }
  return count >= 2;
}

/**
 * The first data row: a number outside the 序号 column, a classification code, or a row whose
 * first caption-free cell is 合计 / an ordinal item / a note. Captions such as 合计 also occur in
 * header rows, but there they stand over amount columns, never first.
 */
function isDataLike(row: CellValue[], r: number, header: HeaderSoFar): boolean {
  const firstAny = row.find((cell) => !isBlank(cell));
  if (firstAny !== undefined && compactText(firstAny).startsWith("注")) return true;
  if (header.mergedFromAbove(r, row)) return false;
  const cells = row
    .map((cell, c) => ({ cell, c }))
    .filter(({ cell, c }) => !header.serialColumns.has(c) && !isBlank(cell));
  if (cells.length === 0) return false;
  if (
    cells.some(
      ({ cell }) =>
        typeof cell === "number" ||
        CODE_TEXT.test(compactText(cell)) ||
        AMOUNT_TEXT.test(compactText(cell))
    )
  )
    return true;
  const first = compactText(cells[0].cell);
  const labelLike = TOTAL_LABEL.test(first) || hasChineseOrdinal(first);
  if (labelLike) return header.isLabelArea(cells[0].c);
  // An empty table's rows carry labels only (因公出国（境）费 …), under captions that named amounts.
  return (
    header.hasAmountCaptions() &&
    !isCaptionWord(first) &&
    cells.every(({ c }) => header.isLabelArea(c))
  );
}

/**
 * The header of a table whose captions name no label column and use none of the usual header words
 * (“三公”经费合计 | 因公出国（境）费 | 公务用车购置及运行费 | 公务接待费): a row of two or more
 * amount captions, the first row with two cells filled; -1 when that row is not such a header.
 */
function unlabelledHeaderStart(rows: readonly CellValue[][]): number {
  const r = rows.findIndex((row) => (row ?? []).filter((cell) => !isBlank(cell)).length >= 2);
  if (r < 0) return -1;
  const filled = rows[r].filter((cell) => !isBlank(cell)).map((cell) => compactText(cell));
  const captions = filled.every(
    (text) =>
      !UNIT_LINE.test(text) &&
      !AMOUNT_TEXT.test(text) &&
      !/^\d+$/.test(text) &&
      (columnKind(text) === "serial" || AMOUNT_CAPTION.test(text))
  );
  return captions ? r : -1;
}

function isCaptionWord(text: string): boolean {
  return (
    HEADER_WORDS.has(text) ||
    CODE_PART.test(text) ||
    /(编码|名称|代码)$/.test(text) ||
    /项目来源$|^(采购)?品目$|^采购(项目|目录)$|^数量|^单价|^计量单位$|^行次$/.test(text)
  );
}

/** What the header rows seen so far tell about the next row. */
interface HeaderSoFar {
  serialColumns: Set<number>;
  /** A cell of the row belongs to a merged caption that starts above it. */
  mergedFromAbove(r: number, row: CellValue[]): boolean;
  /** No caption above this column names an amount (so a 合计 here labels a row, not a column). */
  isLabelArea(c: number): boolean;
  hasAmountCaptions(): boolean;
}

function headerSoFar(grid: Grid, headerRows: number[], serialColumns: Set<number>): HeaderSoFar {
  return {
    serialColumns,
    mergedFromAbove(r) {
      const sheetRow = grid.origin.row + r;
      return (grid.merges ?? []).some(
        (m) =>
          m.top < sheetRow &&
          m.bottom >= sheetRow &&
          m.top >= grid.origin.row + (headerRows[0] ?? r)
      );
    },
    isLabelArea(c) {
      return headerRows.every((hr) => columnKind(compactText(grid.values[hr]?.[c])) !== "amount");
    },
    hasAmountCaptions() {
      return headerRows.some((hr) =>
        (grid.values[hr] ?? []).some((cell) => columnKind(compactText(cell)) === "amount")
      );
    },
  };
}

/**
 * For each grid column, its header captions from top to bottom (merged areas filled, repeats
 * dropped): 本年收入 › 小计, 2024年预算数 › 一般公共预算.
 */
export function captionPaths(grid: Grid, headerRows: number[]): string[][] {
  const texts = headerTexts(grid, headerRows);
  const width = texts[0]?.length ?? 0;
  return Array.from({ length: width }, (_, c) => {
    const path: string[] = [];
    for (const row of texts)
      if (row[c] !== "" && path[path.length - 1] !== row[c]) path.push(row[c]);
    return path;
  });
}

/** Header texts with merged areas filled, so every column knows its group caption. */
function headerTexts(grid: Grid, headerRows: number[]): string[][] {
  const width = Math.max(0, ...grid.values.map((r) => (r ?? []).length));
  const texts = headerRows.map((r) =>
    Array.from({ length: width }, (_, c) => {
      const text = compactText(grid.values[r]?.[c]);
      // 单位：万元 printed in a header row (over the last column, or a line under the captions)
      // states the table's unit (findMeta reads it), it names no column.
      return UNIT_LINE.test(text) ? "" : text;
    })
  );
  for (const merge of grid.merges ?? []) {
    const top = merge.top - grid.origin.row;
    const left = merge.left - grid.origin.col;
    const sourceIndex = headerRows.indexOf(top);
    if (sourceIndex < 0) continue;
    const value = texts[sourceIndex][left];
    for (let r = top; r <= merge.bottom - grid.origin.row; r++) {
      const i = headerRows.indexOf(r);
      if (i < 0) continue;
      for (let c = left; c <= merge.right - grid.origin.col && c < width; c++)
        if (texts[i][c] === "") texts[i][c] = value;
    }
  }
  if (!grid.merges) {
    // Without merge information (a custom function sees only values), a group caption stands in its
    // first column only: carry it right over the columns that have their own caption below.
    for (let i = 0; i < texts.length - 1; i++) {
      for (let c = 1; c < width; c++) {
        const below = texts.slice(i + 1).some((row) => row[c] !== "");
        if (texts[i][c] === "" && texts[i][c - 1] !== "" && below) texts[i][c] = texts[i][c - 1];
      }
    }
  }
  return texts;
}

/**
 * Columns whose data cells are mostly text (采购目录序号, 计量单位) describe rows rather than
 * amounts; they are left out of the amount columns. A stray text cell in an amount column stays
 * there and is reported.
 */
function textColumns(grid: Grid, dataStart: number): Set<number> {
  const counts = new Map<number, { text: number; number: number; words: number }>();
  for (let r = dataStart; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    if (compactText(row.find((cell) => !isBlank(cell))).startsWith("注")) continue;
    row.forEach((cell, c) => {
      if (isBlank(cell)) return;
      const count = counts.get(c) ?? { text: 0, number: 0, words: 0 };
      // A finite number is an amount: no Decimal needs to be made to know it.
      const invalid =
        typeof cell === "number" ? !Number.isFinite(cell) : parseAmount(cell).kind === "invalid";
      if (!invalid) count.number++;
      else {
        const text = compactText(cell);
        // A rate typed as text (-23.36%) is a figure of its column, read by percentCell.
        if (NUMBER_ATTEMPT.test(text) || PERCENT_TEXT.test(text)) count.number++;
        else if (amountWordMeaning(text) !== undefined) count.words++;
        else count.text++;
      }
      counts.set(c, count);
    });
  }
  // Words an amount cell holds (暂无, 待定, 约十二) take no side: a column of them and figures is an
  // amount column, whose cells are each reported (a 待定 is no 0); among other words and no
  // figures, they are words too (资金来源: 财政拨款, 待定).
  const text = new Set<number>();
  for (const [c, count] of counts)
    if (
      (count.text >= 2 && count.text > count.number) ||
      (count.text >= 1 && count.number === 0 && count.text + count.words >= 2)
    )
      text.add(c);
  return text;
}

/** What the data cells of a column left out hold, for the finding that tells the clerk. */
function unknownColumn(
  grid: Grid,
  dataStart: number,
  c: number,
  caption: string,
  address: string
): UnknownColumn {
  const out: UnknownColumn = { caption, address, figures: 0, mistyped: 0, examples: [] };
  const mistyped: string[] = [];
  const figures: string[] = [];
  let first = -1;
  let last = -1;
  for (let r = dataStart; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    if (compactText(row.find((cell) => !isBlank(cell))).startsWith("注")) continue;
    const cell = row[c];
    if (isBlank(cell)) continue;
    if (first < 0) first = r;
    last = r;
    const parsed = typeof cell === "number" ? undefined : parseAmount(cell);
    const shown = String(cell).trim();
    if (parsed === undefined ? Number.isFinite(cell) : parsed.kind === "amount") {
      out.figures++;
      if (figures.length < 3 && !figures.includes(shown)) figures.push(shown);
    } else if (parsed?.kind === "invalid") {
      const text = compactText(cell);
      if (NUMBER_ATTEMPT.test(text) || amountWordMeaning(text) === "numberInWords") {
        out.mistyped++;
        if (mistyped.length < 3 && !mistyped.includes(shown)) mistyped.push(shown);
      }
    }
  }
  if (first >= 0) {
    out.column = columnLetters(grid.origin.col + c);
    out.range = `${gridAddress(grid, first, c)}:${gridAddress(grid, last, c)}`;
  }
  out.examples = mistyped.length > 0 ? mistyped : figures;
  return out;
}

/**
 * A figure typed so the reader cannot take it (1.234,56, 约12, ¥12, 12元整): digits with only
 * separators, a currency sign, a hedge or a unit around them. It counts for an amount column, not a
 * text one, so a column of such figures stays an amount column and each cell is reported at its
 * address (amount.not-a-number) instead of the column being dropped as text unseen.
 */
const NUMBER_ATTEMPT =
  /^(约|大约|近|¥|\$|RMB|人民币)*\(?[+\-−]?[\d.,'’]*\d[\d.,'’]*\)?(多|余|左右|元整|元|万元|千元|亿元)*$/;

type ColumnKind = "serial" | "code" | "label" | "text" | "amount" | "empty";

/** The role of a column from its lowest caption. */
function columnKind(leaf: string): ColumnKind {
  if (leaf === "") return "empty";
  if (/^(序号|编号|行次)$/.test(leaf)) return "serial";
  // 采购目录, 采购品目, 目录编码: the 政府采购 catalogue, never a budget classification code.
  if (/目录|品目/.test(leaf)) return "text";
  if (/(编码|代码)$/.test(leaf)) return "code";
  if (leaf.includes("名称") || /^(采购|支出|资金)?项目$/.test(leaf) || leaf.endsWith("科目"))
    return "label";
  if (TEXT_CAPTION.test(leaf)) return "text";
  return "amount";
}

/**
 * Words an amount column's captions use (合计, 预算数, 基本支出, 财政拨款, 单价, 2024年 …). A column
 * whose captions say none of them is not guessed to hold amounts: its role is unknown.
 */
const AMOUNT_CAPTION =
  /合计|小计|总计|金额|预算|决算|支出|收入|经费|资金|拨款|结转|结余|费|补助|基金|资本|专户|上缴|上解|购置|价值|价|份额|\d{4}|\{year\}|执行|安排|数量|面积|人数|率|%|增减|比上年|人员|公用|财政|额|数$|元/;

function findTitle(grid: Grid, beforeRow: number): ParsedTable["title"] {
  for (let r = 0; r < beforeRow; r++) {
    const row = grid.values[r] ?? [];
    const c = row.findIndex((cell) => !isBlank(cell));
    if (c < 0) continue;
    const text = String(row[c]).trim();
    const isTableNumber = TABLE_NUMBER.test(compactText(text));
    if (!isTableNumber && (/表/.test(text) || kindFromTitle(text))) {
      return { text, address: gridAddress(grid, r, c) };
    }
  }
  return undefined;
}

/**
 * Year, unit and table number from the lines above the header; the year, failing those, from the
 * title or the column captions (2024年预算数; of 2023年 and 2024年 columns, the newer).
 */
function findMeta(
  grid: Grid,
  beforeRow: number,
  title: ParsedTable["title"],
  headerRows: readonly number[]
): Pick<ParsedTable, "year" | "unit" | "tableNumber"> {
  const meta: Pick<ParsedTable, "year" | "unit" | "tableNumber"> = {};
  let statedYear: ParsedTable["year"];
  for (let r = 0; r < beforeRow; r++) {
    const row = grid.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = compactText(row[c]);
      if (text === "") continue;
      const address = gridAddress(grid, r, c);
      const year = /年度[:：]?\d{4}/.test(text) ? yearOfText(text) : undefined;
      if (year && !meta.year) meta.year = { value: year, address };
      const other = yearOfText(text);
      if (other && !statedYear && !/^(预算公开表|部门公开表)/.test(text))
        statedYear = { value: other, address };
      const unit = unitOfText(text);
      if (unit && !meta.unit) meta.unit = { value: unit, address };
      const number = /^(?:预算公开表|部门公开表)(\d+)$/.exec(text);
      if (number && !meta.tableNumber) meta.tableNumber = { value: Number(number[1]), address };
    }
  }
  if (!meta.unit)
    for (const r of headerRows)
      (grid.values[r] ?? []).forEach((cell, c) => {
        const text = compactText(cell);
        const unit = UNIT_LINE.test(text) ? unitOfText(text) : undefined;
        if (unit && !meta.unit) meta.unit = { value: unit, address: gridAddress(grid, r, c) };
      });
  const titleYear = title ? yearOfText(title.text) : undefined;
  if (!meta.year && titleYear && title) meta.year = { value: titleYear, address: title.address };
  if (!meta.year && statedYear) meta.year = statedYear;
  if (!meta.year) {
    const cells: { text: string; address: string }[] = [];
    for (const r of headerRows)
      (grid.values[r] ?? []).forEach((cell, c) => {
        if (!isBlank(cell)) cells.push({ text: String(cell), address: gridAddress(grid, r, c) });
      });
    const newest = newestYear(cells.map((cell) => cell.text));
    const at = cells.find((cell) => yearOfText(cell.text) === newest);
    if (newest && at) meta.year = { value: newest, address: at.address };
  }
  return meta;
}

/**
 * The department named above the header (never a unit, a year or a date); failing a line that
 * names it, the title's own subject (2015年桂林市司法局部门“三公”经费情况统计表).
 */
function findDepartment(
  grid: Grid,
  beforeRow: number,
  title?: ParsedTable["title"]
): ParsedTable["department"] {
  for (let r = 0; r < beforeRow; r++) {
    const row = grid.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const department = departmentOfText(String(row[c] ?? ""));
      if (department) return { ...department, address: gridAddress(grid, r, c) };
    }
  }
  const named = title ? departmentOfTitle(title.text) : undefined;
  return named && title ? { name: named, address: title.address } : undefined;
}

/**
 * Splits the columns into sides and works out which amount column sums which. A column whose
 * caption says no role (neither a label, a code, a description nor an amount) is left out and
 * returned as unknown.
 */
function buildSides(
  paths: string[][],
  textColumns: Set<number>,
  unlabelled = false
): { sides: Omit<TableSide, "rows" | "codeSystem">[]; unknown: number[]; uncaptioned: number[] } {
  const sides: Omit<TableSide, "rows" | "codeSystem">[] = [];
  const unknown: number[] = [];
  const uncaptioned: number[] = [];
  const groups: string[] = [];
  let current: Omit<TableSide, "rows" | "codeSystem"> | undefined;
  paths.forEach((path, c) => {
    const leaf = path[path.length - 1] ?? "";
    const part = codePartAt(paths, c);
    if (part !== undefined) {
      // 类 opens a code (and a side, as a code column does); 款 and 项 continue it.
      if (part === "类") {
        if (!current || current.amountColumns.length > 0) {
          current = {
            labelColumn: c,
            amountColumns: [],
            captions: [],
            measures: [],
            relations: [],
          };
          sides.push(current);
        }
        if (current.codeColumn === undefined) {
          current.codeColumn = c;
          current.codeParts = [c];
        }
      } else if (current?.codeParts && current.codeParts[current.codeParts.length - 1] === c - 1) {
        current.codeParts.push(c);
      }
      return;
    }
    const kind = columnKind(leaf);
    if (kind === "code" || kind === "label") {
      if (!current || current.amountColumns.length > 0) {
        current = { labelColumn: c, amountColumns: [], captions: [], measures: [], relations: [] };
        sides.push(current);
        if (kind === "code") current.codeColumn = c;
      } else if (kind === "code" && current.codeColumn === undefined) {
        current.codeColumn = c;
      } else if (kind === "label" && current.labelColumn === current.codeColumn) {
        current.labelColumn = c;
      }
    } else if (kind === "text" && !current) {
      // A list whose first column describes its rows (采购品目) is labelled by it.
      current = { labelColumn: c, amountColumns: [], captions: [], measures: [], relations: [] };
      sides.push(current);
    } else if (kind === "empty" && current && !textColumns.has(c)) {
      uncaptioned.push(c);
    } else if (kind === "amount" && (current || unlabelled) && !textColumns.has(c)) {
      if (!AMOUNT_CAPTION.test(path.join("|"))) {
        unknown.push(c);
        return;
      }
      if (!current) {
        current = {
          labelColumn: c,
          unlabelled: true,
          amountColumns: [],
          captions: [],
          measures: [],
          relations: [],
        };
        sides.push(current);
      }
      current.amountColumns.push(c);
      // 合计（万元）: the unit is the column's (columnUnit reads it from the path); the caption is 合计.
      current.captions.push(leaf.replace(CAPTION_UNIT, "") || leaf);
      current.measures.push(measureOfCaption(path.join("|")));
      groups[c] = path.slice(0, -1).join("|");
    }
  });
  for (const side of sides) side.relations = columnRelations(side, groups);
  return { sides, unknown, uncaptioned };
}

/**
 * Whether a column's captions say it shows last year: 上年 / 上一年 / 去年 (not 上年结转, which is
 * this year's money), or a year before the table's (2023年预算数 in a 2024 table).
 */
function isPriorPath(path: readonly string[], year: number | undefined): boolean {
  const text = path.join("|");
  if (/上年(?!结转|结余)|上一年|去年/.test(text)) return true;
  const stated = yearOfText(text);
  return stated !== undefined && year !== undefined && stated < year;
}

/**
 * Whether column c is a part of a code printed over several columns: its lowest caption is 类, 款
 * or 项, and the parts stand in order from a 类 (类 | 款 | 项, or 类 | 款 for an economic code).
 * A 项 alone is no code part (a list of items may be captioned 项).
 */
function codePartAt(paths: readonly string[][], c: number): string | undefined {
  const leafAt = (i: number) => paths[i]?.[paths[i].length - 1] ?? "";
  const leaf = leafAt(c);
  if (!CODE_PART.test(leaf)) return undefined;
  const order = ["类", "款", "项"];
  const k = order.indexOf(leaf);
  for (let i = 0; i < k; i++) if (leafAt(c - k + i) !== order[i]) return undefined;
  // 类 needs its 款 beside it.
  if (k === 0 && leafAt(c + 1) !== "款") return undefined;
  return leaf;
}

/** The header cell that names a column: its lowest caption (a merged caption's first cell). */
export function captionCell(grid: Grid, headerRows: readonly number[], c: number): string {
  for (let i = headerRows.length - 1; i >= 0; i--) {
    const r = headerRows[i];
    if (!isBlank(grid.values[r]?.[c])) return gridAddress(grid, r, c);
    const merge = (grid.merges ?? []).find(
      (m) =>
        m.top <= grid.origin.row + r &&
        m.bottom >= grid.origin.row + r &&
        m.left <= grid.origin.col + c &&
        m.right >= grid.origin.col + c
    );
    if (merge) return gridAddress(grid, merge.top - grid.origin.row, merge.left - grid.origin.col);
  }
  return gridAddress(grid, headerRows[0] ?? 0, c);
}

function columnRelations(
  side: Omit<TableSide, "rows" | "codeSystem">,
  groups: string[]
): ColumnRelation[] {
  const relations: ColumnRelation[] = [];
  const group = (i: number) => groups[side.amountColumns[i]] ?? "";
  const isTotal = (i: number) =>
    TOTAL_CAPTION.test(side.captions[i]) && side.measures[i] !== "rate";
  const n = side.amountColumns.length;
  for (let t = 0; t < n; t++) {
    if (!isTotal(t)) continue;
    const parts: number[] = [];
    // A total inside a group (本年收入 › 小计) sums the rest of its group; a standalone total
    // (合计 over two header rows) sums the standalone columns and group totals to its right.
    const inGroup =
      group(t) !== "" && side.amountColumns.some((_, j) => j !== t && group(j) === group(t));
    for (let j = t + 1; j < n; j++) {
      if (COMPARISON_CAPTION.test(side.captions[j])) continue;
      if (inGroup) {
        if (group(j) !== group(t)) continue;
        if (isTotal(j)) break;
        parts.push(j);
      } else {
        const g = group(j);
        const grouped = g !== "" && side.amountColumns.some((_, k) => k !== j && group(k) === g);
        if (!grouped) {
          if (isTotal(j)) break;
          parts.push(j);
        } else {
          // A group counts once: through its own total column, or column by column if it has none.
          const groupTotal = side.amountColumns.findIndex((_, k) => group(k) === g && isTotal(k));
          if (groupTotal < 0 || groupTotal === j) parts.push(j);
        }
      }
    }
    if (parts.length > 0) relations.push({ total: t, parts });
  }
  return relations;
}

/**
 * One cell. Money published in another unit (`unit`: 元, 千元, 亿元) keeps its figure in `parsed` and
 * its unit, and gets its value in 万元; money in 万元, counts and rates are read as they are. Blank or
 * text reads as 0.
 */
export function amountCell(grid: Grid, r: number, c: number, unit?: AmountUnitName): AmountCell {
  const raw = grid.values[r]?.[c];
  const note = noteAt(grid, r, c);
  // A formula without its result or a date is no amount, whatever the cell holds: it is reported
  // at the cell (rules/cellTrust) and the sums it is part of wait for it.
  const parsed: ParsedAmount = note
    ? { kind: "invalid", text: note.text ?? String(raw ?? "") }
    : parseAmount(raw);
  const value = parsed.kind === "amount" ? parsed.value : ZERO;
  // A figure that states its own unit (12.50万元 in a table in 元) is read in that unit.
  if (unit !== undefined && parsed.kind === "amount" && parsed.unit) unit = parsed.unit;
  const converted = unit !== undefined && unit !== "万元";
  // Properties set one by one rather than spread in: no object made for each, and cells of one
  // table all take the same shape.
  const cell: AmountCell = {
    sheet: grid.sheet,
    address: gridAddress(grid, r, c),
    raw,
    parsed,
    value: converted ? value.times(toWanFactor(unit)) : value,
  };
  if (converted) cell.unit = unit;
  if (note) cell.untrusted = note.kind;
  return cell;
}

/**
 * The precision a table's money in 元 (千元, 亿元) is published to, set on each cell: to the 分 (2
 * places), as budgets in 元 are exact — unless the figures all end in 00 and several show their
 * hundreds: those were made from 万元 figures rounded to 0.01 (百元, −2 places), so their rounding
 * differences stay rounding differences.
 */
export function assignPrecision(cells: readonly AmountCell[]): void {
  const byUnit = new Map<AmountUnitName, AmountCell[]>();
  for (const cell of cells) {
    if (!cell.unit) continue;
    const group = byUnit.get(cell.unit) ?? [];
    group.push(cell);
    byUnit.set(cell.unit, group);
  }
  for (const [unit, group] of byUnit) {
    const figures = group
      .filter((cell) => cell.parsed.kind === "amount" && !cell.parsed.value.isZero())
      .map((cell) => (cell.parsed as { value: Money }).value);
    const hundreds = figures.filter((f) => f.mod(100).isZero());
    const showHundreds = hundreds.filter((f) => !f.mod(1000).isZero());
    // One figure with hundreds among round ones is more likely a mistake than a rounding.
    const fromWan = unit === "元" && hundreds.length === figures.length && showHundreds.length >= 2;
    for (const cell of group) cell.decimals = fromWan ? -2 : 2;
  }
}

/** The unit a column's own captions state (单价（元）, 价值（金额单位：万元）), if any. */
export function columnUnit(path: readonly string[]): AmountUnitName | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const unit = unitOfText(path[i]);
    if (unit) return unit;
  }
  return undefined;
}

export interface ParseTableOptions {
  /** What the user said the table is (BUDGET.CHECK's `kind`), overriding detection. */
  kind?: string;
  catalog?: Catalog;
}

export type ParseTableResult =
  | { ok: true; table: ParsedTable }
  | { ok: false; reason: "noHeader" | "noColumns" | "unlabelledRows"; message: string };

/**
 * Reads one standard table from a grid: title, header (any number of rows, merged or not, with or
 * without 栏次 and 序号), the label/code/amount columns of each side, and the data rows. The grid
 * may hold blank rows and columns and need not start at A1.
 */
export function parseTable(grid: Grid, options: ParseTableOptions = {}): ParseTableResult {
  const catalog = options.catalog ?? Catalog.standard();
  const rows = grid.values;
  let headerStart = rows.findIndex((row) => isHeaderStart(row ?? []));
  if (headerStart < 0) headerStart = unlabelledHeaderStart(rows);
  if (headerStart < 0) {
    return {
      ok: false,
      reason: "noHeader",
      message: "没有找到表头（如“科目编码”“科目名称”“项目”“合计”）。",
    };
  }
  const serialColumns = new Set<number>();
  const headerRows: number[] = [];
  let dataStart = rows.length;
  for (let r = headerStart; r < rows.length; r++) {
    const row = rows[r] ?? [];
    row.forEach((cell, c) => compactText(cell) === "序号" && serialColumns.add(c));
    if (isColumnNumberRow(row)) continue;
    if (r > headerStart && isDataLike(row, r, headerSoFar(grid, headerRows, serialColumns))) {
      dataStart = r;
      break;
    }
    if (row.some((cell) => !isBlank(cell))) headerRows.push(r);
  }
  const paths = captionPaths(grid, headerRows);
  const texts = textColumns(grid, dataStart);
  let built = buildSides(paths, texts);
  // No column names the rows: the captions may stand over figures alone (合计 | 因公出国（境）费 …).
  if (built.sides.length === 0) built = buildSides(paths, texts, true);
  const { sides: sideShapes, unknown, uncaptioned } = built;
  if (sideShapes.length === 0 || sideShapes.every((s) => s.amountColumns.length === 0)) {
    return { ok: false, reason: "noColumns", message: "表头中没有找到科目名称列或金额列。" };
  }

  const title = findTitle(grid, headerStart);
  const department = findDepartment(grid, headerStart, title);
  const meta = findMeta(grid, headerStart, title, headerRows);
  const kind = options.kind
    ? kindFromName(options.kind)
    : title
      ? kindFromTitle(title.text)
      : undefined;
  const notes: ParsedTable["notes"] = [];
  const sides: TableSide[] = sideShapes.map((shape) => ({ ...shape, rows: [] }));
  for (const side of sides) {
    const prior = side.amountColumns
      .map((c, i) => ({ c, i }))
      .filter(
        ({ c, i }) => side.measures[i] === "amount" && isPriorPath(paths[c], meta.year?.value)
      )
      .map(({ i }) => i);
    if (prior.length > 0) side.priorColumns = prior;
  }
  // Money columns are read into 万元: by the unit their caption states, else the table's.
  const units = new Map(
    sides.map((side) => [
      side,
      side.amountColumns.map((c, i) =>
        side.measures[i] === "amount" || side.measures[i] === "change"
          ? (columnUnit(paths[c] ?? []) ?? meta.unit?.value)
          : undefined
      ),
    ])
  );

  const notations = new Set(sides.filter((side) => segmentedCodes(grid, dataStart, side)));
  const repeatsHeader = repeatedHeader(grid, headerRows, title);
  // Sides whose rows are classification 科目 (a code column, a 科目 caption over the names, or a
  // table of a coded kind): there a label that begins with a code is a code and a name.
  const coded = new Set(
    sides.filter(
      (side) =>
        side.codeColumn !== undefined ||
        kind?.codeSystem !== undefined ||
        /科目|编码/.test((paths[side.labelColumn] ?? []).join("|"))
    )
  );
  for (let r = dataStart; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const first = row.findIndex((cell) => !isBlank(cell));
    if (first < 0) continue;
    const firstText = compactText(row[first]);
    if (isColumnNumberRow(row) || repeatsHeader(row)) continue;
    if (firstText.startsWith("注")) {
      notes.push({ text: String(row[first]).trim(), address: gridAddress(grid, r, first) });
      continue;
    }
    for (const side of sides) {
      const tableRow = readRow(grid, r, side, kind, catalog, units.get(side)!, notations, coded);
      if (tableRow) side.rows.push(tableRow);
    }
  }
  // One row of figures under the captions is the table's figures; two or more, none labelled, could
  // be any years in any order: said, never guessed.
  if (sides.some((side) => side.unlabelled && side.rows.length > 1)) {
    return {
      ok: false,
      reason: "unlabelledRows",
      message: "表中有多行数字，但没有一列写明各行是什么（如“本年预算数”“上年预算数”）",
    };
  }
  const cells: AmountCell[] = [];
  for (const side of sides)
    for (const row of side.rows) for (const cell of row.cells) cells.push(cell);
  assignPrecision(cells);
  for (const side of sides) {
    side.codeSystem = side.rows
      .map((row) => (row.code ? systemOfCode(row.code) : undefined))
      .find((s) => s !== undefined);
    assignRoles(side, department?.name);
  }
  // A column with no caption at all is a spacer (or a merged caption's second cell) while it is
  // empty; once it holds figures they are figures nobody checks, and the clerk is told so.
  const unknownColumns = [...unknown, ...uncaptioned]
    .sort((a, b) => a - b)
    .map((c) => {
      const caption = uncaptioned.includes(c) ? "" : paths[c].join("／");
      return unknownColumn(grid, dataStart, c, caption, captionCell(grid, headerRows, c));
    })
    .filter((column) => column.caption !== "" || column.figures + column.mistyped > 0);
  return {
    ok: true,
    table: {
      sheet: grid.sheet,
      title,
      kind,
      department,
      ...meta,
      headerRows,
      sides,
      notes,
      grid,
      ...(unknownColumns.length > 0 ? { unknownColumns } : {}),
    },
  };
}

/**
 * Whether a body row is the table's head printed again, as a table continued under its own header
 * on the same sheet has it (续表, the title with （续）, the unit line, the captions): no figure in
 * it, and either a 续 mark, the title or unit line alone, or two or more of the header's own
 * captions in their columns.
 */
function repeatedHeader(
  grid: Grid,
  headerRows: number[],
  title: ParsedTable["title"]
): (row: CellValue[]) => boolean {
  const captions = headerTexts(grid, headerRows);
  const titleText = title ? compactText(title.text) : undefined;
  return (row) => {
    const filled: { text: string; c: number }[] = [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (isBlank(cell)) continue;
      if (typeof cell === "number") return false;
      const text = compactText(cell);
      if (AMOUNT_TEXT.test(text) || CODE_TEXT.test(text)) return false;
      filled.push({ text, c });
    }
    if (filled.length === 0) return false;
    if (filled.some(({ text }) => /^续表|^\(续\)$|续表\)?$|\(续\)$|\(续表\)$/.test(text)))
      return true;
    if (
      filled.length === 1 &&
      (filled[0].text === titleText || /^(金额)?单位[:：]/.test(filled[0].text))
    )
      return true;
    const again = filled.filter(({ text, c }) => captions.some((line) => line[c] === text));
    return again.length >= 2 && again.length * 2 >= filled.length;
  };
}

/** A note that says the table has nothing to show: 本表无数据, 空表列示, 未安排…, 不涉及… */
export const EMPTY_NOTE =
  /无数据|空表|无.{0,24}(预算|支出|收入|经费|资金|采购|资产)|没有|未安排|未编制|不涉及|为零|为0/;

/**
 * An empty table published as its title and a note only (no header): 政府性基金预算支出表 / 注：本部门
 * 无政府性基金预算财政拨款支出，本表为空表。 Read as a table of that kind with no columns and no rows,
 * so it counts as published; undefined when the grid has no such note.
 */
export function parseEmptyTable(grid: Grid, kind: TableKindSpec): ParsedTable | undefined {
  const notes: ParsedTable["notes"] = [];
  let firstNote = -1;
  grid.values.forEach((row, r) => {
    const c = (row ?? []).findIndex((cell) => !isBlank(cell));
    if (c < 0) return;
    const text = compactText(row[c]);
    if (/^(注|说明|备注)/.test(text) || (r > 0 && EMPTY_NOTE.test(text) && !kindFromTitle(text))) {
      if (firstNote < 0) firstNote = r;
      notes.push({ text: String(row[c]).trim(), address: gridAddress(grid, r, c) });
    }
  });
  if (firstNote < 0 || !notes.some((note) => EMPTY_NOTE.test(compactText(note.text))))
    return undefined;
  const title = findTitle(grid, firstNote);
  return {
    sheet: grid.sheet,
    title,
    kind,
    department: findDepartment(grid, firstNote, title),
    ...findMeta(grid, firstNote, title, []),
    headerRows: [],
    sides: [
      { labelColumn: 0, amountColumns: [], captions: [], measures: [], rows: [], relations: [] },
    ],
    notes,
    grid,
  };
}

function readRow(
  grid: Grid,
  r: number,
  side: TableSide,
  kind: TableKindSpec | undefined,
  catalog: Catalog,
  units: readonly (AmountUnitName | undefined)[],
  segmented?: ReadonlySet<TableSide>,
  coded?: ReadonlySet<TableSide>
) {
  const row = grid.values[r] ?? [];
  // 类 | 款 | 项 columns that hold names, not codes (no name column beside them): the row's name
  // is the part it fills, and the part tells its level.
  const namePart = side.codeParts?.includes(side.labelColumn)
    ? namedCodePart(row, side.codeParts)
    : undefined;
  const codeRaw =
    side.codeColumn !== undefined && namePart === undefined ? row[side.codeColumn] : undefined;
  let label = side.unlabelled
    ? ""
    : namePart
      ? compactText(row[side.codeParts![namePart.part]])
      : compactText(row[side.labelColumn]);
  const codeText = compactText(codeRaw);
  if (label === "" && codeText !== "" && !CODE_TEXT.test(codeText)) label = codeText; // 合计 merged over 编码+名称
  // 合计： / 总计: — the colon of a label typed as a heading.
  if (/[:：]$/.test(label) && TOTAL_LABEL.test(label.slice(0, -1))) label = label.slice(0, -1);
  const cells = side.amountColumns.map((c, i) =>
    side.measures[i] === "rate" ? percentCell(grid, r, c) : amountCell(grid, r, c, units[i])
  );
  if (label === "" && codeText === "" && cells.every((cell) => cell.parsed.kind === "empty"))
    return undefined;

  const tableRow: TableRow = {
    gridRow: r,
    address: gridAddress(grid, r, side.labelColumn),
    label,
    role: "item",
    cells,
  };
  if (namePart !== undefined) {
    // No code printed: the row is placed by its name, at the level of its part.
  } else if (side.codeParts && side.codeParts.length > 1) {
    const split = readCodeParts(grid, r, side.codeParts, side.rows);
    tableRow.codeCell = { address: split.address, raw: split.raw };
    if (split.reading?.code !== undefined) {
      tableRow.code = split.reading.code;
      tableRow.codeFrom = "cell";
    }
    if (split.reading && split.reading.problems.length > 0)
      tableRow.codeCell.problems = split.reading.problems;
  } else if (side.codeColumn !== undefined) {
    tableRow.codeCell = { address: gridAddress(grid, r, side.codeColumn), raw: codeRaw };
    // A slip the clerk can see (2O132, 201 32) is put right and named; the row keeps its place.
    const reading = readCodeCell(
      segmented?.has(side) && isSegmentedCode(codeRaw) ? codeText.replace(/\D/g, "") : codeRaw
    );
    if (reading?.code !== undefined) {
      tableRow.code = reading.code;
      tableRow.codeFrom = "cell";
    }
    if (reading && reading.problems.length > 0) tableRow.codeCell.problems = reading.problems;
  }
  // A code and its name in one cell (201 一般公共服务支出, 2013201行政运行): the code is read from
  // the cell, and the name is what follows it.
  const leading = codeBeforeName(label, catalog, coded?.has(side) ?? false);
  if (leading && (tableRow.code === undefined || tableRow.code === leading.code)) {
    if (tableRow.code === undefined) {
      tableRow.code = leading.code;
      tableRow.codeFrom = "cell";
      tableRow.codeCell = { address: tableRow.address, raw: row[side.labelColumn] };
    }
    tableRow.label = label = leading.name;
  }
  if (namePart !== undefined && label !== "" && !TOTAL_LABEL.test(label)) {
    const system = kind?.codeSystem ?? (side.codeParts!.length === 2 ? "economic" : "function");
    const entry = entryByName(stripOrdinal(label), system, side.rows, catalog);
    if (entry && entry.level === namePart.part + 1) {
      tableRow.code = entry.code;
      tableRow.codeFrom = "name";
    }
  }
  if (tableRow.code === undefined && label !== "" && !TOTAL_LABEL.test(label)) {
    // A code typed wrong belongs to the classification the rows around it use.
    const around = tableRow.codeCell?.problems
      ? side.rows.map((r) => (r.code ? systemOfCode(r.code) : undefined)).find((s) => s)
      : undefined;
    const system =
      kind?.codeSystem ?? around ?? (hasChineseOrdinal(label) ? "function" : undefined);
    if (system) {
      const entry = entryByName(stripOrdinal(label), system, side.rows, catalog);
      if (entry && (entry.level === 1 || !hasChineseOrdinal(label))) {
        tableRow.code = entry.code;
        tableRow.codeFrom = "name";
      }
    }
  }
  return tableRow;
}

/**
 * The one part of a 类 | 款 | 项 group that holds words (a name, 合计) in a row, when the group
 * holds names rather than codes; undefined when a part holds digits or none holds words.
 */
function namedCodePart(
  row: readonly CellValue[],
  parts: readonly number[]
): { part: number } | undefined {
  let found: number | undefined;
  for (let i = 0; i < parts.length; i++) {
    const text = compactText(row[parts[i]]);
    if (text === "") continue;
    if (/\d/.test(text) || found !== undefined) return undefined;
    found = i;
  }
  return found === undefined ? undefined : { part: found };
}

/**
 * A label that begins with a classification code (201一般公共服务支出, 2013201 行政运行, 30101、基本工资):
 * the code and the name after it — in a list of 科目 (`coded`) whenever the digits make a code of a
 * classification, elsewhere only when the name is the catalog's for that code. A project's name
 * that begins with digits (220千伏线路改造, 2024年培训) is left alone.
 */
function codeBeforeName(
  label: string,
  catalog: Catalog,
  coded: boolean
): { code: string; name: string } | undefined {
  const match = /^(\d{3}(?:\d{2}){0,2})(?!\d)[.、:：-]?([\u3400-\u9fff(].*)$/.exec(label);
  if (!match) return undefined;
  const [, code, name] = match;
  if (!systemOfCode(code)) return undefined;
  if (coded) return { code, name };
  const standard = catalog.name(code);
  return standard !== undefined && normalizeName(standard) === normalizeName(name)
    ? { code, name }
    : undefined;
}

/** A percentage typed as text: -20.00%, 12.5％ (folded to %). */
const PERCENT_TEXT = /^([-+−]?[\d,.]+)%$/;

/**
 * A cell of a rate column: a percentage typed as text, -20.00% or 12.5％, is its number of percent
 * (as a rate typed as a number is); anything else reads as an amount cell does.
 */
function percentCell(grid: Grid, r: number, c: number): AmountCell {
  const cell = amountCell(grid, r, c);
  if (cell.parsed.kind !== "invalid" || cell.untrusted || typeof cell.raw !== "string") return cell;
  const percent = PERCENT_TEXT.exec(compactText(cell.raw));
  if (!percent) return cell;
  const parsed = parseAmount(percent[1].replace("−", "-"));
  return parsed.kind === "amount" ? { ...cell, parsed, value: parsed.value } : cell;
}

/** A code with its 类, 款 and 项 set apart: 201 32 01, 201.32.01, 201-32. */
const SEGMENTED_CODE = /^\d{3}(?:[ .\-·]\d{2}){1,2}$/;

function isSegmentedCode(raw: CellValue): boolean {
  return typeof raw === "string" && SEGMENTED_CODE.test(typedCodeText(raw));
}

/**
 * Whether a side's code column writes its codes set apart (201 32 01, 201.32.01) all through: then
 * the separators are the column's notation, not a slip in one code. It takes at least two such
 * codes of a 款 or 项 and none written plain.
 */
function segmentedCodes(grid: Grid, dataStart: number, side: TableSide): boolean {
  if (side.codeColumn === undefined || side.codeParts) return false;
  let set = 0;
  for (let r = dataStart; r < grid.values.length; r++) {
    const raw = grid.values[r]?.[side.codeColumn];
    if (typeof raw !== "string") {
      if (typeof raw === "number" && raw >= 10000) return false;
      continue;
    }
    if (/^\d{5}(\d{2})?$/.test(raw.trim())) return false;
    if (isSegmentedCode(raw)) set++;
  }
  return set >= 2;
}

/**
 * A code printed in parts (类 | 款 | 项): the parts joined into one code and read as a code cell is.
 * A part typed as a number has lost its leading zero (款 01 shows as 1) and gets it back. Parts
 * left blank above the row's own level (款 | 项 only, or 项 only) are those of the rows above:
 * 行政运行 under 20132 is 2013201. A finding about the code goes to the part that is wrong, or else
 * to the part that holds the row's own level.
 */
function readCodeParts(
  grid: Grid,
  r: number,
  parts: readonly number[],
  above: readonly TableRow[]
): { address: string; raw: CellValue; reading?: CodeCellReading } {
  const row = grid.values[r] ?? [];
  const digits = parts.map((c, i) => CODE_PART_DIGITS[["类", "款", "项"][i]]);
  const texts = parts.map((c, i) => {
    const raw = row[c];
    if (typeof raw === "number" && Number.isInteger(raw) && raw >= 0)
      return String(raw).padStart(digits[i], "0");
    return typeof raw === "string" ? typedCodeText(raw) : compactText(raw);
  });
  const filled = texts.map((t, i) => (t !== "" ? i : -1)).filter((i) => i >= 0);
  const firstAddress = gridAddress(grid, r, parts[0]);
  if (filled.length === 0) return { address: firstAddress, raw: row[parts[0]] };
  const first = filled[0];
  const last = filled[filled.length - 1];
  // Each level's column holding the whole code of that level (类 201 | 款 20132 | 项 2013201):
  // the row's code is the one in its lowest filled part.
  const whole = digits.map((_, i) => digits.slice(0, i + 1).reduce((a, b) => a + b, 0));
  if (
    whole[last] > digits[last] &&
    /^\d+$/.test(texts[last]) &&
    texts[last].length === whole[last] &&
    filled.every((i) => texts[last].startsWith(texts[i]) && texts[i].length === whole[i])
  ) {
    const reading = readCodeCell(texts[last]);
    return { address: gridAddress(grid, r, parts[last]), raw: row[parts[last]], reading };
  }
  // Text in words (合计 merged over the parts, 其中：) is no code.
  const joinedTyped = texts.slice(first, last + 1).join("");
  if (/[\u3400-\u9fff]/.test(joinedTyped.replace(/〇/g, "")))
    return { address: gridAddress(grid, r, parts[first]), raw: row[parts[first]] };
  let prefix = "";
  if (first > 0) {
    const length = digits.slice(0, first).reduce((a, b) => a + b, 0);
    prefix =
      [...above]
        .reverse()
        .find((a) => (a.code?.length ?? 0) >= length)
        ?.code?.slice(0, length) ?? "";
  }
  const joined = prefix + texts.slice(first, last + 1).join("");
  const wrong = filled.find(
    (i) => i >= first && i <= last && (texts[i].length !== digits[i] || !/^\d+$/.test(texts[i]))
  );
  const gap = texts.slice(first, last + 1).indexOf("");
  const at = wrong ?? (gap >= 0 ? first + gap : last);
  const reading = readCodeCell(joined);
  // 201 | blank | 01 is no code of 5 digits: a part is missing, and the row is placed by its name.
  if (gap >= 0 && reading) {
    const system = systemOfCode(joined.padEnd(3, "0")) ?? "function";
    const lengths = CODE_LENGTHS[system];
    reading.problems.push({ kind: "length", system, digits: joined.length, lengths });
    delete reading.code;
  }
  return { address: gridAddress(grid, r, parts[at]), raw: joined, reading };
}

/**
 * The catalog entry a name stands for: the only one of that name, or else the one under the 款 or
 * 类 the rows above it open (行政运行 is a 项 of many 款; below 20132 组织事务 it is 2013201).
 */
function entryByName(
  name: string,
  system: CodeSystem,
  above: readonly TableRow[],
  catalog: Catalog
): CatalogEntry | undefined {
  const unique = catalog.findByName(name, system);
  if (unique) return unique;
  for (const length of [5, 3]) {
    const parent = [...above].reverse().find((row) => row.code?.length === length)?.code;
    if (!parent) continue;
    const under = catalog.findAllByName(name, system, parent);
    if (under.length === 1) return under[0];
  }
  return undefined;
}

/**
 * Summary lists put 上年结转 and 收入总计 after the 本年合计 row; those rows are balance rows.
 */
function assignRoles(side: TableSide, department: string | undefined): void {
  let afterTotal = false;
  for (const row of side.rows) {
    if (department !== undefined && row.label === department && row.code === undefined) {
      row.role = "total"; // 项目支出表: the department's and the unit's subtotal rows carry its name
    } else if (TOTAL_LABEL.test(row.label) && row.code === undefined) {
      row.role = afterTotal && /总计/.test(row.label) ? "balance" : "total";
      afterTotal = afterTotal || /本年/.test(row.label);
    } else if (afterTotal || (BALANCE_LABEL.test(row.label) && row.code === undefined)) {
      row.role = "balance";
    }
  }
}
