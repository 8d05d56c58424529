import { chineseNumber } from "./common";
import type { TemplateId } from "./ids";
import type { TemplateSet } from "./province";
import { PROVINCES, TEMPLATE_IDS } from "./registry";

export type { RequiredTable, TemplateSet } from "./province";

/** 表一 (Shanxi) or 表1: the number the province prints before its `n`th table's title (from 1). */
export function tableNumber(n: number, numbering: TemplateSet["tableNumbering"]): string {
  return `表${numbering === "chinese" ? chineseNumber(n) : String(n)}`;
}

/** The mandatory tables of each province's set, in publication order (from each province's data). */
export const TEMPLATE_SETS: Readonly<Record<TemplateId, TemplateSet>> = Object.fromEntries(
  TEMPLATE_IDS.map((id) => [id, { id, name: PROVINCES[id].name, ...PROVINCES[id].set }])
) as Record<TemplateId, TemplateSet>;
