/**
 * A changed figure in words, the same in the CLI and the task pane. Small on purpose: the pane's
 * first bundle shows these lines, and it must not bring in decimal.js or the engine (the values are
 * Money instances made by the engine; only their own methods are used here).
 */
import type { FigureChange } from "../figures/figuresFromModel";
import { formatAmount } from "../messages/amounts";

/**
 * `【支出总表】C7 “201 一般公共服务支出”的“合计”：1,813.51 → 1,813.52（+0.01）`, with a warning after
 * it when the change is more than a rounding difference.
 */
export function changeText(change: FigureChange): string {
  const gap = change.after.minus(change.before);
  const sign = gap.isNegative() ? "" : "+";
  return (
    `【${change.sheet}】${change.cell} “${change.label}”的“${change.caption}”：` +
    `${formatAmount(change.before)} → ${formatAmount(change.after)}` +
    `（${sign}${formatAmount(gap)}）` +
    (change.withinRounding ? "" : " 超出舍入，请核对")
  );
}
