import type { Finding } from "../../finding";
import { MESSAGES, RULE_TITLES } from "../../messages";
import type { Rule, WorkbookRuleContext } from "../rule";
import { tablesOf } from "./access";

const RULE_ID = "project.department-row";

/**
 * The department's rows of a 项目支出表 name the department of the header: the same name, or the
 * name with a suffix such as （本级）. A subtotal row that names another unit is an error at its
 * label: the figures may add up, but the table does not say whose projects they are, and a clerk or
 * the export would take the row for a project.
 */
export const projectDepartmentRows: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["project.department-row"],
  severity: "error",
  scope: "workbook",
  run({ model }) {
    const findings: Finding[] = [];
    for (const { table } of tablesOf(model, "项目支出表")) {
      const department = table.department?.name ?? model.department?.value;
      for (const side of table.sides)
        for (const row of side.rows) {
          if (row.unitRow !== "other") continue;
          findings.push({
            ruleId: RULE_ID,
            severity: "error",
            sheet: table.sheet,
            cell: row.address,
            message: MESSAGES.projectUnitRow(row.label, department),
            ...(department ? { expected: department } : {}),
            actual: row.label,
            ...(table.department
              ? { related: [{ sheet: table.sheet, cell: table.department.address }] }
              : model.department
                ? { related: [{ sheet: model.department.sheet, cell: model.department.cell }] }
                : {}),
          });
        }
    }
    return findings;
  },
};
