import type { Finding } from "../finding";
import { MESSAGES, RULE_TITLES } from "../messages";
import type { Rule } from "./rule";
import { analyzeSums } from "./sumRelations";
import { relationFinding, rowTitle } from "./sums";

/** In every row, a 合计/小计 column equals the sum of the columns it totals (合计 = 基本支出 + 项目支出). */
const RULE_ID = "sum.row-parts";

export const rowTotalParts: Rule = {
  id: RULE_ID,
  title: RULE_TITLES["sum.row-parts"],
  severity: "error",
  scope: "table",
  run({ table }) {
    const { relations, explained } = analyzeSums(table);
    const findings: Finding[] = [];
    for (const relation of relations) {
      if (relation.rule !== RULE_ID || explained.has(relation)) continue;
      const { side, totalRow: row } = relation;
      const totalCaption = side.captions[relation.column];
      const partCaptions = (relation.partColumns ?? []).map((p) => side.captions[p]);
      const finding = relationFinding(table, relation, {
        mismatch: (actual, expected) =>
          MESSAGES.rowTotal(rowTitle(row), totalCaption, partCaptions, actual, expected),
        rounding: (actual, expected) =>
          MESSAGES.rowTotalRounding(rowTitle(row), totalCaption, actual, expected),
      });
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
