/**
 * The templates of every province (registry.ts), in publication order, and their validation.
 * Adding a province is adding a module and a line in registry.ts (see there);
 * test/core/templates/registry.test.ts validates the whole registry with `templateProblems`.
 */
import { TABLE_KINDS, kindFromTitle } from "../read/tableKinds";
import { parseFigureKey } from "./keys";
import { PROVINCES, TEMPLATE_IDS } from "./registry";
import type { ColumnTemplate, ItemRow, SupplementTemplate, TableTemplate } from "./types";
import type { TemplateId } from "../model";

export type {
  ColumnRole,
  ColumnTemplate,
  FigureKey,
  ItemRow,
  MetaCell,
  RowSource,
  RowSourceKind,
  SideTemplate,
  Subject,
  SupplementTemplate,
  TableTemplate,
} from "./types";
export { GROUPS, MEASURES, SUBJECTS, parseFigureKey } from "./keys";
export type { Measure, ParsedKey, Scope } from "./keys";
export { HEBEI_SUMMARY_CLASSES, SUMMARY_CLASSES, chineseNumber } from "./common";
export { PREVIOUS_YEAR_TEMPLATES } from "./previousYear";
export {
  DEFAULT_TEMPLATE,
  PROVINCES,
  TEMPLATE_IDS,
  isTemplateId,
  provinceNamed,
  provinceOf,
} from "./registry";
export type { NarrativeBlock, NarrativeStyle, Province } from "./province";

export const TEMPLATES: Readonly<Record<TemplateId, readonly TableTemplate[]>> = Object.fromEntries(
  TEMPLATE_IDS.map((id) => [id, PROVINCES[id].tables])
) as Record<TemplateId, readonly TableTemplate[]>;

/**
 * Each set's supplementary tables (政府采购, 固定资产, 项目绩效目标), printed after its tables when the
 * workbook has them. Only Hebei prints them as tables; Shanxi and the Ministry state them in words.
 */
export const SUPPLEMENT_TEMPLATES: Readonly<Record<TemplateId, readonly SupplementTemplate[]>> =
  Object.fromEntries(TEMPLATE_IDS.map((id) => [id, PROVINCES[id].supplements])) as Record<
    TemplateId,
    readonly SupplementTemplate[]
  >;

/** Characters Excel refuses in a sheet name. */
const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/;

/** A title as printed in a given year, for checking that the reader recognizes it. */
export function titleFor(template: { title: string }, year = 2024): string {
  return template.title.replace(/\{year\}/g, String(year));
}

/** What every template needs, tables and supplementary tables alike: a kind, a sheet name, a title. */
function namingProblems(t: TableTemplate | SupplementTemplate, seenSheets: Set<string>): string[] {
  const problems: string[] = [];
  const where = `${t.id}:`;
  if (!TABLE_KINDS.some((k) => k.kind === t.kind)) problems.push(`${where} unknown kind ${t.kind}`);
  if (t.sheetName.length === 0 || t.sheetName.length > 31)
    problems.push(`${where} sheet name “${t.sheetName}” is not 1–31 characters`);
  if (SHEET_NAME_FORBIDDEN.test(t.sheetName))
    problems.push(`${where} sheet name “${t.sheetName}” has a character Excel refuses`);
  if (seenSheets.has(t.sheetName)) problems.push(`${where} sheet name “${t.sheetName}” repeats`);
  seenSheets.add(t.sheetName);
  const recognized = kindFromTitle(titleFor(t))?.kind;
  if (recognized !== t.kind)
    problems.push(`${where} the reader takes “${titleFor(t)}” for ${recognized ?? "nothing"}`);
  return problems;
}

/**
 * Everything wrong with one set of templates, as sentences (empty when it is sound): unknown kinds,
 * sheet names Excel refuses or repeats (across the tables and the supplementary tables), titles the
 * reader would not recognize, columns whose key does not parse or does not fit the rows it is read
 * on, sides without a label column.
 */
export function templateProblems(
  templates: readonly TableTemplate[],
  supplements: readonly SupplementTemplate[] = []
): string[] {
  const problems: string[] = [];
  const seenSheets = new Set<string>();
  for (const t of templates) {
    const where = `${t.id}:`;
    problems.push(...namingProblems(t, seenSheets));
    if (t.columns.filter((c) => c.role === "serial").length > 1)
      problems.push(`${where} more than one 序号 column`);
    t.sides.forEach((side, s) => {
      const columns = t.columns.filter((c) => c.role !== "serial" && (c.side ?? 0) === s);
      if (!columns.some((c) => c.role === "label"))
        problems.push(`${where} side ${s} has no label`);
      const amounts = columns.filter((c) => c.role === "amount");
      if (amounts.length === 0) problems.push(`${where} side ${s} has no amount column`);
      for (const column of amounts) problems.push(...keyProblems(where, column));
      const rows = [...(side.rows.kind === "items" ? side.rows.rows : []), ...(side.footer ?? [])];
      for (const row of rows) {
        if (!row) continue;
        const allColumns = row.key === "none" || row.key === "zero";
        if (row.key !== undefined && !allColumns && amounts.length !== 1)
          problems.push(`${where} row “${row.label}” has its own key on a side of several columns`);
        if (row.key !== undefined) problems.push(...rowKeyProblems(where, row, row.key));
        for (const column of amounts)
          if (!row.key) problems.push(...rowKeyProblems(where, row, column.key!));
      }
    });
    for (const column of t.columns)
      if ((column.side ?? 0) >= t.sides.length)
        problems.push(`${where} column ${column.caption.join("/")} names side ${column.side}`);
    const width = t.columns.length;
    for (const line of t.meta)
      for (const cell of line) {
        const at = (col: number) => (col < 0 ? width + 1 + col : col);
        if (at(cell.col) < 1 || at(cell.col) > width || at(cell.toCol ?? cell.col) > width)
          problems.push(`${where} meta “${cell.text}” lies outside the table`);
      }
  }
  for (const t of supplements) problems.push(...namingProblems(t, seenSheets));
  return problems;
}

function keyProblems(where: string, column: ColumnTemplate): string[] {
  if (column.key === undefined)
    return [`${where} amount column ${column.caption.join("/")} has no key`];
  const parsed = parseFigureKey(column.key);
  if (!parsed.ok) return [`${where} ${parsed.reason}`];
  return [];
}

/** A 三公 item has a total by fiscal source, nothing else. */
function rowKeyProblems(where: string, row: ItemRow, key: string): string[] {
  const parsed = parseFigureKey(key);
  if (!parsed.ok) return [`${where} ${parsed.reason}`];
  if (parsed.key.kind !== "figure") return [];
  const subject = parsed.key.subject ?? row.subject;
  if (subject?.startsWith("threePublic.") && parsed.key.measure !== "total")
    return [`${where} row “${row.label}”: a 三公 item has only a total, not ${key}`];
  return [];
}

export function templatesOf(id: TemplateId): readonly TableTemplate[] {
  return TEMPLATES[id];
}
