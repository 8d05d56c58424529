/**
 * Draws a province's templates over a department's figures: one SheetSpec per table.
 *
 * Rounding happens once, here, for the whole disclosure:
 * 1. The budget lines (the finest cells) are rounded to 0.01 万元 with controlled rounding along
 *    the 功能 tree: the grand total is rounded 四舍五入, then each 类/款/项 total is split among its
 *    children by largest remainder, down to the lines (core/rounding.ts).
 * 2. The rounded lines are aggregated again, exactly, three times: all of them, this year's money
 *    only (`@current`) and the carry-over only (`@carryover`).
 * Every printed figure is read from those aggregates, so every printed figure is a sum of the same
 * rounded lines: a parent equals the sum of its children, 合计 the sum of the 类, a 合计 column the
 * sum of its parts, 收入总计 equals 支出总计, and a figure shown in several tables is the same
 * everywhere — by construction, not by checking. Lines that are already at 0.01 (figures rebuilt from
 * published tables) come through unchanged.
 */
import { Catalog, ECONOMIC_TO_GOV_ECONOMIC } from "../codes";
import { aggregateFigures } from "../figures/aggregate";
import { aggregateScopesInUnits } from "../figures/aggregateUnits";
import type { ScopeName, ScopedFigures } from "../figures/aggregateUnits";
import { plainLine, withUnits } from "../figures/units";
import type {
  BudgetFigures,
  ClassifiedFigures,
  ExpenditureAmounts,
  FigureLine,
  ProjectFigures,
  ThreePublicFigures,
} from "../figures/figures";
import type { LedgerDepartment } from "../ledger/readLedger";
import type { FundSource, TemplateId, UnitNature } from "../model";
import { Money, ZERO } from "../money";
import { AmountTree, RoundedNode, roundTreeControlled } from "../rounding";
import { roundLinesInUnits, roundedUnits } from "./roundUnits";
import { PREVIOUS_YEAR_TEMPLATES, TEMPLATES, chineseNumber, parseFigureKey } from "../templates";
import { changeRate } from "../previous/compare";
import type {
  ColumnTemplate,
  FigureKey,
  ItemRow,
  Measure,
  MetaCell,
  ParsedKey,
  Scope,
  SideTemplate,
  Subject,
  TableTemplate,
} from "../templates";
import type { CellStyleName, SheetSpec, SpecCell, SpecCellValue, SpecMerge } from "./sheetSpec";

/**
 * Rounds each line to 0.01 万元 so that every 功能 subtotal is the sum of its rounded lines. In
 * integers when the amounts allow (format/roundUnits.ts), else with Decimals: the same result.
 */
export function roundLinesControlled(lines: readonly FigureLine[]): FigureLine[] {
  return roundLinesInUnits(lines) ?? roundLinesControlledDecimal(lines);
}

/** The reference: controlled rounding over a tree of Decimals (core/rounding.ts). */
export function roundLinesControlledDecimal(lines: readonly FigureLine[]): FigureLine[] {
  const root: AmountTree<string> = { key: "", children: [] };
  const nodes = new Map<string, AmountTree<string>>([["", root]]);
  const nodeFor = (code: string): AmountTree<string> => {
    let node = nodes.get(code);
    if (!node) {
      const parentCode =
        code.length > 5 ? code.slice(0, 5) : code.length > 3 ? code.slice(0, 3) : "";
      node = { key: code, children: [] };
      nodeFor(parentCode).children!.push(node);
      nodes.set(code, node);
    }
    return node;
  };
  lines.forEach((line, i) =>
    nodeFor(line.functionCode).children!.push({ key: `#${i}`, value: line.amount })
  );
  const rounded = new Map<string, Money>();
  const collect = (node: RoundedNode<string>): void => {
    if (node.key.startsWith("#")) rounded.set(node.key, node.rounded);
    node.children.forEach(collect);
  };
  collect(roundTreeControlled(root, 2));
  return lines.map((line, i) => ({ ...line, amount: rounded.get(`#${i}`) ?? ZERO }));
}

/** The figures of one scope, indexed for the templates. */
interface ScopeFigures {
  figures: BudgetFigures;
  /** "" is the 合计. */
  functionByCode: Map<string, ClassifiedFigures>;
  economicByCode: Map<string, ClassifiedFigures>;
  projectByKey: Map<string, ProjectFigures>;
  /** All project lines together, as one node. */
  projects: ClassifiedFigures;
  /** Sums in integers (aggregateUnits.ts), when the figures were aggregated that way. */
  sum?: ScopedFigures["sum"];
}

/** The rounded figures every table of a disclosure is drawn from. */
export interface PrintedFigures {
  unitNature?: UnitNature;
  scopes: Record<Scope, ScopeFigures>;
}

/** Project money without a project name still belongs in the 项目支出表. */
const UNNAMED_PROJECT = "其他项目";

export function printedFigures(
  figures: Pick<BudgetFigures, "lines" | "unitNature">,
  options: { catalog?: Catalog } = {}
): PrintedFigures {
  const named = figures.lines.map((line) =>
    line.kind === "项目支出" && line.projectName === undefined
      ? { ...plainLine(line), projectName: UNNAMED_PROJECT }
      : line
  );
  // The rounded amounts as integers when the amounts allow: the aggregates read them directly, and
  // the rounded lines are made only if someone reads a scope's lines.
  const rounded = roundedUnits(named);
  let roundedLines: FigureLine[] | undefined;
  const linesRounded = (): FigureLine[] =>
    (roundedLines ??= rounded
      ? named.map((line, i) => withUnits(line, rounded[i], 2))
      : roundLinesControlledDecimal(named));
  const indexed = (
    aggregate: BudgetFigures,
    projects: ClassifiedFigures,
    sum?: ScopedFigures["sum"]
  ): ScopeFigures => ({
    figures: aggregate,
    functionByCode: new Map(aggregate.byFunction.map((node) => [node.code, node])),
    economicByCode: new Map(aggregate.byEconomic.map((node) => [node.code, node])),
    projectByKey: new Map(aggregate.projects.map((project) => [project.key, project])),
    projects,
    ...(sum ? { sum } : {}),
  });
  const aggregateOptions = { unitNature: figures.unitNature, catalog: options.catalog };
  // One pass for the three scopes in integers; the Decimal reference scope by scope otherwise.
  const fast = rounded
    ? aggregateScopesInUnits(named, aggregateOptions, undefined, {
        units: rounded,
        scale: 2,
        lines: linesRounded,
      })
    : aggregateScopesInUnits(linesRounded(), aggregateOptions);
  const scope = (name: ScopeName, subset: (lines: FigureLine[]) => FigureLine[]): ScopeFigures => {
    const scoped = fast?.[name];
    if (scoped) return indexed(scoped.figures, scoped.projects, scoped.sum);
    const lines = subset(linesRounded());
    return indexed(
      aggregateFigures(lines, aggregateOptions),
      aggregateFigures(
        lines.filter((line) => line.kind === "项目支出"),
        { catalog: options.catalog }
      ).byFunction[0]
    );
  };
  const printed: PrintedFigures = {
    scopes: {
      all: scope("all", (lines) => lines),
      current: scope("current", (lines) => lines.filter((line) => !line.carryover)),
      carryover: scope("carryover", (lines) => lines.filter((line) => line.carryover)),
    },
  };
  if (figures.unitNature !== undefined) printed.unitNature = figures.unitNature;
  return printed;
}

// ---------------------------------------------------------------------------------------------
// Figures of rows

type RowRef =
  | { type: "node"; system: "function" | "economic"; code: string }
  | { type: "project"; key: string }
  | { type: "subject"; subject: Subject };

interface SideRow {
  label: string;
  code?: string;
  ref: RowRef;
  /** The row's own figure (single-column sides). */
  key?: FigureKey;
  total: boolean;
  govEconomicName?: string;
}

const THREE_PUBLIC_ITEMS: Record<string, keyof ThreePublicFigures> = {
  "threePublic.total": "total",
  "threePublic.abroad": "abroad",
  "threePublic.vehicle": "vehicle",
  "threePublic.vehiclePurchase": "vehiclePurchase",
  "threePublic.vehicleOperation": "vehicleOperation",
  "threePublic.reception": "reception",
};

const parsedKeys = new Map<FigureKey, ParsedKey>();

function parsed(key: FigureKey): ParsedKey {
  let result = parsedKeys.get(key);
  if (!result) {
    const parse = parseFigureKey(key);
    // The registry test validates every key; a key that does not parse here is a bug.
    if (!parse.ok) throw new Error(`template key: ${parse.reason}`);
    result = parse.key;
    parsedKeys.set(key, result);
  }
  return result;
}

function sumSources(
  bySource: Partial<Record<FundSource, ExpenditureAmounts>>,
  sources: readonly FundSource[],
  measure: Measure
): Money {
  return sources.reduce((sum, s) => sum.plus(bySource[s]?.[measure] ?? ZERO), ZERO);
}

/**
 * The figure a key names on a row; undefined for a cell that holds no figure — and for a 上年
 * figure without last year's, or a rate without a base (上年无此项).
 */
function figureOf(
  printed: PrintedFigures,
  ref: RowRef,
  key: FigureKey,
  prior?: PrintedFigures
): Money | undefined {
  const k = parsed(key);
  if (k.kind === "figure" && k.period !== "current") {
    if (!prior) return undefined;
    const last = yearFigureOf(prior, ref, k);
    if (k.period === "prior") return last;
    const now = yearFigureOf(printed, ref, k);
    if (now === undefined || last === undefined) return undefined;
    if (k.period === "change") return now.minus(last);
    return changeRate(now, last);
  }
  return yearFigureOf(printed, ref, k);
}

function yearFigureOf(printed: PrintedFigures, ref: RowRef, k: ParsedKey): Money | undefined {
  if (k.kind === "none") return undefined;
  if (k.kind === "zero") return ZERO;
  const target: RowRef = k.subject ? { type: "subject", subject: k.subject } : ref;
  const set = printed.scopes[k.scope];
  switch (target.type) {
    case "node": {
      const map = target.system === "function" ? set.functionByCode : set.economicByCode;
      const node = map.get(target.code);
      if (!node) return ZERO;
      return set.sum
        ? set.sum({ system: target.system, code: target.code }, k.sources, k.measure)
        : sumSources(node.bySource, k.sources, k.measure);
    }
    case "project": {
      const project = set.projectByKey.get(target.key);
      if (!project) return ZERO;
      return set.sum
        ? set.sum({ project: target.key }, k.sources, k.measure)
        : sumSources(project.bySource, k.sources, k.measure);
    }
    case "subject": {
      const subject = target.subject;
      if (subject === "none") return undefined;
      if (subject === "grand")
        return set.sum
          ? set.sum({ system: "function", code: "" }, k.sources, k.measure)
          : sumSources(set.functionByCode.get("")!.bySource, k.sources, k.measure);
      if (subject === "projects")
        return set.sum
          ? set.sum("projects", k.sources, k.measure)
          : sumSources(set.projects.bySource, k.sources, k.measure);
      const item = set.figures.threePublic[THREE_PUBLIC_ITEMS[subject]];
      return k.sources.reduce(
        (sum, s) => sum.plus((item.bySource as Partial<Record<FundSource, Money>>)[s] ?? ZERO),
        ZERO
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Rows of a side

interface Context {
  printed: PrintedFigures;
  /** Last year's published figures, for the 上年 / 增减 columns. */
  prior?: PrintedFigures;
  department: LedgerDepartment;
  /** 机关运行经费 of a 事业 unit: the table is printed, empty. */
  suppressed: boolean;
}

function valueOf(ctx: Context, row: SideRow, column: ColumnTemplate): Money | undefined {
  const value = figureOf(ctx.printed, row.ref, row.key ?? column.key!, ctx.prior);
  return ctx.suppressed && value !== undefined ? ZERO : value;
}

/** A 增减率 cell of an item last year did not have (no base, so no rate): 上年无此项. */
function newThisYear(ctx: Context, row: SideRow, column: ColumnTemplate): boolean {
  const k = parsed(row.key ?? column.key!);
  if (!ctx.prior || k.kind !== "figure" || k.period !== "rate") return false;
  const last = yearFigureOf(ctx.prior, row.ref, k) ?? ZERO;
  const now = yearFigureOf(ctx.printed, row.ref, k) ?? ZERO;
  return last.isZero() && !now.isZero();
}

function hasAmount(ctx: Context, row: SideRow, columns: readonly ColumnTemplate[]): boolean {
  return columns.some((c) => !(valueOf(ctx, row, c) ?? ZERO).isZero());
}

/**
 * `{department}`, `{departmentCode}` and `{year}` (with its 年, dropped when the year is unknown).
 * The department line `{departmentCode}{department}` keeps the code apart from the name
 * (`203 中国共产党…`); without a code it says what the name is (`部门名称：…`), so that the line is
 * still read as the department's.
 */
export function fillTokens(text: string, department: LedgerDepartment): string {
  return text
    .replace(/\{departmentCode\}\s*\{department\}/g, () =>
      department.code ? `${department.code} ${department.name}` : `部门名称：${department.name}`
    )
    .replace(/\{department\}/g, department.name)
    .replace(/\{departmentCode\}/g, department.code ?? "")
    .replace(/\{year\}(年?)/g, (_, nian: string) =>
      department.year === undefined ? "" : `${department.year}${nian}`
    );
}

function itemRow(item: ItemRow, department: LedgerDepartment): SideRow {
  const row: SideRow = {
    label: fillTokens(item.label, department),
    ref: { type: "subject", subject: item.subject ?? "grand" },
    total: item.total ?? false,
  };
  if (item.key !== undefined) row.key = item.key;
  return row;
}

function govEconomicName(code: string, unitNature: UnitNature | undefined, catalog: Catalog) {
  const gov = ECONOMIC_TO_GOV_ECONOMIC[code];
  if (!gov || gov.length === 0) return undefined;
  // The first code is the 机关 one; other 事业单位 report under 对事业单位补助 (the last).
  return catalog.name(unitNature === "事业" ? gov[gov.length - 1] : gov[0]);
}

function listRows(
  side: SideTemplate,
  columns: readonly ColumnTemplate[],
  ctx: Context,
  catalog: Catalog
): SideRow[] {
  const source = side.rows;
  const all = ctx.printed.scopes.all;
  switch (source.kind) {
    case "function":
    case "economic": {
      const nodes = source.kind === "function" ? all.figures.byFunction : all.figures.byEconomic;
      const total: SideRow = {
        label: source.totalLabel ?? "合计",
        ref: { type: "node", system: source.kind, code: "" },
        total: true,
      };
      const listed = nodes
        .slice(1)
        .map((node): SideRow => {
          const row: SideRow = {
            label: node.name,
            code: node.code,
            ref: { type: "node", system: source.kind, code: node.code },
            total: false,
          };
          if (source.kind === "economic" && node.level === 2) {
            const name = govEconomicName(node.code, ctx.printed.unitNature, catalog);
            if (name !== undefined) row.govEconomicName = name;
          }
          return row;
        })
        .filter((row) => hasAmount(ctx, row, columns));
      return [total, ...listed];
    }
    case "classes": {
      const known = new Set(source.classes.map(([code]) => code));
      const extra = all.figures.byFunction
        .filter((node) => node.level === 1 && !known.has(node.code))
        .map((node) => [node.code, node.name] as const);
      const trailing = source.classes.findIndex(([code]) => code === "");
      const split = trailing < 0 ? source.classes.length : trailing;
      const classes = [...source.classes.slice(0, split), ...extra, ...source.classes.slice(split)];
      return classes.map(([code, name], i) => ({
        label: `${chineseNumber(i + 1)}、${name}`,
        ref:
          code === ""
            ? { type: "subject", subject: "none" }
            : { type: "node", system: "function", code },
        total: false,
      }));
    }
    case "items":
      return source.rows.map((item) => itemRow(item, ctx.department));
    case "projects": {
      const totals = source.totals.map((label): SideRow => ({
        label: fillTokens(label, ctx.department),
        ref: { type: "subject", subject: "projects" },
        total: true,
      }));
      const projects = all.figures.projects
        .map((project): SideRow => ({
          label: project.name,
          ref: { type: "project", key: project.key },
          total: false,
        }))
        .filter((row) => hasAmount(ctx, row, columns));
      return [...totals, ...projects];
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The sheet

/** Cells and merges of a SheetSpec being drawn; a cell set twice keeps the last value. */
export class SpecBuilder {
  private readonly cells = new Map<string, SpecCell>();
  readonly merges: SpecMerge[] = [];

  set(row: number, col: number, value: SpecCellValue, style: CellStyleName): void {
    this.cells.set(`${row},${col}`, { row, col, value, style });
  }

  text(row: number, col: number, text: string, style: CellStyleName): void {
    this.set(row, col, text === "" ? { kind: "empty" } : { kind: "text", text }, style);
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }

  list(): SpecCell[] {
    return [...this.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  }
}

export const EMPTY: SpecCellValue = { kind: "empty" };

export function amountValue(value: Money | undefined): SpecCellValue {
  return value === undefined ? EMPTY : { kind: "amount", value, decimals: 2 };
}

/** Header cells with their merges: single captions merge down, shared group captions across. */
export function drawHeader(
  sheet: SpecBuilder,
  columns: readonly { caption: readonly string[] }[],
  top: number,
  depth: number,
  department: LedgerDepartment
): void {
  // A cell's identity: the group path it shows, or (for a column's lowest caption, merged down to the
  // bottom) the column itself. Equal neighbours merge.
  const identity = (level: number, c: number): string => {
    const path = columns[c].caption;
    return level < path.length - 1 ? `g:${path.slice(0, level + 1).join("\u0001")}` : `c:${c}`;
  };
  const text = (level: number, c: number): string => {
    const path = columns[c].caption;
    return path[Math.min(level, path.length - 1)];
  };
  const covered = new Set<string>();
  for (let level = 0; level < depth; level++) {
    for (let c = 0; c < columns.length; c++) {
      if (covered.has(`${level},${c}`)) continue;
      const id = identity(level, c);
      let right = c;
      while (right + 1 < columns.length && identity(level, right + 1) === id) right++;
      let bottom = level;
      while (bottom + 1 < depth && identity(bottom + 1, c) === id) bottom++;
      for (let r = level; r <= bottom; r++)
        for (let cc = c; cc <= right; cc++) {
          covered.add(`${r},${cc}`);
          sheet.set(top + r, cc, EMPTY, "header");
        }
      sheet.text(top + level, c, fillTokens(text(level, c), department), "header");
      sheet.merge(top + level, c, top + bottom, right);
    }
  }
}

/** 1-based column, negative from the right, to a 0-based index. */
export const columnAt = (col: number, width: number) => (col < 0 ? width + col : col - 1);

/**
 * The title merged over the table's width, then the meta lines; returns the next free row. A meta
 * cell naming an unknown year or an unknown `extra` token is left out.
 */
export function drawTitleAndMeta(
  sheet: SpecBuilder,
  title: string,
  meta: readonly (readonly MetaCell[])[],
  width: number,
  department: LedgerDepartment,
  extra: Readonly<Record<string, string | undefined>> = {}
): number {
  sheet.text(0, 0, title, "title");
  sheet.merge(0, 0, 0, width - 1);
  let row = 1;
  for (const line of meta) {
    for (const cell of line) {
      if (/\{year\}/.test(cell.text) && department.year === undefined) continue;
      const tokens = [...cell.text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      if (tokens.some((t) => t in extra && extra[t] === undefined)) continue;
      const text = tokens.reduce(
        (t, token) => (extra[token] !== undefined ? t.replace(`{${token}}`, extra[token]!) : t),
        fillTokens(cell.text, department)
      );
      const left = columnAt(cell.col, width);
      sheet.text(row, left, text, cell.align === "right" ? "metaRight" : "meta");
      if (cell.toCol !== undefined) sheet.merge(row, left, row, columnAt(cell.toCol, width));
    }
    row++;
  }
  return row;
}

export interface BuildSheetsOptions {
  /** How zero amounts show (the spec keeps them as amounts; renderers apply this). Default blank. */
  zeroAs?: "blank" | "0.00";
  catalog?: Catalog;
  /**
   * Last year's published figures (previous/read.ts): they fill the 上年, 增减 and 增减率 columns
   * (blank without them), and buildPreviousYearSheets needs them.
   */
  previous?: BudgetFigures;
}

/** One template over printed figures. */
export function buildSheet(
  template: TableTemplate,
  printed: PrintedFigures,
  department: LedgerDepartment,
  options: BuildSheetsOptions = {}
): SheetSpec {
  const catalog = options.catalog ?? Catalog.standard();
  const ctx: Context = {
    printed,
    ...(options.previous ? { prior: printedFigures(options.previous, options) } : {}),
    department,
    suppressed: template.administrativeOnly === true && printed.unitNature === "事业",
  };
  const sideColumns = (s: number) =>
    template.columns.filter((c) => c.role !== "serial" && (c.side ?? 0) === s);
  const amountColumns = (s: number) => sideColumns(s).filter((c) => c.role === "amount");

  const lists = template.sides.map((side, s) => listRows(side, amountColumns(s), ctx, catalog));
  const footers = template.sides.map((side) =>
    (side.footer ?? []).map((item) => (item ? itemRow(item, department) : undefined))
  );
  const everyValue = template.sides.flatMap((_, s) =>
    [...lists[s], ...footers[s]].flatMap((row) =>
      row ? amountColumns(s).map((c) => valueOf(ctx, row, c) ?? ZERO) : []
    )
  );
  const empty = template.empty !== undefined && everyValue.every((v) => v.isZero());
  if (empty && !template.empty!.keepRows) lists.forEach((list) => (list.length = 0));

  const hidden = new Set(
    template.columns.filter(
      (column) =>
        column.hideWhenZero &&
        column.role === "amount" &&
        [...lists[column.side ?? 0], ...footers[column.side ?? 0]].every(
          (row) => !row || (valueOf(ctx, row, column) ?? ZERO).isZero()
        )
    )
  );
  const columns = template.columns.filter((c) => !hidden.has(c));
  const width = columns.length;
  const sheet = new SpecBuilder();

  const title = fillTokens(template.title, department);
  let row = drawTitleAndMeta(sheet, title, template.meta, width, department);

  const headerTop = row;
  const depth = Math.max(...columns.map((c) => c.caption.length));
  drawHeader(sheet, columns, headerTop, depth, department);
  row += depth;
  if (template.columnNumbers) {
    let n = 0;
    columns.forEach((column, c) => {
      const label =
        template.columnNumbers === "labelled" && column.role === "serial" ? "栏次" : String(++n);
      sheet.text(row, c, label, "columnNumber");
    });
    row++;
  }
  const headerRows = row;

  const serialColumn = columns.findIndex((c) => c.role === "serial");
  const place = (r: number, s: number, sideRow: SideRow | undefined): void => {
    const own = columns
      .map((column, c) => ({ column, c }))
      .filter(({ column }) => column.role !== "serial" && (column.side ?? 0) === s);
    const descriptive = own.filter(({ column }) => column.role !== "amount");
    const spans =
      sideRow?.total && template.sides[s].totalLabelAt === "span" && descriptive.length > 1;
    for (const { column, c } of own) {
      if (!sideRow) {
        sheet.set(r, c, EMPTY, column.role === "amount" ? "amount" : "text");
        continue;
      }
      const textStyle: CellStyleName = sideRow.total ? "total" : "text";
      switch (column.role) {
        case "code":
          sheet.text(r, c, spans ? "" : (sideRow.code ?? ""), "code");
          break;
        case "label":
          sheet.text(r, c, spans ? "" : sideRow.label, textStyle);
          break;
        case "govEconomicName":
          sheet.text(r, c, spans ? "" : (sideRow.govEconomicName ?? ""), "text");
          break;
        case "amount":
          if (newThisYear(ctx, sideRow, column)) sheet.text(r, c, "上年无此项", "text");
          else
            sheet.set(
              r,
              c,
              amountValue(valueOf(ctx, sideRow, column)),
              sideRow.total ? "totalAmount" : "amount"
            );
          break;
      }
    }
    if (spans && sideRow) {
      const first = descriptive[0].c;
      sheet.text(r, first, sideRow.label, "total");
      sheet.merge(r, first, r, descriptive[descriptive.length - 1].c);
    }
  };
  const listLength = Math.max(0, ...lists.map((list) => list.length));
  const footerLength = Math.max(0, ...footers.map((footer) => footer.length));
  for (let i = 0; i < listLength + footerLength; i++, row++) {
    if (serialColumn >= 0) sheet.set(row, serialColumn, { kind: "integer", value: i + 1 }, "text");
    template.sides.forEach((_, s) =>
      place(row, s, i < listLength ? lists[s][i] : footers[s][i - listLength])
    );
  }
  if (empty) {
    sheet.text(row, 0, template.empty!.note, "note");
    sheet.merge(row, 0, row, width - 1);
    row++;
  }

  return {
    sheetName: template.sheetName,
    title,
    kind: template.kind,
    rowCount: row,
    columnCount: width,
    cells: sheet.list(),
    merges: sheet.merges,
    columnWidths: columns.map((c) => c.width),
    headerRows,
    printTitleRows: { from: headerTop, to: headerRows - 1 },
    page: {
      orientation: template.orientation ?? (width > 6 ? "landscape" : "portrait"),
      paper: "A4",
      fitToWidth: true,
    },
    zeroAs: options.zeroAs ?? "blank",
  };
}

/**
 * The standard tables of a province's set, drawn from a department's figures: rounded once (see
 * the file comment), then every template of the set in publication order.
 *
 * @example
 * const { ledger } = readLedger(grids);
 * const specs = buildSheets(ledgerFigures(ledger!), ledger!.department, template);
 */
export function buildSheets(
  figures: BudgetFigures,
  department: LedgerDepartment,
  template: TemplateId,
  options: BuildSheetsOptions = {}
): SheetSpec[] {
  const printed = printedFigures(figures, { catalog: options.catalog });
  return TEMPLATES[template].map((t) => buildSheet(t, printed, department, options));
}

/**
 * The tables a province prints only beside last year's (PREVIOUS_YEAR_TEMPLATES: the “三公”
 * comparison form), drawn from this year's figures and last year's; none without last year's.
 * They are unnumbered and go after every numbered table.
 */
export function buildPreviousYearSheets(
  figures: BudgetFigures,
  department: LedgerDepartment,
  template: TemplateId,
  options: BuildSheetsOptions = {}
): SheetSpec[] {
  if (!options.previous) return [];
  const printed = printedFigures(figures, { catalog: options.catalog });
  return (PREVIOUS_YEAR_TEMPLATES[template] ?? []).map((t) =>
    buildSheet(t, printed, department, options)
  );
}
