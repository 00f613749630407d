// Twenty years of a secretariat's register, for performance work: 100,000 evidence items across
// every source type with realistic text lengths, 2,000 themes and 300,000 evidence links, built
// reproducibly from a seed in one transaction (audit and search triggers included).
import { bulkLoader } from '#db/queries/bulk';
import { addCalendarDays, toDayNumber } from '#shared/calendar/workingDays';
import { BENEFIT_LINES, type EvidenceParsed, type EvidenceType } from '#shared/domain/evidence';
import { THEME_STATUSES } from '#shared/domain/themes';
import { londonToday } from '#shared/format';
import { nowIso, type HandlerContext } from '../handlers/context';
import { minutesSnapshot } from '../handlers/meeting';
import { loadLargeMeetings, type MeetingScale } from './largeMeetings';
import { CORONER_AREAS, DEMO_TOPICS, REGIONS, seeded } from './register';

export interface LargeScale extends MeetingScale {
  evidence: number;
  themes: number;
  links: number;
  seed: number;
}

export const LARGE: LargeScale = { evidence: 100_000, themes: 2_000, links: 300_000, panels: 120, recommendations: 5_000, updates: 50_000, minuteEntries: 100_000, seed: 2026 };

/** Bumped whenever the large dataset's content changes, so a kept copy is rebuilt. */
export const LARGE_DATASET_VERSION = 4;

export interface LargeLoaded {
  evidence: number;
  themes: number;
  links: number;
  panels: number;
  recommendations: number;
  updates: number;
  minuteEntries: number;
  seconds: number;
}

const TYPES: EvidenceType[] = ['ipr', 'ipr', 'ipr', 'complaint', 'complaint', 'frontline', 'frontline', 'ice', 'pfd', 'pfd', 'sar', 'other'];
const PREFIX: Record<EvidenceType, string> = { ipr: 'IPR', complaint: 'CMP', frontline: 'FLF', ice: 'ICE', pfd: 'PFD', sar: 'SAR', other: 'OTH' };
const CONTEXT = [
  'The claimant had told the Department about a mental-health condition earlier in the claim.',
  'Staff followed the process as written, but the process did not ask them to check for vulnerability.',
  'Notes on the system recorded the risk, but the next member of staff did not see them.',
  'A family member had contacted the Department with concerns two weeks before.',
  'The review found no record that a Safeguarding Lead was consulted.',
  'Letters were sent to an address the claimant had left.',
  'The case passed between three teams in a month, and no one owned it.',
  'Guidance on this point had been updated, but not all staff had been briefed.',
];
const OUTCOMES = [
  'Learning was shared with the operational teams and the guidance is being reviewed.',
  'The service area has agreed to add a check to the process.',
  'A briefing for staff has been issued and its effect will be reviewed in six months.',
  'The finding has been referred to the policy team for a decision.',
];

export async function loadLargeDemo(ctx: HandlerContext, scale: LargeScale = LARGE, progress: (done: number, total: number) => void = () => {}): Promise<LargeLoaded> {
  const started = Date.now();
  const total = scale.evidence + scale.links + scale.panels;
  const rnd = seeded(scale.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const today = londonToday(ctx.now());
  const first = toDayNumber('2006-04-01');
  const span = toDayNumber(today) - first;
  const now = nowIso(ctx);
  const dgs = ctx.sqlite.prepare("select id from members where role = 'director-general' order by id").pluck().all() as number[];
  const members = ctx.sqlite.prepare("select id from members where active_to is null and role not in ('secretariat', 'observer') order by id").pluck().all() as number[];
  const themeIds: number[] = [];
  // Held panels end before the demonstration's own two years of meetings begin.
  const firstDemoPanel = (ctx.sqlite.prepare('select min(date) from panels').pluck().get() as string | null) ?? today;
  const lastDate = addCalendarDays(firstDemoPanel < today ? firstDemoPanel : today, -28);
  let meetings: ReturnType<typeof loadLargeMeetings> = { panelIds: [], recommendations: 0, updates: 0, minuteEntries: 0 };
  const load = bulkLoader(ctx.sqlite);
  const byTopic: number[][] = DEMO_TOPICS.map(() => []);
  const seq: Record<string, number> = {};
  let themes = 0;
  let links = 0;

  ctx.sqlite.transaction(() => {
    for (let i = 0; i < scale.evidence; i++) {
      if (i % 5000 === 0) progress(i, total);
      const topicIndex = Math.floor(rnd() * DEMO_TOPICS.length);
      const topic = DEMO_TOPICS[topicIndex];
      const type = pick(TYPES);
      // More evidence in later years, as the panel's reach grew.
      const date = addCalendarDays('2006-04-01', Math.min(span, Math.floor(Math.sqrt(rnd()) * span)));
      const year = date.slice(0, 4);
      const key = `${type}${year}`;
      const n = (seq[key] = (seq[key] ?? 0) + 1);
      const finding = pick(topic.findings);
      // A coroner's report comes from a coroner area (England and Wales), in the region it names.
      const coroner = type === 'pfd' ? pick(CORONER_AREAS) : undefined;
      const region = coroner?.region ?? pick(REGIONS);
      const summary = [`${finding.charAt(0).toUpperCase()}${finding.slice(1)} (${region}).`, pick(CONTEXT), pick(CONTEXT), pick(OUTCOMES)].join(' ');
      const common = {
        ref: `${PREFIX[type]}-${year}-L${String(n).padStart(5, '0')}`,
        title: `${finding.charAt(0).toUpperCase()}${finding.slice(1)}`,
        summary,
        receivedOn: date,
        benefitLines: [pick(topic.benefits)],
        region,
        tags: topic.tags.slice(0, 1 + Math.floor(rnd() * topic.tags.length)),
        sensitivity: 'official-sensitive' as const,
        personal: { personName: type === 'ipr' || type === 'pfd' || type === 'sar' ? `Person ${i}` : '', caseReference: type === 'ipr' ? `IPRG/${year}/${n}` : '' },
      };
      const details = detailsFor(type, { date, year, n, finding, region, coronerArea: coroner?.area ?? '', rnd, pick });
      byTopic[topicIndex].push(load.evidence({ ...common, details } as EvidenceParsed, now));
    }
    for (let t = 0; t < scale.themes; t++) {
      const topicIndex = t % DEMO_TOPICS.length;
      const topic = DEMO_TOPICS[topicIndex];
      const benefit = pick(BENEFIT_LINES);
      const id = load.theme(
        {
          title: t < DEMO_TOPICS.length ? `${topic.title} (historic)` : `${topic.title}: ${benefit}, ${pick(REGIONS)} (${2006 + (t % 20)})`,
          description: `${topic.description} ${pick(CONTEXT)}`,
          ownerId: dgs.length ? dgs[t % dgs.length] : null,
          status: THEME_STATUSES[t % THEME_STATUSES.length],
          tags: topic.tags,
        },
        now,
      );
      themes++;
      themeIds.push(id);
      const pool = byTopic[topicIndex];
      const want = Math.round(scale.links / scale.themes);
      const chosen = new Set<number>();
      while (chosen.size < Math.min(want, pool.length)) chosen.add(pool[Math.floor(rnd() * pool.length)]);
      for (const e of chosen) {
        load.link(id, e, 'Same failure in the same service', 'Demonstration data', now);
        links++;
      }
      if (t % 100 === 0) progress(scale.evidence + links, total);
    }
    if (scale.panels > 0) meetings = loadLargeMeetings(ctx.sqlite, scale, { rnd, now, lastDate, themeIds, memberIds: members, dgIds: dgs.length ? dgs : members });
  })();
  // Each panel's minutes are approved with the snapshot the chair's approval takes.
  const approve = ctx.sqlite.prepare("update minutes_versions set status = 'approved', approved_by = 'Demonstration data', approved_on = (select date from panels where id = ?), snapshot = ? where panel_id = ? and version = 1");
  for (const [i, panelId] of meetings.panelIds.entries()) {
    approve.run(panelId, await minutesSnapshot(ctx, panelId), panelId);
    if (i % 10 === 0) progress(scale.evidence + scale.links + i, total);
  }
  progress(total, total);
  return {
    evidence: scale.evidence,
    themes,
    links,
    panels: meetings.panelIds.length,
    recommendations: meetings.recommendations,
    updates: meetings.updates,
    minuteEntries: meetings.minuteEntries,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

interface D {
  date: string;
  year: string;
  n: number;
  finding: string;
  region: string;
  /** a coroner's report's area */
  coronerArea: string;
  rnd: () => number;
  pick: <T>(xs: readonly T[]) => T;
}

function detailsFor(type: EvidenceType, d: D): EvidenceParsed['details'] {
  const before = (days: number) => addCalendarDays(d.date, -days);
  switch (type) {
    case 'ipr':
      return { type, referralDate: before(120), acceptedDate: before(100), concludedDate: d.date, presentedDate: null, suicideOrSelfHarm: d.rnd() < 0.4, outcome: 'DWP actions contributed', learningPoints: `${d.pick(CONTEXT)} ${d.pick(OUTCOMES)}` };
    case 'complaint':
      return { type, serviceArea: d.pick(BENEFIT_LINES), periodFrom: before(90), periodTo: d.date, complaintCount: 5 + Math.floor(d.rnd() * 80) };
    case 'frontline':
      return { type, fromWhom: d.pick(['Safeguarding Leads', 'Work coaches', 'Visiting officers']), channel: d.pick(['VOC:AL session', 'Staff survey', 'Team leader escalation']) };
    case 'ice':
      return { type, periodFrom: before(180), periodTo: d.date, casesExamined: 10 + Math.floor(d.rnd() * 40), upheld: Math.floor(d.rnd() * 10), themesRaised: d.finding };
    case 'pfd':
      return {
        type,
        coronerRef: `${d.year}-L${String(d.n).padStart(5, '0')}`,
        reportDate: d.date,
        coronerName: 'HM Senior Coroner',
        coronerArea: d.coronerArea,
        category: 'Other related deaths',
        addressees: ['Department for Work and Pensions'],
        addressedToDwp: d.rnd() < 0.6,
        circumstances: '',
        concerns: `Matter of concern: ${d.finding}.`,
        reportUrl: '',
      };
    case 'sar':
      return { type, board: `${d.region} Safeguarding Adults Board`, reviewDate: d.date, dwpInvolvement: 'Chronology provided.' };
    default:
      return { type: 'other', sourceBody: d.pick(['NAO', 'PHSO', 'Select committee', 'Policy review'] as const), sourceDetail: 'Published report' };
  }
}
