// Kills a writing process with SIGKILL at random moments and checks that the database is whole
// and holds every write the process acknowledged. Shared by the test suite and the benchmark.
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { MAIN_BUNDLE } from '../../electron/build.mjs';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '#db/open';
import { verifyAuditLog } from '#db/audit';

export interface CrashReport {
  rounds: number;
  acknowledged: number;
  /** acknowledged writes of each kind (member, item, evidence, link) */
  byKind: Record<string, number>;
  lost: string[];
  integrity: string[];
  foreignKeyProblems: number;
  auditBroken: number;
}

/** Bundles the writer once, so each round starts a plain, quick node process. */
async function buildWriter(dir: string): Promise<string> {
  const out = join(dir, 'writer.cjs');
  await build({ ...MAIN_BUNDLE, entryPoints: [resolve('tests/durability/writer.ts')], outfile: out, logLevel: 'silent', nodePaths: [resolve('node_modules')] });
  return out;
}

function runAndKill(writer: string, dbPath: string, prefix: string, killAfterMs: number, env: Record<string, string>): Promise<string[]> {
  return new Promise((ok, fail) => {
    // One plain node process, so SIGKILL stops the very process that writes.
    const child = spawn(process.execPath, [writer, dbPath, prefix], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env, NODE_PATH: resolve('node_modules') } });
    const acks: string[] = [];
    let buffer = '';
    let err = '';
    let started = false;
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const l of lines) if (l.startsWith('ack ')) acks.push(l.slice(4));
      if (!started && acks.length > 0) {
        started = true;
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') ok(acks);
      else fail(new Error(`writer exited ${code} before it was killed: ${err}`));
    });
    setTimeout(() => child.kill('SIGKILL'), 60_000);
  });
}

export async function crashRounds(rounds: number, seed = 1): Promise<CrashReport> {
  const dir = mkdtempSync(join(tmpdir(), 'scp-crash-'));
  const dbPath = join(dir, 'scp.sqlite3');
  let rnd = seed;
  const random = () => ((rnd = (rnd * 1103515245 + 12345) % 2147483648), rnd / 2147483648);
  const report: CrashReport = { rounds: 0, acknowledged: 0, byKind: {}, lost: [], integrity: [], foreignKeyProblems: 0, auditBroken: 0 };
  try {
    const setup = await openDatabase(dbPath);
    setup.sqlite.prepare("insert into panels (date, start_time, end_time, format, location, status, notes, created_at, updated_at) values ('2027-02-10','10:00','12:00','online','','planned','', 'x', 'x')").run();
    // A meeting under way: approved agenda with one item, started; and a Director General to own recommendations.
    const meetingPanel = Number(
      setup.sqlite.prepare("insert into panels (date, start_time, end_time, format, location, status, notes, agenda_state, created_at, updated_at) values ('2026-11-11','10:00','12:00','online','','held','','approved','x','x')").run().lastInsertRowid,
    );
    const item = setup.sqlite.prepare("insert into agenda_items (panel_id, position, title, purpose, minutes, created_at, updated_at) values (?, 1, 'Theme item', 'decision', 30, 'x', 'x')").run(meetingPanel).lastInsertRowid;
    setup.sqlite.prepare("insert into meeting_state (panel_id, current_item_id, started_at, updated_at) values (?, ?, '2026-11-11T10:00:00Z', 'x')").run(meetingPanel, item);
    const dg = setup.sqlite.prepare("insert into members (name, role, active_from, created_at, updated_at) values ('Crash DG', 'director-general', '2025-04-01', 'x', 'x')").run().lastInsertRowid;
    await setup.close();
    const env = { SCP_CRASH_MEETING: String(meetingPanel), SCP_CRASH_DG: String(dg) };
    const writer = await buildWriter(dir);
    const acked: string[] = [];
    for (let r = 0; r < rounds; r++) {
      acked.push(...(await runAndKill(writer, dbPath, `r${r}`, Math.floor(random() * 80), env)));
      report.rounds++;
      const db = new Database(dbPath);
      const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((x) => x.integrity_check).join('; ');
      if (integrity !== 'ok') report.integrity.push(`round ${r}: ${integrity}`);
      report.foreignKeyProblems += (db.pragma('foreign_key_check') as unknown[]).length;
      const present: Record<string, Set<string>> = {
        member: new Set(db.prepare('select name from members').pluck().all() as string[]),
        item: new Set(db.prepare('select title from agenda_items').pluck().all() as string[]),
        evidence: new Set(db.prepare("select e.ref from evidence e join evidence_personal p on p.evidence_id = e.id where p.person_name = 'Person ' || e.ref").pluck().all() as string[]),
        link: new Set(db.prepare('select e.ref from theme_evidence l join evidence e on e.id = l.evidence_id').pluck().all() as string[]),
        note: new Set(((db.prepare('select notes from meeting_items').pluck().all() as string[]).join('\n')).split('\n')),
        decision: new Set(db.prepare('select text from decisions').pluck().all() as string[]),
        rec: new Set(
          db
            .prepare("select r.text from recommendations r join recommendation_updates u on u.recommendation_id = r.id and u.narrative = 'update ' || r.text where r.status = 'accepted'")
            .pluck()
            .all() as string[],
        ),
      };
      for (const a of acked) {
        const [kind, key] = a.split(' ');
        if (!present[kind]?.has(key)) report.lost.push(a);
      }
      // The search index must agree with the table it indexes.
      const ftsRows = db.prepare("select count(*) from evidence_fts where evidence_fts match 'crash'").pluck().get() as number;
      const crashRows = db.prepare("select count(*) from evidence where tags like '%crash%'").pluck().get() as number;
      if (ftsRows !== crashRows) report.integrity.push(`round ${r}: search index has ${ftsRows} of ${crashRows} records`);
      if (!verifyAuditLog(db).ok) report.auditBroken++;
      db.close();
    }
    report.acknowledged = acked.length;
    for (const a of acked) report.byKind[a.split(' ')[0]] = (report.byKind[a.split(' ')[0]] ?? 0) + 1;
    return report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
