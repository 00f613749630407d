// The audit log's hash function and its verification.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Every connection that writes must know the function the audit triggers call. */
export function registerAuditFunctions(sqlite: Database.Database): void {
  sqlite.function('scp_sha256', { deterministic: true }, (text: unknown) => sha256Hex(String(text ?? '')));
}

interface AuditRow {
  id: number;
  table_name: string;
  row_key: string;
  action: string;
  changed_fields: string;
  actor: string;
  at: string;
  prev_hash: string;
  hash: string;
}

/** Walks the chain; the first row whose hash or link does not match is where tampering begins. */
export function verifyAuditLog(sqlite: Database.Database): { rows: number; ok: boolean; firstBadRow: number | null } {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'audit_log'").get();
  if (!table) return { rows: 0, ok: true, firstBadRow: null };
  let prev = '';
  let rows = 0;
  let expectedId = 1;
  for (const r of sqlite.prepare('select * from audit_log order by id').iterate() as IterableIterator<AuditRow>) {
    rows++;
    const expected = sha256Hex([r.prev_hash, r.table_name, r.row_key, r.action, r.changed_fields, r.actor, r.at].join('|'));
    if (r.id !== expectedId || r.prev_hash !== prev || r.hash !== expected) return { rows, ok: false, firstBadRow: r.id !== expectedId ? expectedId : r.id };
    prev = r.hash;
    expectedId++;
  }
  return { rows, ok: true, firstBadRow: null };
}
