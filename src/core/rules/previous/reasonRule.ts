/**
 * A change from last year beyond the province's threshold (±20% by default, templates/settings.ts)
 * must be explained in the 情况说明: the text after the change states a reason (主要原因是…, 由于…).
 * A reason still a 【请填写：…】 placeholder is left to narrative.placeholder, which already warns.
 */
import type { Finding } from "../../finding";
import type { Money } from "../../money";
import { factsFromModel } from "../../narrative/check";
import { extractStatements, subjectLabel } from "../../narrative/extract";
import type { Mention, SubjectId } from "../../narrative/extract";
import { PLACEHOLDER_PATTERN } from "../../narrative/types";
import type { LastYearFigures, NarrativeInput } from "../../narrative/types";
import { beyondThreshold, compareYears, describeChange } from "../../previous/compare";
import { PREVIOUS_RULE } from "../../previous/types";
import { changeReasonThreshold } from "../../templates/settings";
import type { NarrativeRuleContext } from "../narrative/narrativeRule";
import type { Rule, WorkbookRuleContext } from "../rule";
import { pairedPrevious } from "./paired";
import { PREVIOUS_MESSAGES, RULE_TITLES } from "../../messages";

/** The terms whose change a 情况说明 explains; the first of each group names it in messages. */
const GROUPS: readonly (readonly SubjectId[])[] = [
  ["budgetTotal", "expenditureTotal", "incomeTotal"],
  ["basic"],
  ["project"],
  ["generalExpenditure"],
  ["threePublic"],
  ["abroad"],
  ["vehicle"],
  ["reception"],
  ["agencyOperating"],
];

/** Terms every 情况说明 must explain when they change that much, even if it never mentions the change. */
const MUST_EXPLAIN: ReadonlySet<SubjectId> = new Set(["budgetTotal", "threePublic"]);

const REASON = /(?:原因|由于|因为|主要是|主要为|主要系|主要用于)[是为：:，,]?\s*([^。；;]*)/;

/** The text from a stated change to the next change of another term (or the paragraph's end). */
function reasonAfter(text: string, mention: Mention, next: Mention | undefined): string {
  const from = mention.offset + mention.length;
  const to = next && next.paragraph === mention.paragraph ? next.offset : text.length;
  return text.slice(from, to);
}

type Reason = "written" | "placeholder" | "missing";

function reasonIn(span: string): Reason {
  const placeholders = new RegExp(PLACEHOLDER_PATTERN.source, "g");
  if (placeholders.test(span) && /原因/.test(span)) return "placeholder";
  const match = REASON.exec(span.replace(placeholders, ""));
  if (!match) return "missing";
  return match[1].replace(/[\s。，,；;、…]/g, "").length >= 2 ? "written" : "missing";
}

/** This year's figure of a term: the largest the tables give (all sources, carry-over included). */
function currentOf(
  figures: Map<SubjectId, { value: Money }[]>,
  subject: SubjectId
): Money | undefined {
  const list = figures.get(subject) ?? [];
  return list.reduce<Money | undefined>(
    (max, f) => (max === undefined || f.value.greaterThan(max) ? f.value : max),
    undefined
  );
}

function at(paragraph: NarrativeInput | undefined): Partial<Finding> {
  if (!paragraph?.sheet) return {};
  return paragraph.cell
    ? { sheet: paragraph.sheet, cell: paragraph.cell }
    : { sheet: paragraph.sheet };
}

export const previousReason: Rule<WorkbookRuleContext> = {
  id: PREVIOUS_RULE.reason,
  title: RULE_TITLES["previous.reason"],
  severity: "warning",
  scope: "workbook",
  run(context): Finding[] {
    const previous = pairedPrevious(context);
    const paragraphs = (context as NarrativeRuleContext).narrative;
    if (!previous || !paragraphs || paragraphs.length === 0) return [];
    const threshold = changeReasonThreshold(context.template);
    const facts = factsFromModel(context.model, context.unitNature);
    const mentions = extractStatements(paragraphs);
    const changes = mentions.filter((m) => m.role === "change" && m.kind === "amount" && m.subject);
    const findings: Finding[] = [];
    // Each 类 last year had is a term of its own (一般公共服务支出比上年增加…).
    const classGroups = Object.keys(previous.lastYear)
      .filter((key) => key.startsWith("class:"))
      .map((key) => [key as SubjectId]);
    for (const group of [...GROUPS, ...classGroups]) {
      const subject = group.find(
        (s) => previous.lastYear[s as keyof LastYearFigures] !== undefined
      );
      if (!subject) continue;
      const last = previous.lastYear[subject as keyof LastYearFigures]!;
      const stated = changes.filter((m) => group.includes(m.subject!));
      if (stated.length === 0) {
        if (!group.some((s) => MUST_EXPLAIN.has(s))) continue;
        const current = group.map((s) => currentOf(facts.figures, s)).find((v) => v !== undefined);
        if (current === undefined) continue;
        const change = compareYears(current, last);
        if (!beyondThreshold(change, threshold)) continue;
        findings.push({
          ruleId: PREVIOUS_RULE.reason,
          severity: "warning",
          ...at(paragraphs[0]),
          message: PREVIOUS_MESSAGES.changeNotMentioned(
            subjectLabel(group[0]),
            describeChange(change),
            threshold,
            current,
            last
          ),
          expected: change.amount.toFixed(2),
        });
        continue;
      }
      for (const m of stated) {
        // The change as the text states it (whether it is right is narrative.change's business).
        const change = compareYears(last.plus(m.value), last);
        if (!beyondThreshold(change, threshold)) continue;
        const next = changes.find((x) => x.index > m.index && !group.includes(x.subject!));
        const reason = reasonIn(reasonAfter(paragraphs[m.paragraph].text, m, next));
        if (reason !== "missing") continue;
        const paragraph = paragraphs[m.paragraph];
        const place =
          paragraph.sheet && paragraph.cell
            ? ""
            : PREVIOUS_MESSAGES.paragraphPlace(paragraph.location, m.paragraph);
        findings.push({
          ruleId: PREVIOUS_RULE.reason,
          severity: "warning",
          ...at(paragraph),
          message: PREVIOUS_MESSAGES.changeWithoutReason(
            place,
            subjectLabel(m.subject!),
            describeChange(change),
            threshold
          ),
          actual: m.value.toFixed(2),
        });
      }
    }
    return findings;
  },
};
