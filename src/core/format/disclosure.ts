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
import { buildSheets } from "./buildSheets";
import { buildSupplements } from "./buildSupplements";
import { figuresFromModel } from "../figures/figuresFromModel";
import type { SheetSpec } from "./sheetSpec";
import { pairingFindings } from "../previous/pairing";
import type { PreviousDisclosure } from "../previous/types";
import { assetFigures, procurementFigures, readSupplements } from "./supplements";

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
  if (check.ledger) figures = ledgerFigures(check.ledger);
  else if (check.model.tables.length > 0) {
    const rebuilt = figuresFromModel(check.model, { unitNature: department.unitNature });
    figures = rebuilt.figures;
    notes.push(...rebuilt.findings);
  }
  if (!figures) return { notes };

  const supplements = readSupplements(check.model);
  const extra = buildSupplements(SUPPLEMENT_TEMPLATES[subject.template], supplements, department, {
    hasProjects: figures.projects.length > 0,
  });
  notes.push(...extra.findings);
  const options: GenerateOptions = { template: subject.template };
  if (supplements.procurement) options.procurement = procurementFigures(supplements.procurement);
  if (supplements.assets) options.assets = assetFigures(supplements.assets);
  // Last year's figures only from the right file (year − 1, same department): the check says why not.
  if (
    extras.previous &&
    pairingFindings(
      {
        department: subject.department,
        departmentCode: subject.departmentCode,
        year: subject.year,
      },
      extras.previous
    ).length === 0
  )
    options.lastYear = extras.previous.lastYear;
  return {
    notes,
    content: {
      specs: [...buildSheets(figures, department, subject.template), ...extra.specs],
      narrative: generateNarrative(figures, department, options),
      notes,
    },
  };
}
