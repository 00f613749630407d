// A panel's timetable, counted in working days from its date. The defaults follow the
// secretariat's practice; Settings can change them.
import { z } from 'zod';
import { financialQuarterOf } from './financialYear';
import { toDayNumber, type WorkingCalendar } from './workingDays';

export const MILESTONE_KEYS = ['agendaReviewDue', 'papersDue', 'packIssue', 'minutesDue'] as const;
export type MilestoneKey = (typeof MILESTONE_KEYS)[number];

export const MILESTONE_LABELS: Record<MilestoneKey, string> = {
  agendaReviewDue: 'Chair’s agenda review due',
  papersDue: 'Papers due',
  packIssue: 'Pack issued',
  minutesDue: 'Draft minutes due',
};

/** Working days before the meeting (the first three) or after it (minutes). */
export type MilestoneRules = Record<MilestoneKey, number>;
export const DEFAULT_MILESTONE_RULES: MilestoneRules = { agendaReviewDue: 15, papersDue: 10, packIssue: 5, minutesDue: 10 };

const days = (label: string) =>
  z.number({ error: `${label} must be a number of working days` }).int(`${label} must be a whole number of working days`).min(1, `${label} must be at least 1 working day`).max(60, `${label} must be 60 working days or fewer`);

export const milestoneRulesInput = z
  .strictObject({
    agendaReviewDue: days('Chair’s agenda review'),
    papersDue: days('Papers due'),
    packIssue: days('Pack issue'),
    minutesDue: days('Draft minutes'),
  })
  .refine((r) => r.agendaReviewDue > r.papersDue, { path: ['agendaReviewDue'], message: 'The chair’s review must come before papers are due (more working days before the meeting)' })
  .refine((r) => r.papersDue > r.packIssue, { path: ['papersDue'], message: 'Papers must be due before the pack is issued (more working days before the meeting)' });

export type Milestones = Record<MilestoneKey, string>;

export function milestonesFor(meeting: string, calendar: WorkingCalendar, rules: MilestoneRules = DEFAULT_MILESTONE_RULES): Milestones {
  return {
    agendaReviewDue: calendar.addWorkingDays(meeting, -rules.agendaReviewDue),
    papersDue: calendar.addWorkingDays(meeting, -rules.papersDue),
    packIssue: calendar.addWorkingDays(meeting, -rules.packIssue),
    minutesDue: calendar.addWorkingDays(meeting, rules.minutesDue),
  };
}

export type MilestoneState = 'done' | 'overdue' | 'due-today' | 'due-soon' | 'upcoming';
export const MILESTONE_STATE_LABELS: Record<MilestoneState, string> = {
  done: 'Done',
  overdue: 'Overdue',
  'due-today': 'Due today',
  'due-soon': 'Due soon',
  upcoming: 'Upcoming',
};

/** For the dashboard countdown: calendar days remaining (negative when overdue). */
export function milestoneStatus(due: string, today: string, done: boolean, soonDays = 5): { state: MilestoneState; daysRemaining: number } {
  const daysRemaining = toDayNumber(due) - toDayNumber(today);
  if (done) return { state: 'done', daysRemaining };
  if (daysRemaining < 0) return { state: 'overdue', daysRemaining };
  if (daysRemaining === 0) return { state: 'due-today', daysRemaining };
  return { state: daysRemaining <= soonDays ? 'due-soon' : 'upcoming', daysRemaining };
}

/** What `scp calendar --meeting` prints. */
export function meetingReport(meeting: string, calendar: WorkingCalendar, rules: MilestoneRules = DEFAULT_MILESTONE_RULES) {
  return { meeting, quarter: financialQuarterOf(meeting).label, milestones: milestonesFor(meeting, calendar, rules) };
}
