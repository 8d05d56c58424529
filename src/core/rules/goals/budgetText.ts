import { cellRefs } from "../../finding";
import type { Finding } from "../../finding";
import { AmountUnit, Money, convertUnit, roundMoney, toHalfWidth } from "../../money";
import type { GoalAmount, PerformanceGoalForm } from "../../read/goals";
import { MESSAGES, RULE_TITLES } from "../../messages";
import type { Rule, WorkbookRuleContext } from "../rule";
import { formTitle, goalForms, isAmount, showAmount, wanTolerance } from "./common";

/**
 * The 资金用途 text states the budget (“预算数5万元，其中财政资金5万元，主要用于…”); the stated
 * amounts must be the figures in the cells above it. A text that carries more decimals than the
 * cell (11.2016万元 vs 11.20) agrees when it rounds to the cell.
 */
const RULE_ID = "goals.budget-text";

const NUMBER = String.raw`(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万元|元)`;
const BUDGET_STATEMENT = new RegExp(
  String.raw`(?:预算数|预算金额|预算资金|项目资金|资金总额|项目总投资|总投资)(?:为|是|共计|合计|总计|共|:)?\s*` +
    NUMBER
);
const FISCAL_STATEMENT = new RegExp(
  String.raw`(?:其中)?(?:财政资金|财政拨款)(?:为|是|:)?\s*` + NUMBER
);

type Agreement = "exact" | "rounding" | "mismatch";

function compare(
  stated: Money,
  statedUnit: AmountUnit,
  cell: GoalAmount,
  unit: AmountUnit
): Agreement {
  const value = convertUnit(stated, statedUnit, unit);
  const decimals = unit === "元" ? 0 : 2;
  if (value.equals(cell.value) || roundMoney(value, decimals).equals(cell.value)) return "exact";
  return value.minus(cell.value).abs().lessThanOrEqualTo(wanTolerance(unit))
    ? "rounding"
    : "mismatch";
}

function statement(
  re: RegExp,
  text: string
): { amount: Money; unit: AmountUnit; shown: string } | undefined {
  const match = re.exec(toHalfWidth(text));
  if (!match) return undefined;
  return {
    amount: new Money(match[1].replace(/,/g, "")),
    unit: match[2] as AmountUnit,
    shown: `${match[1]}${match[2]}`,
  };
}

function check(form: PerformanceGoalForm): Finding | undefined {
  const purpose = form.purposeText;
  if (!purpose || !isAmount(form.budget)) return undefined;
  const budget = statement(BUDGET_STATEMENT, purpose.text);
  const fiscal =
    form.fiscal && isAmount(form.fiscal) ? statement(FISCAL_STATEMENT, purpose.text) : undefined;
  const budgetAgreement = budget
    ? compare(budget.amount, budget.unit, form.budget, form.unit)
    : "exact";
  const fiscalAgreement =
    fiscal && form.fiscal ? compare(fiscal.amount, fiscal.unit, form.fiscal, form.unit) : "exact";
  const title = formTitle(form);
  const base = { ruleId: RULE_ID, sheet: form.sheet, cell: purpose.cell };
  if (budget && budgetAgreement === "mismatch") {
    let message = MESSAGES.goalBudgetText(
      title,
      budget.shown,
      form.budget.cell,
      showAmount(form.budget.value, form.unit)
    );
    if (fiscal && form.fiscal && fiscalAgreement === "mismatch") {
      message += MESSAGES.goalFiscalTextAlso(
        fiscal.shown,
        showAmount(form.fiscal.value, form.unit)
      );
    }
    return {
      ...base,
      severity: "error",
      message,
      expected: form.budget.value.toString(),
      actual: convertUnit(budget.amount, budget.unit, form.unit).toString(),
      related: cellRefs(form.sheet, [form.budget.cell, ...(form.fiscal ? [form.fiscal.cell] : [])]),
    };
  }
  if (fiscal && form.fiscal && fiscalAgreement === "mismatch") {
    return {
      ...base,
      severity: "error",
      message: MESSAGES.goalFiscalText(
        title,
        fiscal.shown,
        form.fiscal.cell,
        showAmount(form.fiscal.value, form.unit)
      ),
      expected: form.fiscal.value.toString(),
      actual: convertUnit(fiscal.amount, fiscal.unit, form.unit).toString(),
      related: cellRefs(form.sheet, [form.fiscal.cell]),
    };
  }
  if (budget && budgetAgreement === "rounding") {
    return {
      ...base,
      severity: "info",
      rounding: true,
      message: MESSAGES.goalBudgetTextRounding(
        title,
        budget.shown,
        showAmount(form.budget.value, form.unit)
      ),
      expected: form.budget.value.toString(),
      actual: convertUnit(budget.amount, budget.unit, form.unit).toString(),
      related: cellRefs(form.sheet, [form.budget.cell]),
    };
  }
  return undefined;
}

export const goalBudgetText: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["goals.budget-text"],
  severity: "error",
  scope: "workbook",
  run({ model }) {
    return goalForms(model).flatMap((form) => check(form) ?? []);
  },
};
