/**
 * Draws Movesnack's icons and writes them as PNG files under resources/ (run: `npx tsx scripts/make-icons.ts`).
 * The PNGs are committed; this script documents how they were made and can redraw them.
 *
 * Shapes are signed-distance functions rasterised with 4x4 supersampling; the PNG encoder is
 * the minimal one the spec allows (8-bit RGBA, filter 0, one zlib stream), using node:zlib.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];
/** Signed distance in the 0..1 unit square: negative inside. */
type Sdf = (x: number, y: number) => number;
interface Layer {
  color: Rgba;
  shape: Sdf;
}

const hex = (value: string, alpha = 255): Rgba => [
  parseInt(value.slice(1, 3), 16),
  parseInt(value.slice(3, 5), 16),
  parseInt(value.slice(5, 7), 16),
  alpha,
];

const circle =
  (cx: number, cy: number, r: number): Sdf =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - r;

/** A segment with round ends (a stroke of width 2r). */
const capsule =
  (ax: number, ay: number, bx: number, by: number, r: number): Sdf =>
  (x, y) => {
    const px = x - ax;
    const py = y - ay;
    const dx = bx - ax;
    const dy = by - ay;
    const h = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - dx * h, py - dy * h) - r;
  };

const roundedSquare =
  (inset: number, radius: number): Sdf =>
  (x, y) => {
    const half = 0.5 - inset - radius;
    const qx = Math.abs(x - 0.5) - half;
    const qy = Math.abs(y - 0.5) - half;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  };

const union =
  (...shapes: Sdf[]): Sdf =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)));

function rasterise(size: number, layers: Layer[]): Buffer {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          // Composite the layers bottom to top ("over"), premultiplied.
          let cr = 0;
          let cg = 0;
          let cb = 0;
          let ca = 0;
          for (const layer of layers) {
            if (layer.shape(x, y) > 0) continue;
            const la = layer.color[3] / 255;
            cr = layer.color[0] * la + cr * (1 - la);
            cg = layer.color[1] * la + cg * (1 - la);
            cb = layer.color[2] * la + cb * (1 - la);
            ca = la + ca * (1 - la);
          }
          r += cr;
          g += cg;
          b += cb;
          a += ca;
        }
      }
      const n = samples * samples;
      const alpha = a / n;
      const o = (py * size + px) * 4;
      pixels[o] = alpha > 0 ? Math.round(r / n / alpha) : 0;
      pixels[o + 1] = alpha > 0 ? Math.round(g / n / alpha) : 0;
      pixels[o + 2] = alpha > 0 ? Math.round(b / n / alpha) : 0;
      pixels[o + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
export function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const WHITE = hex('#ffffff');
const TEAL = hex('#1f7a6d');
const ORANGE = hex('#d9480f');
const GREY = hex('#5f6b73');

/** Tray icons: a coloured disc (readable on light and dark bars) with a white glyph. */
const trayIcons: Record<'sitting' | 'due' | 'paused', Layer[]> = {
  // A timer: the clock is running while you sit.
  sitting: [
    { color: TEAL, shape: circle(0.5, 0.5, 0.47) },
    { color: WHITE, shape: union(capsule(0.5, 0.5, 0.5, 0.22, 0.075), capsule(0.5, 0.5, 0.7, 0.62, 0.075)) },
  ],
  // Stand up: an arrow pointing up.
  due: [
    { color: ORANGE, shape: circle(0.5, 0.5, 0.47) },
    {
      color: WHITE,
      shape: union(
        capsule(0.5, 0.77, 0.5, 0.24, 0.08),
        capsule(0.5, 0.22, 0.29, 0.45, 0.08),
        capsule(0.5, 0.22, 0.71, 0.45, 0.08),
      ),
    },
  ],
  // Paused: two bars.
  paused: [
    { color: GREY, shape: circle(0.5, 0.5, 0.47) },
    { color: WHITE, shape: union(capsule(0.38, 0.3, 0.38, 0.7, 0.08), capsule(0.62, 0.3, 0.62, 0.7, 0.08)) },
  ],
};

/** App icon: a teal tile with a person stretching, arms up. */
const appIcon: Layer[] = [
  { color: TEAL, shape: roundedSquare(0.04, 0.2) },
  {
    color: WHITE,
    shape: union(
      circle(0.5, 0.22, 0.07), // head
      capsule(0.5, 0.35, 0.5, 0.6, 0.055), // body
      capsule(0.48, 0.42, 0.27, 0.19, 0.04), // left arm, up
      capsule(0.52, 0.42, 0.73, 0.19, 0.04), // right arm, up
      capsule(0.5, 0.6, 0.39, 0.82, 0.05), // left leg
      capsule(0.5, 0.6, 0.61, 0.82, 0.05), // right leg
    ),
  },
];

function write(file: string, size: number, layers: Layer[]): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, encodePng(size, rasterise(size, layers)));
  console.log(`wrote ${file} (${size}x${size})`);
}

const out = join(import.meta.dirname, '..', 'resources');
for (const [name, layers] of Object.entries(trayIcons)) {
  write(join(out, 'tray', `${name}.png`), 16, layers);
  write(join(out, 'tray', `${name}@2x.png`), 32, layers);
}
write(join(out, 'icon.png'), 1024, appIcon);
write(join(out, 'icons', '256x256.png'), 256, appIcon);
