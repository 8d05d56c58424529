/**
 * What a disclosure prints that no budget line holds — the 政府采购预算, the 固定资产占用情况 and the
 * 项目绩效目标表 — taken from the workbook's own tables as the clerk typed them (in any layout the
 * readers know), for the province's templates to draw again and for the 情况说明 to quote.
 *
 * Money is rounded once, here: each procurement item to 0.01 万元 (its sources split by largest
 * remainder so that they add up to it); every total printed later is a sum of those items, so the
 * 合计 of the table and the 政府采购 figure of the 情况说明 agree to the cent. Quantities, prices and
 * texts are carried over as typed.
 */
import { Money, ZERO, roundMoney, sumMoney, yuanToWanyuan } from "../money";
import type { AmountUnit } from "../money";
import type { PerformanceGoalForm } from "../read/goals";
import { readGoalForms } from "../read/goals";
import type { AmountCell } from "../read/table";
import { compactText } from "../read/text";
import type { WorkbookModel } from "../read/workbook";
import { allocateLargestRemainder } from "../rounding";
import { assetsViews, cellOf } from "../read/assetsTable";
import type { AssetLine, AssetsView } from "../read/assetsTable";
import { procurementViews } from "../read/procurementTable";
import type { ProcurementView } from "../read/procurementTable";
import type { AssetFigures, ProcurementFigures } from "../narrative/generate";
import type { ProcurementSource } from "../templates/types";

const PROCUREMENT_SOURCE_CAPTIONS: ReadonlyArray<readonly [RegExp, ProcurementSource]> = [
  [/结转|结余/, "上年结转"],
  [/一般公共预算|一般预算|公共财政/, "一般公共预算"],
  [/基金/, "政府性基金"],
  [/国有资本/, "国有资本经营"],
  [/财政专户/, "财政专户"],
  [/单位资金|单位自有|事业收入|经营收入|其他收入|上级补助|附属单位/, "单位资金"],
];

export function procurementSourceOf(caption: string): ProcurementSource | undefined {
  return PROCUREMENT_SOURCE_CAPTIONS.find(([pattern]) => pattern.test(caption))?.[1];
}

export interface ProcurementItem {
  /** 政府采购项目来源: the project (or 公用项目) the purchase is paid from. */
  project: string;
  /** The project's 预算资金, 万元, where the table prints it. */
  projectBudget?: Money;
  item: string;
  /** 政府采购目录序号 as typed: A… 货物, B… 工程, C… 服务. */
  catalogCode: string;
  unit: string;
  quantity?: Money;
  /** 万元 (converted when the table states 单价 in 元). */
  price?: Money;
  /** 万元, rounded to 0.01. */
  amount: Money;
  bySource: Partial<Record<ProcurementSource, Money>>;
  /** 预留中小微企业份额, 万元, rounded to 0.01. */
  reserve?: Money;
  /** Where the item was typed. */
  at: { sheet: string; cell: string };
}

export interface ProcurementRecords {
  sheet: string;
  items: ProcurementItem[];
}

export interface AssetRecord {
  /** The class name without number or unit: 房屋, 办公用房, 车辆 … */
  name: string;
  quantity?: Money;
  /** 万元, as typed. */
  value?: Money;
}

export interface AssetRecords {
  sheet: string;
  /** 截止时间 as the table states it: “2023-12-31”. */
  asOf?: string;
  total: AssetRecord;
  /** Every class and 其中 row, by name. */
  lines: AssetRecord[];
}

export interface Supplements {
  procurement?: ProcurementRecords;
  assets?: AssetRecords;
  goals: PerformanceGoalForm[];
}

/** The amount in a column of a row (money in 万元); undefined when blank or not a number. */
function amountAt(
  cells: ReadonlyMap<number, AmountCell>,
  c: number | undefined
): Money | undefined {
  const cell = c === undefined ? undefined : cells.get(c);
  return cell?.parsed.kind === "amount" ? cell.value : undefined;
}

function textAt(view: ProcurementView, gridRow: number, c?: number): string {
  if (c === undefined) return "";
  return String(view.table.grid.values[gridRow]?.[c] ?? "").trim();
}

function procurementItems(view: ProcurementView): ProcurementItem[] {
  const { columns } = view;
  const grid = view.table.grid;
  const sources = columns.sources.flatMap((c) => {
    const source = procurementSourceOf(columns.captions.get(c) ?? "");
    return source ? [{ c, source }] : [];
  });
  return view.rows
    .filter((row) => row.role === "item")
    .map((row): ProcurementItem => {
      const exact = amountAt(row.cells, columns.amount) ?? ZERO;
      const amount = roundMoney(exact);
      const exactSources = sources.map(({ c }) => amountAt(row.cells, c) ?? ZERO);
      const rounded = sumMoney(exactSources).equals(exact)
        ? allocateLargestRemainder(exactSources, amount)
        : exactSources.map((v) => roundMoney(v));
      const bySource: Partial<Record<ProcurementSource, Money>> = {};
      sources.forEach(({ source }, i) => {
        if (!rounded[i].isZero()) bySource[source] = (bySource[source] ?? ZERO).plus(rounded[i]);
      });
      const price = amountAt(row.cells, columns.price);
      const item: ProcurementItem = {
        project: textAt(view, row.gridRow, columns.project),
        item: textAt(view, row.gridRow, columns.item),
        catalogCode: compactText(grid.values[row.gridRow]?.[columns.catalog ?? -1]),
        unit: textAt(view, row.gridRow, columns.unit),
        amount,
        bySource,
        at: { sheet: grid.sheet, cell: row.address },
      };
      const projectBudget = amountAt(row.cells, columns.projectBudget);
      if (projectBudget !== undefined) item.projectBudget = projectBudget;
      const quantity = amountAt(row.cells, columns.quantity);
      if (quantity !== undefined) item.quantity = quantity;
      if (price !== undefined) item.price = price;
      const reserve = columns.reserves
        .map((c) => amountAt(row.cells, c))
        .find((v) => v !== undefined);
      if (reserve !== undefined) item.reserve = roundMoney(reserve);
      return item;
    });
}

const AS_OF = /截[止至](?:时间|日期)?[:：]?\s*(\d{4}[-年./]\d{1,2}[-月./]\d{1,2}日?)/;

function assetRecords(view: AssetsView): AssetRecords {
  const value = view.columns.find((c) => c.kind === "value");
  const quantity = view.columns.find((c) => c.kind === "quantity");
  const record = (line: AssetLine | undefined, name: string): AssetRecord => {
    const out: AssetRecord = { name };
    if (!line) return out;
    for (const [column, key] of [
      [quantity, "quantity"],
      [value, "value"],
    ] as const) {
      const cell = column ? cellOf(line, column) : undefined;
      if (cell?.parsed.kind === "amount") out[key] = cell.value;
    }
    return out;
  };
  const grid = view.table.grid;
  const asOf = grid.values
    .slice(0, Math.min(...view.table.headerRows) + 1)
    .flat()
    .map((v) => AS_OF.exec(compactText(v))?.[1])
    .find((v) => v !== undefined);
  const records: AssetRecords = {
    sheet: grid.sheet,
    total: record(view.total, "资产总额"),
    lines: view.items.flatMap((item) => [
      record(item, item.name),
      ...item.children.map((child) => record(child, child.name)),
    ]),
  };
  if (asOf !== undefined) records.asOf = asOf;
  return records;
}

/** The procurement, asset and goal tables of a workbook; absent when the workbook has none. */
export function readSupplements(model: WorkbookModel): Supplements {
  const supplements: Supplements = { goals: readGoalForms(model).forms };
  const procurement = procurementViews(model)[0];
  if (procurement)
    supplements.procurement = {
      sheet: procurement.table.grid.sheet,
      items: procurementItems(procurement),
    };
  const assets = assetsViews(model)[0];
  if (assets) supplements.assets = assetRecords(assets);
  return supplements;
}

/** A 政府采购目录 code's class: A 货物, B 工程, C 服务 (财政部 政府采购品目分类目录). */
export function procurementClass(catalogCode: string): "goods" | "works" | "services" | undefined {
  const letter = catalogCode.trim().charAt(0).toUpperCase();
  return letter === "A"
    ? "goods"
    : letter === "B"
      ? "works"
      : letter === "C"
        ? "services"
        : undefined;
}

/** 政府采购预算总额 and its 货物 / 工程 / 服务 parts, when every item's class is known. */
export function procurementFigures(records: ProcurementRecords): ProcurementFigures {
  const total = sumMoney(records.items.map((item) => item.amount));
  const parts = { goods: ZERO, works: ZERO, services: ZERO };
  for (const item of records.items) {
    const part = procurementClass(item.catalogCode);
    if (!part) return { total };
    parts[part] = parts[part].plus(item.amount);
  }
  return { total, ...parts };
}

/** 上年末固定资产金额 and its date, for the 情况说明. */
export function assetFigures(records: AssetRecords): AssetFigures {
  const figures: AssetFigures = {};
  if (records.total.value !== undefined) figures.total = records.total.value;
  if (records.asOf !== undefined) figures.asOf = records.asOf;
  return figures;
}

/** A goal form's amounts in 万元, the unit every Hebei table prints. */
export function inWanyuan(value: Money, unit: AmountUnit): Money {
  return unit === "元" ? yuanToWanyuan(value) : value;
}
