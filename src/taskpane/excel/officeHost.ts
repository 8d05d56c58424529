/**
 * The Office.js host adapter: the only code that calls Office.js. Data in, data out; every step
 * queues its commands and sends them with one `context.sync()`, never one per sheet, row or cell.
 *
 * Round trips per call:
 * - readWorkbook: 2 — the sheet list (names, visibility); then every sheet's used range (values,
 *   number formats, position, whether rows or columns are hidden) and merged areas in one request,
 *   whatever the number of sheets; 1 more when a sheet hides some of its rows or columns (each
 *   row's and column's state of those sheets, in one request). Excel on the web
 *   refuses a response over 5 MB; a workbook that large is then read in row bands of at most
 *   `readChunkCells` cells per request: 1 more round trip for the sizes and 1 per band request,
 *   in proportion to the workbook's size (cells / readChunkCells), never to its sheet count.
 * - existingSheets: 1.
 * - writeSheets: 2 — the sheet names; then everything (values, formats, merges, widths, page
 *   setup, frozen rows, chart) with calculation suspended, in requests of at most
 *   `WRITE_REQUEST_LIMIT` commands and bytes: one for most outputs, one more per step of that size
 *   for a large one (18 goal forms are some 10 000 commands). 1 more when replacing earlier output
 *   (which of the existing sheets this add-in made). A failure adds 2 (find and delete what was
 *   added).
 * - selectCell: 1. createWorkbookFromXlsx: Excel.createWorkbook, no sync.
 * - writeCells: 2 — what the cells hold now; then the new values, whatever the number of cells.
 *   restoreCells: 1.
 *
 * New tables are drawn under temporary names and take their final names, replacing earlier output
 * when asked, only at the end of the last request: until then no existing sheet is touched, and a
 * failure deletes the temporary sheets, leaving the workbook as it was. Generated sheets carry a
 * custom property (ExcelApi 1.12), so a sheet the user made is never replaced, even when it has an
 * output's name; on an older Excel a same-named sheet is replaced once the user has confirmed. One
 * case cannot be undone: if deleting an earlier output itself fails in that last step, the earlier
 * outputs deleted before it stay deleted (their replacements are removed with the rest).
 */
import type { CellValue, Grid } from "../../core/grid";
import type { SheetSpec } from "../../core/format/sheetSpec";
import type { CellEdit } from "../../core/fixes";
import type {
  CellContent,
  CellWriteResult,
  ChartData,
  WorkbookHost,
  WriteProgress,
  WriteResult,
} from "./host";
import {
  CellLook,
  ChartLayout,
  SheetLayout,
  chartLayout,
  columnsAddress,
  layoutSheets,
  rectAddress,
  rowsAddress,
} from "./layout";
import { Extent, hiddenIndexes, noteDates, parseAreaAddresses, planChunks } from "./reading";

export interface OfficeHostOptions {
  /** Office.js's `Excel`; the global unless given (tests and the simulated host pass their own). */
  excel?: typeof Excel;
  /** Office.js's `Office`; the global unless given. */
  office?: typeof Office;
  /**
   * Cells per request when a workbook is too large to read in one (~40 bytes a cell: 50 000 cells
   * stay well below Excel on the web's 5 MB). Halved again if a request is still refused.
   */
  readChunkCells?: number;
  /** What one request that draws tables may carry; WRITE_REQUEST_LIMIT unless given. */
  writeRequestLimit?: RequestLimit;
}

/** Every text this adapter returns to the pane (Chinese: the clerks' language). */
export const HOST_MESSAGES = {
  unsupported:
    "当前 Excel 版本不支持在工作簿中生成公开表（需要 ExcelApi 1.9 或更高版本），请改用“导出 xlsx”。",
  cannotOpenWorkbook:
    "当前 Excel 版本不能直接打开新工作簿（需要 ExcelApi 1.8），请下载文件后打开。",
  exists: (names: readonly string[]) =>
    `工作簿中已有同名工作表：${names.join("、")}。请确认替换后再生成。`,
  notGenerated: (names: readonly string[]) =>
    `工作表 ${names.map((n) => `“${n}”`).join("、")} 不是本助手生成的，不会被替换。请先将其改名或删除。`,
  chartSheetMissing: (name: string) => `图表所在的工作表“${name}”不在本次生成的表中。`,
  failed: (detail: string) =>
    `生成公开表时出错，本次新增的工作表已删除，工作簿保持原样。（${detail}）`,
  cleanupFailed: (detail: string) =>
    `生成公开表时出错，且未能删除本次新增的临时工作表（名称以“${TEMPORARY_PREFIX}”开头），请手动删除。（${detail}）`,
} as const;

/** Custom property that marks a worksheet as output of this add-in (ExcelApi 1.12). */
export const GENERATED_MARK = "budget-disclosure.generated";
export const TEMPORARY_PREFIX = "~生成中";
const DEFAULT_READ_CHUNK_CELLS = 50_000;

/**
 * What one request that draws tables may carry. Excel on the web refuses a request over 5 MB and
 * grows slow and fragile long before; a few thousand commands keep each request well inside both.
 */
export const WRITE_REQUEST_LIMIT: RequestLimit = { commands: 4_000, bytes: 1_000_000 };

export interface RequestLimit {
  commands: number;
  bytes: number;
}
const BORDER_COLOR = "#000000";
const OUTER_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

type Api = { excel: typeof Excel; office: typeof Office | undefined };

function errorCode(error: unknown): string {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
}

function errorDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = errorCode(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/** Excel on the web refuses requests and responses over 5 MB with these codes. */
function isPayloadLimit(error: unknown): boolean {
  return (
    /PayloadSizeLimitExceeded/i.test(errorCode(error)) ||
    /payload size/i.test(error instanceof Error ? error.message : "")
  );
}

// ---------------------------------------------------------------------------------------------
// Reading

interface SheetRead {
  used: Excel.Range;
  merged?: Excel.RangeAreas;
}

/** Queues the merged areas of the whole sheet (ExcelApi 1.13), not only of its used range. */
function queueMerges(sheet: Excel.Worksheet): Excel.RangeAreas {
  const merged = sheet.getRange().getMergedAreasOrNullObject();
  merged.load("address");
  return merged;
}

function mergesOf(read: SheetRead) {
  return read.merged && !read.merged.isNullObject ? parseAreaAddresses(read.merged.address) : [];
}

function gridOf(name: string, read: SheetRead): Grid {
  const merges = mergesOf(read);
  if (read.used.isNullObject)
    return { sheet: name, origin: { row: 1, col: 1 }, values: [], numberFormats: [], merges };
  return {
    sheet: name,
    origin: { row: read.used.rowIndex + 1, col: read.used.columnIndex + 1 },
    values: read.used.values as CellValue[][],
    numberFormats: read.used.numberFormat as string[][],
    merges,
  };
}

/**
 * Adds to each grid what its values do not show: a hidden sheet, hidden rows and columns (one more
 * request, only for sheets that hide some but not all of them), dates as text with a note.
 */
async function withCellFacts(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  reads: SheetRead[],
  grids: Grid[]
): Promise<Grid[]> {
  const pending = reads.map((read, i) => {
    const { used } = read;
    if (used.isNullObject) return undefined;
    const rows =
      used.rowHidden === null
        ? Array.from({ length: used.rowCount }, (_, r) => used.getRow(r).load("rowHidden"))
        : undefined;
    const columns =
      used.columnHidden === null
        ? Array.from({ length: used.columnCount }, (_, c) => used.getColumn(c).load("columnHidden"))
        : undefined;
    return { i, rows, columns };
  });
  if (pending.some((p) => p && (p.rows || p.columns))) await context.sync();
  return grids.map((grid, i) => {
    const { used } = reads[i];
    const facts: Partial<Grid> = {};
    if (sheets[i].visibility !== "Visible") facts.sheetHidden = true;
    if (!used.isNullObject) {
      const p = pending[i];
      const rows = hiddenIndexes(
        used.rowIndex + 1,
        used.rowCount,
        used.rowHidden,
        p?.rows?.map((r) => r.rowHidden)
      );
      const columns = hiddenIndexes(
        used.columnIndex + 1,
        used.columnCount,
        used.columnHidden,
        p?.columns?.map((c) => c.columnHidden)
      );
      if (rows.length > 0) facts.hiddenRows = rows;
      if (columns.length > 0) facts.hiddenColumns = columns;
    }
    return noteDates({ ...grid, ...facts });
  });
}

/**
 * The slow path for a workbook over the payload limit: the used ranges' sizes first, then row
 * bands, several sheets' bands to a request, each request below `chunkCells` cells.
 */
async function readInChunks(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  names: string[],
  withMerges: boolean,
  chunkCells: number
): Promise<Grid[]> {
  const reads: SheetRead[] = sheets.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount,rowHidden,columnHidden");
    return { used, merged: withMerges ? queueMerges(sheet) : undefined };
  });
  await context.sync();

  const grids: Grid[] = names.map((name, i) => {
    const { used } = reads[i];
    const merges = mergesOf(reads[i]);
    if (used.isNullObject)
      return { sheet: name, origin: { row: 1, col: 1 }, values: [], numberFormats: [], merges };
    return {
      sheet: name,
      origin: { row: used.rowIndex + 1, col: used.columnIndex + 1 },
      values: Array.from({ length: used.rowCount }, () => []),
      numberFormats: Array.from({ length: used.rowCount }, () => []),
      merges,
    };
  });
  const extents: Extent[] = reads.flatMap(({ used }, sheet) =>
    used.isNullObject
      ? []
      : [
          {
            sheet,
            rowIndex: used.rowIndex,
            columnIndex: used.columnIndex,
            rowCount: used.rowCount,
            columnCount: used.columnCount,
          },
        ]
  );

  let budget = chunkCells;
  let requests = planChunks(extents, budget);
  while (requests.length > 0) {
    const bands = requests[0];
    const ranges = bands.map((band) => {
      const range = sheets[band.sheet].getRangeByIndexes(
        band.rowIndex,
        band.columnIndex,
        band.rowCount,
        band.columnCount
      );
      range.load("values,numberFormat");
      return range;
    });
    try {
      // One request per band group: their number grows with the workbook's size, not its sheets.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      const smallest = bands.length === 1 && bands[0].rowCount === 1;
      if (!isPayloadLimit(error) || smallest) throw error;
      budget = Math.max(1, Math.floor(budget / 2));
      requests = planChunks(requests.flat(), budget);
      continue;
    }
    bands.forEach((band, i) => {
      const grid = grids[band.sheet];
      const offset = band.rowIndex + 1 - grid.origin.row;
      (ranges[i].values as CellValue[][]).forEach((row, r) => (grid.values[offset + r] = row));
      (ranges[i].numberFormat as string[][]).forEach(
        (row, r) => (grid.numberFormats![offset + r] = row)
      );
    });
    requests = requests.slice(1);
  }
  return withCellFacts(context, sheets, reads, grids);
}

async function readWorkbook(api: Api, chunkCells: number): Promise<Grid[]> {
  const withMerges = supports(api, "1.13");
  return api.excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    await context.sync();

    const sheets = worksheets.items;
    const names = sheets.map((sheet) => sheet.name);
    const reads: SheetRead[] = sheets.map((sheet) => {
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load(
        "rowIndex,columnIndex,rowCount,columnCount,values,numberFormat,rowHidden,columnHidden"
      );
      return { used, merged: withMerges ? queueMerges(sheet) : undefined };
    });
    try {
      await context.sync();
    } catch (error) {
      if (!isPayloadLimit(error)) throw error;
      return readInChunks(context, sheets, names, withMerges, chunkCells);
    }
    return withCellFacts(
      context,
      sheets,
      reads,
      names.map((name, i) => gridOf(name, reads[i]))
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Writing

function supports(api: Api, version: string): boolean {
  return api.office?.context?.requirements?.isSetSupported("ExcelApi", version) ?? false;
}

function applyLook(range: Excel.Range, look: CellLook, rows: number, columns: number): void {
  const format = range.format;
  format.font.bold = look.bold;
  format.font.size = look.size;
  format.horizontalAlignment = look.horizontal;
  format.wrapText = look.wrapText;
  if (look.fill) format.fill.color = look.fill;
  if (!look.bordered) return;
  const edges: string[] = [...OUTER_EDGES];
  if (rows > 1) edges.push("InsideHorizontal");
  if (columns > 1) edges.push("InsideVertical");
  for (const edge of edges) {
    const border = format.borders.getItem(edge as Excel.BorderIndex);
    border.style = "Continuous";
    border.weight = "Thin";
    border.color = BORDER_COLOR;
  }
}

/** Consecutive columns of one width, so each run is one command. */
function widthRuns(widths: readonly number[]): Array<{ from: number; to: number; width: number }> {
  const runs: Array<{ from: number; to: number; width: number }> = [];
  widths.forEach((width, c) => {
    const last = runs[runs.length - 1];
    if (last && last.width === width && last.to === c - 1) last.to = c;
    else runs.push({ from: c, to: c, width });
  });
  return runs;
}

/**
 * One piece of a table's drawing, with an upper bound of the commands and request bytes it queues,
 * so the pieces can be packed into requests of bounded size. `sheet` indexes the layouts.
 */
export interface Draw {
  sheet: number;
  commands: number;
  bytes: number;
  queue(sheet: Excel.Worksheet): void;
}

/** Bytes of a value matrix in a request: its JSON, each UTF-16 unit counted as UTF-8's worst, 3. */
function matrixBytes(rows: readonly (readonly (string | number)[])[]): number {
  return 3 * JSON.stringify(rows).length;
}

/** Commands `applyLook` queues for one rectangle, at most: the range, 4 settings, fill, 4 per edge. */
function lookCommands(look: CellLook, rows: number, columns: number): number {
  const edges = look.bordered ? 4 + (rows > 1 ? 1 : 0) + (columns > 1 ? 1 : 0) : 0;
  return 5 + (look.fill ? 1 : 0) + 4 * edges;
}

/**
 * A table's drawing in pieces: number formats and values (in row bands when they alone would fill
 * a request; formats first, so a text cell marked "@" keeps "=SUM(A1)" or "2013201" as typed),
 * merges, formats by area, widths and heights, then frozen rows, page setup and the mark.
 */
export function sheetDraws(
  layout: SheetLayout,
  sheet: number,
  mark: boolean,
  limit: RequestLimit = WRITE_REQUEST_LIMIT
): Draw[] {
  const draws: Draw[] = [];
  const { rowCount, columnCount } = layout;
  if (rowCount > 0 && columnCount > 0) {
    const bandBytes = limit.bytes / 2;
    let top = 0;
    while (top < rowCount) {
      let bottom = top;
      let bytes = 0;
      while (bottom < rowCount) {
        const rowBytes =
          matrixBytes([layout.values[bottom]]) + matrixBytes([layout.numberFormats[bottom]]);
        if (bottom > top && bytes + rowBytes > bandBytes) break;
        bytes += rowBytes;
        bottom++;
      }
      const rect = { top, left: 0, bottom: bottom - 1, right: columnCount - 1 };
      draws.push({
        sheet,
        commands: 6,
        bytes: bytes + 200,
        queue: (target) => {
          const band = target.getRange(rectAddress(rect));
          band.format.font.name = layout.fontName;
          band.format.font.size = layout.fontSize;
          band.format.verticalAlignment = "Center";
          band.numberFormat = layout.numberFormats.slice(rect.top, rect.bottom + 1);
          band.values = layout.values.slice(rect.top, rect.bottom + 1);
        },
      });
      top = bottom;
    }
    for (const merge of layout.merges)
      draws.push({
        sheet,
        commands: 2,
        bytes: 100,
        queue: (target) => target.getRange(rectAddress(merge)).merge(false),
      });
    for (const area of layout.areas)
      for (const rect of area.rects) {
        const rows = rect.bottom - rect.top + 1;
        const columns = rect.right - rect.left + 1;
        const commands = lookCommands(area.look, rows, columns);
        draws.push({
          sheet,
          commands,
          bytes: 100 * commands,
          queue: (target) =>
            applyLook(target.getRange(rectAddress(rect)), area.look, rows, columns),
        });
      }
    for (const run of widthRuns(layout.columnWidths))
      draws.push({
        sheet,
        commands: 2,
        bytes: 100,
        queue: (target) => {
          target.getRange(columnsAddress(run.from, run.to)).format.columnWidth = run.width;
        },
      });
    for (const { row, height } of layout.rowHeights)
      draws.push({
        sheet,
        commands: 2,
        bytes: 100,
        queue: (target) => {
          target.getRange(rowsAddress(row, row)).format.rowHeight = height;
        },
      });
  }
  draws.push({
    sheet,
    commands: 20,
    bytes: 2_000 + 3 * (layout.page.centerFooter.length + layout.page.printArea.length),
    queue: (target) => queuePageAndMark(target, layout, mark),
  });
  return draws;
}

/** Frozen rows, gridlines, page setup and the custom property that marks the sheet as ours. */
function queuePageAndMark(sheet: Excel.Worksheet, layout: SheetLayout, mark: boolean): void {
  if (layout.freezeRows > 0) sheet.freezePanes.freezeRows(layout.freezeRows);
  sheet.showGridlines = false;

  const page = sheet.pageLayout;
  page.orientation = layout.page.orientation;
  page.paperSize = layout.page.paperSize;
  page.centerHorizontally = layout.page.centerHorizontally;
  if (layout.page.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (layout.page.printTitleRows) page.setPrintTitleRows(layout.page.printTitleRows);
  page.setPrintArea(layout.page.printArea);
  const { margins } = layout.page;
  page.leftMargin = margins.left;
  page.rightMargin = margins.right;
  page.topMargin = margins.top;
  page.bottomMargin = margins.bottom;
  page.headerMargin = margins.header;
  page.footerMargin = margins.footer;
  page.headersFooters.defaultForAllPages.centerFooter = layout.page.centerFooter;
  if (mark) sheet.customProperties.add(GENERATED_MARK, "1");
}

/**
 * The draws in order, cut into requests that each stay within `limit`; a draw larger than the limit
 * on its own (it cannot be cut further) goes alone. Always at least one request.
 */
export function packRequests(draws: readonly Draw[], limit: RequestLimit): Draw[][] {
  const requests: Draw[][] = [[]];
  let commands = 0;
  let bytes = 0;
  for (const draw of draws) {
    const current = requests[requests.length - 1];
    if (
      current.length > 0 &&
      (commands + draw.commands > limit.commands || bytes + draw.bytes > limit.bytes)
    ) {
      requests.push([draw]);
      commands = draw.commands;
      bytes = draw.bytes;
    } else {
      current.push(draw);
      commands += draw.commands;
      bytes += draw.bytes;
    }
  }
  return requests;
}

function queueChart(sheet: Excel.Worksheet, chart: ChartLayout): void {
  const data = sheet.getRange(rectAddress(chart.dataRect));
  data.numberFormat = chart.numberFormats;
  data.values = chart.values;
  const excelChart = sheet.charts.add("ColumnClustered", data, "Columns");
  excelChart.title.text = chart.title;
  excelChart.legend.visible = false;
  excelChart.setPosition(chart.from, chart.to);
}

/** Names no sheet has, one per table: `~生成中1-1`, `~生成中1-2`… */
function temporaryNames(count: number, taken: ReadonlySet<string>): string[] {
  for (let n = 1; ; n++) {
    const names = Array.from({ length: count }, (_, i) => `${TEMPORARY_PREFIX}${n}-${i + 1}`);
    if (names.every((name) => !taken.has(name.toLowerCase()))) return names;
  }
}

/**
 * Deletes what a failed generation added: the sheets that were not there before (by id) and carry
 * one of its names, temporary or final (a failure may come after some renames). 2 round trips.
 */
async function removeAdded(
  context: Excel.RequestContext,
  before: ReadonlySet<string>,
  names: readonly string[]
): Promise<void> {
  const ours = new Set(names.map((name) => name.toLowerCase()));
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id");
  await context.sync();
  const added = worksheets.items.filter(
    (sheet) => !before.has(sheet.id) && ours.has(sheet.name.toLowerCase())
  );
  added.forEach((sheet) => sheet.delete());
  if (added.length > 0) await context.sync();
}

async function writeSheets(
  api: Api,
  specs: readonly SheetSpec[],
  options: {
    replace: boolean;
    chart?: ChartData;
    onProgress?: (progress: WriteProgress) => void;
  },
  limit: RequestLimit
): Promise<WriteResult> {
  if (!supports(api, "1.9")) return { ok: false, message: HOST_MESSAGES.unsupported };
  const mark = supports(api, "1.12");
  const layouts = layoutSheets(specs);
  const chart = options.chart ? chartLayout(specs, layouts, options.chart) : undefined;
  if (options.chart && !chart && !specs.some((spec) => spec.sheetName === options.chart!.sheet))
    return { ok: false, message: HOST_MESSAGES.chartSheetMissing(options.chart.sheet) };

  return api.excel.run(async (context): Promise<WriteResult> => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/id");
    await context.sync();

    const before = new Set(worksheets.items.map((sheet) => sheet.id));
    const existing = new Map(worksheets.items.map((sheet) => [sheet.name.toLowerCase(), sheet]));
    const replaced = layouts
      .map((layout) => existing.get(layout.name.toLowerCase()))
      .filter((sheet): sheet is Excel.Worksheet => sheet !== undefined);
    if (replaced.length > 0 && !options.replace)
      return { ok: false, message: HOST_MESSAGES.exists(replaced.map((sheet) => sheet.name)) };
    if (replaced.length > 0 && mark) {
      const marks = replaced.map((sheet) => {
        const property = sheet.customProperties.getItemOrNullObject(GENERATED_MARK);
        property.load("value");
        return property;
      });
      await context.sync();
      const foreign = replaced.filter((_, i) => marks[i].isNullObject);
      if (foreign.length > 0)
        return {
          ok: false,
          message: HOST_MESSAGES.notGenerated(foreign.map((sheet) => sheet.name)),
        };
    }

    const total = layouts.length;
    options.onProgress?.({ done: 0, total });
    const temporary = temporaryNames(total, new Set(existing.keys()));
    // The sheets' additions, the chart and the swap ride in the first and last requests; leave
    // them room there.
    const finish = { commands: 4 * total + 20, bytes: 200 * total + 20_000 };
    const requests = packRequests(
      layouts.flatMap((layout, i) => sheetDraws(layout, i, mark, limit)),
      { commands: Math.max(1, limit.commands - finish.commands), bytes: limit.bytes - finish.bytes }
    );
    // After which request each sheet is drawn in full, for the progress bar.
    const lastRequest = new Array<number>(total).fill(0);
    requests.forEach((request, n) => request.forEach((draw) => (lastRequest[draw.sheet] = n)));
    try {
      const added = layouts.map((_, i) => worksheets.add(temporary[i]));
      for (const [n, request] of requests.entries()) {
        context.application.suspendApiCalculationUntilNextSync();
        for (const draw of request) draw.queue(added[draw.sheet]);
        const last = n === requests.length - 1;
        if (last) {
          if (chart) queueChart(added[chart.sheetIndex], chart);
          // The swap comes last, in the last request: if anything before fails, it never happens.
          replaced.forEach((sheet) => sheet.delete());
          added.forEach((sheet, i) => (sheet.name = layouts[i].name));
          if (added.length > 0) added[0].activate();
        }
        // One request per bounded batch: their number grows with the output's size in steps.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        if (!last) options.onProgress?.({ done: lastRequest.filter((r) => r <= n).length, total });
      }
    } catch (error) {
      try {
        await removeAdded(context, before, [...temporary, ...layouts.map((layout) => layout.name)]);
      } catch (cleanupError) {
        return { ok: false, message: HOST_MESSAGES.cleanupFailed(errorDetail(cleanupError)) };
      }
      return { ok: false, message: HOST_MESSAGES.failed(errorDetail(error)) };
    }
    options.onProgress?.({ done: total, total });
    return { ok: true, created: layouts.map((layout) => layout.name) };
  });
}

async function existingSheets(api: Api, names: readonly string[]): Promise<string[]> {
  return api.excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const present = new Set(worksheets.items.map((sheet) => sheet.name.toLowerCase()));
    return names.filter((name) => present.has(name.toLowerCase()));
  });
}

/** A blank cell is "" in Excel and null or absent in a Grid. */
function sameCellValue(a: CellValue, b: CellValue): boolean {
  const blank = (v: CellValue) => v === null || v === undefined || v === "";
  return blank(a) ? blank(b) : a === b;
}

async function writeCells(api: Api, edits: readonly CellEdit[]): Promise<CellWriteResult> {
  if (edits.length === 0) return { ok: true, previous: [] };
  return api.excel.run(async (context) => {
    const ranges = edits.map((edit) => {
      const range = context.workbook.worksheets.getItem(edit.sheet).getRange(edit.cell);
      range.load("values,formulas,numberFormat");
      return range;
    });
    await context.sync();
    const previous: CellContent[] = ranges.map((range, i) => {
      const formula = range.formulas[0][0];
      return {
        sheet: edits[i].sheet,
        cell: edits[i].cell,
        value: range.values[0][0] as CellContent["value"],
        ...(typeof formula === "string" && formula.startsWith("=") ? { formula } : {}),
        numberFormat: String(range.numberFormat[0][0]),
      };
    });
    const changed = edits.filter((edit, i) => !sameCellValue(previous[i].value, edit.from));
    if (changed.length > 0)
      return { ok: false, changed: changed.map(({ sheet, cell }) => ({ sheet, cell })) };
    edits.forEach((edit, i) => {
      if (edit.numberFormat) ranges[i].numberFormat = [[edit.numberFormat]];
      ranges[i].values = [[edit.to]];
    });
    await context.sync();
    return { ok: true, previous };
  });
}

/**
 * What to write to get a cell's content back: its formula; text behind an apostrophe, so that
 * Excel keeps "236.34" as the text it was instead of reading it as a number; else the value.
 */
function restoredInput(content: CellContent): string | number | boolean {
  if (content.formula) return content.formula;
  if (typeof content.value === "string" && content.value !== "" && content.numberFormat !== "@")
    return `'${content.value}`;
  return content.value;
}

async function restoreCells(api: Api, contents: readonly CellContent[]): Promise<void> {
  if (contents.length === 0) return;
  await api.excel.run(async (context) => {
    for (const content of contents) {
      const range = context.workbook.worksheets.getItem(content.sheet).getRange(content.cell);
      range.numberFormat = [[content.numberFormat]];
      range.values = [[restoredInput(content)]];
    }
    await context.sync();
  });
}

async function selectCell(api: Api, sheetName: string, address: string): Promise<void> {
  await api.excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(address.slice(address.lastIndexOf("!") + 1)).select();
    await context.sync();
  });
}

/**
 * The WorkbookHost over Office.js. Call it once Office is ready; `Excel` and `Office` are looked up
 * when a method runs, so a page may install them late.
 *
 * @example
 * Office.onReady(() => render(createOfficeHost()));
 */
export function createOfficeHost(options: OfficeHostOptions = {}): WorkbookHost {
  const office = () => options.office ?? (typeof Office === "undefined" ? undefined : Office);
  const api = (): Api => ({ excel: options.excel ?? Excel, office: office() });
  const chunkCells = options.readChunkCells ?? DEFAULT_READ_CHUNK_CELLS;
  const writeLimit = options.writeRequestLimit ?? WRITE_REQUEST_LIMIT;
  return {
    readWorkbook: () => readWorkbook(api(), chunkCells),
    existingSheets: (names) => existingSheets(api(), names),
    writeSheets: (specs, writeOptions) => writeSheets(api(), specs, writeOptions, writeLimit),
    selectCell: (sheet, address) => selectCell(api(), sheet, address),
    writeCells: (edits) => writeCells(api(), edits),
    restoreCells: (contents) => restoreCells(api(), contents),
    async createWorkbookFromXlsx(base64) {
      const current = api();
      if (!supports(current, "1.8")) throw new Error(HOST_MESSAGES.cannotOpenWorkbook);
      await current.excel.createWorkbook(base64);
    },
    displayLanguage: () => office()?.context?.displayLanguage || "zh-CN",
  };
}
