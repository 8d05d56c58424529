/**
 * The 项目绩效目标表 rules. Each reads the forms through readGoalForms (cached per model) and never
 * changes the model.
 */
import type { Rule, WorkbookRuleContext } from "../rule";
import { goalBudgetText } from "./budgetText";
import { goalFormUnreadable } from "./formUnreadable";
import { goalFundSources } from "./fundSources";
import { goalIndicatorCoverage } from "./indicatorCoverage";
import { goalIndicatorDuplicate } from "./indicatorDuplicate";
import { goalIndicatorValue } from "./indicatorValue";
import { goalOneYearPeriod } from "./oneYearPeriod";
import { goalPlanMonotonic } from "./planMonotonic";
import { goalPlanTotal } from "./planTotal";
import { goalProjectLine } from "./projectLine";
import { goalProjectTotal } from "./projectTotal";
import { goalUnitCost } from "./unitCost";

export const GOAL_RULES: readonly Rule<WorkbookRuleContext>[] = [
  goalFormUnreadable,
  goalProjectLine,
  goalProjectTotal,
  goalFundSources,
  goalBudgetText,
  goalPlanMonotonic,
  goalPlanTotal,
  goalOneYearPeriod,
  goalUnitCost,
  goalIndicatorCoverage,
  goalIndicatorDuplicate,
  goalIndicatorValue,
];
