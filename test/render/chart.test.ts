import { inflateSync } from "zlib";
import { Money } from "../../src/core/money";
import {
  ChartBar,
  PNG_SIGNATURE,
  barChartPng,
  crc32,
  expenditureByClass,
  generalBudgetExpenditureSpec,
  niceStep,
  zlibCompress,
} from "../../src/render/chart";
import { fixturePath, smallSpec, specsFromWorkbook } from "./fixtureSpecs";

interface Chunk {
  type: string;
  data: Buffer;
  crcOk: boolean;
}

function chunks(png: Uint8Array): Chunk[] {
  const bytes = Buffer.from(png);
  const out: Chunk[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString("latin1", at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    const crcOk = bytes.readUInt32BE(at + 8 + length) === crc32(bytes, at + 4, at + 8 + length);
    out.push({ type, data, crcOk });
    at += 12 + length;
  }
  return out;
}

/** Palette indices, row by row, of an 8-bit palette PNG without filters (what barChartPng writes). */
function decode(png: Uint8Array): { width: number; height: number; pixels: Uint8Array } {
  const all = chunks(png);
  const ihdr = all.find((c) => c.type === "IHDR")!.data;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const raw = inflateSync(Buffer.concat(all.filter((c) => c.type === "IDAT").map((c) => c.data)));
  expect(raw.length).toBe((width + 1) * height);
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width + 1)]).toBe(0);
    pixels.set(raw.subarray(y * (width + 1) + 1, (y + 1) * (width + 1)), y * width);
  }
  return { width, height, pixels };
}

const BARS: ChartBar[] = [
  { code: "201", name: "一般公共服务支出", value: new Money("1098.11") },
  { code: "208", name: "社会保障和就业支出", value: new Money("31.82") },
  { code: "210", name: "卫生健康支出", value: new Money("12.63") },
  { code: "213", name: "农林水支出", value: new Money("2497.00") },
  { code: "221", name: "住房保障支出", value: new Money("22.12") },
];
const BAR_COLOUR = 3;

describe("barChartPng", () => {
  test("is a valid PNG of the asked size: signature, IHDR, palette, CRCs, zlib data", () => {
    const png = barChartPng(BARS, { width: 640, height: 300 });
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const all = chunks(png);
    expect(all.map((c) => c.type)).toEqual(["IHDR", "PLTE", "IDAT", "IEND"]);
    expect(all.every((c) => c.crcOk)).toBe(true);
    const ihdr = all[0].data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([
      640, 300, 8, 3,
    ]);
    expect(decode(png).pixels.length).toBe(640 * 300);
  });

  test("is deterministic and small", () => {
    const a = barChartPng(BARS);
    const b = barChartPng(BARS.map((bar) => ({ ...bar })));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(a.length).toBeLessThan(20_000);
  });

  test("draws taller bars for larger amounts", () => {
    const { width, height, pixels } = decode(barChartPng(BARS));
    // Bars are runs of columns holding the bar colour; a bar's height is its tallest column.
    const columnHeights = Array.from({ length: width }, (_, x) => {
      let h = 0;
      for (let y = 0; y < height; y++) if (pixels[y * width + x] === BAR_COLOUR) h++;
      return h;
    });
    const barHeights: number[] = [];
    columnHeights.forEach((h, x) => {
      if (h > 0 && (x === 0 || columnHeights[x - 1] === 0)) barHeights.push(h);
      else if (h > 0)
        barHeights[barHeights.length - 1] = Math.max(barHeights[barHeights.length - 1], h);
    });
    expect(barHeights).toHaveLength(BARS.length);
    expect(barHeights[3]).toBeGreaterThan(barHeights[0]);
    expect(barHeights[0]).toBeGreaterThan(barHeights[1]);
    expect(barHeights[1]).toBeGreaterThanOrEqual(barHeights[2]);
    expect(barHeights[2]).toBeGreaterThan(0);
  });

  test("draws axes and no bars when there is nothing to show", () => {
    const { pixels } = decode(barChartPng([]));
    expect(pixels.includes(BAR_COLOUR)).toBe(false);
    expect(pixels.some((p) => p !== 0)).toBe(true);
  });
});

describe("zlibCompress", () => {
  test.each([
    ["runs", Uint8Array.from({ length: 50_000 }, (_, i) => (i % 1000 < 600 ? 0 : 3))],
    ["noise", Uint8Array.from({ length: 20_000 }, (_, i) => (i * 2654435761) >>> 24)],
    ["short", Uint8Array.from([1, 2])],
    ["empty", new Uint8Array(0)],
  ])("writes a zlib stream that inflates back to the input (%s)", (_, data) => {
    const stream = zlibCompress(data, [1, 1000]);
    expect(Buffer.from(inflateSync(stream)).equals(Buffer.from(data))).toBe(true);
  });
});

describe("expenditureByClass", () => {
  test("reads the 类 rows of the 一般公共预算支出表, leaving out zero rows", () => {
    const bars = expenditureByClass(smallSpec());
    expect(bars.map((b) => [b.code, b.name, b.value.toFixed(2)])).toEqual([
      ["201", "一般公共服务支出", "100.25"],
      ["221", "=SUM(A1)", "30.25"],
    ]);
  });

  test.each([
    ["tunliu-2024", ["201", "208", "210", "213", "221"], "2497.00"],
    ["quyang-2024", ["201", "206", "208", "210", "213", "221"], "33.56"],
  ])("finds the 类 of the published %s table", async (name, codes, agriculture) => {
    const spec = generalBudgetExpenditureSpec(await specsFromWorkbook(fixturePath(name)))!;
    const bars = expenditureByClass(spec);
    expect(bars.map((b) => b.code)).toEqual(codes);
    expect(bars.find((b) => b.code === "213")!.value.toFixed(2)).toBe(agriculture);
  });

  test("chooses round gridline steps", () => {
    expect(niceStep(2497)).toBe(500);
    expect(niceStep(100.25)).toBe(25);
    expect(niceStep(0.8)).toBe(0.2);
    expect(niceStep(0)).toBe(1);
  });
});
