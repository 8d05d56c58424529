import type { Finding } from "../../finding";
import type { TableKind } from "../../read/tableKinds";
import type { Rule, WorkbookRuleContext } from "../rule";
import { rowsByCode } from "./access";
import { RULE_TITLES, WORKBOOK_MESSAGES } from "../../messages";

const RULE_ID = "completeness.code-depth";

/** 功能分类 tables must go down to 项 (7 digits), the 基本支出表 down to 款 (5 digits). */
const DEPTH: Partial<Record<TableKind, number>> = {
  收入总表: 7,
  支出总表: 7,
  一般公共预算支出表: 7,
  政府性基金支出表: 7,
  国有资本经营支出表: 7,
  基本支出表: 5,
};

export const codeDepth: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["completeness.code-depth"],
  severity: "warning",
  scope: "workbook",
  run({ model }) {
    const findings: Finding[] = [];
    for (const { kind, table } of model.tables) {
      const depth = DEPTH[kind];
      if (!depth) continue;
      for (const side of table.sides) {
        const codes = [...rowsByCode(side).keys()];
        for (const [code, row] of rowsByCode(side)) {
          if (code.length >= depth || row.cells.every((c) => c.value.isZero())) continue;
          if (codes.some((other) => other !== code && other.startsWith(code))) continue;
          findings.push({
            ruleId: RULE_ID,
            severity: "warning",
            sheet: table.sheet,
            cell: row.codeCell?.address ?? row.address,
            message: WORKBOOK_MESSAGES.codeDepth(code, kind, depth),
            actual: code,
          });
        }
      }
    }
    return findings;
  },
};
