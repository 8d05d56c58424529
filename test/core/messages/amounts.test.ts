import Decimal from "decimal.js";
import { formatAmount, formatPercent } from "../../../src/core/messages";
import { Money, PUBLICATION_ROUNDING, formatMoney } from "../../../src/core/money";

describe("the one amount format of clerk-facing text", () => {
  test("thousands separators and two decimals, rounded half away from zero", () => {
    expect(formatAmount(new Money("1813.51"))).toBe("1,813.51");
    expect(formatAmount(new Money("1045.405"))).toBe("1,045.41");
    expect(formatAmount(new Money("-1045.405"))).toBe("-1,045.41");
    expect(formatAmount(new Money("999.999"))).toBe("1,000.00");
    expect(formatAmount(new Money("0"))).toBe("0.00");
    expect(formatAmount(new Money("1600000"), 0)).toBe("1,600,000");
  });

  test("percentages are written the same way, with a % sign", () => {
    expect(formatPercent(new Money("12.345"))).toBe("12.35%");
    expect(formatPercent(new Money("-0.5"))).toBe("-0.50%");
    expect(formatPercent(new Money("1234.5"))).toBe("1,234.50%");
  });

  test("rounds as the publication rounding does, whatever the Decimal's own setting", () => {
    // amounts.ts names the rounding mode by its number to keep decimal.js out of the pane's first
    // bundle; it must be the one money.ts publishes with.
    expect(PUBLICATION_ROUNDING).toBe(Decimal.ROUND_HALF_UP);
    const Downward = Decimal.clone({ rounding: Decimal.ROUND_DOWN });
    expect(formatAmount(new Downward("2.005"))).toBe("2.01");
    expect(formatAmount(new Downward("-2.005"))).toBe("-2.01");
  });

  test("money.ts's formatMoney is the same function", () => {
    expect(formatMoney).toBe(formatAmount);
  });
});
