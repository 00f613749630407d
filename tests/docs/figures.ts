// The charts in a Word file, read back: each picture's alt text and the image parts it points at
// (the SVG Word draws and the PNG other readers fall back to), and the images LibreOffice put in
// the PDF it laid out, with their size and resolution.
import { execFileSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';

export interface Figure {
  title: string;
  description: string;
  png: Uint8Array;
  svg: string;
  /** the size on the page, in inches */
  inches: { width: number; height: number };
}

const EMU_PER_INCH = 914_400;
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Every picture in word/document.xml, in order, with the parts its relationships name. */
export function docxFigures(bytes: Uint8Array): Figure[] {
  const files = unzipSync(bytes);
  const xml = strFromU8(files['word/document.xml']);
  const rels = strFromU8(files['word/_rels/document.xml.rels']);
  const target = (id: string) => `word/${/Target="([^"]+)"/.exec(new RegExp(`<Relationship [^>]*Id="${id}"[^>]*>`).exec(rels)?.[0] ?? '')?.[1]}`;
  return [...xml.matchAll(/<w:drawing>(.*?)<\/w:drawing>/gs)].map(([, d]) => {
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"/.exec(d)!;
    const png = files[target(/<a:blip r:embed="([^"]+)"/.exec(d)![1])];
    const svg = files[target(/<asvg:svgBlip [^>]*r:embed="([^"]+)"/.exec(d)?.[1] ?? '')];
    return {
      title: unescape(/<wp:docPr [^>]*title="([^"]*)"/.exec(d)?.[1] ?? ''),
      description: unescape(/<wp:docPr [^>]*descr="([^"]*)"/.exec(d)?.[1] ?? ''),
      png,
      svg: svg ? strFromU8(svg) : '',
      inches: { width: Number(extent[1]) / EMU_PER_INCH, height: Number(extent[2]) / EMU_PER_INCH },
    };
  });
}

/** The names of the image parts in the package, with their sizes in bytes. */
export function mediaParts(bytes: Uint8Array): Record<string, number> {
  const files = unzipSync(bytes, { filter: (f) => f.name.startsWith('word/media/') });
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, data.length]));
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A chart picture as it should be: a real PNG at twice its size on screen, the SVG beside it, alt text, within the margins. */
export function expectChart(f: Figure, title: string, pageWidthInches: number) {
  expect(f.title).toBe(title);
  expect([...f.png.slice(0, 8)], `${title}: PNG`).toEqual(PNG_SIGNATURE);
  const view = new DataView(f.png.buffer, f.png.byteOffset, f.png.byteLength);
  // 96 pixels to the inch on the page, twice that in the PNG
  expect(view.getUint32(16) / f.inches.width, `${title}: PNG pixels to the inch`).toBeGreaterThanOrEqual(190);
  expect(f.svg, `${title}: SVG`).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(f.inches.width, `${title}: within the margins`).toBeLessThanOrEqual(pageWidthInches);
  expect(f.inches.width).toBeGreaterThan(pageWidthInches * 0.9);
}

export interface PdfImage {
  page: number;
  width: number;
  height: number;
  ppi: number;
}

/** The pictures in a PDF (soft masks left out), from poppler's pdfimages. */
export function pdfImages(pdf: string): PdfImage[] {
  const out = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/))
    .filter((c) => c[2] === 'image')
    .map((c) => ({ page: Number(c[0]), width: Number(c[3]), height: Number(c[4]), ppi: Number(c[12]) }));
}
