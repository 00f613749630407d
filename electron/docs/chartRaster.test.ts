// The charts' PNG: a real PNG at twice the SVG's size, drawn with a font this machine has (text
// that cannot be drawn would leave the picture without its words), and fast enough that a pack
// with a chart on each of twelve theme papers is not held up by them.
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { barChart } from '#templates/charts/barChart';
import { CHART_COLOUR } from '#templates/charts/palette';
import { chartFonts, chartsAhead, keptRowBuffers, pngOf, pngOfAsync, pngRows, rasteriseSvg, rowTurns } from './chartRaster';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function quarterChart(seed: number) {
  const quarters = Array.from({ length: 12 }, (_, i) => `Q${((i + 2) % 4) + 1}\n${2024 + Math.floor((i + 2) / 4)}-${String(25 + Math.floor((i + 2) / 4)).slice(-2)}`);
  return barChart({
    direction: 'vertical',
    width: 601,
    categories: quarters,
    series: [{ name: 'Items', colour: CHART_COLOUR.bar, values: quarters.map((_, i) => (i * seed) % 17) }],
    axisTitle: 'Items of evidence received',
  });
}

describe('chart rasteriser', () => {
  it('finds a font to draw with: Arial, or Liberation Sans or DejaVu Sans on Linux', () => {
    const fonts = chartFonts();
    expect(['Arial', 'Liberation Sans', 'DejaVu Sans']).toContain(fonts.family);
    expect(fonts.files.length).toBeGreaterThanOrEqual(1);
  });

  it('writes a PNG at twice the size of the SVG', () => {
    const chart = quarterChart(3);
    const png = rasteriseSvg(chart.svg, 2);
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual({ width: chart.width * 2, height: chart.height * 2 });
  });

  it('draws the words: a chart with its text is a bigger picture than the same without', () => {
    const words = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60"><rect width="300" height="60" fill="#FFFFFF"/><text x="10" y="35" font-family="Arial, 'Liberation Sans'" font-size="16">No data for 2026-27 Q3</text></svg>`;
    const blank = words.replace('No data for 2026-27 Q3', '');
    expect(rasteriseSvg(words, 2).length).toBeGreaterThan(rasteriseSvg(blank, 2).length + 500);
  });

  it('draws twelve theme papers’ charts well within the time a pack may take', () => {
    const charts = Array.from({ length: 12 }, (_, i) => quarterChart(i + 2));
    rasteriseSvg(charts[0].svg, 2); // the first call loads the native module and the fonts
    const start = performance.now();
    for (const c of charts) rasteriseSvg(c.svg, 2);
    const ms = performance.now() - start;
    console.log(`12 quarter charts rasterised at 2x in ${ms.toFixed(0)} ms`);
    // about 20 ms each on an idle 2-core machine; the bound leaves room for a busy one
    expect(ms).toBeLessThan(1500);
  });
});

describe('charts drawn ahead', () => {
  it('give the very bytes drawn when asked, and draw when asked any chart not drawn ahead', async () => {
    const charts = Array.from({ length: 4 }, (_, i) => quarterChart(i + 5));
    const ahead = chartsAhead();
    for (const c of charts.slice(0, 3)) ahead.draw(c.svg, 2);
    ahead.draw(charts[0].svg, 2); // asked twice: the same picture
    const rasterise = await ahead.rasteriser();
    for (const c of charts.slice(0, 3)) expect(Buffer.from(rasterise(c.svg, 2)).equals(Buffer.from(rasteriseSvg(c.svg, 2)))).toBe(true);
    expect(rasterise.late).toBe(0);
    // another chart, and a drawn one at another scale, are drawn there and then
    expect(pngSize(rasterise(charts[3].svg, 2))).toEqual({ width: charts[3].width * 2, height: charts[3].height * 2 });
    expect(pngSize(rasterise(charts[0].svg, 1))).toEqual({ width: charts[0].width, height: charts[0].height });
    expect(rasterise.late).toBe(2);
  });

  it('leave a chart whose drawing failed to be drawn when asked, which reports the failure then', async () => {
    const ahead = chartsAhead();
    ahead.draw('<svg this is not', 2);
    const rasterise = await ahead.rasteriser();
    expect(() => rasterise('<svg this is not', 2)).toThrow();
    expect(rasterise.late).toBe(1);
  });
});

/** The picture an SVG draws, as resvg's premultiplied RGBA pixels. */
function drawn(svg: string, scale = 1) {
  const image = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'zoom', value: scale } }).render();
  return { width: image.width, height: image.height, pixels: new Uint8Array(image.pixels) };
}

/** A PNG read back by resvg's own decoder (the png crate), drawn at its size: its pixels. */
function readBack(png: Uint8Array, width: number, height: number): Uint8Array {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${Buffer.from(png).toString('base64')}"/></svg>`;
  return drawn(svg).pixels;
}

describe('the charts’ PNG encoder', () => {
  it('writes a PNG that reads back, pixel for pixel, as the chart resvg drew', () => {
    const chart = quarterChart(7);
    const picture = drawn(chart.svg, 2);
    const png = pngOf(picture);
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual({ width: picture.width, height: picture.height });
    expect(Buffer.from(readBack(png, picture.width, picture.height)).equals(Buffer.from(picture.pixels))).toBe(true);
  });

  it('is no bigger than resvg’s own PNG of the same chart', () => {
    const chart = quarterChart(4);
    const theirs = new Resvg(chart.svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'zoom', value: 2 } }).render().asPng();
    expect(pngOf(drawn(chart.svg, 2)).length).toBeLessThanOrEqual(theirs.length);
  });

  it('divides a pixel that is not opaque by its alpha, as PNG keeps colour, and leaves a clear one clear', () => {
    // no ground: a half-transparent red square on nothing, and a corner left clear
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"><rect width="2" height="2" fill="#C00000" fill-opacity="0.5"/></svg>`;
    const picture = drawn(svg);
    const rows = pngRows(picture);
    // row 0: its filter byte, then pixel 0 (half red, straight: red 192 at alpha 128 or so), then clear pixels
    expect(rows[0]).toBe(0);
    const [r, g, b, a] = rows.subarray(1, 5);
    expect(a).toBeGreaterThan(120);
    expect(a).toBeLessThan(136);
    expect(Math.abs(r - 0xc0)).toBeLessThanOrEqual(1);
    expect([g, b]).toEqual([0, 0]);
    expect([...rows.subarray(9 + 4, 9 + 8)]).toEqual([0, 0, 0, 0]);
    // and read back, premultiplied again, it is the picture within rounding
    const back = readBack(pngOf(picture), 4, 2);
    for (let i = 0; i < back.length; i++) expect(Math.abs(back[i] - picture.pixels[i])).toBeLessThanOrEqual(1);
  });

  it('compresses the same bytes on libuv’s threads as on this one', async () => {
    const picture = drawn(quarterChart(9).svg, 2);
    expect(Buffer.from(await pngOfAsync(picture)).equals(Buffer.from(pngOf(picture)))).toBe(true);
  });

  it('refuses pixels that do not fit the picture’s size, rather than write a broken file', () => {
    expect(() => pngRows({ width: 3, height: 2, pixels: new Uint8Array(20) })).toThrow(/3 by 2 picture has 24 bytes of pixels, not 20/);
    expect(() => pngRows({ width: 3, height: 2, pixels: new Uint8Array(24) }, Buffer.alloc(25))).toThrow(/25 bytes cannot hold the 26/);
  });

  it('writes the same rows into a buffer used before, for a bigger chart, as into a new one', () => {
    const picture = drawn(quarterChart(5).svg, 2);
    const used = Buffer.alloc(pngRows(picture).length + 999, 0xab);
    const rows = pngRows(picture, used);
    expect(rows.length).toBe((picture.width * 4 + 1) * picture.height);
    expect(rows.equals(pngRows(picture))).toBe(true);
  });

  it('reads pixels that do not start on a four-byte boundary as those that do', () => {
    const picture = drawn(`<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"><rect width="2" height="2" fill="#C00000" fill-opacity="0.5"/></svg>`);
    const shifted = new Uint8Array(picture.pixels.length + 1).subarray(1);
    shifted.set(picture.pixels);
    expect(pngRows({ ...picture, pixels: shifted }).equals(pngRows(picture))).toBe(true);
  });

  it('compresses many charts at once, of two sizes, each as alone, keeping two buffers between them', async () => {
    const pictures = [2, 3, 5, 6, 8].map((seed) => drawn(quarterChart(seed).svg, 2));
    pictures.push(drawn(quarterChart(11).svg, 3));
    const together = await Promise.all(pictures.map((p) => pngOfAsync(p)));
    together.forEach((png, i) => expect(Buffer.from(png).equals(Buffer.from(pngOf(pictures[i]))), `chart ${i}`).toBe(true));
    const kept = keptRowBuffers();
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThanOrEqual(2);
  });

  it('compresses two charts at a time, each later one in the order it was asked for, and hands every turn back', async () => {
    const pictures = [2, 3, 5, 6, 8, 9, 10].map((seed) => drawn(quarterChart(seed).svg, 2));
    const finished: number[] = [];
    const seen: { inUse: number; waiting: number }[] = [];
    const all = pictures.map((p, i) =>
      pngOfAsync(p).then((png) => {
        seen.push(rowTurns());
        finished.push(i);
        return png;
      }),
    );
    // two compressing, five waiting, as soon as they are asked for
    expect(rowTurns()).toEqual({ inUse: 2, waiting: 5 });
    await Promise.all(all);
    expect(seen.every((t) => t.inUse <= 2)).toBe(true);
    expect(finished.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(rowTurns()).toEqual({ inUse: 0, waiting: 0 });
  });

  it('gives its turn back when a chart’s rows cannot be had, so the next charts are still compressed', async () => {
    // a picture no buffer can be made for (its rows would be more bytes than a buffer may hold): each of three fails at once, and a good one follows
    const impossible = { width: 2 ** 26, height: 2 ** 26, pixels: new Uint8Array(0) };
    for (let i = 0; i < 3; i++) await expect(pngOfAsync(impossible)).rejects.toThrow(/"size"/);
    const picture = drawn(quarterChart(12).svg, 2);
    expect(Buffer.from(await pngOfAsync(picture)).equals(Buffer.from(pngOf(picture)))).toBe(true);
  });
});
