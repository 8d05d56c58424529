/** The rules whose findings core/fixes.ts can fix, by title. Light: no checking engine. */
import { FIX_KINDS } from "./fixKinds";
import { amountAsText } from "./rules/amountCells";
import { childrenSum } from "./rules/childrenSum";
import { rowTotalParts } from "./rules/rowTotalParts";
import { sumRootCause } from "./rules/sumRootCause";
import { totalRowSum } from "./rules/totalRowSum";

/** The Chinese titles of the fixable rules (for 全部修正), from the rules themselves. */
export function fixableRuleTitles(): Record<string, string> {
  const rules = [sumRootCause, childrenSum, totalRowSum, rowTotalParts, amountAsText];
  return Object.fromEntries(
    rules.filter((rule) => rule.id in FIX_KINDS).map((rule) => [rule.id, rule.title])
  );
}
