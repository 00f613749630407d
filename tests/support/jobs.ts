// Jobs in tests: waiting for one to finish, and a panel whose pack can be written.
import type { JobStatus } from '#shared/domain/jobs';
import type { ScpApi } from '#shared/ipc/contract';
import { ok } from './harness';

/** Polls the job, as the screens do, until it is no longer running (12 s at most). */
export async function settleJob(api: ScpApi, s: JobStatus): Promise<JobStatus> {
  for (let i = 0; s.state === 'running' && i < 600; i++) {
    await new Promise((r) => setTimeout(r, 20));
    s = ok(await api.getJob({ id: s.id }));
  }
  return s;
}

/** A panel with one agenda item, its agenda approved by the chair; the secretariat is signed in again after. */
export async function panelWithApprovedAgenda(api: ScpApi, date = '2027-02-10'): Promise<number> {
  const p = ok(await api.createPanel({ date, startTime: '10:00', endTime: '12:00', format: 'online', location: '', notes: '' }));
  ok(await api.addAgendaItem({ panelId: p.id, title: 'Theme: lost contact before payments stop', purpose: 'discussion', presenterId: null, minutes: 30 }));
  ok(await api.sendAgendaForReview({ panelId: p.id }));
  await api.setIdentity({ name: 'Chris Chair', role: 'chair' });
  ok(await api.approveAgenda({ panelId: p.id, comment: 'Approved' }));
  await api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
  return p.id;
}
