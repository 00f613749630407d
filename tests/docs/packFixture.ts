// Input for the panel pack tests: three theme papers (one with more evidence than the pack shows,
// one with no recommendations, one with no evidence), the tracker and previous minutes from the
// meeting fixtures, and references in the app's own form.
import type { PackDocInput } from '../../templates/pack/buildPack';
import { minutesInput, trackerInput } from './meetingFixtures';

const SOURCES = ['Serious case review', 'ICE complaint', 'Prevention of Future Deaths report', 'Internal process review'];
const QUARTERS = ['2025-26 Q3', '2025-26 Q4', '2026-27 Q1', '2026-27 Q2', '2026-27 Q3'];
const LONG_SUMMARY =
  'The claimant, recorded as needing additional support, was not contacted before their payment stopped. Three letters were sent to an old address and the phone number on file had not been checked. The review found that agents could not see the support marker on the screen they used to stop the payment, and that guidance did not say to try other contact routes first. The case examiner found the same gap in two complaints this year.';

const evidence = (theme: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    ref: `EV-2026-${String(theme * 100 + i + 1).padStart(4, '0')}`,
    type: SOURCES[(theme + i) % SOURCES.length],
    receivedOn: `2026-${String(1 + ((i * 2) % 12)).padStart(2, '0')}-1${i % 10}`,
    title: `Evidence ${theme}.${i + 1}: ${['payment stopped without contact', 'arrears paid without a check', 'support marker missing'][i % 3]}`,
    summary: i === 0 ? LONG_SUMMARY : `Summary of evidence ${theme}.${i + 1}: the pattern seen in this review, with names and identifiers removed.`,
  }));

export function packInput(draft: boolean): PackDocInput {
  const previous = minutesInput(2, false);
  return {
    panel: { date: '2027-05-12', startTime: '10:00', endTime: '12:30', format: 'hybrid', location: 'Caxton House, London', quarter: '2027-28 Q1' },
    marking: 'OFFICIAL-SENSITIVE',
    draft,
    agendaApproval: draft ? null : 'Approved by Chris Chair on 28 April 2027.',
    invited: [
      { name: 'Chris Chair', role: 'Independent chair (NED)', organisation: 'Non-Executive Director' },
      { name: 'Ida Examiner', role: 'Independent Case Examiner', organisation: 'ICE Office' },
      { name: 'Dana General', role: 'Director General', organisation: 'Service Excellence' },
      { name: 'Evan Director', role: 'Director General', organisation: 'Health, Disability and Housing' },
    ],
    agenda: [
      { number: 1, title: 'Welcome, apologies and declarations of interest', purpose: 'For information', presenter: 'Chris Chair', startsAt: '10:00', endsAt: '10:10', minutes: 10, papers: [] },
      { number: 2, title: 'Minutes of the last meeting and matters arising', purpose: 'For decision', presenter: 'Chris Chair', startsAt: '10:10', endsAt: '10:25', minutes: 15, papers: [] },
      { number: 3, title: 'Recommendations tracker update', purpose: 'For discussion', presenter: 'Sam Secretariat', startsAt: '10:25', endsAt: '10:45', minutes: 20, papers: ['Tracker commentary.pdf'] },
      { number: 4, title: 'Contact lost with vulnerable claimants before payments stop', purpose: 'For decision', presenter: 'Dana General', startsAt: '10:45', endsAt: '11:15', minutes: 30, papers: ['Contact lost - data annex.xlsx', 'Contact lost - process map.pdf'] },
      { number: 5, title: 'Large arrears payments to vulnerable customers', purpose: 'For discussion', presenter: 'Evan Director', startsAt: '11:15', endsAt: '11:45', minutes: 30, papers: [] },
      { number: 6, title: 'Appointee arrangements not reviewed', purpose: 'For information', presenter: null, startsAt: '11:45', endsAt: '12:15', minutes: 30, papers: [] },
      { number: 7, title: 'Any other business', purpose: 'For discussion', presenter: 'Chris Chair', startsAt: '12:15', endsAt: '12:30', minutes: 15, papers: [] },
    ],
    themePapers: [
      {
        itemNumber: 4,
        title: 'Contact lost with vulnerable claimants before payments stop',
        description: 'Claimants flagged as needing additional support lose contact with the department, and their payments are stopped before anyone reaches them.\nThe theme was first raised by the Independent Case Examiner.',
        owner: 'Dana General',
        why: 'Two new serious case reviews since the last panel show the same pattern; the panel is asked to agree recommendations.',
        bySource: [
          { label: 'Serious case review', count: 9 },
          { label: 'ICE complaint', count: 4 },
          { label: 'Prevention of Future Deaths report', count: 1 },
        ],
        byQuarter: QUARTERS.map((quarter, i) => ({ quarter, count: [1, 3, 0, 6, 4][i] })),
        firstEvidence: '2025-10-14',
        latestEvidence: '2027-03-02',
        evidence: evidence(1, 10),
        evidenceTotal: 14,
        recommendations: [
          { ref: 'SCP-2026-27-Q4-R01', text: 'Check for additional-support needs before any payment stops.', status: 'Accepted', targetDate: '2027-06-30', rag: 'amber' },
          { ref: 'SCP-2026-27-Q2-R03', text: 'Carry vulnerability markers across systems.', status: 'In progress', targetDate: '2026-10-31', rag: 'red' },
          { ref: 'SCP-2026-27-Q1-R02', text: 'Train all work coaches to act on additional-support markers.', status: 'Implemented', targetDate: '2026-09-30', rag: 'complete' },
        ],
      },
      {
        itemNumber: 5,
        title: 'Large arrears payments to vulnerable customers',
        description: 'Large arrears are paid in one sum to customers at risk of harm, without a check on their circumstances.',
        owner: null,
        why: 'The theme is emerging: 3 items of evidence since it was opened.',
        bySource: [{ label: 'Internal process review', count: 3 }],
        byQuarter: [{ quarter: '2026-27 Q3', count: 3 }],
        firstEvidence: '2026-11-03',
        latestEvidence: '2026-12-19',
        evidence: evidence(2, 3),
        evidenceTotal: 3,
        recommendations: [],
      },
      {
        itemNumber: 6,
        title: 'Appointee arrangements not reviewed',
        description: 'Appointees act for claimants for years without the arrangement being reviewed.',
        owner: 'Evan Director',
        why: 'Opened at the last panel; evidence is being gathered.',
        bySource: [],
        byQuarter: [],
        firstEvidence: null,
        latestEvidence: null,
        evidence: [],
        evidenceTotal: 0,
        recommendations: [],
      },
    ],
    tracker: trackerInput(12).rows,
    previousMinutes: previous,
    actionLog: [
      { text: 'Share the revised safeguarding guidance with members', owner: 'Pat Secretary', due: '2027-03-01', status: 'Done', panelDate: '2027-02-10' },
      { text: 'Bring the appointee data to this meeting', owner: 'Evan Director', due: null, status: 'Open', panelDate: '2027-02-10' },
      { text: 'Report back on the pilot results for theme 1', owner: 'Dana General', due: '2027-04-15', status: 'Overdue', panelDate: '2026-11-11' },
    ],
    annexes: [
      { itemNumber: 4, fileName: 'Contact lost - process map.pdf', bytes: 1_572_864 },
      { itemNumber: 3, fileName: 'Tracker commentary.pdf', bytes: 348_160 },
      { itemNumber: 4, fileName: 'Contact lost - data annex.xlsx', bytes: 52_224 },
    ],
  };
}

/**
 * A built pack's XML with its bookmarks and pictures renumbered from 1, as two builds number them
 * on from the last document built: so two packs can be compared.
 */
export function renumberedIds(xml: string): string {
  const seen = new Map<string, number>();
  return xml.replace(/(_Toc|w:id="| id=")(\d+)/g, (_, kind: string, n: string) => `${kind}${seen.get(kind + n) ?? seen.set(kind + n, seen.size + 1).get(kind + n)}`);
}

/**
 * A full panel pack: twelve theme papers of 25 evidence rows each, a 300-row tracker, the previous
 * minutes and a long action log, the last entry of which has soft hyphens, combining marks and
 * East Asian text.
 */
export function fullPackInput(): PackDocInput {
  const base = packInput(false);
  const paper = base.themePapers[0];
  const quarters = Array.from({ length: 12 }, (_, i) => `${2024 + Math.floor((i + 2) / 4)}-${String(25 + Math.floor((i + 2) / 4)).slice(-2)} Q${((i + 2) % 4) + 1}`);
  const evidence = (n: number) =>
    Array.from({ length: 25 }, (_, i) => ({ ...paper.evidence[i % paper.evidence.length], ref: `EV-2027-${String(n * 100 + i + 1).padStart(5, '0')}` }));
  return {
    ...base,
    themePapers: Array.from({ length: 12 }, (_, n) => ({
      ...paper,
      itemNumber: n + 4,
      title: `${paper.title} (${n + 1})`,
      byQuarter: quarters.map((quarter, i) => ({ quarter, count: (i * (n + 3)) % 11 })),
      evidence: evidence(n),
      evidenceTotal: 25 + n,
    })),
    tracker: trackerInput(300).rows,
    actionLog: Array.from({ length: 120 }, (_, i) => ({
      text:
        i === 119
          ? 'Action 120: re\u00ADview the safe\u00ADguard\u00ADing guid\u00ADance with the cafe\u0301 and na\u0308ive claimants\u2019 cases, and the 社会保障 (social security) and 복지 (welfare) translations.'
          : `Action ${i + 1}: bring the evaluation of the new contact check to the next panel, with the figures by region.`,
      owner: ['Dana General', 'Evan Director', 'Sam Secretariat'][i % 3],
      due: i % 7 === 3 ? null : `2027-0${1 + (i % 9)}-2${i % 8}`,
      status: ['Open', 'Done', 'Overdue'][i % 3],
      panelDate: `2026-0${1 + (i % 9)}-12`,
    })),
  };
}
