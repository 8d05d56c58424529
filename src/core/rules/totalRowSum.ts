import type { Finding } from "../finding";
import { MESSAGES, RULE_TITLES } from "../messages";
import type { Rule } from "./rule";
import { analyzeSums } from "./sumRelations";
import { relationFinding, rowTitle } from "./sums";

/** The 合计 row equals the sum of the 类 rows (or of the listed items of a summary list). */
const RULE_ID = "sum.total-row";

export const totalRowSum: Rule = {
  id: RULE_ID,
  title: RULE_TITLES["sum.total-row"],
  severity: "error",
  scope: "table",
  run({ table }) {
    const { relations, explained } = analyzeSums(table);
    const findings: Finding[] = [];
    for (const relation of relations) {
      if (relation.rule !== RULE_ID || explained.has(relation)) continue;
      const total = relation.totalRow;
      const caption = relation.side.captions[relation.column];
      const finding = relationFinding(table, relation, {
        mismatch: (actual, expected) =>
          MESSAGES.totalRowSum(rowTitle(total), caption, actual, expected, relation.parts.length),
        rounding: (actual, expected) =>
          MESSAGES.totalRowSumRounding(rowTitle(total), caption, actual, expected),
      });
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
