import { Money, sumMoney } from "../../src/core/money";
import {
  allocateLargestRemainder,
  compareRate,
  compareSum,
  roundEach,
  roundTreeControlled,
  roundingTolerance,
} from "../../src/core/rounding";
import type { AmountTree, RoundedNode } from "../../src/core/rounding";

const m = (values: string[]) => values.map((v) => new Money(v));

describe("compareSum", () => {
  it("calls an exact match exact", () => {
    expect(compareSum(new Money("717.94"), m(["198.87", "428.6", "37.47", "53"])).agreement).toBe(
      "exact"
    );
  });

  it("calls a 0.01 gap between a parent and two rounded children a rounding difference", () => {
    // 3377.72 + 283.97 = 3661.69 published as 3661.68 (tunliu 一般公共预算支出表 合计).
    const result = compareSum(new Money("3661.68"), m(["283.97", "3377.72"]));
    expect(result.agreement).toBe("rounding");
    expect(result.difference.toString()).toBe("-0.01");
    expect(result.tolerance.toString()).toBe("0.015");
  });

  it("scales the tolerance with the number of children", () => {
    expect(roundingTolerance(1).toString()).toBe("0.01");
    expect(roundingTolerance(4).toString()).toBe("0.025");
    expect(compareSum(new Money("1.03"), m(["0.5", "0.5"])).agreement).toBe("mismatch");
    expect(compareSum(new Money("1.02"), m(["0.34", "0.34", "0.33"])).agreement).toBe("rounding");
  });

  it("calls anything beyond the tolerance a mismatch", () => {
    expect(compareSum(new Money("100"), m(["50", "49.9"])).agreement).toBe("mismatch");
  });
});

describe("allocateLargestRemainder", () => {
  it("makes rounded parts add up to the rounded total", () => {
    const parts = m(["1.005", "1.005", "1.005"]); // 3.015 → 3.02, while rounding each gives 3.03
    expect(sumMoney(roundEach(parts)).toString()).toBe("3.03");
    const allocated = allocateLargestRemainder(parts, new Money("3.02"));
    expect(sumMoney(allocated).toString()).toBe("3.02");
    allocated.forEach((v, i) => expect(v.minus(parts[i]).abs().lessThan("0.01")).toBe(true));
  });

  it("gives the extra cents to the largest remainders, earlier first on ties", () => {
    const allocated = allocateLargestRemainder(m(["0.333", "0.334", "0.333"]), new Money("1.00"));
    expect(allocated.map(String)).toEqual(["0.33", "0.34", "0.33"]);
    expect(allocateLargestRemainder(m(["0.005", "0.005"]), new Money("0.01")).map(String)).toEqual([
      "0.01",
      "0",
    ]);
  });

  it("handles negative values and an empty list", () => {
    const allocated = allocateLargestRemainder(m(["-1.005", "2.004"]), new Money("1.00"));
    expect(sumMoney(allocated).toString()).toBe("1");
    expect(allocateLargestRemainder([], new Money(0))).toEqual([]);
  });
});

describe("roundTreeControlled", () => {
  const tree: AmountTree = {
    key: "合计",
    children: [
      {
        key: "201",
        children: [
          {
            key: "20132",
            children: [
              { key: "2013201", value: new Money("61.7049") },
              { key: "2013202", value: new Money("860.1651") },
              { key: "2013299", value: new Money("20.5449") },
            ],
          },
        ],
      },
      {
        key: "208",
        children: [
          {
            key: "20805",
            children: [
              { key: "2080501", value: new Money("2.3349") },
              { key: "2080505", value: new Money("29.4851") },
            ],
          },
        ],
      },
      { key: "210", value: new Money("12.6349") },
    ],
  };

  function everyParentAddsUp(node: RoundedNode): boolean {
    if (node.children.length === 0) return true;
    return (
      node.rounded.equals(sumMoney(node.children.map((c) => c.rounded))) &&
      node.children.every(everyParentAddsUp)
    );
  }

  it("makes every rounded parent equal the sum of its rounded children", () => {
    const rounded = roundTreeControlled(tree);
    expect(everyParentAddsUp(rounded)).toBe(true);
  });

  it("keeps the grand total equal to the rounded exact total", () => {
    const rounded = roundTreeControlled(tree);
    expect(rounded.exact.toString()).toBe("986.8698");
    expect(rounded.rounded.toString()).toBe("986.87");
  });

  it("moves no figure by a cent or more from its exact value", () => {
    const walk = (node: RoundedNode): RoundedNode[] => [node, ...node.children.flatMap(walk)];
    for (const node of walk(roundTreeControlled(tree))) {
      expect(node.rounded.minus(node.exact).abs().lessThan("0.01")).toBe(true);
    }
  });
});

describe("compareRate", () => {
  const rate = (actual: string, change: string, prior: string, decimals?: number) =>
    compareRate(new Money(actual), new Money(change), new Money(prior), decimals).agreement;

  it("calls a rate that rounds to the published one exact, at the published decimals", () => {
    expect(rate("1.68", "33279.22", "1983629.12")).toBe("exact");
    expect(rate("-0.2", "-4966.66", "2481227.24")).toBe("exact");
  });

  it("allows what the rounding of the inputs moves a rate on a small base", () => {
    // −0.58 ÷ 12.39 = −4.68%, −0.59 ÷ 12.39 = −4.76%: the inputs' 0.01 moves it by 0.08.
    expect(rate("-4.68", "-0.59", "12.39")).toBe("rounding");
    expect(rate("-7.25", "-36235.88", "481608.12")).toBe("mismatch");
  });
});
