/**
 * Controlled rounding in integers must round every line exactly as the Decimal version does —
 * ties, negatives, codes of every length — and hand over to it when the amounts need Decimals.
 */
import { roundLinesControlledDecimal } from "../../../src/core/format/buildSheets";
import { largestRemainderOrder, roundLinesInUnits } from "../../../src/core/format/roundUnits";
import { UnitsLine } from "../../../src/core/figures/units";
import type { FigureLine } from "../../../src/core/figures/figures";
import { FUND_SOURCES } from "../../../src/core/model";
import { Money } from "../../../src/core/money";

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CODES = [
  "2010101",
  "2010102",
  "2010199",
  "2013201",
  "20132",
  "201",
  "2080505",
  "2080506",
  "",
];

function lines(seed: number, count: number, amount: (r: () => number) => Money): FigureLine[] {
  const random = seeded(seed);
  return Array.from({ length: count }, () => ({
    functionCode: CODES[Math.floor(random() * CODES.length)],
    kind: "项目支出" as const,
    source: FUND_SOURCES[Math.floor(random() * FUND_SOURCES.length)],
    carryover: random() < 0.2,
    amount: amount(random),
  }));
}

const amounts = (lines: readonly FigureLine[]): string[] => lines.map((l) => l.amount.toString());

describe("roundLinesInUnits", () => {
  const cases: Array<[string, (r: () => number) => Money]> = [
    // A 元 ledger in 万元: up to 6 decimals.
    ["yuan amounts", (r) => new Money(Math.floor(r() * 1e9)).dividedBy(1e6)],
    // Exact halves everywhere: every remainder ties.
    ["ties", (r) => new Money(Math.floor(r() * 100)).plus("0.005")],
    ["negatives", (r) => new Money(Math.floor(r() * 2e6) - 1e6).dividedBy(1e4)],
    ["already at 0.01", (r) => new Money(Math.floor(r() * 1e6)).dividedBy(100)],
    ["mixed scales", (r) => new Money(Math.floor(r() * 1e7)).dividedBy(10 ** Math.floor(r() * 7))],
  ];
  it.each(cases)("rounds %s as the Decimal version does", (_name, amount) => {
    for (const seed of [1, 2, 3]) {
      const input = lines(seed, 300, amount);
      const fast = roundLinesInUnits(input);
      expect(fast).toBeDefined();
      expect(amounts(fast!)).toEqual(amounts(roundLinesControlledDecimal(input)));
      expect(fast!.map((l) => l.functionCode)).toEqual(input.map((l) => l.functionCode));
    }
  });

  it.each([
    ["more than 15 significant digits", () => new Money("1234567890.1234567")],
    ["a third", () => new Money(1).dividedBy(3)],
    ["beyond 2^52 units", () => new Money("9999999999999.99")],
  ])("hands %s to the Decimals", (_name, amount) => {
    const input = [
      ...lines(4, 20, (r) => new Money(Math.floor(r() * 1e5)).dividedBy(100)),
      ...lines(5, 500, amount),
    ];
    expect(roundLinesInUnits(input)).toBeUndefined();
  });
});

describe("roundLinesInUnits over lines held as units", () => {
  // The ledger path: UnitsLines whose integer units are read without a Money per line.
  it("rounds 元 ledger lines (scale 6) as the Decimal version does", () => {
    for (const seed of [7, 8]) {
      const random = seeded(seed);
      const input = lines(seed, 2000, () => new Money(0)).map(
        (line) => new UnitsLine(line, Math.floor(random() * 2e9) - 1e8, 6)
      );
      const fast = roundLinesInUnits(input);
      expect(fast).toBeDefined();
      expect(amounts(fast!)).toEqual(amounts(roundLinesControlledDecimal(input)));
    }
  });
});

describe("largestRemainderOrder", () => {
  const byComparator = (remainders: Float64Array): number[] =>
    Array.from(remainders, (_, k) => k).sort((a, b) => remainders[b] - remainders[a] || a - b);
  it("orders by largest remainder, ties to the earlier child, as the comparator does", () => {
    const random = seeded(9);
    for (const [step, n] of [
      [1, 5],
      [10, 40],
      [10_000, 3_000],
      // step · n beyond 2^53: the comparator itself.
      [1e13, 2_000],
    ]) {
      // Few distinct remainders, so that many tie.
      const remainders = Float64Array.from(
        { length: n },
        () => Math.floor(random() * Math.min(step, 7)) * Math.max(1, Math.floor(step / 7))
      );
      expect(largestRemainderOrder(remainders, step)).toEqual(byComparator(remainders));
    }
  });
});
