// Draws the documents' SVG charts as PNG with resvg (Rust, prebuilt N-API binaries), using the
// house font where the machine has it: Arial on Windows and macOS, its metric twin Liberation Sans
// on Linux, else DejaVu Sans. The files are looked up once; reading two fonts for each chart is
// far cheaper than scanning every font on a Windows machine.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

const WINDOWS_FONTS = join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts');

/** Each family with its regular and bold files, in the order they are wanted. */
const FAMILIES: { family: string; places: string[][] }[] = [
  {
    family: 'Arial',
    places: [
      [join(WINDOWS_FONTS, 'arial.ttf'), join(WINDOWS_FONTS, 'arialbd.ttf')],
      ['/System/Library/Fonts/Supplemental/Arial.ttf', '/System/Library/Fonts/Supplemental/Arial Bold.ttf'],
      ['/Library/Fonts/Arial.ttf', '/Library/Fonts/Arial Bold.ttf'],
      ['/usr/share/fonts/truetype/msttcorefonts/Arial.ttf', '/usr/share/fonts/truetype/msttcorefonts/Arial_Bold.ttf'],
    ],
  },
  {
    family: 'Liberation Sans',
    places: [
      ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'],
      ['/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf'],
      ['/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf', '/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf'],
      ['/usr/share/fonts/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/liberation/LiberationSans-Bold.ttf'],
    ],
  },
  {
    family: 'DejaVu Sans',
    places: [
      ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
      ['/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf', '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf'],
      ['/usr/share/fonts/dejavu/DejaVuSans.ttf', '/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf'],
    ],
  },
];

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
  for (const f of FAMILIES) {
    const place = f.places.find((p) => existsSync(p[0]));
    if (!place) continue;
    // each chart reads its fonts afresh, so only the one family is loaded
    found = { family: f.family, files: place.filter((file) => existsSync(file)) };
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
