/*
 * Messages of the 情况说明 checks (core/narrative) that say what could not be checked.
 */

export const NARRATIVE_MESSAGES = {
  /**
   * narrative.sum (提示): the 类 changes listed under a total change could not be added up, because
   * some 类 are stated only as roughly flat (基本持平), with no exact figure.
   */
  classChangesRoughlyFlat: (whole: string, roughly: string, wording: string) =>
    `文中${whole}，但其后所列各类支出中${roughly}只写了“${wording}”，没有确切的增减额，无法将各类增减额相加与之核对，此项未核对；如需核对，请写明增减金额。`,
};
