/**
 * Reads a 财政拨款“三公”经费支出表 into its items, identified by name — never by position:
 * 合计 (and “三公”经费小计), 因公出国（境）费, 公务用车购置及运行(维护)费, 公务用车购置费,
 * 公务用车运行维护费, 公务接待费. Names are compared without ordinals (一、 1、 ① ②), 其中：,
 * quotes, spaces, with 费用 read as 费.
 *
 * Items are usually rows and the amount columns are measures (合计, 一般公共预算 …, or 上年 / 本年 /
 * 增减 / 增减率 in the comparison form). Some templates turn the table round — items as columns and
 * 上年预算数 / 本年预算数 / 增减 as rows; both read into the same view. The 财政部 template has items as
 * columns over one row of figures with no label at all: that row is this year's.
 */
import { Money } from "../money";
import { captionCell } from "./table";
import { compareSum } from "../rounding";
import type { AmountCell, ParsedTable } from "./table";
import type { RecognizedTable, WorkbookModel } from "./workbook";
import { headerPaths, numberFormatAt } from "./header";

export type SangongItem = "total" | "abroad" | "vehicle" | "purchase" | "operation" | "reception";

export const SANGONG_ITEM_NAMES: Record<SangongItem, string> = {
  total: "合计",
  abroad: "因公出国（境）费",
  vehicle: "公务用车购置及运行维护费",
  purchase: "公务用车购置费",
  operation: "公务用车运行维护费",
  reception: "公务接待费",
};

/** Which kind of figure a measure holds. */
export type MeasurePeriod = "amount" | "prior" | "current" | "change" | "rate";

export interface SangongMeasure {
  caption: string;
  period: MeasurePeriod;
  /** The caption without its period words (“合计”, “一般公共预算”), for pairing 上年/本年/增减. */
  key: string;
  /** The header cell (or row label) that names the measure, for findings about the measure itself. */
  address?: string;
}

export interface SangongLine {
  item: SangongItem;
  label: string;
  /** Aligned with the view's measures. */
  cells: AmountCell[];
}

export interface SangongView {
  table: ParsedTable;
  orientation: "rows" | "columns";
  measures: SangongMeasure[];
  lines: SangongLine[];
}

/**
 * “二、公务用车购置及运维费” → “公务用车购置及运维费”; “其中：(1)公务用车购置” → “公务用车购置”;
 * “（一）因公出国（境）费用” → “因公出国(境)费” (ordinals and 其中 in any order, any number).
 */
export function normalizeItemName(label: string): string {
  let name = label
    .replace(/[\s\u00a0\u3000]/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/[“”"'‘’]/g, "")
    .replace(/费用/g, "费");
  for (let previous = ""; previous !== name;) {
    previous = name;
    name = name
      // An ordinal is bracketed or followed by its mark, so 三公经费 keeps its 三.
      .replace(/^(\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十\d]+[、.．:：)])/, "")
      .replace(/^[①②③④⑤⑥⑦⑧⑨⑩]/, "")
      .replace(/^其中[:：]?/, "");
  }
  return name;
}

export function itemOf(label: string): SangongItem | undefined {
  // 因公出国（境）支出, 公务接待费支出: an item may be named by what it is spent on, ending in 支出.
  const normalized = normalizeItemName(label);
  const name = normalized.startsWith("三公")
    ? normalized
    : normalized.replace(/(?<=.{4})费?支出$/, "费");
  if (/^(三公经费)?(支出)?(合计|总计|小计)$|^三公经费$/.test(name)) return "total";
  if (/^(因公)?出国\(境\)(经)?费$/.test(name)) return "abroad";
  // 公务用车费 is the older name of the same item (购置 + 运行维护).
  if (
    /^公务用车购置(及|和)运(行|维|营)(维护)?费$|^公务用车费$|^公务用车购置及运行维护费$/.test(name)
  )
    return "vehicle";
  if (/^公务用车购置(费)?$/.test(name)) return "purchase";
  if (/^公务用车运(行|营)(维护)?费$|^公务用车运维费$/.test(name)) return "operation";
  if (/^公务接待费$/.test(name)) return "reception";
  return undefined;
}

const RATE = /(增减|增长|变动|比上年).*(率|%|幅)|增幅|增长率/;
const CHANGE = /增减|增长额|增加额|减少额|变动|比上年/;
const YEAR = /(20\d\d)/;

/** Captions for messages: the lowest caption, or the whole path where two columns share it. */
function displayCaptions(paths: readonly string[][]): string[] {
  const leaves = paths.map((p) => p[p.length - 1] ?? "");
  return paths.map((p, i) =>
    leaves.filter((l) => l === leaves[i]).length > 1 ? p.join("／") : leaves[i]
  );
}

function classify(
  captions: readonly string[],
  display: readonly string[] = captions
): SangongMeasure[] {
  const years = captions.map((c) => Number(YEAR.exec(c)?.[1] ?? NaN));
  const known = years.filter((y) => !Number.isNaN(y));
  const newest = Math.max(...known);
  const oldest = Math.min(...known);
  return captions.map((caption, i) => {
    let period: MeasurePeriod = "amount";
    if (RATE.test(caption)) period = "rate";
    else if (CHANGE.test(caption)) period = "change";
    else if (/上年|上一年|去年/.test(caption)) period = "prior";
    else if (/本年|当年|今年/.test(caption)) period = "current";
    else if (!Number.isNaN(years[i]) && newest !== oldest)
      period = years[i] === newest ? "current" : "prior";
    const key = caption
      .replace(
        /\|?(20\d\d年?|上年|本年|当年|上一年|今年|去年)(度)?(预算数?|预算|执行数|决算数)?\|?/g,
        ""
      )
      .replace(/\|?(增减率|增减额|增减|增长率|增幅|比上年增减)(\(%\)|%)?\|?/g, "")
      .replace(/^\|+|\|+$/g, "");
    return { caption: display[i] ?? caption, period, key };
  });
}

export function readSangong(recognized: RecognizedTable): SangongView | undefined {
  const table = recognized.table;
  const paths = headerPaths(table);
  for (const side of table.sides) {
    const rowLines = side.rows
      .map((row) => ({ row, item: itemOf(row.label) }))
      .filter((l): l is { row: typeof l.row; item: SangongItem } => l.item !== undefined);
    const columnItems = side.amountColumns.map((c) => {
      const path = paths[c] ?? [];
      for (let i = path.length - 1; i >= 0; i--) {
        const item = itemOf(path[i]);
        // A 小计 under a group names the group (公务用车购置及运行维护费 › 小计).
        if (item === "total" && i > 0 && itemOf(path[i - 1]) && itemOf(path[i - 1]) !== "total")
          return itemOf(path[i - 1]);
        if (item) return item;
      }
      return undefined;
    });
    const rowItems = new Set(rowLines.map((l) => l.item).filter((i) => i !== "total"));
    const colItems = new Set(columnItems.filter((i) => i && i !== "total"));
    if (rowItems.size >= colItems.size && rowItems.size > 0) {
      const columnPaths = side.amountColumns.map((c, i) =>
        (paths[c] ?? []).length > 0 ? paths[c] : [side.captions[i]]
      );
      const measures = classify(
        columnPaths.map((p) => p.join("|")),
        displayCaptions(columnPaths)
      );
      measures.forEach(
        (m, i) => (m.address = captionCell(table.grid, table.headerRows, side.amountColumns[i]))
      );
      return {
        table,
        orientation: "rows",
        measures,
        lines: rowLines.map(({ row, item }) => ({ item, label: row.label, cells: row.cells })),
      };
    }
    if (colItems.size > 0) {
      const dataRows = side.unlabelled ? side.rows : side.rows.filter((row) => row.label !== "");
      // The one row of figures of a table with no label column is the year's (the 财政部 template):
      // its only measure. The parse leaves such a table unread when it has more rows.
      const measures: SangongMeasure[] = side.unlabelled
        ? dataRows.map(() => ({ caption: "本年预算数", period: "current", key: "" }))
        : classify(dataRows.map((row) => row.label));
      measures.forEach((m, i) => (m.address = dataRows[i].address));
      return {
        table,
        orientation: "columns",
        measures,
        lines: columnItems.flatMap((item, j) =>
          item
            ? [
                {
                  item,
                  label: (paths[side.amountColumns[j]] ?? []).join("／"),
                  cells: dataRows.map((row) => row.cells[j]),
                },
              ]
            : []
        ),
      };
    }
  }
  return undefined;
}

export function sangongViews(model: WorkbookModel): SangongView[] {
  return model.tables.filter((t) => t.kind === "三公经费表").flatMap((t) => readSangong(t) ?? []);
}

/** A rate cell as a percentage: −20 stays −20; −0.2 formatted as 0.00% becomes −20. */
export function percentValue(view: SangongView, cell: AmountCell): Money {
  return numberFormatAt(view.table.grid, cell.address).includes("%")
    ? cell.value.times(100)
    : cell.value;
}

/**
 * The measure that holds this year's 三公 figure: the 本年 (or only) 合计 column — never a 上年, a 增减
 * or a rate column, wherever the table puts it. -1 when the table has none.
 */
export function currentTotalMeasure(view: SangongView): number {
  const candidates = view.measures
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => m.period === "current" || m.period === "amount");
  const preferred =
    candidates.find(({ m }) => m.period === "current" && /^(合计|小计)?$/.test(m.key)) ??
    candidates.find(({ m }) => m.period === "current") ??
    candidates.find(({ m }) => /(^|\|)(合计|小计)$/.test(m.key)) ??
    candidates[0];
  return preferred ? preferred.i : -1;
}

/**
 * Whether the vehicle line of measure `m` is published wrong while the 合计 agrees with the items
 * when the vehicle figure is taken from its 购置费 and 运行维护费: then the vehicle cell is the one
 * mistake, and the 合计 is right.
 */
export function totalRightButVehicleWrong(view: SangongView, m: number): boolean {
  const line = (item: SangongItem) => lineOf(view, item);
  const vehicle = line("vehicle");
  const parts = [line("purchase"), line("operation")].filter((l) => l !== undefined);
  const others = [line("abroad"), line("reception")];
  const totals = view.lines.filter((l) => l.item === "total");
  if (!vehicle?.cells[m] || parts.length === 0 || totals.length === 0) return false;
  if (others.some((l) => !l?.cells[m])) return false;
  const leaves = parts.map((l) => l.cells[m].value);
  if (compareSum(vehicle.cells[m].value, leaves).agreement !== "mismatch") return false;
  const items = [...leaves, ...others.map((l) => l!.cells[m].value)];
  return totals.every(
    (total) =>
      total.cells[m] !== undefined &&
      compareSum(total.cells[m].value, items).agreement !== "mismatch"
  );
}

/** The line of an item (the first, when a table lists it twice). */
export function lineOf(view: SangongView, item: SangongItem): SangongLine | undefined {
  return view.lines.find((line) => line.item === item);
}
