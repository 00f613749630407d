import { execFileSync, spawnSync } from 'node:child_process';
import { SCHEMA_VERSION } from '#db/migrations/index';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run';
import { registerAuditFunctions } from '#db/audit';

let dir: string;
let db: string;
const now = () => new Date('2026-11-23T10:00:00Z');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'scp-cli-'));
  db = join(dir, 'scp.sqlite3');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, { now });
  return { code, out, err, json: () => (expect(out).toHaveLength(1), JSON.parse(out[0])) };
}

describe('scp CLI', () => {
  it('init creates and migrates, printing path and schema version', async () => {
    const r = await cli('--db', db, 'init', '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toEqual({ path: db, schemaVersion: SCHEMA_VERSION });
    expect((await cli('init', '--db', db, '--json')).json()).toEqual({ path: db, schemaVersion: SCHEMA_VERSION });
  });

  it('doctor reports the pragmas and passes on a healthy database', async () => {
    await cli('--db', db, 'init');
    const r = await cli('--db', db, 'doctor', '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toEqual({ journalMode: 'wal', synchronous: 'full', foreignKeys: true, integrity: 'ok', schemaVersion: SCHEMA_VERSION, sqliteVersion: expect.stringMatching(/^3\.\d+\.\d+$/) });
  });

  it('doctor fails plainly on a missing file, an out-of-date schema and a corrupt file', async () => {
    const missing = await cli('--db', join(dir, 'none.sqlite3'), 'doctor', '--json');
    expect(missing.code).toBe(1);
    expect(missing.err.join()).toMatch(/There is no database/);
    expect(existsSync(join(dir, 'none.sqlite3'))).toBe(false);

    const old = new Database(db);
    old.exec('create table t(x)');
    old.close();
    const stale = await cli('--db', db, 'doctor', '--json');
    expect(stale.code).toBe(1);
    expect(stale.json().schemaVersion).toBe(0);

    writeFileSync(db, Buffer.alloc(8192, 7));
    const corrupt = await cli('--db', db, 'doctor', '--json');
    expect(corrupt.code).toBe(1);
    expect(corrupt.err.join()).toMatch(/damaged/);
  });

  it('demo fills an empty database once, and panels list shows a year of panels', async () => {
    const r = await cli('--db', db, 'demo', '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ members: 14, panels: 10, panelsHeld: 8, recommendations: expect.any(Number), torVersions: 2, themes: 12, evidence: expect.any(Number), coronerReportsToDwp: expect.any(Number) });
    expect(r.json().evidence).toBeGreaterThan(250);
    const again = await cli('--db', db, 'demo', '--json');
    expect(again.code).toBe(1);
    expect(again.err.join()).toMatch(/already holds members or panels/);
    const list = (await cli('--db', db, 'panels', 'list', '--json')).json();
    expect(list.panels.map((p: { date: string; quarter: string; status: string }) => [p.date, p.quarter, p.status])).toEqual([
      ['2024-11-13', '2024-25 Q3', 'minutes-approved'],
      ['2025-02-12', '2024-25 Q4', 'minutes-approved'],
      ['2025-05-14', '2025-26 Q1', 'minutes-approved'],
      ['2025-08-13', '2025-26 Q2', 'minutes-approved'],
      ['2025-11-12', '2025-26 Q3', 'minutes-approved'],
      ['2026-02-11', '2025-26 Q4', 'minutes-approved'],
      ['2026-05-13', '2026-27 Q1', 'minutes-approved'],
      ['2026-08-12', '2026-27 Q2', 'minutes-approved'],
      ['2026-11-11', '2026-27 Q3', 'minutes-draft'],
      ['2027-02-10', '2026-27 Q4', 'agenda-in-preparation'],
    ]);
    expect(Object.keys(list.panels[0])).toEqual(['id', 'date', 'quarter', 'status', 'startTime', 'endTime', 'format', 'location']);
  });

  it('calendar prints proposed panels for a year and one meeting’s milestones', async () => {
    const fy = (await cli('--db', db, 'calendar', '--fy', '2026-27', '--json')).json();
    expect(fy.fy).toBe('2026-27');
    expect(fy.panels[0]).toEqual({ quarter: 'Q1', date: '2026-05-13', milestones: { agendaReviewDue: '2026-04-21', papersDue: '2026-04-28', packIssue: '2026-05-06', minutesDue: '2026-05-28' } });
    const m = (await cli('--db', db, 'calendar', '--meeting', '2027-01-13', '--json')).json();
    expect(m).toEqual({ meeting: '2027-01-13', quarter: '2026-27 Q4', milestones: { agendaReviewDue: '2026-12-18', papersDue: '2026-12-29', packIssue: '2027-01-06', minutesDue: '2027-01-27' } });
  });

  it('exports the agenda and Terms of Reference as Word files', async () => {
    await cli('--db', db, 'demo');
    const out = join(dir, 'agenda.docx');
    const r = await cli('--db', db, 'export', 'agenda', '--panel', 'next', '--out', out, '--json');
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j).toMatchObject({ path: out, bytes: readFileSync(out).length });
    expect(j.pages === null || j.pages >= 1).toBe(true);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const tor = await cli('--db', db, 'export', 'tor', '--version', '1', '--out', join(dir, 'tor.docx'), '--json');
    expect(tor.code).toBe(0);
    const none = await cli('--db', db, 'export', 'tor', '--version', '9', '--out', join(dir, 'x.docx'), '--json');
    expect(none.code).toBe(1);
    // Minutes (the latest held panel's draft), the tracker and a quarter's Board report.
    for (const args of [['minutes', '--panel', 'latest'], ['tracker'], ['board-report', '--quarter', '2026-27-Q2']]) {
      const file = join(dir, `${args[0]}.docx`);
      const w = await cli('--db', db, 'export', ...args, '--out', file, '--json');
      expect(w.code, args.join(' ')).toBe(0);
      expect(w.json()).toMatchObject({ path: file, bytes: readFileSync(file).length });
    }
    expect((await cli('--db', db, 'export', 'board-report', '--quarter', '2026-Q2', '--out', join(dir, 'b.docx'))).code).toBe(2);
  }, 180_000);

  it('exports from a large file while its integrity check runs, logging the file once the check has passed', async () => {
    await cli('--db', db, 'demo');
    // Padding past DEFER_CHECK_ABOVE_BYTES, so the file is checked in the background after opening.
    const pad = new Database(db);
    pad.exec('create table padding (b blob)');
    pad.prepare('insert into padding values (zeroblob(?))').run(26 * 1024 * 1024);
    pad.close();
    const out = join(dir, 'agenda-large.docx');
    const r = await cli('--db', db, 'export', 'agenda', '--panel', 'next', '--out', out, '--json');
    expect(r.err.join('\n')).toBe('');
    expect(r.code).toBe(0);
    const log = new Database(db, { readonly: true });
    expect(log.prepare('select title from export_log order by id desc limit 1').pluck().get()).toBe('agenda-large.docx');
    log.close();
  }, 120_000);

  it('bad arguments print usage and exit 2; errors exit 1', async () => {
    for (const args of [[], ['bogus'], ['panels'], ['calendar', '--fy', '2026-28'], ['calendar'], ['calendar', '--fy', '2026-27', '--meeting', '2026-01-01'], ['init', '--nope'], ['export', 'agenda', '--panel', 'soon', '--out', 'x.docx']]) {
      const r = await cli('--db', db, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.join('\n')).toMatch(/Usage: npm run -s scp/);
    }
    const noPanel = await cli('--db', db, 'export', 'agenda', '--panel', 'next', '--out', join(dir, 'a.docx'), '--json');
    expect(noPanel.code).toBe(1);
    expect(noPanel.json()).toMatchObject({ message: expect.stringMatching(/No upcoming panel/) });
  });

  it('runs as a real process through npm run', () => {
    const r = spawnSync('npm', ['run', '-s', 'scp', '--', '--db', db, 'init', '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toEqual({ path: db, schemaVersion: SCHEMA_VERSION });
    expect(() => execFileSync('npm', ['run', '-s', 'scp', '--', 'nonsense'], { stdio: 'pipe' })).toThrow();
  }, 60_000);
});

describe('scp backup and restore', () => {
  it('backs up, then restores with the current file kept aside', async () => {
    await cli('--db', db, 'demo');
    const out = join(dir, 'b.sqlite3');
    const b = await cli('--db', db, 'backup', '--out', out, '--json');
    expect(b.code).toBe(0);
    expect(b.json()).toMatchObject({ path: out, integrity: 'ok', bytes: expect.any(Number) });
    const r = await cli('--db', db, 'restore', '--from', out, '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ restored: db, keptAside: expect.stringContaining('.before-restore-'), schemaVersion: SCHEMA_VERSION });
    expect(existsSync(r.json().keptAside)).toBe(true);
    expect((await cli('--db', db, 'panels', 'list', '--json')).json().panels).toHaveLength(10);
    const bad = await cli('--db', db, 'restore', '--from', join(dir, 'missing.sqlite3'), '--json');
    expect(bad.code).toBe(1);
    expect((await cli('--db', db, 'backup', '--json')).code).toBe(2);
  });
});

describe('scp audit verify', () => {
  it('reports an intact chain, and the first bad row after tampering', async () => {
    await cli('--db', db, 'demo');
    const ok = await cli('--db', db, 'audit', 'verify', '--json');
    expect(ok.code).toBe(0);
    const j = ok.json();
    expect(j).toMatchObject({ ok: true, firstBadRow: null });
    expect(j.rows).toBeGreaterThan(50);
    const raw = new Database(db);
    raw.exec('drop trigger audit_log_no_update');
    raw.prepare("update audit_log set changed_fields = '[]' where id = 10").run();
    raw.close();
    const bad = await cli('--db', db, 'audit', 'verify', '--json');
    expect(bad.code).toBe(1);
    expect(bad.json()).toMatchObject({ ok: false, firstBadRow: 10 });
  });

  it('imports a coroners’ reports file, reports bad rows, and lists DWP reports by urgency', async () => {
    const file = join(dir, 'pfd.csv');
    const header = 'date_added,date_of_report,ref,deceased_name,coroner_name,coroner_area,category,this_report_is_being_sent_to,report_url,pdf_url,reply_urls,circumstances,concerns,inquest,action,response,legal';
    writeFileSync(
      file,
      [
        header,
        '02/10/2026,01/10/2026,2026-0500,Pat Example,A Coroner,Avon,Suicide (from 2015),Department for Work and Pensions,,,,,,,,,',
        '02/08/2026,1 August 2026,2026-0400,Sam Example,A Coroner,Surrey,Other,Secretary of State for Work and Pensions; NHS England,,,,,,,,,',
        '02/08/2026,1 August 2026,2026-0401,Jo Example,A Coroner,Kent,Other,NHS England,,,,,,,,,',
        '02/08/2026,,,Nobody,A Coroner,Kent,Other,NHS England,,,,,,,,,',
      ].join('\n'),
    );
    await cli('--db', db, 'init');
    const r = await cli('--db', db, 'import', 'pfd', file, '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toEqual({ read: 4, imported: 3, updated: 0, skipped: 0, addressedToDwp: 2, errors: [{ row: 4, message: expect.stringMatching(/ref/) }] });
    expect((await cli('--db', db, 'import', 'pfd', file, '--json')).json()).toMatchObject({ imported: 0, skipped: 3 });
    const list = (await cli('--db', db, 'coroner', 'list', '--json')).json();
    expect(list.reports).toEqual([
      { ref: '2026-0400', reportDate: '2026-08-01', responseDue: '2026-09-26', status: 'overdue', addressedToDwp: true, daysRemaining: -58 },
      { ref: '2026-0500', reportDate: '2026-10-01', responseDue: '2026-11-26', status: 'due-within-14-days', addressedToDwp: true, daysRemaining: 3 },
    ]);
    expect((await cli('--db', db, 'coroner', 'list', '--all', '--json')).json().reports).toHaveLength(3);
    const missing = await cli('--db', db, 'import', 'pfd', join(dir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.err.join()).toMatch(/no such file/);
    const names = new Database(db, { readonly: true });
    try {
      expect(names.prepare("select count(*) from evidence where title like '%Example%' or summary like '%Example%'").pluck().get()).toBe(0);
    } finally {
      names.close();
    }
  });

  it('retention run lists what is due with --dry-run, then erases it', async () => {
    await cli('--db', db, 'demo');
    const dry = await cli('--db', db, 'retention', 'run', '--today', '2026-11-23', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    const listed = dry.json();
    expect(listed).toMatchObject({ today: '2026-11-23', dryRun: true, erased: 0 });
    expect(listed.due.length).toBeGreaterThan(0);
    expect(Object.keys(listed.due[0])).toEqual(['id', 'ref', 'type', 'rule', 'basis', 'retentionDate', 'holds']);
    expect(listed.due.every((d: { retentionDate: string }) => d.retentionDate <= '2026-11-23')).toBe(true);
    const run = (await cli('--db', db, 'retention', 'run', '--today', '2026-11-23', '--json')).json();
    expect(run.erased).toBe(listed.due.length);
    expect((await cli('--db', db, 'retention', 'run', '--json')).json()).toMatchObject({ due: [], erased: 0 });
    const future = await cli('--db', db, 'retention', 'run', '--today', '2030-01-01');
    expect(future.code).toBe(1);
    expect(future.err.join()).toMatch(/in the future/);
    expect((await cli('--db', db, 'retention', 'run', '--today', 'yesterday')).code).toBe(2);
  });

  it('export exits 3 with the findings when a document would carry personal data, unless a reason is given', async () => {
    await cli('--db', db, 'demo');
    const raw = new Database(db);
    registerAuditFunctions(raw);
    try {
      raw.prepare("update agenda_items set title = 'Call the claimant on 07700 900123' where id = (select min(i.id) from agenda_items i join panels p on p.id = i.panel_id where p.date >= '2026-11-23')").run();
    } finally {
      raw.close();
    }
    const out = join(dir, 'agenda.docx');
    const stopped = await cli('--db', db, 'export', 'agenda', '--panel', 'next', '--out', out, '--json');
    expect(stopped.code).toBe(3);
    expect(stopped.json()).toEqual({ error: 'personal-data', findings: [{ kind: 'phone', recordType: 'agenda_item', recordId: expect.any(Number), field: 'title' }] });
    expect(existsSync(out)).toBe(false);
    const allowed = await cli('--db', db, 'export', 'agenda', '--panel', 'next', '--out', out, '--allow-findings', 'The DWP switchboard, agreed with the chair', '--json');
    expect(allowed.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const log = new Database(db, { readonly: true });
    try {
      expect(log.prepare('select actor, override_reason from export_log').get()).toEqual({ actor: 'unnamed user (command line)', override_reason: 'The DWP switchboard, agreed with the chair' });
    } finally {
      log.close();
    }
  }, 120_000);
});
