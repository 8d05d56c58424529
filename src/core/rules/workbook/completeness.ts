import type { Finding } from "../../finding";
import type { TableKind } from "../../read/tableKinds";
import type { ParsedTable } from "../../read/table";
import type { RecognizedTable, WorkbookModel } from "../../read/workbook";
import { TEMPLATE_SETS } from "../../templates/sets";
import type { RequiredTable } from "../../templates/sets";
import { MESSAGES, RULE_TITLES, WORKBOOK_MESSAGES } from "../../messages";
import type { TemplateId } from "../../model";
import type { Rule, WorkbookRuleContext } from "../rule";
import { SINGLE_KINDS, tablesOf } from "./access";

const RULE_ID = "completeness.tables";
const EXTRACT_RULE_ID = "completeness.extract";
const NO_FIGURES_RULE_ID = "completeness.no-figures";
const DUPLICATE_RULE_ID = "completeness.duplicate";

/**
 * The tables every set opens with and that carry the whole budget. A workbook that publishes at
 * least EXTRACT_THRESHOLD of them is a full disclosure, where a missing mandatory table is an error;
 * one with fewer is an extract (several years' disclosures published only the 三公, 政府采购 and
 * 固定资产 tables as a workbook, the other figures being in the text), which gets one notice listing
 * what was not found. A majority, so that a full disclosure missing one or two tables is still
 * told apart from an extract of one or two.
 */
export const CORE_TABLES: readonly TableKind[] = [
  "收支总表",
  "收入总表",
  "支出总表",
  "财政拨款收支总表",
  "一般公共预算支出表",
];
export const EXTRACT_THRESHOLD = 3;

/** A table that was read and checked. */
export interface CheckedTable {
  kind: TableKind;
  sheet: string;
  /** Its title cell, where it has a title. */
  cell?: string;
}

/** What a check covered: the tables it read, and, against the template, what it did not find. */
export interface Coverage {
  tables: CheckedTable[];
  /** 项目绩效目标表 and other form-like blocks read by their own rules. */
  forms: number;
  /** Titles of the template's mandatory tables that were not found. */
  missing: string[];
  /** Fewer than EXTRACT_THRESHOLD of the CORE_TABLES: an extract, not a full disclosure. */
  extract: boolean;
  /**
   * How many of `tables` hold a figure (see hasFigures). A table of headers only, or of blanks and
   * zeros, is read but gives its rules nothing to check: with none that holds one and no forms,
   * nothing was checked.
   */
  figures: number;
  /**
   * Tables checked within themselves only: a second (third …) table of a kind the rules between
   * tables take one of (SINGLE_KINDS) — another unit's or another year's set in the same workbook.
   * Their sums are checked, nothing ties them to the rest: the check covered only part of them.
   */
  alone: CheckedTable[];
}

/**
 * The tables every department fills in: whatever it is funded by, a department has income and
 * spending. One of these with no figure is a template not filled in, not a disclosure.
 */
export const FILLED_KINDS: readonly TableKind[] = ["收支总表", "收入总表", "支出总表"];

/**
 * A table holds a figure: an amount cell that is not blank and not zero (text that is no number
 * counts too: it has its own finding, and is something the clerk typed).
 */
export function hasFigures(table: ParsedTable): boolean {
  return table.sides.some((side) =>
    side.rows.some((row) =>
      row.cells.some(
        (cell) =>
          cell.parsed.kind === "invalid" ||
          (cell.parsed.kind === "amount" && !cell.parsed.value.isZero())
      )
    )
  );
}

/** Why nothing in a workbook was checked, if so (in messages/coverage, which the pane takes too). */
export { uncheckedReason } from "../../messages/coverage";

function present(model: WorkbookModel, required: RequiredTable): RecognizedTable[] {
  return tablesOf(model, required.kind).filter((t) => {
    if (!required.carryover) return true;
    return required.carryover === "only" ? t.carryover === "only" : t.carryover !== "only";
  });
}

export function isExtract(model: WorkbookModel): boolean {
  const core = CORE_TABLES.filter((kind) => tablesOf(model, kind).length > 0).length;
  return core < EXTRACT_THRESHOLD;
}

export function coverage(model: WorkbookModel, template: TemplateId | undefined): Coverage {
  const required = template ? TEMPLATE_SETS[template].tables : [];
  return {
    tables: model.tables.map(({ kind, table }) => ({
      kind,
      sheet: table.sheet,
      ...(table.title ? { cell: table.title.address } : {}),
    })),
    forms: model.forms.length,
    missing: template
      ? required.filter((r) => present(model, r).length === 0).map((r) => r.title)
      : // 绩效目标 forms alone (one project's 绩效目标表) name no set; whatever the set, the tables
        // every department fills in are not there, and the pass must say so (an extract).
        model.tables.length === 0 && model.forms.length > 0
        ? [...FILLED_KINDS]
        : [],
    extract: isExtract(model),
    figures: model.tables.filter(({ table }) => hasFigures(table)).length,
    alone: SINGLE_KINDS.flatMap((kind) =>
      tablesOf(model, kind)
        .slice(1)
        .map(({ table }) => ({
          kind,
          sheet: table.sheet,
          ...(table.title ? { cell: table.title.address } : {}),
        }))
    ),
  };
}

export { SINGLE_KINDS };

/**
 * A second (third …) table of a kind the rules between tables take one of: a department's tables
 * beside its 本级 or a unit's, or another year's. Its own sums are checked, but nothing ties it to
 * the rest, so it must not pass as checked with them: a warning at its title names the table used.
 */
function duplicates(model: WorkbookModel): Finding[] {
  const findings: Finding[] = [];
  for (const kind of SINGLE_KINDS) {
    const [first, ...others] = tablesOf(model, kind);
    if (!first) continue;
    const used = { sheet: first.table.sheet, cell: first.table.title?.address ?? "A1" };
    for (const { table } of others)
      findings.push({
        ruleId: DUPLICATE_RULE_ID,
        severity: "warning",
        sheet: table.sheet,
        cell: table.title?.address ?? "A1",
        message: WORKBOOK_MESSAGES.duplicateTable(kind, others.length + 1, used),
        related: [used],
      });
  }
  return findings;
}

/**
 * Every table the template requires is present in a full disclosure; an extract gets one notice of
 * what it does not hold. An empty appropriation table says so in a note.
 */
export const completeness: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["completeness.tables"],
  severity: "error",
  scope: "workbook",
  run({ model, template }) {
    if (!template || model.tables.length === 0) return [];
    const set = TEMPLATE_SETS[template];
    const findings: Finding[] = [];
    const first = model.tables[0].table;
    const anchor = { sheet: first.sheet, cell: first.title?.address ?? "A1" };
    const extract = isExtract(model);
    const missing: string[] = [];
    for (const required of set.tables) {
      const found = present(model, required);
      if (found.length === 0) {
        missing.push(required.title);
        if (!extract)
          findings.push({
            ruleId: RULE_ID,
            severity: "error",
            ...anchor,
            message: MESSAGES.missingTable(required.title, set.name),
          });
        continue;
      }
      for (const { table } of found) {
        // A table every department fills, printed with no figure (headers only, or blanks and
        // zeros): its rules had nothing to check, so it must not pass as checked.
        if (FILLED_KINDS.includes(required.kind) && !hasFigures(table)) {
          findings.push({
            ruleId: NO_FIGURES_RULE_ID,
            severity: "error",
            sheet: table.sheet,
            cell: table.title?.address ?? "A1",
            message: WORKBOOK_MESSAGES.noFigures(required.title),
          });
          continue;
        }
        if (
          !["政府性基金支出表", "国有资本经营支出表", "政府性基金收入表", "三公经费表"].includes(
            required.kind
          )
        )
          continue;
        const empty = table.sides.every((side) =>
          side.rows.every((row) =>
            row.cells.every((cell) => cell.parsed.kind === "empty" || cell.value.isZero())
          )
        );
        if (empty && table.notes.length === 0) {
          findings.push({
            ruleId: "completeness.empty-note",
            severity: "warning",
            sheet: table.sheet,
            cell: table.title?.address ?? "A1",
            message: WORKBOOK_MESSAGES.emptyTableNote(required.title, required.kind),
          });
        }
      }
    }
    findings.push(...duplicates(model));
    if (extract && missing.length > 0)
      findings.push({
        ruleId: EXTRACT_RULE_ID,
        severity: "info",
        ...anchor,
        message: MESSAGES.extract(
          model.tables.map((t) => t.kind),
          missing,
          set.name
        ),
      });
    return findings;
  },
};
