/**
 * The provinces the engine knows, one data module each. Everything that lists provinces (the CLI's
 * --template, the pane's choices, the reports' labels, the sheet names an earlier run may have left)
 * and everything that differs between them (tables, numbering, required tables, settings) is read
 * from here; how each writes its 情况说明 from narratives.ts, which only what generates one loads.
 *
 * Adding a province: write `templates/<id>.ts` exporting a `Province`, add its id to ids.ts and a
 * line below, and how it writes its 情况说明 to narratives.ts. Nothing outside templates/ changes
 * (DESIGN.md, "Adding a province").
 *
 * This module stays light (no figure-key grammar, no code catalogs): the pane's first bundle uses it.
 */
import { CENTRAL } from "./central";
import { HEBEI } from "./hebei";
import { PROVINCE_IDS } from "./ids";
import type { TemplateId } from "./ids";
import { MOF } from "./mof";
import type { Province } from "./province";
import { SHANXI } from "./shanxi";

export type { TemplateId } from "./ids";

export const PROVINCES: Readonly<Record<TemplateId, Province>> = {
  hebei: HEBEI,
  shanxi: SHANXI,
  mof: MOF,
  zhongyang: CENTRAL,
};

/** Every province id, in the order they are offered. */
export const TEMPLATE_IDS: readonly TemplateId[] = PROVINCE_IDS;

/** The province the engine falls back on where nothing names one (the 情况说明's wording). */
export const DEFAULT_TEMPLATE: TemplateId = PROVINCE_IDS[0];

/**
 * The layout a ledger's figures are drawn in to be checked as published tables
 * (format/ledgerTables.ts): Hebei's, whose nine tables carry every figure the table rules check.
 */
export const LEDGER_TABLES_TEMPLATE: TemplateId = "hebei";

export function provinceOf(id: TemplateId): Province {
  return PROVINCES[id];
}

export function isTemplateId(value: string): value is TemplateId {
  return (PROVINCE_IDS as readonly string[]).includes(value);
}

/**
 * The province a 部门信息 value names: its id (any case) or one of its aliases, at the start
 * (“河北省”, “冀”, “Shanxi”).
 */
export function provinceNamed(value: string): TemplateId | undefined {
  const text = value.trim();
  return PROVINCE_IDS.find((id) =>
    [id, ...PROVINCES[id].aliases].some((name) => text.toLowerCase().startsWith(name.toLowerCase()))
  );
}
