/**
 * A table template is data: what one standard table of a province looks like (title, the lines
 * above the header, the header with its merges, the 栏次 row) and what it lists (which rows, and
 * which figure each amount column shows). `format/buildSheets` draws any template over a
 * department's figures into a SheetSpec; nothing here knows a host or a file format.
 */
import type { TableKind } from "../read/tableKinds";

/**
 * Which figure a cell shows: `[subject/]group.measure[@scope]`, e.g. `all.total`,
 * `一般公共预算.basic@current`, `threePublic.abroad/一般公共预算.total`; or `none` (the cell
 * holds no figure: printed blank) or `zero` (a figure that is zero by definition, such as 年终结转结余,
 * printed as zeros are). See keys.ts for the grammar.
 */
export type FigureKey = string;

/** What a row stands for, when it is not a node of a classification tree or a project. */
export type Subject =
  /** The department as a whole: the 合计 of the 功能 tree. */
  | "grand"
  /** All projects together: the 合计 / department rows of a 项目支出表. */
  | "projects"
  | "threePublic.total"
  | "threePublic.abroad"
  | "threePublic.vehicle"
  | "threePublic.vehiclePurchase"
  | "threePublic.vehicleOperation"
  | "threePublic.reception"
  /** A row that stands for no figure (人行科目): its amount cells stay blank. */
  | "none";

export type ColumnRole =
  /** 序号: 1, 2, … down the data rows; spans the whole table, not one side. */
  | "serial"
  /** The classification code of a side's rows (科目编码). */
  | "code"
  /** The label of a side's rows (科目名称, 项目, 项目名称, 单位名称). */
  | "label"
  /** A figure, named by `key`. */
  | "amount"
  /** The 政府预算支出经济分类 name printed beside a 部门经济 款 (Shanxi 表6). */
  | "govEconomicName";

export interface ColumnTemplate {
  /** Header captions from the top row down; a shorter path is merged down to the last header row. */
  caption: readonly string[];
  role: ColumnRole;
  /** For amount columns: the figure, evaluated on each row's subject. */
  key?: FigureKey;
  /** Excel character units. */
  width: number;
  /** Index into the template's sides (summary tables have 收入 on side 0, 支出 on side 1). */
  side?: number;
  /** Leave the column out when it is zero in every row (Shanxi 表13 prints no unit-fund columns). */
  hideWhenZero?: boolean;
}

/** A labelled row: a summary table's income line, a 三公 item, a total under a list. */
export interface ItemRow {
  /** As printed, ordinal and indentation included; `{department}` is replaced. */
  label: string;
  /** Default `grand`. */
  subject?: Subject;
  /** For sides with one amount column: the figure of this row (the column's key is ignored). */
  key?: FigureKey;
  /** Printed bold: 合计, 本年收入合计, 收入总计 … */
  total?: boolean;
}

export type RowSource =
  /** 合计, then every 功能 类/款/项 that has an amount in the table's columns (类 → 款 → 项 order). */
  | { kind: "function"; totalLabel?: string }
  /** 合计, then every 部门经济 类/款 that has an amount. */
  | { kind: "economic"; totalLabel?: string }
  /**
   * The fixed 类 list of a summary table, numbered 一、二、…; a 类 the list lacks is inserted before
   * the trailing uncoded entries (人行科目).
   */
  | { kind: "classes"; classes: readonly (readonly [string, string])[] }
  /** Fixed labelled rows. */
  | { kind: "items"; rows: readonly ItemRow[] }
  /** The total rows (`{department}` or 合计), then every project with an amount in the table's columns. */
  | { kind: "projects"; totals: readonly string[] };

export type RowSourceKind = RowSource["kind"];

export interface SideTemplate {
  rows: RowSource;
  /**
   * Rows below the list, aligned across sides (本年收入合计 beside 本年支出合计); `null` leaves this
   * side's cells of that row blank.
   */
  footer?: readonly (ItemRow | null)[];
  /**
   * Where a total row's label goes: in the label column, the code left blank (Hebei), or merged over
   * the side's code, label and 政府经济 columns (Shanxi: 合计 spans 科目编码 and 科目名称).
   */
  totalLabelAt?: "label" | "span";
}

/**
 * A text above the header. Columns are 1-based; negative counts from the right (−1 = the last
 * column), so one template fits when columns are hidden.
 */
export interface MetaCell {
  /** `{department}`, `{departmentCode}` and `{year}` are replaced; a cell naming an unknown year is left out. */
  text: string;
  col: number;
  /** Merge to this column. */
  toCol?: number;
  align?: "left" | "right";
}

export interface TableTemplate {
  /** Unique across all sets: `hebei.summary`, `shanxi.projects-carryover`. */
  id: string;
  kind: TableKind;
  /** Worksheet name, ≤ 31 characters: `表1 收支总表`. */
  sheetName: string;
  /** Title as printed, `{year}` replaced (`{year}年` dropped when the year is unknown). */
  title: string;
  /** Lines between the title and the header. */
  meta: readonly (readonly MetaCell[])[];
  /** Every column, left to right. */
  columns: readonly ColumnTemplate[];
  /** 栏次 row under the header: `栏次 | 1 | 2 …` in the 序号 column (Hebei) or a bare `1 … n` (Shanxi). */
  columnNumbers?: "labelled" | "bare";
  sides: readonly SideTemplate[];
  /** When every amount is zero: the note, printed under the kept rows or straight under the header. */
  empty?: { note: string; keepRows: boolean };
  /** Part of the province's mandatory set (TEMPLATE_SETS): completeness checks for it. */
  required: boolean;
  /** Only 行政 and 参公 units have the figure (机关运行经费): a 事业 unit prints the table empty. */
  administrativeOnly?: boolean;
  /** Default: landscape when the table has more than 6 columns. */
  orientation?: "landscape" | "portrait";
}

// ---------------------------------------------------------------------------------------------
// Supplementary tables: what no budget line holds (政府采购, 固定资产, 项目绩效目标), drawn from the
// workbook's own tables by format/buildSupplements.

/** The source columns of a 政府采购预算表. */
export type ProcurementSource =
  "一般公共预算" | "政府性基金" | "国有资本经营" | "财政专户" | "单位资金" | "上年结转";

/** What a 政府采购预算表 column shows of each purchase; `amount` and the sources are summed up. */
export type ProcurementField =
  | "project"
  | "projectBudget"
  | "item"
  | "catalogCode"
  | "unit"
  | "quantity"
  | "price"
  | "amount"
  | "reserve"
  | { source: ProcurementSource };

interface SupplementTemplateBase {
  /** Unique across all sets: `hebei.procurement`. */
  id: string;
  /** Worksheet name, ≤ 31 characters. */
  sheetName: string;
  /** `{year}` replaced. */
  title: string;
  /** Lines between the title and the header (see MetaCell); `{asOf}` is the 固定资产 date. */
  meta: readonly (readonly MetaCell[])[];
  /** Default: landscape when the table has more than 6 columns. */
  orientation?: "landscape" | "portrait";
}

export interface ProcurementTemplate extends SupplementTemplateBase {
  kind: "政府采购表";
  columns: readonly { caption: readonly string[]; field: ProcurementField; width: number }[];
  /** Total rows above the purchases, in the first column: 合计, then `{department}小计`. */
  totals: readonly string[];
  /** Printed under the table. */
  note?: string;
  /** Printed under the header when the department buys nothing through 政府采购. */
  empty: string;
}

export interface AssetsTemplate extends SupplementTemplateBase {
  kind: "固定资产表";
  /** Caption of the 项目, 数量 and 价值 columns. */
  columns: readonly { caption: string; field: "label" | "quantity" | "value"; width: number }[];
  /** The fixed rows: `name` is the class the 固定资产 reader names (资产总额 for the total). */
  rows: readonly { label: string; name: string; total?: boolean }[];
}

export interface GoalFormsTemplate extends SupplementTemplateBase {
  kind: "绩效目标表";
  /** The forms' layout; Hebei's: 项目编码/名称, 预算规模及资金用途, 资金支出计划, 绩效目标, indicators. */
  layout: "budgetPlan";
  /** The seven columns' widths. */
  widths: readonly number[];
  /** The 资金支出计划 stages, in order. */
  planStages: readonly string[];
  /** Printed under the header when no project has a form. */
  empty: string;
}

export type SupplementTemplate = ProcurementTemplate | AssetsTemplate | GoalFormsTemplate;
