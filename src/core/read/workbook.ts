import { Catalog } from "../codes";
import type { Finding } from "../finding";
import type { CellRange, Grid } from "../grid";
import { gridAddress } from "../grid";
import { ParsedTable, TABLE_NUMBER, captionPaths, parseEmptyTable, parseTable } from "./table";
import {
  TABLE_KINDS,
  TableKind,
  TableKindSpec,
  isFinalAccountsTitle,
  kindFromTitle,
} from "./tableKinds";
import { departmentOfText, unitOfText } from "./meta";
import { compactText, isBlank } from "./text";
import { markUnitRows } from "./unitRows";
import { otherDocumentOf } from "./otherDocuments";
import type { OtherDocumentEvidence, OtherDocumentKind } from "./otherDocuments";

/** One recognized table of a workbook. */
export interface RecognizedTable {
  kind: TableKind;
  table: ParsedTable;
  /** 项目支出表 (上年结转) and tables titled 不含上年结转 describe carry-over differently. */
  carryover: "only" | "excluded" | "included";
}

export interface Located<T> {
  value: T;
  sheet: string;
  cell: string;
}

/** Everything the engine reads from a workbook of published tables, each figure with its place. */
export interface WorkbookModel {
  tables: RecognizedTable[];
  /** Form-like blocks (项目绩效目标表 …) that the list reader does not parse, for the form readers. */
  forms: {
    kind: TableKind;
    grid: Grid;
    /** How many tables were read before the form: where it stands among them (which set it is of). */
    tablesBefore?: number;
  }[];
  department?: Located<string> & { code?: string };
  year?: Located<number>;
  unit?: Located<string>;
  /**
   * Tables of a 决算 (final accounts), by their title: not a budget disclosure, so not read as one
   * (rules/workbook/finalAccounts says so).
   */
  finalAccounts?: { sheet: string; cell: string; title: string }[];
  /**
   * Tables that are not a department's budget disclosure though they look like its tables: a
   * government's budget, a budget execution report, a list of items (read/otherDocuments.ts). Not
   * read as disclosure tables; rules/workbook/otherDocuments says so, naming each.
   */
  otherDocuments?: OtherDocument[];
  /** Findings made while reading: unrecognized blocks, sheets without tables. */
  findings: Finding[];
}

export interface OtherDocument {
  kind: OtherDocumentKind;
  sheet: string;
  cell: string;
  /** The table's title, when it has one. */
  title?: string;
  /** What gave it away: its title, a column caption or a row label (see otherDocumentOf). */
  source: OtherDocumentEvidence["source"];
  evidence?: string;
}

const FORM_KINDS: ReadonlySet<TableKind> = new Set(["绩效目标表"]);

/**
 * A title row: one text (merged or repeated across the row) that names a standard table. It says
 * 表, or it opens a table: the sheet's first line, or a line followed by the lines a table starts
 * with (单位：万元, the department, the header). Row labels such as 二十二、国有资本经营预算支出 name a
 * table's subject too, but never say 表 and are followed by more rows of the list.
 */
function titleKind(
  row: Grid["values"][number],
  opensTable: () => boolean
): TableKind | "决算" | "other" | undefined {
  // One pass, no arrays: this runs on every row of every sheet, and most rows fail at once.
  let text: string | undefined;
  for (const cell of row) {
    if (typeof cell === "number") return undefined;
    if (isBlank(cell)) continue;
    const compact = compactText(cell);
    if (text === undefined) text = compact;
    else if (compact !== text) return undefined;
  }
  if (text === undefined) return undefined;
  if (text.length > 60 || text.startsWith("注")) return undefined;
  if (isFinalAccountsTitle(text)) return "决算";
  const kind = kindFromTitle(text)?.kind;
  if (kind) return text.includes("表") || opensTable() ? kind : undefined;
  // A table the standard set does not have (部门基本情况表) still ends the one above it, so its rows
  // are never read as that table's.
  const isTableNumber = /^(预算公开表|部门公开表|公开\d+表|表\d+|附表\d*)$/.test(text);
  return !isTableNumber && text.length >= 4 && /表([(（].*[)）])?$/.test(text) && opensTable()
    ? "other"
    : undefined;
}

/** A line that holds only a table's number (TABLE_NUMBER). */
function isTableNumberLine(row: Grid["values"][number]): boolean {
  const texts = row.filter((cell) => !isBlank(cell)).map((cell) => compactText(cell));
  return texts.length === 1 && TABLE_NUMBER.test(texts[0]);
}

/** The next non-blank line (within a few) is one a table starts with: meta or a header. */
function startsTable(grid: Grid, from: number): boolean {
  for (let r = from; r < Math.min(grid.values.length, from + 4); r++) {
    const row = grid.values[r] ?? [];
    if (row.every((cell) => isBlank(cell))) continue;
    return row.some((cell) => {
      const text = String(cell ?? "");
      return (
        unitOfText(text) !== undefined ||
        departmentOfText(text) !== undefined ||
        /^(预算公开表|部门公开表|公开\d+表)/.test(compactText(text)) ||
        /^(序号|项目|科目编码|科目名称|项目名称|单位名称)$/.test(compactText(text))
      );
    });
  }
  return false;
}

/** The rows [from, to) of a grid as a grid of their own, with merges that fall inside. */
export function subGrid(grid: Grid, from: number, to: number): Grid {
  const top = grid.origin.row + from;
  const bottom = grid.origin.row + to - 1;
  const inside = (m: CellRange) => m.top >= top && m.bottom <= bottom;
  const inRows = (row: number) => row >= top && row <= bottom;
  return {
    sheet: grid.sheet,
    origin: { row: top, col: grid.origin.col },
    values: grid.values.slice(from, to),
    numberFormats: grid.numberFormats?.slice(from, to),
    merges: grid.merges?.filter(inside),
    // What the host knows about the cells goes with them.
    ...(grid.hiddenRows ? { hiddenRows: grid.hiddenRows.filter(inRows) } : {}),
    ...(grid.hiddenColumns ? { hiddenColumns: grid.hiddenColumns } : {}),
    ...(grid.sheetHidden ? { sheetHidden: true } : {}),
    ...(grid.cellNotes ? { cellNotes: grid.cellNotes.filter((n) => inRows(n.row)) } : {}),
  };
}

/** Splits a sheet at its title rows, so several tables (or stacked forms) on one sheet are read apart. */
export interface TitledBlock {
  kind?: TableKind;
  /** The block is titled as a 决算 table. */
  finalAccounts?: { title: string; cell: string };
  /** The block is titled as a table, but not one of the standard set. */
  otherTable?: boolean;
  grid: Grid;
}

export function splitAtTitles(grid: Grid): TitledBlock[] {
  const starts: { row: number; kind?: TableKind | "决算" | "other" }[] = [];
  let seenContent = false;
  grid.values.forEach((row, r) => {
    const kind = titleKind(row ?? [], () => !seenContent || startsTable(grid, r + 1));
    if (kind) starts.push({ row: r, kind });
    seenContent = seenContent || (row ?? []).some((cell) => !isBlank(cell));
  });
  // A table number printed alone on the line above a title (表1, 公开表1-1) belongs to that table:
  // the block starts there, so the line is neither a block of its own nor a row of the table above.
  for (const start of starts) {
    let r = start.row - 1;
    while (r >= 0 && (grid.values[r] ?? []).every((cell) => isBlank(cell))) r--;
    if (r >= 0 && !starts.some((s) => s.row === r) && isTableNumberLine(grid.values[r] ?? []))
      start.row = r;
  }
  const blocks: TitledBlock[] = [];
  const firstStart = starts[0]?.row ?? grid.values.length;
  const hasContentBefore = grid.values
    .slice(0, firstStart)
    .some((row) => (row ?? []).some((cell) => !isBlank(cell)));
  if (hasContentBefore) blocks.push({ grid: subGrid(grid, 0, firstStart) });
  starts.forEach((start, i) => {
    const block = subGrid(grid, start.row, starts[i + 1]?.row ?? grid.values.length);
    if (start.kind === "决算") {
      const c = (grid.values[start.row] ?? []).findIndex((cell) => !isBlank(cell));
      blocks.push({
        finalAccounts: {
          title: String(grid.values[start.row][c]).trim(),
          cell: gridAddress(grid, start.row, c),
        },
        grid: block,
      });
    } else if (start.kind === "other") blocks.push({ otherTable: true, grid: block });
    else blocks.push({ kind: start.kind, grid: block });
  });
  return blocks;
}

function carryoverOf(table: ParsedTable): RecognizedTable["carryover"] {
  const title = compactText(table.title?.text ?? "");
  if (/不含上年结转/.test(title)) return "excluded";
  if (
    /上年结转\)|上年结转）|\(上年结转|（上年结转/.test(title) ||
    /^.*上年结转.*项目支出|项目支出.*上年结转/.test(title)
  )
    return "only";
  return "included";
}

export interface ReadWorkbookOptions {
  catalog?: Catalog;
}

/**
 * Reads every sheet: splits it into tables at title rows, parses each list table, sets form-like
 * blocks aside for their own readers, and collects department, year and unit. Nothing is dropped
 * silently: a block with content that is not a table becomes a finding.
 */
export function readWorkbook(
  grids: readonly Grid[],
  options: ReadWorkbookOptions = {}
): WorkbookModel {
  const catalog = options.catalog ?? Catalog.standard();
  const model: WorkbookModel = {
    tables: [],
    forms: [],
    finalAccounts: [],
    otherDocuments: [],
    findings: [],
  };
  const formBlocks = new Set<Grid>();
  for (const sheetGrid of grids) {
    const blocks = splitAtTitles(sheetGrid);
    let formKind: TableKind | undefined;
    for (const block of blocks) {
      if (block.finalAccounts) {
        model.finalAccounts!.push({ sheet: block.grid.sheet, ...block.finalAccounts });
        formKind = undefined;
        continue;
      }
      if (block.otherTable) formKind = undefined;
      // A form's numbered sub-titles (1、…绩效目标表) continue the form section they sit in.
      if (block.kind && FORM_KINDS.has(block.kind)) formKind = block.kind;
      if (formKind && (!block.kind || FORM_KINDS.has(block.kind))) {
        model.forms.push({ kind: formKind, grid: block.grid, tablesBefore: model.tables.length });
        formBlocks.add(block.grid);
        continue;
      }
      formKind = undefined;
      const parsed = parseTable(block.grid, { catalog, kind: block.kind });
      const emptyTable =
        !parsed.ok && block.kind ? parseEmptyTable(block.grid, kindSpecOf(block.kind)) : undefined;
      if (emptyTable) {
        model.tables.push({
          kind: block.kind!,
          table: emptyTable,
          carryover: carryoverOf(emptyTable),
        });
        noteMeta(model, emptyTable);
        continue;
      }
      if (!parsed.ok) {
        if (block.grid.values.some((row) => (row ?? []).some((cell) => !isBlank(cell)))) {
          const first = firstContent(block.grid);
          model.findings.push({
            ruleId: "table.unrecognized",
            severity: "warning",
            sheet: block.grid.sheet,
            cell: first,
            message: `“${block.grid.sheet}”中从 ${first} 开始的内容看起来不是一张可识别的公开表（${parsed.message}），未参与检查。`,
          });
        }
        continue;
      }
      const table = parsed.table;
      if (hasFinalAccountsColumns(table)) {
        model.finalAccounts!.push({
          sheet: table.sheet,
          cell: table.title?.address ?? firstContent(block.grid),
          title: table.title?.text ?? table.sheet,
        });
        continue;
      }
      const kind =
        table.kind?.kind ?? kindFromSheetName(block.grid.sheet) ?? kindFromCaptions(table);
      const other = otherDocumentOf(table, kind);
      if (other) {
        model.otherDocuments!.push({
          ...other,
          sheet: table.sheet,
          cell: table.title?.address ?? firstContent(block.grid),
          ...(table.title ? { title: table.title.text.trim() } : {}),
        });
        continue;
      }
      if (!kind) {
        model.findings.push({
          ruleId: "table.unrecognized",
          severity: "warning",
          sheet: table.sheet,
          cell: table.title?.address ?? firstContent(block.grid),
          message: `“${table.sheet}”中的表格没有可识别的标题，无法判断是哪张公开表；已按通用规则检查，但不参与表间核对。`,
        });
        continue;
      }
      model.tables.push({ kind, table, carryover: carryoverOf(table) });
      noteMeta(model, table);
    }
  }
  // A 项目支出表 without a department line of its own names the workbook's department's rows.
  for (const { kind, table } of model.tables)
    if (kind === "项目支出表")
      for (const side of table.sides)
        markUnitRows(side, table.department?.name ?? model.department?.value);
  // Under a 决算 workbook title, tables titled without 决算 (收入支出总表 …) are its tables too.
  if (model.finalAccounts!.some((t) => FINAL_ACCOUNTS_WORKBOOK.test(compactText(t.title)))) {
    for (const { table } of model.tables)
      model.finalAccounts!.push({
        sheet: table.sheet,
        cell: table.title?.address ?? gridAddress(table.grid, 0, 0),
        title: table.title?.text ?? table.sheet,
      });
    model.tables = [];
    model.department = model.year = model.unit = undefined;
  }
  return model;
}

/**
 * A 决算 table whatever its title says: its columns compare the year's budget with what was spent
 * (年初预算数 / 全年预算数 / 调整预算数 beside 决算数).
 */
function hasFinalAccountsColumns(table: ParsedTable): boolean {
  // Every caption is made of header cells' texts, and 决算数 cannot span two of them: without a
  // header cell that says it, no caption does (most tables), and the captions need not be built.
  const saysFinal = table.headerRows.some((r) =>
    (table.grid.values[r] ?? []).some((cell) => FINAL_ACCOUNTS_COLUMN.test(compactText(cell)))
  );
  const captions = saysFinal
    ? captionPaths(table.grid, table.headerRows).map((path) => path.join("|"))
    : [];
  if (
    captions.some((c) => FINAL_ACCOUNTS_COLUMN.test(c)) &&
    captions.some((c) => /年初预算|全年预算|调整预算|调整后预算/.test(c))
  )
    return true;
  // Lines only a 决算 summary has: 结余分配, 使用非财政拨款结余 (a budget plans no 结余 to share out).
  const labels = table.sides.flatMap((side) => side.rows.map((row) => row.label));
  return labels.some((label) => /^结余分配$|^使用非财政拨款结余/.test(label));
}

const FINAL_ACCOUNTS_COLUMN = /[决決]算数/;

/** A workbook's own title that says it is a 决算 (2023年度部门决算), not one table's. */
const FINAL_ACCOUNTS_WORKBOOK = /年度?(部门|单位)?[决決]算(公开)?(报表|表)?$/;

function kindSpecOf(kind: TableKind): TableKindSpec {
  return TABLE_KINDS.find((spec) => spec.kind === kind)!;
}

function firstContent(grid: Grid): string {
  for (let r = 0; r < grid.values.length; r++) {
    const c = (grid.values[r] ?? []).findIndex((cell) => !isBlank(cell));
    if (c >= 0) return gridAddress(grid, r, c);
  }
  return gridAddress(grid, 0, 0);
}

function kindFromSheetName(name: string): TableKind | undefined {
  return kindFromTitle(name)?.kind;
}

/**
 * A table without a title (a bare export, a title typed in a cell far away) is recognized by its
 * captions and labels where they leave no doubt; 支出总表 and 一般公共预算支出表 share their columns
 * in some layouts, so those need a title.
 */
export function kindFromCaptions(table: ParsedTable): TableKind | undefined {
  const captions = table.sides.flatMap((side) => side.captions);
  const labels = table.sides.flatMap((side) => side.rows.map((row) => row.label));
  const has = (pattern: RegExp) => captions.some((c) => pattern.test(c));
  if (
    table.sides.length === 2 &&
    labels.some((l) => /收入总计/.test(l)) &&
    labels.some((l) => /支出总计/.test(l))
  ) {
    return has(/政府性基金/) && has(/国有资本经营/) ? "财政拨款收支总表" : "收支总表";
  }
  if (has(/人员经费/) && has(/公用经费/) && table.sides[0]?.codeSystem !== "function")
    return "基本支出表";
  if (labels.some((l) => /因公出国/.test(l)) && labels.some((l) => /公务接待/.test(l)))
    return "三公经费表";
  if (has(/上年结转/) && (has(/财政拨款|一般公共预算/) || has(/事业收入/)) && !has(/基本支出/))
    return "收入总表";
  if (has(/基本支出/) && has(/项目支出/) && has(/经营支出|上缴上级|上解上级|对附属单位补助/))
    return "支出总表";
  if (has(/数量/) && has(/单价/)) return "政府采购表";
  return undefined;
}

/** The first department, year and unit seen become the workbook's; rules compare the rest with them. */
function noteMeta(model: WorkbookModel, table: ParsedTable): void {
  if (!model.department && table.department) {
    model.department = {
      value: table.department.name,
      code: table.department.code,
      sheet: table.sheet,
      cell: table.department.address,
    };
  }
  if (!model.year && table.year)
    model.year = { value: table.year.value, sheet: table.sheet, cell: table.year.address };
  if (!model.unit && table.unit)
    model.unit = { value: table.unit.value, sheet: table.sheet, cell: table.unit.address };
}
