// The one place that draws every document's frame: Word styles, the protective marking at the
// top and bottom of every page, the running header, "Page X of Y" and the DRAFT marking.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  PageNumber,
  PageOrientation,
  Paragraph,
  TabStopType,
  TextRun,
  type FileChild,
  type ISectionOptions,
  type PageNumberEstimator,
  type IStylesOptions,
} from 'docx';
import { APP_NAME, COLOUR, FONT, PAGE, SIZE } from './theme';

export interface HouseDocumentOptions {
  /** e.g. "Agenda" */
  title: string;
  /** e.g. "Serious Case Panel 2026-27 Q3 · 11 November 2026" */
  context: string;
  marking: string;
  draft: boolean;
  landscape?: boolean;
  description?: string;
  children: FileChild[];
  /** Further sections after the first, each starting on a new page in its own orientation, framed the same way. */
  moreSections?: { landscape?: boolean; children: FileChild[] }[];
  /** Asks Word to update fields (a table of contents) when it opens the file. */
  updateFields?: boolean;
  /** Writes the page numbers of a table of contents with the file, e.g. `estimatePageNumbers` from `docx/layout`. */
  pageNumbers?: PageNumberEstimator;
}

const heading = (size: number, before: number) => ({
  run: { font: FONT, size, bold: true, color: COLOUR.ink },
  paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
});

export const HOUSE_STYLES: IStylesOptions = {
  default: {
    document: { run: { font: FONT, size: SIZE.body, color: COLOUR.ink }, paragraph: { spacing: { after: 120, line: 276 } } },
    title: { run: { font: FONT, size: SIZE.title, bold: true, color: COLOUR.accent }, paragraph: { spacing: { after: 120 } } },
    heading1: heading(SIZE.h1, 360),
    heading2: heading(SIZE.h2, 240),
    heading3: heading(SIZE.h3, 200),
    // only used where a document is nested in another (the minutes in the panel pack)
    heading4: heading(SIZE.body, 160),
    listParagraph: { run: { font: FONT, size: SIZE.body } },
  },
  paragraphStyles: [
    { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 26, color: COLOUR.muted }, paragraph: { spacing: { after: 240 } } },
    { id: 'Marking', name: 'Protective Marking', basedOn: 'Normal', quickFormat: true, run: { bold: true, size: SIZE.marking, color: COLOUR.ink }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } } },
    { id: 'HeaderText', name: 'Header Text', basedOn: 'Normal', run: { size: SIZE.small, color: COLOUR.muted }, paragraph: { spacing: { after: 60 } } },
    { id: 'TableText', name: 'Table Text', basedOn: 'Normal', quickFormat: true, run: { size: 20 }, paragraph: { spacing: { before: 40, after: 40, line: 252 } } },
    { id: 'TableHeading', name: 'Table Heading', basedOn: 'TableText', quickFormat: true, run: { bold: true, size: 20 } },
    { id: 'Note', name: 'Note', basedOn: 'Normal', quickFormat: true, run: { size: SIZE.small, color: COLOUR.muted } },
  ],
};

function markingLine(marking: string, draft: boolean): Paragraph {
  const runs = [new TextRun({ text: marking })];
  if (draft) runs.push(new TextRun({ text: '   DRAFT', color: COLOUR.draft }));
  return new Paragraph({ style: 'Marking', children: runs });
}

function frame(o: HouseDocumentOptions, landscape: boolean): { header: Header; footer: Footer } {
  const width = landscape ? PAGE.height : PAGE.width;
  const contentWidth = width - 2 * PAGE.margin;
  const header = new Header({
    children: [
      markingLine(o.marking, o.draft),
      new Paragraph({
        style: 'HeaderText',
        tabStops: [{ type: TabStopType.RIGHT, position: contentWidth }],
        border: { bottom: { style: 'single', size: 4, color: COLOUR.line, space: 4 } },
        children: [new TextRun({ text: o.title, bold: true }), new TextRun({ text: `\t${o.context}` })],
      }),
    ],
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        style: 'HeaderText',
        alignment: AlignmentType.CENTER,
        border: { top: { style: 'single', size: 4, color: COLOUR.line, space: 4 } },
        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
      }),
      markingLine(o.marking, o.draft),
    ],
  });
  return { header, footer };
}

function section(o: HouseDocumentOptions, landscape: boolean, children: FileChild[]): ISectionOptions {
  const { header, footer } = frame(o, landscape);
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 567, footer: 567 },
      },
    },
    headers: { default: header },
    footers: { default: footer },
    children,
  };
}

export function houseDocument(o: HouseDocumentOptions): Document {
  return new Document({
    creator: APP_NAME,
    lastModifiedBy: APP_NAME,
    title: `${o.title} · ${o.context}`,
    subject: 'Serious Case Panel',
    description: o.description ?? `${o.title}, produced by the ${APP_NAME}.`,
    styles: HOUSE_STYLES,
    features: { updateFields: o.updateFields ?? false },
    ...(o.pageNumbers ? { pageNumbers: o.pageNumbers } : {}),
    sections: [section(o, o.landscape ?? false, o.children), ...(o.moreSections ?? []).map((s) => section(o, s.landscape ?? false, s.children))],
  });
}
