/**
 * The bar chart of 一般公共预算 expenditure by 类 that the disclosure document shows under the
 * expenditure explanation, drawn in pure TypeScript: bars, axes, gridlines and numbers into a
 * palette bitmap, encoded as PNG with a small deflate of our own. No canvas, no fonts, no network,
 * the same bytes in Node and in the browser, and synchronous.
 *
 * The image carries digits only (a 5×7 bitmap font): the 类 names go in a caption table under the
 * chart in the document, where Word draws them with the reader's own Chinese fonts. Bars are
 * numbered 1…n in the image and in that table.
 */
import { Money, moneyToNumber } from "../core/money";
import type { SheetSpec, SpecCell } from "../core/format/sheetSpec";

export interface ChartBar {
  /** 类 code, e.g. "201". */
  code: string;
  /** 类 name as printed, e.g. "一般公共服务支出". */
  name: string;
  /** 万元, as printed in the table. */
  value: Money;
}

export interface BarChartOptions {
  /** Pixels; 900 × 420 by default. */
  width?: number;
  height?: number;
  /** Digits are drawn at this multiple of 5×7 pixels; 2 by default. */
  digitScale?: number;
}

// ---------------------------------------------------------------------------------------------
// The figures: read from the printed 一般公共预算支出表, so the chart shows what the table shows.

const CLASS_CODE = /^\d{3}$/;

function textOf(cell: SpecCell | undefined): string {
  return cell?.value.kind === "text" ? cell.value.text.trim() : "";
}

/**
 * The 类 rows of a printed 一般公共预算支出表 (a 3-digit code, its name, the first amount of the
 * row, which is the 合计 column), in table order; rows with a zero amount are left out.
 */
export function expenditureByClass(spec: SheetSpec): ChartBar[] {
  const rows = new Map<number, SpecCell[]>();
  for (const cell of spec.cells) {
    if (cell.row < spec.headerRows) continue;
    let row = rows.get(cell.row);
    if (!row) rows.set(cell.row, (row = []));
    row.push(cell);
  }
  const bars: ChartBar[] = [];
  for (const row of [...rows.keys()].sort((a, b) => a - b).map((r) => rows.get(r)!)) {
    row.sort((a, b) => a.col - b.col);
    const codeIndex = row.findIndex((cell) => CLASS_CODE.test(textOf(cell)));
    if (codeIndex < 0) continue;
    const name = row.slice(codeIndex + 1).find((cell) => textOf(cell) !== "");
    const amount = row
      .slice(codeIndex + 1)
      .find((cell) => cell.value.kind === "amount" || cell.value.kind === "empty")?.value;
    if (!name || !amount || amount.kind !== "amount" || amount.value.isZero()) continue;
    bars.push({ code: textOf(row[codeIndex]), name: textOf(name), value: amount.value });
  }
  return bars;
}

/** The table the chart is drawn from: the template's 一般公共预算支出表. */
export function generalBudgetExpenditureSpec(specs: readonly SheetSpec[]): SheetSpec | undefined {
  return specs.find((s) => s.kind === "一般公共预算支出表");
}

// ---------------------------------------------------------------------------------------------
// Drawing into a palette bitmap

/** Palette entries (RGB): the image uses these five colours only. */
const PALETTE: ReadonlyArray<readonly [number, number, number]> = [
  [0xff, 0xff, 0xff], // background
  [0x26, 0x26, 0x26], // digits
  [0xd9, 0xd9, 0xd9], // gridlines
  [0x44, 0x72, 0xc4], // bars
  [0x59, 0x59, 0x59], // axes
];
const WHITE = 0;
const INK = 1;
const GRID = 2;
const BAR = 3;
const AXIS = 4;

/** 5×7 glyphs, one string of five bits per row. */
const GLYPHS: Readonly<Record<string, readonly string[]>> = {
  "0": ["01110", "10001", "10011", "10101", "11001", "10001", "01110"],
  "1": ["00100", "01100", "00100", "00100", "00100", "00100", "01110"],
  "2": ["01110", "10001", "00001", "00010", "00100", "01000", "11111"],
  "3": ["11111", "00010", "00100", "00010", "00001", "10001", "01110"],
  "4": ["00010", "00110", "01010", "10010", "11111", "00010", "00010"],
  "5": ["11111", "10000", "11110", "00001", "00001", "10001", "01110"],
  "6": ["00110", "01000", "10000", "11110", "10001", "10001", "01110"],
  "7": ["11111", "00001", "00010", "00100", "01000", "01000", "01000"],
  "8": ["01110", "10001", "10001", "01110", "10001", "10001", "01110"],
  "9": ["01110", "10001", "10001", "01111", "00001", "00010", "01100"],
  ".": ["00000", "00000", "00000", "00000", "00000", "01100", "01100"],
  "-": ["00000", "00000", "00000", "11111", "00000", "00000", "00000"],
};

class Bitmap {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number
  ) {
    this.pixels = new Uint8Array(width * height).fill(WHITE);
  }

  rect(x0: number, y0: number, x1: number, y1: number, color: number): void {
    const left = Math.max(0, Math.round(Math.min(x0, x1)));
    const right = Math.min(this.width, Math.round(Math.max(x0, x1)));
    const top = Math.max(0, Math.round(Math.min(y0, y1)));
    const bottom = Math.min(this.height, Math.round(Math.max(y0, y1)));
    for (let y = top; y < bottom; y++)
      this.pixels.fill(color, y * this.width + left, y * this.width + right);
  }

  /** Width in pixels of `text` drawn at `scale`. */
  static textWidth(text: string, scale: number): number {
    return text.length === 0 ? 0 : text.length * 6 * scale - scale;
  }

  /** Draws digits with the top-left corner at (x, y). */
  text(text: string, x: number, y: number, scale: number, color = INK): void {
    let cursor = Math.round(x);
    for (const ch of text) {
      const glyph = GLYPHS[ch];
      if (glyph)
        glyph.forEach((bits, gy) => {
          for (let gx = 0; gx < 5; gx++)
            if (bits[gx] === "1")
              this.rect(
                cursor + gx * scale,
                y + gy * scale,
                cursor + (gx + 1) * scale,
                y + (gy + 1) * scale,
                color
              );
        });
      cursor += 6 * scale;
    }
  }
}

/** A round step for about `count` gridlines up to `max`: 1, 2, 2.5 or 5 times a power of ten. */
export function niceStep(max: number, count = 5): number {
  if (!(max > 0)) return 1;
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw - 1e-12);
  return step ?? 10 * magnitude;
}

function decimalsOf(step: number): number {
  for (let d = 0; d < 6; d++)
    if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9) return d;
  return 6;
}

/**
 * Renders the bars as a PNG: a y axis in 万元 with round gridlines, one bar per 类 numbered 1…n
 * below the axis, its amount above it.
 */
export function barChartPng(bars: readonly ChartBar[], options: BarChartOptions = {}): Uint8Array {
  const width = options.width ?? 900;
  const height = options.height ?? 420;
  const scale = options.digitScale ?? 2;
  const bitmap = new Bitmap(width, height);
  const values = bars.map((b) => Math.max(0, moneyToNumber(b.value)));
  const step = niceStep(Math.max(0, ...values));
  const top = Math.max(step, step * Math.ceil(Math.max(0, ...values) / step - 1e-9));
  const tickDecimals = decimalsOf(step);
  const ticks: string[] = [];
  for (let t = 0; t <= top / step + 1e-9; t++) ticks.push((t * step).toFixed(tickDecimals));

  const glyphHeight = 7 * scale;
  const left = 16 + Math.max(...ticks.map((t) => Bitmap.textWidth(t, scale)));
  const right = width - 16;
  const plotTop = 16 + glyphHeight + 8; // room for the value over the tallest bar
  const plotBottom = height - (glyphHeight + 20);
  const plotHeight = plotBottom - plotTop;
  const yOf = (value: number) => plotBottom - (value / top) * plotHeight;

  ticks.forEach((label, i) => {
    const y = Math.round(yOf(i * step));
    if (i > 0) bitmap.rect(left + 1, y, right, y + 1, GRID);
    bitmap.text(label, left - 8 - Bitmap.textWidth(label, scale), y - glyphHeight / 2, scale);
  });

  const slot = (right - left) / Math.max(1, bars.length);
  const barWidth = Math.min(90, slot * 0.6);
  values.forEach((value, i) => {
    const centre = left + slot * (i + 0.5);
    const y = yOf(value);
    bitmap.rect(centre - barWidth / 2, y, centre + barWidth / 2, plotBottom, BAR);
    const amount = moneyToNumber(bars[i].value).toFixed(2);
    const amountScale = Bitmap.textWidth(amount, scale) <= slot - 4 ? scale : 1;
    if (Bitmap.textWidth(amount, amountScale) <= slot - 2)
      bitmap.text(
        amount,
        centre - Bitmap.textWidth(amount, amountScale) / 2,
        y - 7 * amountScale - 6,
        amountScale
      );
    const number = String(i + 1);
    bitmap.text(number, centre - Bitmap.textWidth(number, scale) / 2, plotBottom + 10, scale);
  });

  bitmap.rect(left - 1, plotTop - 4, left + 1, plotBottom + 1, AXIS);
  bitmap.rect(left - 1, plotBottom - 1, right, plotBottom + 1, AXIS);
  return encodePng(bitmap.width, bitmap.height, bitmap.pixels, PALETTE);
}

// ---------------------------------------------------------------------------------------------
// PNG encoding: an 8-bit palette image, one zlib stream compressed with fixed Huffman codes and
// matches against the previous pixel and the previous row — all a flat-colour chart needs.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length;) {
    // 5552 bytes is the most that can be summed before the 32-bit sums need reducing.
    const end = Math.min(bytes.length, i + 5552);
    for (; i < end; i++) {
      a += bytes[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

class BitWriter {
  private bytes: number[] = [];
  private buffer = 0;
  private count = 0;

  /** Writes `length` bits of `value`, least significant first (deflate's order for data). */
  bits(value: number, length: number): void {
    for (let i = 0; i < length; i++) {
      this.buffer |= ((value >>> i) & 1) << this.count;
      if (++this.count === 8) this.flushByte();
    }
  }

  /** Writes a Huffman code, most significant bit first. */
  code(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.buffer |= ((code >>> i) & 1) << this.count;
      if (++this.count === 8) this.flushByte();
    }
  }

  private flushByte(): void {
    this.bytes.push(this.buffer);
    this.buffer = 0;
    this.count = 0;
  }

  finish(): number[] {
    if (this.count > 0) this.flushByte();
    return this.bytes;
  }
}

const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
  163, 195, 227, 258,
];
const LENGTH_EXTRA = [
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
  3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];

function writeLiteralOrLength(out: BitWriter, symbol: number): void {
  if (symbol < 144) out.code(0x30 + symbol, 8);
  else if (symbol < 256) out.code(0x190 + symbol - 144, 9);
  else if (symbol < 280) out.code(symbol - 256, 7);
  else out.code(0xc0 + symbol - 280, 8);
}

function lastIndexAtMost(table: readonly number[], value: number): number {
  let i = table.length - 1;
  while (table[i] > value) i--;
  return i;
}

function writeMatch(out: BitWriter, length: number, distance: number): void {
  const li = lastIndexAtMost(LENGTH_BASE, length);
  writeLiteralOrLength(out, 257 + li);
  out.bits(length - LENGTH_BASE[li], LENGTH_EXTRA[li]);
  const di = lastIndexAtMost(DIST_BASE, distance);
  out.code(di, 5);
  out.bits(distance - DIST_BASE[di], DIST_EXTRA[di]);
}

/**
 * A zlib stream of `data` in one fixed-Huffman deflate block. Matches are looked for only at the
 * given distances (for images: 1 = the pixel before, the row length = the pixel above).
 */
export function zlibCompress(data: Uint8Array, distances: readonly number[] = [1]): Uint8Array {
  const out = new BitWriter();
  out.bits(1, 1); // BFINAL
  out.bits(1, 2); // BTYPE = fixed Huffman
  for (let i = 0; i < data.length;) {
    let bestLength = 0;
    let bestDistance = 0;
    for (const distance of distances) {
      if (distance > i || distance > 32768) continue;
      const limit = Math.min(258, data.length - i);
      let length = 0;
      while (length < limit && data[i + length] === data[i + length - distance]) length++;
      if (length > bestLength) {
        bestLength = length;
        bestDistance = distance;
      }
    }
    if (bestLength >= 3) {
      writeMatch(out, bestLength, bestDistance);
      i += bestLength;
    } else {
      writeLiteralOrLength(out, data[i]);
      i++;
    }
  }
  writeLiteralOrLength(out, 256);
  const body = out.finish();
  const result = new Uint8Array(2 + body.length + 4);
  result[0] = 0x78; // deflate, 32 KB window
  result[1] = 0x01; // no dictionary, fastest; (0x78 × 256 + 0x01) is a multiple of 31
  result.set(body, 2);
  const adler = adler32(data);
  new DataView(result.buffer).setUint32(2 + body.length, adler);
  return result;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Encodes an 8-bit palette image (one palette index per pixel, row by row) as PNG. */
export function encodePng(
  width: number,
  height: number,
  indices: Uint8Array,
  palette: ReadonlyArray<readonly [number, number, number]>
): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bit depth
  header[9] = 3; // colour type: palette
  const plte = new Uint8Array(palette.length * 3);
  palette.forEach(([r, g, b], i) => plte.set([r, g, b], i * 3));
  const stride = width + 1; // a filter byte (0, none) before each row
  const raw = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++)
    raw.set(indices.subarray(y * width, (y + 1) * width), y * stride + 1);
  const parts = [
    Uint8Array.from(PNG_SIGNATURE),
    chunk("IHDR", header),
    chunk("PLTE", plte),
    chunk("IDAT", zlibCompress(raw, [1, stride])),
    chunk("IEND", new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}
