/**
 * Draws the supplementary templates (政府采购预算, 固定资产占用情况, 项目绩效目标表) over what the
 * workbook's own tables hold (format/supplements.ts). Totals are sums of the printed items, so the
 * table adds up to the cent. A table the workbook has no source for is not drawn: the clerk gets a
 * finding saying so, rather than a table that claims the department buys or owns nothing.
 */
import type { Finding } from "../finding";
import type { LedgerDepartment } from "../ledger/readLedger";
import { Money, ZERO, decimalPlaces, roundMoney, sumMoney } from "../money";
import type { GoalAmount, PerformanceGoalForm } from "../read/goals";
import { allocateLargestRemainder } from "../rounding";
import type {
  AssetsTemplate,
  GoalFormsTemplate,
  ProcurementField,
  ProcurementTemplate,
  SupplementTemplate,
} from "../templates/types";
import {
  EMPTY,
  SpecBuilder,
  amountValue,
  drawHeader,
  drawTitleAndMeta,
  fillTokens,
} from "./buildSheets";
import type { BuildSheetsOptions } from "./buildSheets";
import type { CellStyleName, SheetSpec, SpecCellValue } from "./sheetSpec";
import { inWanyuan } from "./supplements";
import type { ProcurementItem, ProcurementRecords, Supplements } from "./supplements";

export const SUPPLEMENT_MISSING = "supplement.missing";

function specOf(
  template: SupplementTemplate,
  sheet: SpecBuilder,
  title: string,
  rowCount: number,
  header: { from: number; to: number },
  options: BuildSheetsOptions
): SheetSpec {
  const widths =
    template.kind === "绩效目标表" ? template.widths : template.columns.map((c) => c.width);
  return {
    sheetName: template.sheetName,
    title,
    kind: template.kind,
    rowCount,
    columnCount: widths.length,
    cells: sheet.list(),
    merges: sheet.merges,
    columnWidths: [...widths],
    headerRows: header.to + 1,
    printTitleRows: header,
    page: {
      orientation: template.orientation ?? (widths.length > 6 ? "landscape" : "portrait"),
      paper: "A4",
      fitToWidth: true,
    },
    zeroAs: options.zeroAs ?? "blank",
  };
}

/** A note merged over the table's width at `row`; returns the next row. */
function noteRow(sheet: SpecBuilder, row: number, note: string, width: number): number {
  sheet.text(row, 0, note, "note");
  sheet.merge(row, 0, row, width - 1);
  return row + 1;
}

/** A quantity or a price as typed: its own decimals, at least `min`. */
function exactValue(value: Money | undefined, min: number): SpecCellValue {
  if (value === undefined) return EMPTY;
  return { kind: "amount", value, decimals: Math.max(min, Math.min(4, decimalPlaces(value))) };
}

// ---------------------------------------------------------------------------------------------
// 政府采购预算

const SUMMED: ReadonlySet<string> = new Set(["amount", "reserve"]);

function isSummed(field: ProcurementField): boolean {
  return typeof field === "object" || SUMMED.has(field);
}

function procurementValue(item: ProcurementItem, field: ProcurementField): SpecCellValue {
  if (typeof field === "object") return amountValue(item.bySource[field.source] ?? ZERO);
  switch (field) {
    case "amount":
      return amountValue(item.amount);
    case "reserve":
      return amountValue(item.reserve);
    case "projectBudget":
      return item.projectBudget === undefined ? EMPTY : amountValue(roundMoney(item.projectBudget));
    case "quantity":
      return exactValue(item.quantity, 0);
    case "price":
      return exactValue(item.price, 2);
    default: {
      const text = item[field];
      return text === "" ? EMPTY : { kind: "text", text };
    }
  }
}

function procurementTotal(items: readonly ProcurementItem[], field: ProcurementField): Money {
  return sumMoney(
    items.map((item) => {
      const value = procurementValue(item, field);
      return value.kind === "amount" ? value.value : ZERO;
    })
  );
}

export function buildProcurementSheet(
  template: ProcurementTemplate,
  records: ProcurementRecords,
  department: LedgerDepartment,
  options: BuildSheetsOptions = {}
): SheetSpec {
  const sheet = new SpecBuilder();
  const width = template.columns.length;
  const title = fillTokens(template.title, department);
  let row = drawTitleAndMeta(sheet, title, template.meta, width, department);
  const headerTop = row;
  const depth = Math.max(...template.columns.map((c) => c.caption.length));
  drawHeader(sheet, template.columns, headerTop, depth, department);
  row += depth;
  const headerBottom = row - 1;
  const items = records.items;
  if (items.length === 0) row = noteRow(sheet, row, fillTokens(template.empty, department), width);
  else {
    for (const label of template.totals) {
      template.columns.forEach((column, c) => {
        if (c === 0) sheet.text(row, c, fillTokens(label, department), "total");
        else if (isSummed(column.field))
          sheet.set(row, c, amountValue(procurementTotal(items, column.field)), "totalAmount");
        else sheet.set(row, c, EMPTY, "text");
      });
      row++;
    }
    for (const item of items) {
      template.columns.forEach((column, c) => {
        const value = procurementValue(item, column.field);
        const style: CellStyleName =
          value.kind === "amount" ? "amount" : column.field === "catalogCode" ? "code" : "text";
        sheet.set(row, c, value, style);
      });
      row++;
    }
  }
  if (template.note) row = noteRow(sheet, row, fillTokens(template.note, department), width);
  return specOf(template, sheet, title, row, { from: headerTop, to: headerBottom }, options);
}

// ---------------------------------------------------------------------------------------------
// 固定资产占用情况

export function buildAssetsSheet(
  template: AssetsTemplate,
  records: NonNullable<Supplements["assets"]>,
  department: LedgerDepartment,
  options: BuildSheetsOptions = {}
): SheetSpec {
  const sheet = new SpecBuilder();
  const width = template.columns.length;
  const title = fillTokens(template.title, department);
  let row = drawTitleAndMeta(sheet, title, template.meta, width, department, {
    asOf: records.asOf,
  });
  const headerTop = row;
  template.columns.forEach((column, c) => sheet.text(row, c, column.caption, "header"));
  row++;
  for (const line of template.rows) {
    const record =
      line.name === "资产总额" ? records.total : records.lines.find((l) => l.name === line.name);
    template.columns.forEach((column, c) => {
      if (column.field === "label") sheet.text(row, c, line.label, line.total ? "total" : "text");
      else
        sheet.set(
          row,
          c,
          column.field === "value" ? amountValue(record?.value) : exactValue(record?.quantity, 0),
          line.total ? "totalAmount" : "amount"
        );
    });
    row++;
  }
  return specOf(template, sheet, title, row, { from: headerTop, to: headerTop }, options);
}

// ---------------------------------------------------------------------------------------------
// 项目绩效目标表

/** 预算数, 其中财政资金 and 其他资金 in 万元 at 0.01; the parts split by largest remainder when they add up. */
function formAmounts(form: PerformanceGoalForm): {
  budget: Money;
  fiscal?: Money;
  other?: Money;
} {
  const exact = (a: GoalAmount | undefined) =>
    a && a.state === "amount" ? inWanyuan(a.value, form.unit) : undefined;
  const budgetExact = exact(form.budget) ?? ZERO;
  const budget = roundMoney(budgetExact);
  const fiscal = exact(form.fiscal);
  const other = exact(form.other);
  if (fiscal !== undefined && (other ?? ZERO).plus(fiscal).equals(budgetExact)) {
    const [f, o] = allocateLargestRemainder([fiscal, other ?? ZERO], budget);
    return other === undefined ? { budget, fiscal: f } : { budget, fiscal: f, other: o };
  }
  const out: { budget: Money; fiscal?: Money; other?: Money } = { budget };
  if (fiscal !== undefined) out.fiscal = roundMoney(fiscal);
  if (other !== undefined) out.other = roundMoney(other);
  return out;
}

/** One form in the Hebei layout, from `top`; returns the row after it. */
function drawHebeiForm(
  sheet: SpecBuilder,
  template: GoalFormsTemplate,
  form: PerformanceGoalForm,
  n: number,
  top: number
): number {
  const last = template.widths.length - 1;
  let r = top;
  const label = (row: number, col: number, text: string) => sheet.text(row, col, text, "header");
  const textSpan = (row: number, from: number, text: string) => {
    sheet.text(row, from, text, "text");
    for (let c = from + 1; c <= last; c++) sheet.set(row, c, EMPTY, "text");
    sheet.merge(row, from, row, last);
  };
  sheet.text(r, 0, `${n}、${form.projectName}绩效目标表`, "subtitle");
  sheet.merge(r, 0, r, last);
  r++;
  sheet.text(r, last, "单位：万元", "metaRight");
  r++;

  label(r, 0, "项目编码");
  sheet.text(r, 1, form.projectCode ?? "", "code");
  sheet.set(r, 2, EMPTY, "code");
  sheet.merge(r, 1, r, 2);
  label(r, 3, "项目名称");
  textSpan(r, 4, form.projectName);
  r++;

  const amounts = formAmounts(form);
  label(r, 0, "预算规模及资金用途");
  sheet.set(r + 1, 0, EMPTY, "header");
  sheet.merge(r, 0, r + 1, 0);
  label(r, 1, "预算数");
  sheet.set(r, 2, amountValue(amounts.budget), "amount");
  label(r, 3, "其中：财政资金");
  sheet.set(r, 4, amountValue(amounts.fiscal), "amount");
  label(r, 5, "其他资金");
  sheet.set(r, 6, amountValue(amounts.other), "amount");
  r++;
  textSpan(r, 1, form.purposeText?.text ?? "");
  r++;

  label(r, 0, "资金支出计划");
  sheet.set(r + 1, 0, EMPTY, "header");
  sheet.merge(r, 0, r + 1, 0);
  const stages = template.planStages;
  stages.forEach((stage, i) => {
    const col = 1 + i;
    const to = i === stages.length - 1 ? last : col;
    label(r, col, stage);
    const typed = form.plan.find((p) => p.label === stage);
    const value: SpecCellValue =
      typed?.value === undefined
        ? EMPTY
        : typed.percent
          ? { kind: "text", text: `${typed.value.toString()}%` }
          : amountValue(roundMoney(inWanyuan(typed.value, form.unit)));
    sheet.set(r + 1, col, value, value.kind === "text" ? "text" : "amount");
    for (let c = col + 1; c <= to; c++) {
      sheet.set(r, c, EMPTY, "header");
      sheet.set(r + 1, c, EMPTY, "amount");
    }
    sheet.merge(r, col, r, to);
    sheet.merge(r + 1, col, r + 1, to);
  });
  r += 2;

  label(r, 0, "绩效目标");
  textSpan(r, 1, form.goalText?.text ?? "");
  r++;

  ["一级指标", "二级指标", "三级指标", "绩效指标描述", "", "指标值", "指标值确定依据"].forEach(
    (caption, c) => (caption === "" ? sheet.set(r, c, EMPTY, "header") : label(r, c, caption))
  );
  sheet.merge(r, 3, r, 4);
  r++;
  // Shanxi forms list the indicators for the 实施期 and for the 年度: the year's are published.
  const indicators = form.indicators.filter((i) => i.period === undefined || i.period === "年度");
  let runStart = r;
  indicators.forEach((indicator, i) => {
    const row = r + i;
    const sameAsAbove = i > 0 && indicators[i - 1].level1 === indicator.level1;
    if (!sameAsAbove) {
      sheet.merge(runStart, 0, row - 1, 0);
      runStart = row;
      sheet.text(row, 0, indicator.level1, "text");
    } else sheet.set(row, 0, EMPTY, "text");
    sheet.text(row, 1, indicator.level2, "text");
    sheet.text(row, 2, indicator.level3, "text");
    sheet.text(row, 3, indicator.description ?? indicator.level3, "text");
    sheet.set(row, 4, EMPTY, "text");
    sheet.merge(row, 3, row, 4);
    sheet.text(row, 5, indicator.value, "text");
    sheet.text(row, 6, indicator.basis ?? "", "text");
  });
  r += indicators.length;
  if (indicators.length > 0) sheet.merge(runStart, 0, r - 1, 0);
  return r + 1;
}

export function buildGoalFormsSheet(
  template: GoalFormsTemplate,
  forms: readonly PerformanceGoalForm[],
  department: LedgerDepartment,
  options: BuildSheetsOptions = {}
): SheetSpec {
  const sheet = new SpecBuilder();
  const width = template.widths.length;
  const title = fillTokens(template.title, department);
  let row = drawTitleAndMeta(sheet, title, template.meta, width, department);
  const metaBottom = row - 1;
  if (forms.length === 0) row = noteRow(sheet, row, fillTokens(template.empty, department), width);
  else
    row = forms.reduce((top, form, i) => drawHebeiForm(sheet, template, form, i + 1, top), row + 1);
  // A sheet of forms has no column header to repeat: the title and the department line are its head.
  return specOf(template, sheet, title, row, { from: metaBottom, to: metaBottom }, options);
}

// ---------------------------------------------------------------------------------------------

/** What a supplementary table needs, and whether the workbook has it. */
function missing(template: SupplementTemplate, what: string): Finding {
  return {
    ruleId: SUPPLEMENT_MISSING,
    severity: "warning",
    message: `工作簿中没有${what}，未生成“${template.sheetName}”；请在工作簿中按公开格式填写${what}后再生成。`,
  };
}

/**
 * The province's supplementary tables that the workbook has material for, and a finding for each
 * it has not. A department without projects gets an empty 项目绩效目标表 with its note.
 */
export function buildSupplements(
  templates: readonly SupplementTemplate[],
  supplements: Supplements,
  department: LedgerDepartment,
  options: BuildSheetsOptions & { hasProjects?: boolean } = {}
): { specs: SheetSpec[]; findings: Finding[] } {
  const specs: SheetSpec[] = [];
  const findings: Finding[] = [];
  for (const template of templates) {
    switch (template.kind) {
      case "政府采购表":
        if (supplements.procurement)
          specs.push(buildProcurementSheet(template, supplements.procurement, department, options));
        else findings.push(missing(template, "政府采购预算表"));
        break;
      case "固定资产表":
        if (supplements.assets)
          specs.push(buildAssetsSheet(template, supplements.assets, department, options));
        else findings.push(missing(template, "固定资产占用情况表"));
        break;
      case "绩效目标表":
        if (supplements.goals.length > 0 || options.hasProjects === false)
          specs.push(buildGoalFormsSheet(template, supplements.goals, department, options));
        else findings.push(missing(template, "项目绩效目标表"));
        break;
    }
  }
  return { specs, findings };
}
