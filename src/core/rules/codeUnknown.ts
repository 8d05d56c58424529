import { isWellFormedCode } from "../codes";
import type { Finding } from "../finding";
import { compactText } from "../read/text";
import { MESSAGES } from "./messages";
import type { Rule } from "./rule";

/** A printed code must be well formed and exist in the catalog (shipped or user-supplied). */
const RULE_ID = "code.unknown";

export const codeUnknown: Rule = {
  id: RULE_ID,
  title: "科目编码不在分类目录中",
  severity: "warning",
  scope: "table",
  run({ table, catalog }) {
    const findings: Finding[] = [];
    for (const side of table.sides) {
      for (const row of side.rows) {
        if (!row.codeCell || row.role !== "item") continue;
        const text = compactText(row.codeCell.raw);
        if (text === "") continue;
        const base = {
          ruleId: RULE_ID,
          severity: "warning" as const,
          sheet: table.sheet,
          cell: row.codeCell.address,
          actual: text,
        };
        if (!row.code || !isWellFormedCode(row.code))
          findings.push({ ...base, message: MESSAGES.malformedCode(text) });
        else if (!catalog.has(row.code))
          findings.push({ ...base, message: MESSAGES.unknownCode(row.code) });
      }
    }
    return findings;
  },
};
