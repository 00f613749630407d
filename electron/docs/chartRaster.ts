// Draws the documents' SVG charts as PNG with resvg (Rust, prebuilt N-API binaries), using the
// house font where the machine has it: Arial on Windows and macOS, its metric twin Liberation Sans
// on Linux, else DejaVu Sans. The files are looked up once; reading two fonts for each chart is
// far cheaper than scanning every font on a Windows machine.
import { existsSync } from 'node:fs';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
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
