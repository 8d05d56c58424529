import type { Finding } from "../finding";
import { MESSAGES, RULE_TITLES } from "../messages";
import type { Rule } from "./rule";
import { analyzeSums } from "./sumRelations";
import { relationFinding, rowTitle } from "./sums";

/** 类 = Σ款, 款 = Σ项, column by column; each level only against its direct children. */
const RULE_ID = "sum.children";

export const childrenSum: Rule = {
  id: RULE_ID,
  title: RULE_TITLES["sum.children"],
  severity: "error",
  scope: "table",
  run({ table }) {
    const { relations, explained } = analyzeSums(table);
    const findings: Finding[] = [];
    for (const relation of relations) {
      if (relation.rule !== RULE_ID || explained.has(relation)) continue;
      const parent = relation.totalRow;
      const caption = relation.side.captions[relation.column];
      const finding = relationFinding(table, relation, {
        mismatch: (actual, expected) =>
          MESSAGES.childrenSum(rowTitle(parent), caption, actual, expected, relation.parts.length),
        rounding: (actual, expected) =>
          MESSAGES.childrenSumRounding(rowTitle(parent), caption, actual, expected),
      });
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
