/**
 * A tiny PNG encoder (RGBA, no filtering) and the two Waypoint icons Teams needs: a 192x192 colour
 * icon and a 32x32 outline icon (white on transparent). Drawn from shapes, so nothing is downloaded.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes size x size RGBA pixels from `pixel(x, y) -> [r, g, b, a]`. */
export function encodePng(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit, RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Width and height read back from a PNG header. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Coverage of the Waypoint mark (a ring with a map pin dot) at a point, 0..1, in unit coordinates. */
function mark(u: number, v: number, px: number): number {
  const d = Math.hypot(u - 0.5, v - 0.5);
  const edge = (dist: number) => Math.max(0, Math.min(1, 0.5 - dist / px));
  const ring = edge(Math.abs(d - 0.3) - 0.06);
  const dot = edge(d - 0.1);
  return Math.max(ring, dot);
}

const TEAL: [number, number, number] = [0x1f, 0x6f, 0x5c];

/** 192x192: white mark on a teal rounded square. */
export function colorIcon(): Buffer {
  const n = 192;
  return encodePng(n, (x, y) => {
    const u = (x + 0.5) / n;
    const v = (y + 0.5) / n;
    const m = mark(u, v, 1 / n);
    return [Math.round(TEAL[0] + (255 - TEAL[0]) * m), Math.round(TEAL[1] + (255 - TEAL[1]) * m), Math.round(TEAL[2] + (255 - TEAL[2]) * m), 255];
  });
}

/** 32x32: white mark on transparent, as Teams requires for outline icons. */
export function outlineIcon(): Buffer {
  const n = 32;
  return encodePng(n, (x, y) => [255, 255, 255, Math.round(255 * mark((x + 0.5) / n, (y + 0.5) / n, 1 / n))]);
}
