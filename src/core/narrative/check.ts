/**
 * Checks a 情况说明 against the tables it explains.
 *
 * First, what the tables say, in the terms a 情况说明 uses (`NarrativeFacts`): for each budget
 * term, the figures it may stand for. A term often has several — 基本支出 is 支出总表's 基本支出
 * (with carry-over) and 一般公共预算支出表's (this year's money only); 一般公共预算拨款 is this year's
 * income or, in 财政拨款收支总表, everything spent from it — and a statement agrees when it equals one
 * of them. Then every statement `extractStatements` finds is compared with them, and the text's own
 * arithmetic is redone: a total against the parts listed after it, a change against its parts and
 * its growth rate, a share against the two figures it divides.
 *
 * Severity: a figure that differs from the table is an error; a difference within the rounding
 * tolerance of the figures involved (a total 0.01 off the sum of its rounded parts) is info
 * 舍入差异 with `rounding: true`; a 【请填写：…】 placeholder left in is a warning.
 */
import { cellRef, sameCell } from "../finding";
import type { CellRef, Finding } from "../finding";
import type { BudgetFigures, ClassifiedFigures, ProjectFigures } from "../figures/figures";
import { aggregateFigures } from "../figures/aggregate";
import { roundLinesControlled } from "../format/buildSheets";
import { Money, ZERO, formatMoney, roundMoney, sumMoney } from "../money";
import type { AmountCell, TableRow, TableSide } from "../read/table";
import { compactText, stripOrdinal } from "../read/text";
import type { RecognizedTable, WorkbookModel } from "../read/workbook";
import { compareSum, roundingTolerance } from "../rounding";
import type { TemplateId, UnitNature } from "../model";
import { provinceOf } from "../templates/registry";
import { assetsViews } from "../read/assetsTable";
import { headerPaths } from "../read/header";
import { procurementViews } from "../read/procurementTable";
import type { SangongItem } from "../read/sangongTable";
import { sangongViews } from "../read/sangongTable";
import { classRows, mainSide, tablesOf, totalRow } from "../rules/workbook/access";
import {
  DECOMPOSITIONS,
  decompositionsOf,
  extractStatements,
  isPartOf,
  subjectLabel,
} from "./extract";
import type { Mention, SubjectId } from "./extract";
import { PLACEHOLDER_PATTERN } from "./types";
import type { LastYearFigures, NarrativeInput } from "./types";

/** One published figure a term may stand for. */
export interface FactFigure {
  value: Money;
  /** 表名 and caption, for messages: “支出总表 合计行 基本支出”. */
  label: string;
  /** The cell (支出总表!D6) when the figure is one. */
  ref?: CellRef;
}

export interface NarrativeFacts {
  kind: "narrative-facts";
  figures: Map<SubjectId, FactFigure[]>;
  /** 功能 类 codes with a non-zero amount: a list of 类 is complete when it names all of them. */
  classes: Set<string>;
  /** The projects of the 项目支出表 (this year's), or of the ledger. */
  projectCount?: { value: number; label: string; ref?: CellRef };
  unitNature?: UnitNature;
  /** 机关运行经费 compared with 公用经费 because no 机关运行经费表 was published. */
  agencyFromPublicUse?: boolean;
  /** Last year's figures, where the tables (三公 上年 columns) or the caller give them. */
  lastYear: Map<SubjectId, FactFigure>;
}

export function emptyFacts(): NarrativeFacts {
  return { kind: "narrative-facts", figures: new Map(), classes: new Set(), lastYear: new Map() };
}

function add(facts: NarrativeFacts, subject: SubjectId, figure: FactFigure): void {
  const list = facts.figures.get(subject) ?? [];
  if (
    !list.some(
      (f) =>
        f.ref !== undefined &&
        figure.ref !== undefined &&
        sameCell(f.ref, figure.ref) &&
        f.value.equals(figure.value)
    )
  )
    list.push(figure);
  facts.figures.set(subject, list);
}

/** Is the subject zero in every table that shows it (so a list may leave it out)? */
export function knownZero(facts: NarrativeFacts, subject: SubjectId): boolean {
  const list = facts.figures.get(subject);
  return list !== undefined && list.length > 0 && list.every((f) => f.value.isZero());
}

// ---------------------------------------------------------------------------------------------
// From the published tables

function cellFact(
  table: RecognizedTable,
  cell: AmountCell | undefined,
  label: string
): FactFigure | undefined {
  if (!cell || cell.parsed.kind === "invalid") return undefined;
  return { value: cell.value, label, ref: cellRef(table.table.sheet, cell.address) };
}

function addCell(
  facts: NarrativeFacts,
  subjects: SubjectId[],
  table: RecognizedTable,
  cell: AmountCell | undefined,
  label: string
): void {
  const fact = cellFact(table, cell, label);
  if (fact) for (const s of subjects) add(facts, s, fact);
}

const label = (row: TableRow) => stripOrdinal(compactText(row.label));

/** The income side of a summary table (收支总表, 财政拨款收支总表). */
function summaryIncome(facts: NarrativeFacts, table: RecognizedTable, fiscal: boolean): void {
  const sides = table.table.sides;
  if (sides.length < 2) return;
  const name = table.kind;
  let afterCarryover = false;
  for (const row of sides[0].rows) {
    const text = label(row);
    const cell = row.cells[0];
    const caption = `${name}“${text}”`;
    if (row.role === "item" && !afterCarryover) {
      if (/一般公共预算/.test(text)) addCell(facts, ["general"], table, cell, caption);
      else if (/政府性基金/.test(text)) addCell(facts, ["fund"], table, cell, caption);
      else if (/国有资本经营/.test(text)) addCell(facts, ["stateCapital"], table, cell, caption);
      else if (/财政专户/.test(text)) addCell(facts, ["specialAccount"], table, cell, caption);
      else if (/单位资金/.test(text)) addCell(facts, ["unitFunds"], table, cell, caption);
    } else if (row.role === "total") {
      addCell(
        facts,
        fiscal ? ["fiscalIncome", "currentIncome"] : ["currentIncome"],
        table,
        cell,
        caption
      );
    } else if (row.role === "balance") {
      if (/收入总计|总计/.test(text)) {
        addCell(
          facts,
          fiscal ? ["fiscalTotal", "fiscalIncome"] : ["incomeTotal", "budgetTotal"],
          table,
          cell,
          caption
        );
      } else if (/结转|结余/.test(text) && !afterCarryover) {
        addCell(facts, ["carryover"], table, cell, caption);
        afterCarryover = true;
      }
    }
  }
}

/** The expenditure side of a summary table: 类 rows, 本年支出合计, 支出总计, by column. */
function summaryExpenditure(facts: NarrativeFacts, table: RecognizedTable, fiscal: boolean): void {
  const side = mainSide(table);
  if (!side || table.table.sides.length < 2) return;
  const name = table.kind;
  const yearEnd = side.rows.find((r) => r.role === "balance" && /年终|年末/.test(label(r)));
  const noYearEnd = !yearEnd || yearEnd.cells.every((c) => c.value.isZero());
  for (const [code, row] of classRows(side)) {
    side.captions.forEach((caption, i) =>
      addCell(facts, [`class:${code}`], table, row.cells[i], `${name}“${label(row)}”${caption}`)
    );
  }
  for (const row of side.rows) {
    const text = label(row);
    const isTotal = row.role === "total";
    const isGrand = row.role === "balance" && /总计/.test(text);
    if (!isTotal && !isGrand) continue;
    side.captions.forEach((caption, i) => {
      const cell = row.cells[i];
      const where = `${name}“${text}”${caption}`;
      if (i === 0) {
        if (fiscal) addCell(facts, ["fiscalTotal", "fiscalIncome"], table, cell, where);
        else if (isGrand || noYearEnd)
          addCell(facts, ["expenditureTotal", "budgetTotal"], table, cell, where);
      }
      if (/当年|本年/.test(caption)) addCell(facts, ["currentIncome"], table, cell, where);
      else if (/上年结转/.test(caption)) addCell(facts, ["carryover"], table, cell, where);
      else if (i > 0 && /一般公共预算/.test(caption))
        addCell(facts, ["general", "generalExpenditure"], table, cell, where);
      else if (i > 0 && /政府性基金/.test(caption)) addCell(facts, ["fund"], table, cell, where);
      else if (i > 0 && /国有资本经营/.test(caption))
        addCell(facts, ["stateCapital"], table, cell, where);
    });
  }
}

function incomeTable(facts: NarrativeFacts, table: RecognizedTable): void {
  const side = table.table.sides[0];
  const total = side ? totalRow(side) : undefined;
  if (!side || !total) return;
  const carryColumn = side.captions.findIndex((c) => /上年结转/.test(c));
  const firstIncludesCarryover = side.relations.some(
    (r) => r.total === 0 && r.parts.includes(carryColumn)
  );
  side.captions.forEach((caption, i) => {
    const where = `收入总表合计行“${caption}”`;
    const cell = total.cells[i];
    if (i === 0)
      addCell(
        facts,
        firstIncludesCarryover ? ["incomeTotal"] : ["currentIncome"],
        table,
        cell,
        where
      );
    else if (/上年结转/.test(caption)) addCell(facts, ["carryover"], table, cell, where);
    else if (/小计/.test(caption)) addCell(facts, ["currentIncome"], table, cell, where);
    else if (/一般公共预算/.test(caption)) addCell(facts, ["general"], table, cell, where);
    else if (/财政拨款/.test(caption))
      addCell(facts, ["general", "fiscalIncome"], table, cell, where);
    else if (/政府性基金/.test(caption)) addCell(facts, ["fund"], table, cell, where);
    else if (/国有资本经营/.test(caption)) addCell(facts, ["stateCapital"], table, cell, where);
    else if (/财政专户/.test(caption)) addCell(facts, ["specialAccount"], table, cell, where);
    else if (/单位资金/.test(caption)) addCell(facts, ["unitFunds"], table, cell, where);
  });
  // Each 类's income this year: what it spends of this year's money (一般公共预算当年支出 by 类).
  const current = side.captions
    .map((caption, i) => ({ caption, i }))
    .filter(({ caption, i }) => i === 0 || /小计|一般公共预算|财政拨款/.test(caption));
  for (const [code, row] of classRows(side))
    for (const { caption, i } of current)
      addCell(facts, [`class:${code}`], table, row.cells[i], `收入总表“${label(row)}”${caption}`);
}

/** 支出总表 and 一般公共预算支出表: 合计 row by column, and each 类's 合计. */
function expenditureList(facts: NarrativeFacts, table: RecognizedTable, general: boolean): void {
  const side = table.table.sides[0];
  const total = side ? totalRow(side) : undefined;
  if (!side || !total) return;
  const name = table.kind;
  side.captions.forEach((caption, i) => {
    const where = `${name}合计行“${caption}”`;
    const cell = total.cells[i];
    if (i === 0) {
      if (general) {
        const subjects: SubjectId[] = ["generalExpenditure", "departmentFunds"];
        if (table.carryover !== "excluded") subjects.push("general");
        addCell(facts, subjects, table, cell, where);
      } else
        addCell(facts, ["expenditureTotal", "budgetTotal", "departmentFunds"], table, cell, where);
    } else if (/基本支出/.test(caption)) addCell(facts, ["basic"], table, cell, where);
    else if (/项目支出/.test(caption)) addCell(facts, ["project"], table, cell, where);
  });
  for (const [code, row] of classRows(side)) {
    addCell(facts, [`class:${code}`], table, row.cells[0], `${name}“${label(row)}”合计`);
    if (!general && !row.cells[0].value.isZero()) facts.classes.add(code);
  }
}

function basicTable(facts: NarrativeFacts, table: RecognizedTable): void {
  const side = table.table.sides[0];
  const total = side ? totalRow(side) : undefined;
  if (!side || !total) return;
  side.captions.forEach((caption, i) => {
    const where = `基本支出表合计行“${caption}”`;
    if (i === 0) addCell(facts, ["basic"], table, total.cells[i], where);
    else if (/人员/.test(caption)) addCell(facts, ["personnel"], table, total.cells[i], where);
    else if (/公用/.test(caption)) addCell(facts, ["publicUse"], table, total.cells[i], where);
  });
}

const SANGONG_SUBJECTS: Record<SangongItem, SubjectId> = {
  total: "threePublic",
  abroad: "abroad",
  vehicle: "vehicle",
  purchase: "vehiclePurchase",
  operation: "vehicleOperation",
  reception: "reception",
};

function sangong(facts: NarrativeFacts, model: WorkbookModel): void {
  for (const view of sangongViews(model)) {
    const current = view.measures.findIndex((m) => m.period === "amount" || m.period === "current");
    const prior = view.measures.findIndex((m) => m.period === "prior");
    const seen = new Set<SangongItem>();
    for (const line of view.lines) {
      if (seen.has(line.item)) continue;
      seen.add(line.item);
      const subject = SANGONG_SUBJECTS[line.item];
      const where = `${view.table.sheet}“${line.label}”`;
      const cell = current >= 0 ? line.cells[current] : undefined;
      if (cell && cell.parsed.kind !== "invalid")
        add(facts, subject, {
          value: cell.value,
          label: where,
          ref: cellRef(view.table.sheet, cell.address),
        });
      const priorCell = prior >= 0 ? line.cells[prior] : undefined;
      if (priorCell && priorCell.parsed.kind === "amount")
        facts.lastYear.set(subject, {
          value: priorCell.value,
          label: `${where}${view.measures[prior].caption}`,
          ref: cellRef(view.table.sheet, priorCell.address),
        });
    }
  }
}

function projectTables(facts: NarrativeFacts, model: WorkbookModel): void {
  const tables = tablesOf(model, "项目支出表");
  let sum = ZERO;
  let counted = 0;
  for (const table of tables) {
    const side = table.table.sides[0];
    const total = side ? totalRow(side) : undefined;
    if (!side || !total) continue;
    const where = `${table.table.sheet}合计`;
    if (table.carryover !== "only") addCell(facts, ["project"], table, total.cells[0], where);
    sum = sum.plus(total.cells[0].value);
    counted++;
    if (table.carryover !== "only") {
      const items = side.rows.filter((r) => r.role === "item" && r.label !== "");
      facts.projectCount = {
        value: (facts.projectCount?.value ?? 0) + items.length,
        label: `${table.table.sheet}所列项目`,
        ref: cellRef(table.table.sheet, items[0]?.address ?? total.address),
      };
    }
  }
  if (counted > 1) add(facts, "project", { value: sum, label: "各项目支出表合计之和" });
}

function procurement(facts: NarrativeFacts, model: WorkbookModel): void {
  for (const view of procurementViews(model)) {
    const total = view.rows.find((r) => r.role === "total");
    const amount = view.columns.amount;
    const items = view.rows.filter((r) => r.role === "item");
    const sheet = view.table.sheet;
    if (total) {
      const cell = total.cells.get(amount);
      if (cell)
        add(facts, "procurement", {
          value: cell.value,
          label: `${sheet}合计`,
          ref: cellRef(sheet, cell.address),
        });
    } else if (items.length > 0) {
      const value = items.reduce((s, r) => s.plus(r.cells.get(amount)?.value ?? ZERO), ZERO);
      add(facts, "procurement", { value, label: `${sheet}各行合计` });
    }
    // 货物 / 工程 / 服务 from the 政府采购目录 code: A… goods, B… works, C… services.
    const paths = headerPaths(view.table);
    const catalogColumn = paths.findIndex((p) => p.some((c) => /目录/.test(c)));
    if (catalogColumn < 0 || items.length === 0) continue;
    const sums: Record<"A" | "B" | "C", Money> = { A: ZERO, B: ZERO, C: ZERO };
    let complete = true;
    for (const row of items) {
      const code = compactText(view.table.grid.values[row.gridRow]?.[catalogColumn]).toUpperCase();
      const letter = code.charAt(0) as "A" | "B" | "C";
      if (!(letter in sums)) {
        complete = false;
        continue;
      }
      sums[letter] = sums[letter].plus(row.cells.get(amount)?.value ?? ZERO);
    }
    if (!complete) continue;
    add(facts, "procurementGoods", { value: sums.A, label: `${sheet}中目录为A（货物）的金额` });
    add(facts, "procurementWorks", { value: sums.B, label: `${sheet}中目录为B（工程）的金额` });
    add(facts, "procurementServices", { value: sums.C, label: `${sheet}中目录为C（服务）的金额` });
  }
}

function assets(facts: NarrativeFacts, model: WorkbookModel): void {
  for (const view of assetsViews(model)) {
    const column = view.columns.find((c) => c.kind === "value");
    const cell = view.total && column ? view.total.row.cells[column.index] : undefined;
    if (cell && cell.parsed.kind !== "invalid")
      add(facts, "assets", {
        value: cell.value,
        label: `${view.table.sheet}“${view.total!.label}”${column!.caption}`,
        ref: cellRef(view.table.sheet, cell.address),
      });
  }
}

function agencyOperating(facts: NarrativeFacts, model: WorkbookModel): void {
  for (const table of tablesOf(model, "机关运行经费表")) {
    const side: TableSide | undefined = table.table.sides[0];
    const row = side ? (totalRow(side) ?? side.rows[0]) : undefined;
    if (row) addCell(facts, ["agencyOperating"], table, row.cells[0], `${table.table.sheet}合计`);
  }
  if (!facts.figures.has("agencyOperating") && facts.unitNature !== "事业") {
    for (const f of facts.figures.get("publicUse") ?? [])
      add(facts, "agencyOperating", { ...f, label: `${f.label}（机关运行经费即公用经费）` });
    if (facts.figures.has("agencyOperating")) facts.agencyFromPublicUse = true;
  }
}

/** Combined terms: 部门预算资金 is this year's money (or all of it); 财政拨款收入 likewise. */
function derived(facts: NarrativeFacts): void {
  for (const s of ["currentIncome", "incomeTotal"] as SubjectId[])
    for (const f of facts.figures.get(s) ?? []) add(facts, "departmentFunds", f);
  for (const s of ["expenditureTotal", "incomeTotal"] as SubjectId[])
    for (const f of facts.figures.get(s) ?? []) add(facts, "budgetTotal", f);
  for (const f of facts.figures.get("fiscalTotal") ?? []) add(facts, "fiscalIncome", f);
  // A budget spends all of this year's 一般公共预算 income: 一般公共预算当年支出 is that income.
  for (const f of facts.figures.get("general") ?? []) add(facts, "generalExpenditure", f);
}

/** The figures of a workbook of published tables, by budget term. */
export function factsFromModel(model: WorkbookModel, unitNature?: UnitNature): NarrativeFacts {
  const facts = emptyFacts();
  if (unitNature) facts.unitNature = unitNature;
  for (const table of model.tables) {
    switch (table.kind) {
      case "收支总表":
        summaryIncome(facts, table, false);
        summaryExpenditure(facts, table, false);
        break;
      case "财政拨款收支总表":
        summaryIncome(facts, table, true);
        summaryExpenditure(facts, table, true);
        break;
      case "收入总表":
        incomeTable(facts, table);
        break;
      case "支出总表":
        expenditureList(facts, table, false);
        break;
      case "一般公共预算支出表":
        expenditureList(facts, table, true);
        break;
      case "基本支出表":
        basicTable(facts, table);
        break;
      default:
        break;
    }
  }
  if (facts.classes.size === 0) {
    // No 支出总表: the 类 of 收支总表 (or 一般公共预算支出表) with an amount.
    for (const [subject, list] of facts.figures)
      if (subject.startsWith("class:") && list.some((f) => !f.value.isZero()))
        facts.classes.add(subject.slice(6));
  }
  sangong(facts, model);
  projectTables(facts, model);
  procurement(facts, model);
  assets(facts, model);
  agencyOperating(facts, model);
  derived(facts);
  return facts;
}

// ---------------------------------------------------------------------------------------------
// From ledger figures (what the derived tables will print)

/** The figures the derived tables print: lines rounded once, with controlled rounding. */
export function printedFigures(figures: BudgetFigures): BudgetFigures {
  return aggregateFigures(roundLinesControlled(figures.lines), { unitNature: figures.unitNature });
}

/** Projects that have money this year (a ledger lists no empty ones, but a figure set may). */
export function fundedProjects(figures: BudgetFigures): ProjectFigures[] {
  return figures.projects.filter((p) => !p.amounts.total.isZero());
}

/**
 * The projects a template's 项目支出表 lists, with the amount it prints for each: the province's
 * `projectTableMeasure` (Shanxi's 表12 this year's money only, carried-over projects are in 表13;
 * the others all of a project's money).
 * The 情况说明 counts projects so, and the checker counts them so against figures.
 */
export function listedProjects(
  figures: BudgetFigures,
  template?: TemplateId
): { project: ProjectFigures; amount: Money }[] {
  const measure = template ? provinceOf(template).projectTableMeasure : "total";
  return figures.projects
    .map((project) => ({ project, amount: project.amounts[measure] }))
    .filter((p) => !p.amount.isZero());
}

/**
 * The figures of a ledger, as its derived tables would print them, by budget term; `template`
 * decides which projects its 项目支出表 counts.
 */
export function factsFromFigures(figures: BudgetFigures, template?: TemplateId): NarrativeFacts {
  const f = printedFigures(figures);
  const facts = emptyFacts();
  if (f.unitNature) facts.unitNature = f.unitNature;
  const put = (subject: SubjectId, value: Money, what: string) =>
    add(facts, subject, { value, label: what });
  const grand: ClassifiedFigures = f.byFunction[0];
  const general = grand.bySource["一般公共预算"];
  put("incomeTotal", f.income.total, "收入总计");
  put("expenditureTotal", f.expenditure.total, "支出总计");
  put("currentIncome", f.income.current, "本年收入合计");
  put("currentIncome", f.income.fiscalCurrent, "财政拨款本年收入合计");
  put("carryover", f.income.carryover, "上年结转");
  put("carryover", f.income.fiscalCarryover, "年初财政拨款结转和结余");
  put("fiscalIncome", f.income.fiscalCurrent, "财政拨款本年收入");
  put("fiscalTotal", f.income.fiscalCurrent.plus(f.income.fiscalCarryover), "财政拨款收入总计");
  put("general", f.income.currentBySource["一般公共预算"], "一般公共预算拨款收入");
  put("general", general.total, "一般公共预算财政拨款支出");
  put("generalExpenditure", general.total, "一般公共预算财政拨款支出");
  put("generalExpenditure", general.current, "一般公共预算当年支出");
  put("fund", f.income.currentBySource["政府性基金"], "政府性基金预算拨款收入");
  put("fund", grand.bySource["政府性基金"].total, "政府性基金预算财政拨款支出");
  put("stateCapital", f.income.currentBySource["国有资本经营"], "国有资本经营预算拨款收入");
  put("stateCapital", grand.bySource["国有资本经营"].total, "国有资本经营预算财政拨款支出");
  put("specialAccount", f.income.currentBySource["财政专户"], "财政专户管理资金收入");
  put("unitFunds", f.income.unitFundsCurrent, "单位资金");
  put("basic", f.expenditure.basic, "基本支出");
  put("basic", general.basic, "一般公共预算基本支出");
  put("personnel", general.personnel, "一般公共预算基本支出人员经费");
  put("personnel", f.expenditure.personnel, "人员经费");
  put("publicUse", general.publicUse, "一般公共预算基本支出公用经费");
  put("publicUse", f.expenditure.publicUse, "公用经费");
  put("project", f.expenditure.project, "项目支出");
  put("project", general.project, "一般公共预算项目支出");
  put("project", sumMoney(f.projects.map((p) => p.amounts.current)), "本年项目支出");
  const t = f.threePublic;
  put("threePublic", t.total.total, "“三公”经费合计");
  put("abroad", t.abroad.total, "因公出国（境）费");
  put("vehicle", t.vehicle.total, "公务用车购置及运维费");
  put("vehiclePurchase", t.vehiclePurchase.total, "公务用车购置费");
  put("vehicleOperation", t.vehicleOperation.total, "公务用车运行维护费");
  put("reception", t.reception.total, "公务接待费");
  if (f.agencyOperating) put("agencyOperating", f.agencyOperating, "机关运行经费");
  for (const node of f.byFunction) {
    if (node.level !== 1) continue;
    put(`class:${node.code}`, node.all.total, `${node.name}合计`);
    put(`class:${node.code}`, node.bySource["一般公共预算"].total, `${node.name}一般公共预算`);
    put(
      `class:${node.code}`,
      node.bySource["一般公共预算"].current,
      `${node.name}一般公共预算当年`
    );
    if (!node.all.total.isZero()) facts.classes.add(node.code);
  }
  facts.projectCount = { value: listedProjects(f, template).length, label: "预算明细中的项目" };
  derived(facts);
  return facts;
}

// ---------------------------------------------------------------------------------------------
// Checking

export interface CheckNarrativeOptions {
  unitNature?: UnitNature;
  /** The layout the figures are published in (checking against figures): how projects are counted. */
  template?: TemplateId;
  /** Last year's figures, for the 比上年 statements. */
  lastYear?: LastYearFigures;
}

const RULE = {
  amount: "narrative.amount",
  sum: "narrative.sum",
  share: "narrative.share",
  rate: "narrative.rate",
  change: "narrative.change",
  count: "narrative.count",
  none: "narrative.none",
  placeholder: "narrative.placeholder",
} as const;

export const NARRATIVE_RULE_IDS: readonly string[] = Object.values(RULE);

type Status = "exact" | "rounding" | "mismatch";

const show = (value: Money) => formatMoney(value);
const showPercent = (value: Money) => `${value.toFixed(2)}%`;

/** A part is listed once per subject (项目类别 by their names). */
const partKey = (m: Mention) =>
  m.subject === "projectCategory" ? `${m.subject}:${m.subjectText}` : (m.subject ?? "");

/** Terms whose figures a stated amount is compared with (inherited subjects excepted). */
function tableSubject(m: Mention): SubjectId | undefined {
  if (!m.subject) return undefined;
  if (m.subject === "projectsManaged") return m.kind === "amount" ? "project" : undefined;
  if (
    ["goalsPublished", "projectCategory", "assetPurchase", "purchasedServices"].includes(m.subject)
  )
    return undefined;
  return m.subject;
}

class NarrativeChecker {
  readonly findings: Finding[] = [];
  readonly mentions: Mention[];
  /** Paragraph index → scope id (a paragraph ending in 其中： continues into the next ones). */
  readonly scopes: number[];

  constructor(
    readonly paragraphs: readonly NarrativeInput[],
    readonly facts: NarrativeFacts
  ) {
    this.mentions = extractStatements(paragraphs);
    this.scopes = scopesOf(paragraphs.map((p) => p.text));
  }

  /** The finding's place: the row's cell, or “情况说明第N段” in the message. */
  push(
    ruleId: string,
    severity: Finding["severity"],
    paragraph: number,
    message: string,
    extra: Partial<Finding> = {}
  ): void {
    const input = this.paragraphs[paragraph];
    const place = input.location ?? `情况说明第${paragraph + 1}段`;
    const finding: Finding = {
      ruleId,
      severity,
      message: input.sheet && input.cell ? message : `${place}：${message}`,
      ...extra,
    };
    if (input.sheet) finding.sheet = input.sheet;
    if (input.cell) finding.cell = input.cell;
    this.findings.push(finding);
  }

  inScope(m: Mention): Mention[] {
    const scope = this.scopes[m.paragraph];
    return this.mentions.filter((x) => this.scopes[x.paragraph] === scope);
  }

  /** Quote of a statement: its term and number as written. */
  quote(m: Mention): string {
    if (m.subjectFrom === "term" && m.subjectText) return `“${m.subjectText}${m.written}”`;
    const lead = m.lead.replace(/^(?:其中|其|主要包括|包括)/, "");
    return `“${lead.length > 16 ? `…${lead.slice(-16)}` : lead}${m.written}”`;
  }

  // -- stated amounts vs the tables --------------------------------------------------------------

  compare(stated: Mention, figure: FactFigure): Status {
    const diff = stated.value.minus(figure.value).abs();
    if (diff.isZero()) return "exact";
    // More decimals than the table (11.2016万元 for 11.20): the table shows it rounded.
    if (stated.decimals > 2 && roundMoney(stated.value, 2).equals(figure.value)) return "exact";
    // Fewer decimals (30万元 for 30.40): the table figure rounded, a rounding difference.
    if (stated.decimals < 2 && roundMoney(figure.value, stated.decimals).equals(stated.value))
      return "rounding";
    return diff.lessThanOrEqualTo(roundingTolerance(1)) ? "rounding" : "mismatch";
  }

  /** The table figure a statement stands for: the one it equals, else the nearest. */
  best(m: Mention, subject: SubjectId | undefined = tableSubject(m)): FactFigure | undefined {
    if (!subject) return undefined;
    const list = this.facts.figures.get(subject);
    if (!list || list.length === 0) return undefined;
    const preferred = list.filter((f) => m.qualifiers.some((q) => f.label.includes(q)));
    const pool = [...preferred, ...list];
    return pool.reduce((a, b) =>
      m.value.minus(b.value).abs().lessThan(m.value.minus(a.value).abs()) ? b : a
    );
  }

  amounts(): void {
    for (const m of this.mentions) {
      if (m.kind !== "amount" || m.role !== "level") continue;
      const subject = tableSubject(m);
      if (!subject || (m.subjectFrom !== "term" && subject !== "project")) continue;
      if (subject === "agencyOperating" && this.facts.unitNature === "事业") continue;
      const figure = this.best(m, subject);
      if (!figure) continue;
      const status = this.compare(m, figure);
      if (status === "exact") continue;
      const rounding = status === "rounding";
      const guessed = subject === "agencyOperating" && this.facts.agencyFromPublicUse;
      const severity = rounding ? "info" : guessed && !this.facts.unitNature ? "warning" : "error";
      this.push(
        RULE.amount,
        severity,
        m.paragraph,
        `${rounding ? "舍入差异：" : ""}文中${this.quote(m)}，而${figure.label}为 ${show(figure.value)} 万元` +
          (rounding ? "，在四舍五入允许范围内。" : "，二者不一致。"),
        {
          expected: figure.value.toFixed(2),
          actual: m.value.toFixed(Math.max(m.decimals, 2)),
          ...(figure.ref ? { related: [figure.ref] } : {}),
          ...(rounding ? { rounding: true } : {}),
        }
      );
    }
  }

  // -- a whole and the parts listed after it ------------------------------------------------------

  /** The nearest statement before `m` (in its scope, same role and kind) that `m` is a part of. */
  wholeOf(m: Mention, role: Mention["role"], kinds: Mention["kind"][]): Mention | undefined {
    if (!m.subject) return undefined;
    const scope = this.inScope(m).filter(
      (x) => x.index < m.index && x.role === role && kinds.includes(x.kind) && x.subject
    );
    for (let i = scope.length - 1; i >= 0; i--) {
      const h = scope[i];
      if (h.kind !== m.kind) continue;
      if (decompositionsOf(h.subject!, m.subject).length > 0) return h;
    }
    return undefined;
  }

  /** Each whole against the parts listed after it, where the list is complete. */
  sums(role: "level" | "change"): void {
    const groups = new Map<number, Mention[]>();
    for (const m of this.mentions) {
      if (m.role !== role || !m.subject || m.kind === "percent") continue;
      const whole = this.wholeOf(m, role, ["amount", "count"]);
      if (!whole) continue;
      const list = groups.get(whole.index) ?? [];
      if (!list.some((x) => partKey(x) === partKey(m))) list.push(m);
      groups.set(whole.index, list);
    }
    for (const [wholeIndex, assigned] of groups) {
      const whole = this.mentions[wholeIndex];
      for (const d of DECOMPOSITIONS.filter((x) => x.wholes.includes(whole.subject!))) {
        const parts = assigned.filter((p) => isPartOf(p.subject!, d));
        if (parts.length < 2) continue;
        if (d.parts === "class") {
          const listed = new Set(parts.map((p) => p.subject!.slice(6)));
          if (this.facts.classes.size === 0 || [...this.facts.classes].some((c) => !listed.has(c)))
            continue;
        } else if (d.parts !== "category") {
          const missing = d.parts.filter((s) => !parts.some((p) => p.subject === s));
          if (missing.some((s) => !knownZero(this.facts, s))) continue;
        }
        this.sumFinding(whole, parts, role);
      }
    }
  }

  sumFinding(whole: Mention, parts: Mention[], role: "level" | "change"): void {
    const unit = whole.kind === "count" ? "个" : "万元";
    const names = parts.map((p) => p.subjectText ?? subjectLabel(p.subject!)).join("、");
    if (whole.kind === "count") {
      if (whole.subject === "goalsPublished" || whole.subject === "projectsManaged") return; // counts()
      const total = parts.reduce((s, p) => s.plus(p.value), ZERO);
      if (total.equals(whole.value)) return;
      this.push(
        RULE.sum,
        "error",
        whole.paragraph,
        `文中${this.quote(whole)}，其下所列${names}合计 ${total.toFixed(0)} ${unit}，二者不一致。`,
        { expected: total.toFixed(0), actual: whole.value.toFixed(0) }
      );
      return;
    }
    const comparison = compareSum(
      whole.value,
      parts.map((p) => p.value)
    );
    if (comparison.agreement === "exact") return;
    const rounding = comparison.agreement === "rounding";
    const sum =
      role === "change"
        ? `的增减额合计为${changeText(comparison.expected)}`
        : `的金额合计为 ${show(comparison.expected)} 万元`;
    this.push(
      RULE.sum,
      rounding ? "info" : "error",
      whole.paragraph,
      `${rounding ? "舍入差异：" : ""}文中${this.quote(whole)}，而其后所列${names}${sum}，相差 ${show(comparison.difference)} 万元` +
        (rounding ? "，在四舍五入允许范围内。" : "。"),
      {
        expected: comparison.expected.toFixed(2),
        actual: whole.value.toFixed(2),
        ...(rounding ? { rounding: true } : {}),
      }
    );
  }

  /** 以上…合计: itemised changes (projects) against the subtotals the text states. */
  itemisedChanges(): void {
    const byScope = new Map<number, Mention[]>();
    for (const m of this.mentions) {
      if (m.role !== "change" || m.kind !== "amount") continue;
      const scope = this.scopes[m.paragraph];
      byScope.set(scope, [...(byScope.get(scope) ?? []), m]);
    }
    for (const changes of byScope.values()) {
      let items: Mention[] = [];
      let subtotals: Mention[] = [];
      for (const m of changes) {
        if (m.subtotal) {
          const parts = items.length > 0 ? items : subtotals.length >= 2 ? subtotals : [];
          if (parts.length > 0) this.subtotalFinding(m, parts, items.length === 0);
          if (items.length > 0) subtotals.push(m);
          else subtotals = [];
          items = [];
        } else if (!m.subject) items.push(m);
        else {
          items = [];
          subtotals = [];
        }
      }
    }
  }

  subtotalFinding(total: Mention, parts: Mention[], ofSubtotals: boolean): void {
    const comparison = compareSum(
      total.value,
      parts.map((p) => p.value)
    );
    if (comparison.agreement === "exact") return;
    const rounding = comparison.agreement === "rounding";
    const listed = parts.map((p) => changeText(p.value)).join("、");
    this.push(
      RULE.change,
      rounding ? "info" : "error",
      total.paragraph,
      `${rounding ? "舍入差异：" : ""}文中${ofSubtotals ? "以上合计" : "合计"}${changeText(total.value)}，而所列${ofSubtotals ? "各小计" : `${parts.length}项`}（${listed}）相加为${changeText(comparison.expected)}` +
        (rounding ? "，在四舍五入允许范围内。" : "，二者不一致。"),
      {
        expected: comparison.expected.toFixed(2),
        actual: total.value.toFixed(2),
        ...(rounding ? { rounding: true } : {}),
      }
    );
  }

  /** 比上年增减 against last year's figures, where known. */
  changesVsLastYear(): void {
    for (const m of this.mentions) {
      if (m.role !== "change" || m.kind !== "amount" || !m.subject || m.subtotal) continue;
      const last = this.facts.lastYear.get(m.subject);
      if (!last) continue;
      // This year's figure: the one the sentence states, else any the tables give for the term.
      const level = m.of !== undefined ? this.mentions[m.of] : undefined;
      const stated = level ? this.best(level) : undefined;
      const candidates = stated ? [stated] : (this.facts.figures.get(m.subject) ?? []);
      if (candidates.length === 0) continue;
      const tried = candidates.map((figure) => {
        const expected = figure.value.minus(last.value);
        return { current: figure, expected, comparison: compareSum(m.value, [expected]) };
      });
      const rank = { exact: 0, rounding: 1, mismatch: 2 } as const;
      const { current, expected, comparison } = tried.reduce((a, b) =>
        rank[b.comparison.agreement] < rank[a.comparison.agreement] ? b : a
      );
      if (comparison.agreement === "exact") continue;
      const rounding = comparison.agreement === "rounding";
      this.push(
        RULE.change,
        rounding ? "info" : "error",
        m.paragraph,
        `${rounding ? "舍入差异：" : ""}文中${subjectLabel(m.subject)}比上年${changeText(m.value)}，而本年 ${show(current.value)} 万元、上年 ${show(last.value)} 万元，应为${changeText(expected)}` +
          (rounding ? "，在四舍五入允许范围内。" : "。"),
        {
          expected: expected.toFixed(2),
          actual: m.value.toFixed(2),
          related: [current.ref, last.ref].filter((r): r is CellRef => r !== undefined),
          ...(rounding ? { rounding: true } : {}),
        }
      );
    }
  }

  /** Last year's figure the text states beside this year's `level` (较上年2.08万元…), if any. */
  statedPrior(level: Mention | undefined): Mention | undefined {
    if (!level) return undefined;
    return this.mentions.find((x) => x.role === "prior" && x.of === level.index);
  }

  /** 增减 = 本年 − 上年 where the text states both years' figures itself. */
  changesVsStatedPrior(): void {
    for (const m of this.mentions) {
      if (m.role !== "change" || m.kind !== "amount" || m.of === undefined || m.subtotal) continue;
      const level = this.mentions[m.of];
      const prior = this.statedPrior(level);
      if (!prior) continue;
      const expected = level.value.minus(prior.value);
      const comparison = compareSum(m.value, [expected]);
      if (comparison.agreement === "exact") continue;
      const rounding = comparison.agreement === "rounding";
      this.push(
        RULE.change,
        rounding ? "info" : "error",
        m.paragraph,
        `${rounding ? "舍入差异：" : ""}文中${this.quote(level)}、上年${prior.written}，本年减上年应为${changeText(expected)}，而文中写的是${changeText(m.value)}` +
          (rounding ? "，在四舍五入允许范围内。" : "。"),
        {
          expected: expected.toFixed(2),
          actual: m.value.toFixed(2),
          ...(rounding ? { rounding: true } : {}),
        }
      );
    }
  }

  // -- percentages ---------------------------------------------------------------------------------

  /** A figure for a ratio: the table figure the statement stands for, else what it states. */
  ratioValue(m: Mention): Money {
    const figure = this.best(m);
    return figure ? figure.value : m.value;
  }

  rates(): void {
    for (const r of this.mentions) {
      if (r.role !== "rate" || r.of === undefined) continue;
      const change = this.mentions[r.of];
      const level =
        change.of !== undefined
          ? this.mentions[change.of]
          : this.inScope(change)
              .filter(
                (x) => x.index < change.index && x.role === "level" && x.subject === change.subject
              )
              .pop();
      const current = level
        ? level.value
        : change.subject
          ? this.facts.figures.get(change.subject)?.[0]?.value
          : undefined;
      if (!current) continue;
      // Last year's figure as the text states it (then the rate follows the two years' figures,
      // and a wrong 增减 is changesVsStatedPrior's finding), else this year's less the change.
      const stated = this.statedPrior(level)?.value;
      const prior = stated ?? current.minus(change.value);
      if (prior.isZero() || prior.isNegative()) continue;
      const exact = (stated ? current.minus(stated) : change.value).dividedBy(prior).times(100);
      const status = percentStatus(r, exact);
      if (status === "exact") continue;
      const rounding = status === "rounding";
      this.push(
        RULE.rate,
        rounding ? "info" : "error",
        r.paragraph,
        `${rounding ? "舍入差异：" : ""}文中${changeText(change.value)}、${rateText(r.value)}，按本年 ${show(current)} 万元、上年 ${show(prior)} 万元计算应为${rateText(roundMoney(exact, 2))}` +
          (rounding ? "，在四舍五入允许范围内。" : "。"),
        {
          expected: roundMoney(exact, 2).toFixed(2),
          actual: r.value.toFixed(2),
          ...(rounding ? { rounding: true } : {}),
        }
      );
    }
  }

  shares(): void {
    for (const s of this.mentions) {
      if (s.role !== "share" || !s.subject || s.baseUnknown) continue;
      const of = s.of !== undefined ? this.mentions[s.of] : undefined;
      const numerator = of ? this.ratioValue(of) : this.facts.figures.get(s.subject)?.[0]?.value;
      if (numerator === undefined) continue;
      let denominators: { value: Money; label: string }[] = [];
      if (s.base) {
        denominators = (this.facts.figures.get(s.base) ?? []).map((f) => ({
          value: f.value,
          label: f.label,
        }));
        // No table gives it (the text on its own): the figure the text states for it.
        const stated = this.statedWhole(s, s.base);
        if (denominators.length === 0 && stated)
          denominators = [{ value: stated.value, label: `文中${this.quote(stated)}` }];
      } else {
        const anchor = of ?? s;
        const whole =
          this.wholeOf(anchor, "level", ["amount"]) ??
          this.inScope(anchor).find(
            (x) => x.index < anchor.index && x.role === "level" && x.kind === "amount" && x.subject
          );
        if (whole) {
          const figure = this.best(whole);
          denominators = [
            {
              value: figure ? figure.value : whole.value,
              label: figure ? figure.label : `文中${this.quote(whole)}`,
            },
          ];
        }
      }
      denominators = denominators.filter((d) => !d.value.isZero());
      if (denominators.length === 0) continue;
      const tried = denominators.map((d) => {
        const exact = numerator.dividedBy(d.value).times(100);
        return { d, exact, status: percentStatus(s, exact) };
      });
      const rank: Record<Status, number> = { exact: 0, rounding: 1, mismatch: 2 };
      const best = tried.reduce((a, b) =>
        rank[b.status] < rank[a.status] ||
        (rank[b.status] === rank[a.status] &&
          b.exact.minus(s.value).abs().lessThan(a.exact.minus(s.value).abs()))
          ? b
          : a
      );
      if (best.status === "exact") continue;
      const rounding = best.status === "rounding";
      const name = of?.subjectText ?? subjectLabel(s.subject);
      this.push(
        RULE.share,
        rounding ? "info" : "error",
        s.paragraph,
        `${rounding ? "舍入差异：" : ""}文中${name}占 ${s.written}，按 ${show(numerator)} ÷ ${show(best.d.value)}（${best.d.label}）计算应为 ${showPercent(roundMoney(best.exact, 2))}` +
          (rounding ? "，在四舍五入允许范围内。" : "。"),
        {
          expected: roundMoney(best.exact, 2).toFixed(2),
          actual: s.value.toFixed(2),
          ...(rounding ? { rounding: true } : {}),
        }
      );
    }
  }

  /** The figure the text states for `subject` before `m` (in its scope, else its paragraph). */
  statedWhole(m: Mention, subject: SubjectId): Mention | undefined {
    const candidates = (list: Mention[]) =>
      list.filter(
        (x) =>
          x.index < m.index && x.role === "level" && x.kind === "amount" && x.subject === subject
      );
    return (
      candidates(this.inScope(m)).pop() ??
      candidates(this.mentions.filter((x) => x.paragraph === m.paragraph)).pop()
    );
  }

  /**
   * The shares of the parts of one whole add up to 100%: never more (within the rounding of each
   * share as written), and not less where the parts listed are all the whole has.
   */
  shareTotals(): void {
    const groups = new Map<number, { whole: Mention; shares: Mention[] }>();
    for (const s of this.mentions) {
      if (s.role !== "share" || s.of === undefined || s.baseUnknown) continue;
      const part = this.mentions[s.of];
      if (!part.subject) continue;
      const whole = s.base
        ? this.statedWhole(part, s.base)
        : this.wholeOf(part, "level", ["amount"]);
      if (!whole) continue;
      const group = groups.get(whole.index) ?? { whole, shares: [] };
      if (!group.shares.some((x) => partKey(this.mentions[x.of!]) === partKey(part)))
        group.shares.push(s);
      groups.set(whole.index, group);
    }
    for (const { whole, shares } of groups.values()) {
      if (shares.length < 2) continue;
      const total = shares.reduce((sum, x) => sum.plus(x.value), ZERO);
      // Each share rounded to its own decimals: the sum may be off by half a unit of each.
      const slack = shares.reduce(
        (sum, x) => sum.plus(new Money(10).pow(-Math.min(x.decimals, 2)).dividedBy(2)),
        ZERO
      );
      const over = total.minus(100);
      const listed = new Set(shares.map((x) => this.mentions[x.of!].subject!));
      const complete = DECOMPOSITIONS.some(
        (d) =>
          d.wholes.includes(whole.subject!) &&
          Array.isArray(d.parts) &&
          d.parts.every((p) => listed.has(p) || knownZero(this.facts, p)) &&
          [...listed].every((p) => (d.parts as readonly SubjectId[]).includes(p))
      );
      if (over.abs().lessThanOrEqualTo(slack) || (over.isNegative() && !complete)) continue;
      const names = shares
        .map(
          (x) =>
            `${this.mentions[x.of!].subjectText ?? subjectLabel(this.mentions[x.of!].subject!)}${x.written}`
        )
        .join("、");
      this.push(
        RULE.share,
        "error",
        whole.paragraph,
        `文中${this.quote(whole)}，其下所列${names}合计为 ${showPercent(total)}，${over.isNegative() ? "不足" : "超过"} 100%。`,
        { expected: "100.00", actual: total.toFixed(2) }
      );
    }
  }

  // -- counts ---------------------------------------------------------------------------------------

  /**
   * 项目N个: the number of projects under 绩效目标管理, or of published 绩效目标 said to cover 100%
   * of the project money, must be the number of projects the tables list; and the 其中 categories
   * must add up to it.
   */
  counts(): void {
    for (const c of this.mentions) {
      if (c.kind !== "count" || c.role !== "level") continue;
      if (c.subject !== "projectsManaged" && c.subject !== "goalsPublished") continue;
      const sentence = this.mentions.filter(
        (x) => x.paragraph === c.paragraph && x.sentenceIndex === c.sentenceIndex
      );
      const amount = sentence.find((x) => x.kind === "amount" && x.of === c.index);
      const full = sentence.some(
        (x) => x.role === "share" && amount && x.of === amount.index && x.value.equals(100)
      );
      const projectTotal = amount
        ? (this.facts.figures.get("project") ?? []).some(
            (f) => this.compare(amount, f) !== "mismatch"
          )
        : false;
      const evidence: string[] = [];
      let expected: number | undefined;
      const table = this.facts.projectCount;
      if (table && (c.subject === "projectsManaged" || full || projectTotal)) {
        if (table.value !== c.value.toNumber()) {
          expected = table.value;
          evidence.push(`${table.label}共 ${table.value} 个`);
        }
      }
      const earlierManaged = this.inScope(c).find(
        (x) =>
          x.index < c.index &&
          x.kind === "count" &&
          x.subject === "projectsManaged" &&
          !x.value.equals(c.value)
      );
      if (earlierManaged && (full || projectTotal)) {
        expected ??= earlierManaged.value.toNumber();
        evidence.push(`文中${this.quote(earlierManaged)}`);
      }
      const parts = this.mentions.filter(
        (x) =>
          x.kind === "count" &&
          x.subject === "projectCategory" &&
          this.wholeOf(x, "level", ["count"])?.index === c.index
      );
      const unique = parts.filter(
        (p, i) => parts.findIndex((q) => partKey(q) === partKey(p)) === i
      );
      if (unique.length >= 2) {
        const total = unique.reduce((s, p) => s + p.value.toNumber(), 0);
        if (total !== c.value.toNumber()) {
          expected ??= total;
          evidence.push(`其下所列${unique.map((p) => this.quote(p)).join("、")}合计 ${total} 个`);
        }
      }
      if (evidence.length === 0) continue;
      this.push(
        RULE.count,
        "error",
        c.paragraph,
        `文中${this.quote(c)}${full ? "（并称占项目支出总额的100%）" : ""}，而${evidence.join("；")}，个数不一致。`,
        {
          expected: String(expected),
          actual: c.value.toFixed(0),
          ...(table?.ref ? { related: [table.ref] } : {}),
        }
      );
    }
  }

  // -- 无“三公”经费, placeholders ----------------------------------------------------------------------

  noneStatements(): void {
    const NONE: { pattern: RegExp; subject: SubjectId; name: string }[] = [
      { pattern: /无[“"]?三公[”"]?经费/, subject: "threePublic", name: "“三公”经费" },
      { pattern: /无政府采购/, subject: "procurement", name: "政府采购预算" },
    ];
    this.paragraphs.forEach((p, i) => {
      for (const { pattern, subject, name } of NONE) {
        if (!pattern.test(p.text)) continue;
        const figure = (this.facts.figures.get(subject) ?? []).find((f) => !f.value.isZero());
        if (!figure) continue;
        this.push(
          RULE.none,
          "error",
          i,
          `文中称无${name}，而${figure.label}为 ${show(figure.value)} 万元。`,
          {
            expected: figure.value.toFixed(2),
            actual: "0.00",
            ...(figure.ref ? { related: [figure.ref] } : {}),
          }
        );
      }
    });
  }

  placeholders(): void {
    this.paragraphs.forEach((p, i) => {
      const prompts = [...p.text.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1]);
      if (prompts.length === 0) return;
      this.push(
        RULE.placeholder,
        "warning",
        i,
        `尚有待填写的内容：${prompts.map((t) => `“${t}”`).join("、")}。请填写后删除【请填写：…】标记。`
      );
    });
  }

  run(): Finding[] {
    this.amounts();
    this.sums("level");
    this.sums("change");
    this.itemisedChanges();
    this.changesVsLastYear();
    this.changesVsStatedPrior();
    this.rates();
    this.shares();
    this.shareTotals();
    this.counts();
    this.noneStatements();
    this.placeholders();
    return this.findings;
  }
}

function changeText(value: Money): string {
  if (value.isZero()) return "持平（0.00万元）";
  return `${value.isNegative() ? "减少" : "增加"}${show(value.abs())}万元`;
}

function rateText(value: Money): string {
  return `${value.isNegative() ? "下降" : "增长"}${value.abs().toFixed(2)}%`;
}

/** A stated percentage against its exact value: within one unit of its last decimal is right. */
function percentStatus(stated: Mention, exact: Money): Status {
  const unit = new Money(10).pow(-Math.min(stated.decimals, 2));
  const diff = stated.value.minus(exact).abs();
  if (diff.lessThan(unit)) return "exact";
  return diff.lessThanOrEqualTo(unit.times(2)) ? "rounding" : "mismatch";
}

const HEADING =
  /^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[、.．])/;
const CONTINUES = /(?:其中|包括|如下|分别为|具体为|主要有)[:：]?\s*$/;

/** Paragraphs that belong together: one ending in “其中：” runs on until the next heading. */
function scopesOf(texts: readonly string[]): number[] {
  const scopes: number[] = [];
  let scope = 0;
  let open = false;
  texts.forEach((text, i) => {
    if (i > 0 && !(open && !HEADING.test(text))) {
      scope++;
      open = false;
    }
    scopes.push(scope);
    if (CONTINUES.test(text)) open = true;
  });
  return scopes;
}

function isModel(source: unknown): source is WorkbookModel {
  return typeof source === "object" && source !== null && "tables" in source && "forms" in source;
}

function isFigures(source: unknown): source is BudgetFigures {
  return (
    typeof source === "object" && source !== null && "byFunction" in source && "lines" in source
  );
}

/** Last year's figures as facts (an option overrides what the tables show). */
function withLastYear(
  facts: NarrativeFacts,
  lastYear: LastYearFigures | undefined
): NarrativeFacts {
  if (!lastYear) return facts;
  // 收入总计 = 支出总计 = 收支总计: one given stands for the others.
  const total = lastYear.budgetTotal ?? lastYear.expenditureTotal ?? lastYear.incomeTotal;
  const all: LastYearFigures = {
    ...lastYear,
    budgetTotal: total,
    expenditureTotal: lastYear.expenditureTotal ?? total,
    incomeTotal: lastYear.incomeTotal ?? total,
  };
  for (const [subject, value] of Object.entries(all) as [SubjectId, Money | undefined][])
    if (value !== undefined)
      facts.lastYear.set(subject, { value, label: `上年${subjectLabel(subject)}` });
  return facts;
}

/**
 * Checks the 情况说明 against the tables: every amount it states about the budget, every share and
 * growth rate (recomputed from the tables), its own sums (a total and the parts listed after it,
 * 增减 = 基本支出增减 + 项目支出增减, itemised changes and their subtotals), project counts, and
 * 【请填写：…】 placeholders left in. `source` is the workbook's tables, a ledger's figures (checked
 * against the tables they derive), or facts built beforehand.
 */
export function checkNarrative(
  paragraphs: readonly NarrativeInput[],
  source: WorkbookModel | BudgetFigures | NarrativeFacts,
  options: CheckNarrativeOptions = {}
): Finding[] {
  const facts = isModel(source)
    ? factsFromModel(source, options.unitNature)
    : isFigures(source)
      ? factsFromFigures(source, options.template)
      : source;
  if (options.unitNature && !facts.unitNature) facts.unitNature = options.unitNature;
  withLastYear(facts, options.lastYear);
  return new NarrativeChecker(paragraphs, facts).run();
}

/** Plain text (a .txt, or a .docx's paragraphs joined by newlines) as paragraphs. */
export function paragraphsFromText(text: string, location = "情况说明"): NarrativeInput[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line, i) => ({ text: line, location: `${location}第${i + 1}段` }));
}
