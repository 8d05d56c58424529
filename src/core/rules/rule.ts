import type { Catalog } from "../codes";
import type { Finding, Severity } from "../finding";
import type { ParsedTable } from "../read/table";
import type { WorkbookModel } from "../read/workbook";
import type { NarrativeInput } from "../narrative/types";
import type { PreviousDisclosure } from "../previous/types";
import type { TemplateId, UnitNature } from "../model";

/** What a workbook rule sees: every table read, plus what is known about the department. */
export interface WorkbookRuleContext {
  readonly model: WorkbookModel;
  readonly catalog: Catalog;
  readonly template?: TemplateId;
  readonly unitNature?: UnitNature;
  /** Treat rounding differences as errors (the CLI's --strict-rounding). */
  readonly strictRounding?: boolean;
  /** The paragraphs of a 情况说明 sheet, when the workbook has one (see rules/narrative). */
  readonly narrative?: readonly NarrativeInput[];
  /** Last year's published disclosure (check --previous), to compare the 上年 figures with. */
  readonly previous?: PreviousDisclosure;
}

/** What a single-table rule sees. Rules read it and never change it. */
export interface TableRuleContext {
  readonly table: ParsedTable;
  readonly catalog: Catalog;
}

export interface Rule<Context = TableRuleContext> {
  /** Stable identifier, used in findings, filters and the CLI's JSON. */
  id: string;
  /** Chinese title shown next to findings (规则 column of BUDGET.CHECK). */
  title: string;
  /** The most severe finding the rule can give. */
  severity: Severity;
  /** "table": needs one table; "workbook": compares tables. */
  scope: "table" | "workbook";
  run(context: Context): Finding[];
}
