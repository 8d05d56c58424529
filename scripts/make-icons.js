#!/usr/bin/env node
/*
 * Draws the add-in icons (a blue rounded square with a white bar chart) and writes them as PNG
 * files into assets/. The PNGs are committed; run this only to change the design:
 *   node scripts/make-icons.js
 * It uses nothing but Node's zlib so the icons can be rebuilt offline without an image library.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BACKGROUND = [0x1f, 0x5f, 0xad]; // a government-report blue
const FOREGROUND = [0xff, 0xff, 0xff];
const CORNER_RADIUS = 0.18; // fractions of the icon size, so every size has the same shape
const BASELINE = 0.78;
const BARS = [
  { left: 0.2, right: 0.36, top: 0.52 },
  { left: 0.42, right: 0.58, top: 0.36 },
  { left: 0.64, right: 0.8, top: 0.22 },
];
// Each pixel is sampled on a 4x4 grid so that edges are smooth even at 16 px.
const SAMPLES_PER_AXIS = 4;

const ICONS = [
  ["icon-16.png", 16],
  ["icon-32.png", 32],
  ["icon-64.png", 64],
  ["icon-80.png", 80],
  ["icon-128.png", 128],
  ["logo-filled.png", 128],
];

function insideRoundedSquare(x, y) {
  const r = CORNER_RADIUS;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function insideBar(x, y) {
  return BARS.some((bar) => x >= bar.left && x < bar.right && y >= bar.top && y < BASELINE);
}

/** RGBA pixels, row by row. */
function drawIcon(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = SAMPLES_PER_AXIS * SAMPLES_PER_AXIS;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      let white = 0;
      for (let sy = 0; sy < SAMPLES_PER_AXIS; sy++) {
        for (let sx = 0; sx < SAMPLES_PER_AXIS; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES_PER_AXIS) / size;
          const y = (py + (sy + 0.5) / SAMPLES_PER_AXIS) / size;
          if (!insideRoundedSquare(x, y)) continue;
          covered++;
          if (insideBar(x, y)) white++;
        }
      }
      const offset = (py * size + px) * 4;
      const whiteShare = covered === 0 ? 0 : white / covered;
      for (let channel = 0; channel < 3; channel++) {
        const value = BACKGROUND[channel] * (1 - whiteShare) + FOREGROUND[channel] * whiteShare;
        pixels[offset + channel] = Math.round(value);
      }
      pixels[offset + 3] = Math.round((255 * covered) / samples);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); // width
  header.writeUInt32BE(size, 4); // height
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  // Every scanline starts with its filter type; 0 (none) keeps the encoder trivial.
  const rowLength = size * 4;
  const scanlines = Buffer.alloc(size * (rowLength + 1));
  for (let y = 0; y < size; y++) {
    rgba.copy(scanlines, y * (rowLength + 1) + 1, y * rowLength, (y + 1) * rowLength);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", zlib.deflateSync(scanlines, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

const assetsDir = path.resolve(__dirname, "..", "assets");
fs.mkdirSync(assetsDir, { recursive: true });
for (const [fileName, size] of ICONS) {
  const png = encodePng(size, drawIcon(size));
  fs.writeFileSync(path.join(assetsDir, fileName), png);
  console.log(`assets/${fileName}: ${size}x${size}, ${png.length} bytes`);
}
