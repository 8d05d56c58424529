import { cellRefs } from "../../finding";
import type { Finding } from "../../finding";
import { Money } from "../../money";
import { MESSAGES, RULE_TITLES } from "../../messages";
import type { Rule, WorkbookRuleContext } from "../rule";
import { procurementViews } from "../../read/procurementTable";

/**
 * 数量 × 单价 = 金额 (the 政府采购金额 合计 column) on every item row that states both. 单价 is printed
 * to 0.01, so the product may miss by 0.005 per unit bought. A 单价 in 元 said in its caption is
 * read into 万元 with the amounts; one in 元 that no caption mentions is evident when the product is
 * 10,000 times the amount.
 */
const RULE_ID = "procurement.qty-price";
const HALF_CENT = new Money("0.005");
const YUAN_PER_WAN = new Money(10000);

export const procurementQtyPrice: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["procurement.qty-price"],
  severity: "error",
  scope: "workbook",
  run({ model }) {
    const findings: Finding[] = [];
    for (const view of procurementViews(model)) {
      const { quantity, price, amount, priceInYuan, captions } = view.columns;
      if (quantity === undefined || price === undefined) continue;
      for (const row of view.rows) {
        if (row.role !== "item") continue;
        const q = row.cells.get(quantity)!;
        const p = row.cells.get(price)!;
        const a = row.cells.get(amount)!;
        if ([q, p, a].some((cell) => cell.parsed.kind !== "amount")) continue;
        const product = q.value.times(p.value);
        const tolerance = HALF_CENT.times(q.value.abs().plus(1));
        const difference = a.value.minus(product);
        if (difference.isZero()) continue;
        if (
          !priceInYuan &&
          a.value.minus(product.dividedBy(YUAN_PER_WAN)).abs().lessThanOrEqualTo(tolerance)
        )
          continue;
        const rounding = difference.abs().lessThanOrEqualTo(tolerance);
        const column = captions.get(amount) ?? MESSAGES.procurementAmountColumn;
        findings.push({
          ruleId: RULE_ID,
          severity: rounding ? "info" : "error",
          sheet: view.table.sheet,
          cell: a.address,
          message: rounding
            ? MESSAGES.procurementQtyPriceRounding(row.label, product, column, a.value)
            : MESSAGES.procurementQtyPrice(row.label, q.value, p.value, product, column, a.value),
          expected: product.toFixed(2),
          actual: a.value.toFixed(2),
          related: cellRefs(view.table.sheet, [q.address, p.address]),
          ...(rounding ? { rounding: true } : {}),
        });
      }
    }
    return findings;
  },
};
