import type { Finding } from "../../finding";
import { sameDepartment } from "../../read/meta";
import type { Rule, WorkbookRuleContext } from "../rule";
import { RULE_TITLES, WORKBOOK_MESSAGES } from "../../messages";

const RULE_ID = "meta.consistency";

/**
 * Every table names the same department and year as the first one that names them. Only like is
 * compared with like: the reader hands over a department name only when the line names one (单位：万元
 * is a unit), and a year only as a year. Amount units may differ between tables: every table is read
 * into 万元 before tables are compared, so a table in 元 is not a mistake.
 */
export const metaConsistency: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["meta.consistency"],
  severity: "warning",
  scope: "workbook",
  run({ model }) {
    const findings: Finding[] = [];
    const { department, year } = model;
    for (const { table } of model.tables) {
      const base = { ruleId: RULE_ID, severity: "warning" as const, sheet: table.sheet };
      if (
        department &&
        table.department &&
        !sameDepartment(table.department.name, department.value)
      ) {
        findings.push({
          ...base,
          cell: table.department.address,
          message: WORKBOOK_MESSAGES.departmentMismatch(
            table.department.name,
            department.sheet,
            department.value
          ),
          expected: department.value,
          actual: table.department.name,
        });
      }
      if (year && table.year && table.year.value !== year.value) {
        findings.push({
          ...base,
          cell: table.year.address,
          message: WORKBOOK_MESSAGES.yearMismatch(table.year.value, year.sheet, year.value),
          expected: String(year.value),
          actual: String(table.year.value),
        });
      }
    }
    return findings;
  },
};
