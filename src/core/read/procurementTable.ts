/**
 * Reads a 政府采购预算表 straight from its grid, mapping columns by caption: 项目名称, 采购物品名称,
 * 数量, 单价, the 政府采购金额 合计 column, its source columns (一般公共预算拨款 … 单位资金 …) and the
 * 预留中小微企业份额 column. The list reader splits this table in two (采购物品名称 looks like a
 * label column), so the rules do not use its sides.
 */
import { gridAddress } from "../grid";
import { Money, ParsedAmount, toHalfWidth } from "../money";
import { amountCell, assignPrecision, columnUnit } from "./table";
import type { AmountCell, ParsedTable } from "./table";
import { compactText, isBlank } from "./text";
import type { WorkbookModel } from "./workbook";
import { headerPaths } from "./header";

export interface ProcurementColumns {
  project?: number;
  /** The project's 预算资金 beside its name (Hebei 政府采购项目来源). */
  projectBudget?: number;
  item?: number;
  /** 政府采购目录序号 / 品目编码: A… 货物, B… 工程, C… 服务. */
  catalog?: number;
  /** 计量单位 / 单位: text (台, 件, 项), never a number. */
  unit?: number;
  quantity?: number;
  /** 数量 and 单位 in one column (“数量（单位）”: 10台). */
  quantityWithUnit: boolean;
  price?: number;
  /** 单价 is stated in 元 (“单价（元）”) while amounts are 万元. */
  priceInYuan: boolean;
  amount: number;
  sources: number[];
  reserves: number[];
  /** Caption of every mapped column, for messages. */
  captions: Map<number, string>;
}

export interface ProcurementRow {
  gridRow: number;
  label: string;
  address: string;
  role: "total" | "subtotal" | "item";
  cells: Map<number, AmountCell>;
}

export interface ProcurementView {
  table: ParsedTable;
  columns: ProcurementColumns;
  rows: ProcurementRow[];
}

/** Captions naming where money comes from: 财政拨款, 一般公共预算, 单位资金, 其他资金, 自筹 … */
const SOURCE_NAME =
  /财政拨款|一般公共预算|政府性基金|基金预算|国有资本|财政专户|单位资金|其他资金|自筹|自有资金|上年结转|结转结余|事业收入|经营收入|上级补助|附属单位|其他收入/;

function mapColumns(paths: string[][]): ProcurementColumns | undefined {
  const leaf = (c: number) => paths[c][paths[c].length - 1] ?? "";
  const group = (c: number) => paths[c].slice(0, -1).join("|");
  const all = paths.map((_, c) => c).filter((c) => paths[c].length > 0);
  const find = (test: (c: number) => boolean) => all.find(test);
  const item = find((c) =>
    /采购物品|采购项目名称|品目名称|物品名称|采购品目|^品目$|货物名称|采购内容|采购标的/.test(
      leaf(c)
    )
  );
  const project = find(
    (c) =>
      c !== item &&
      (/项目来源/.test(group(c)) ||
        /^(项目名称|项目|采购项目|预算项目|预算项目名称|项目来源)$/.test(leaf(c))) &&
      !/预算资金|金额/.test(leaf(c))
  );
  const projectBudget = find(
    (c) => c !== project && /项目/.test(group(c)) && /^预算(资金|金额|数)/.test(leaf(c))
  );
  const catalog = find(
    (c) => c !== item && /目录|品目编码|品目代码/.test(leaf(c)) && !/名称/.test(leaf(c))
  );
  const unit = find((c) => /^(计量)?单位$/.test(leaf(c)));
  const quantity = find((c) => /^(采购)?数量/.test(leaf(c)));
  const price = find((c) => /^单价/.test(leaf(c)));
  const inPurchaseGroup = (c: number) => /采购金额|采购预算|政府采购/.test(group(c));
  const amount =
    find((c) => inPurchaseGroup(c) && /^(合计|小计|金额)$/.test(leaf(c))) ??
    find(
      (c) =>
        /^(政府采购金额|采购金额|采购预算金额|采购预算|预算金额|金额|合计)/.test(leaf(c)) &&
        !/预留|份额/.test(leaf(c))
    );
  if (amount === undefined) return undefined;
  const reserves = all.filter((c) => /预留|份额/.test(paths[c].join("|")));
  const described = new Set([project, projectBudget, item, catalog, unit, quantity, price]);
  // The sources: the columns beside the amount in its group (政府采购金额 › 一般公共预算拨款 …), under
  // a 资金来源 caption, or to its right naming a source on their own (财政拨款 | 其他资金).
  const sources = all.filter(
    (c) =>
      c !== amount &&
      !described.has(c) &&
      !reserves.includes(c) &&
      !/其中/.test(leaf(c)) &&
      ((group(c) !== "" && group(c) === group(amount)) ||
        /资金来源|经费来源/.test(group(c)) ||
        (c > amount && SOURCE_NAME.test(leaf(c))))
  );
  const captions = new Map<number, string>();
  for (const c of [quantity, price, amount, ...sources, ...reserves])
    if (c !== undefined) captions.set(c, leaf(c));
  return {
    project,
    projectBudget,
    item,
    catalog,
    unit,
    quantity,
    quantityWithUnit: quantity !== undefined && /单位/.test(leaf(quantity)),
    price,
    priceInYuan: price !== undefined && /[(（]元[)）]|\(元/.test(leaf(price)),
    amount,
    sources,
    reserves,
    captions,
  };
}

/**
 * A 数量 written with its unit (10台, 200 套, 5（件）): the count, as an amount that is no text to
 * warn about; undefined for anything else.
 */
function quantityWithUnit(raw: unknown): Extract<ParsedAmount, { kind: "amount" }> | undefined {
  if (typeof raw !== "string") return undefined;
  const m = /^\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*[(（]?\s*([^\d\s()（）]{1,4})\s*[)）]?\s*$/.exec(
    toHalfWidth(raw)
  );
  if (!m) return undefined;
  return { kind: "amount", value: new Money(m[1].replace(/,/g, "")), fromText: false };
}

const TOTAL = /^(合计|总计)$/;
const SUBTOTAL = /小计$/;

function isColumnNumberRow(texts: string[]): boolean {
  const filled = texts.filter((t) => t !== "");
  if (filled[0] === "栏次") return true;
  return filled.length >= 2 && filled.every((t, i) => t === String(i + 1));
}

export function readProcurement(table: ParsedTable): ProcurementView | undefined {
  const grid = table.grid;
  const paths = headerPaths(table);
  const columns = mapColumns(paths);
  if (!columns) return undefined;
  // Money into 万元 by the unit the column or the table states; 数量 is a count.
  const unitOf = (c: number) =>
    c === columns.quantity ? undefined : (columnUnit(paths[c] ?? []) ?? table.unit?.value);
  const numeric = [
    columns.projectBudget,
    columns.quantity,
    columns.price,
    columns.amount,
    ...columns.sources,
    ...columns.reserves,
  ].filter((c): c is number => c !== undefined);
  const rows: ProcurementRow[] = [];
  const start = Math.max(...table.headerRows) + 1;
  for (let r = start; r < grid.values.length; r++) {
    const values = grid.values[r] ?? [];
    const texts = values.map((v) => compactText(v));
    const first = texts.find((t) => t !== "");
    if (first === undefined || first.startsWith("注") || isColumnNumberRow(texts)) continue;
    const labelColumn = [columns.project, columns.item].find(
      (c) => c !== undefined && texts[c] !== ""
    );
    const labelParts = [columns.project, columns.item]
      .filter((c): c is number => c !== undefined && texts[c] !== "")
      .map((c) => texts[c]);
    const label = labelParts.join("／") || first;
    const cells = new Map<number, AmountCell>();
    for (const c of numeric) {
      const cell = amountCell(grid, r, c, unitOf(c));
      const counted = c === columns.quantity ? quantityWithUnit(cell.raw) : undefined;
      cells.set(c, counted ? { ...cell, parsed: counted, value: counted.value } : cell);
    }
    if (
      labelParts.length === 0 &&
      [...cells.values()].every((cell) => cell.parsed.kind === "empty")
    )
      continue;
    const head = texts[columns.project ?? 0] || first;
    const role = TOTAL.test(head) ? "total" : SUBTOTAL.test(head) ? "subtotal" : "item";
    const firstColumn = values.findIndex((v) => !isBlank(v));
    rows.push({
      gridRow: r,
      label,
      address: gridAddress(grid, r, labelColumn ?? Math.max(firstColumn, 0)),
      role,
      cells,
    });
  }
  assignPrecision(rows.flatMap((row) => [...row.cells.values()]));
  return { table, columns, rows };
}

export function procurementViews(model: WorkbookModel): ProcurementView[] {
  return model.tables
    .filter((t) => t.kind === "政府采购表")
    .flatMap((t) => readProcurement(t.table) ?? []);
}

/** The rows a 小计 adds up: those under it (when 小计 comes first) or above it, up to the next 小计. */
export function subtotalGroups(
  view: ProcurementView
): { subtotal: ProcurementRow; items: ProcurementRow[] }[] {
  const rows = view.rows.filter((row) => row.role !== "total");
  const firstSubtotal = rows.findIndex((row) => row.role === "subtotal");
  if (firstSubtotal < 0) return [];
  const headerStyle = !rows.slice(0, firstSubtotal).some((row) => row.role === "item");
  const groups: { subtotal: ProcurementRow; items: ProcurementRow[] }[] = [];
  let pending: ProcurementRow[] = [];
  for (const row of rows) {
    if (row.role === "subtotal") {
      if (headerStyle) groups.push({ subtotal: row, items: [] });
      else {
        groups.push({ subtotal: row, items: pending });
        pending = [];
      }
    } else if (headerStyle) groups[groups.length - 1]?.items.push(row);
    else pending.push(row);
  }
  return groups;
}
