// Draws the extension icon (images/icon.png, 128×128): three stacked layers — the stack — under an
// amber lens — the scope. Written with zlib alone so the icon can be regenerated without an image
// editor or a graphics dependency. Run: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // per axis; 16 samples per pixel smooth the edges
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png');

// Shapes are signed distance functions: negative inside, positive outside.
const roundedRect = (cx, cy, halfW, halfH, r) => (x, y) => {
  const qx = Math.abs(x - cx) - halfW + r;
  const qy = Math.abs(y - cy) - halfH + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const ring = (cx, cy, radius, width) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - radius) - width / 2;
const disc = (cx, cy, radius) => (x, y) => Math.hypot(x - cx, y - cy) - radius;
const capsule = (ax, ay, bx, by, r) => (x, y) => {
  const [px, py, dx, dy] = [x - ax, y - ay, bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - r;
};
const minus = (a, b) => (x, y) => Math.max(a(x, y), -b(x, y));

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);

const lens = { cx: 78, cy: 70, r: 27 };
const background = roundedRect(64, 64, 62, 62, 26);
const layers = [40, 60, 80].map((cy) => roundedRect(52, cy, 32, 7, 7));
const lensGlass = disc(lens.cx, lens.cy, lens.r - 5);
const lensRing = ring(lens.cx, lens.cy, lens.r, 9);
const handle = capsule(lens.cx + 22, lens.cy + 22, 113, 113, 6.5);

// Painted back to front; each entry is [shape, colour at (x, y), opacity].
const paint = [
  [background, (_x, y) => mix(hex('#1e3a8a'), hex('#0f172a'), y / SIZE), 1],
  ...layers.map((shape, i) => [minus(shape, lensGlass), () => mix(hex('#e2e8f0'), hex('#94a3b8'), i / 2), 1]),
  [lensGlass, () => hex('#fbbf24'), 0.22],
  ...layers.map((shape) => [(x, y) => Math.max(shape(x, y), lensGlass(x, y)), () => hex('#fef3c7'), 1]),
  [lensRing, () => hex('#f59e0b'), 1],
  [handle, () => hex('#f59e0b'), 1],
];

const pixels = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  pixels[row] = 0; // filter type: none
  for (let x = 0; x < SIZE; x++) {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const px = x + (sx + 0.5) / SAMPLES;
        const py = y + (sy + 0.5) / SAMPLES;
        let colour = [0, 0, 0];
        let alpha = 0;
        for (const [shape, fill, opacity] of paint) {
          if (shape(px, py) > 0) continue;
          colour = mix(colour, fill(px, py), opacity);
          alpha = alpha + (1 - alpha) * opacity;
        }
        r += colour[0] * alpha;
        g += colour[1] * alpha;
        b += colour[2] * alpha;
        a += alpha;
      }
    }
    const n = SAMPLES * SAMPLES;
    const offset = row + 1 + x * 4;
    // Un-premultiply so anti-aliased edges keep their colour instead of darkening.
    pixels[offset] = a ? Math.round(r / a) : 0;
    pixels[offset + 1] = a ? Math.round(g / a) : 0;
    pixels[offset + 2] = a ? Math.round(b / a) : 0;
    pixels[offset + 3] = Math.round((a / n) * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bits per channel
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(pixels, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
