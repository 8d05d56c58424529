import { Catalog } from "../codes";
import { Finding, compareFindings } from "../finding";
import { Grid, gridAddress } from "../grid";
import { ParsedTable, parseTable } from "../read/table";
import { markUnitRows } from "../read/unitRows";
import { TABLE_RULES, tableRulesFor } from "../rules/tableRules";
import type { Rule } from "../rules";

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

/** What checkTable reports of its own when no rule can run: ids and titles, as a rule has. */
export const TABLE_CHECK_OUTCOMES = {
  unrecognized: { id: "table.unrecognized", title: "无法识别的表格" },
  form: { id: "table.form", title: "表单式表格，在整本检查中核对" },
} as const;

/** The Chinese title of anything checkTable can report (a rule's title, or one of its own outcomes). */
export function tableCheckTitle(ruleId: string): string | undefined {
  return (
    TABLE_RULES.find((rule) => rule.id === ruleId)?.title ??
    Object.values(TABLE_CHECK_OUTCOMES).find((outcome) => outcome.id === ruleId)?.title
  );
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
          ruleId: TABLE_CHECK_OUTCOMES.unrecognized.id,
          severity: "error",
          sheet: grid.sheet,
          cell: gridAddress(grid, 0, 0), // the range's first cell, wherever it starts
          message: `无法识别为标准公开表：${parsed.message}`,
        },
      ],
      rowsChecked: 0,
      rulesRun: 0,
    };
  }
  const table = parsed.table;
  // The department's and its units' rows of a project list are subtotals, not projects (the
  // workbook reader does the same with the workbook's department as a fallback).
  if (table.kind?.kind === "项目支出表")
    for (const side of table.sides) markUnitRows(side, table.department?.name);
  if (table.kind && FORM_KINDS.has(table.kind.kind)) {
    return {
      table,
      findings: [
        {
          ruleId: TABLE_CHECK_OUTCOMES.form.id,
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
