// The charts' PNG: a real PNG at twice the SVG's size, drawn with a font this machine has (text
// that cannot be drawn would leave the picture without its words), and fast enough that a pack
// with a chart on each of twelve theme papers is not held up by them.
import { describe, expect, it } from 'vitest';
import { barChart } from '#templates/charts/barChart';
import { CHART_COLOUR } from '#templates/charts/palette';
import { chartFonts, chartsAhead, rasteriseSvg } from './chartRaster';

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
