// The agenda: where and when, who is invited, and the numbered items with timings.
import type { Document } from 'docx';
import { ITEM_PURPOSE_LABELS, type AgendaItem } from '#shared/domain/agenda';
import type { Panel } from '#shared/domain/panels';
import { formatDateLong, formatDateWithDay, formatTimeRange } from '#shared/format';
import { cellLines, documentPlace, h1, houseTable, note, titleBlock } from '../style/blocks';
import { houseDocument } from '../style/houseDocument';

export interface AgendaDocInput {
  panel: Pick<Panel, 'date' | 'startTime' | 'endTime' | 'format' | 'location' | 'quarter'>;
  marking: string;
  /** false only once the chair has approved it */
  draft: boolean;
  /** e.g. "Approved by Chris Chair on 3 November 2026" */
  approval: string | null;
  invited: { name: string; role: string; organisation: string }[];
  items: Pick<AgendaItem, 'title' | 'purpose' | 'presenterName' | 'minutes' | 'startsAt' | 'endsAt' | 'papers'>[];
  themeTitles?: Record<number, string>;
}

export function buildAgenda(input: AgendaDocInput): Document {
  const { panel } = input;
  const context = `Serious Case Panel ${panel.quarter} · ${formatDateLong(panel.date)}`;
  const children = [
    ...titleBlock(
      'Serious Case Panel: agenda',
      [formatDateWithDay(panel.date), `${formatTimeRange(panel.startTime, panel.endTime)} (London time)`, documentPlace(panel)],
      input.draft ? 'DRAFT: not yet approved by the chair' : undefined,
    ),
    ...(input.approval ? [note(input.approval)] : []),
    h1('Invited'),
    houseTable(
      ['Name', 'Role', 'Organisation or directorate'],
      input.invited.map((m) => [m.name, m.role, m.organisation || '—']),
      [34, 33, 33],
    ),
    h1('Items'),
    houseTable(
      ['No.', 'Item', 'Presenter', 'Timing'],
      input.items.map((item, i) => [
        String(i + 1),
        cellLines([
          { text: item.title, bold: true },
          { text: ITEM_PURPOSE_LABELS[item.purpose], muted: true },
          ...item.papers.map((p) => ({ text: `Paper: ${p.fileName}`, muted: true })),
        ]),
        item.presenterName ?? '—',
        `${item.startsAt}–${item.endsAt}\n(${item.minutes} min)`,
      ]),
      [7, 55, 20, 18],
    ),
    note('The panel discusses themes, never individual cases. Papers are anonymised; do not forward them.'),
  ];
  return houseDocument({ title: 'Agenda', context, marking: input.marking, draft: input.draft, children, description: `Agenda for the Serious Case Panel on ${formatDateLong(panel.date)}.` });
}
