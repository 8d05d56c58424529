/**
 * What the tables say, in the terms a 情况说明 uses (`NarrativeFacts`): for each budget term, the
 * figures it may stand for. A term often has several — 基本支出 is 支出总表's 基本支出 (with
 * carry-over) and 一般公共预算支出表's (this year's money only); 一般公共预算拨款 is this year's income
 * or, in 财政拨款收支总表, everything spent from it. Read from published tables (factsFromModel) or
 * from a department's figures (factsFromFigures); check.ts compares the statements with them.
 */
import { cellRef, sameCell } from "../finding";
import type { CellRef } from "../finding";
import type { BudgetFigures, ClassifiedFigures, ProjectFigures } from "../figures/figures";
import { aggregateFigures } from "../figures/aggregate";
import { roundLinesControlled } from "../format/buildSheets";
import { Money, ZERO, sumMoney } from "../money";
import { currentColumn } from "../read/table";
import type { AmountCell, TableRow, TableSide } from "../read/table";
import { compactText, stripOrdinal } from "../read/text";
import type { RecognizedTable, WorkbookModel } from "../read/workbook";
import type { TemplateId, UnitNature } from "../model";
import { assetsViews } from "../read/assetsTable";
import { headerPaths } from "../read/header";
import { procurementViews } from "../read/procurementTable";
import type { SangongItem } from "../read/sangongTable";
import { sangongViews } from "../read/sangongTable";
import { classRows, firstSetOf, mainSide, totalRow } from "../rules/workbook/access";
import { provinceOf } from "../templates/registry";
import type { SubjectId } from "./extract";

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
  const columns = thisYearColumns(side);
  for (const [code, row] of classRows(side)) {
    columns.forEach(({ caption, i }) =>
      addCell(facts, [`class:${code}`], table, row.cells[i], `${name}“${label(row)}”${caption}`)
    );
  }
  for (const row of side.rows) {
    const text = label(row);
    const isTotal = row.role === "total";
    const isGrand = row.role === "balance" && /总计/.test(text);
    if (!isTotal && !isGrand) continue;
    columns.forEach(({ caption, i }, k) => {
      const cell = row.cells[i];
      const where = `${name}“${text}”${caption}`;
      if (k === 0) {
        if (fiscal) addCell(facts, ["fiscalTotal", "fiscalIncome"], table, cell, where);
        else if (isGrand || noYearEnd)
          addCell(facts, ["expenditureTotal", "budgetTotal"], table, cell, where);
      }
      if (/当年|本年/.test(caption)) addCell(facts, ["currentIncome"], table, cell, where);
      else if (/上年结转/.test(caption)) addCell(facts, ["carryover"], table, cell, where);
      else if (k > 0 && /一般公共预算/.test(caption))
        addCell(facts, ["general", "generalExpenditure"], table, cell, where);
      else if (k > 0 && /政府性基金/.test(caption)) addCell(facts, ["fund"], table, cell, where);
      else if (k > 0 && /国有资本经营/.test(caption))
        addCell(facts, ["stateCapital"], table, cell, where);
    });
  }
}

/**
 * The columns of a side that hold this year's money, in order (the first is its 合计): a table may
 * print last year's group, an 增减 or a rate beside them, whose figures are no fact of this year.
 */
function thisYearColumns(side: TableSide): { caption: string; i: number }[] {
  return side.captions
    .map((caption, i) => ({ caption, i }))
    .filter(
      ({ i }) =>
        !side.priorColumns?.includes(i) &&
        side.measures[i] !== "change" &&
        side.measures[i] !== "rate"
    );
}

function incomeTable(facts: NarrativeFacts, table: RecognizedTable): void {
  const side = table.table.sides[0];
  const total = side ? totalRow(side) : undefined;
  if (!side || !total) return;
  const columns = thisYearColumns(side);
  const first = columns[0]?.i ?? 0;
  const carryColumn = currentColumn(side, /上年结转/);
  const firstIncludesCarryover = side.relations.some(
    (r) => r.total === first && r.parts.includes(carryColumn)
  );
  columns.forEach(({ caption, i }, k) => {
    const where = `收入总表合计行“${caption}”`;
    const cell = total.cells[i];
    if (k === 0)
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
  const current = columns.filter(
    ({ caption }, k) => k === 0 || /小计|一般公共预算|财政拨款/.test(caption)
  );
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
  const columns = thisYearColumns(side);
  const first = columns[0]?.i ?? 0;
  columns.forEach(({ caption, i }, k) => {
    const where = `${name}合计行“${caption}”`;
    const cell = total.cells[i];
    if (k === 0) {
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
    addCell(facts, [`class:${code}`], table, row.cells[first], `${name}“${label(row)}”合计`);
    if (!general && !row.cells[first].value.isZero()) facts.classes.add(code);
  }
}

function basicTable(facts: NarrativeFacts, table: RecognizedTable): void {
  const side = table.table.sides[0];
  const total = side ? totalRow(side) : undefined;
  if (!side || !total) return;
  thisYearColumns(side).forEach(({ caption, i }, k) => {
    const where = `基本支出表合计行“${caption}”`;
    if (k === 0) addCell(facts, ["basic"], table, total.cells[i], where);
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
  // The first set's (access.firstSet): a second set's would add its projects in.
  const tables = firstSetOf(model, "项目支出表");
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
  for (const table of firstSetOf(model, "机关运行经费表")) {
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
