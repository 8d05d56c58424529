/**
 * The writing half of the Office.js adapter: draws generated tables into new sheets (see
 * officeHost.ts for the round trips and how a failure leaves the workbook as it was). Loaded on
 * the first 生成, not before the first findings (issue 12 §4).
 */
import type { SheetSpec } from "../../core/format/sheetSpec";
import type { ChartData, WriteProgress, WriteResult } from "./host";
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
import {
  Api,
  GENERATED_MARK,
  HOST_MESSAGES,
  RequestLimit,
  TEMPORARY_PREFIX,
  WRITE_REQUEST_LIMIT,
  errorDetail,
  supports,
} from "./officeApi";

const BORDER_COLOR = "#000000";
const OUTER_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

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

export async function writeSheets(
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
