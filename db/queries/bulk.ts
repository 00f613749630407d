// Bulk loading for the large demonstration dataset. Kysely compiles each query afresh, which is
// fine for a form but not for half a million rows in under two minutes, so this one path uses
// better-sqlite3 prepared statements inside one transaction. It writes the same columns, labels,
// restricted fields and coroner rows as `insertEvidence`, and the audit and search triggers fire
// as for any other write.
import type Database from 'better-sqlite3';
import type { EvidenceParsed } from '#shared/domain/evidence';
import { searchTextOf } from './evidence';

export interface BulkLoader {
  evidence(v: EvidenceParsed, now: string): number;
  theme(v: { title: string; description: string; ownerId: number | null; status: string; tags: string[] }, now: string): number;
  link(themeId: number, evidenceId: number, note: string, by: string, now: string): void;
}

export function bulkLoader(sqlite: Database.Database): BulkLoader {
  const ev = sqlite.prepare(
    `insert into evidence (type, ref, title, summary, received_on, benefit_lines, region, tags, sensitivity, details, search_text, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const label = sqlite.prepare('insert or ignore into evidence_labels (kind, value, evidence_id) values (?, ?, ?)');
  const personal = sqlite.prepare('insert into evidence_personal (evidence_id, person_name, case_reference, updated_at) values (?, ?, ?, ?)');
  const coroner = sqlite.prepare('insert into coroner_reports (evidence_id, coroner_ref, report_date, addressed_to_dwp, response_sent_on, updated_at) values (?, ?, ?, ?, ?, ?)');
  const theme = sqlite.prepare('insert into themes (title, description, owner_member_id, status, tags, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)');
  const link = sqlite.prepare('insert or ignore into theme_evidence (theme_id, evidence_id, note, linked_by, linked_at) values (?, ?, ?, ?, ?)');
  return {
    evidence(v, now) {
      const id = Number(
        ev.run(v.details.type, v.ref, v.title, v.summary, v.receivedOn, JSON.stringify(v.benefitLines), v.region, JSON.stringify(v.tags), v.sensitivity, JSON.stringify(v.details), searchTextOf(v.details), now, now)
          .lastInsertRowid,
      );
      for (const t of v.tags) label.run('tag', t, id);
      for (const b of v.benefitLines) label.run('benefit', b, id);
      personal.run(id, v.personal.personName, v.personal.caseReference, now);
      if (v.details.type === 'pfd') {
        // Reports older than their 56 days are treated as answered on time; recent ones stay open.
        const due = new Date(Date.parse(v.details.reportDate) + 56 * 86_400_000).toISOString().slice(0, 10);
        coroner.run(id, v.details.coronerRef, v.details.reportDate, v.details.addressedToDwp ? 1 : 0, due < now.slice(0, 10) ? due : null, now);
      }
      return id;
    },
    theme(v, now) {
      return Number(theme.run(v.title, v.description, v.ownerId, v.status, JSON.stringify(v.tags), now, now).lastInsertRowid);
    },
    link(themeId, evidenceId, note, by, now) {
      link.run(themeId, evidenceId, note, by, now);
    },
  };
}
