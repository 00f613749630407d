// Small builders every document composes: title block, paragraphs and the house table.
import { AlignmentType, BorderStyle, HeadingLevel, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { COLOUR } from './theme';

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

function cell(content: Cell, header: boolean, width: number): TableCell {
  const children = typeof content === 'string' ? content.split('\n').map((line) => new Paragraph({ style: header ? 'TableHeading' : 'TableText', children: [new TextRun(line)] })) : content;
  return new TableCell({
    children,
    width: { size: width, type: WidthType.PERCENTAGE },
    verticalAlign: VerticalAlign.TOP,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: COLOUR.headerFill } : undefined,
  });
}

/** The house table: shaded heading row repeated on every page, light borders, rows kept whole. */
export function houseTable(headers: string[], rows: Cell[][], widths: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell(h, true, widths[i])) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, widths[i])) })),
    ],
  });
}

export function cellLines(lines: { text: string; bold?: boolean; muted?: boolean }[]): Paragraph[] {
  return lines.map(
    (l) => new Paragraph({ style: 'TableText', alignment: AlignmentType.LEFT, children: [new TextRun({ text: l.text, bold: l.bold, color: l.muted ? COLOUR.muted : undefined })] }),
  );
}
