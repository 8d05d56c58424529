import { Catalog, readCodeCell, systemOfCode } from "../codes";
import type { CatalogEntry, CodeProblem, CodeSystem } from "../codes";
import { CellValue, Grid, gridAddress, noteAt } from "../grid";
import type { CellNote } from "../grid";
import { Money, ParsedAmount, ZERO, parseAmount } from "../money";
import { TableKindSpec, kindFromName, kindFromTitle } from "./tableKinds";
import { compactText, hasChineseOrdinal, isBlank, stripOrdinal } from "./text";
import { markUnitRows } from "./unitRows";

/** One amount cell of a data row, remembering where it was. */
export interface AmountCell {
  address: string;
  raw: CellValue;
  parsed: ParsedAmount;
  /** The amount, blank and invalid counting as zero (for arithmetic only). */
  value: Money;
  /** The host says the value cannot be taken as read (Grid.cellNotes): then `parsed` is invalid. */
  untrusted?: CellNote["kind"];
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
  labelColumn: number;
  codeColumn?: number;
  /** 0-based grid columns holding amounts. */
  amountColumns: number[];
  /** The lowest header caption of each amount column, whitespace removed. */
  captions: string[];
  rows: TableRow[];
  relations: ColumnRelation[];
  /** The classification its rows use, when they are coded (printed or derived from names). */
  codeSystem?: CodeSystem;
}

export interface ParsedTable {
  sheet: string;
  title?: { text: string; address: string };
  kind?: TableKindSpec;
  /** The department line above the header: 部门名称：… (Shanxi) or 203中国共产党…组织部 (Hebei). */
  department?: { name: string; code?: string; address: string };
  /** The budget year, from 预算年度：2024 or a title such as 2024年预算收支总表. */
  year?: { value: number; address: string };
  /** 单位：万元 / 单位：元 above the header. */
  unit?: { value: string; address: string };
  /** 预算公开表N / 部门公开表N, the Shanxi table number. */
  tableNumber?: { value: number; address: string };
  /** 0-based grid rows of the header block. */
  headerRows: number[];
  sides: TableSide[];
  notes: { text: string; address: string }[];
  grid: Grid;
}

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

function isHeaderStart(row: CellValue[]): boolean {
  return row.some((cell) => isCaptionWord(compactText(cell)));
}

/** A 栏次 row: `栏次 | 1 | 2 …`, or a bare 1 … n. Header text, never data. */
function isColumnNumberRow(row: CellValue[]): boolean {
  const texts = row.map(compactText).filter((t) => t !== "");
  if (texts.length === 0) return false;
  if (texts[0] === "栏次") return true;
  return (
    texts.length >= 2 &&
    texts.every((t, i) => t === String(i + 1)) &&
    row.every((c) => typeof c !== "number")
  );
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
  if (cells.some(({ cell }) => typeof cell === "number" || CODE_TEXT.test(compactText(cell))))
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

function isCaptionWord(text: string): boolean {
  return HEADER_WORDS.has(text) || text.endsWith("编码") || text.endsWith("名称");
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
    Array.from({ length: width }, (_, c) => compactText(grid.values[r]?.[c]))
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
  const counts = new Map<number, { text: number; number: number }>();
  for (let r = dataStart; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    if (compactText(row.find((cell) => !isBlank(cell))).startsWith("注")) continue;
    row.forEach((cell, c) => {
      if (isBlank(cell)) return;
      const count = counts.get(c) ?? { text: 0, number: 0 };
      if (parseAmount(cell).kind === "invalid") count.text++;
      else count.number++;
      counts.set(c, count);
    });
  }
  const text = new Set<number>();
  for (const [c, count] of counts) if (count.text >= 2 && count.text > count.number) text.add(c);
  return text;
}

type ColumnKind = "serial" | "code" | "label" | "amount" | "empty";

function columnKind(leaf: string): ColumnKind {
  if (leaf === "") return "empty";
  if (leaf === "序号") return "serial";
  if (leaf.endsWith("编码")) return "code";
  if (leaf.includes("名称") || leaf === "项目" || leaf.endsWith("科目")) return "label";
  return "amount";
}

function findTitle(grid: Grid, beforeRow: number): ParsedTable["title"] {
  for (let r = 0; r < beforeRow; r++) {
    const row = grid.values[r] ?? [];
    const c = row.findIndex((cell) => !isBlank(cell));
    if (c < 0) continue;
    const text = String(row[c]).trim();
    const isTableNumber = /^(预算公开表|部门公开表)\d+$/.test(compactText(text));
    if (!isTableNumber && (/表/.test(text) || kindFromTitle(text))) {
      return { text, address: gridAddress(grid, r, c) };
    }
  }
  return undefined;
}

/** Year, unit and table number from the lines above the header. */
function findMeta(
  grid: Grid,
  beforeRow: number,
  title: ParsedTable["title"]
): Pick<ParsedTable, "year" | "unit" | "tableNumber"> {
  const meta: Pick<ParsedTable, "year" | "unit" | "tableNumber"> = {};
  for (let r = 0; r < beforeRow; r++) {
    const row = grid.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = compactText(row[c]);
      if (text === "") continue;
      const address = gridAddress(grid, r, c);
      const year = /^预算年度[:：]?(\d{4})/.exec(text);
      if (year && !meta.year) meta.year = { value: Number(year[1]), address };
      const unit = /^(?:金额)?单位[:：](万元|元|千元|亿元)/.exec(text);
      if (unit && !meta.unit) meta.unit = { value: unit[1], address };
      const number = /^(?:预算公开表|部门公开表)(\d+)$/.exec(text);
      if (number && !meta.tableNumber) meta.tableNumber = { value: Number(number[1]), address };
    }
  }
  const titleYear = title ? /(20\d{2})年/.exec(title.text) : null;
  if (!meta.year && titleYear && title)
    meta.year = { value: Number(titleYear[1]), address: title.address };
  return meta;
}

const UNIT_OF_AMOUNT = /^(万元|元|千元|亿元)$/;

function findDepartment(grid: Grid, beforeRow: number): ParsedTable["department"] {
  for (let r = 0; r < beforeRow; r++) {
    const row = grid.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = compactText(row[c]);
      const labelled = /^(?:部门|单位)(?:名称)?[:：](.+)$/.exec(text);
      // 单位：万元 names the unit of amount, not the 单位 (unit) that publishes the table.
      if (labelled && !UNIT_OF_AMOUNT.test(labelled[1]))
        return { name: labelled[1], address: gridAddress(grid, r, c) };
      const coded =
        /^(\d{3,})(\D.*(?:部|委|局|厅|院|会|室|办|处|所|中心|馆|站|队|校|学|组|团|社))$/.exec(text);
      if (coded) return { name: coded[2], code: coded[1], address: gridAddress(grid, r, c) };
    }
  }
  return undefined;
}

/** Splits the columns into sides and works out which amount column sums which. */
function buildSides(
  paths: string[][],
  textColumns: Set<number>
): Omit<TableSide, "rows" | "codeSystem">[] {
  const sides: Omit<TableSide, "rows" | "codeSystem">[] = [];
  const groups: string[] = [];
  let current: Omit<TableSide, "rows" | "codeSystem"> | undefined;
  paths.forEach((path, c) => {
    const leaf = path[path.length - 1] ?? "";
    const kind = columnKind(leaf);
    if (kind === "code" || kind === "label") {
      if (!current || current.amountColumns.length > 0) {
        current = { labelColumn: c, amountColumns: [], captions: [], relations: [] };
        sides.push(current);
        if (kind === "code") current.codeColumn = c;
      } else if (kind === "code" && current.codeColumn === undefined) {
        current.codeColumn = c;
      } else if (kind === "label" && current.labelColumn === current.codeColumn) {
        current.labelColumn = c;
      }
    } else if (kind === "amount" && current && !textColumns.has(c)) {
      current.amountColumns.push(c);
      current.captions.push(leaf);
      groups[c] = path.slice(0, -1).join("|");
    }
  });
  for (const side of sides) side.relations = columnRelations(side, groups);
  return sides;
}

function columnRelations(
  side: Omit<TableSide, "rows" | "codeSystem">,
  groups: string[]
): ColumnRelation[] {
  const relations: ColumnRelation[] = [];
  const group = (i: number) => groups[side.amountColumns[i]] ?? "";
  const isTotal = (i: number) => TOTAL_CAPTION.test(side.captions[i]);
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

/** The amount at a grid position, with its address and what the cell held; blank or text reads as 0. */
export function amountCell(grid: Grid, r: number, c: number): AmountCell {
  const raw = grid.values[r]?.[c];
  const note = noteAt(grid, r, c);
  // A formula without its result or a date is no amount, whatever the cell holds: it is reported
  // at the cell (rules/cellTrust) and the sums it is part of wait for it.
  const parsed: ParsedAmount = note
    ? { kind: "invalid", text: note.text ?? String(raw ?? "") }
    : parseAmount(raw);
  return {
    address: gridAddress(grid, r, c),
    raw,
    parsed,
    value: parsed.kind === "amount" ? parsed.value : ZERO,
    ...(note ? { untrusted: note.kind } : {}),
  };
}

export interface ParseTableOptions {
  /** What the user said the table is (BUDGET.CHECK's `kind`), overriding detection. */
  kind?: string;
  catalog?: Catalog;
}

export type ParseTableResult =
  | { ok: true; table: ParsedTable }
  | { ok: false; reason: "noHeader" | "noColumns"; message: string };

/**
 * Reads one standard table from a grid: title, header (any number of rows, merged or not, with or
 * without 栏次 and 序号), the label/code/amount columns of each side, and the data rows. The grid
 * may hold blank rows and columns and need not start at A1.
 */
export function parseTable(grid: Grid, options: ParseTableOptions = {}): ParseTableResult {
  const catalog = options.catalog ?? Catalog.standard();
  const rows = grid.values;
  const headerStart = rows.findIndex((row) => isHeaderStart(row ?? []));
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
  const sideShapes = buildSides(paths, textColumns(grid, dataStart));
  if (sideShapes.length === 0 || sideShapes.every((s) => s.amountColumns.length === 0)) {
    return { ok: false, reason: "noColumns", message: "表头中没有找到科目名称列或金额列。" };
  }

  const title = findTitle(grid, headerStart);
  const department = findDepartment(grid, headerStart);
  const meta = findMeta(grid, headerStart, title);
  const kind = options.kind
    ? kindFromName(options.kind)
    : title
      ? kindFromTitle(title.text)
      : undefined;
  const notes: ParsedTable["notes"] = [];
  const sides: TableSide[] = sideShapes.map((shape) => ({ ...shape, rows: [] }));

  for (let r = dataStart; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const first = row.findIndex((cell) => !isBlank(cell));
    if (first < 0) continue;
    const firstText = compactText(row[first]);
    if (isColumnNumberRow(row)) continue;
    if (firstText.startsWith("注")) {
      notes.push({ text: String(row[first]).trim(), address: gridAddress(grid, r, first) });
      continue;
    }
    for (const side of sides) {
      const tableRow = readRow(grid, r, side, kind, catalog);
      if (tableRow) side.rows.push(tableRow);
    }
  }
  for (const side of sides) {
    side.codeSystem = side.rows
      .map((row) => (row.code ? systemOfCode(row.code) : undefined))
      .find((s) => s !== undefined);
    assignRoles(side, department?.name);
    if (kind?.kind === "项目支出表") markUnitRows(side, department?.name);
  }
  return {
    ok: true,
    table: { sheet: grid.sheet, title, kind, department, ...meta, headerRows, sides, notes, grid },
  };
}

function readRow(
  grid: Grid,
  r: number,
  side: TableSide,
  kind: TableKindSpec | undefined,
  catalog: Catalog
) {
  const row = grid.values[r] ?? [];
  const codeRaw = side.codeColumn !== undefined ? row[side.codeColumn] : undefined;
  let label = compactText(row[side.labelColumn]);
  const codeText = compactText(codeRaw);
  if (label === "" && codeText !== "" && !CODE_TEXT.test(codeText)) label = codeText; // 合计 merged over 编码+名称
  const cells = side.amountColumns.map((c) => amountCell(grid, r, c));
  if (label === "" && codeText === "" && cells.every((cell) => cell.parsed.kind === "empty"))
    return undefined;

  const tableRow: TableRow = {
    gridRow: r,
    address: gridAddress(grid, r, side.labelColumn),
    label,
    role: "item",
    cells,
  };
  if (side.codeColumn !== undefined) {
    tableRow.codeCell = { address: gridAddress(grid, r, side.codeColumn), raw: codeRaw };
    // A slip the clerk can see (2O132, 201 32) is put right and named; the row keeps its place.
    const reading = readCodeCell(codeRaw);
    if (reading?.code !== undefined) {
      tableRow.code = reading.code;
      tableRow.codeFrom = "cell";
    }
    if (reading && reading.problems.length > 0) tableRow.codeCell.problems = reading.problems;
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
