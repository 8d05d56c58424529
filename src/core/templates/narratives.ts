/**
 * How each province writes its 情况说明 (title, voice, sections, 名词解释), by id. Apart from the
 * provinces' tables (registry.ts) because only generating a 情况说明 needs it: checking a workbook,
 * and the task pane until it generates, load the registry without this wording.
 */
import { CENTRAL_NARRATIVE } from "./centralNarrative";
import { HEBEI_NARRATIVE } from "./hebeiNarrative";
import type { TemplateId } from "./ids";
import type { NarrativeStyle } from "./province";
import { DEFAULT_TEMPLATE } from "./registry";
import { SHANXI_NARRATIVE } from "./shanxiNarrative";

export const NARRATIVE_STYLES: Readonly<Record<TemplateId, NarrativeStyle>> = {
  hebei: HEBEI_NARRATIVE,
  shanxi: SHANXI_NARRATIVE,
  // The Ministry's set has no 情况说明 of its own here: it is written as Hebei's.
  mof: HEBEI_NARRATIVE,
  zhongyang: CENTRAL_NARRATIVE,
};

/** The wording of `id`'s 情况说明, the default province's when none is named. */
export function narrativeStyleOf(id: TemplateId | undefined): NarrativeStyle {
  return NARRATIVE_STYLES[id ?? DEFAULT_TEMPLATE];
}
