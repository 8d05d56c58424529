import type { Catalog } from "../codes";
import type { Finding, Severity } from "../finding";
import type { ParsedTable } from "../read/table";

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
