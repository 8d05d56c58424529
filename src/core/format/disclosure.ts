/**
 * From a checked workbook to the content of its disclosure — the one flow behind the pane's
 * 生成公开表 / 导出 and `budget-disclosure export`:
 * 1. the figures: the ledger's lines when the workbook is one, else rebuilt from its published tables;
 * 2. the province's tables drawn over them (buildSheets), then its supplementary tables drawn from
 *    the workbook's own 政府采购 / 固定资产 / 绩效目标 tables (buildSupplements);
 * 3. the 情况说明 generated from the same figures, quoting the 政府采购 and 固定资产 totals.
 */
import type { WorkbookCheckResult } from "../check/workbook";
import type { Finding } from "../finding";
import { ledgerFigures } from "../figures/aggregate";
import type { LedgerDepartment } from "../ledger";
import type { BudgetFigures } from "../figures/figures";
import { generateNarrative } from "../narrative/generate";
import type { GenerateOptions } from "../narrative/generate";
import type { Narrative } from "../narrative/types";
import type { TemplateId } from "../model";
import { SUPPLEMENT_TEMPLATES } from "../templates";
import { TEMPLATE_SETS, tableNumber } from "../templates/sets";
import { buildPreviousYearSheets, buildSheets } from "./buildSheets";
import { buildSupplements } from "./buildSupplements";
import { figuresFromModel } from "../figures/figuresFromModel";
import type { FigureChange } from "../figures/figuresFromModel";

export type { FigureChange } from "../figures/figuresFromModel";
export { changeText } from "./changeText";
import type { SheetSpec } from "./sheetSpec";
import { pairingFindings } from "../previous/pairing";
import type { PreviousDisclosure } from "../previous/types";
import { assetFigures, procurementFigures, readSupplements } from "./supplements";

/**
 * What keeps a disclosure from being published as it is, like an error in the workbook: a figure
 * of the workbook it would change by more than rounding, and what the builders found wrong
 * (a project row that cannot be placed in the department's spending).
 */
export function blockingProblems(content: Pick<DisclosureContent, "notes" | "changes">): {
  changes: FigureChange[];
  notes: Finding[];
} {
  return {
    changes: content.changes.filter((c) => !c.withinRounding),
    notes: content.notes.filter((f) => f.severity === "error"),
  };
}

const SHEET_NUMBER = /^表\d+(?=\s)/;
const TABLE_NUMBER_LINE = /^(预算公开表|部门公开表)\d+$/;

/**
 * Numbers the tables 1, 2, 3 … in publication order: the sheet name's `表N` and a Shanxi
 * `预算公开表N` line; a table whose number is already its place is returned as it is.
 */
export function numberTables(specs: readonly SheetSpec[]): SheetSpec[] {
  return specs.map((spec, i) => {
    const n = i + 1;
    if (!SHEET_NUMBER.test(spec.sheetName) || spec.sheetName.startsWith(`表${n} `)) return spec;
    return {
      ...spec,
      sheetName: spec.sheetName.replace(SHEET_NUMBER, `表${n}`),
      cells: spec.cells.map((cell) =>
        cell.row < spec.headerRows &&
        cell.value.kind === "text" &&
        TABLE_NUMBER_LINE.test(cell.value.text)
          ? { ...cell, value: { kind: "text", text: cell.value.text.replace(/\d+$/, String(n)) } }
          : cell
      ),
    };
  });
}

/** Who and when, as the check found them or the user gave them. */
export interface DisclosureSubject {
  department: string;
  departmentCode?: string;
  year?: number;
  template: TemplateId;
}

export interface DisclosureContent {
  /** The province's tables in publication order, then the supplementary tables the workbook had. */
  specs: SheetSpec[];
  narrative: Narrative;
  /** What building had to say: tables that disagree, supplementary tables that are missing. */
  notes: Finding[];
  /**
   * Figures of the workbook's own tables that the disclosure prints differently (rebuilt from more
   * detailed figures, or given a rounding difference), cell by cell with the old and new value.
   */
  changes: FigureChange[];
}

/**
 * The disclosure of a checked workbook in `subject.template`. No content when the workbook has no
 * figures (no ledger and no standard tables); the builders' notes say why.
 */
export function buildDisclosure(
  check: WorkbookCheckResult,
  subject: DisclosureSubject,
  extras: { previous?: PreviousDisclosure } = {}
): { content?: DisclosureContent; notes: Finding[] } {
  const department: LedgerDepartment = {
    ...check.ledger?.department,
    name: subject.department,
    year: subject.year,
    template: subject.template,
  };
  if (subject.departmentCode !== undefined) department.code = subject.departmentCode;
  let figures: BudgetFigures | undefined;
  const notes: Finding[] = [];
  let changes: FigureChange[] = [];
  if (check.ledger) figures = ledgerFigures(check.ledger);
  else if (check.model.tables.length > 0) {
    const rebuilt = figuresFromModel(check.model, { unitNature: department.unitNature });
    figures = rebuilt.figures;
    notes.push(...rebuilt.findings);
    changes = rebuilt.changes;
  }
  if (!figures) return { notes };

  // Last year's figures only from the right file (year − 1, same department): the check says why not.
  const previous =
    extras.previous &&
    pairingFindings(
      {
        department: subject.department,
        departmentCode: subject.departmentCode,
        year: subject.year,
      },
      extras.previous
    ).length === 0
      ? extras.previous
      : undefined;
  const sheetOptions = previous ? { previous: previous.figures } : {};

  const supplements = readSupplements(check.model);
  const extra = buildSupplements(SUPPLEMENT_TEMPLATES[subject.template], supplements, department, {
    hasProjects: figures.projects.length > 0,
  });
  notes.push(...extra.findings);
  // Tables are numbered in the order they are published, so a supplementary table the workbook
  // lacks leaves no gap (表11 goes to 政府采购 when there are no goal forms). The tables shown only
  // beside last year's come last, unnumbered, leaving the province's numbering as published.
  const specs = [
    ...numberTables([
      ...buildSheets(figures, department, subject.template, sheetOptions),
      ...extra.specs,
    ]),
    ...buildPreviousYearSheets(figures, department, subject.template, sheetOptions),
  ];
  const options: GenerateOptions = { template: subject.template };
  if (supplements.procurement) options.procurement = procurementFigures(supplements.procurement);
  if (supplements.assets) options.assets = assetFigures(supplements.assets);
  // The 情况说明 refers to the goal forms only when they are published, by the number they get.
  const goals = specs.findIndex((spec) => spec.kind === "绩效目标表");
  if (goals >= 0)
    options.goalsTable = tableNumber(goals + 1, TEMPLATE_SETS[subject.template].tableNumbering);
  if (previous) options.lastYear = previous.lastYear;
  return {
    notes,
    content: {
      specs,
      narrative: generateNarrative(figures, department, options),
      notes,
      changes,
    },
  };
}
