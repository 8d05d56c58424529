/**
 * Facts about the disclosure that the pane shows before anything is built: who and when it is
 * about, and the names of the exported files (the CLI's names). Pure and small: it is part of the
 * pane's first bundle, unlike the engine (engine.ts).
 */
import type { WorkbookCheckResult } from "../core/check/workbook";
import type { TemplateId } from "../core/model";
import { PROVINCES } from "../core/templates/registry";
import { exportBaseName } from "../render/fileNames";

/** Who and when the disclosure is about, as far as the workbook says. */
export interface DisclosureAbout {
  department?: string;
  departmentCode?: string;
  year?: number;
  template?: TemplateId;
}

/** The department, code and year the check found (the ledger's first, then the tables'). */
export function disclosureAbout(
  check: WorkbookCheckResult,
  template: TemplateId | undefined
): DisclosureAbout {
  return {
    department: check.ledger?.department.name ?? check.model.department?.value,
    departmentCode: check.ledger?.department.code ?? check.model.department?.code,
    year: check.ledger?.department.year ?? check.model.year?.value,
    template: template ?? check.template,
  };
}

/**
 * The province templates by id, from core/templates/registry rather than core/templates/index,
 * which brings the figure-key grammar and with it the code catalogs; test/taskpane/disclosure.test.ts
 * holds these equal to the index's TEMPLATES and SUPPLEMENT_TEMPLATES.
 */
const TEMPLATE_TABLES = (template: TemplateId) => PROVINCES[template].tables;
const SUPPLEMENT_TABLES = (template: TemplateId) => PROVINCES[template].supplements;

/**
 * The worksheets `template` may create, in publication order: its tables, then the supplementary
 * tables (政府采购 …), which are created only when the workbook has their material.
 */
export function outputSheetNames(template: TemplateId): string[] {
  return [...TEMPLATE_TABLES(template), ...SUPPLEMENT_TABLES(template)].map((t) => t.sheetName);
}

/** `政府采购预算` for `表12 政府采购预算`: a generated sheet's name without its number. */
export function unnumberedSheetName(name: string): string {
  return name.replace(/^表\d+\s+/, "");
}

/**
 * Every name a sheet of `template` can get: its tables, and each supplementary table under every
 * number it takes when tables before it are missing (tables are numbered without a gap, so 政府采购
 * is 表11 when there are no goal forms). What an earlier run may have left in the workbook.
 */
export function possibleOutputSheetNames(template: TemplateId): string[] {
  const tables = TEMPLATE_TABLES(template).map((t) => t.sheetName);
  const first = tables.length + 1;
  const supplements = SUPPLEMENT_TABLES(template).flatMap((table, k) =>
    Array.from(
      { length: k + 1 },
      (_, i) => `表${first + i} ${unnumberedSheetName(table.sheetName)}`
    )
  );
  return [...tables, ...supplements];
}

/** The supplementary sheets among outputSheetNames: created only from the workbook's own tables. */
export function optionalOutputSheetNames(template: TemplateId): string[] {
  return SUPPLEMENT_TABLES(template).map((table) => table.sheetName);
}

/** Whether the workbook has figures to build the tables from: a ledger, or standard tables. */
export function hasBudgetData(check: WorkbookCheckResult): boolean {
  return check.ledger !== undefined || check.model.tables.length > 0;
}

export { safeFileName } from "../render/fileNames";

export type ExportFormat = "xlsx" | "docx";

/** `<部门>-<年度>-部门预算公开.xlsx` / `.docx`, the CLI's names. */
export function exportFileName(department: string, year: number, format: ExportFormat): string {
  return `${exportBaseName(department, year)}.${format}`;
}

export const MIME_TYPES: Readonly<Record<ExportFormat, string>> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};
