import { Catalog } from "../codes";
import type { Finding } from "../finding";
import type { CellRange, Grid } from "../grid";
import { gridAddress } from "../grid";
import { ParsedTable, parseTable } from "./table";
import { TableKind, kindFromTitle } from "./tableKinds";
import { compactText, isBlank } from "./text";
import { markUnitRows } from "./unitRows";

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
  forms: { kind: TableKind; grid: Grid }[];
  department?: Located<string> & { code?: string };
  year?: Located<number>;
  unit?: Located<string>;
  /** Findings made while reading: unrecognized blocks, sheets without tables. */
  findings: Finding[];
}

const FORM_KINDS: ReadonlySet<TableKind> = new Set(["绩效目标表"]);

/**
 * A title row: one text (merged or repeated across the row) that names a standard table. It says
 * 表, unless it is the sheet's first line (部门政府采购预算): row labels such as 二十二、国有资本经营预算支出
 * name a table's subject too, but never say 表.
 */
function titleKind(row: Grid["values"][number], isFirstLine: boolean): TableKind | undefined {
  const texts = [...new Set(row.filter((cell) => !isBlank(cell)).map((cell) => compactText(cell)))];
  if (texts.length !== 1 || row.some((cell) => typeof cell === "number")) return undefined;
  const text = texts[0];
  if (text.length > 60 || text.startsWith("注") || !(text.includes("表") || isFirstLine))
    return undefined;
  return kindFromTitle(text)?.kind;
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
export function splitAtTitles(grid: Grid): { kind?: TableKind; grid: Grid }[] {
  const starts: { row: number; kind?: TableKind }[] = [];
  let seenContent = false;
  grid.values.forEach((row, r) => {
    const kind = titleKind(row ?? [], !seenContent);
    if (kind) starts.push({ row: r, kind });
    seenContent = seenContent || (row ?? []).some((cell) => !isBlank(cell));
  });
  const blocks: { kind?: TableKind; grid: Grid }[] = [];
  const firstStart = starts[0]?.row ?? grid.values.length;
  const hasContentBefore = grid.values
    .slice(0, firstStart)
    .some((row) => (row ?? []).some((cell) => !isBlank(cell)));
  if (hasContentBefore) blocks.push({ grid: subGrid(grid, 0, firstStart) });
  starts.forEach((start, i) => {
    blocks.push({
      kind: start.kind,
      grid: subGrid(grid, start.row, starts[i + 1]?.row ?? grid.values.length),
    });
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
  const model: WorkbookModel = { tables: [], forms: [], findings: [] };
  const formBlocks = new Set<Grid>();
  for (const sheetGrid of grids) {
    const blocks = splitAtTitles(sheetGrid);
    let formKind: TableKind | undefined;
    for (const block of blocks) {
      // A form's numbered sub-titles (1、…绩效目标表) continue the form section they sit in.
      if (block.kind && FORM_KINDS.has(block.kind)) formKind = block.kind;
      if (formKind && (!block.kind || FORM_KINDS.has(block.kind))) {
        model.forms.push({ kind: formKind, grid: block.grid });
        formBlocks.add(block.grid);
        continue;
      }
      formKind = undefined;
      const parsed = parseTable(block.grid, { catalog, kind: block.kind });
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
      const kind =
        table.kind?.kind ?? kindFromSheetName(block.grid.sheet) ?? kindFromCaptions(table);
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
  return model;
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
