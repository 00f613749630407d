import { PANEL_FORMAT_LABELS } from '#shared/domain/panels';
// Small builders every document composes: title block, paragraphs and the house table.
import { AlignmentType, BorderStyle, HeadingLevel, Paragraph, ShadingType, TabStopType, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { COLOUR, SIZE } from './theme';

export function titleBlock(title: string, subtitle: string[], draftNote?: string): Paragraph[] {
  const out = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] })];
  for (const line of subtitle) out.push(new Paragraph({ style: 'Subtitle', spacing: { after: 60 }, children: [new TextRun(line)] }));
  if (draftNote) out.push(new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: draftNote, bold: true, color: COLOUR.draft })] }));
  out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
  return out;
}

export const h1 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
export const h2 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });
export const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });
export const note = (text: string) => new Paragraph({ style: 'Note', children: [new TextRun(text)] });

/** Splits stored text on blank lines or single newlines into paragraphs. */
export function paragraphs(text: string): Paragraph[] {
  return text
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map(para);
}

export type Cell = string | Paragraph[];

const border = { style: BorderStyle.SINGLE, size: 4, color: COLOUR.line };

function cell(content: Cell, header: boolean, width: number, keepNext = false): TableCell {
  const children =
    typeof content === 'string' ? content.split('\n').map((line) => new Paragraph({ style: header ? 'TableHeading' : 'TableText', keepNext: keepNext || undefined, children: [new TextRun(line)] })) : content;
  return new TableCell({
    children,
    width: { size: width, type: WidthType.PERCENTAGE },
    verticalAlign: VerticalAlign.TOP,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: COLOUR.headerFill } : undefined,
  });
}

/**
 * The house table: shaded heading row repeated on every page, light borders, rows kept whole,
 * columns fixed at the widths given (every client draws them alike, and laying out a long pack
 * need not measure every cell's text to see whether a column must widen for a long word).
 * `keepTogether` keeps a short table on one page (every row's text keeps with the next row), as
 * the numbers under a chart should be.
 */
export function houseTable(headers: string[], rows: Cell[][], widths: number[], o: { keepTogether?: boolean } = {}): Table {
  const keep = (row: number) => Boolean(o.keepTogether) && row < rows.length - 1;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell(h, true, widths[i], Boolean(o.keepTogether) && rows.length > 0)) }),
      ...rows.map((r, row) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, widths[i], keep(row))) })),
    ],
  });
}

export function cellLines(lines: { text: string; bold?: boolean; muted?: boolean }[]): Paragraph[] {
  return lines.map(
    (l) => new Paragraph({ style: 'TableText', alignment: AlignmentType.LEFT, children: [new TextRun({ text: l.text, bold: l.bold, color: l.muted ? COLOUR.muted : undefined })] }),
  );
}

export const bullets = (items: string[]) => items.map((text) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(text)] }));

/** A numbered heading whose second line lines up with the first line's words, not its number. */
export const h1Numbered = (n: number, text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_1, tabStops: [{ type: TabStopType.LEFT, position: 567 }], indent: { left: 567, hanging: 567 }, children: [new TextRun(`${n}.\t${text}`)] });

/** Cuts long text at a word boundary, for headings and narrow cells; the full text lives in the app. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** A cell whose colour carries meaning; its words must say the same, so colour is never alone. */
export interface Shaded {
  text: string;
  fill: string;
  ink: string;
}

const isShaded = (c: Cell | Shaded): c is Shaded => typeof c === 'object' && !Array.isArray(c);

function shadedCell(s: Shaded, width: number): TableCell {
  return new TableCell({
    children: [new Paragraph({ style: 'TableText', children: [new TextRun({ text: s.text, bold: true, color: s.ink })] })],
    width: { size: width, type: WidthType.PERCENTAGE },
    verticalAlign: VerticalAlign.TOP,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: s.fill },
  });
}

/** The house table, where some cells are shaded (a RAG rating, a key). */
export function houseTableShaded(headers: string[], rows: (Cell | Shaded)[][], widths: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell(h, true, widths[i])) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => (isShaded(c) ? shadedCell(c, widths[i]) : cell(c, false, widths[i]))) })),
    ],
  });
}

/**
 * A reference such as SCP-2026-27-Q3-R04 in a table, a size smaller so that it fits its column on
 * one line: a reference broken at a hyphen cannot be found by searching the page.
 */
export const refCell = (ref: string): Paragraph[] => [new Paragraph({ style: 'TableText', children: [new TextRun({ text: ref, size: SIZE.small })] })];

/** Where a meeting is held, as every document words it. */
export function documentPlace(p: { format: 'in-person' | 'online' | 'hybrid'; location: string }): string {
  if (p.format === 'online') return 'Online (Microsoft Teams)';
  if (p.format === 'hybrid') return `${p.location}, and online (hybrid)`;
  return p.location || PANEL_FORMAT_LABELS[p.format];
}
