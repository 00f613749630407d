// A chart as a picture in a Word document: the SVG, which Word draws sharp at any size and prints
// as vectors, with a PNG for readers that cannot show SVG, and alt text that gives the data in words.
import { ImageRun, LineRuleType, Paragraph, TextRun } from 'docx';
import { COLOUR, PAGE } from '../style/theme';
import type { Chart } from './barChart';

/**
 * Turns a chart's SVG into PNG bytes at `scale` times its size. Main supplies it (a native
 * rasteriser with the machine's fonts), so the templates stay data in, document out.
 */
export type Rasterise = (svg: string, scale: number) => Uint8Array;

/** PNG pixels to each SVG pixel: about 190 dots to the inch across a portrait page, sharp in print. */
export const PNG_SCALE = 2;

/** A chart's width in pixels at 96 to the inch (15 twips each): a portrait page between its margins. */
export const CHART_WIDTH = Math.floor((PAGE.width - 2 * PAGE.margin) / 15);

/** "Figure 1: ..." above a chart, kept with it on the page. */
export const figureCaption = (text: string) =>
  new Paragraph({ style: 'Note', keepNext: true, spacing: { before: 240 }, children: [new TextRun({ text, bold: true, color: COLOUR.ink })] });

export interface AltText {
  /** a short name, as the figure's caption */
  title: string;
  /** the numbers in words, so a screen reader gives what the picture shows */
  description: string;
}

export function chartFigure(chart: Chart, alt: AltText, rasterise: Rasterise): Paragraph {
  return new Paragraph({
    keepNext: true,
    // single line spacing said outright: LibreOffice reads the house 1.15 (no rule given) as exact
    // and would show a strip of the picture one line high
    spacing: { before: 60, after: 120, line: 240, lineRule: LineRuleType.AUTO },
    children: [
      new ImageRun({
        type: 'svg',
        data: new TextEncoder().encode(chart.svg),
        fallback: { type: 'png', data: rasterise(chart.svg, PNG_SCALE) },
        transformation: { width: chart.width, height: chart.height },
        altText: { name: alt.title, title: alt.title, description: alt.description },
      }),
    ],
  });
}
