// A panel ready for meeting mode: members, a theme, an agenda with a theme item, approved by the chair.
import type { ScpApi } from '#shared/ipc/contract';
import { ok } from './harness';

export interface MeetingFixture {
  panelId: number;
  themeId: number;
  themeItemId: number;
  itemIds: number[];
  members: { chair: number; ice: number; ps: number; dgs: number[]; secretariat: number };
}

async function member(api: ScpApi, name: string, role: Parameters<ScpApi['createMember']>[0]['role'], organisation = 'DWP') {
  return ok(await api.createMember({ name, role, organisation, email: '', activeFrom: '2025-04-01' })).id;
}

export async function makeMembers(api: ScpApi) {
  return {
    chair: await member(api, 'Chris Chair', 'chair', 'Non-Executive Director'),
    ice: await member(api, 'Ida Examiner', 'ice', 'Independent Case Examiner'),
    ps: await member(api, 'Pat Secretary', 'permanent-secretary'),
    dgs: [await member(api, 'Dana General', 'director-general', 'Service Excellence'), await member(api, 'Dev General', 'director-general', 'Work and Health'), await member(api, 'Dee General', 'director-general', 'Change')],
    secretariat: await member(api, 'Sam Secretariat', 'secretariat', 'Secretariat'),
  };
}

/** Leaves the identity as the secretariat. */
export async function approvedPanel(api: ScpApi, date: string, members: MeetingFixture['members'], themeTitle = 'Contact lost with vulnerable claimants'): Promise<MeetingFixture> {
  await api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
  const panel = ok(await api.createPanel({ date, startTime: '10:00', endTime: '12:30', format: 'hybrid', location: 'Caxton House', notes: '' }));
  const theme = ok(await api.createTheme({ title: themeTitle, description: 'Payments stop after contact is lost.', status: 'scheduled', tags: [] }));
  const agenda = ok(await api.addAgendaItem({ panelId: panel.id, title: `Theme: ${themeTitle}`, purpose: 'decision', presenterId: members.dgs[0], minutes: 30, themeId: theme.id }));
  ok(await api.sendAgendaForReview({ panelId: panel.id }));
  await api.setIdentity({ name: 'Chris Chair', role: 'chair' });
  ok(await api.approveAgenda({ panelId: panel.id }));
  await api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
  const item = agenda.items.find((i) => i.themeId === theme.id)!;
  return { panelId: panel.id, themeId: theme.id, themeItemId: item.id, itemIds: agenda.items.map((i) => i.id), members };
}
