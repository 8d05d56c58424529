import {
  Money,
  convertUnit,
  formatMoney,
  moneyFromNumber,
  moneyToNumber,
  parseAmount,
  roundMoney,
  sumMoney,
  toHalfWidth,
  wanyuanToYuan,
  yuanToWanyuan,
} from "../../src/core/money";

const amount = (value: unknown) => {
  const parsed = parseAmount(value);
  if (parsed.kind !== "amount")
    throw new Error(`expected an amount for ${String(value)}, got ${parsed.kind}`);
  return parsed;
};

describe("parseAmount", () => {
  it("turns an Excel float artefact into the decimal Excel displays", () => {
    expect(amount(0.1 + 0.2).value.toString()).toBe("0.3");
    expect(amount(0.30000000000000004).fromText).toBe(false);
    expect(amount(3661.6800000000003).value.toString()).toBe("3661.68");
  });

  it("reads integers and plain numbers unchanged", () => {
    expect(amount(2497).value.toString()).toBe("2497");
    expect(amount(-12.5).value.toString()).toBe("-12.5");
  });

  it("reads numeric text with thousands separators and marks it as text", () => {
    const parsed = amount("1,234.56");
    expect(parsed.value.toString()).toBe("1234.56");
    expect(parsed.fromText).toBe(true);
  });

  it("reads a leading apostrophe, full-width digits and a full-width point", () => {
    expect(amount("'1,234.56").value.toString()).toBe("1234.56");
    expect(amount("107．57").value.toString()).toBe("107.57");
    expect(amount("１２３．４").value.toString()).toBe("123.4");
    expect(amount("１，２３４").value.toString()).toBe("1234");
  });

  it("reads a trailing unit and reports which one", () => {
    expect(amount("12.5万元")).toMatchObject({ unit: "万元" });
    expect(amount("129,636元").value.toString()).toBe("129636");
    expect(amount("129,636元").unit).toBe("元");
  });

  it("reads signs and accounting parentheses", () => {
    expect(amount("-3.2").value.toString()).toBe("-3.2");
    expect(amount("(3.20)").value.toString()).toBe("-3.2");
    expect(amount("+7").value.toString()).toBe("7");
  });

  it("treats blanks, dashes and placeholder text as empty", () => {
    for (const value of [null, undefined, "", "  ", "-", "—", "——", "－", "--"]) {
      expect(parseAmount(value).kind).toBe("empty");
    }
  });

  it("returns invalid, not a throw, for text that is not a number", () => {
    expect(parseAmount("abc")).toEqual({ kind: "invalid", text: "abc" });
    expect(parseAmount("12.3.4").kind).toBe("invalid");
    expect(parseAmount("1,23").kind).toBe("invalid");
    expect(parseAmount(".").kind).toBe("invalid");
    expect(parseAmount(true).kind).toBe("invalid");
    expect(parseAmount(Number.NaN).kind).toBe("invalid");
  });

  it("keeps 0.00 as an amount of zero", () => {
    expect(amount("0.00").value.isZero()).toBe(true);
    expect(amount(0).value.isZero()).toBe(true);
  });

  it("reads a number the same every time (numbers read before are kept), -0 apart from 0", () => {
    for (const value of [107.57, 0.1 + 0.2, 42, -3.5, 1e21]) {
      const first = amount(value).value.toString();
      expect(amount(value).value.toString()).toBe(first);
    }
    expect(amount(0.1 + 0.2).value.toString()).toBe("0.3");
    expect(amount(-0).value.isNegative()).toBe(true);
    // A -0 read first does not make a later 0 negative, nor the other way round.
    expect(amount(0).value.isNegative()).toBe(false);
    expect(amount(-0).value.isNegative()).toBe(true);
  });
});

describe("exact arithmetic and rounding", () => {
  it("adds amounts without float error", () => {
    const total = sumMoney([0.1, 0.2, 0.3].map(moneyFromNumber));
    expect(total.toString()).toBe("0.6");
    expect(moneyToNumber(total)).toBe(0.6);
  });

  it("rounds half away from zero, the publication rounding", () => {
    expect(roundMoney(new Money("2.345")).toString()).toBe("2.35");
    expect(roundMoney(new Money("-2.345")).toString()).toBe("-2.35");
    expect(roundMoney(new Money("2.344999")).toString()).toBe("2.34");
    expect(roundMoney(new Money("12.955"), 1).toString()).toBe("13");
  });

  it("converts 元 to 万元 exactly and back", () => {
    const wan = yuanToWanyuan(new Money(129636));
    expect(wan.toString()).toBe("12.9636");
    expect(roundMoney(wan).toString()).toBe("12.96");
    expect(wanyuanToYuan(wan).toString()).toBe("129636");
    expect(convertUnit(new Money("2299"), "万元", "元").toString()).toBe("22990000");
    expect(convertUnit(new Money("5"), "万元", "万元").toString()).toBe("5");
  });

  it("formats amounts for messages with separators and two decimals", () => {
    expect(formatMoney(new Money("4707.085"))).toBe("4,707.09");
    expect(formatMoney(new Money("-0.01"))).toBe("-0.01");
    expect(formatMoney(new Money("1000000"))).toBe("1,000,000.00");
  });

  it("folds full-width characters to half width", () => {
    expect(toHalfWidth("（１０７．５７）")).toBe("(107.57)");
  });

  it("folds every character exactly as a character-by-character fold would", () => {
    // The former implementation, kept as the yardstick for the regex fast path.
    const map: Record<string, string> = {
      "．": ".",
      "。": ".",
      "，": ",",
      "－": "-",
      "＋": "+",
      "％": "%",
      "　": " ",
      "（": "(",
      "）": ")",
    };
    const reference = (text: string): string =>
      [...text]
        .map((ch) => {
          const code = ch.charCodeAt(0);
          return code >= 0xff10 && code <= 0xff19
            ? String.fromCharCode(code - 0xfee0)
            : (map[ch] ?? ch);
        })
        .join("");
    const blocks = [
      [0x20, 0x7f],
      [0x3000, 0x3040],
      [0xff00, 0xff60],
      [0x4e00, 0x4e40],
    ];
    const all = blocks.flatMap(([from, to]) =>
      Array.from({ length: to - from }, (_, i) => String.fromCharCode(from + i))
    );
    for (const ch of all) expect(toHalfWidth(ch)).toBe(reference(ch));
    const mixed = all.join("") + "一般公共预算😀（１）";
    expect(toHalfWidth(mixed)).toBe(reference(mixed));
    const plain = "一般公共预算拨款";
    expect(toHalfWidth(plain)).toBe(plain);
  });
});

describe("moneyFromNumber", () => {
  /** The definition: the double rounded to the 15 significant digits Excel keeps. */
  const reference = (value: number) =>
    Number.isInteger(value) ? new Money(value) : new Money(value.toPrecision(15));

  it("reads every double as its 15-digit rounding, also doubles with more digits and exponents", () => {
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const values = [
      0.1 + 0.2,
      1 / 3,
      -2 / 3,
      123456.78,
      0.3 - 0.2, // 0.09999999999999998
      10 - 2 ** -49, // just below 10
      1e-7,
      1.5e-12,
      123456789012.345,
      1e21 + 0.5,
      -0.000123,
    ];
    for (let i = 0; i < 3000; i++) {
      values.push(Math.round(random() * 1e9) / 100); // 元 with 2 decimals
      values.push((random() - 0.5) * 10 ** Math.floor(random() * 30 - 12)); // any magnitude
    }
    for (const value of values) {
      // Twice: the second read comes from the cache and must be the same amount.
      expect(moneyFromNumber(value).toString()).toBe(reference(value).toString());
      expect(moneyFromNumber(value).toString()).toBe(reference(value).toString());
    }
  });
});
