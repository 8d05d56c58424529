import type { Finding } from "../finding";
import { MESSAGES } from "./messages";
import type { Rule } from "./rule";
import { directChildren, rowTitle, sumFinding } from "./sums";

/** 类 = Σ款, 款 = Σ项, column by column; each level only against its direct children. */
const RULE_ID = "sum.children";

export const childrenSum: Rule = {
  id: RULE_ID,
  title: "上级科目等于下级科目之和",
  severity: "error",
  scope: "table",
  run({ table }) {
    const findings: Finding[] = [];
    for (const side of table.sides) {
      for (const [parent, children] of directChildren(side)) {
        side.amountColumns.forEach((_, i) => {
          const caption = side.captions[i];
          const finding = sumFinding(
            RULE_ID,
            table,
            parent.cells[i],
            children.map((c) => c.cells[i]),
            {
              mismatch: (actual, expected) =>
                MESSAGES.childrenSum(rowTitle(parent), caption, actual, expected, children.length),
              rounding: (actual, expected) =>
                MESSAGES.childrenSumRounding(rowTitle(parent), caption, actual, expected),
            }
          );
          if (finding) findings.push(finding);
        });
      }
    }
    return findings;
  },
};
