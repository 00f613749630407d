// A realistic evidence register for the demonstration: a few hundred items across every source
// type over five years, a dozen themes drawn from the public sources, and the links between them.
// Seeded, so every run builds the same register for the same "today".
import { addCalendarDays, toDayNumber } from '#shared/calendar/workingDays';
import { responseDueDate } from '#shared/domain/coroner';
import type { EvidenceDetailsInput, EvidenceInput, EvidenceType } from '#shared/domain/evidence';
import type { ThemeStatus } from '#shared/domain/themes';
import type { ScpApi } from '#shared/ipc/contract';
import type { Result } from '#shared/ipc/result';

/** mulberry32: small, fast and good enough for demonstration data. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Topic {
  title: string;
  description: string;
  owner: string;
  status: ThemeStatus;
  tags: string[];
  benefits: string[];
  /** short phrases, each naming the failure in different words */
  findings: string[];
}

export const DEMO_TOPICS: Topic[] = [
  {
    title: 'Contact lost with vulnerable claimants before payments are stopped',
    description: 'Payments are suspended or closed after failed contact, without the case conference, home visit or safeguarding escalation the guidance expects for a vulnerable claimant.',
    owner: 'Tom Okafor',
    status: 'scheduled',
    tags: ['lost contact', 'payment suspension', 'safeguarding'],
    benefits: ['Employment and Support Allowance', 'Universal Credit'],
    findings: ['award suspended after two failed phone calls to a vulnerable claimant', 'no case conference held before payment was stopped', 'lost contact not escalated to a Safeguarding Lead', 'claim closed after letters went unanswered'],
  },
  {
    title: 'Large arrears payments to vulnerable customers',
    description: 'Large one-off arrears payments are made without a check of the claimant’s circumstances or support, in some cases with harmful consequences.',
    owner: 'Graham Pryce',
    status: 'monitoring',
    tags: ['arrears', 'large payment'],
    benefits: ['Personal Independence Payment', 'State Pension', 'Employment and Support Allowance'],
    findings: ['arrears payment of several thousand pounds made without a welfare check', 'large payment released to a claimant known to be at risk', 'no support offered alongside a large arrears payment'],
  },
  {
    title: 'Additional-support markers not recorded',
    description: 'Claimants who need additional support are not flagged on the system, so later staff cannot see the need and apply the right process.',
    owner: 'Anita Desai',
    status: 'scheduled',
    tags: ['additional support', 'vulnerability marker'],
    benefits: ['Universal Credit'],
    findings: ['complex needs marker not set although the need was disclosed', 'support need recorded in notes but not flagged', 'marker removed at migration without review'],
  },
  {
    title: 'Third-party and explicit-consent requests not acted on',
    description: 'Representatives with explicit consent (MPs, advisers, family) raise concerns that are not recorded or acted on.',
    owner: 'Sarah Whitfield',
    status: 'under-review',
    tags: ['explicit consent', 'third party'],
    benefits: ['Universal Credit', 'Personal Independence Payment'],
    findings: ['explicit consent request from an adviser not actioned', 'family member’s warning about risk not passed on', 'third-party call not recorded on the journal'],
  },
  {
    title: 'Appointee arrangements not recognised',
    description: 'Where an appointee acts for a claimant, letters and decisions still go to the claimant, or the appointee is not recorded at all.',
    owner: 'Graham Pryce',
    status: 'emerging',
    tags: ['appointee'],
    benefits: ['Pension Credit', 'Attendance Allowance', 'State Pension'],
    findings: ['appointee not recorded on the claim', 'decision letter sent to the claimant instead of the appointee', 'appointee application left unprocessed for months'],
  },
  {
    title: 'Complaints not called back',
    description: 'Complaints where a callback was promised and not made, so that an urgent or vulnerable complainant was not triaged in time.',
    owner: 'Sarah Whitfield',
    status: 'considered',
    tags: ['complaints', 'callback'],
    benefits: ['Cross-benefit'],
    findings: ['promised callback not made within two working days', 'urgent complaint not lifted out by triage', 'complaint closed without contact with the complainant'],
  },
  {
    title: 'Safeguarding referrals to local authorities not made',
    description: 'Staff identify a risk to an adult but no referral is made to the local authority safeguarding team.',
    owner: 'Tom Okafor',
    status: 'under-review',
    tags: ['safeguarding referral', 'local authority'],
    benefits: ['Cross-benefit', 'Universal Credit'],
    findings: ['risk to an adult identified but no referral made to the local authority', 'safeguarding referral delayed by a week', 'Safeguarding Lead not consulted on a disclosure of risk'],
  },
  {
    title: 'Sanctions applied despite known mental-health conditions',
    description: 'Sanctions are applied where the claimant’s mental-health condition was known and good reason was not explored.',
    owner: 'Tom Okafor',
    status: 'emerging',
    tags: ['sanctions', 'mental health'],
    benefits: ['Universal Credit', 'Jobseeker’s Allowance'],
    findings: ['sanction applied without exploring good reason', 'mental-health condition on record not considered before a sanction', 'claimant commitment not tailored to a known condition'],
  },
  {
    title: 'Health assessment appointments missed without follow-up',
    description: 'Claimants miss health assessment appointments and the claim is disallowed without checking why.',
    owner: 'Tom Okafor',
    status: 'monitoring',
    tags: ['health assessment', 'failure to attend'],
    benefits: ['Personal Independence Payment', 'Employment and Support Allowance'],
    findings: ['claim disallowed after a missed assessment without a good-cause check', 'assessment letter sent to an old address', 'no home assessment offered to a housebound claimant'],
  },
  {
    title: 'Overpayment deductions leaving claimants without enough to live on',
    description: 'Deductions for overpayments and advances are set at the maximum rate without an affordability conversation.',
    owner: 'Marcus Hale',
    status: 'emerging',
    tags: ['deductions', 'overpayment', 'hardship'],
    benefits: ['Universal Credit', 'Pension Credit'],
    findings: ['maximum deduction applied without an affordability check', 'hardship request not considered', 'advance recovery left the claimant without money for food'],
  },
  {
    title: 'Home visits not arranged for housebound claimants',
    description: 'Visiting is not offered or takes too long for claimants who cannot attend or use the phone.',
    owner: 'Graham Pryce',
    status: 'closed',
    tags: ['home visit', 'visiting'],
    benefits: ['Pension Credit', 'Attendance Allowance', 'Employment and Support Allowance'],
    findings: ['home visit requested and not arranged', 'visiting referral waited three months', 'housebound claimant asked to attend the jobcentre'],
  },
  {
    title: 'Digital-only contact excluding claimants without internet access',
    description: 'Claimants without internet access miss journal messages and to-dos, leading to sanctions or closures.',
    owner: 'Anita Desai',
    status: 'emerging',
    tags: ['digital exclusion', 'journal'],
    benefits: ['Universal Credit'],
    findings: ['journal message unseen by a claimant without internet access', 'to-do missed because the claimant could not get online', 'no alternative channel offered to a digitally excluded claimant'],
  },
];

export const REGIONS = ['North East', 'North West', 'Yorkshire and the Humber', 'East Midlands', 'West Midlands', 'East of England', 'London', 'South East', 'South West', 'Wales', 'Scotland'];
/** Coroner areas (England and Wales only: Scotland has no coroners), each with the region it is in. */
export const CORONER_AREAS: readonly { area: string; region: string }[] = [
  { area: 'Surrey', region: 'South East' },
  { area: 'Manchester North', region: 'North West' },
  { area: 'West Yorkshire (Eastern)', region: 'Yorkshire and the Humber' },
  { area: 'Inner London South', region: 'London' },
  { area: 'Avon', region: 'South West' },
  { area: 'Gwent', region: 'Wales' },
  { area: 'Birmingham and Solihull', region: 'West Midlands' },
  { area: 'Norfolk', region: 'East of England' },
  { area: 'Cumbria', region: 'North West' },
  { area: 'Essex', region: 'East of England' },
  { area: 'Nottinghamshire', region: 'East Midlands' },
  { area: 'Derby and Derbyshire', region: 'East Midlands' },
];
const FORENAMES = ['Alex', 'Sam', 'Jordan', 'Chris', 'Robin', 'Morgan', 'Jamie', 'Casey', 'Taylor', 'Riley'];
const SURNAMES = ['Ashdown', 'Brierley', 'Coverdale', 'Dunmore', 'Ellerby', 'Fairlie', 'Garside', 'Hebden', 'Ingleby', 'Jessop'];
const TYPE_WEIGHTS: [EvidenceType, number][] = [
  ['ipr', 30],
  ['complaint', 20],
  ['frontline', 15],
  ['ice', 8],
  ['pfd', 15],
  ['sar', 7],
  ['other', 5],
];

function unwrap<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`Demonstration register failed at "${what}": ${r.error.message}`);
  return r.value;
}

export interface RegisterCounts {
  evidence: number;
  themes: number;
  links: number;
  coronerReportsToDwp: number;
}

export async function loadDemoRegister(api: ScpApi, today: string, dgIds: Map<string, number>): Promise<RegisterCounts & { themeIds: number[] }> {
  const rnd = seeded(20261123);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const weighted = () => {
    let r = rnd() * TYPE_WEIGHTS.reduce((s, [, w]) => s + w, 0);
    for (const [t, w] of TYPE_WEIGHTS) if ((r -= w) < 0) return t;
    return 'other' as const;
  };
  const start = toDayNumber('2021-04-01');
  const span = toDayNumber(today) - start;
  const counters: Record<string, number> = {};
  const themeIds: number[] = [];
  let links = 0;
  let evidence = 0;
  let toDwp = 0;

  for (const [ti, topic] of DEMO_TOPICS.entries()) {
    const theme = unwrap(
      await api.createTheme({ title: topic.title, description: topic.description, ownerId: dgIds.get(topic.owner) ?? null, status: topic.status, tags: topic.tags }),
      `theme ${topic.title}`,
    );
    themeIds.push(theme.id);
    const n = 18 + Math.floor(rnd() * 12);
    const linked: number[] = [];
    for (let i = 0; i < n; i++) {
      const type: EvidenceType = weighted();
      // Newer themes draw on recent evidence; the rest spread over five years, busier lately.
      const skew = Math.sqrt(rnd());
      const date = addCalendarDays('2021-04-01', Math.min(span, Math.floor(skew * span)));
      const year = date.slice(0, 4);
      const key = `${type}-${year}`;
      counters[key] = (counters[key] ?? 0) + 1;
      const seq = String(counters[key]).padStart(3, '0');
      const finding = pick(topic.findings);
      const benefit = pick(topic.benefits);
      const region = pick(REGIONS);
      const person = `${pick(FORENAMES)} ${pick(SURNAMES)}`;
      const built = build(type, { seq, year, date, finding, benefit, region, person, topic, today, rnd, pick });
      if (built.details.type === 'pfd' && built.details.addressedToDwp) toDwp++;
      const e = unwrap(await api.createEvidence(built), `evidence ${built.ref}`);
      evidence++;
      // Most evidence for a theme is linked already; some is left for the suggestions to find.
      if (rnd() < 0.8) linked.push(e.id);
      if (built.details.type === 'pfd' && built.details.addressedToDwp) await trackResponse(api, e.id, built.details.reportDate, today, rnd);
    }
    if (linked.length) {
      const r = unwrap(await api.linkEvidence({ themeId: theme.id, evidenceIds: linked, note: `Shows ${topic.findings[0]}.` }), 'links');
      links += r.linked;
    }
    // A few items belong to two themes.
    if (ti > 0 && linked.length > 2) {
      links += unwrap(await api.linkEvidence({ themeId: themeIds[ti - 1], evidenceIds: linked.slice(0, 2), note: 'Also relevant to this theme.' }), 'cross links').linked;
    }
  }
  /** One hand-placed record, linked to its topic's theme. */
  const place = async (type: 'pfd' | 'ipr', seq: number, date: string, topicIndex: number, adjust: (b: EvidenceInput) => void, note: string) => {
    const topic = DEMO_TOPICS[topicIndex];
    const built = build(type, { seq: String(seq), year: date.slice(0, 4), date, finding: topic.findings[type === 'pfd' ? 0 : 1], benefit: topic.benefits[0], region: pick(REGIONS), person: `${pick(FORENAMES)} ${pick(SURNAMES)}`, topic, today, rnd, pick });
    adjust(built);
    const e = unwrap(await api.createEvidence(built), `evidence ${built.ref}`);
    evidence++;
    links += unwrap(await api.linkEvidence({ themeId: themeIds[topicIndex], evidenceIds: [e.id], note }), 'placed link').linked;
  };
  // The Focal Point's current workload: reports received in the last two months.
  for (const [i, [ago, topicIndex]] of [
    [50, 0],
    [44, 7],
    [30, 2],
    [12, 3],
    [70, 9],
  ].entries()) {
    await place('pfd', 900 + i, addCalendarDays(today, -ago), topicIndex, (b) => {
      if (b.details.type !== 'pfd') return;
      b.details.addressedToDwp = true;
      b.details.addressees = ['Department for Work and Pensions', 'Secretary of State for Health and Social Care'];
    }, 'Recent coroner’s report on the same failure.');
    toDwp++;
  }
  // Older reviews, for the retention review: two past six years from their final report, one not yet.
  for (const [i, yearsAgo] of [7, 6.4, 5.5].entries()) {
    await place('ipr', 800 + i, addCalendarDays(today, -Math.round(yearsAgo * 365.25)), i, (b) => {
      if (b.details.type === 'ipr') b.details.suicideOrSelfHarm = true;
    }, 'An earlier review of the same failure.');
  }
  return { evidence, themes: themeIds.length, links, coronerReportsToDwp: toDwp, themeIds };
}

async function trackResponse(api: ScpApi, id: number, reportDate: string, today: string, rnd: () => number) {
  const due = responseDueDate(reportDate);
  if (due < today) {
    // Most past reports were answered, a few late; one in ten is still outstanding.
    const r = rnd();
    if (r < 0.1) return;
    const sent = addCalendarDays(due, r < 0.25 ? 6 : -Math.floor(rnd() * 20));
    unwrap(await api.updateCoronerResponse({ evidenceId: id, responseSentOn: sent < today ? sent : today }), 'coroner response');
  } else if (rnd() < 0.2) {
    unwrap(
      await api.updateCoronerResponse({ evidenceId: id, extendedTo: addCalendarDays(due, 28), extensionGrantedBy: 'HM Senior Coroner', extensionGrantedOn: addCalendarDays(reportDate, 30) < today ? addCalendarDays(reportDate, 30) : today }),
      'coroner extension',
    );
  }
}

interface Ctx {
  seq: string;
  year: string;
  date: string;
  finding: string;
  benefit: string;
  region: string;
  person: string;
  topic: Topic;
  today: string;
  rnd: () => number;
  pick: <T>(xs: readonly T[]) => T;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function build(type: EvidenceType, c: Ctx): EvidenceInput {
  const base = {
    receivedOn: c.date,
    benefitLines: [c.benefit],
    region: c.region,
    tags: c.topic.tags.slice(0, 1 + Math.floor(c.rnd() * c.topic.tags.length)),
    sensitivity: 'official-sensitive' as const,
  };
  const later = (days: number) => {
    const d = addCalendarDays(c.date, days);
    return d <= c.today ? d : null;
  };
  let details: EvidenceDetailsInput;
  let ref: string;
  let title: string;
  let summary: string;
  let personal = { personName: '', caseReference: '' };
  switch (type) {
    case 'ipr': {
      const suicide = c.rnd() < 0.4;
      ref = `IPR-${c.year}-${c.seq}`;
      title = cap(c.finding);
      summary = `Internal Process Review in ${c.region}: ${c.finding}. The review found the guidance was not followed and recorded learning for ${c.benefit}.`;
      // Stage lengths vary from review to review (some over the default targets), without
      // drawing on the random sequence the rest of the demonstration depends on.
      const k = Number(c.seq) + Number(c.year);
      const toReport = 50 + ((k * 23) % 80);
      details = {
        type: 'ipr',
        referralDate: addCalendarDays(c.date, -toReport - (8 + ((k * 7) % 29))),
        acceptedDate: addCalendarDays(c.date, -toReport),
        concludedDate: c.date,
        presentedDate: later(25 + ((k * 17) % 90)),
        suicideOrSelfHarm: suicide,
        outcome: 'DWP actions contributed; learning identified',
        learningPoints: `Staff should recognise when ${c.finding.replace(/^./, (x) => x.toLowerCase())} and escalate to a Safeguarding Lead.`,
      };
      personal = { personName: c.person, caseReference: `IPRG/${c.year}/${c.seq}` };
      break;
    }
    case 'complaint': {
      const count = 5 + Math.floor(c.rnd() * 60);
      ref = `CMP-${c.year}-${c.seq}`;
      title = `Complaints: ${c.finding}`;
      summary = `${count} complaints in the quarter to ${c.date} about ${c.benefit} where ${c.finding}.`;
      details = { type: 'complaint', serviceArea: c.benefit, periodFrom: addCalendarDays(c.date, -90), periodTo: c.date, complaintCount: count };
      break;
    }
    case 'frontline':
      ref = `FLF-${c.year}-${c.seq}`;
      title = `Frontline feedback: ${c.finding}`;
      summary = `Staff in ${c.region} report cases where ${c.finding}, and ask for clearer guidance.`;
      details = { type: 'frontline', fromWhom: c.pick(['Safeguarding Leads', 'Work coaches', 'Visiting officers', 'Case managers']), channel: c.pick(['VOC:AL session', 'Safeguarding Leads network', 'Team leader escalation', 'Staff survey']) };
      break;
    case 'ice': {
      const cases = 10 + Math.floor(c.rnd() * 40);
      ref = `ICE-${c.year}-${c.seq}`;
      title = `ICE findings: ${c.finding}`;
      summary = `The Independent Case Examiner examined ${cases} cases touching on this; in about half the complaint was upheld.`;
      details = { type: 'ice', periodFrom: addCalendarDays(c.date, -180), periodTo: c.date, casesExamined: cases, upheld: Math.floor(cases / 2), themesRaised: cap(c.finding) };
      break;
    }
    case 'pfd': {
      const toDwp = c.rnd() < 0.75;
      const { area, region } = c.pick(CORONER_AREAS);
      // The report is from the region its coroner area is in.
      base.region = region;
      const coronerRef = `${c.year}-${String(4000 + Number(c.seq)).padStart(4, '0')}`;
      ref = `PFD ${coronerRef}`;
      title = cap(c.finding);
      summary = `Regulation 28 report from the coroner area of ${area}. The coroner’s concern: ${c.finding}.`;
      details = {
        type: 'pfd',
        coronerRef,
        reportDate: c.date,
        coronerName: 'HM Senior Coroner',
        coronerArea: area,
        category: c.pick(['Suicide (from 2015)', 'State Custody related deaths', 'Other related deaths', 'Alcohol, drug and medication related deaths']),
        addressees: toDwp ? ['Department for Work and Pensions', 'NHS England'] : ['NHS England', 'Local authority'],
        addressedToDwp: toDwp,
        circumstances: 'The deceased had been in receipt of benefits; the inquest heard evidence about contact with the Department.',
        concerns: `Matter of concern: ${c.finding}.`,
        reportUrl: '',
      };
      personal = { personName: c.person, caseReference: '' };
      break;
    }
    case 'sar':
      ref = `SAR-${c.year}-${c.seq}`;
      title = `Safeguarding Adult Review: ${c.finding}`;
      summary = `A Safeguarding Adults Board review in ${c.region} found that ${c.finding}; DWP contributed a chronology.`;
      details = { type: 'sar', board: `${c.region} Safeguarding Adults Board`, reviewDate: c.date, dwpInvolvement: 'Chronology provided; attended the learning event.' };
      personal = { personName: c.person, caseReference: '' };
      break;
    default:
      ref = `OTH-${c.year}-${c.seq}`;
      title = `External report: ${c.finding}`;
      summary = `An external report notes that ${c.finding} and recommends the Department reviews its guidance.`;
      details = { type: 'other', sourceBody: c.pick(['NAO', 'PHSO', 'Select committee', 'Policy review'] as const), sourceDetail: 'Published report' };
  }
  return { ...base, ref, title, summary, details, personal };
}
