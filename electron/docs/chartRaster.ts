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

/**
 * The PNG's image data before it is compressed: each row of pixels, straight (not premultiplied)
 * RGBA, after a byte giving its filter, none. A chart is flat colour on its own white ground, which
 * deflate compresses well unfiltered (smaller than resvg's own PNG); every pixel is opaque, and a
 * pixel that is not (an SVG without a ground) is divided by its alpha as PNG wants.
 */
export function pngRows({ width, height, pixels }: Drawn): Buffer {
  const stride = width * 4;
  if (pixels.length !== stride * height) throw new Error(`A ${width} by ${height} picture has ${stride * height} bytes of pixels, not ${pixels.length}.`);
  const rows = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) rows.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  for (let y = 0; y < height; y++) {
    const start = y * (stride + 1) + 1;
    for (let i = start + 3; i < start + stride; i += 4) {
      const alpha = rows[i];
      if (alpha === 255) continue;
      for (let c = i - 3; c < i; c++) rows[c] = alpha === 0 ? 0 : Math.min(255, Math.round((rows[c] * 255) / alpha));
    }
  }
  return rows;
}

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
 * about 90 ms for its twelve charts).
 */
export async function pngOfAsync(drawn: Drawn): Promise<Uint8Array> {
  return pngFile(drawn, await deflateAsync(pngRows(drawn)));
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
