import { cellRefs } from "../../finding";
import type { Finding } from "../../finding";
import { AmountUnit, Money, ZERO, convertUnit, toHalfWidth } from "../../money";
import {
  GoalIndicator,
  IndicatorValue,
  PerformanceGoalForm,
  isCountValue,
  moneyOfValue,
  parseIndicatorValue,
} from "../../read/goals";
import { GOAL_MESSAGES, MESSAGES, RULE_TITLES } from "../../messages";
import type { Rule, WorkbookRuleContext } from "../rule";
import {
  budgetLabel,
  formTitle,
  goalForms,
  inWan,
  isAmount,
  projectNote,
  projectRelated,
  showAmount,
} from "./common";

/**
 * A count and a per-unit standard bound the budget:
 *
 * - indicators: a 数量指标 count (8人, ≥209个) × a 成本指标 per-unit standard of the same subject
 *   (选调生人均补助标准 ≥2.2万元, 每个工作队支持资金 8万元) gives an interval the budget must lie in
 *   (8 × ≥2.2 = at least 17.60; 8 × ≤2.15 = at most 17.20);
 * - text: 项目概况 / 资金用途 such as “209个村每村每年14.3万元” (or “每人每年5万元” with the count
 *   from the 数量指标) states the budget exactly.
 *
 * Beyond 0.01万元 the budget is wrong (error); within it, a 舍入差异 (info). Subjects are matched by
 * name (人均 ↔ 人/名, 每村 ↔ 村, 每个工作队 ↔ 工作队) so unrelated pairs (单次督导成本 × 单位数量) are left alone.
 */
const RULE_ID = "goals.unit-cost";
const TOLERANCE_WAN = new Money("0.01");

interface Interval {
  low: Money;
  /** undefined: unbounded. */
  high?: Money;
}

function interval(v: Extract<IndicatorValue, { kind: "quantity" }>, amount: Money): Interval {
  switch (v.comparator) {
    case "≥":
    case ">":
      return { low: amount };
    case "≤":
    case "<":
      return { low: ZERO, high: amount };
    default:
      return { low: amount, high: amount };
  }
}

const PERSON = /^(人|名|位)/;

/** The subjects a per-unit standard is about: 人均 → 人; 每个工作队 → 工作队, 工作, 工; 元/人 → 人. */
function costSubjects(text: string, value: IndicatorValue): string[] {
  const subjects: string[] = [];
  const average = /([人户村生])均/.exec(text);
  if (average) subjects.push(average[1] === "生" ? "人" : average[1]);
  const each = /每(?:个|名|位|家|座|所)?([\u4e00-\u9fff]{1,4})/.exec(text);
  if (each) for (let n = each[1].length; n >= 1; n--) subjects.push(each[1].slice(0, n));
  if (value.kind === "quantity") {
    const per = moneyOfValue(value)?.per;
    if (per) subjects.push(per);
    const prefix = /每(?:个|名|位)?([\u4e00-\u9fff])/.exec(value.prefix);
    if (prefix) subjects.push(prefix[1]);
  }
  return subjects.map((s) => (PERSON.test(s) ? "人" : s));
}

function countMatches(
  subjects: readonly string[],
  count: GoalIndicator,
  value: Extract<IndicatorValue, { kind: "quantity" }>
): boolean {
  const text = `${count.level3}${count.description ?? ""}${value.unit}`;
  return subjects.some((s) =>
    s === "人" ? PERSON.test(value.unit) || /人数|人员|人次/.test(text) : text.includes(s)
  );
}

interface Bound {
  basis: string;
  range: Interval;
  /** Cells on the form's sheet. */
  related: string[];
}

/** Indicator pairs of the year (Shanxi: the 年度 indicators). */
function indicatorBounds(form: PerformanceGoalForm): Bound[] {
  const indicators = form.indicators.filter((i) => i.period !== "实施期");
  const counts = indicators
    .map((i) => ({ indicator: i, value: parseIndicatorValue(i.value) }))
    .filter(
      (
        c
      ): c is { indicator: GoalIndicator; value: Extract<IndicatorValue, { kind: "quantity" }> } =>
        isCountValue(c.value) && !c.value.parts
    );
  const bounds: Bound[] = [];
  for (const cost of indicators) {
    if (!/成本/.test(cost.level2)) continue;
    const value = parseIndicatorValue(cost.value);
    const money = moneyOfValue(value);
    if (!money || value.kind !== "quantity") continue;
    const subjects = costSubjects(`${cost.level3}${cost.description ?? ""}`, value);
    if (subjects.length === 0) continue;
    const count = counts.find(
      (c) => /数量/.test(c.indicator.level2) && countMatches(subjects, c.indicator, c.value)
    );
    if (!count) continue;
    const n = interval(count.value, count.value.number);
    const rate = interval(value, inWan(money.amount, money.unit));
    const range: Interval = {
      low: n.low.times(rate.low),
      ...(n.high !== undefined && rate.high !== undefined ? { high: n.high.times(rate.high) } : {}),
    };
    bounds.push({
      basis: GOAL_MESSAGES.indicatorBasis(
        count.indicator.level3 || count.indicator.description,
        count.indicator.value,
        cost.level3 || cost.description,
        cost.value
      ),
      range,
      related: [count.indicator.cell, cost.cell],
    });
  }
  return bounds;
}

const RATE =
  /每(?:个|名|位|户|家)?([\u4e00-\u9fff]{1,4}?)(每年|每月|每天|每次)?(\d+(?:\.\d+)?)(万元|元)/g;
const COUNT_BEFORE = /(\d+)(?:个|名|位|户|家|所)?([\u4e00-\u9fff]{0,4})$/;

/** “209个村每村每年14.3万元” or “每人每年5万元” (count from the 数量指标). */
function textBounds(form: PerformanceGoalForm): Bound[] {
  const text = form.purposeText;
  if (!text) return [];
  const plain = toHalfWidth(text.text).replace(/\s/g, "");
  const bounds: Bound[] = [];
  for (const match of plain.matchAll(RATE)) {
    const [whole, subjectRaw, period, digits, unit] = match;
    if (period && period !== "每年") continue;
    const subject = PERSON.test(subjectRaw) ? "人" : subjectRaw;
    const rate = inWan(new Money(digits), unit as AmountUnit);
    const before = COUNT_BEFORE.exec(plain.slice(0, match.index));
    let count: Money | undefined;
    let countText = "";
    const related: string[] = [text.cell];
    if (
      before &&
      (before[2] === "" || before[2].includes(subject) || subject.includes(before[2]))
    ) {
      count = new Money(before[1]);
      countText = before[0];
    } else {
      const indicator = form.indicators
        .filter((i) => i.period !== "实施期" && /数量/.test(i.level2))
        .map((i) => ({ i, v: parseIndicatorValue(i.value) }))
        .find(
          ({ i, v }) =>
            isCountValue(v) && v.comparator === "=" && !v.parts && countMatches([subject], i, v)
        );
      if (indicator && indicator.v.kind === "quantity") {
        count = indicator.v.number;
        countText = indicator.i.value;
        related.push(indicator.i.cell);
      }
    }
    if (!count) continue;
    const product = count.times(rate);
    const where =
      form.layout === "fundingPeriods" ? GOAL_MESSAGES.overviewField : GOAL_MESSAGES.purposeField;
    const quoted = text.text.length > 40 ? whole : text.text;
    const fromIndicator =
      countText && !plain.includes(toHalfWidth(countText))
        ? GOAL_MESSAGES.countFromIndicator(countText)
        : "";
    bounds.push({
      basis: GOAL_MESSAGES.textBasis(where, quoted, fromIndicator),
      range: { low: product, high: product },
      related,
    });
  }
  return bounds;
}

function check(model: WorkbookRuleContext["model"], form: PerformanceGoalForm): Finding[] {
  if (!isAmount(form.budget)) return [];
  const budget = inWan(form.budget.value, form.unit);
  const findings: Finding[] = [];
  const label = budgetLabel(form);
  const show = (wan: Money) => showAmount(convertUnit(wan, "万元", form.unit), form.unit);
  for (const bound of [...indicatorBounds(form), ...textBounds(form)]) {
    const { low, high } = bound.range;
    let miss: { limit: Money; difference: Money; kind: "lower" | "upper" | "exact" } | undefined;
    if (budget.lessThan(low))
      miss = {
        limit: low,
        difference: low.minus(budget),
        kind: high?.equals(low) ? "exact" : "lower",
      };
    else if (high !== undefined && budget.greaterThan(high))
      miss = {
        limit: high,
        difference: budget.minus(high),
        kind: high.equals(low) ? "exact" : "upper",
      };
    if (!miss) continue;
    const rounding = miss.difference.lessThanOrEqualTo(TOLERANCE_WAN);
    const title = formTitle(form);
    const args = [title, bound.basis, show(miss.limit), label, show(budget)] as const;
    const message = rounding
      ? MESSAGES.goalUnitCostRounding(...args)
      : (miss.kind === "lower"
          ? MESSAGES.goalUnitCostLower
          : miss.kind === "upper"
            ? MESSAGES.goalUnitCostUpper
            : MESSAGES.goalUnitCostExact)(...args, show(miss.difference));
    findings.push({
      ruleId: RULE_ID,
      severity: rounding ? "info" : "error",
      sheet: form.sheet,
      cell: form.budget.cell,
      message: message + (rounding ? "" : projectNote(model, form)),
      expected: `${miss.kind === "lower" ? "≥" : miss.kind === "upper" ? "≤" : ""}${convertUnit(miss.limit, "万元", form.unit).toString()}`,
      actual: form.budget.value.toString(),
      related: [...cellRefs(form.sheet, bound.related), ...projectRelated(model, form)],
      ...(rounding ? { rounding: true } : {}),
    });
  }
  return findings;
}

export const goalUnitCost: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["goals.unit-cost"],
  severity: "error",
  scope: "workbook",
  run({ model }) {
    return goalForms(model).flatMap((form) => check(model, form));
  },
};
