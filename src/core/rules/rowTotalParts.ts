import type { Finding } from "../finding";
import { MESSAGES } from "./messages";
import type { Rule } from "./rule";
import { rowTitle, sumFinding } from "./sums";

/** In every row, a 合计/小计 column equals the sum of the columns it totals (合计 = 基本支出 + 项目支出). */
const RULE_ID = "sum.row-parts";

export const rowTotalParts: Rule = {
  id: RULE_ID,
  title: "合计栏等于各分栏之和",
  severity: "error",
  scope: "table",
  run({ table }) {
    const findings: Finding[] = [];
    for (const side of table.sides) {
      for (const relation of side.relations) {
        const totalCaption = side.captions[relation.total];
        const partCaptions = relation.parts.map((p) => side.captions[p]);
        for (const row of side.rows) {
          const finding = sumFinding(
            RULE_ID,
            table,
            row.cells[relation.total],
            relation.parts.map((p) => row.cells[p]),
            {
              mismatch: (actual, expected) =>
                MESSAGES.rowTotal(rowTitle(row), totalCaption, partCaptions, actual, expected),
              rounding: (actual, expected) =>
                MESSAGES.rowTotalRounding(rowTitle(row), totalCaption, actual, expected),
            }
          );
          if (finding) findings.push(finding);
        }
      }
    }
    return findings;
  },
};
