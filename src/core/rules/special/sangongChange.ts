import type { Finding } from "../../finding";
import { MESSAGES, RULE_TITLES } from "../../messages";
import type { Rule, WorkbookRuleContext } from "../rule";
import { changeFinding, rateFinding } from "../changeColumns";
import type { YearChangeCells } from "../changeColumns";
import { SangongMeasure, SangongView, percentValue, sangongViews } from "../../read/sangongTable";

/**
 * In the comparison form (上年预算数 / 本年预算数 / 增减 / 增减率): 增减 = 本年 − 上年, sign included, and
 * 增减率 = 增减 ÷ 上年 × 100 (to the decimals the table prints).
 */
const RULE_ID = "sangong.change";

/** The 上年 and 本年 measures a 增减 measure compares: same key, else the only ones there are. */
function pair(
  view: SangongView,
  change: SangongMeasure
): { prior: number; current: number } | undefined {
  const pick = (period: "prior" | "current") => {
    const all = view.measures.flatMap((m, i) => (m.period === period ? [i] : []));
    const sameKey = all.filter((i) => view.measures[i].key === change.key);
    if (sameKey.length === 1) return sameKey[0];
    return all.length === 1 ? all[0] : undefined;
  };
  const prior = pick("prior");
  const current = pick("current");
  return prior !== undefined && current !== undefined ? { prior, current } : undefined;
}

export const sangongChange: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["sangong.change"],
  severity: "error",
  scope: "workbook",
  run({ model }) {
    const findings: Finding[] = [];
    for (const view of sangongViews(model)) {
      view.measures.forEach((measure, m) => {
        if (measure.period !== "change" && measure.period !== "rate") return;
        const pairing = pair(view, measure);
        if (!pairing) {
          // Which columns a 增减 compares is never guessed: say that it could not be checked.
          findings.push({
            ruleId: RULE_ID,
            severity: "warning",
            sheet: view.table.sheet,
            cell: measure.address,
            message: MESSAGES.changeUnpaired(measure.caption),
            actual: measure.caption,
          });
          return;
        }
        for (const line of view.lines) {
          const cell = line.cells[m];
          const prior = line.cells[pairing.prior];
          const current = line.cells[pairing.current];
          if (!cell || !prior || !current) continue;
          if ([cell, prior, current].some((c) => c.parsed.kind === "invalid")) continue;
          if ([cell, prior, current].every((c) => c.parsed.kind === "empty")) continue;
          const at: YearChangeCells = {
            ruleId: RULE_ID,
            sheet: view.table.sheet,
            where: MESSAGES.sangongChangeRow(line.label),
            caption: measure.caption,
            cell,
            current,
            prior,
          };
          // 增减率: blank when there was nothing last year; the inputs are rounded to 0.01 万元.
          const finding =
            measure.period === "change"
              ? changeFinding(at)
              : rateFinding(
                  at,
                  percentValue(view, cell),
                  current.value.minus(prior.value),
                  prior.value,
                  2
                );
          if (finding) findings.push(finding);
        }
      });
    }
    return findings;
  },
};
