/**
 * The integer aggregation must give exactly the figures of the Decimal one, on random ledgers and
 * on the inputs that push it to its limits (many decimals, amounts beyond a safe integer of fen,
 * sums near 2^53), where it must hand over to the Decimals rather than round.
 */
import { aggregateFigures, ledgerFigures } from "../../../src/core/figures/aggregate";
import type { CellValue, Grid } from "../../../src/core/grid";
import { readLedger } from "../../../src/core/ledger";
import type { Ledger } from "../../../src/core/ledger";
import { aggregateFiguresDecimal } from "../../../src/core/figures/figures";
import type { FigureLine } from "../../../src/core/figures/figures";
import {
  aggregateFiguresInUnits,
  aggregateScopesInUnits,
} from "../../../src/core/figures/aggregateUnits";
import {
  UnitsLine,
  decompose,
  lineParts,
  moneyOfUnits,
  plainLine,
  unitsAt,
  unitsOfNumber,
} from "../../../src/core/figures/units";
import { FUND_SOURCES } from "../../../src/core/model";
import type { ExpenditureKind } from "../../../src/core/model";
import { Money, moneyFromNumber, yuanToWanyuan } from "../../../src/core/money";

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

/** Figures as plain data, every amount by its exact decimal text (−0 and 0 alike). */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) => (v === "-0" ? "0" : v));
}

const FUNCTION_CODES = ["2010101", "2010102", "2013201", "2080505", "2050201", "201", "20132", ""];
const ECONOMIC_CODES = [
  undefined,
  "",
  "30101",
  "30201",
  "30212",
  "30217",
  "30231",
  "31013",
  "30913",
  "302",
];
const KINDS: ExpenditureKind[] = ["人员经费", "公用经费", "项目支出"];

function randomLines(
  random: () => number,
  count: number,
  amount: (random: () => number) => Money
): FigureLine[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  return Array.from({ length: count }, () => {
    const line: FigureLine = {
      functionCode: pick(FUNCTION_CODES),
      kind: pick(KINDS),
      source: pick(FUND_SOURCES),
      carryover: random() < 0.3,
      amount: amount(random),
    };
    const economic = pick(ECONOMIC_CODES);
    if (economic !== undefined) line.economicCode = economic;
    if (random() < 0.8) line.projectName = `项目${Math.floor(random() * 5)}`;
    if (random() < 0.3) line.projectCode = `P${Math.floor(random() * 3)}`;
    return line;
  });
}

/** Amounts with 0–6 decimals (a 元 ledger in 万元), negatives and zeros among them. */
const ledgerAmount = (random: () => number): Money => {
  const decimals = 2 + Math.floor(random() * 5);
  const int = Math.floor(random() * 1e8) - (random() < 0.1 ? 5e7 : 0);
  return random() < 0.05 ? new Money(0) : new Money(int).dividedBy(10 ** decimals);
};

describe("aggregateFigures in integers", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])("equals the Decimal figures on random ledger %i", (seed) => {
    const lines = randomLines(seeded(seed), 400, ledgerAmount);
    const fast = aggregateFiguresInUnits(lines, { unitNature: "行政" });
    expect(fast).toBeDefined(); // these amounts stay on the integer path
    expect(plain(fast)).toEqual(plain(aggregateFiguresDecimal(lines, { unitNature: "行政" })));
  });

  it("gives the Decimal figures of no lines", () => {
    expect(plain(aggregateFiguresInUnits([]))).toEqual(plain(aggregateFiguresDecimal([])));
  });

  const adversarial: Array<[string, (random: () => number) => Money]> = [
    ["more than 15 decimals", (r) => new Money(Math.floor(r() * 1e6)).dividedBy("1e17")],
    [
      "amounts beyond a safe integer of fen",
      (r) => new Money("9007199254740993.17").plus(Math.floor(r() * 100)),
    ],
    [
      "more than 14 significant digits",
      (r) => new Money("123456789012.3456").plus(Math.floor(r() * 10)),
    ],
    ["sums that would pass 2^53 units", () => new Money("4503599627370.49")],
    ["a third of a 元 (a long division)", () => new Money(1).dividedBy(3)],
  ];
  it.each(adversarial)(
    "hands %s to the Decimals and still gives their figures",
    (_name, amount) => {
      const random = seeded(99);
      const lines = [...randomLines(random, 50, ledgerAmount), ...randomLines(random, 20, amount)];
      expect(aggregateFiguresInUnits(lines)).toBeUndefined();
      expect(plain(aggregateFigures(lines))).toEqual(plain(aggregateFiguresDecimal(lines)));
    }
  );

  it("stays on the integer path below 2^52 units, exact, and leaves it above", () => {
    // 15 significant digits at scale 2: 1.1258999068426e14 units each; 2^52 ≈ 4.5036e15 units.
    const big = new Money("1125899906842.62");
    const below = randomLines(seeded(7), 39, () => big);
    const fast = aggregateFiguresInUnits(below);
    expect(fast).toBeDefined();
    expect(fast!.byFunction[0].all.total.toString()).toBe(big.times(39).toString());
    expect(plain(fast)).toEqual(plain(aggregateFiguresDecimal(below)));
    const above = randomLines(seeded(7), 41, () => big);
    expect(aggregateFiguresInUnits(above)).toBeUndefined();
    expect(plain(aggregateFigures(above))).toEqual(plain(aggregateFiguresDecimal(above)));
  });
});

describe("integer units of a Money", () => {
  it.each([
    "0",
    "1",
    "-1",
    "0.01",
    "-123.45",
    "10000000",
    "12345678.9012",
    "0.000001",
    "1e-15",
    "99999999999999",
  ])("round-trips %s exactly", (text) => {
    const money = new Money(text);
    const parts = decompose(money)!;
    expect(parts).toBeDefined();
    const scale = Math.max(0, -parts.exp);
    expect(moneyOfUnits(unitsAt(parts, scale), scale).equals(money)).toBe(true);
  });

  it("refuses what a safe integer cannot hold", () => {
    expect(decompose(new Money("1234567890123456.7"))).toBeUndefined(); // 17 digits
    expect(decompose(new Money("9007199254740991"))).toBeUndefined(); // 16 digits
    expect(unitsAt(decompose(new Money("9007199254740.99"))!, 4)).toBeNaN(); // 9.0e16 units
  });
});

describe("the three scopes from one pass", () => {
  /** Lines as UnitsLine (held as integers) and as plain Money lines, mixed. */
  const mixed = (seed: number): FigureLine[] =>
    randomLines(seeded(seed), 300, ledgerAmount).map((line, i) => {
      const parts = decompose(line.amount)!;
      return i % 2 === 0 ? line : new UnitsLine(line, parts.int, -parts.exp);
    });

  it.each([11, 12, 13, 14])(
    "equals the Decimal figures of each subset on random ledger %i",
    (seed) => {
      const lines = mixed(seed);
      const scopes = aggregateScopesInUnits(lines, { unitNature: "参公" });
      expect(scopes).toBeDefined();
      const subsets = {
        all: lines,
        current: lines.filter((l) => !l.carryover),
        carryover: lines.filter((l) => l.carryover),
      };
      for (const name of ["all", "current", "carryover"] as const) {
        const subset = subsets[name];
        expect(plain(scopes![name]!.figures)).toEqual(
          plain(aggregateFiguresDecimal(subset, { unitNature: "参公" }))
        );
        expect(plain(scopes![name]!.projects)).toEqual(
          plain(aggregateFiguresDecimal(subset.filter((l) => l.kind === "项目支出")).byFunction[0])
        );
      }
    }
  );

  it("gives the Decimal figures of a scope without lines", () => {
    const lines = mixed(15)
      .map((line) => plainLine(line))
      .filter((l) => !l.carryover);
    const scopes = aggregateScopesInUnits(lines)!;
    expect(plain(scopes.carryover!.figures)).toEqual(plain(aggregateFiguresDecimal([])));
  });

  it("leaves the integer path for a huge amount among integer lines", () => {
    const lines = [...mixed(16), { ...plainLine(mixed(16)[0]), amount: new Money("1e30") }];
    expect(aggregateScopesInUnits(lines)).toBeUndefined();
    expect(plain(aggregateFigures(lines))).toEqual(plain(aggregateFiguresDecimal(lines)));
  });
});

describe("a UnitsLine", () => {
  it("reads as the line it stands for: amount, JSON and a rewritten amount", () => {
    const line = new UnitsLine(
      {
        functionCode: "2010101",
        kind: "项目支出",
        source: "事业收入",
        carryover: true,
        projectName: "甲",
      },
      -1234567,
      6
    );
    expect(lineParts(line)).toEqual({ int: -1234567, exp: -6 });
    expect(line.amount.toString()).toBe("-1.234567");
    expect(JSON.parse(JSON.stringify(line))).toEqual({
      functionCode: "2010101",
      kind: "项目支出",
      source: "事业收入",
      carryover: true,
      projectName: "甲",
      amount: "-1.234567",
    });
    line.amount = new Money("2.5");
    // Once set, the Money is the amount: the units no longer speak for it.
    expect(lineParts(line)).toEqual({ int: 25, exp: -1 });
  });
});

describe("integer units of a cell's double", () => {
  it("give exactly the Money Excel's 15 digits give, or nothing", () => {
    const random = seeded(5);
    const values = [
      0.1 + 0.2,
      1e15 + 0.5,
      -0.005,
      123456789.123456,
      0.0000001,
      2 ** 53,
      2 ** 53 + 2,
      1e21,
      -0,
      99999999999999.98,
      1 / 3,
      ...Array.from({ length: 2000 }, () => {
        const decimals = Math.floor(random() * 8);
        const int = Math.floor(random() * 10 ** (2 + Math.floor(random() * 13)));
        return (random() < 0.2 ? -int : int) / 10 ** decimals;
      }),
    ];
    let fast = 0;
    for (const value of values) {
      const units = unitsOfNumber(value);
      if (!units) continue;
      fast += 1;
      expect([value, moneyOfUnits(units.units, units.scale).toString()]).toEqual([
        value,
        moneyFromNumber(value).toString() === "-0" ? "0" : moneyFromNumber(value).toString(),
      ]);
    }
    expect(fast).toBeGreaterThan(values.length / 2);
    expect(unitsOfNumber(1 / 3)).toBeUndefined();
    expect(unitsOfNumber(1e21)).toBeUndefined();
  });
});

describe("a ledger's figures from number cells", () => {
  const header = [
    "功能分类科目编码",
    "经济分类科目编码",
    "支出类型",
    "资金来源",
    "上年结转",
    "项目名称",
    "金额（元）",
  ];
  const grids = (amounts: number[]): Grid[] => {
    const random = seeded(21);
    const kinds = ["人员经费", "公用经费", "项目支出"];
    const rows: CellValue[][] = [header];
    amounts.forEach((amount, i) => {
      const kind = kinds[i % 3];
      rows.push([
        ["2010101", "2013201", "2080505"][Math.floor(random() * 3)],
        kind === "人员经费" ? "30101" : "30201",
        kind,
        ["一般公共预算拨款", "事业收入", "政府性基金"][Math.floor(random() * 3)],
        random() < 0.3 ? "是" : "否",
        kind === "项目支出" ? `项目${i % 4}` : "",
        amount,
      ]);
    });
    return [
      {
        sheet: "部门信息",
        origin: { row: 1, col: 1 },
        values: [
          ["部门名称", "测试局"],
          ["单位性质", "行政"],
        ],
      },
      { sheet: "预算明细", origin: { row: 1, col: 1 }, values: rows },
    ];
  };
  let current: Grid[] = [];
  /** The Decimal reference: every amount cell through moneyFromNumber, 元 → 万元, summed as Decimals. */
  const reference = (ledger: Ledger): unknown =>
    plain(
      aggregateFiguresDecimal(
        ledger.lines.map((line) => ({
          ...plainLine({ ...line, amount: new Money(0) }),
          amount: yuanToWanyuan(moneyFromNumber(current[1].values[line.row - 1][6] as number)),
        })),
        { unitNature: "行政" }
      )
    );

  it.each([
    ["fen amounts", (r: () => number) => Math.floor(r() * 1e8) / 100],
    [
      "amounts with 3–6 decimals",
      (r: () => number) => Math.floor(r() * 1e9) / 10 ** (3 + Math.floor(r() * 4)),
    ],
    [
      "a huge amount among them (Decimal fallback)",
      (r: () => number) => (r() < 0.02 ? 1e20 : Math.floor(r() * 1e8) / 100),
    ],
  ])("equal the Decimal reference for %s", (_name, amount) => {
    const random = seeded(8);
    current = grids(Array.from({ length: 600 }, () => amount(random)));
    const { ledger } = readLedger(current);
    expect(ledger!.lines).toHaveLength(600);
    expect(plain(ledgerFigures(ledger!))).toEqual(reference(ledger!));
  });
});
