/**
 * From a checked workbook to what the pane writes: core/format/disclosure's content (the flow
 * `budget-disclosure export` runs too) and the chart data of 一般公共预算 expenditure by 类. Pure: no
 * host, no DOM. Loaded when the clerk first generates or exports (see actions.ts), not for 检查.
 */
import type { WorkbookCheckResult } from "../core/check/workbook";
import type { Finding } from "../core/finding";
import { blockingProblems, buildDisclosure } from "../core/format/disclosure";
import type { FigureChange } from "../core/format/disclosure";
import type { SheetSpec } from "../core/format/sheetSpec";
import { moneyToNumber } from "../core/money";
import type { Narrative } from "../core/narrative/types";
import type { TemplateId } from "../core/model";
import type { PreviousDisclosure } from "../core/previous/types";
import { expenditureByClass, generalBudgetExpenditureSpec } from "../render/chart";
import type { DisclosureAbout } from "./disclosure";
import type { ChartData } from "./excel/host";

export interface DisclosureContent {
  specs: SheetSpec[];
  narrative?: Narrative;
  /** What rebuilding the figures from the tables had to say (tables that disagree, say). */
  notes: Finding[];
  /** The workbook's figures the disclosure prints differently, with the old and new value. */
  changes: FigureChange[];
  /** A figure would change by more than rounding, or a project row cannot be placed: like an error. */
  blocked: boolean;
  chart?: ChartData;
}

/**
 * The tables, narrative and chart of the disclosure in `template`; no content when the workbook has
 * no figures to build from (no ledger and no standard tables), with the builders' notes.
 */
export function disclosureContent(
  check: WorkbookCheckResult,
  about: DisclosureAbout & { template: TemplateId },
  previous?: PreviousDisclosure
): { content?: DisclosureContent; notes: Finding[] } {
  // With last year's file (when it pairs: year − 1, same department), 增减 and 增长率 are filled.
  const built = buildDisclosure(
    check,
    { ...about, department: about.department ?? "" },
    previous ? { previous } : {}
  );
  if (!built.content) return { notes: built.notes };
  const { specs, narrative, notes, changes } = built.content;
  const blocking = blockingProblems(built.content);
  return {
    notes,
    content: {
      specs,
      narrative,
      notes,
      changes,
      blocked: blocking.changes.length > 0 || blocking.notes.length > 0,
      chart: chartData(specs, about.year),
    },
  };
}

/** The bars of 一般公共预算 expenditure by 类, read from the printed 一般公共预算支出表. */
export function chartData(specs: readonly SheetSpec[], year?: number): ChartData | undefined {
  const spec = generalBudgetExpenditureSpec(specs);
  if (!spec) return undefined;
  const bars = expenditureByClass(spec);
  if (bars.length === 0) return undefined;
  return {
    sheet: spec.sheetName,
    title: `${year !== undefined ? `${year}年` : ""}一般公共预算支出结构（按支出功能分类科目，单位：万元）`,
    categories: bars.map((bar) => bar.name),
    values: bars.map((bar) => moneyToNumber(bar.value)),
  };
}
