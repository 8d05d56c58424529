import type { Finding } from "../finding";
import { MESSAGES } from "./messages";
import type { Rule } from "./rule";
import { rowTitle, sumFinding, topLevelItems } from "./sums";

/** The 合计 row equals the sum of the 类 rows (or of the listed items of a summary list). */
const RULE_ID = "sum.total-row";

export const totalRowSum: Rule = {
  id: RULE_ID,
  title: "合计行等于各类之和",
  severity: "error",
  scope: "table",
  run({ table }) {
    const findings: Finding[] = [];
    for (const side of table.sides) {
      const items = topLevelItems(side);
      if (items.length === 0) continue;
      for (const total of side.rows.filter((row) => row.role === "total")) {
        side.amountColumns.forEach((_, i) => {
          const caption = side.captions[i];
          const finding = sumFinding(
            RULE_ID,
            table,
            total.cells[i],
            items.map((row) => row.cells[i]),
            {
              mismatch: (actual, expected) =>
                MESSAGES.totalRowSum(rowTitle(total), caption, actual, expected, items.length),
              rounding: (actual, expected) =>
                MESSAGES.totalRowSumRounding(rowTitle(total), caption, actual, expected),
            },
            // Uncoded lists (政府采购, 项目支出) leave columns such as 预算资金 or 单价 untotalled on purpose.
            { blankTotalMeansUntotalled: side.codeSystem === undefined }
          );
          if (finding) findings.push(finding);
        });
      }
    }
    return findings;
  },
};
