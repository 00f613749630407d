// Two years of held panels for the demonstration: agendas approved by the chair, meetings minuted
// item by item, minutes approved (one corrected), and a tracker of recommendations whose histories
// run quarter by quarter up to today. Everything goes through the real handlers on a clock that is
// moved forward step by step, so dates, derived state, locks and the audit log are all genuine.
import { financialQuarterOf, fyLabel } from '#shared/calendar/financialYear';
import { addCalendarDays } from '#shared/calendar/workingDays';
import type { Identity } from '#shared/domain/identity';
import type { Meeting, MeetingItem } from '#shared/domain/meeting';
import type { Panel } from '#shared/domain/panels';
import type { EscalationLevel, RecStatus, RecUpdateInput } from '#shared/domain/recommendations';
import { formatDateLong, londonToday } from '#shared/format';
import { CHANNELS, type ScpApi } from '#shared/ipc/contract';
import type { Result } from '#shared/ipc/result';
import type { HandlerContext } from '../handlers/context';
import { handlers } from '../handlers/index';
import { dispatch } from '../ipc/dispatch';
import { DEMO_TOPICS, seeded } from './register';

const SECRETARIAT: Identity = { name: 'Jamie Lewis', role: 'secretariat' };
const MINUTE_TAKER: Identity = { name: 'Chloe Evans', role: 'minute-taker' };
const CHAIR: Identity = { name: 'Helen Marsh', role: 'chair' };
const CHAIR_CONFIRMS = 'Helen Marsh (chair), for the panel';
const [SW, TO, AD, GP, LB, MH, FG, OC, RA] = ['Sarah Whitfield', 'Tom Okafor', 'Anita Desai', 'Graham Pryce', 'Lucy Brennan', 'Marcus Hale', 'Fiona Grant', 'Owen Clarke', 'Ruth Adeyemi'];

type Fate = 'proposed' | 'not-accepted' | 'accepted' | 'in-progress' | 'implemented' | 'closed' | 'reopened';
interface RecSpec {
  text: string;
  dg: string;
  owner: string;
  /** target: the end of the month this many months after the panel */
  months: number;
  fate: Fate;
  /** what is being delivered, for the quarterly progress notes */
  work: string;
  /** target moves: new month count (from the panel) and why */
  moves?: [number, string][];
  reason?: string;
  /** quarterly progress notes in order, where the stock ones would not fit */
  notes?: string[];
  /** why it has not started or not been decided yet */
  waiting?: string;
  evidence?: string;
  confirmedBy?: string;
  reopen?: [number, string];
  /** [held panel number (1-8), level, reason]: recorded the day of that panel */
  escalate?: [number, EscalationLevel, string][];
}
interface ActionSpec {
  text: string;
  owner: string;
  weeks: number;
  fate?: 'open' | 'early' | 'dropped';
  note?: string;
}
interface ItemSpec {
  topic: number;
  presenter: string;
  minutes: number;
  review?: boolean;
  notes: string;
  decisions: string[];
  actions: ActionSpec[];
  recs: RecSpec[];
}
interface PanelSpec {
  apologies: string[];
  deputy: [string, string];
  late: [string, string];
  leftEarly?: [string, string];
  declaration?: { member: string; topic: number; interest: string; actionTaken: string };
  /** the chair returns the draft agenda once; the secretariat gives the item more time */
  returned?: { comment: string; topic: number; minutes: number };
  /** at this meeting the previous minutes are found wanting: a second version adds a sentence to one item */
  correction?: { topic: number; raised: string; reason: string; addition: string };
  tracker?: string;
  aob?: string;
  items: ItemSpec[];
}

const PANELS: PanelSpec[] = [
  {
    apologies: [MH], deputy: [FG, 'Alison Reid, Director of HR Operations'], late: [OC, '10:35'],
    tracker: 'This is the first meeting recorded in the new tracker; recommendations from earlier meetings remain in the previous log and are being migrated.',
    items: [
      { topic: 10, presenter: GP, minutes: 25, notes: 'The DG for Retirement, Services and Digital presented evidence that requests for home visits from housebound claimants were waiting up to three months, and some were closed without a visit. Frontline feedback showed visiting teams did not see referrals raised by other benefit lines. The panel noted that the delay fell hardest on older claimants without phone or online access, and agreed the problem lies in the referral routes rather than in individual teams.',
        decisions: ['The panel agreed the theme is systemic and that one referral route for home visits should serve every benefit line.'],
        actions: [{ text: 'Provide data on the age of outstanding home visit requests, by benefit line', owner: GP, weeks: 6 }],
        recs: [
          { text: 'Introduce a single referral route for home visits used by every benefit line, with a service standard for the time from request to visit.', dg: GP, owner: 'Director, Pension Service Operations', months: 8, fate: 'closed', work: 'the single visiting referral route', moves: [[10, 'the referral form had to be rebuilt for two older benefit systems']], evidence: 'Single referral route live in all areas; an internal audit sample of 60 referrals found the service standard met in 55.' },
          { text: 'Report monthly to the DG on home visit requests waiting more than four weeks, by area.', dg: GP, owner: 'Head of Visiting Performance', months: 4, fate: 'closed', work: 'the monthly visiting report', evidence: 'Monthly report issued since March 2025; reviewed at the DG performance meeting.', confirmedBy: 'Graham Pryce, DG Retirement, Services and Digital' },
        ] },
      { topic: 1, presenter: GP, minutes: 25, notes: 'The panel considered internal reviews in which large arrears payments were released without any check of the claimant’s circumstances. In several reviews the payment followed a long period without contact, and no support was offered alongside it. The ICE noted that complaints on this issue were rising. Members agreed that a welfare check before release must be quick and proportionate, so that payments owed are not delayed.',
        decisions: ['The panel agreed that arrears payments above a threshold should trigger a welfare check before release.'],
        actions: [{ text: 'Propose a threshold for the large-payment welfare check, with the expected volumes', owner: MH, weeks: 8 }],
        recs: [
          { text: 'Introduce a welfare check before any arrears payment above an agreed threshold is released to a claimant flagged as needing additional support.', dg: GP, owner: 'Director, Payment Services', months: 8, fate: 'closed', work: 'the large-payment welfare check', moves: [[11, 'the threshold needed agreement with Finance and a change to the payment system']], evidence: 'Welfare check live nationally; management information shows checks completed within two working days in nine cases out of ten.' },
          { text: 'Publish staff guidance on offering support and signposting when a large arrears payment is made.', dg: GP, owner: 'Head of Operational Guidance', months: 6, fate: 'closed', work: 'the large-payment guidance', evidence: 'Guidance published on the staff intranet and included in team briefings in every region.' },
        ] },
      { topic: 5, presenter: SW, minutes: 20, notes: 'The DG for Service Excellence reported that promised callbacks on complaints were missed in a significant minority of cases, and that urgent complaints were not always lifted out by triage. The ICE said his office saw the same pattern in complaints referred to it. The panel discussed whether the two working-day callback standard is realistic at peak times.',
        decisions: ['The panel asked for a triage standard that identifies urgent and vulnerable complainants on the day a complaint is received.'],
        actions: [{ text: 'Share the complaints triage prompts with the ICE’s office for comment', owner: SW, weeks: 4, fate: 'early' }],
        recs: [
          { text: 'Add a same-day vulnerability triage step to the single-tier complaints process, with a named escalation route to a Safeguarding Lead.', dg: SW, owner: 'Director, Customer Experience', months: 7, fate: 'implemented', work: 'the same-day triage step', moves: [[12, 'the complaints system supplier could not make the change until the autumn release'], [20, 'the autumn release was deferred and the change moved to the next one']], evidence: 'Triage step live in all complaint teams; internal audit review of its use is scheduled.' },
          { text: 'Extend the complaints callback standard so that every complainant is called within one working day.', dg: SW, owner: 'Director, Customer Experience', months: 6, fate: 'not-accepted', work: '', reason: 'A universal one-day callback would divert staff from urgent cases. The same-day triage step recommended at this meeting targets the complainants at risk instead.' },
        ] },
    ],
  },
  {
    apologies: [LB, GP], deputy: [RA, 'Neil Foster, Second Permanent Secretary'], late: [AD, '10:20'],
    items: [
      { topic: 0, presenter: TO, minutes: 30, notes: 'The DG for Work and Health Services presented internal process reviews in which payments were suspended after failed contact with claimants known to be vulnerable. In most of them no case conference was held and the case was not escalated to a Safeguarding Lead before payment stopped. The guidance exists but is spread across several documents and is hard to find under pressure. Members stressed that stopping payment must be the last step, not the first.',
        decisions: ['The panel agreed that no payment to a claimant flagged as vulnerable should be suspended for lost contact until a case conference has been held and a Safeguarding Lead consulted.'],
        actions: [
          { text: 'Map the current guidance on lost contact across all benefit lines', owner: TO, weeks: 6 },
          { text: 'Confirm how many suspensions for lost contact involve a claimant flagged as vulnerable', owner: AD, weeks: 8 },
        ],
        recs: [
          { text: 'Issue single cross-benefit guidance on the steps required before payments are stopped when contact with a vulnerable claimant is lost, including a case conference and escalation to a Safeguarding Lead.', dg: TO, owner: 'Director, Work and Health Operations', months: 6, fate: 'closed', work: 'the lost-contact guidance', moves: [[9, 'consultation with the Safeguarding Leads network took longer than planned']], evidence: 'Guidance published and briefed to all teams; the first quarterly audit found the case conference step recorded in most sampled suspensions.' },
          { text: 'Add a system prompt that stops a suspension for lost contact being completed until the case conference has been recorded.', dg: AD, owner: 'Director, Universal Credit Digital', months: 9, fate: 'in-progress', work: 'the lost-contact system prompt',
            notes: ['Design of the prompt is complete; the build needs a slot in a payment system release.', 'The build is planned for the autumn payment system release, if that release goes ahead.', 'No change: the release that would carry the prompt is still unfunded.', 'The Secretary of State has asked officials for funding options; there is no build date yet.'],
            moves: [[13, 'the change depends on a wider release of the payment system'], [19, 'funding for the wider release has not yet been agreed']],
            escalate: [[5, 'panel', 'The target date has moved once and the new date still depends on an unfunded release.'], [7, 'secretary-of-state', 'Two target dates missed; delivery depends on funding for the payment system release that the Department has not been able to agree. The panel asked the Secretary of State to decide on the funding.']] },
          { text: 'Audit a sample of suspensions for lost contact each quarter and report the results to the panel.', dg: SW, owner: 'Head of Quality Assurance', months: 5, fate: 'closed', work: 'the quarterly lost-contact audit', evidence: 'First two quarterly audits completed and reported to the panel; the audit is now part of the standing quality plan.', confirmedBy: 'Sarah Whitfield, DG Service Excellence' },
        ] },
      { topic: 8, presenter: TO, minutes: 25, notes: 'The panel considered evidence that claims were disallowed after a missed health assessment without a check of why the claimant did not attend. Several coroners’ reports raised letters sent to an old address and no home assessment offered to a housebound claimant. Members noted that the assessment providers and the Department each assumed the other had made the good-cause check.',
        decisions: ['The panel agreed that a good-cause check must be completed and recorded by the Department before any disallowance for non-attendance.'],
        actions: [{ text: 'Agree with the assessment providers who records attempts at contact after a missed appointment', owner: TO, weeks: 10 }],
        recs: [
          { text: 'Require a recorded good-cause check, including at least two attempts at contact, before a claim is disallowed for a missed health assessment.', dg: TO, owner: 'Director, Health Assessment Services', months: 6, fate: 'closed', work: 'the good-cause check', evidence: 'Process changed and recorded on the claim; disallowances for non-attendance fell by a third in the following quarter.' },
          { text: 'Offer a home or telephone assessment automatically where the claim record shows the claimant is housebound.', dg: TO, owner: 'Head of Assessment Contracts', months: 9, fate: 'reopened', work: 'the automatic home assessment offer',
            notes: ['The offer has been specified with the assessment providers.', 'The providers have changed their booking scripts; a test in two areas is under way.', 'The offer is being rolled out to all assessment centres.', 'The providers’ revised booking process is being tested against the assurance findings.', 'Monthly checks show the offer made in more cases; the providers are retraining booking staff.'],
            reopen: [22, 'Assurance found the offer was not made in about a quarter of sampled cases; reopened while the providers fix their booking process.'] },
        ] },
    ],
  },
  {
    apologies: [FG], deputy: [MH, 'Priti Shah, Director of Financial Planning'], late: [LB, '10:45'],
    declaration: { member: OC, topic: 3, interest: 'His office is examining complaints that touch on explicit consent, and he may be asked to rule on cases affected by recommendations under this item.', actionTaken: 'He contributed to the discussion but took no part in agreeing the recommendations under this item.' },
    returned: { comment: 'Please give the safeguarding referrals item thirty minutes; it is the main item.', topic: 6, minutes: 30 },
    items: [
      { topic: 6, presenter: TO, minutes: 25, notes: 'The panel considered reviews in which staff identified a risk to an adult but no referral was made to the local authority safeguarding team. Staff told the Safeguarding Leads network they were unsure whether a referral needed the claimant’s consent. The panel noted that referral rates vary several-fold between areas with similar caseloads.',
        decisions: ['The panel agreed that guidance on referral without consent, where there is a risk to life, is needed and should be agreed with local authority partners.'],
        actions: [{ text: 'Obtain safeguarding referral data by area from the Safeguarding Leads network', owner: TO, weeks: 8, fate: 'early' }],
        recs: [
          { text: 'Publish guidance, agreed with local authority partners, on when staff must make a safeguarding referral without the claimant’s consent.', dg: TO, owner: 'Head of Safeguarding Policy', months: 9, fate: 'in-progress', work: 'the referral-without-consent guidance', moves: [[14, 'local authority partners asked for a further round of consultation']] },
          { text: 'Record every safeguarding referral on the claim, so that later staff can see that one was made.', dg: AD, owner: 'Director, Universal Credit Digital', months: 14, fate: 'implemented', work: 'the referral record on the claim', evidence: 'Referral field live on Universal Credit and legacy benefit systems.' },
        ] },
      { topic: 3, presenter: SW, minutes: 25, notes: 'The DG for Service Excellence presented complaints and reviews where concerns raised by representatives with explicit consent, including advisers and family members, were not recorded or acted on. In several cases the warning about risk came from a third party and was not passed to the team handling the claim. The panel discussed whether explicit consent rules were being applied too narrowly.',
        decisions: ['The panel agreed that any concern about risk raised by a third party must be recorded and passed on, whether or not explicit consent is in place.'],
        actions: [{ text: 'Review the explicit consent guidance with advice organisations', owner: LB, weeks: 12, fate: 'dropped', note: 'Superseded by the guidance change recommended under this item.' }],
        recs: [
          { text: 'Change guidance so that a concern about risk raised by any third party is recorded and acted on, whether or not explicit consent is in place.', dg: SW, owner: 'Head of Customer Experience Policy', months: 5, fate: 'closed', work: 'the third-party concerns guidance', evidence: 'Guidance changed and briefed; advice organisations confirmed concerns are now recorded more consistently.' },
          { text: 'Give representatives with explicit consent a direct telephone route to the team handling the claim.', dg: AD, owner: 'Director, Universal Credit Operations', months: 8, fate: 'not-accepted', work: '', reason: 'A direct route to every team could not be staffed safely. The existing escalation line for advisers will be extended instead.' },
        ] },
      { topic: 1, presenter: GP, minutes: 15, review: true, notes: 'The DG reported on the welfare check before large arrears payments, which is being introduced in two regions first. Early results show most checks completed within two working days. The panel asked that the check also cover arrears arising from disability benefit reviews.',
        decisions: ['The panel noted the progress and agreed the theme should move to monitoring once the national roll-out is complete.'],
        actions: [{ text: 'Circulate the early results of the welfare check to members', owner: GP, weeks: 4, fate: 'early' }],
        recs: [
          { text: 'Extend the large-payment welfare check to arrears arising from disability benefit reviews.', dg: GP, owner: 'Director, Payment Services', months: 6, fate: 'closed', work: 'the extended welfare check', evidence: 'Check extended to review arrears from the autumn; management information reviewed by the DG.' },
        ] },
    ],
  },
  {
    apologies: [RA], deputy: [GP, 'Colin Baxter, Director of Pension Service Operations'], late: [TO, '10:15'],
    aob: 'The secretariat reminded members that papers for the next meeting are due three weeks before it.',
    items: [
      { topic: 5, presenter: SW, minutes: 20, review: true, notes: 'The DG updated the panel on the same-day triage step for complaints. The ICE reported fewer cases reaching his office where a callback had been missed, but said complaints closed without any contact with the complainant remain common. Members asked for the closure standard to be tightened.',
        decisions: ['The panel agreed that a complaint should not be closed without a recorded attempt to contact the complainant.'],
        actions: [{ text: 'Report how many complaints are closed without contact, by service area', owner: SW, weeks: 8 }],
        recs: [
          { text: 'Require at least one recorded attempt at contact before a complaint is closed, with any exception approved by a team leader.', dg: SW, owner: 'Director, Customer Experience', months: 4, fate: 'closed', work: 'the complaint closure standard', evidence: 'Closure standard in the complaints procedure; the quarterly check found contact attempted before closure in almost all sampled cases.' },
        ] },
      { topic: 8, presenter: TO, minutes: 25, review: true, notes: 'The panel reviewed the first quarter of the good-cause check. Disallowances for non-attendance had fallen, but letters were still sent to old addresses where a change had been reported on another benefit. Members agreed the underlying problem is that changes of address are not shared between systems.',
        decisions: ['The panel agreed that changes of address reported on one benefit must reach every other benefit the claimant receives.'],
        actions: [{ text: 'Report the volume of letters returned undelivered, by benefit line', owner: GP, weeks: 8 }],
        recs: [
          { text: 'Share reported changes of address across benefit systems within five working days.', dg: GP, owner: 'Director, Digital Data Services', months: 12, fate: 'in-progress', work: 'address-change sharing', moves: [[14, 'testing found mismatched records on two legacy systems']] },
        ] },
      { topic: 2, presenter: AD, minutes: 30, notes: 'The DG for Universal Credit presented evidence that claimants who need additional support are often not flagged, so later staff cannot see the need. In some cases the need was written in the claim notes but not set as a marker; in others the marker was lost when the claim moved to Universal Credit. The panel noted that a marker is only useful if staff act on it.',
        decisions: ['The panel agreed that markers must survive a move between benefits and that staff should be prompted to set them.'],
        actions: [{ text: 'Quantify how many additional-support markers were lost at migration', owner: AD, weeks: 8 }],
        recs: [
          { text: 'Carry additional-support markers across when a claim moves to Universal Credit, and review any that cannot be carried.', dg: AD, owner: 'Director, Move to Universal Credit', months: 6, fate: 'closed', work: 'marker carry-across', evidence: 'Markers carried across for all moves since January; the review list of markers that could not be carried is cleared weekly.' },
          { text: 'Prompt staff to set an additional-support marker whenever a support need is written in the claim notes.', dg: AD, owner: 'Director, Universal Credit Digital', months: 9, fate: 'accepted', work: 'the marker prompt', waiting: 'design capacity is committed to the lost-contact prompt, which has priority',
            escalate: [[8, 'panel', 'Accepted a year ago with no work started; the panel asked the DG for a start date.']] },
          { text: 'Train all work coaches to act on additional-support markers, as part of the core learning curriculum.', dg: FG, owner: 'Director, Learning and Development', months: 8, fate: 'implemented', work: 'the marker training module', evidence: 'Module added to the core curriculum; completion stands at most work coaches and is rising.' },
        ] },
    ],
  },
  {
    apologies: [MH, FG], deputy: [LB, 'Kieran Walsh, Director of Safeguarding Policy'], late: [SW, '10:25'],
    correction: {
      topic: 8,
      raised: 'The ICE asked that the note of the item on health assessments at that meeting also record that the assessment providers had been asked to report on letters sent to old addresses; the panel agreed, and the correction will be made as a new version of those minutes.',
      reason: 'the note on health assessments should record that the assessment providers were also asked to report on letters sent to old addresses.',
      addition: 'The assessment providers have also been asked to report on letters sent to old addresses.',
    },
    tracker: 'The panel escalated to itself the delay to the system prompt for lost-contact suspensions, whose target date has already had to move.',
    items: [
      { topic: 0, presenter: TO, minutes: 30, review: true, notes: 'The DG reported that the single lost-contact guidance had been published and quarterly audits had begun. The first audit found the case conference step recorded in most but not all sampled suspensions. The system prompt is delayed because it depends on a wider release, and members expressed concern at the delay.',
        decisions: ['The panel agreed to keep the delayed system prompt under its own scrutiny and to seek a firm delivery date.'],
        actions: [{ text: 'Bring a firm delivery date for the lost-contact system prompt to the next meeting', owner: AD, weeks: 10, note: 'A date was given, dependent on funding; see the tracker.' }],
        recs: [
          { text: 'Include suspensions for lost contact in the monthly Safeguarding Leads assurance return.', dg: SW, owner: 'Head of Safeguarding Assurance', months: 4, fate: 'closed', work: 'the assurance return change', evidence: 'Lost-contact suspensions reported in every monthly return since March.' },
          { text: 'Set a maximum time a payment may stay suspended for lost contact before a home visit is arranged.', dg: TO, owner: 'Director, Work and Health Operations', months: 8, fate: 'not-accepted', work: '', reason: 'A fixed maximum could force visits where other contact is already under way. The DG will instead require a Safeguarding Lead review of every suspension at four weeks.' },
        ] },
      { topic: 6, presenter: TO, minutes: 25, review: true, notes: 'The DG presented the draft guidance on referral without consent. Local authority partners had welcomed it but asked for a single point of contact in each area. Members discussed how to measure whether referrals are now made when they should be.',
        decisions: ['The panel endorsed the draft guidance, subject to the comments from local authority partners.'],
        actions: [{ text: 'Agree a single point of contact for safeguarding referrals with each local authority', owner: TO, weeks: 14 }],
        recs: [
          { text: 'Name a single point of contact for safeguarding referrals in every jobcentre district, and publish the list to local authority partners.', dg: TO, owner: 'Head of Safeguarding Operations', months: 5, fate: 'in-progress', work: 'the list of district contacts', moves: [[8, 'several districts are restructuring and cannot yet name a contact']] },
          { text: 'Measure safeguarding referral rates by district and report the variation to the panel twice a year.', dg: SW, owner: 'Head of Performance and Analysis', months: 6, fate: 'in-progress', work: 'the referral-rate measure', moves: [[14, 'the referral record on the claim is needed first, so the measure follows it']] },
          { text: 'Add safeguarding referrals to the learning every new starter completes in their first month.', dg: FG, owner: 'Director, Learning and Development', months: 6, fate: 'closed', work: 'the new-starter module', evidence: 'Module in the induction programme since April; completion is tracked in the learning system.' },
        ] },
    ],
  },
  {
    apologies: [LB], deputy: [TO, 'Rachel Moss, Director of Work and Health Operations'], late: [MH, '10:30'],
    aob: 'The chair thanked the secretariat for migrating the earlier recommendations log.',
    items: [
      { topic: 2, presenter: AD, minutes: 25, review: true, notes: 'The DG reported that markers are now carried across at migration, with a review list for those that cannot be. The prompt to set markers from the claim notes has not started. Members asked how staff are expected to act on a marker once it is set.',
        decisions: ['The panel asked for practical guidance on what staff should do differently when a marker is present.'],
        actions: [{ text: 'Circulate examples of good practice in acting on markers from the Safeguarding Leads network', owner: AD, weeks: 6, fate: 'open' }],
        recs: [
          { text: 'Publish a short guide for staff on adjusting contact, deadlines and conditionality when an additional-support marker is present.', dg: AD, owner: 'Head of Universal Credit Guidance', months: 5, fate: 'in-progress', work: 'the staff guide on markers', moves: [[10, 'the guide is being tested with work coaches before publication']] },
          { text: 'Check a sample of claims with markers each quarter to see whether the adjustments were made.', dg: SW, owner: 'Head of Quality Assurance', months: 6, fate: 'accepted', work: 'the marker quality check', waiting: 'the check will start once the staff guide it tests against is published' },
        ] },
      { topic: 10, presenter: GP, minutes: 15, review: true, notes: 'The DG presented evidence that the single visiting referral route is working: the median wait for a home visit has fallen from eleven weeks to three. Frontline feedback is positive. The panel agreed the theme can be closed, with visiting waits kept in the regular performance report.',
        decisions: ['The panel agreed to close the theme and to keep waits for home visits in the quarterly performance report.'],
        actions: [{ text: 'Add waits for home visits to the quarterly performance report', owner: GP, weeks: 6, fate: 'early' }],
        recs: [
          { text: 'Keep the time to a home visit in the quarterly performance report to the Executive Team.', dg: GP, owner: 'Head of Visiting Performance', months: 3, fate: 'closed', work: 'the performance report measure', evidence: 'Measure included in the quarterly performance report from the first quarter.', confirmedBy: 'Graham Pryce, DG Retirement, Services and Digital' },
        ] },
      { topic: 3, presenter: SW, minutes: 25, review: true, notes: 'The panel reviewed the first months of the revised third-party guidance. Advice organisations reported that concerns are now recorded more consistently, but that callbacks to advisers are slow. The ICE observed that he still sees cases where a third party’s warning was recorded but not acted on.',
        decisions: ['The panel agreed that recording a concern is not enough and asked for a check that third-party concerns lead to action.'],
        actions: [{ text: 'Ask advice organisations for their experience of the revised third-party guidance', owner: SW, weeks: 10 }],
        recs: [
          { text: 'Add third-party concerns about risk to the Safeguarding Leads’ weekly case review.', dg: SW, owner: 'Head of Safeguarding Operations', months: 4, fate: 'implemented', work: 'the weekly case review change', evidence: 'Third-party concerns are a standing part of the weekly review in every region.' },
          { text: 'Extend the advisers’ escalation line to all benefit lines.', dg: GP, owner: 'Director, Pension Service Operations', months: 9, fate: 'in-progress', work: 'the extended escalation line' },
        ] },
    ],
  },
  {
    apologies: [GP], deputy: [FG, 'Alison Reid, Director of HR Operations'], late: [RA, '10:30'],
    tracker: 'The panel agreed to escalate the lost-contact system prompt to the Secretary of State, as its funding remains unresolved after two missed target dates.',
    items: [
      { topic: 0, presenter: TO, minutes: 30, review: true, notes: 'The DG reported that the lost-contact guidance is embedded and audits show the case conference step recorded in nearly all sampled suspensions. The system prompt remains undelivered. Dr Nair described how NHS services follow up when a vulnerable patient misses appointments, and the panel asked that a similar approach be considered.',
        decisions: ['The panel asked the DG to set out options for structured follow-up when a vulnerable claimant misses contact, drawing on NHS practice.'],
        actions: [{ text: 'Set out options for structured follow-up of missed contact, drawing on NHS practice', owner: TO, weeks: 11, fate: 'open' }],
        recs: [
          { text: 'Pilot a structured follow-up when a claimant flagged as vulnerable misses two consecutive contacts.', dg: TO, owner: 'Director, Work and Health Operations', months: 8, fate: 'in-progress', work: 'the missed-contact follow-up pilot' },
          { text: 'Include suspensions for lost contact in the data shared with local Safeguarding Adults Boards.', dg: LB, owner: 'Head of Data Sharing Policy', months: 6, fate: 'proposed', work: '', waiting: 'Response from the DG awaited; legal advice on the data-sharing basis has been requested.' },
        ] },
      { topic: 1, presenter: MH, minutes: 20, review: true, notes: 'The panel reviewed a year of the welfare check before large arrears payments. Checks are completed within the service standard in most cases, and no new reviews have found a large payment released without one. Members agreed the theme should remain in monitoring.',
        decisions: ['The panel agreed to keep the theme in monitoring and to review it once a year.'],
        actions: [{ text: 'Add the large-payment welfare check to the annual assurance statement', owner: MH, weeks: 12 }],
        recs: [
          { text: 'Report the number of large-payment welfare checks and their outcomes to the panel once a year.', dg: MH, owner: 'Head of Payment Assurance', months: 6, fate: 'accepted', work: 'the annual welfare check report', waiting: 'the first annual report is due after the year end' },
        ] },
      { topic: 8, presenter: TO, minutes: 25, review: true, notes: 'The DG presented data showing disallowances for non-attendance are lower than a year ago, but housebound claimants are still not always offered a home assessment. The assessment providers have been asked to explain the shortfall. Members noted the link to the delayed sharing of changes of address.',
        decisions: ['The panel agreed that the home assessment offer should be monitored monthly until it is made consistently.'],
        actions: [{ text: 'Bring the assessment providers’ explanation of the home assessment shortfall', owner: TO, weeks: 9 }],
        recs: [
          { text: 'Monitor monthly whether a home or telephone assessment is offered to every claimant recorded as housebound.', dg: TO, owner: 'Head of Assessment Contracts', months: 3, fate: 'closed', work: 'the monthly home assessment check', evidence: 'Monthly check in place since June and reported to the DG; results shared with the providers.' },
          { text: 'Write to the assessment providers setting out the Department’s expectation on home assessments.', dg: TO, owner: 'Head of Assessment Contracts', months: 3, fate: 'not-accepted', work: '', reason: 'The expectation is already in the contracts; the DG will use the quarterly contract review to hold providers to it instead.' },
          { text: 'Review the letters sent after a missed assessment so that they explain how to rebook and where to get help.', dg: LB, owner: 'Head of Customer Communications', months: 6, fate: 'proposed', work: '', waiting: 'Response from the DG awaited; the letters are part of a wider review of benefit correspondence.' },
        ] },
    ],
  },
  {
    apologies: [MH], deputy: [RA, 'Neil Foster, Second Permanent Secretary'], late: [OC, '10:20'], leftEarly: [LB, '11:45'],
    items: [
      { topic: 2, presenter: AD, minutes: 25, review: true, notes: 'The DG reported that the staff guide on adjusting contact for claimants with markers is in draft. Dr Nair explained that clinical services show a short summary of reasonable adjustments on every record. Members agreed the same principle should apply to benefit records.',
        decisions: ['The panel agreed that the adjustments needed should be visible wherever a marker is shown.'],
        actions: [{ text: 'Share the draft staff guide on markers with members for comment', owner: AD, weeks: 7, fate: 'open' }],
        recs: [
          { text: 'Show a one-line summary of the adjustments needed alongside every additional-support marker.', dg: AD, owner: 'Director, Universal Credit Digital', months: 9, fate: 'proposed', work: '', waiting: 'Response from the DG awaited; the design team is sizing the change.' },
          { text: 'Include the handling of additional-support markers in the monthly team leader checks.', dg: SW, owner: 'Head of Quality Assurance', months: 5, fate: 'accepted', work: 'the team leader check', waiting: 'the check questions are being written alongside the staff guide' },
        ] },
      { topic: 6, presenter: TO, minutes: 25, review: true, notes: 'The DG presented the first six-monthly report on safeguarding referral rates. Variation between districts has narrowed, though a few districts still make very few referrals. The panel discussed whether low rates reflect under-referral or different local arrangements.',
        decisions: ['The panel asked for a closer look at the districts with the lowest referral rates.'],
        actions: [
          { text: 'Carry out a deep dive into the five districts with the lowest referral rates', owner: TO, weeks: 15, fate: 'open' },
          { text: 'Write to local authority partners confirming the single points of contact agreed so far', owner: 'Secretariat', weeks: 4, fate: 'early' },
        ],
        recs: [
          { text: 'Review with each district whose referral rate is well below similar districts, and agree an improvement plan.', dg: TO, owner: 'Head of Safeguarding Operations', months: 6, fate: 'accepted', work: 'the district reviews', waiting: 'the deep dive into the lowest districts will come first' },
          { text: 'Ask the Safeguarding Adults Boards in three areas to review a sample of cases where no referral was made.', dg: TO, owner: 'Head of Safeguarding Policy', months: 7, fate: 'proposed', work: '', waiting: 'Response from the DG awaited; boards are being approached informally first.' },
          { text: 'Publish an annual summary of the panel’s safeguarding recommendations and their progress.', dg: SW, owner: 'Head of the Serious Case Panel secretariat', months: 8, fate: 'in-progress', work: 'the annual safeguarding summary' },
        ] },
    ],
  },
];

const PROGRESS = [
  (w: string) => `Drafting of ${w} is under way with operational and policy colleagues.`,
  (w: string) => `${cap(w)} has been tested in a small number of sites; the findings are being built in.`,
  (w: string) => `${cap(w)} is going through assurance, including review by the Safeguarding Leads network.`,
  (w: string) => `Roll-out of ${w} has started; the remaining sites follow this quarter.`,
  (w: string) => `Roll-out of ${w} continues; the owner reports no new risks.`,
];

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function monthEnd(iso: string, months: number): string {
  const [y, m] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m + months, 0)).toISOString().slice(0, 10);
}
/** "Of the 4 actions carried into this meeting, 2 were reported complete; 2 remain open and are carried forward." */
function arisingSummary(carried: number, done: number, dropped: number): string {
  if (!carried) return 'There were no open actions from earlier meetings.';
  const open = carried - done - dropped;
  const were = (n: number) => `${n} ${n === 1 ? 'was' : 'were'}`;
  if (done === carried) return carried === 1 ? 'The action carried into this meeting was reported complete.' : `All ${carried} actions carried into this meeting were reported complete.`;
  const parts = [`${were(done)} reported complete`, dropped ? `${were(dropped)} dropped as superseded` : ''].filter(Boolean).join(' and ');
  return `Of the ${carried} actions carried into this meeting, ${parts}${open ? `; ${open} ${open === 1 ? 'remains open and is' : 'remain open and are'} carried forward` : ''}.`;
}
function names(xs: string[]): string {
  return xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`;
}
/** The UTC instant of a Europe/London wall-clock time (meetings run 10:00 to 12:30 local time). */
export function london(date: string, time: string): Date {
  const guess = new Date(`${date}T${time}:00Z`);
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(guess));
  return new Date(guess.getTime() - (hour - guess.getUTCHours()) * 3_600_000);
}

type RecUpdate = Omit<RecUpdateInput, 'id' | 'onDate'>;
interface RecStep {
  on: string;
  update?: RecUpdate;
  escalate?: { level: EscalationLevel; reason: string };
}

/** A recommendation's history from the panel to today: decision, start, quarterly returns, moves, delivery. */
function recHistory(r: RecSpec, made: string, returns: string[], held: string[], panelDates: string[], jitter: number, today: string): RecStep[] {
  const steps: RecStep[] = [];
  const note = (on: string, narrative: string, extra: Omit<RecUpdate, 'narrative'> = {}) => steps.push({ on, update: { narrative, ...extra } });
  const between = (from: string, to: string) => returns.filter((d) => d > from && d < to);
  for (const [n, level, reason] of r.escalate ?? []) steps.push({ on: held[n - 1], escalate: { level, reason } });
  const decided = addCalendarDays(made, 21 + jitter);
  const progress = (k: number) => r.notes?.[k] ?? PROGRESS[Math.min(k, PROGRESS.length - 1)](r.work);
  if (r.fate === 'proposed') {
    for (const d of between(made, '9999')) note(d, r.waiting ?? 'Response from the DG awaited.');
  } else if (r.fate === 'not-accepted') {
    note(decided, `${r.dg} does not accept the recommendation.`, { status: 'not-accepted', notAcceptedReason: r.reason });
  } else {
    note(decided, `Accepted by ${r.dg}. Lead: ${r.owner}.`, { status: 'accepted' });
    let target = monthEnd(made, r.months);
    if (r.fate === 'accepted') {
      for (const d of between(decided, '9999')) note(d, `${d > target ? 'Overdue and not started' : 'Not started yet'}: ${r.waiting}.`);
    } else {
      const started = addCalendarDays(decided, 35);
      note(started, `Work has started on ${r.work}.`, { status: 'in-progress' });
      const moves = [...(r.moves ?? [])];
      const finalTarget = monthEnd(made, moves.at(-1)?.[0] ?? r.months);
      const delivered = r.fate === 'in-progress' ? '9999' : [addCalendarDays(finalTarget, -(10 + jitter)), addCalendarDays(started, 30)].sort()[1];
      let k = 0;
      for (const d of between(started, delivered)) {
        const next = returns.find((x) => x > d);
        if (moves.length && (!next || next >= target || next >= delivered)) {
          const [months, why] = moves.shift()!;
          target = monthEnd(made, months);
          note(d, `Target date moved: ${why}.`, { targetDate: target });
        } else if (d > target) note(d, `Behind plan: ${r.work} has not been delivered by the target date; the owner is agreeing a recovery plan.`);
        else note(d, progress(k++));
      }
      if (r.fate !== 'in-progress') {
        note(delivered, `${cap(r.work)} is in place.`, { status: 'implemented', ...(r.evidence && { implementationEvidence: r.evidence }) });
        if (r.fate === 'closed') {
          const on = panelDates.find((d) => d >= addCalendarDays(delivered, 21)) ?? addCalendarDays(delivered, 42);
          note(on, 'The panel reviewed the evidence and agreed the recommendation is implemented and can be closed.', { status: 'closed', implementationEvidence: r.evidence, confirmedBy: r.confirmedBy ?? CHAIR_CONFIRMS });
        }
        if (r.fate === 'reopened' && r.reopen) {
          const [back, ...later] = between(addCalendarDays(delivered, 30), '9999');
          if (back) note(back, r.reopen[1], { status: 'in-progress', targetDate: monthEnd(made, r.reopen[0]) });
          for (const d of later) note(d, progress(k++));
        }
      }
    }
  }
  // A step after today has not happened yet; nor has anything after it.
  steps.sort((a, b) => a.on.localeCompare(b.on));
  const cut = steps.findIndex((s) => s.on > today);
  return cut === -1 ? steps : steps.slice(0, cut);
}

export interface HeldCounts {
  panelIds: number[];
  panelsCreated: number;
  panelsHeld: number;
  agendaItems: number;
  recommendations: number;
  actions: number;
}

function unwrap<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`Demonstration meetings failed at "${what}": ${r.error.message}`);
  return r.value;
}

/**
 * Holds eight quarterly panels before the one whose minutes are still in draft: this year's earlier
 * panels (`yearPanels`, already created by the demo with no theme items) and new ones for the quarters
 * before them. Needs the members (by name) and the register's themes (by DEMO_TOPICS index).
 */
export async function loadDemoMeetings(ctx: HandlerContext, input: { members: Map<string, number>; themeIds: number[]; yearPanels: Panel[] }): Promise<HeldCounts> {
  const realNow = ctx.now();
  const today = londonToday(realNow);
  let clock = realNow;
  const at: HandlerContext = { ...ctx, now: () => clock };
  const api = Object.fromEntries(CHANNELS.map((c) => [c, (arg: unknown) => dispatch(handlers, at, c, arg)])) as unknown as ScpApi;
  const member = (name: string) => {
    const id = input.members.get(name);
    if (id === undefined) throw new Error(`Demonstration meetings: no member called ${name}`);
    return id;
  };
  const rnd = seeded(20241113);
  const before = unwrap(await api.getIdentity({}), 'identity');

  // Which panels: this year's past panels bar the latest, then earlier quarters to make eight.
  const past = input.yearPanels.filter((p) => p.date < today).sort((a, b) => a.date.localeCompare(b.date));
  const existing = past.slice(0, -1);
  const anchor = financialQuarterOf(existing[0]?.date ?? input.yearPanels[0]?.date ?? today);
  const anchorIndex = anchor.startYear * 4 + Number(anchor.quarter.slice(1)) - 1;
  const wanted = Array.from({ length: PANELS.length - existing.length }, (_, i) => anchorIndex - (PANELS.length - existing.length) + i).map((n) => ({ fy: fyLabel(Math.floor(n / 4)), quarter: `Q${(n % 4) + 1}` }));

  type Event = { at: Date; seq: number; who: Identity; run: () => Promise<unknown> };
  const events: Event[] = [];
  const on = (date: string, time: string, who: Identity, run: () => Promise<unknown>) => events.push({ at: london(date, time), seq: events.length, who, run });
  let who: Identity | null = null;
  // Steps scheduled while running (a recommendation's history, made at its meeting) join the queue.
  const runEvents = async () => {
    while (events.length) {
      events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq);
      const e = events.shift()!;
      clock = e.at < realNow ? e.at : realNow;
      if (who?.name !== e.who.name) who = unwrap(await api.setIdentity(e.who), 'identity');
      await e.run();
    }
  };

  // "Plan a year" for each earlier financial year, two months before its first panel is due.
  const created: Panel[] = [];
  for (const fy of [...new Set(wanted.map((w) => w.fy))]) {
    clock = london(`${fy.slice(0, 4)}-03-01`, '09:00');
    const plan = unwrap(await api.proposeYear({ fy }), `plan ${fy}`);
    const dates = plan.panels.filter((p) => wanted.some((w) => w.fy === fy && w.quarter === p.quarter)).map((p) => p.date);
    on(addCalendarDays(dates[0], -60), '09:30', SECRETARIAT, async () =>
      created.push(...unwrap(await api.createPlannedPanels({ dates, startTime: '10:00', endTime: '12:30', format: 'hybrid', location: 'Caxton House, London, Room 6.12' }), `panels ${fy}`)),
    );
  }
  await runEvents();
  const held = [...created, ...existing].sort((a, b) => a.date.localeCompare(b.date));
  if (held.length !== PANELS.length) throw new Error(`Demonstration meetings: expected ${PANELS.length} panels to hold, found ${held.length}`);
  const heldDates = held.map((p) => p.date);
  const panelDates = [...new Set([...heldDates, ...input.yearPanels.map((p) => p.date)])].sort();
  // The secretariat collects a tracker return from owners two weeks before each panel.
  const returns = panelDates.map((d) => addCalendarDays(d, -14)).filter((d) => d <= today);

  const actionSpecs = new Map<number, ActionSpec>();
  let agendaItems = 0;
  let recCount = 0;
  let actionCount = 0;

  for (const [n, spec] of PANELS.entries()) {
    const panel = held[n];
    const d = panel.date;
    const themeOf = (topic: number) => input.themeIds[topic];
    // The agenda: theme items a month ahead, sent to the chair three weeks ahead, approved soon after.
    on(addCalendarDays(d, -28), '09:30', SECRETARIAT, async () => {
      const agenda = unwrap(await api.getAgenda({ panelId: panel.id }), 'agenda');
      const chairLed = new Set(['welcome', 'minutes', 'next-meeting']);
      for (const item of agenda.items.filter((i) => i.standingKey)) {
        const presenterId = chairLed.has(item.standingKey!) ? member(CHAIR.name) : item.standingKey === 'tracker' ? member(SW) : null;
        unwrap(await api.updateAgendaItem({ id: item.id, title: item.title, purpose: item.purpose, presenterId, minutes: item.minutes, themeId: null, notes: '' }), 'standing item');
      }
      for (const it of spec.items) {
        const topic = DEMO_TOPICS[it.topic].title;
        const title = `${it.review ? 'Theme review' : 'Theme'}: ${topic.charAt(0).toLowerCase()}${topic.slice(1)}`;
        unwrap(await api.addAgendaItem({ panelId: panel.id, title, purpose: it.review ? 'discussion' : 'decision', presenterId: member(it.presenter), minutes: it.minutes, themeId: themeOf(it.topic) }), 'theme item');
      }
    });
    on(addCalendarDays(d, -21), '15:00', SECRETARIAT, async () => unwrap(await api.sendAgendaForReview({ panelId: panel.id, comment: 'Draft agenda for your review.' }), 'send agenda'));
    if (spec.returned) {
      const back = spec.returned;
      on(addCalendarDays(d, -19), '11:00', CHAIR, async () => unwrap(await api.returnAgenda({ panelId: panel.id, comment: back.comment }), 'return agenda'));
      on(addCalendarDays(d, -18), '10:00', SECRETARIAT, async () => {
        const item = unwrap(await api.getAgenda({ panelId: panel.id }), 'agenda').items.find((i) => i.themeId === themeOf(back.topic))!;
        unwrap(await api.updateAgendaItem({ id: item.id, title: item.title, purpose: item.purpose, presenterId: item.presenterId, minutes: back.minutes, themeId: item.themeId, notes: item.notes }), 'agenda fix');
        unwrap(await api.sendAgendaForReview({ panelId: panel.id, comment: 'Item lengthened as you asked.' }), 'resend agenda');
      });
    }
    on(addCalendarDays(d, -17), '11:00', CHAIR, async () => unwrap(await api.approveAgenda({ panelId: panel.id, comment: 'Approved.' }), 'approve agenda'));

    // The meeting, recorded live by the minute-taker.
    on(d, '10:00', MINUTE_TAKER, async () => {
      const panelId = panel.id;
      let m: Meeting = unwrap(await api.startMeeting({ panelId }), 'start meeting');
      agendaItems += m.items.length;
      for (const a of m.attendees) {
        const deputy = spec.deputy[0] === a.name;
        const status = spec.apologies.includes(a.name) ? 'apologies' : deputy ? 'deputy' : 'present';
        const arrivedAt = spec.late[0] === a.name ? spec.late[1] : null;
        const leftAt = spec.leftEarly?.[0] === a.name ? spec.leftEarly[1] : null;
        m = unwrap(await api.setAttendance({ panelId, memberId: a.memberId, status, ...(deputy && { deputyName: spec.deputy[1] }), arrivedAt, leftAt }), 'attendance');
      }
      const itemFor = (topic: number) => m.items.find((i) => i.themeId === themeOf(topic))!;
      if (spec.declaration) {
        const dec = spec.declaration;
        m = unwrap(await api.addDeclaration({ panelId, memberId: member(dec.member), itemId: itemFor(dec.topic).id }), 'declaration');
        unwrap(await api.updateDeclaration({ id: m.declarations.at(-1)!.id, interest: dec.interest, actionTaken: dec.actionTaken }), 'declaration text');
      }
      const tick = (minutes: number) => {
        clock = new Date(clock.getTime() + minutes * 60_000);
      };
      for (const item of [...m.items]) {
        unwrap(await api.setCurrentItem({ panelId, itemId: item.id }), 'current item');
        unwrap(await api.startItemTimer({ itemId: item.id }), 'timer');
        const notes = await itemNotes(item, m);
        if (notes) unwrap(await api.saveItemNotes({ itemId: item.id, notes }), 'notes');
        tick(Math.max(2, item.minutes - 3 + Math.floor(rnd() * 7)));
      }
      unwrap(await api.endMeeting({ panelId }), 'end meeting');

      async function itemNotes(item: MeetingItem, meeting: Meeting): Promise<string> {
        const itemId = item.id;
        switch (item.standingKey) {
          case 'welcome': {
            const a = meeting.attendees;
            const deputy = a.find((x) => x.name === spec.deputy[0]);
            return [
              'The chair welcomed members and reminded them that the panel considers systemic themes only, never individual cases.',
              `Apologies were received from ${names(spec.apologies)}.`,
              deputy ? `${deputy.name} was represented by ${spec.deputy[1]}.` : '',
              `${spec.late[0]} joined the meeting at ${spec.late[1]}.`,
              a.some((x) => x.role === 'invited-expert') ? 'Dr Priya Nair of NHS England attended as an invited expert.' : '',
              spec.declaration ? `${spec.declaration.member} declared an interest in the item on ${DEMO_TOPICS[spec.declaration.topic].title.toLowerCase()}; it is recorded with the declarations.` : '',
              meeting.quorum.met ? 'The meeting was quorate.' : '',
            ].filter(Boolean).join(' ');
          }
          case 'minutes': {
            const arising = unwrap(await api.getMattersArising({ panelId: meeting.panel.id }), 'matters arising').actions;
            let done = 0;
            let dropped = 0;
            for (const a of arising) {
              const s = actionSpecs.get(a.id);
              if (s?.fate === 'open') continue;
              const drop = s?.fate === 'dropped';
              unwrap(await api.setActionStatus({ id: a.id, status: drop ? 'dropped' : 'done', on: d, note: s?.note ?? (drop ? 'No longer needed.' : 'Reported complete under matters arising.') }), 'action status');
              if (drop) dropped++;
              else done++;
            }
            unwrap(await api.addDecision({ itemId, text: 'The minutes of the last meeting were agreed as a correct record.' }), 'minutes decision');
            const prev = heldDates[n - 1];
            return [
              `The minutes of the ${prev ? `meeting on ${formatDateLong(prev)}` : 'previous meeting'} were agreed as a correct record.`,
              spec.correction?.raised ?? '',
              arisingSummary(arising.length, done, dropped),
            ].filter(Boolean).join(' ');
          }
          case 'tracker': {
            // The tracker's counts, not its rows: how many by status, and how many overdue.
            const all = unwrap(await api.listRecommendations({ today: d, limit: 1 }), 'tracker');
            if (!all.total) return `The DG for Service Excellence explained how the panel’s recommendations will be tracked to implementation. ${spec.tracker ?? ''}`.trim();
            const count = (s: RecStatus[]) => s.reduce((n, x) => n + all.byStatus[x], 0);
            const overdue = all.overdue;
            return [
              `The DG for Service Excellence presented the tracker. Of the ${all.total} recommendations made so far, ${count(['closed'])} are closed, ${count(['implemented'])} implemented and awaiting confirmation, ${count(['proposed', 'accepted', 'in-progress'])} open and ${count(['not-accepted'])} not accepted; ${overdue ? `${overdue} of the open ones ${overdue === 1 ? 'is' : 'are'}` : 'none is'} past the target date.`,
              spec.tracker ?? '',
            ].filter(Boolean).join(' ');
          }
          case 'aob':
            return spec.aob ?? 'There was no other business.';
          case 'next-meeting': {
            const next = panelDates.find((x) => x > d);
            return next ? `The next meeting will be held on ${formatDateLong(next)}.` : '';
          }
        }
        const it = spec.items.find((x) => themeOf(x.topic) === item.themeId);
        if (!it) return '';
        for (const text of it.decisions) unwrap(await api.addDecision({ itemId, text }), 'decision');
        for (const [i, a] of it.actions.entries()) {
          const due = addCalendarDays(d, a.weeks * 7);
          const mm = unwrap(await api.addAction({ itemId, text: a.text, owner: a.owner, dueDate: due }), 'action');
          const id = mm.items.find((x) => x.id === itemId)!.actions.at(-1)!.id;
          actionSpecs.set(id, a);
          actionCount++;
          if (a.fate === 'early') {
            on(addCalendarDays(due, -5 - i), '12:00', SECRETARIAT, async () => unwrap(await api.setActionStatus({ id, status: 'done', on: addCalendarDays(due, -5 - i), note: 'Completed before the due date.' }), 'early action'));
          }
        }
        for (const r of it.recs) {
          const mm = unwrap(await api.addRecommendation({ itemId, text: r.text, dgId: member(r.dg), owner: r.owner, targetDate: monthEnd(d, r.months) }), 'recommendation');
          const rec = mm.items.find((x) => x.id === itemId)!.recommendations.at(-1)!;
          recCount++;
          for (const step of recHistory(r, d, returns, heldDates, panelDates, Math.floor(rnd() * 14), today)) {
            on(step.on, step.escalate ? '15:00' : '14:00', SECRETARIAT, async () => {
              if (step.escalate) unwrap(await api.escalateRecommendation({ id: rec.id, onDate: step.on, ...step.escalate }), `escalate ${rec.ref}`);
              else unwrap(await api.addRecommendationUpdate({ id: rec.id, onDate: step.on, ...step.update! }), `update ${rec.ref} on ${step.on}`);
            });
          }
        }
        return it.notes;
      }
    });

    // The chair approves the draft three weeks later.
    const approvedOn = addCalendarDays(d, 21) < today ? addCalendarDays(d, 21) : today;
    on(approvedOn, '16:00', CHAIR, async () => unwrap(await api.approveMinutes({ panelId: panel.id, approvedOn }), 'approve minutes'));

    // The previous minutes, already approved, are corrected: a second version, with the reason.
    if (spec.correction) {
      const fix = spec.correction;
      const earlier = held[n - 1];
      on(d, '14:30', SECRETARIAT, async () => {
        const m = unwrap(await api.startMinutesCorrection({ panelId: earlier.id, reason: `Agreed at the meeting on ${formatDateLong(d)}: ${fix.reason}` }), 'correction');
        const item = m.items.find((i) => i.themeId === themeOf(fix.topic))!;
        unwrap(await api.saveItemNotes({ itemId: item.id, notes: `${item.notes} ${fix.addition}` }), 'corrected notes');
      });
      on(addCalendarDays(d, 1), '10:00', CHAIR, async () => unwrap(await api.approveMinutes({ panelId: earlier.id, approvedOn: addCalendarDays(d, 1) }), 'approve correction'));
    }
  }
  await runEvents();
  clock = realNow;
  if (before) unwrap(await api.setIdentity(before), 'identity');
  return { panelIds: held.map((p) => p.id), panelsCreated: created.length, panelsHeld: held.length, agendaItems, recommendations: recCount, actions: actionCount };
}
