// Gathers the panel pack: the approved agenda, a paper for each theme item, the recommendations
// tracker, the previous meeting's minutes and the action log, and the papers attached to items.
import { ITEM_PURPOSE_LABELS } from '#shared/domain/agenda';
import { EVIDENCE_TYPE_LABELS } from '#shared/domain/evidence';
import { ACTION_STATUS_LABELS } from '#shared/domain/meeting';
import { compareRefs, OPEN_REC_STATUSES, RAG_LABELS, REC_STATUS_LABELS } from '#shared/domain/recommendations';
import { THEME_STATUS_LABELS } from '#shared/domain/themes';
import { formatDateLong, londonToday } from '#shared/format';
import { notFound, UserFacingError } from '#shared/ipc/result';
import type { GateSource } from '#shared/pii/gate';
import { restrictedForThemes } from '#db/queries/gate';
import { findPanel, toPanel } from '#db/queries/panels';
import { listRecommendations, recommendationsArising } from '#db/queries/recommendations';
import { findTheme } from '#db/queries/themes';
import { PNG_SCALE } from '#templates/charts/figure';
import { startPack, themePaperChartSvg, type PackDocInput } from '#templates/pack/buildPack';
import { loadAgenda } from '../handlers/agenda';
import { getDocumentSettings } from '../handlers/app';
import type { HandlerContext } from '../handlers/context';
import { chartsAhead } from './chartRaster';
import { safeFileName } from './files';
import { layoutEstimator } from './layoutFonts';
import { minutesParts, recSources, trackerRows } from './meetingDocs';
import { invitedMembers, type BuiltDocument } from './planningDocs';

/** How many linked evidence summaries a theme paper shows (newest first). */
export const PACK_EVIDENCE_LIMIT = 25;

export async function packDocument(ctx: HandlerContext, panelId: number): Promise<BuiltDocument> {
  const row = await findPanel(ctx.db, panelId);
  if (!row) throw notFound('Panel', panelId);
  const panel = toPanel(row);
  if (panel.status === 'cancelled') throw new UserFacingError('conflict', 'This panel was cancelled, so it has no pack.');
  const today = londonToday(ctx.now());
  const agenda = await loadAgenda(ctx.db, panelId);
  if (agenda.items.length === 0) throw new UserFacingError('conflict', 'The agenda has no items yet; build the agenda before issuing the pack.');
  const invited = await invitedMembers(ctx, panel.date);
  const approved = [...agenda.events].reverse().find((e) => e.action === 'approved');
  const sources: GateSource[] = [{ recordType: 'panel', recordId: panelId, field: 'location', text: panel.location }];
  const themeIds: number[] = [];

  const themePapers: PackDocInput['themePapers'] = [];
  // Each theme paper's chart is drawn on another thread while the rest is read.
  const charts = chartsAhead();
  for (const [i, item] of agenda.items.entries()) {
    sources.push({ recordType: 'agenda_item', recordId: item.id, field: 'title', text: item.title }, { recordType: 'agenda_item', recordId: item.id, field: 'notes', text: item.notes });
    if (item.themeId === null) continue;
    const theme = await findTheme(ctx.db, item.themeId, today);
    if (!theme) continue;
    themeIds.push(theme.id);
    const newest = [...theme.links].sort((a, b) => b.receivedOn.localeCompare(a.receivedOn)).slice(0, PACK_EVIDENCE_LIMIT);
    const summaries = new Map(
      (await ctx.db.selectFrom('evidence').select(['id', 'summary']).where('id', 'in', newest.length ? newest.map((l) => l.evidenceId) : [-1]).execute()).map((e) => [e.id, e.summary]),
    );
    const recs = await listRecommendations(ctx.db, { themeId: theme.id, status: [...OPEN_REC_STATUSES, 'implemented'] }, today);
    themePapers.push({
      itemNumber: i + 1,
      title: theme.title,
      description: theme.description,
      owner: theme.ownerName,
      why: item.notes || `${THEME_STATUS_LABELS[theme.status]}: ${theme.evidenceCount} item${theme.evidenceCount === 1 ? '' : 's'} of evidence, ${theme.evidenceThisQuarter} this quarter.`,
      bySource: theme.profile.byType.map((t) => ({ label: EVIDENCE_TYPE_LABELS[t.type], count: t.count })),
      // The last three years: enough to show a trend, short enough to sit beside the source table.
      byQuarter: theme.profile.byQuarter.slice(-12),
      firstEvidence: theme.profile.firstEvidence,
      latestEvidence: theme.profile.latestEvidence,
      evidence: newest.map((l) => ({ ref: l.ref, type: EVIDENCE_TYPE_LABELS[l.type], receivedOn: l.receivedOn, title: l.title, summary: summaries.get(l.evidenceId) ?? '' })),
      evidenceTotal: theme.links.length,
      recommendations: recs.map((r) => ({ ref: r.ref, text: r.text, status: REC_STATUS_LABELS[r.status], targetDate: r.targetDate, rag: RAG_LABELS[r.rag] })),
    });
    const chart = themePaperChartSvg(themePapers[themePapers.length - 1]);
    if (chart) charts.draw(chart, PNG_SCALE);
    sources.push(
      { recordType: 'theme', recordId: theme.id, field: 'description', text: `${theme.title}\n${theme.description}` },
      ...newest.map((l) => ({ recordType: 'evidence', recordId: l.evidenceId, field: 'title and summary', text: `${l.title}\n${summaries.get(l.evidenceId) ?? ''}` })),
      ...recSources(recs),
    );
  }

  // Matters arising's list: open or implemented, made at earlier panels (found from the status index, in SQL).
  const tracker = (await recommendationsArising(ctx.db, panel.date, today)).sort((a, b) => compareRefs(a.ref, b.ref));
  sources.push(...recSources(tracker));

  const previous = await ctx.db.selectFrom('panels').select(['id', 'date']).where('date', '<', panel.date).where('status', 'in', ['minutes-draft', 'minutes-approved']).orderBy('date', 'desc').executeTakeFirst();
  let previousMinutes: PackDocInput['previousMinutes'] = null;
  if (previous) {
    const parts = await minutesParts(ctx, previous.id);
    previousMinutes = parts.input;
    sources.push(...parts.sources);
    themeIds.push(...parts.themeIds);
  }
  // The action log: everything the previous panel asked for, and whatever is still open from before.
  const actions = await ctx.db
    .selectFrom('actions as a')
    .innerJoin('panels as p', 'p.id', 'a.panel_id')
    .select(['a.id', 'a.text', 'a.owner', 'a.due_date', 'a.status', 'p.date as panel_date'])
    .where('p.date', '<', panel.date)
    .where((eb) => eb.or([eb('a.status', '=', 'open'), eb('a.panel_id', '=', previous?.id ?? -1)]))
    .where('a.text', '!=', '')
    .orderBy('p.date')
    .orderBy('a.id')
    .execute();
  sources.push(...actions.map((a) => ({ recordType: 'action', recordId: a.id, field: 'text and owner', text: `${a.text}\n${a.owner}` })));

  const annexes = agenda.items.flatMap((item, i) => item.papers.map((p) => ({ itemNumber: i + 1, fileName: p.fileName, bytes: p.bytes })));
  sources.push(...agenda.items.flatMap((item) => item.papers.map((p) => ({ recordType: 'agenda_paper', recordId: p.id, field: 'file name', text: p.fileName }))));

  const { marking } = await getDocumentSettings(ctx);
  const draft = agenda.state !== 'approved';
  // The sections without charts are built while the charts are drawn; the theme papers once they are.
  const finish = startPack({
    panel,
    marking,
    draft,
    agendaApproval: !draft && approved ? `Agenda approved by ${approved.actorName} on ${formatDateLong(approved.at.slice(0, 10))}.` : null,
    invited,
    agenda: agenda.items.map((item, i) => ({
      number: i + 1,
      title: item.title,
      purpose: ITEM_PURPOSE_LABELS[item.purpose],
      presenter: item.presenterName,
      startsAt: item.startsAt,
      endsAt: item.endsAt,
      minutes: item.minutes,
      papers: item.papers.map((p) => p.fileName),
    })),
    themePapers,
    tracker: trackerRows(tracker),
    previousMinutes,
    actionLog: actions.map((a) => ({ text: a.text, owner: a.owner, due: a.due_date, status: ACTION_STATUS_LABELS[a.status], panelDate: a.panel_date })),
    annexes,
  });
  const doc = finish(await charts.rasteriser(), layoutEstimator().estimator);
  return {
    doc,
    fileName: safeFileName(`Panel pack - Serious Case Panel ${panel.quarter} - ${panel.date}${draft ? ' - DRAFT' : ''}.docx`),
    sources,
    restricted: await restrictedForThemes(ctx.db, [...new Set([...themeIds, ...tracker.flatMap((r) => r.themeIds)])]),
  };
}
