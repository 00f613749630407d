// The minutes: who was there, what was declared, whether the meeting was quorate, and for each
// agenda item the discussion, decisions, actions, recommendations and matters arising.
import { HeadingLevel, Paragraph, TabStopType, TextRun, type Document, type FileChild } from 'docx';
import { formatDateCompact, formatDateLong, formatDateWithDay, formatTimeRange } from '#shared/format';
import { bullets, cellLines, documentPlace, h1, h1Numbered, h2, houseTable, note, para, paragraphs, refCell, titleBlock } from '../style/blocks';
import { houseDocument } from '../style/houseDocument';

export interface MinutesDocInput {
  panel: { date: string; startTime: string; endTime: string; format: 'in-person' | 'online' | 'hybrid'; location: string; quarter: string };
  marking: string;
  /** true until the chair approves */
  draft: boolean;
  /** e.g. "Approved by Chris Chair (chair) on 3 December 2026." or null */
  approval: string | null;
  version: number;
  /** earlier approved versions this one corrects, oldest first */
  corrections: { version: number; reason: string; at: string /* ISO date */ }[];
  present: { name: string; role: string; organisation: string; chair: boolean; arrivedAt: string | null; leftAt: string | null }[];
  deputies: { name: string; forName: string; forRole: string }[];
  apologies: { name: string; role: string }[];
  inAttendance: { name: string; role: string }[];
  declarations: { name: string; item: string | null; interest: string; action: string }[];
  quorum: { met: boolean; text: string };
  items: {
    number: number;
    title: string;
    purpose: string; // already a label, e.g. "For decision"
    presenter: string | null;
    summary: string; // discussion notes, may contain newlines, may be ''
    decisions: string[];
    actions: { text: string; owner: string; due: string | null }[];
    recommendations: { ref: string; text: string; dg: string | null; owner: string; targetDate: string | null; themes: string[] }[];
    /** only on the "matters arising" / "tracker" standing items; may be empty */
    mattersArising: { ref: string; text: string; owner: string; due: string | null; status: string }[];
  }[];
  nextMeeting: { date: string; startTime: string; endTime: string; where: string } | null;
}

type Item = MinutesDocInput['items'][number];

/**
 * The headings the minutes use: their own at the top, or two levels down inside the panel pack,
 * below its section heading and out of its contents (which lists headings 1 and 2).
 */
interface Headings {
  h1: (text: string) => Paragraph;
  h2: (text: string) => Paragraph;
  numbered: (n: number, text: string) => Paragraph;
}
const TOP: Headings = { h1, h2, numbered: h1Numbered };
const NESTED: Headings = {
  h1: (text) => new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(text)] }),
  h2: (text) => new Paragraph({ heading: HeadingLevel.HEADING_4, children: [new TextRun(text)] }),
  numbered: (n, text) =>
    new Paragraph({ heading: HeadingLevel.HEADING_3, tabStops: [{ type: TabStopType.LEFT, position: 567 }], indent: { left: 567, hanging: 567 }, children: [new TextRun(`${n}.\t${text}`)] }),
};

const date = (iso: string | null) => (iso ? formatDateCompact(iso) : '—');

/** Each correction is made by the next version in the list, the last by this one. */
function correctionLines(input: MinutesDocInput): string[] {
  return input.corrections.map((c, i) => {
    const by = input.corrections[i + 1]?.version ?? input.version;
    return `Version ${by} corrects version ${c.version}: ${c.reason} (${formatDateLong(c.at)})`;
  });
}

function attendance(input: MinutesDocInput, { h1, h2 }: Headings): FileChild[] {
  const out: FileChild[] = [
    h1('Attendance'),
    h2('Present'),
    houseTable(
      ['Name', 'Role', 'Organisation or directorate'],
      input.present.map((m) => {
        const times = [m.arrivedAt && `arrived ${m.arrivedAt}`, m.leftAt && `left ${m.leftAt}`].filter((t): t is string => Boolean(t));
        return [cellLines([{ text: m.chair ? `${m.name} (chair)` : m.name, bold: m.chair }, ...(times.length ? [{ text: times.join('; '), muted: true }] : [])]), m.role, m.organisation || '—'];
      }),
      [36, 32, 32],
    ),
  ];
  if (input.deputies.length) out.push(h2('Deputies'), ...bullets(input.deputies.map((d) => `${d.name} for ${d.forName}, ${d.forRole}`)));
  out.push(h2('Apologies'), ...(input.apologies.length ? bullets(input.apologies.map((a) => `${a.name}, ${a.role}`)) : [para('None received.')]));
  if (input.inAttendance.length) out.push(h2('In attendance'), ...bullets(input.inAttendance.map((a) => `${a.name}, ${a.role}`)));
  out.push(h2('Quorum'), para(input.quorum.met ? input.quorum.text : `Not quorate. ${input.quorum.text}`));
  out.push(h1('Declarations of interest'));
  if (!input.declarations.length) out.push(para('None declared.'));
  else
    out.push(
      houseTable(
        ['Member', 'Item', 'Interest', 'Action taken'],
        input.declarations.map((d) => [d.name, d.item ?? 'All items', d.interest, d.action || '—']),
        [22, 24, 30, 24],
      ),
    );
  return out;
}

function item(it: Item, { h2, numbered }: Headings): FileChild[] {
  const byline = [it.purpose, it.presenter && `Presented by ${it.presenter}`].filter(Boolean).join(' · ');
  // kept with what follows, so an item's heading never ends a page on its own
  const head = [numbered(it.number, it.title), new Paragraph({ style: 'Note', keepNext: true, children: [new TextRun(byline)] })];
  const out: FileChild[] = paragraphs(it.summary);
  if (it.decisions.length) out.push(h2('Decisions'), ...bullets(it.decisions));
  if (it.actions.length) out.push(h2('Actions'), houseTable(['Action', 'Owner', 'Due'], it.actions.map((a) => [a.text, a.owner || '—', date(a.due)]), [57, 27, 16]));
  if (it.recommendations.length)
    out.push(
      h2('Recommendations'),
      houseTable(
        ['Ref', 'Recommendation', 'Accountable DG / owner', 'Target date', 'Themes'],
        it.recommendations.map((r) => [
          refCell(r.ref),
          r.text,
          cellLines([{ text: r.dg ?? 'No Director General named', bold: r.dg !== null, muted: r.dg === null }, { text: r.owner || '—' }]),
          date(r.targetDate),
          r.themes.length ? r.themes.join('\n') : '—',
        ]),
        [23, 26, 17, 16, 18],
      ),
    );
  if (it.mattersArising.length)
    out.push(
      h2('Matters arising'),
      houseTable(['Ref', 'Item', 'Owner', 'Due', 'Status'], it.mattersArising.map((m) => [refCell(m.ref), m.text, m.owner || '—', date(m.due), m.status]), [22, 28, 17, 16, 17]),
    );
  return [...head, ...(out.length ? out : [para('Nothing was recorded under this item.')])];
}

function nextMeeting(n: MinutesDocInput['nextMeeting'], { h1 }: Headings): FileChild[] {
  if (!n) return [h1('Date of next meeting'), para('The date of the next meeting is to be confirmed.')];
  return [h1('Date of next meeting'), para(`${formatDateWithDay(n.date)}, ${formatTimeRange(n.startTime, n.endTime)} (London time), ${n.where}.`)];
}

/**
 * Everything under the minutes' title: approval and version, attendance, declarations, the items
 * and the next meeting. `nested` moves every heading two levels down, for the minutes inside the pack.
 */
export function minutesBody(input: MinutesDocInput, { nested = false }: { nested?: boolean } = {}): FileChild[] {
  const headings = nested ? NESTED : TOP;
  const status = [...(input.approval ? [input.approval] : []), input.draft ? `Version ${input.version}, for the chair's approval` : `Version ${input.version}`, ...correctionLines(input)];
  return [
    ...status.map(note),
    ...attendance(input, headings),
    ...input.items.flatMap((it) => item(it, headings)),
    ...nextMeeting(input.nextMeeting, headings),
    note('The panel discusses themes, never individual cases.'),
  ];
}

/** "Caxton House, London, and online (hybrid)" */
export function buildMinutes(input: MinutesDocInput): Document {
  const { panel } = input;
  const children: FileChild[] = [
    ...titleBlock(
      'Serious Case Panel: minutes',
      [formatDateWithDay(panel.date), `${formatTimeRange(panel.startTime, panel.endTime)} (London time)`, documentPlace(panel)],
      input.draft ? 'DRAFT: not yet approved by the chair' : undefined,
    ),
    ...minutesBody(input),
  ];
  return houseDocument({
    title: 'Minutes',
    context: `Serious Case Panel ${panel.quarter} · ${formatDateLong(panel.date)}`,
    marking: input.marking,
    draft: input.draft,
    children,
    description: `Minutes of the Serious Case Panel on ${formatDateLong(panel.date)}, version ${input.version}.`,
  });
}
