import { cellRef } from "../../finding";
import type { CellRef } from "../../finding";
/**
 * Shared by the 项目绩效目标表 rules: amounts shown in the form's unit, conversions to 万元, and the
 * line of the 项目支出表 that belongs to each form.
 */
import { AmountUnit, Money, ZERO, convertUnit, roundMoney } from "../../money";
import {
  GoalAmount,
  PerformanceGoalForm,
  formTitle,
  normalizeProjectName,
  readGoalForms,
} from "../../read/goals";
import type { AmountCell, TableRow } from "../../read/table";
import type { RecognizedTable, WorkbookModel } from "../../read/workbook";
import { GOAL_MESSAGES, MESSAGES } from "../../messages";
import { firstSetOf } from "../workbook/access";

/** 25 万元 → “25.00万元”; 1600000 元 → “1,600,000元”. */
export function showAmount(value: Money, unit: AmountUnit): string {
  return GOAL_MESSAGES.amount(value, unit);
}

/** The amount in 万元, exact. */
export function inWan(value: Money, unit: AmountUnit): Money {
  return convertUnit(value, unit, "万元");
}

/** What the form calls its budget: 预算数 (Hebei) or 年度资金总额 (Shanxi). */
export function budgetLabel(form: PerformanceGoalForm): string {
  return form.layout === "fundingPeriods" && form.annual
    ? GOAL_MESSAGES.annualBudgetLabel
    : GOAL_MESSAGES.budgetLabel;
}

/** A 0.01万元 tolerance in the form's unit: the precision of the published tables. */
export function wanTolerance(unit: AmountUnit): Money {
  return unit === "元" ? new Money(100) : new Money("0.01");
}

export function goalForms(model: WorkbookModel): PerformanceGoalForm[] {
  return readGoalForms(model).forms;
}

export function isAmount(amount: GoalAmount | undefined): amount is GoalAmount {
  return amount !== undefined && amount.state === "amount";
}

export interface ProjectLine {
  table: RecognizedTable;
  row: TableRow;
  /** The row's 合计 cell. */
  cell: AmountCell;
}

/** The 项目支出表 of the year (not the carry-over one) of the first set (access.firstSet), in model order. */
export function projectTables(model: WorkbookModel): RecognizedTable[] {
  const tables = firstSetOf(model, "项目支出表");
  const current = tables.filter((t) => t.carryover !== "only");
  return current.length > 0 ? current : tables;
}

function totalColumn(captions: readonly string[]): number {
  const i = captions.findIndex((c) => /^(合计|总计|金额|预算数|.*合计)$/.test(c));
  return i >= 0 ? i : 0;
}

const matches = new WeakMap<WorkbookModel, Map<PerformanceGoalForm, ProjectLine | null>>();

/**
 * Pairs each form with its 项目支出表 line by normalized name. Two lines may share a name (two
 * allocations of one grant); then the line whose amount equals the form's budget wins, and a line
 * is used once.
 */
export function projectLines(model: WorkbookModel): Map<PerformanceGoalForm, ProjectLine | null> {
  const cached = matches.get(model);
  if (cached) return cached;
  const result = new Map<PerformanceGoalForm, ProjectLine | null>();
  const lines: ProjectLine[] = [];
  for (const table of projectTables(model)) {
    for (const side of table.table.sides) {
      const column = totalColumn(side.captions);
      for (const row of side.rows) {
        if (row.role !== "item" || !row.cells[column]) continue;
        lines.push({ table, row, cell: row.cells[column] });
      }
    }
  }
  const used = new Set<ProjectLine>();
  for (const form of goalForms(model)) {
    const name = normalizeProjectName(form.projectName);
    const candidates = lines.filter((line) => normalizeProjectName(line.row.label) === name);
    const budget = roundMoney(inWan(form.budget.value, form.unit));
    const free = candidates.filter((line) => !used.has(line));
    const chosen =
      free.find((line) => line.cell.value.equals(budget)) ?? free[0] ?? candidates[0] ?? null;
    if (chosen) used.add(chosen);
    result.set(form, chosen);
  }
  matches.set(model, result);
  return result;
}

/** “项目支出表“项目支出(本年)”B27列示该项目100.00万元。”, or "" when the model has no such line. */
export function projectNote(model: WorkbookModel, form: PerformanceGoalForm): string {
  const line = projectLines(model).get(form);
  if (!line) return "";
  return MESSAGES.goalProjectNote(
    line.table.table.sheet,
    line.cell.address,
    showAmount(line.cell.value, "万元")
  );
}

/** The address of a form's project line on its sheet, for `related`. */
export function projectRelated(model: WorkbookModel, form: PerformanceGoalForm): CellRef[] {
  const line = projectLines(model).get(form);
  return line ? [cellRef(line.table.table.sheet, line.cell.address)] : [];
}

export { formTitle, ZERO };
