import { normalizeName } from "../codes";
import type { Finding } from "../finding";
import { gridAddress } from "../grid";
import { MESSAGES, RULE_TITLES } from "../messages";
import type { Rule } from "./rule";

/** The name printed beside a code should be the catalog's name for it. */
const RULE_ID = "code.name-mismatch";

export const codeName: Rule = {
  id: RULE_ID,
  title: RULE_TITLES["code.name-mismatch"],
  severity: "warning",
  scope: "table",
  run({ table, catalog }) {
    const findings: Finding[] = [];
    for (const side of table.sides) {
      if (side.labelColumn === side.codeColumn) continue;
      for (const row of side.rows) {
        if (row.codeFrom !== "cell" || !row.code || row.label === "") continue;
        const standard = catalog.name(row.code);
        if (standard === undefined || normalizeName(standard) === normalizeName(row.label))
          continue;
        findings.push({
          ruleId: RULE_ID,
          severity: "warning",
          sheet: table.sheet,
          cell: gridAddress(table.grid, row.gridRow, side.labelColumn),
          message: MESSAGES.nameMismatch(row.code, row.label, standard),
          expected: standard,
          actual: row.label,
        });
      }
    }
    return findings;
  },
};
