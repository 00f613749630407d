// The recommendations tracker: every open recommendation on one landscape table, rated red, amber
// or green in words as well as colour, with its latest update and a key to the ratings.
import type { Document, FileChild } from 'docx';
import { formatDateCompact, formatDateLong } from '#shared/format';
import { cellLines, h2, houseTableShaded, note, para, refCell, shorten, titleBlock, type Cell, type Shaded } from '../style/blocks';
import { houseDocument } from '../style/houseDocument';
import { COLOUR } from '../style/theme';

export type Rag = 'red' | 'amber' | 'green' | 'complete' | 'none';

export interface TrackerDocInput {
  marking: string;
  asOf: string; // ISO date
  rows: {
    ref: string;
    text: string;
    status: string /* label */;
    dg: string | null;
    owner: string;
    targetDate: string | null;
    rag: Rag;
    overdue: boolean;
    daysOpen: number;
    targetChanges: number;
    escalation: string | null;
    latestUpdate: { date: string; narrative: string; author: string } | null;
  }[];
}

type Row = TrackerDocInput['rows'][number];

const WHITE = 'FFFFFF';
/** Fills dark or light enough that the cell's words read at 7:1 or better in white or ink. */
export const RAG_CELLS: Record<Rag, Shaded | string> = {
  red: { text: 'Red', fill: 'A4262C', ink: WHITE },
  amber: { text: 'Amber', fill: 'F0B323', ink: COLOUR.ink },
  green: { text: 'Green', fill: '1E6B3A', ink: WHITE },
  complete: { text: 'Complete', fill: COLOUR.accent, ink: WHITE },
  none: '—',
};

const KEY: [Rag, string][] = [
  ['red', 'Overdue, or escalated to the Secretary of State or ministers.'],
  ['amber', 'Due within 30 days, or the target date has moved twice or more, or escalated to the panel.'],
  ['green', 'On track.'],
  ['complete', 'Implemented or closed.'],
  ['none', 'Not rated (for example, not accepted).'],
];

type Line = { text: string; bold?: boolean; muted?: boolean };
const lines = (xs: (Line | false)[]) => cellLines(xs.filter((x): x is Line => x !== false));
/** A tracker cell stays a few lines long; the whole history is in the app. */
const UPDATE_CHARS = 200;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const moved = (n: number) => (n === 1 ? 'moved once' : `moved ${n} times`);

function countLine(rows: TrackerDocInput['rows']): string {
  const by = (rag: Rag) => rows.filter((r) => r.rag === rag).length;
  const rated = (['red', 'amber', 'green', 'complete'] as const).filter((r) => by(r) > 0).map((r) => `${by(r)} ${r}`);
  const overdue = rows.filter((r) => r.overdue).length;
  const escalated = rows.filter((r) => r.escalation).length;
  return `${plural(rows.length, 'open recommendation')}${rated.length ? `: ${rated.join(', ')}` : ''}. ${overdue} overdue; ${escalated} escalated.`;
}

function row(r: Row): (Cell | Shaded)[] {
  return [
    refCell(r.ref),
    r.text,
    lines([{ text: r.status }, { text: `Open ${plural(r.daysOpen, 'day')}`, muted: true }, !!r.escalation && { text: r.escalation, bold: true }]),
    lines([{ text: r.dg ?? 'No Director General named', bold: r.dg !== null, muted: r.dg === null }, { text: r.owner || '—' }]),
    lines([{ text: r.targetDate ? formatDateCompact(r.targetDate) : 'No target date', muted: !r.targetDate }, r.overdue && { text: 'Overdue', bold: true }, r.targetChanges > 0 && { text: moved(r.targetChanges), muted: true }]),
    RAG_CELLS[r.rag],
    r.latestUpdate
      ? lines([{ text: shorten(r.latestUpdate.narrative, UPDATE_CHARS) }, { text: `${formatDateCompact(r.latestUpdate.date)}, ${r.latestUpdate.author}`, muted: true }])
      : lines([{ text: 'No update yet', muted: true }]),
  ];
}

export function buildTracker(input: TrackerDocInput): Document {
  const asOf = formatDateLong(input.asOf);
  const children: FileChild[] = [...titleBlock('Recommendations tracker', [`Open recommendations as at ${asOf}`])];
  if (!input.rows.length) children.push(para('There are no open recommendations.'));
  else
    children.push(
      para(countLine(input.rows)),
      houseTableShaded(['Ref', 'Recommendation', 'Status', 'Accountable DG / owner', 'Target date', 'RAG', 'Latest update'], input.rows.map(row), [15, 20, 12, 12, 10, 9, 22]),
      h2('Key'),
      houseTableShaded(
        ['RAG', 'Meaning'],
        KEY.map(([rag, meaning]) => [RAG_CELLS[rag], meaning]),
        [9, 91],
      ),
    );
  if (input.rows.some((r) => r.latestUpdate && r.latestUpdate.narrative.length > UPDATE_CHARS)) children.push(note('Long updates are shortened here; the full history is in the app.'));
  return houseDocument({
    title: 'Recommendations tracker',
    context: `Open recommendations as at ${asOf}`,
    marking: input.marking,
    draft: false,
    landscape: true,
    children,
    description: `Open recommendations of the Serious Case Panel as at ${asOf}.`,
  });
}
