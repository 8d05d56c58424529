/**
 * The 名词解释 that closes a 情况说明: the entries of the province's narrative style
 * (templates/glossary.ts holds the wording), numbered the province's way.
 */
import type { TemplateId } from "../model";
import { chineseNumber } from "../templates/common";
import type { GlossaryEntry } from "../templates/glossary";
import { narrativeStyleOf } from "../templates/narratives";

export type { GlossaryEntry } from "../templates/glossary";
export { GLOSSARY_HEBEI, GLOSSARY_SHANXI } from "../templates/glossary";

/** The province's entries; the default province's when the layout is unknown. */
export function glossaryFor(template: TemplateId | undefined): readonly GlossaryEntry[] {
  return narrativeStyleOf(template).glossary.entries;
}

/** The entries as paragraphs: “1、上年结转：指…” (Hebei) or “一、基本支出：指…” (Shanxi). */
export function glossaryLines(template: TemplateId | undefined): string[] {
  const { entries, numbering } = narrativeStyleOf(template).glossary;
  return entries.map(
    (e, i) =>
      `${numbering === "chinese" ? chineseNumber(i + 1) : String(i + 1)}、${e.term}：${e.definition}`
  );
}
