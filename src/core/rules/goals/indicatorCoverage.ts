import { cellRefs } from "../../finding";
import type { Finding } from "../../finding";
import type { GoalPeriod, PerformanceGoalForm } from "../../read/goals";
import { GOAL_MESSAGES, MESSAGES, RULE_TITLES } from "../../messages";
import type { Rule, WorkbookRuleContext } from "../rule";
import { formTitle, goalForms } from "./common";

/**
 * The indicators cover 产出, 效益 and 满意度 (一级指标). Where the template prints a 成本指标 row
 * (Shanxi), that row must be filled in as well.
 */
const RULE_ID = "goals.indicator-coverage";

const REQUIRED: readonly { name: string; test: RegExp }[] = [
  { name: GOAL_MESSAGES.outputIndicators, test: /产出/ },
  { name: GOAL_MESSAGES.benefitIndicators, test: /效益/ },
  { name: GOAL_MESSAGES.satisfactionIndicators, test: /满意/ },
];

function check(form: PerformanceGoalForm): Finding[] {
  const findings: Finding[] = [];
  const periods: (GoalPeriod | undefined)[] = [
    ...new Set([...form.indicators, ...form.emptyIndicatorRows].map((i) => i.period)),
  ];
  if (periods.length === 0) periods.push(undefined);
  const title = formTitle(form);
  const periodText = (list: (GoalPeriod | undefined)[]) =>
    list[0] ? `（${list.join("、")}）` : "";
  // One finding per missing level, naming the periods it is missing from.
  for (const req of REQUIRED) {
    const lacking = periods.filter(
      (period) =>
        !form.indicators.some(
          (i) =>
            i.period === period &&
            (req.test.test(i.level1) || (i.level1 === "" && req.test.test(i.level2)))
        )
    );
    if (lacking.length === 0) continue;
    const anchor = form.indicators.find((i) => i.period === lacking[0]);
    findings.push({
      ruleId: RULE_ID,
      severity: "warning",
      sheet: form.sheet,
      cell: anchor?.nameCell ?? form.titleCell,
      message: MESSAGES.goalIndicatorMissing(title, `“${req.name}”`, periodText(lacking)),
    });
  }
  if (form.layout === "fundingPeriods") {
    const emptyCost = periods
      .map((period) => ({
        period,
        row: form.emptyIndicatorRows.find(
          (row) => row.period === period && /成本/.test(row.level2)
        ),
      }))
      .filter(
        ({ period, row }) =>
          row && !form.indicators.some((i) => i.period === period && /成本/.test(i.level2))
      );
    if (emptyCost.length > 0) {
      findings.push({
        ruleId: RULE_ID,
        severity: "warning",
        sheet: form.sheet,
        cell: emptyCost[0].row!.cell,
        message: MESSAGES.goalCostIndicatorMissing(
          title,
          periodText(emptyCost.map((e) => e.period))
        ),
        related: cellRefs(
          form.sheet,
          emptyCost.slice(1).map((e) => e.row!.cell)
        ),
      });
    }
  }
  return findings;
}

export const goalIndicatorCoverage: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["goals.indicator-coverage"],
  severity: "warning",
  scope: "workbook",
  run({ model }) {
    return goalForms(model).flatMap(check);
  },
};
