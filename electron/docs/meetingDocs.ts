// Gathers what the minutes, the recommendations tracker and the Board report need.
import { ITEM_PURPOSE_LABELS } from '#shared/domain/agenda';
import { MEMBER_ROLE_LABELS } from '#shared/domain/members';
import type { PanelFormat } from '#shared/domain/panels';
import { documentPlace } from '#templates/style/blocks';
import { compareRefs, ESCALATION_LABELS, OPEN_REC_STATUSES, REC_STATUS_LABELS, REC_STATUSES, type RecommendationSummary } from '#shared/domain/recommendations';
import { parseFy } from '#shared/calendar/financialYear';
import { formatDateLong, londonToday } from '#shared/format';
import { UserFacingError } from '#shared/ipc/result';
import type { GateSource } from '#shared/pii/gate';
import { restrictedForThemes } from '#db/queries/gate';
import { listRecommendations } from '#db/queries/recommendations';
import { buildMinutes, type MinutesDocInput } from '#templates/minutes/buildMinutes';
import { buildTracker } from '#templates/tracker/buildTracker';
import { buildBoardReport } from '#templates/board/buildBoardReport';
import { getDocumentSettings } from '../handlers/app';
import type { HandlerContext } from '../handlers/context';
import { loadMeeting, mattersArising } from '../handlers/meeting';
import { rasteriseSvg } from './chartRaster';
import { safeFileName } from './files';
import type { BuiltDocument } from './planningDocs';

export function recSources(recs: RecommendationSummary[]): GateSource[] {
  return recs.flatMap((r) => [
    { recordType: 'recommendation', recordId: r.id, field: 'text', text: r.text },
    { recordType: 'recommendation', recordId: r.id, field: 'owner', text: r.owner },
    ...(r.latestUpdate ? [{ recordType: 'recommendation', recordId: r.id, field: 'latest update', text: r.latestUpdate.narrative }] : []),
  ]);
}

export interface MinutesParts {
  input: MinutesDocInput;
  sources: GateSource[];
  themeIds: number[];
  fileName: string;
}

/** What the minutes say, and the records they are built from (for the personal-data gate). */
export async function minutesParts(ctx: HandlerContext, panelId: number): Promise<MinutesParts> {
  const m = await loadMeeting(ctx, panelId);
  const arising = await mattersArising(ctx.db, m.panel.date, londonToday(ctx.now()));
  if (m.phase !== 'ended') {
    throw new UserFacingError('conflict', m.phase === 'not-started' ? 'This meeting has not been held yet, so it has no minutes.' : 'The meeting is still in progress: end it first, then export the draft minutes.');
  }
  const latest = m.minutes[m.minutes.length - 1];
  const draft = latest?.status !== 'approved';
  const names = new Map(m.attendees.map((a) => [a.memberId, a]));
  const next = await ctx.db.selectFrom('panels').selectAll().where('date', '>', m.panel.date).where('status', '!=', 'cancelled').orderBy('date').executeTakeFirst();
  const { marking } = await getDocumentSettings(ctx);
  const input: MinutesDocInput = {
    panel: m.panel,
    marking,
    draft,
    approval: !draft && latest ? `Approved by ${latest.approvedBy} (chair) on ${formatDateLong(latest.approvedOn!)}.` : null,
    version: latest?.version ?? 1,
    corrections: m.minutes.filter((v) => v.version > 1).map((v) => ({ version: v.version - 1, reason: v.reason, at: v.createdAt.slice(0, 10) })),
    present: m.attendees
      .filter((a) => a.status === 'present')
      .map((a) => ({ name: a.name, role: MEMBER_ROLE_LABELS[a.role], organisation: a.organisation, chair: a.role === 'chair', arrivedAt: a.arrivedAt, leftAt: a.leftAt })),
    deputies: m.attendees.filter((a) => a.status === 'deputy').map((a) => ({ name: a.deputyName, forName: a.name, forRole: MEMBER_ROLE_LABELS[a.role] })),
    apologies: m.attendees.filter((a) => a.status === 'apologies').map((a) => ({ name: a.name, role: MEMBER_ROLE_LABELS[a.role] })),
    inAttendance: m.inAttendance.map((a) => ({ name: a.name, role: MEMBER_ROLE_LABELS[a.role] })),
    declarations: m.declarations.map((d) => ({
      name: d.memberId !== null ? (names.get(d.memberId)?.name ?? d.memberName ?? '') : '',
      item: d.itemId !== null ? (m.items.find((i) => i.id === d.itemId)?.title ?? null) : null,
      interest: d.interest,
      action: d.actionTaken,
    })),
    quorum: { met: m.quorum.met, text: m.quorum.met ? 'The meeting was quorate.' : `The meeting was not quorate (it lacked ${m.quorum.shortfall.join(', ')}); decisions are subject to confirmation.` },
    items: m.items.map((item, i) => ({
      number: i + 1,
      title: item.title,
      purpose: ITEM_PURPOSE_LABELS[item.purpose],
      presenter: item.presenterName,
      summary: item.notes,
      decisions: item.decisions.map((d) => d.text).filter(Boolean),
      actions: item.actions.filter((a) => a.text).map((a) => ({ text: a.text, owner: a.owner, due: a.dueDate })),
      recommendations: item.recommendations.map((r) => ({ ref: r.ref, text: r.text, dg: r.dgName, owner: r.owner, targetDate: r.targetDate, themes: r.themeTitles })),
      mattersArising:
        item.standingKey === 'minutes'
          ? arising.actions.map((a) => ({ ref: `Action from ${formatDateLong(a.panelDate)}`, text: a.text, owner: a.owner, due: a.dueDate, status: a.overdue ? 'Open, overdue' : 'Open' }))
          : item.standingKey === 'tracker'
            ? arising.recommendations.map((r) => ({ ref: r.ref, text: r.text, owner: r.owner, due: r.targetDate, status: `${REC_STATUS_LABELS[r.status]}${r.overdue ? ', overdue' : ''}` }))
            : [],
    })),
    nextMeeting: next ? { date: next.date, startTime: next.start_time, endTime: next.end_time, where: documentPlace({ format: next.format as PanelFormat, location: next.location }) } : null,
  };
  const recs = m.items.flatMap((i) => i.recommendations);
  const sources: GateSource[] = [
    { recordType: 'panel', recordId: panelId, field: 'location', text: m.panel.location },
    ...m.items.flatMap((i) => [
      { recordType: 'agenda_item', recordId: i.id, field: 'title', text: i.title },
      { recordType: 'meeting_item', recordId: i.id, field: 'discussion notes', text: i.notes },
      ...i.decisions.map((d) => ({ recordType: 'decision', recordId: d.id, field: 'text', text: d.text })),
      ...i.actions.map((a) => ({ recordType: 'action', recordId: a.id, field: 'text and owner', text: `${a.text}\n${a.owner}` })),
    ]),
    ...m.declarations.map((d) => ({ recordType: 'declaration', recordId: d.id, field: 'interest', text: `${d.interest}\n${d.actionTaken}` })),
    ...m.attendees.filter((a) => a.deputyName).map((a) => ({ recordType: 'attendance', recordId: a.memberId, field: 'deputy’s name', text: a.deputyName })),
    ...recSources([...recs, ...arising.recommendations]),
    ...arising.actions.map((a) => ({ recordType: 'action', recordId: a.id, field: 'text and owner', text: `${a.text}\n${a.owner}` })),
  ];
  const themeIds = [...new Set([...m.items.map((i) => i.themeId).filter((x): x is number => x !== null), ...recs.flatMap((r) => r.themeIds)])];
  return { input, sources, themeIds, fileName: safeFileName(`Minutes - Serious Case Panel ${m.panel.quarter} - ${m.panel.date}${draft ? ' - DRAFT' : ` - v${latest.version}`}.docx`) };
}

export async function minutesDocument(ctx: HandlerContext, panelId: number): Promise<BuiltDocument> {
  const parts = await minutesParts(ctx, panelId);
  return { doc: buildMinutes(parts.input), fileName: parts.fileName, sources: parts.sources, restricted: await restrictedForThemes(ctx.db, parts.themeIds) };
}

export function trackerRows(recs: RecommendationSummary[]) {
  return recs.map((r) => ({
    ref: r.ref,
    text: r.text,
    status: REC_STATUS_LABELS[r.status],
    dg: r.dgName,
    owner: r.owner,
    targetDate: r.targetDate,
    rag: r.rag,
    overdue: r.overdue,
    daysOpen: r.daysOpen,
    targetChanges: r.targetChanges,
    escalation: r.escalationLevel === 'none' ? null : `${ESCALATION_LABELS[r.escalationLevel]}${r.escalatedOn ? ` on ${formatDateLong(r.escalatedOn)}` : ''}`,
    latestUpdate: r.latestUpdate ? { date: r.latestUpdate.onDate, narrative: r.latestUpdate.narrative, author: r.latestUpdate.author } : null,
  }));
}

export async function trackerDocument(ctx: HandlerContext): Promise<BuiltDocument> {
  const today = londonToday(ctx.now());
  // Open means still owed, or implemented and awaiting confirmation that it can be closed.
  const recs = (await listRecommendations(ctx.db, { status: [...OPEN_REC_STATUSES, 'implemented'] }, today)).sort((a, b) => compareRefs(a.ref, b.ref));
  const { marking } = await getDocumentSettings(ctx);
  return {
    doc: buildTracker({ marking, asOf: today, rows: trackerRows(recs) }),
    fileName: safeFileName(`Recommendations tracker - ${today}.docx`),
    sources: recSources(recs),
    restricted: await restrictedForThemes(ctx.db, [...new Set(recs.flatMap((r) => r.themeIds))]),
  };
}

/** "2026-27-Q3" or "2026-27 Q3" to its first and last day. */
export function quarterPeriod(quarter: string): { label: string; start: string; end: string } {
  const m = /^(\d{4}-\d{2})[- ]Q([1-4])$/.exec(quarter.trim());
  if (!m) throw new UserFacingError('invalid-argument', `"${quarter}" is not a quarter such as 2026-27-Q3.`, { quarter: 'Give a quarter such as 2026-27-Q3' });
  let startYear: number;
  try {
    startYear = parseFy(m[1]);
  } catch (err) {
    throw new UserFacingError('invalid-argument', (err as Error).message, { quarter: 'Give a quarter such as 2026-27-Q3' });
  }
  const q = Number(m[2]);
  const startMonth = 4 + (q - 1) * 3; // 4, 7, 10, 13
  const year = startMonth > 12 ? startYear + 1 : startYear;
  const month = ((startMonth - 1) % 12) + 1;
  const endMonth = month + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { label: `${m[1]} Q${q}`, start: `${year}-${pad(month)}-01`, end: `${year}-${pad(endMonth)}-${pad(lastDay)}` };
}

export async function boardReportDocument(ctx: HandlerContext, quarter: string): Promise<BuiltDocument> {
  const period = quarterPeriod(quarter);
  const today = londonToday(ctx.now());
  if (period.start > today) throw new UserFacingError('invalid-argument', `${period.label} has not started yet, so there is nothing to report.`, { quarter: 'Choose a quarter that has started' });
  // Derived state is as it stood at the end of the quarter, or today if the quarter is still running.
  const asOf = period.end < today ? period.end : today;
  const all = (await listRecommendations(ctx.db, {}, asOf)).filter((r) => r.panelDate <= asOf);
  const statusOn = new Map<number, { implemented: string | null; closed: string | null }>();
  const rows = await ctx.db
    .selectFrom('recommendation_updates')
    .select(['recommendation_id', 'to_status', 'on_date'])
    .where('kind', '=', 'status')
    .where('to_status', 'in', ['implemented', 'closed'])
    .execute();
  for (const r of rows) {
    const s = statusOn.get(r.recommendation_id) ?? { implemented: null, closed: null };
    if (r.to_status === 'implemented') s.implemented = r.on_date;
    else s.closed = r.on_date;
    statusOn.set(r.recommendation_id, s);
  }
  const inQuarter = (d: string | null | undefined) => !!d && d >= period.start && d <= period.end;
  const made = all.filter((r) => inQuarter(r.panelDate));
  const implemented = all.filter((r) => inQuarter(statusOn.get(r.id)?.implemented) || (inQuarter(statusOn.get(r.id)?.closed) && !statusOn.get(r.id)?.implemented));
  const closed = all.filter((r) => inQuarter(statusOn.get(r.id)?.closed));
  const open = all.filter((r) => OPEN_REC_STATUSES.includes(r.status));
  const overdue = all.filter((r) => r.overdue);
  const escalated = all.filter((r) => r.escalationLevel !== 'none' && r.status !== 'closed');
  const byDgMap = new Map<string, { dg: string; made: number; open: number; implemented: number; overdue: number; escalated: number }>();
  const dgRow = (r: RecommendationSummary) => {
    const key = r.dgName ?? 'No Director General named';
    let row = byDgMap.get(key);
    if (!row) byDgMap.set(key, (row = { dg: key, made: 0, open: 0, implemented: 0, overdue: 0, escalated: 0 }));
    return row;
  };
  for (const r of made) dgRow(r).made++;
  for (const r of open) dgRow(r).open++;
  for (const r of implemented) dgRow(r).implemented++;
  for (const r of overdue) dgRow(r).overdue++;
  for (const r of escalated) dgRow(r).escalated++;
  const attention = [...new Map([...escalated, ...overdue].map((r) => [r.id, r])).values()].sort((a, b) => compareRefs(a.ref, b.ref));
  const { marking } = await getDocumentSettings(ctx);
  const doc = buildBoardReport({
    marking,
    quarter: period.label,
    period: { start: period.start, end: period.end },
    asOf,
    totals: {
      made: made.length,
      accepted: made.filter((r) => r.status !== 'proposed' && r.status !== 'not-accepted').length,
      implemented: implemented.length,
      closed: closed.length,
      open: open.length,
      overdue: overdue.length,
      escalated: escalated.length,
    },
    byDg: [...byDgMap.values()].sort((a, b) => a.dg.localeCompare(b.dg)),
    byStatus: REC_STATUSES.map((status) => ({ status: REC_STATUS_LABELS[status], count: all.filter((r) => r.status === status).length })),
    attention: attention.map((r) => ({
      ref: r.ref,
      text: r.text,
      dg: r.dgName,
      owner: r.owner,
      targetDate: r.targetDate,
      status: REC_STATUS_LABELS[r.status],
      overdueDays: r.overdueDays,
      escalation: r.escalationLevel === 'none' ? null : `${ESCALATION_LABELS[r.escalationLevel]}${r.escalatedOn ? ` on ${formatDateLong(r.escalatedOn)}` : ''}`,
      narrative: r.latestUpdate?.narrative ?? 'No update has been recorded.',
    })),
    made: made.map((r) => ({ ref: r.ref, text: r.text, dg: r.dgName, targetDate: r.targetDate, panelDate: r.panelDate })),
    implemented: implemented.map((r) => ({ ref: r.ref, text: r.text, dg: r.dgName, on: statusOn.get(r.id)?.implemented ?? statusOn.get(r.id)?.closed ?? asOf })),
  }, rasteriseSvg);
  const used = [...new Map([...made, ...implemented, ...attention].map((r) => [r.id, r])).values()];
  return {
    doc,
    fileName: safeFileName(`Board report - Serious Case Panel ${period.label}.docx`),
    sources: recSources(used),
    restricted: await restrictedForThemes(ctx.db, [...new Set(used.flatMap((r) => r.themeIds))]),
  };
}
