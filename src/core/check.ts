import { Catalog } from "./codes";
import { Finding, compareFindings } from "./finding";
import type { Grid } from "./grid";
import { ParsedTable, parseTable } from "./read/table";
import { tableRulesFor } from "./rules/tableRules";
import type { Rule } from "./rules";

export interface TableCheckOptions {
  /** What the user said the table is; detected from the title when absent. */
  kind?: string;
  catalog?: Catalog;
  rules?: readonly Rule[];
}

export interface TableCheckResult {
  table?: ParsedTable;
  findings: Finding[];
  /** Data rows read (all sides). */
  rowsChecked: number;
  rulesRun: number;
}

/** Layouts the list rules do not describe; they have checks of their own at workbook level. */
const FORM_KINDS = new Set(["绩效目标表"]);

/**
 * Checks one table on its own: every rule of scope "table". Bad input becomes findings; this
 * function does not throw on any grid.
 */
export function checkTable(grid: Grid, options: TableCheckOptions = {}): TableCheckResult {
  const catalog = options.catalog ?? Catalog.standard();
  const parsed = parseTable(grid, { kind: options.kind, catalog });
  if (!parsed.ok) {
    return {
      findings: [
        {
          ruleId: "table.unrecognized",
          severity: "error",
          sheet: grid.sheet,
          cell: "A1",
          message: `无法识别为标准公开表：${parsed.message}`,
        },
      ],
      rowsChecked: 0,
      rulesRun: 0,
    };
  }
  const table = parsed.table;
  if (table.kind && FORM_KINDS.has(table.kind.kind)) {
    return {
      table,
      findings: [
        {
          ruleId: "table.form",
          severity: "info",
          sheet: grid.sheet,
          cell: table.title?.address,
          message: `“${table.kind.kind}”是表单式表格，其检查（预算数、资金计划、指标）在整本工作簿检查中进行。`,
        },
      ],
      rowsChecked: 0,
      rulesRun: 0,
    };
  }
  const rules = (options.rules ?? tableRulesFor(table.kind?.kind)).filter(
    (rule) => rule.scope === "table"
  );
  const findings = rules.flatMap((rule) => rule.run({ table, catalog }));
  return {
    table,
    findings: findings.sort(compareFindings),
    rowsChecked: table.sides.reduce((n, side) => n + side.rows.length, 0),
    rulesRun: rules.length,
  };
}
