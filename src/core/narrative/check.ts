/**
 * Checks a 情况说明 against the tables it explains: every statement `extractStatements` finds is
 * compared with what the tables say (`NarrativeFacts`, facts.ts), and a statement agrees when it
 * equals one of the figures its term may stand for. The text's own arithmetic is redone: a total
 * against the parts listed after it, a change against its parts and its growth rate, a share
 * against the two figures it divides.
 *
 * Severity: a figure that differs from the table is an error; a difference within the rounding
 * tolerance of the figures involved (a total 0.01 off the sum of its rounded parts) is info
 * 舍入差异 with `rounding: true`; a 【请填写：…】 placeholder left in is a warning.
 */
import type { CellRef, Finding } from "../finding";
import type { BudgetFigures } from "../figures/figures";
import { formatAmount, formatPercent } from "../messages/amounts";
import { NARRATIVE_MESSAGES } from "../messages/narrative";
import { Money, ZERO, formatMoney, roundMoney } from "../money";
import type { WorkbookModel } from "../read/workbook";
import { compareSum, roundingTolerance } from "../rounding";
import type { SumComparison } from "../rounding";
import type { TemplateId, UnitNature } from "../model";
import {
  DECOMPOSITIONS,
  decompositionsOf,
  extractStatements,
  isPartOf,
  subjectLabel,
} from "./extract";
import type { Mention, SubjectId } from "./extract";
import { PLACEHOLDER_PATTERN } from "./types";
import type { LastYearFigures, NarrativeInput } from "./types";
import {
  emptyFacts,
  factsFromFigures,
  factsFromModel,
  knownZero,
  listedProjects,
  fundedProjects,
  printedFigures,
} from "./facts";
import type { FactFigure, NarrativeFacts } from "./facts";

// What the tables say lives in facts.ts; its API is re-exported for the callers of this module.
export {
  emptyFacts,
  factsFromFigures,
  factsFromModel,
  knownZero,
  listedProjects,
  fundedProjects,
  printedFigures,
};
export type { FactFigure, NarrativeFacts };

// ---------------------------------------------------------------------------------------------
// Checking

export interface CheckNarrativeOptions {
  unitNature?: UnitNature;
  /** The layout the figures are published in (checking against figures): how projects are counted. */
  template?: TemplateId;
  /** Last year's figures, for the 比上年 statements. */
  lastYear?: LastYearFigures;
}

const RULE = {
  amount: "narrative.amount",
  sum: "narrative.sum",
  share: "narrative.share",
  rate: "narrative.rate",
  change: "narrative.change",
  count: "narrative.count",
  none: "narrative.none",
  placeholder: "narrative.placeholder",
} as const;

/** The word that makes a 持平 rough (基本持平), as extract's ROUGHLY knows them. */
const ROUGH_WORD = /基本|大体|大致|总体|整体|接近|近乎|趋于|略|约/;

export const NARRATIVE_RULE_IDS: readonly string[] = Object.values(RULE);

type Status = "exact" | "rounding" | "mismatch";

const show = (value: Money) => formatMoney(value);
const showPercent = (value: Money) => formatPercent(value);

/** A part is listed once per subject (项目类别 by their names). */
const partKey = (m: Mention) =>
  m.subject === "projectCategory" ? `${m.subject}:${m.subjectText}` : (m.subject ?? "");

/** Terms whose figures a stated amount is compared with (inherited subjects excepted). */
function tableSubject(m: Mention): SubjectId | undefined {
  if (!m.subject) return undefined;
  if (m.subject === "projectsManaged") return m.kind === "amount" ? "project" : undefined;
  if (
    ["goalsPublished", "projectCategory", "assetPurchase", "purchasedServices"].includes(m.subject)
  )
    return undefined;
  return m.subject;
}

class NarrativeChecker {
  readonly findings: Finding[] = [];
  readonly mentions: Mention[];
  /** Changes stated only as roughly flat (基本持平): no figure, but a sum they keep from running says so. */
  readonly roughly: Mention[] = [];
  /** Paragraph index → scope id (a paragraph ending in 其中： continues into the next ones). */
  readonly scopes: number[];

  constructor(
    readonly paragraphs: readonly NarrativeInput[],
    readonly facts: NarrativeFacts
  ) {
    this.mentions = extractStatements(paragraphs, this.roughly);
    this.scopes = scopesOf(paragraphs.map((p) => p.text));
  }

  /** The finding's place: the row's cell, or “情况说明第N段” in the message. */
  push(
    ruleId: string,
    severity: Finding["severity"],
    paragraph: number,
    message: string,
    extra: Partial<Finding> = {}
  ): void {
    const input = this.paragraphs[paragraph];
    const place = input.location ?? `情况说明第${paragraph + 1}段`;
    const finding: Finding = {
      ruleId,
      severity,
      message: input.sheet && input.cell ? message : `${place}：${message}`,
      ...extra,
    };
    if (input.sheet) finding.sheet = input.sheet;
    if (input.cell) finding.cell = input.cell;
    this.findings.push(finding);
  }

  inScope(m: Mention): Mention[] {
    const scope = this.scopes[m.paragraph];
    return this.mentions.filter((x) => this.scopes[x.paragraph] === scope);
  }

  /** Quote of a statement: its term and number as written. */
  quote(m: Mention): string {
    if (m.subjectFrom === "term" && m.subjectText) return `“${m.subjectText}${m.written}”`;
    const lead = m.lead.replace(/^(?:其中|其|主要包括|包括)/, "");
    return `“${lead.length > 16 ? `…${lead.slice(-16)}` : lead}${m.written}”`;
  }

  // -- stated amounts vs the tables --------------------------------------------------------------

  compare(stated: Mention, figure: FactFigure): Status {
    const diff = stated.value.minus(figure.value).abs();
    if (diff.isZero()) return "exact";
    // More decimals than the table (11.2016万元 for 11.20): the table shows it rounded.
    if (stated.decimals > 2 && roundMoney(stated.value, 2).equals(figure.value)) return "exact";
    // Fewer decimals (30万元 for 30.40): the table figure rounded, a rounding difference.
    if (stated.decimals < 2 && roundMoney(figure.value, stated.decimals).equals(stated.value))
      return "rounding";
    return diff.lessThanOrEqualTo(roundingTolerance(1)) ? "rounding" : "mismatch";
  }

  /** The table figure a statement stands for: the one it equals, else the nearest. */
  best(m: Mention, subject: SubjectId | undefined = tableSubject(m)): FactFigure | undefined {
    if (!subject) return undefined;
    const list = this.facts.figures.get(subject);
    if (!list || list.length === 0) return undefined;
    const preferred = list.filter((f) => m.qualifiers.some((q) => f.label.includes(q)));
    const pool = [...preferred, ...list];
    return pool.reduce((a, b) =>
      m.value.minus(b.value).abs().lessThan(m.value.minus(a.value).abs()) ? b : a
    );
  }

  amounts(): void {
    for (const m of this.mentions) {
      if (m.kind !== "amount" || m.role !== "level") continue;
      const subject = tableSubject(m);
      if (!subject || (m.subjectFrom !== "term" && subject !== "project")) continue;
      if (subject === "agencyOperating" && this.facts.unitNature === "事业") continue;
      const figure = this.best(m, subject);
      if (!figure) continue;
      const status = this.compare(m, figure);
      if (status === "exact") continue;
      const rounding = status === "rounding";
      const guessed = subject === "agencyOperating" && this.facts.agencyFromPublicUse;
      const severity = rounding ? "info" : guessed && !this.facts.unitNature ? "warning" : "error";
      this.push(
        RULE.amount,
        severity,
        m.paragraph,
        `${rounding ? "舍入差异：" : ""}文中${this.quote(m)}，而${figure.label}为 ${show(figure.value)} 万元` +
          (rounding ? "，在四舍五入允许范围内。" : "，二者不一致。"),
        {
          expected: figure.value.toFixed(2),
          actual: m.value.toFixed(Math.max(m.decimals, 2)),
          ...(figure.ref ? { related: [figure.ref] } : {}),
          ...(rounding ? { rounding: true } : {}),
        }
      );
    }
  }

  // -- a whole and the parts listed after it ------------------------------------------------------

  /** The nearest statement before `m` (in its scope, same role and kind) that `m` is a part of. */
  wholeOf(m: Mention, role: Mention["role"], kinds: Mention["kind"][]): Mention | undefined {
    if (!m.subject) return undefined;
    const scope = this.inScope(m).filter(
      (x) => x.index < m.index && x.role === role && kinds.includes(x.kind) && x.subject
    );
    for (let i = scope.length - 1; i >= 0; i--) {
      const h = scope[i];
      if (h.kind !== m.kind) continue;
      if (decompositionsOf(h.subject!, m.subject).length > 0) return h;
    }
    return undefined;
  }

  /** Each whole against the parts listed after it, where the list is complete. */
  sums(role: "level" | "change"): void {
    const groups = new Map<number, Mention[]>();
    for (const m of this.mentions) {
      if (m.role !== role || !m.subject || m.kind === "percent") continue;
      const whole = this.wholeOf(m, role, ["amount", "count"]);
      if (!whole) continue;
      const list = groups.get(whole.index) ?? [];
      if (!list.some((x) => partKey(x) === partKey(m))) list.push(m);
      groups.set(whole.index, list);
    }
    for (const [wholeIndex, assigned] of groups) {
      const whole = this.mentions[wholeIndex];
      for (const d of DECOMPOSITIONS.filter((x) => x.wholes.includes(whole.subject!))) {
        const parts = assigned.filter((p) => isPartOf(p.subject!, d));
        if (d.parts === "class" && role === "change" && this.roughlyFlatClasses(whole, parts))
          continue;
        if (parts.length < 2) continue;
        if (d.parts === "class") {
          if (role === "change" && this.classesOfOneYear(whole, parts)) continue;
          const listed = new Set(parts.map((p) => p.subject!.slice(6)));
          if (this.facts.classes.size === 0 || [...this.facts.classes].some((c) => !listed.has(c)))
            continue;
        } else if (d.parts !== "category") {
          const missing = d.parts.filter((s) => !parts.some((p) => p.subject === s));
          if (missing.some((s) => !knownZero(this.facts, s))) continue;
        }
        this.sumFinding(whole, parts, role);
      }
    }
  }

  /**
   * A total change whose 类 changes are complete only with 类 stated as 基本持平 (no exact figure):
   * they cannot be added up. Says so (提示) at the total's paragraph, so that the skipped check is
   * seen, and returns true; false when no 类 of the list is stated so.
   */
  roughlyFlatClasses(whole: Mention, parts: Mention[]): boolean {
    if (this.facts.classes.size === 0) return false;
    const scope = this.scopes[whole.paragraph];
    const listed = new Set(parts.map((p) => p.subject!.slice(6)));
    const rough = this.roughly.filter(
      (r) =>
        this.scopes[r.paragraph] === scope &&
        r.subject?.startsWith("class:") &&
        !listed.has(r.subject.slice(6)) &&
        this.facts.classes.has(r.subject.slice(6))
    );
    if (rough.length === 0) return false;
    const stated = new Set([...listed, ...rough.map((r) => r.subject!.slice(6))]);
    // Other 类 missing altogether: the list is incomplete anyway, not for want of a figure.
    if ([...this.facts.classes].some((c) => !stated.has(c))) return false;
    const names = [...new Set(rough.map((r) => r.subjectText ?? subjectLabel(r.subject!)))];
    const wordings = [
      ...new Set(rough.map((r) => `${ROUGH_WORD.exec(r.lead)?.[0] ?? "基本"}持平`)),
    ];
    this.push(
      RULE.sum,
      "info",
      whole.paragraph,
      NARRATIVE_MESSAGES.classChangesRoughlyFlat(
        this.quote(whole),
        names.join("、"),
        wordings.join("”“")
      )
    );
    return true;
  }

  /**
   * A total change whose list of 类 changes leaves out 类 of one year only, where last year's 类 are
   * known (check --previous): a 类 last year had and this year has not changed by minus last year's
   * amount, stated or not, so the list is completed with it and the clerk told which 类 the text
   * leaves out (a warning when the sum then holds, an error naming it when it does not). A 类 new
   * this year, or a 类 gone under a total of part of the funds (last year's 类 are all funds), has
   * no change known here: a 提示 that the sum was not checked. Returns false, leaving the sum to
   * the usual rule, when no such 类 is left out or a 类 of both years is (the text then names the
   * main changes only).
   */
  classesOfOneYear(whole: Mention, parts: Mention[]): boolean {
    const lastYear = [...this.facts.lastYear.keys()]
      .filter((s) => s.startsWith("class:"))
      .map((s) => s.slice(6));
    const thisYear = this.facts.classes;
    if (lastYear.length === 0 || thisYear.size === 0) return false;
    const listed = new Set(parts.map((p) => p.subject!.slice(6)));
    const gone = lastYear.filter((c) => !thisYear.has(c) && !listed.has(c));
    const added = [...thisYear].filter((c) => !lastYear.includes(c) && !listed.has(c));
    if (gone.length === 0 && added.length === 0) return false;
    if ([...thisYear].some((c) => !listed.has(c) && !added.includes(c))) return false;
    const name = (code: string) => `“${subjectLabel(`class:${code}`)}”`;
    const allFunds = whole.subject === "expenditureTotal" || whole.subject === "budgetTotal";
    if (added.length > 0 || !allFunds) {
      const left = [
        ...added.map((c) => `${name(c)}（本年新增）`),
        ...gone.map((c) => `${name(c)}（本年没有）`),
      ];
      this.push(
        RULE.sum,
        "info",
        whole.paragraph,
        NARRATIVE_MESSAGES.classesNewUnstated(this.quote(whole), left.join("、"))
      );
      return true;
    }
    const lastOf = (code: string) => this.facts.lastYear.get(`class:${code}`)!.value;
    const goneText = gone
      .map(
        (c) =>
          `${name(c)}（上年 ${show(lastOf(c))} 万元，本年没有这类支出，${changeText(lastOf(c).negated())}）`
      )
      .join("、");
    const goneTotal = gone.reduce((sum, c) => sum.plus(lastOf(c)), ZERO);
    const listedSum = compareStated(whole, parts).expected;
    // The gone 类 are exact (last year's printed figures): only the listed ones are rounded.
    const comparison = compareStated({ ...whole, value: whole.value.plus(goneTotal) }, parts);
    const expected = listedSum.minus(goneTotal);
    const extra = { expected: expected.toFixed(2), actual: whole.value.toFixed(2) };
    if (comparison.agreement === "mismatch") {
      this.push(
        RULE.sum,
        "error",
        whole.paragraph,
        NARRATIVE_MESSAGES.classesGoneMismatch(
          this.quote(whole),
          parts.map((p) => p.subjectText ?? subjectLabel(p.subject!)).join("、"),
          changeText(listedSum),
          goneText,
          changeText(expected),
          show(comparison.difference.abs())
        ),
        extra
      );
      return true;
    }
    this.push(
      RULE.sum,
      "warning",
      whole.paragraph,
      NARRATIVE_MESSAGES.classesGoneUnstated(
        this.quote(whole),
        goneText,
        changeText(expected),
        gone.map((c) => subjectLabel(`class:${c}`)).join("、")
      ),
      extra
    );
    return true;
  }

  sumFinding(whole: Mention, parts: Mention[], role: "level" | "change"): void {
    const unit = whole.kind === "count" ? "个" : "万元";
    const names = parts.map((p) => p.subjectText ?? subjectLabel(p.subject!)).join("、");
    if (whole.kind === "count") {
      if (whole.subject === "goalsPublished" || whole.subject === "projectsManaged") return; // counts()
      const total = parts.reduce((s, p) => s.plus(p.value), ZERO);
      if (total.equals(whole.value)) return;
      this.push(
        RULE.sum,
        "error",
        whole.paragraph,
        `文中${this.quote(whole)}，其下所列${names}合计 ${formatAmount(total, 0)} ${unit}，二者不一致。`,
        { expected: total.toFixed(0), actual: whole.value.toFixed(0) }
      );
      return;
    }
    const comparison = compareStated(whole, parts);
    if (comparison.agreement === "exact") return;
    const rounding = comparison.agreement === "rounding";
    const sum =
      role === "change"
        ? `的增减额合计为${changeText(comparison.expected)}`
        : `的金额合计为 ${show(comparison.expected)} 万元`;
    this.push(
      RULE.sum,
      rounding ? "info" : "error",
      whole.paragraph,
      `${rounding ? "舍入差异：" : ""}文中${this.quote(whole)}，而其后所列${names}${sum}，相差 ${show(comparison.difference)} 万元` +
        (rounding ? "，在四舍五入允许范围内。" : "。"),
      {
        expected: comparison.expected.toFixed(2),
        actual: whole.value.toFixed(2),
        ...(rounding ? { rounding: true } : {}),
      }
    );
  }

  /** 以上…合计: itemised changes (projects) against the subtotals the text states. */
  itemisedChanges(): void {
    const byScope = new Map<number, Mention[]>();
    for (const m of this.mentions) {
      if (m.role !== "change" || m.kind !== "amount") continue;
      const scope = this.scopes[m.paragraph];
      byScope.set(scope, [...(byScope.get(scope) ?? []), m]);
    }
    for (const changes of byScope.values()) {
      let items: Mention[] = [];
      let subtotals: Mention[] = [];
      for (const m of changes) {
        if (m.subtotal) {
          const parts = items.length > 0 ? items : subtotals.length >= 2 ? subtotals : [];
          if (parts.length > 0) this.subtotalFinding(m, parts, items.length === 0);
          if (items.length > 0) subtotals.push(m);
          else subtotals = [];
          items = [];
        } else if (!m.subject) items.push(m);
        else {
          items = [];
          subtotals = [];
        }
      }
    }
  }

  subtotalFinding(total: Mention, parts: Mention[], ofSubtotals: boolean): void {
    const comparison = compareStated(total, parts);
    if (comparison.agreement === "exact") return;
    const rounding = comparison.agreement === "rounding";
    const listed = parts.map((p) => changeText(p.value)).join("、");
    this.push(
      RULE.change,
      rounding ? "info" : "error",
      total.paragraph,
      `${rounding ? "舍入差异：" : ""}文中${ofSubtotals ? "以上合计" : "合计"}${changeText(total.value)}，而所列${ofSubtotals ? "各小计" : `${parts.length}项`}（${listed}）相加为${changeText(comparison.expected)}` +
        (rounding ? "，在四舍五入允许范围内。" : "，二者不一致。"),
      {
        expected: comparison.expected.toFixed(2),
        actual: total.value.toFixed(2),
        ...(rounding ? { rounding: true } : {}),
      }
    );
  }

  /** 比上年增减 against last year's figures, where known. */
  changesVsLastYear(): void {
    for (const m of this.mentions) {
      if (m.role !== "change" || m.kind !== "amount" || !m.subject || m.subtotal) continue;
      const last = this.facts.lastYear.get(m.subject);
      if (!last) continue;
      // This year's figure: the one the sentence states, else any the tables give for the term.
      const level = m.of !== undefined ? this.mentions[m.of] : undefined;
      const stated = level ? this.best(level) : undefined;
      const candidates = stated
        ? [stated]
        : (this.facts.figures.get(m.subject) ?? this.goneClass(m.subject) ?? []);
      if (candidates.length === 0) continue;
      const tried = candidates.map((figure) => {
        const expected = figure.value.minus(last.value);
        return { current: figure, expected, comparison: compareSum(m.value, [expected]) };
      });
      const rank = { exact: 0, rounding: 1, mismatch: 2 } as const;
      const { current, expected, comparison } = tried.reduce((a, b) =>
        rank[b.comparison.agreement] < rank[a.comparison.agreement] ? b : a
      );
      if (comparison.agreement === "exact") continue;
      // 持平 is no rounded figure: the two years' figures are equal, or it is wrong.
      const rounding = comparison.agreement === "rounding" && !m.flat;
      this.push(
        RULE.change,
        rounding ? "info" : "error",
        m.paragraph,
        `${rounding ? "舍入差异：" : ""}文中${subjectLabel(m.subject)}比上年${changeText(m.value)}，而本年 ${show(current.value)} 万元、上年 ${show(last.value)} 万元，应为${changeText(expected)}` +
          (rounding ? "，在四舍五入允许范围内。" : "。"),
        {
          expected: expected.toFixed(2),
          actual: m.value.toFixed(2),
          related: [current.ref, last.ref].filter((r): r is CellRef => r !== undefined),
          ...(rounding ? { rounding: true } : {}),
        }
      );
    }
  }

  /** This year's 0 for a 类 the tables do not show at all, where they show other 类. */
  goneClass(subject: SubjectId): FactFigure[] | undefined {
    if (!subject.startsWith("class:") || this.facts.classes.size === 0) return undefined;
    if (this.facts.classes.has(subject.slice(6))) return undefined;
    return [{ value: ZERO, label: `本年${subjectLabel(subject)}` }];
  }

  /** Last year's figure the text states beside this year's `level` (较上年2.08万元…), if any. */
  statedPrior(level: Mention | undefined): Mention | undefined {
    if (!level) return undefined;
    return this.mentions.find((x) => x.role === "prior" && x.of === level.index);
  }

  /** 增减 = 本年 − 上年 where the text states both years' figures itself. */
  changesVsStatedPrior(): void {
    for (const m of this.mentions) {
      if (m.role !== "change" || m.kind !== "amount" || m.of === undefined || m.subtotal) continue;
      const level = this.mentions[m.of];
      const prior = this.statedPrior(level);
      if (!prior) continue;
      const expected = level.value.minus(prior.value);
      const comparison = compareSum(m.value, [expected]);
      if (comparison.agreement === "exact") continue;
      const rounding = comparison.agreement === "rounding" && !m.flat;
      this.push(
        RULE.change,
        rounding ? "info" : "error",
        m.paragraph,
        `${rounding ? "舍入差异：" : ""}文中${this.quote(level)}、上年${prior.written}，本年减上年应为${changeText(expected)}，而文中写的是${changeText(m.value)}` +
          (rounding ? "，在四舍五入允许范围内。" : "。"),
        {
          expected: expected.toFixed(2),
          actual: m.value.toFixed(2),
          ...(rounding ? { rounding: true } : {}),
        }
      );
    }
  }

  // -- percentages ---------------------------------------------------------------------------------

  /** A figure for a ratio: the table figure the statement stands for, else what it states. */
  ratioValue(m: Mention): Money {
    const figure = this.best(m);
    return figure ? figure.value : m.value;
  }

  rates(): void {
    for (const r of this.mentions) {
      if (r.role !== "rate" || r.of === undefined) continue;
      const change = this.mentions[r.of];
      const level =
        change.of !== undefined
          ? this.mentions[change.of]
          : this.inScope(change)
              .filter(
                (x) => x.index < change.index && x.role === "level" && x.subject === change.subject
              )
              .pop();
      const current = level
        ? level.value
        : change.subject
          ? this.facts.figures.get(change.subject)?.[0]?.value
          : undefined;
      if (!current) continue;
      // Last year's figure as the text states it (then the rate follows the two years' figures,
      // and a wrong 增减 is changesVsStatedPrior's finding), else this year's less the change.
      const stated = this.statedPrior(level)?.value;
      const prior = stated ?? current.minus(change.value);
      if (prior.isZero() || prior.isNegative()) continue;
      const exact = (stated ? current.minus(stated) : change.value).dividedBy(prior).times(100);
      const status = percentStatus(r, exact);
      if (status === "exact") continue;
      const rounding = status === "rounding";
      this.push(
        RULE.rate,
        rounding ? "info" : "error",
        r.paragraph,
        `${rounding ? "舍入差异：" : ""}文中${changeText(change.value)}、${rateText(r.value)}，按本年 ${show(current)} 万元、上年 ${show(prior)} 万元计算应为${rateText(roundMoney(exact, 2))}` +
          (rounding ? "，在四舍五入允许范围内。" : "。"),
        {
          expected: roundMoney(exact, 2).toFixed(2),
          actual: r.value.toFixed(2),
          ...(rounding ? { rounding: true } : {}),
        }
      );
    }
  }

  shares(): void {
    for (const s of this.mentions) {
      if (s.role !== "share" || !s.subject || s.baseUnknown) continue;
      const of = s.of !== undefined ? this.mentions[s.of] : undefined;
      const numerator = of ? this.ratioValue(of) : this.facts.figures.get(s.subject)?.[0]?.value;
      if (numerator === undefined) continue;
      let denominators: { value: Money; label: string }[] = [];
      if (s.base) {
        denominators = (this.facts.figures.get(s.base) ?? []).map((f) => ({
          value: f.value,
          label: f.label,
        }));
        // No table gives it (the text on its own): the figure the text states for it.
        const stated = this.statedWhole(s, s.base);
        if (denominators.length === 0 && stated)
          denominators = [{ value: stated.value, label: `文中${this.quote(stated)}` }];
      } else {
        const anchor = of ?? s;
        const whole =
          this.wholeOf(anchor, "level", ["amount"]) ??
          this.inScope(anchor).find(
            (x) => x.index < anchor.index && x.role === "level" && x.kind === "amount" && x.subject
          );
        if (whole) {
          const figure = this.best(whole);
          denominators = [
            {
              value: figure ? figure.value : whole.value,
              label: figure ? figure.label : `文中${this.quote(whole)}`,
            },
          ];
        }
      }
      denominators = denominators.filter((d) => !d.value.isZero());
      if (denominators.length === 0) continue;
      const tried = denominators.map((d) => {
        const exact = numerator.dividedBy(d.value).times(100);
        return { d, exact, status: percentStatus(s, exact) };
      });
      const rank: Record<Status, number> = { exact: 0, rounding: 1, mismatch: 2 };
      const best = tried.reduce((a, b) =>
        rank[b.status] < rank[a.status] ||
        (rank[b.status] === rank[a.status] &&
          b.exact.minus(s.value).abs().lessThan(a.exact.minus(s.value).abs()))
          ? b
          : a
      );
      if (best.status === "exact") continue;
      const rounding = best.status === "rounding";
      const name = of?.subjectText ?? subjectLabel(s.subject);
      this.push(
        RULE.share,
        rounding ? "info" : "error",
        s.paragraph,
        `${rounding ? "舍入差异：" : ""}文中${name}占 ${s.written}，按 ${show(numerator)} ÷ ${show(best.d.value)}（${best.d.label}）计算应为 ${showPercent(roundMoney(best.exact, 2))}` +
          (rounding ? "，在四舍五入允许范围内。" : "。"),
        {
          expected: roundMoney(best.exact, 2).toFixed(2),
          actual: s.value.toFixed(2),
          ...(rounding ? { rounding: true } : {}),
        }
      );
    }
  }

  /** The figure the text states for `subject` before `m` (in its scope, else its paragraph). */
  statedWhole(m: Mention, subject: SubjectId): Mention | undefined {
    const candidates = (list: Mention[]) =>
      list.filter(
        (x) =>
          x.index < m.index && x.role === "level" && x.kind === "amount" && x.subject === subject
      );
    return (
      candidates(this.inScope(m)).pop() ??
      candidates(this.mentions.filter((x) => x.paragraph === m.paragraph)).pop()
    );
  }

  /**
   * The shares of the parts of one whole add up to 100%: never more (within the rounding of each
   * share as written), and not less where the parts listed are all the whole has.
   */
  shareTotals(): void {
    const groups = new Map<number, { whole: Mention; shares: Mention[] }>();
    for (const s of this.mentions) {
      if (s.role !== "share" || s.of === undefined || s.baseUnknown) continue;
      const part = this.mentions[s.of];
      if (!part.subject) continue;
      const whole = s.base
        ? this.statedWhole(part, s.base)
        : this.wholeOf(part, "level", ["amount"]);
      if (!whole) continue;
      const group = groups.get(whole.index) ?? { whole, shares: [] };
      if (!group.shares.some((x) => partKey(this.mentions[x.of!]) === partKey(part)))
        group.shares.push(s);
      groups.set(whole.index, group);
    }
    for (const { whole, shares } of groups.values()) {
      if (shares.length < 2) continue;
      const total = shares.reduce((sum, x) => sum.plus(x.value), ZERO);
      // Each share rounded to its own decimals: the sum may be off by half a unit of each.
      const slack = shares.reduce(
        (sum, x) => sum.plus(new Money(10).pow(-Math.min(x.decimals, 2)).dividedBy(2)),
        ZERO
      );
      const over = total.minus(100);
      const listed = new Set(shares.map((x) => this.mentions[x.of!].subject!));
      const complete = DECOMPOSITIONS.some(
        (d) =>
          d.wholes.includes(whole.subject!) &&
          Array.isArray(d.parts) &&
          d.parts.every((p) => listed.has(p) || knownZero(this.facts, p)) &&
          [...listed].every((p) => (d.parts as readonly SubjectId[]).includes(p))
      );
      if (over.abs().lessThanOrEqualTo(slack) || (over.isNegative() && !complete)) continue;
      const names = shares
        .map(
          (x) =>
            `${this.mentions[x.of!].subjectText ?? subjectLabel(this.mentions[x.of!].subject!)}${x.written}`
        )
        .join("、");
      this.push(
        RULE.share,
        "error",
        whole.paragraph,
        `文中${this.quote(whole)}，其下所列${names}合计为 ${showPercent(total)}，${over.isNegative() ? "不足" : "超过"} 100%。`,
        { expected: "100.00", actual: total.toFixed(2) }
      );
    }
  }

  // -- counts ---------------------------------------------------------------------------------------

  /**
   * 项目N个: the number of projects under 绩效目标管理, or of published 绩效目标 said to cover 100%
   * of the project money, must be the number of projects the tables list; and the 其中 categories
   * must add up to it.
   */
  counts(): void {
    for (const c of this.mentions) {
      if (c.kind !== "count" || c.role !== "level") continue;
      if (c.subject !== "projectsManaged" && c.subject !== "goalsPublished") continue;
      const sentence = this.mentions.filter(
        (x) => x.paragraph === c.paragraph && x.sentenceIndex === c.sentenceIndex
      );
      const amount = sentence.find((x) => x.kind === "amount" && x.of === c.index);
      const full = sentence.some(
        (x) => x.role === "share" && amount && x.of === amount.index && x.value.equals(100)
      );
      const projectTotal = amount
        ? (this.facts.figures.get("project") ?? []).some(
            (f) => this.compare(amount, f) !== "mismatch"
          )
        : false;
      const evidence: string[] = [];
      let expected: number | undefined;
      const table = this.facts.projectCount;
      if (table && (c.subject === "projectsManaged" || full || projectTotal)) {
        if (table.value !== c.value.toNumber()) {
          expected = table.value;
          evidence.push(`${table.label}共 ${table.value} 个`);
        }
      }
      const earlierManaged = this.inScope(c).find(
        (x) =>
          x.index < c.index &&
          x.kind === "count" &&
          x.subject === "projectsManaged" &&
          !x.value.equals(c.value)
      );
      if (earlierManaged && (full || projectTotal)) {
        expected ??= earlierManaged.value.toNumber();
        evidence.push(`文中${this.quote(earlierManaged)}`);
      }
      const parts = this.mentions.filter(
        (x) =>
          x.kind === "count" &&
          x.subject === "projectCategory" &&
          this.wholeOf(x, "level", ["count"])?.index === c.index
      );
      const unique = parts.filter(
        (p, i) => parts.findIndex((q) => partKey(q) === partKey(p)) === i
      );
      if (unique.length >= 2) {
        const total = unique.reduce((s, p) => s + p.value.toNumber(), 0);
        if (total !== c.value.toNumber()) {
          expected ??= total;
          evidence.push(`其下所列${unique.map((p) => this.quote(p)).join("、")}合计 ${total} 个`);
        }
      }
      if (evidence.length === 0) continue;
      this.push(
        RULE.count,
        "error",
        c.paragraph,
        `文中${this.quote(c)}${full ? "（并称占项目支出总额的100%）" : ""}，而${evidence.join("；")}，个数不一致。`,
        {
          expected: String(expected),
          actual: c.value.toFixed(0),
          ...(table?.ref ? { related: [table.ref] } : {}),
        }
      );
    }
  }

  // -- 无“三公”经费, placeholders ----------------------------------------------------------------------

  noneStatements(): void {
    const NONE: { pattern: RegExp; subject: SubjectId; name: string }[] = [
      { pattern: /无[“"]?三公[”"]?经费/, subject: "threePublic", name: "“三公”经费" },
      { pattern: /无政府采购/, subject: "procurement", name: "政府采购预算" },
    ];
    this.paragraphs.forEach((p, i) => {
      for (const { pattern, subject, name } of NONE) {
        if (!pattern.test(p.text)) continue;
        const figure = (this.facts.figures.get(subject) ?? []).find((f) => !f.value.isZero());
        if (!figure) continue;
        this.push(
          RULE.none,
          "error",
          i,
          `文中称无${name}，而${figure.label}为 ${show(figure.value)} 万元。`,
          {
            expected: figure.value.toFixed(2),
            actual: "0.00",
            ...(figure.ref ? { related: [figure.ref] } : {}),
          }
        );
      }
    });
  }

  placeholders(): void {
    this.paragraphs.forEach((p, i) => {
      const prompts = [...p.text.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1]);
      if (prompts.length === 0) return;
      this.push(
        RULE.placeholder,
        "warning",
        i,
        `尚有待填写的内容：${prompts.map((t) => `“${t}”`).join("、")}。请填写后删除【请填写：…】标记。`
      );
    });
  }

  run(): Finding[] {
    this.amounts();
    this.sums("level");
    this.sums("change");
    this.itemisedChanges();
    this.changesVsLastYear();
    this.changesVsStatedPrior();
    this.rates();
    this.shares();
    this.shareTotals();
    this.counts();
    this.noneStatements();
    this.placeholders();
    return this.findings;
  }
}

/**
 * A whole stated in the text against the parts listed after it. A 持平 is an exact 0.00, not a
 * rounded figure, so it widens the rounding tolerance by nothing (as part or as whole).
 */
function compareStated(whole: Mention, parts: readonly Mention[]): SumComparison {
  const rounded = parts.filter((p) => !p.flat).map((p) => p.value);
  const comparison = compareSum(whole.value, rounded);
  if (!whole.flat || comparison.agreement !== "rounding") return comparison;
  const tolerance = roundingTolerance(rounded.length - 1);
  return comparison.difference.abs().lessThanOrEqualTo(tolerance)
    ? { ...comparison, tolerance }
    : { ...comparison, agreement: "mismatch", tolerance };
}

function changeText(value: Money): string {
  if (value.isZero()) return "持平（0.00万元）";
  return `${value.isNegative() ? "减少" : "增加"}${show(value.abs())}万元`;
}

function rateText(value: Money): string {
  return `${value.isNegative() ? "下降" : "增长"}${formatPercent(value.abs())}`;
}

/** A stated percentage against its exact value: within one unit of its last decimal is right. */
function percentStatus(stated: Mention, exact: Money): Status {
  const unit = new Money(10).pow(-Math.min(stated.decimals, 2));
  const diff = stated.value.minus(exact).abs();
  if (diff.lessThan(unit)) return "exact";
  return diff.lessThanOrEqualTo(unit.times(2)) ? "rounding" : "mismatch";
}

const HEADING =
  /^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[、.．])/;
const CONTINUES = /(?:其中|包括|如下|分别为|具体为|主要有)[:：]?\s*$/;

/** Paragraphs that belong together: one ending in “其中：” runs on until the next heading. */
function scopesOf(texts: readonly string[]): number[] {
  const scopes: number[] = [];
  let scope = 0;
  let open = false;
  texts.forEach((text, i) => {
    if (i > 0 && !(open && !HEADING.test(text))) {
      scope++;
      open = false;
    }
    scopes.push(scope);
    if (CONTINUES.test(text)) open = true;
  });
  return scopes;
}

function isModel(source: unknown): source is WorkbookModel {
  return typeof source === "object" && source !== null && "tables" in source && "forms" in source;
}

function isFigures(source: unknown): source is BudgetFigures {
  return (
    typeof source === "object" && source !== null && "byFunction" in source && "lines" in source
  );
}

/** Last year's figures as facts (an option overrides what the tables show). */
function withLastYear(
  facts: NarrativeFacts,
  lastYear: LastYearFigures | undefined
): NarrativeFacts {
  if (!lastYear) return facts;
  // 收入总计 = 支出总计 = 收支总计: one given stands for the others.
  const total = lastYear.budgetTotal ?? lastYear.expenditureTotal ?? lastYear.incomeTotal;
  const all: LastYearFigures = {
    ...lastYear,
    budgetTotal: total,
    expenditureTotal: lastYear.expenditureTotal ?? total,
    incomeTotal: lastYear.incomeTotal ?? total,
  };
  for (const [subject, value] of Object.entries(all) as [SubjectId, Money | undefined][])
    if (value !== undefined)
      facts.lastYear.set(subject, { value, label: `上年${subjectLabel(subject)}` });
  return facts;
}

/**
 * Checks the 情况说明 against the tables: every amount it states about the budget, every share and
 * growth rate (recomputed from the tables), its own sums (a total and the parts listed after it,
 * 增减 = 基本支出增减 + 项目支出增减, itemised changes and their subtotals), project counts, and
 * 【请填写：…】 placeholders left in. `source` is the workbook's tables, a ledger's figures (checked
 * against the tables they derive), or facts built beforehand.
 */
export function checkNarrative(
  paragraphs: readonly NarrativeInput[],
  source: WorkbookModel | BudgetFigures | NarrativeFacts,
  options: CheckNarrativeOptions = {}
): Finding[] {
  const facts = isModel(source)
    ? factsFromModel(source, options.unitNature)
    : isFigures(source)
      ? factsFromFigures(source, options.template)
      : source;
  if (options.unitNature && !facts.unitNature) facts.unitNature = options.unitNature;
  withLastYear(facts, options.lastYear);
  return new NarrativeChecker(paragraphs, facts).run();
}

/** Plain text (a .txt, or a .docx's paragraphs joined by newlines) as paragraphs. */
export function paragraphsFromText(text: string, location = "情况说明"): NarrativeInput[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line, i) => ({ text: line, location: `${location}第${i + 1}段` }));
}
