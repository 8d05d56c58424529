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
  /**
   * narrative.sum (warning): the 类 changes listed under a total change leave out 类 that last year
   * had and this year has not; counted, they add up to the total.
   */
  classesGoneUnstated: (whole: string, gone: string, sum: string, names: string) =>
    `文中${whole}，其后所列各类支出没有提到${gone}；计入后各类增减额合计为${sum}，与文中一致。请在情况说明中说明${names}本年没有预算的原因。`,
  /** narrative.sum (error): the same, but even counting those 类 the sum is not the total. */
  classesGoneMismatch: (
    whole: string,
    listed: string,
    listedSum: string,
    gone: string,
    sum: string,
    difference: string
  ) =>
    `文中${whole}，而其后所列${listed}的增减额合计为${listedSum}，加上文中没有提到的${gone}，共${sum}，相差 ${difference} 万元。`,
  /**
   * narrative.sum (提示): the 类 changes listed under a total change leave out 类 new this year (or,
   * under a total of part of the funds, 类 this year has not): their changes in that total are not
   * known, so the list cannot be added up.
   */
  classesNewUnstated: (whole: string, left: string) =>
    `文中${whole}，其后所列各类支出没有提到${left}，各类增减额不全，无法相加与之核对，此项未核对；请在情况说明中说明这些类支出的变化。`,
};
