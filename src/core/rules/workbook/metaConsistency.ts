import type { Finding } from "../../finding";
import type { Rule, WorkbookRuleContext } from "../rule";

const RULE_ID = "meta.consistency";

/** Every table names the same department, year and unit as the first one. */
export const metaConsistency: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: "各表部门、年度、单位一致",
  severity: "warning",
  scope: "workbook",
  run({ model }) {
    const findings: Finding[] = [];
    const { department, year, unit } = model;
    for (const { table } of model.tables) {
      const base = { ruleId: RULE_ID, severity: "warning" as const, sheet: table.sheet };
      if (department && table.department && table.department.name !== department.value) {
        findings.push({
          ...base,
          cell: table.department.address,
          message: `部门名称“${table.department.name}”与“${department.sheet}”中的“${department.value}”不一致。`,
          expected: department.value,
          actual: table.department.name,
        });
      }
      if (year && table.year && table.year.value !== year.value) {
        findings.push({
          ...base,
          cell: table.year.address,
          message: `预算年度 ${table.year.value} 与“${year.sheet}”中的 ${year.value} 不一致。`,
          expected: String(year.value),
          actual: String(table.year.value),
        });
      }
      if (unit && table.unit && table.unit.value !== unit.value) {
        findings.push({
          ...base,
          cell: table.unit.address,
          message: `金额单位“${table.unit.value}”与“${unit.sheet}”中的“${unit.value}”不一致，表间核对前请统一单位。`,
          expected: unit.value,
          actual: table.unit.value,
        });
      }
    }
    return findings;
  },
};
