import { Money } from "../../../src/core/money";
import {
  beyondThreshold,
  changeRate,
  compareYears,
  describeChange,
} from "../../../src/core/previous/compare";

const m = (v: string) => new Money(v);

describe("compareYears", () => {
  it("gives the exact change and the rate rounded half up, with its sign", () => {
    // 872.24 − 939.02 = −66.78; −66.78 ÷ 939.02 = −7.1116…% → −7.11%.
    const down = compareYears(m("872.24"), m("939.02"));
    expect(down.kind).toBe("decrease");
    expect(down.amount.toFixed(2)).toBe("-66.78");
    expect(down.rate!.toFixed(2)).toBe("-7.11");
    expect(describeChange(down)).toBe("减少66.78万元，下降7.11%");
    // 4707.09 − 2232.54 = 2474.55; ÷ 2232.54 = 110.8401…% → 110.84%.
    const up = compareYears(m("4707.09"), m("2232.54"));
    expect(up.amount.toFixed(2)).toBe("2474.55");
    expect(describeChange(up)).toBe("增加2,474.55万元，增长110.84%");
  });

  it("rounds a rate of exactly half a hundredth away from zero, both ways", () => {
    // 0.005% each way: half-even would give 0.00 for both.
    expect(changeRate(m("100.005"), m("100"))!.toFixed(2)).toBe("0.01");
    expect(changeRate(m("99.995"), m("100"))!.toFixed(2)).toBe("-0.01");
    expect(changeRate(m("100.015"), m("100"))!.toFixed(2)).toBe("0.02");
  });

  it("says 持平 for equal amounts", () => {
    const flat = compareYears(m("1.20"), m("1.2"));
    expect(flat.kind).toBe("flat");
    expect(describeChange(flat)).toBe("持平");
  });

  it("says 上年无此项 and gives no rate for an item last year did not have", () => {
    const absent = compareYears(m("17.21"), undefined);
    expect(absent.kind).toBe("new");
    expect(absent.rate).toBeUndefined();
    expect(describeChange(absent)).toBe("增加17.21万元（上年无此项）");
    expect(compareYears(m("5"), m("0")).rate).toBeUndefined();
    expect(compareYears(m("0"), undefined).kind).toBe("flat");
  });

  it("marks an item gone this year, with a change of −100%", () => {
    const gone = compareYears(undefined, m("70"));
    expect(gone.kind).toBe("gone");
    expect(describeChange(gone)).toBe("减少70.00万元，下降100.00%");
  });

  it("tells changes beyond a threshold from those within it", () => {
    const twenty = m("20");
    expect(beyondThreshold(compareYears(m("120.01"), m("100")), twenty)).toBe(true);
    expect(beyondThreshold(compareYears(m("120"), m("100")), twenty)).toBe(false);
    expect(beyondThreshold(compareYears(m("79.99"), m("100")), twenty)).toBe(true);
    expect(beyondThreshold(compareYears(m("5"), undefined), twenty)).toBe(true);
  });
});
