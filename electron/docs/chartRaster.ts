// Draws the documents' SVG charts as PNG with resvg (Rust, prebuilt N-API binaries), using the
// house font where the machine has it: Arial on Windows and macOS, its metric twin Liberation Sans
// on Linux, else DejaVu Sans. The files are looked up once; reading two fonts for each chart is
// far cheaper than scanning every font on a Windows machine.
import { existsSync } from 'node:fs';
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

/** The SVG as PNG bytes at `scale` times its size. */
export function rasteriseSvg(svg: string, scale: number): Uint8Array {
  return new Resvg(svg, options(scale)).render().asPng();
}

/** A rasteriser that draws charts ahead; `late` counts those it had to draw when asked. */
export type DrawnAhead = Rasterise & { readonly late: number };

/**
 * Charts drawn ahead, on libuv's threads, while the rest of a document's data is read: a pack's
 * twelve take about a quarter of a second drawn one by one on the export thread. Each is found
 * again by its SVG and scale; one not drawn ahead (or whose drawing failed) is drawn when asked,
 * so what is drawn ahead is only ever a saving, never a difference in the document.
 */
export function chartsAhead(): { draw(svg: string, scale: number): void; rasteriser(): Promise<DrawnAhead> } {
  const pending = new Map<string, Promise<Uint8Array | undefined>>();
  const key = (svg: string, scale: number) => `${scale}\n${svg}`;
  return {
    draw(svg, scale) {
      if (pending.has(key(svg, scale))) return;
      pending.set(
        key(svg, scale),
        renderAsync(svg, options(scale)).then(
          (image) => image.asPng(),
          () => undefined,
        ),
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
