// Inputs for the minutes, tracker and Board report tests: realistic lengths, every optional part
// present somewhere, and references in the app's own form (SCP-2026-27-Q4-R07).
import type { BoardReportDocInput } from '../../templates/board/buildBoardReport';
import type { MinutesDocInput } from '../../templates/minutes/buildMinutes';
import type { Rag, TrackerDocInput } from '../../templates/tracker/buildTracker';

const THEMES = [
  'Contact lost with vulnerable claimants before payments stop',
  'Large arrears payments to vulnerable customers',
  'Additional-support markers not recorded',
  'Third-party and explicit-consent requests not acted on',
  'Appointee arrangements not reviewed',
  'Complaints not called back within the promised time',
  'Safeguarding referrals not followed up',
];
const DGS = ['Dana General', 'Evan Director', 'Fola Adeyemi', 'Gwen Price-Llewellyn', 'Hari Shah'];
const ref = (n: number) => `SCP-2026-27-Q4-R${String(n).padStart(2, '0')}`;

/** 5 standing items around `themeCount` theme items, each theme with several actions and recommendations. */
export function minutesInput(themeCount: number, draft: boolean): MinutesDocInput {
  let recNo = 0;
  const themes: MinutesDocInput['items'] = Array.from({ length: themeCount }, (_, i) => ({
    number: 0,
    title: `Theme ${i + 1}: ${THEMES[i % THEMES.length]}`,
    purpose: 'For decision',
    presenter: `${DGS[i % DGS.length]}, Director General`,
    summary: `The Director General introduced the theme paper, drawn from ${3 + i} anonymised reviews.\nMembers discussed how the pattern shows across benefit lines and what the service already does to prevent it.\n\nThe Independent Case Examiner noted similar findings in complaints reviewed this year.`,
    decisions: [`The panel agreed the theme ${i + 1} findings are systemic.`, 'The panel agreed to make the recommendations below.'],
    actions: Array.from({ length: 4 }, (_, a) => ({
      text: `Action ${i + 1}.${a + 1}: report back on the ${['guidance review', 'training uptake', 'data quality check', 'pilot results'][a]} for theme ${i + 1}`,
      owner: `${DGS[(i + a) % DGS.length]}`,
      due: a === 3 ? null : `2027-0${3 + a}-1${a}`,
    })),
    recommendations: Array.from({ length: 2 }, (_, r) => ({
      ref: ref(++recNo),
      text: `Recommendation ${recNo}: ensure staff ${r === 0 ? 'check for additional-support needs before any payment stops' : 'follow up every safeguarding referral within five working days'} (theme ${i + 1}).`,
      dg: r === 1 && i === 0 ? null : DGS[(i + r) % DGS.length],
      owner: `Deputy Director, ${['Service Design', 'Operations', 'Policy'][r % 3]}`,
      targetDate: r === 1 && i === 0 ? null : `2027-0${4 + r}-30`,
      themes: [THEMES[i % THEMES.length], ...(r === 1 ? [THEMES[(i + 1) % THEMES.length]] : [])],
    })),
    mattersArising: [],
  }));
  const standing = (title: string, purpose: string, extra: Partial<MinutesDocInput['items'][number]> = {}): MinutesDocInput['items'][number] => ({
    number: 0,
    title,
    purpose,
    presenter: 'Chris Chair',
    summary: '',
    decisions: [],
    actions: [],
    recommendations: [],
    mattersArising: [],
    ...extra,
  });
  const items = [
    standing('Welcome, apologies and declarations of interest', 'For information', { summary: 'The chair welcomed members and noted apologies and the declaration below.' }),
    standing('Minutes of the last meeting and matters arising', 'For decision', {
      decisions: ['The minutes of 11 November 2026 were approved as a true record.'],
      mattersArising: [
        { ref: 'A-2026-11-03', text: 'Share the revised safeguarding guidance with members', owner: 'Pat Secretary', due: '2026-12-01', status: 'Done' },
        { ref: 'A-2026-11-04', text: 'Bring the appointee data to this meeting', owner: 'Dana General', due: null, status: 'Open' },
      ],
    }),
    standing('Recommendations tracker update', 'For discussion', {
      summary: 'The secretariat presented the tracker. Two recommendations are overdue.',
      mattersArising: [
        { ref: 'SCP-2026-27-Q2-R03', text: 'Review how vulnerability markers are carried across systems', owner: 'Evan Director', due: '2026-10-31', status: 'In progress (overdue)' },
        // the longest single words the narrow columns hold
        { ref: 'SCP-2026-27-Q1-R02', text: 'Train all work coaches to act on additional-support markers', owner: 'Director, Learning and Development', due: '2027-05-31', status: 'Implemented' },
      ],
    }),
    ...themes,
    standing('Any other business', 'For discussion'),
    standing('Date of next meeting', 'For information', { summary: 'The next meeting will be held in May.' }),
  ].map((item, i) => ({ ...item, number: i + 1 }));
  return {
    panel: { date: '2027-02-10', startTime: '10:00', endTime: '12:30', format: 'hybrid', location: 'Caxton House, London', quarter: '2026-27 Q4' },
    marking: 'OFFICIAL-SENSITIVE',
    draft,
    approval: draft ? null : 'Approved by Chris Chair (chair) on 3 March 2027.',
    version: draft ? 1 : 2,
    corrections: draft ? [] : [{ version: 1, reason: 'the owner of action 4.2 was recorded wrongly', at: '2027-03-03' }],
    present: [
      { name: 'Chris Chair', role: 'Independent chair (NED)', organisation: 'Non-Executive Director', chair: true, arrivedAt: null, leftAt: null },
      { name: 'Ida Examiner', role: 'Independent Case Examiner', organisation: 'ICE Office', chair: false, arrivedAt: '10:40', leftAt: null },
      { name: 'Dana General', role: 'Director General', organisation: 'Service Excellence', chair: false, arrivedAt: null, leftAt: '11:50' },
      { name: 'Evan Director', role: 'Director General', organisation: 'Health, Disability and Housing', chair: false, arrivedAt: null, leftAt: null },
      { name: 'Fola Adeyemi', role: 'Director General', organisation: 'Change and Resilience', chair: false, arrivedAt: null, leftAt: null },
    ],
    deputies: [{ name: 'Quinn Deputy', forName: 'Pat Secretary', forRole: 'Permanent Secretary' }],
    apologies: [{ name: 'Hari Shah', role: 'Director General' }],
    inAttendance: [
      { name: 'Sam Secretariat', role: 'Secretariat' },
      { name: 'Olu Observer', role: 'Observer' },
    ],
    declarations: [{ name: 'Evan Director', item: 'Theme 2: Large arrears payments to vulnerable customers', interest: 'Led the arrears programme under review', action: 'Took no part in the decision' }],
    quorum: { met: true, text: 'The meeting was quorate: the chair and 6 members, of whom 3 are Directors General (Terms of Reference version 2).' },
    items,
    nextMeeting: { date: '2027-05-12', startTime: '10:00', endTime: '12:30', where: 'Caxton House, London, and online' },
  };
}

const RAGS: Rag[] = ['red', 'amber', 'green', 'green', 'amber', 'complete', 'none'];
const LONG_UPDATE =
  'The new check went live in two pilot sites in January. Early results show fewer payments stopped without contact, but the sample is small. The service design team is now adjusting the guidance for agents after feedback from the pilot, and training materials are being updated. A fuller evaluation will come to the panel in the spring, with the data on how many claimants were contacted before a suspension and how many of those contacts led to a change of decision.';

export function trackerInput(n: number): TrackerDocInput {
  return {
    marking: 'OFFICIAL-SENSITIVE',
    asOf: '2027-02-10',
    rows: Array.from({ length: n }, (_, i) => {
      const rag = RAGS[i % RAGS.length];
      const overdue = rag === 'red' && i % 2 === 0;
      return {
        ref: ref(i + 1),
        text: `Recommendation ${i + 1}: ${['make sure every claimant flagged as vulnerable is contacted before a payment stops', 'review large arrears payments before release', 'record additional-support needs in one place', 'act on third-party requests within five days'][i % 4]}.`,
        status: ['Accepted', 'In progress', 'Proposed'][i % 3],
        dg: i % 11 === 5 ? null : DGS[i % DGS.length],
        owner: `Deputy Director, ${['Service Design', 'Operations', 'Policy'][i % 3]}`,
        targetDate: i % 13 === 7 ? null : `2027-0${1 + (i % 9)}-15`,
        rag,
        overdue,
        daysOpen: 30 + i * 7,
        targetChanges: i % 5 === 1 ? 2 : i % 5 === 2 ? 1 : 0,
        escalation: rag === 'red' && !overdue ? 'Escalated to ministers' : null,
        latestUpdate: i % 6 === 3 ? null : { date: '2027-01-20', narrative: i % 4 === 0 ? LONG_UPDATE : `Update ${i + 1}: work on track; guidance drafted.`, author: 'Sam Secretariat' },
      };
    }),
  };
}

export function boardInput(): BoardReportDocInput {
  const byDg = [
    { dg: 'Dana General', made: 8, open: 10, implemented: 3, overdue: 4, escalated: 1 },
    { dg: 'Evan Director', made: 4, open: 5, implemented: 2, overdue: 0, escalated: 0 },
    { dg: 'Fola Adeyemi', made: 2, open: 2, implemented: 1, overdue: 2, escalated: 1 },
    { dg: 'Gwen Price-Llewellyn', made: 1, open: 0, implemented: 4, overdue: 0, escalated: 0 },
    { dg: 'Hari Shah', made: 3, open: 7, implemented: 0, overdue: 1, escalated: 0 },
  ];
  return {
    marking: 'OFFICIAL-SENSITIVE',
    quarter: '2026-27 Q4',
    period: { start: '2027-01-01', end: '2027-03-31' },
    asOf: '2027-03-31',
    totals: { made: 18, accepted: 15, implemented: 10, closed: 6, open: 24, overdue: 7, escalated: 2 },
    byDg,
    // 3 + 8 + 13 open, as the totals say
    byStatus: [
      { status: 'Proposed', count: 3 },
      { status: 'Accepted', count: 8 },
      { status: 'Not accepted', count: 1 },
      { status: 'In progress', count: 13 },
      { status: 'Implemented', count: 10 },
      { status: 'Closed', count: 6 },
    ],
    attention: [
      {
        ref: ref(3),
        text: 'Make sure every claimant flagged as vulnerable is contacted before a payment stops, and record the contact and its outcome on the claimant’s record.',
        dg: 'Dana General',
        owner: 'Deputy Director, Operations',
        targetDate: '2026-12-31',
        status: 'In progress',
        overdueDays: 90,
        escalation: 'Escalated to ministers',
        narrative: 'Narrative A: the system change needed is in the March release, which slipped.\nThe Board is asked to note the new date of 30 June 2027.',
      },
      { ref: ref(8), text: 'Review large arrears payments before release.', dg: 'Fola Adeyemi', owner: 'Deputy Director, Payments', targetDate: '2027-02-28', status: 'Accepted', overdueDays: 31, escalation: null, narrative: 'Narrative B: a pilot found the review step added five days; the team is reworking it.' },
      { ref: ref(11), text: 'Record additional-support needs in one place.', dg: null, owner: 'Deputy Director, Service Design', targetDate: null, status: 'Proposed', overdueDays: null, escalation: 'Escalated to the Secretary of State', narrative: 'Narrative C: no Director General has accepted accountability; the Board is asked to assign one.' },
    ],
    made: Array.from({ length: 6 }, (_, i) => ({ ref: ref(20 + i), text: `Recommendation made this quarter number ${i + 1}: act on third-party requests within five days.`, dg: i === 2 ? null : byDg[i % byDg.length].dg, targetDate: i === 4 ? null : '2027-09-30', panelDate: '2027-02-10' })),
    implemented: [
      { ref: 'SCP-2026-27-Q1-R02', text: 'Publish the safeguarding escalation route for agents.', dg: 'Evan Director', on: '2027-01-15' },
      { ref: 'SCP-2026-27-Q2-R05', text: 'Add a vulnerability prompt to the telephony script.', dg: 'Gwen Price-Llewellyn', on: '2027-03-02' },
    ],
  };
}
