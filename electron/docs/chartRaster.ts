// Draws the documents' SVG charts as PNG with resvg (Rust, prebuilt N-API binaries), using the
// house font where the machine has it: Arial on Windows and macOS, its metric twin Liberation Sans
// on Linux, else DejaVu Sans. The files are looked up once; reading two fonts for each chart is
// far cheaper than scanning every font on a Windows machine.
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { crc32, deflate, deflateSync } from 'node:zlib';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import type { Rasterise } from '#templates/charts/figure';
import { HOUSE_FONT_FAMILIES } from './houseFonts';

export interface ChartFonts {
  /** the family text is drawn in, or null when none of ours was found and the system's are used */
  family: string | null;
  files: string[];
}

let found: ChartFonts | undefined;

/** The font files the charts are drawn with on this machine (looked up once): the first family found. */
export function chartFonts(): ChartFonts {
  if (found) return found;
  found = { family: null, files: [] };
  for (const f of HOUSE_FONT_FAMILIES) {
    const place = f.places.find((p) => existsSync(p[0]));
    if (!place) continue;
    // each chart reads its fonts afresh, so only the family's regular and bold are loaded
    found = { family: f.family, files: place.slice(0, 2).filter((file) => existsSync(file)) };
    break;
  }
  return found;
}

function options(scale: number): ResvgRenderOptions {
  const { family, files } = chartFonts();
  // With none of the known files, let resvg find whatever sans-serif the system has.
  const font: ResvgRenderOptions['font'] = family
    ? { loadSystemFonts: false, fontFiles: files, defaultFontFamily: family, sansSerifFamily: family }
    : { loadSystemFonts: true };
  // the charts paint their own white ground, so no background is asked for (it would be painted twice)
  return { font, fitTo: { mode: 'zoom', value: scale } };
}

/**
 * A drawn chart, as resvg's RenderedImage is one: its pixels RGBA, premultiplied by alpha as
 * tiny-skia keeps them.
 */
export interface Drawn {
  width: number;
  height: number;
  pixels: Uint8Array;
}

const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const deflateAsync = promisify(deflate);
/** A pixel's alpha byte at 255, the others 0, read as one 32-bit word in this machine's byte order. */
const ALPHA = new Int32Array(Uint8Array.of(0, 0, 0, 255).buffer)[0];

/**
 * The PNG's image data before it is compressed: each row of pixels, straight (not premultiplied)
 * RGBA, after a byte giving its filter, none. A chart is flat colour on its own white ground, which
 * deflate compresses well unfiltered (smaller than resvg's own PNG); every pixel is opaque, and a
 * pixel that is not (an SVG without a ground) is divided by its alpha as PNG wants. Written into
 * `rows` when given (at least as long as the data; only the data's length is written and given back).
 */
export function pngRows({ width, height, pixels }: Drawn, rows?: Buffer): Buffer {
  const stride = width * 4;
  const size = (stride + 1) * height;
  if (pixels.length !== stride * height) throw new Error(`A ${width} by ${height} picture has ${stride * height} bytes of pixels, not ${pixels.length}.`);
  if (rows && rows.length < size) throw new Error(`${rows.length} bytes cannot hold the ${size} of a ${width} by ${height} picture's rows.`);
  const out = rows ? rows.subarray(0, size) : Buffer.allocUnsafe(size);
  for (let y = 0; y < height; y++) {
    out[y * (stride + 1)] = 0;
    out.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  // Opaque pixels stay as they are: they are found four bytes at a time, and only a pixel that is
  // not opaque is looked at again (byte by byte, in a new buffer for each chart, the export thread
  // took about 35 ms more for a pack's twelve charts).
  const words = pixels.byteOffset % 4 === 0 ? new Int32Array(pixels.buffer, pixels.byteOffset, pixels.length / 4) : new Int32Array(new Uint8Array(pixels).buffer);
  for (let p = 0; p < words.length; p++) {
    if ((words[p] & ALPHA) === ALPHA) continue;
    const i = Math.floor(p / width) * (stride + 1) + 1 + (p % width) * 4;
    const alpha = out[i + 3];
    for (let c = i; c < i + 3; c++) out[c] = alpha === 0 ? 0 : Math.min(255, Math.round((out[c] * 255) / alpha));
  }
  return out;
}

/**
 * Room for the rows of charts being compressed, kept between charts and documents. Memory freshly
 * given by the system costs more to touch for the first time than to fill (on the virtual machines
 * that give freed memory back to their host, 7 ms for a chart's 2 MB, against 0.2 ms to fill it
 * again), so a few buffers are reused, and at most `ROWS_AT_ONCE` charts are compressed at once;
 * the others wait their turn (compressing takes a few milliseconds each, on libuv's threads).
 */
const ROWS_AT_ONCE = 2;
const spareRows: Buffer[] = [];
let rowsInUse = 0;
const waitingForRows: (() => void)[] = [];

function takeRows(size: number): Buffer {
  const spare = spareRows.pop();
  // A size the spare cannot hold (a larger chart) is given a buffer of its own, kept in turn.
  return spare && spare.length >= size ? spare : Buffer.allocUnsafeSlow(size);
}

function giveBackRows(rows: Buffer): void {
  if (spareRows.length < ROWS_AT_ONCE) spareRows.push(rows);
}

/**
 * Rows laid out in a kept buffer and compressed on libuv's threads, `ROWS_AT_ONCE` charts at a
 * time, in the order they were asked for: a chart done hands its turn to the one waiting longest,
 * so a chart asked for later cannot take it first.
 */
async function deflatedRows(drawn: Drawn): Promise<Buffer> {
  if (rowsInUse >= ROWS_AT_ONCE) await new Promise<void>((resolve) => waitingForRows.push(resolve));
  else rowsInUse += 1;
  let rows: Buffer | undefined;
  try {
    // Inside the try: a buffer that cannot be had (no memory) gives its turn back like any failure.
    rows = takeRows((drawn.width * 4 + 1) * drawn.height);
    return await deflateAsync(pngRows(drawn, rows));
  } finally {
    if (rows) giveBackRows(rows);
    const next = waitingForRows.shift();
    if (next) next();
    else rowsInUse -= 1;
  }
}

/** The spare buffers kept for charts' rows, by size (for the tests). */
export const keptRowBuffers = () => spareRows.map((b) => b.length);
/** How many charts' rows are being compressed, and how many wait their turn (for the tests). */
export const rowTurns = () => ({ inUse: rowsInUse, waiting: waitingForRows.length });

function pngChunk(type: string, data: Uint8Array): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  chunk.set(data, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

/** The PNG file around compressed image data: signature, header (8-bit RGBA), data, end. */
function pngFile({ width, height }: Drawn, compressed: Uint8Array): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  // compression, filter method and interlace: 0, the only ones PNG defines (and no interlace)
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', compressed), pngChunk('IEND', new Uint8Array(0))]);
}

/** A drawn chart as a PNG, compressed on this thread. */
export function pngOf(drawn: Drawn): Uint8Array {
  return pngFile(drawn, deflateSync(pngRows(drawn)));
}

/**
 * The same PNG, byte for byte, compressed on libuv's threads: only the rows are laid out on this
 * one (resvg's own PNG encoder, which runs on the calling thread, took a pack's export thread
 * about 90 ms for its twelve charts), in a buffer kept for them (`deflatedRows`).
 */
export async function pngOfAsync(drawn: Drawn): Promise<Uint8Array> {
  return pngFile(drawn, await deflatedRows(drawn));
}

/** The SVG as PNG bytes at `scale` times its size. */
export function rasteriseSvg(svg: string, scale: number): Uint8Array {
  return pngOf(new Resvg(svg, options(scale)).render());
}

/** A rasteriser that draws charts ahead; `late` counts those it had to draw when asked. */
export type DrawnAhead = Rasterise & { readonly late: number };

/**
 * Charts drawn and compressed ahead, on libuv's threads, while the rest of a document's data is
 * read: a pack's twelve take about a quarter of a second drawn one by one on the export thread.
 * Each is found again by its SVG and scale; one not drawn ahead (or whose drawing failed) is drawn
 * when asked, so what is drawn ahead is only ever a saving, never a difference in the document.
 */
export function chartsAhead(): { draw(svg: string, scale: number): void; rasteriser(): Promise<DrawnAhead> } {
  const pending = new Map<string, Promise<Uint8Array | undefined>>();
  const key = (svg: string, scale: number) => `${scale}\n${svg}`;
  return {
    draw(svg, scale) {
      if (pending.has(key(svg, scale))) return;
      pending.set(
        key(svg, scale),
        renderAsync(svg, options(scale))
          .then(pngOfAsync)
          .catch(() => undefined),
      );
    },
    async rasteriser() {
      const drawn = new Map<string, Uint8Array>();
      for (const [k, png] of pending) {
        const bytes = await png;
        if (bytes) drawn.set(k, bytes);
      }
      let late = 0;
      const rasterise = (svg: string, scale: number) => {
        const ahead = drawn.get(key(svg, scale));
        if (ahead) return ahead;
        late += 1;
        return rasteriseSvg(svg, scale);
      };
      return Object.defineProperty(rasterise, 'late', { get: () => late, enumerable: true }) as DrawnAhead;
    },
  };
}
