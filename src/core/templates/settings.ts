/**
 * Province settings that are not table layouts: numbers a finance bureau sets for its province.
 * One record per template, so a province with its own rule changes one line here.
 */
import { Money } from "../money";
import type { TemplateId } from "../model";

export interface ProvinceSettings {
  /**
   * A 比上年增减 beyond ±this many percent must be explained: without a written reason in the
   * 情况说明, check warns.
   */
  changeReasonThresholdPercent: Money;
}

export const DEFAULT_CHANGE_REASON_THRESHOLD_PERCENT = new Money(20);

export const PROVINCE_SETTINGS: Readonly<Record<TemplateId, ProvinceSettings>> = {
  hebei: { changeReasonThresholdPercent: DEFAULT_CHANGE_REASON_THRESHOLD_PERCENT },
  shanxi: { changeReasonThresholdPercent: DEFAULT_CHANGE_REASON_THRESHOLD_PERCENT },
  mof: { changeReasonThresholdPercent: DEFAULT_CHANGE_REASON_THRESHOLD_PERCENT },
};

/** The province's threshold, the default where the layout is unknown. */
export function changeReasonThreshold(template: TemplateId | undefined): Money {
  return template
    ? PROVINCE_SETTINGS[template].changeReasonThresholdPercent
    : DEFAULT_CHANGE_REASON_THRESHOLD_PERCENT;
}
