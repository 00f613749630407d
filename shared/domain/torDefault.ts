// A realistic starting Terms of Reference, drawn from the public record of the panel: the
// Secretary of State's letters to the Work and Pensions Committee and the DWP Excellence Plan.
import type { Quorum, TorSectionKey } from './tor';

export const DEFAULT_QUORUM: Quorum = { chairOrDeputy: true, minMembers: 5, minDirectorsGeneral: 2 };

export const DEFAULT_TOR_SECTIONS: Record<TorSectionKey, string> = {
  purpose:
    'The Serious Case Panel was set up under the DWP Excellence Plan to make sure that the Department learns from serious cases. It looks beyond individual cases to the themes and systemic issues that they reveal, and makes recommendations so that those issues stop happening, with the aim of improving safeguarding for the people the Department serves.\n' +
    'The panel provides cross-cutting departmental oversight of that learning and is accountable for making sure that its recommendations are delivered.',
  remit:
    'The panel considers themes arising from Internal Process Reviews, complaints, frontline feedback (including from Safeguarding Leads), reports from the Independent Case Examiner, coroners\u2019 Prevention of Future Deaths reports, Safeguarding Adult Reviews and reports of the National Audit Office, the Parliamentary and Health Service Ombudsman and select committees.\n' +
    'Out of scope: the panel does not discuss individual cases. Individual cases stay with the Internal Process Review Group and the business areas concerned; what reaches the panel is anonymised and thematic. The panel does not make decisions on individual claims, complaints or appeals.',
  'membership-and-chair':
    'The panel is chaired by an independent Non-Executive Director. Its members are the Independent Case Examiner, the Permanent Secretary and all Directors General.\n' +
    'The chair may invite other experts to join over time, such as those experienced in learning from serious cases in the police and the health service. Members may nominate a deputy at Director level when they cannot attend; the chair may nominate a deputy chair for a meeting.',
  quorum:
    'Decisions and recommendations are made only when the meeting is quorate. If a meeting is not quorate it may continue, but any decision or recommendation is confirmed by correspondence with absent members afterwards.',
  frequency:
    'The panel meets quarterly, in the middle month of each quarter of the financial year. The chair may call an extraordinary meeting where a theme needs urgent consideration.',
  secretariat:
    'The secretariat, in the Service Excellence Directorate, plans the year\u2019s meetings, gathers and anonymises evidence, assembles themes, drafts the agenda for the chair\u2019s approval, issues the panel pack five working days before each meeting, records decisions, actions and recommendations, drafts minutes for the chair\u2019s approval within ten working days, and keeps the recommendations tracker.',
  'declarations-of-interest':
    'Members declare at the start of each meeting, and for each item, any interest that could be seen to influence their judgement. Declarations are recorded in the minutes; the chair decides whether a member with an interest takes part in an item.',
  'reporting-and-escalation':
    'The Director General for Service Excellence updates the departmental Board routinely on the delivery of the panel\u2019s recommendations. Where a recommendation is not accepted, is overdue or needs decisions beyond the panel\u2019s members, the panel escalates it to the Secretary of State for Work and Pensions and ministers, who are also told of the panel\u2019s recommendations.',
  publication:
    'The panel\u2019s terms of reference and, in a suitably anonymised form, a summary of its recommendations and their progress may be published. Panel papers and minutes are marked OFFICIAL-SENSITIVE and contain no information that identifies an individual.',
  'review-date': 'These terms of reference are reviewed every year, or sooner if the panel\u2019s remit or membership changes.',
};
