import type { AgendaDocInput } from '../../templates/agenda/buildAgenda';
import { agendaTiming, runningTimes, STANDING_ITEMS } from '#shared/domain/agenda';
import { TOR_SECTIONS, type TorVersion } from '#shared/domain/tor';
import { DEFAULT_QUORUM, DEFAULT_TOR_SECTIONS } from '#shared/domain/torDefault';

export function agendaInput(themeCount: number, draft: boolean): AgendaDocInput {
  const themes = Array.from({ length: themeCount }, (_, i) => ({
    title: `Theme ${i + 1}: ${['Contact lost with vulnerable claimants before payments stop', 'Large arrears payments to vulnerable customers', 'Additional-support markers not recorded', 'Third-party and explicit-consent requests not acted on', 'Appointee arrangements', 'Complaints not called back'][i % 6]}`,
    purpose: 'decision' as const,
    presenterName: 'Director General, Service Excellence',
    minutes: 20,
    papers: [{ id: i, fileName: `Theme paper ${i + 1}.docx`, bytes: 1000, sha256: 'x', addedBy: 'Sam', addedAt: '2026-11-01T10:00:00Z' }],
  }));
  const items = [...STANDING_ITEMS.slice(0, 3).map((s) => ({ ...s, presenterName: 'Chair', papers: [] })), ...themes, ...STANDING_ITEMS.slice(3).map((s) => ({ ...s, presenterName: null, papers: [] }))];
  const times = runningTimes('10:00', items.map((i) => i.minutes));
  agendaTiming('10:00', '12:30', items.map((i) => i.minutes));
  return {
    panel: { date: '2027-02-10', startTime: '10:00', endTime: '12:30', format: 'hybrid', location: 'Caxton House, London', quarter: '2026-27 Q4' },
    marking: 'OFFICIAL-SENSITIVE',
    draft,
    approval: draft ? null : 'Approved by Chris Chair (chair) on 20 January 2027.',
    invited: [
      { name: 'Chris Chair', role: 'Independent chair (NED)', organisation: 'Non-Executive Director' },
      { name: 'Ida Examiner', role: 'Independent Case Examiner', organisation: 'ICE Office' },
      { name: 'Pat Secretary', role: 'Permanent Secretary', organisation: 'DWP' },
      { name: 'Dana General', role: 'Director General', organisation: 'Service Excellence' },
    ],
    items: items.map((i, n) => ({ title: i.title, purpose: i.purpose, presenterName: i.presenterName, minutes: i.minutes, papers: i.papers, ...times[n] })),
  };
}

export function torVersion(status: TorVersion['status']): TorVersion {
  return {
    id: 1,
    version: 2,
    status,
    approvedOn: status === 'draft' ? null : '2026-04-01',
    approvedBy: status === 'draft' ? null : 'Chris Chair',
    reviewDate: '2027-04-01',
    quorum: DEFAULT_QUORUM,
    sections: TOR_SECTIONS.map((s) => ({ key: s.key, heading: s.heading, body: DEFAULT_TOR_SECTIONS[s.key] })),
    createdBy: 'Sam',
    createdAt: '2026-03-01T10:00:00Z',
    updatedAt: '2026-03-01T10:00:00Z',
  };
}
