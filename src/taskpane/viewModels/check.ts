/**
 * The 检查 step as data: what was detected (department, year, template), which of the template's
 * required tables were found, the findings grouped by severity and then by sheet with counts, the
 * rounding notes in a group of their own that starts folded, and the empty state when all is well.
 */
import type { Finding, Severity } from "../../core/finding";
import { countBySeverity, formatCellRef } from "../../core/finding";
import { fixKind } from "../../core/fixKinds";
import type { RecognizedTable } from "../../core/read/workbook";
import { TEMPLATE_SETS } from "../../core/templates/sets";
import type { RequiredTable } from "../../core/templates/sets";
import { fill, messages } from "../messages";
import type { Locale } from "../messages";
import type { FindingFilters, PaneState } from "../state";
import { SEVERITIES, SEVERITY_COLORS, severityLabel, templateLabel } from "./labels";

export interface Option {
  value: string;
  label: string;
}

export interface SelectView {
  label: string;
  value: string;
  options: Option[];
}

export interface CellTargetView {
  sheet: string;
  cell: string;
  /** What the button says: the address, with its sheet when that is not the finding's own. */
  text?: string;
  /** The accessible name: 在 Excel 中选中 sheet!cell. */
  label: string;
}

export interface FindingItemView {
  key: string;
  /** The cell address shown before the message; absent for findings about no cell. */
  cell?: string;
  message: string;
  /** Where clicking the finding goes in Excel; absent when it names no cell. */
  target?: CellTargetView;
  /**
   * The other cells the finding involves (the other table's cell when two tables disagree), cells
   * on other sheets first, at most RELATED_SHOWN of them; each is a link of its own.
   */
  related: Required<CellTargetView>[];
  /** 另见, before the related links. */
  relatedLabel: string;
  /** “等 N 处” when more cells are involved than are shown. */
  relatedMore?: string;
  /** 修正, for a finding that may have one right value; `index` is the finding's in the check. */
  fix?: { index: number; text: string; label: string; disabled: boolean };
}

/** How many related cells an item links to; the CLI names as many. */
export const RELATED_SHOWN = 4;

export interface SheetGroupView {
  key: string;
  title: string;
  findings: FindingItemView[];
}

export interface FindingGroupView {
  /** Accordion value: a severity, or "rounding". */
  id: Severity | "rounding";
  title: string;
  count: number;
  color: (typeof SEVERITY_COLORS)[Severity];
  hint?: string;
  sheets: SheetGroupView[];
}

export interface TablesView {
  summary: string;
  /** Whether every required table is there (false also when the template is unknown). */
  complete: boolean;
  /** Only some of the tables: the missing ones are a notice (info), not errors (warning). */
  extract: boolean;
  missingIntent: "warning" | "info";
  missingHeading: string;
  missing: string[];
  foundHeading: string;
  found: string[];
  otherHeading: string;
  other: string[];
}

export interface CheckViewModel {
  heading: string;
  run: { label: string; busy: boolean };
  /** While checking, after a failure, or before the first check. */
  status?: { intent: "info" | "error"; text: string };
  selectError?: string;
  factsLabel: string;
  facts: { label: string; value: string }[];
  tables?: TablesView;
  countsLabel: string;
  counts: { severity: Severity; text: string; color: FindingGroupView["color"] }[];
  findingsHeading: string;
  filters?: { severity: SelectView; sheet: SelectView };
  allWell?: { title: string; body: string; detail?: string };
  groups: FindingGroupView[];
  openGroups: string[];
  noMatches?: string;
  /** 全部修正, one button per rule with more than one finding that may be fixed. */
  fixAll?: { heading: string; rules: { ruleId: string; label: string; disabled: boolean }[] };
}

/** A rounding difference the engine let pass: a note, kept apart from the findings to act on. */
function isRoundingNote(finding: Finding): boolean {
  return finding.rounding === true && finding.severity === "info";
}

function requiredPresent(tables: readonly RecognizedTable[], required: RequiredTable) {
  return tables.filter(
    (t) =>
      t.kind === required.kind &&
      (!required.carryover ||
        (required.carryover === "only" ? t.carryover === "only" : t.carryover !== "only"))
  );
}

function tablesView(state: NonNullable<PaneState["check"]["outcome"]>, locale: Locale): TablesView {
  const text = messages[locale];
  const { model, template } = state.check;
  const onSheet = (title: string, sheet: string) => fill(text.tableOnSheet, { title, sheet });
  const found: string[] = [];
  const missing: string[] = [];
  const matched = new Set<RecognizedTable>();
  const required = template ? TEMPLATE_SETS[template].tables : [];
  for (const table of required) {
    const present = requiredPresent(model.tables, table);
    present.forEach((t) => matched.add(t));
    if (present.length === 0) missing.push(table.title);
    else found.push(...present.map((t) => onSheet(table.title, t.table.sheet)));
  }
  const other = model.tables
    .filter((t) => !matched.has(t))
    .map((t) => onSheet(t.kind, t.table.sheet));
  const count = required.length - missing.length;
  const extract = state.check.coverage.extract && missing.length > 0;
  return {
    summary: !template
      ? text.tablesNoTemplate
      : missing.length === 0
        ? fill(text.tablesComplete, { required: required.length })
        : extract
          ? fill(text.tablesExtract, { found: model.tables.length, missing: missing.length })
          : fill(text.tablesSummary, { found: count, required: required.length }),
    complete: template !== undefined && missing.length === 0,
    extract,
    missingIntent: extract ? "info" : "warning",
    missingHeading: fill(extract ? text.tablesNotCheckedHeading : text.tablesMissingHeading, {
      count: missing.length,
    }),
    missing,
    foundHeading: fill(text.tablesFoundHeading, { count: found.length }),
    found,
    otherHeading: text.tablesOtherHeading,
    other,
  };
}

/** Whether 修正 can be pressed: not while checking, fixing or undoing. */
export interface FixAvailability {
  busy: boolean;
}

function itemView(
  finding: Finding,
  index: number,
  locale: Locale,
  fixing?: FixAvailability
): FindingItemView {
  const { sheet, cell } = finding;
  const text = messages[locale];
  const related = finding.related ?? [];
  const ordered = [
    ...related.filter((r) => r.sheet !== sheet),
    ...related.filter((r) => r.sheet === sheet),
  ];
  return {
    key: `${index}:${finding.ruleId}:${sheet ?? ""}!${cell ?? ""}`,
    cell,
    message: finding.message,
    target:
      sheet && cell ? { sheet, cell, label: fill(text.goToCell, { sheet, cell }) } : undefined,
    related: ordered.slice(0, RELATED_SHOWN).map((r) => ({
      sheet: r.sheet,
      cell: r.cell,
      text: formatCellRef(r, sheet),
      label: fill(text.goToCell, { sheet: r.sheet, cell: r.cell }),
    })),
    relatedLabel: text.relatedLabel,
    relatedMore:
      ordered.length > RELATED_SHOWN
        ? fill(text.relatedMore, { count: ordered.length })
        : undefined,
    fix:
      fixing && sheet && cell && fixKind(finding)
        ? {
            index,
            text: text.fixButton,
            label: fill(text.fixButtonLabel, { sheet, cell }),
            disabled: fixing.busy,
          }
        : undefined,
  };
}

/** Findings by sheet, sheets in the order the findings come (errors first, then by sheet). */
function bySheet(
  findings: readonly (readonly [Finding, number])[],
  locale: Locale,
  fixing?: FixAvailability
): SheetGroupView[] {
  const groups = new Map<string, (readonly [Finding, number])[]>();
  for (const entry of findings) {
    const sheet = entry[0].sheet ?? "";
    let group = groups.get(sheet);
    if (!group) groups.set(sheet, (group = []));
    group.push(entry);
  }
  const text = messages[locale];
  return [...groups].map(([sheet, entries]) => ({
    key: sheet,
    title: fill(text.sheetHeading, { sheet: sheet || text.wholeWorkbook, count: entries.length }),
    findings: entries.map(([finding, index]) => itemView(finding, index, locale, fixing)),
  }));
}

export function checkViewModel(
  check: PaneState["check"],
  filters: FindingFilters,
  locale: Locale,
  openGroups?: readonly string[],
  /** Offer 修正 (absent: the pane cannot write, or the caller does not fix). */
  fixing?: FixAvailability
): CheckViewModel {
  const text = messages[locale];
  const outcome = check.outcome;
  const base: CheckViewModel = {
    heading: text.checkHeading,
    run: { label: outcome ? text.checkRerun : text.checkRun, busy: check.status === "running" },
    status:
      check.status === "running"
        ? { intent: "info", text: text.checkRunning }
        : check.status === "failed"
          ? { intent: "error", text: fill(text.checkFailed, { message: check.error ?? "" }) }
          : !outcome
            ? { intent: "info", text: text.checkIdle }
            : undefined,
    selectError: check.selectError && fill(text.selectFailed, check.selectError),
    factsLabel: text.factsLabel,
    facts: [],
    countsLabel: text.countsLabel,
    counts: [],
    findingsHeading: text.findingsHeading,
    groups: [],
    openGroups: [],
  };
  if (!outcome) return base;

  const { check: result } = outcome;
  const unknown = text.factUnknown;
  const department = result.ledger?.department.name ?? result.model.department?.value;
  const year = result.ledger?.department.year ?? result.model.year?.value;
  const sources = {
    option: text.templateSourceOption,
    ledger: text.templateSourceLedger,
    detected: text.templateSourceDetected,
    unknown: "",
  };
  const facts = [
    { label: text.factDepartment, value: department ?? unknown },
    { label: text.factYear, value: year !== undefined ? String(year) : unknown },
    {
      label: text.factTemplate,
      value: result.template
        ? fill(text.factTemplateWithSource, {
            name: templateLabel(result.template, locale),
            source: sources[result.templateSource],
          })
        : unknown,
    },
  ];

  const indexed = result.findings.map((finding, index) => [finding, index] as const);
  const notes = indexed.filter(([f]) => isRoundingNote(f));
  const actionable = indexed.filter(([f]) => !isRoundingNote(f));
  const counts = countBySeverity(result.findings);
  // Never “all well” for a workbook in which nothing could be checked: no table recognised, or
  // tables that hold no figure (as core/rules/workbook/completeness's uncheckedReason, written out
  // here so that the pane's first chunk does not take the rule module).
  const { coverage } = result;
  const noFigures = coverage.tables.length > 0 && coverage.figures === 0;
  const nothingChecked = coverage.forms === 0 && (coverage.tables.length === 0 || noFigures);
  const allWell = !nothingChecked && counts.error === 0 && counts.warning === 0;
  const extractMissing = coverage.extract ? coverage.missing.length : 0;

  const severityFilter: SelectView = {
    label: text.filterSeverity,
    value: filters.severity,
    options: [
      { value: "all", label: fill(text.filterAll, { count: result.findings.length }) },
      ...SEVERITIES.map((severity) => ({
        value: severity,
        label: fill(text.filterOption, {
          label: severityLabel(severity, locale),
          count: counts[severity],
        }),
      })),
    ],
  };
  const sheetsWithFindings = [...new Set(result.findings.map((f) => f.sheet ?? ""))];
  const sheetFilter: SelectView = {
    label: text.filterSheet,
    value: filters.sheet,
    options: [
      { value: "all", label: text.filterAllSheets },
      ...sheetsWithFindings.map((sheet) => {
        const count = result.findings.filter((f) => (f.sheet ?? "") === sheet).length;
        return {
          value: sheet,
          label: fill(text.filterOption, { label: sheet || text.wholeWorkbook, count }),
        };
      }),
    ],
  };

  const shown = ([f]: readonly [Finding, number]) =>
    (filters.severity === "all" || f.severity === filters.severity) &&
    (filters.sheet === "all" || (f.sheet ?? "") === filters.sheet);
  const groups: FindingGroupView[] = [];
  for (const severity of SEVERITIES) {
    const members = actionable.filter(([f]) => f.severity === severity && shown([f, 0]));
    if (members.length === 0) continue;
    groups.push({
      id: severity,
      title: fill(text.groupHeading, {
        label: severityLabel(severity, locale),
        count: members.length,
      }),
      count: members.length,
      color: SEVERITY_COLORS[severity],
      sheets: bySheet(members, locale, fixing),
    });
  }
  const shownNotes = notes.filter(shown);
  if (shownNotes.length > 0)
    groups.push({
      id: "rounding",
      title: fill(text.roundingHeading, { count: shownNotes.length }),
      count: shownNotes.length,
      color: SEVERITY_COLORS.info,
      hint: text.roundingHint,
      sheets: bySheet(shownNotes, locale, fixing),
    });

  return {
    ...base,
    ...(nothingChecked
      ? {
          status: {
            intent: "error" as const,
            text: noFigures ? text.nothingFilled : text.nothingChecked,
          },
        }
      : {}),
    facts,
    tables: tablesView(outcome, locale),
    counts: SEVERITIES.map((severity) => ({
      severity,
      text: fill(text.severityCount, {
        label: severityLabel(severity, locale),
        count: counts[severity],
      }),
      color: SEVERITY_COLORS[severity],
    })),
    filters:
      result.findings.length > 0 ? { severity: severityFilter, sheet: sheetFilter } : undefined,
    allWell: allWell
      ? {
          title: text.allWellTitle,
          // An extract passed only what it holds: say so, not “the workbook passed every rule”.
          body: extractMissing
            ? fill(coverage.tables.length > 0 ? text.allWellExtract : text.allWellFormsOnly, {
                found: coverage.tables.length,
                missing: extractMissing,
              })
            : fill(text.allWellBody, { rules: result.rulesRun }),
          detail:
            notes.length > 0 ? fill(text.allWellRounding, { count: notes.length }) : undefined,
        }
      : undefined,
    groups,
    // Everything to act on starts open; the rounding notes start folded.
    openGroups: [...(openGroups ?? groups.map((g) => g.id).filter((id) => id !== "rounding"))],
    noMatches: result.findings.length > 0 && groups.length === 0 ? text.noMatches : undefined,
    fixAll: fixing
      ? fixAllView(result.findings, outcome.fixTitles ?? {}, locale, fixing)
      : undefined,
  };
}

function fixAllView(
  findings: readonly Finding[],
  titles: Readonly<Record<string, string>>,
  locale: Locale,
  fixing: FixAvailability
): CheckViewModel["fixAll"] {
  const text = messages[locale];
  const counts = new Map<string, number>();
  for (const finding of findings)
    if (fixKind(finding)) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  const rules = [...counts]
    .filter(([, count]) => count > 1)
    .map(([ruleId, count]) => ({
      ruleId,
      label: fill(text.fixAllButton, { rule: titles[ruleId] ?? ruleId, count }),
      disabled: fixing.busy,
    }));
  return rules.length > 0 ? { heading: text.fixAllHeading, rules } : undefined;
}
