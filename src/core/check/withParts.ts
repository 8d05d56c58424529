/**
 * checkWorkbook with the parts a workbook may or may not need given as arguments: the rules that need
 * a 情况说明 or last year's file (and core/narrative behind them), and the drawing of a ledger's
 * tables (core/format, core/figures). checkWorkbook (workbook.ts) passes them all; the pane's engine
 * loads a part only when the workbook needs it (partsNeeded), so that its first check of an
 * ordinary workbook downloads less. The findings are the same either way: without its input a part
 * finds nothing, and a part the workbook needs and was not given is an error, not a quieter check.
 */
import { Catalog } from "../codes";
import { Finding, compareFindingsInSheetOrder } from "../finding";
import type { Grid } from "../grid";
import { findLedger } from "../ledger/findLedger";
import type { Ledger } from "../ledger";
import type { readLedger } from "../ledger/readLedger";
import { WorkbookModel, readWorkbook } from "../read/workbook";
import { detectTemplate } from "../templates/detect";
import { findNarrativeSheet, readNarrativeSheet } from "../rules/narrative/narrativeSheet";
import type { NarrativeInput } from "../narrative/types";
import type { Rule, WorkbookRuleContext } from "../rules/rule";
import { WORKBOOK_RULES_ALWAYS } from "../rules/always";
import { TABLE_RULES, tableRulesFor } from "../rules/tableRules";
import { foldCascades } from "../rules/cascades";
import { coverage } from "../rules/workbook/completeness";
import type { Coverage } from "../rules/workbook/completeness";
import { FINAL_ACCOUNTS_RULE_ID } from "../rules/workbook/finalAccounts";
import { NOT_DISCLOSURE_RULE_ID } from "../rules/workbook/otherDocuments";
import type { TemplateId, UnitNature } from "../model";
import type { PreviousDisclosure } from "../previous/types";

/** How many rules/inputRules.ts holds (test/core/check checks it), counted as run when not loaded. */
export const INPUT_RULE_COUNT = 4;

/** The parts of a check that only some workbooks need. */
export interface CheckParts {
  /** rules/inputRules.ts: needed with a 情况说明 (a sheet or `narrative`) or last year's file. */
  inputRules?: readonly Rule<WorkbookRuleContext>[];
  /** A ledger's lines drawn as the standard tables (check/ledgerPart.ts): for a ledger only. */
  ledgerTables?: (ledger: Ledger) => Grid[];
  /** The ledger's reader (ledger/readLedger.ts, with check/ledgerPart.ts): for a ledger only. */
  readLedger?: typeof readLedger;
}

/** Which parts checking `grids` with `options` needs. Light: it reads sheet names and headers. */
export function partsNeeded(
  grids: readonly Grid[],
  options: Pick<WorkbookCheckOptions, "narrative" | "previous"> = {}
): { inputRules: boolean; ledgerTables: boolean } {
  return {
    inputRules:
      options.narrative !== undefined ||
      options.previous !== undefined ||
      findNarrativeSheet(grids) !== undefined,
    ledgerTables: findLedger(grids).ledgerGrid !== undefined,
  };
}

export interface WorkbookCheckOptions {
  /** The province layout; detected from the tables when absent. */
  template?: TemplateId;
  unitNature?: UnitNature;
  /** Rounding differences (舍入差异) become errors. */
  strictRounding?: boolean;
  /** A 情况说明 from outside the workbook (a .txt or .docx); replaces a 情况说明 sheet. */
  narrative?: readonly NarrativeInput[];
  catalog?: Catalog;
  /** Last year's published disclosure (check --previous): its 上年 figures are compared. */
  previous?: PreviousDisclosure;
}

export interface WorkbookCheckResult {
  model: WorkbookModel;
  /** Present when the workbook is a ledger (预算明细 + 部门信息): the tables were derived from it. */
  ledger?: Ledger;
  template?: TemplateId;
  templateSource: "option" | "ledger" | "detected" | "unknown";
  findings: Finding[];
  rulesRun: number;
  /**
   * Which tables were read and checked, what the template required and was not found, and whether
   * the workbook is an extract. No tables and no forms: nothing was checked, whatever the findings.
   */
  coverage: Coverage;
}

/**
 * Checks a whole workbook: every table on its own, then every rule between tables. Never throws on
 * bad input: what cannot be read is a finding. Throws when the workbook needs a part (partsNeeded)
 * that `parts` lacks: a check without it would be quieter, not the same.
 */
export function checkWorkbookWith(
  parts: CheckParts,
  grids: readonly Grid[],
  options: WorkbookCheckOptions = {}
): WorkbookCheckResult {
  const inputRules = parts.inputRules;
  // The 情况说明 sheet is prose, checked against the tables by the narrative rule, not read as a table.
  const narrativeGrid = findNarrativeSheet(grids);
  if (!inputRules && (options.narrative || options.previous || narrativeGrid))
    throw new Error("checkWorkbookWith: this workbook needs the rules of rules/inputRules.ts");
  const catalog = options.catalog ?? Catalog.standard();
  const findings: Finding[] = [];
  // A ledger workbook is checked line by line, then through the standard tables derived from it;
  // other sheets of that workbook (绩效目标 forms, say) are read as they are.
  let ledger: Ledger | undefined;
  const narrative = options.narrative ?? readNarrativeSheet(grids);
  let tableGrids = grids.filter((g) => g !== narrativeGrid);
  const { ledgerGrid, infoGrid } = findLedger(grids);
  if (ledgerGrid) {
    if (!parts.readLedger)
      throw new Error("checkWorkbookWith: a ledger needs parts.readLedger and parts.ledgerTables");
    const read = parts.readLedger(grids, { catalog });
    findings.push(...read.findings);
    ledger = read.ledger;
    if (ledger) {
      if (!parts.ledgerTables)
        throw new Error("checkWorkbookWith: a ledger needs parts.ledgerTables");
      const others = tableGrids.filter((g) => g !== ledgerGrid && g !== infoGrid);
      tableGrids = [...parts.ledgerTables(ledger), ...others];
    }
  }
  const model = readWorkbook(tableGrids, { catalog });
  const template = options.template ?? ledger?.department.template ?? detectTemplate(model);
  const templateSource = options.template
    ? "option"
    : ledger?.department.template
      ? "ledger"
      : template
        ? "detected"
        : "unknown";
  const unitNature = options.unitNature ?? ledger?.department.unitNature;
  findings.push(...model.findings);
  for (const { kind, table } of model.tables) {
    for (const rule of tableRulesFor(kind)) findings.push(...rule.run({ table, catalog }));
  }
  const context = {
    model,
    catalog,
    template,
    unitNature,
    strictRounding: options.strictRounding,
    narrative,
    previous: options.previous,
  };
  for (const rule of WORKBOOK_RULES_ALWAYS) findings.push(...rule.run(context));
  for (const rule of inputRules ?? []) findings.push(...rule.run(context));
  // A workbook of 决算 tables only, or of other tables that are no budget disclosure (a
  // government's budget, an execution report), is not a budget disclosure: say that, and nothing
  // about prose or cover sheets that no budget table explains.
  const notBudget = [...(model.finalAccounts ?? []), ...(model.otherDocuments ?? [])];
  if (model.tables.length === 0 && notBudget.length > 0 && !ledger) {
    findings.splice(
      0,
      findings.length,
      ...findings.filter(
        (f) => f.ruleId === FINAL_ACCOUNTS_RULE_ID || f.ruleId === NOT_DISCLOSURE_RULE_ID
      )
    );
  }
  // Each wrong cell once: the errors a finding about that very cell explains are folded into it.
  const folded = foldCascades(findings);
  const final = options.strictRounding
    ? folded.map((f) => (f.rounding ? { ...f, severity: "error" as const } : f))
    : folded;
  return {
    model,
    ledger,
    template,
    templateSource,
    findings: final.sort(
      compareFindingsInSheetOrder([...grids.map((g) => g.sheet), ...tableGrids.map((g) => g.sheet)])
    ),
    rulesRun: TABLE_RULES.length + WORKBOOK_RULES_ALWAYS.length + INPUT_RULE_COUNT,
    coverage: coverage(model, template),
  };
}
