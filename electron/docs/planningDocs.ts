// Gathers what the agenda and Terms of Reference documents need from the database.
import type { Document } from 'docx';
import { MEMBER_ROLE_LABELS, MEMBER_ROLES } from '#shared/domain/members';
import { formatDateLong, londonToday } from '#shared/format';
import { notFound, UserFacingError } from '#shared/ipc/result';
import { getTorByNumber, getTorInForce, getTorVersion } from '#db/queries/tor';
import { findPanel, toPanel } from '#db/queries/panels';
import { listMembers } from '#db/queries/members';
import { buildAgenda } from '#templates/agenda/buildAgenda';
import { buildTermsOfReference } from '#templates/tor/buildTermsOfReference';
import { loadAgenda } from '../handlers/agenda';
import { getDocumentSettings } from '../handlers/app';
import type { HandlerContext } from '../handlers/context';
import { safeFileName } from './files';
import type { GateSource, RestrictedValue } from '#shared/pii/gate';
import { restrictedForThemes } from '#db/queries/gate';

export interface BuiltDocument {
  doc: Document;
  /** a suggested file name */
  fileName: string;
  /** the panel-facing text the document was built from, for the personal-data gate */
  sources: GateSource[];
  /** restricted values of the records it draws on, which must not appear in it */
  restricted: RestrictedValue[];
}

/** The members invited to a panel (everyone but the secretariat and observers), in role order. */
export async function invitedMembers(ctx: HandlerContext, panelDate: string): Promise<{ name: string; role: string; organisation: string }[]> {
  const today = londonToday(ctx.now());
  const members = await listMembers(ctx.db, { today: panelDate < today ? panelDate : today, includeInactive: false });
  return members
    .filter((m) => m.role !== 'secretariat' && m.role !== 'observer')
    .sort((a, b) => MEMBER_ROLES.indexOf(a.role) - MEMBER_ROLES.indexOf(b.role) || a.name.localeCompare(b.name))
    .map((m) => ({ name: m.name, role: MEMBER_ROLE_LABELS[m.role], organisation: m.organisation }));
}

export async function agendaDocument(ctx: HandlerContext, panelId: number): Promise<BuiltDocument> {
  const row = await findPanel(ctx.db, panelId);
  if (!row) throw notFound('Panel', panelId);
  const panel = toPanel(row);
  if (panel.status === 'cancelled') throw new UserFacingError('conflict', 'This panel was cancelled, so it has no agenda to export.');
  const agenda = await loadAgenda(ctx.db, panelId);
  const invited = await invitedMembers(ctx, panel.date);
  const approved = [...agenda.events].reverse().find((e) => e.action === 'approved');
  const { marking } = await getDocumentSettings(ctx);
  const doc = buildAgenda({
    panel,
    marking,
    draft: agenda.state !== 'approved',
    approval: agenda.state === 'approved' && approved ? `Approved by ${approved.actorName} on ${formatDateLong(approved.at.slice(0, 10))}.` : null,
    invited,
    items: agenda.items,
  });
  const sources: GateSource[] = [
    { recordType: 'panel', recordId: panel.id, field: 'location', text: panel.location },
    ...agenda.items.flatMap((i) => [
      { recordType: 'agenda_item', recordId: i.id, field: 'title', text: i.title },
      { recordType: 'agenda_item', recordId: i.id, field: 'notes', text: i.notes },
      ...i.papers.map((p) => ({ recordType: 'agenda_paper', recordId: p.id, field: 'file name', text: p.fileName })),
    ]),
    ...invited.map((m, n) => ({ recordType: 'member', recordId: null, field: `invited member ${n + 1}`, text: `${m.name} ${m.organisation}` })),
  ];
  const themeIds = agenda.items.map((i) => i.themeId).filter((x): x is number => x !== null);
  return {
    doc,
    fileName: safeFileName(`Agenda - Serious Case Panel ${panel.quarter} - ${panel.date}${agenda.state === 'approved' ? '' : ' - DRAFT'}.docx`),
    sources,
    restricted: await restrictedForThemes(ctx.db, themeIds),
  };
}

export async function torDocument(ctx: HandlerContext, ref: { id?: number; version?: number }): Promise<BuiltDocument> {
  const tor =
    ref.id !== undefined ? await getTorVersion(ctx.db, ref.id) : ref.version !== undefined ? await getTorByNumber(ctx.db, ref.version) : await getTorInForce(ctx.db);
  if (!tor) {
    throw ref.id !== undefined || ref.version !== undefined
      ? notFound('Terms of Reference version', ref.id ?? ref.version ?? '')
      : new UserFacingError('not-found', 'No Terms of Reference are in force yet. Approve a version first, or export a draft by its version number.');
  }
  const { marking } = await getDocumentSettings(ctx);
  return {
    sources: tor.sections.map((sec) => ({ recordType: 'tor_version', recordId: tor.id, field: `section “${sec.heading}”`, text: `${sec.heading}\n${sec.body}` })),
    restricted: [],
    doc: buildTermsOfReference({ tor, marking }),
    fileName: safeFileName(`Terms of Reference - Serious Case Panel - version ${tor.version}${tor.status === 'draft' ? ' - DRAFT' : ''}.docx`),
  };
}
