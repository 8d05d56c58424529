/**
 * Province settings that are not table layouts: numbers a finance bureau sets for its province.
 * Each province's module holds its own (`Province.settings`); this is the look-up.
 */
import type { Money } from "../money";
import type { TemplateId } from "./ids";
import { DEFAULT_CHANGE_REASON_THRESHOLD_PERCENT } from "./province";
import type { ProvinceSettings } from "./province";
import { PROVINCES, TEMPLATE_IDS } from "./registry";

export type { ProvinceSettings } from "./province";
export { DEFAULT_CHANGE_REASON_THRESHOLD_PERCENT } from "./province";

export const PROVINCE_SETTINGS: Readonly<Record<TemplateId, ProvinceSettings>> = Object.fromEntries(
  TEMPLATE_IDS.map((id) => [id, PROVINCES[id].settings])
) as Record<TemplateId, ProvinceSettings>;

/** The province's threshold, the default where the layout is unknown. */
export function changeReasonThreshold(template: TemplateId | undefined): Money {
  return template
    ? PROVINCE_SETTINGS[template].changeReasonThresholdPercent
    : DEFAULT_CHANGE_REASON_THRESHOLD_PERCENT;
}
