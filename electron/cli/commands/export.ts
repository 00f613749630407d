import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { londonToday } from '#shared/format';
import { pendingIntegrity } from '#db/open';
import { getSetting } from '#db/queries/settings';
import type { Identity } from '#shared/domain/identity';
import { exportDocument, type ExportOptions } from '../../docs/exportDocument';
import { agendaDocument, torDocument, type BuiltDocument } from '../../docs/planningDocs';
import { boardReportDocument, minutesDocument, trackerDocument } from '../../docs/meetingDocs';
import { packDocument } from '../../docs/packDocument';
import { countPages } from '../../docs/files';
import { IDENTITY_KEY } from '../../handlers/context';
import { withSession, type Session } from '../session';
import { CliError, emit, UsageError, type CliCommand, type CommandContext } from '../types';

async function panelRef(s: Session, ref: string, now: Date): Promise<number> {
  if (/^\d+$/.test(ref)) return Number(ref);
  if (ref === 'latest') {
    const latest = await s.ctx.db.selectFrom('panels').select('id').where('status', 'in', ['minutes-draft', 'minutes-approved']).orderBy('date', 'desc').executeTakeFirst();
    if (!latest) throw new CliError('No panel has minutes yet. Record a meeting and end it, or give --panel with an id.');
    return latest.id;
  }
  if (ref !== 'next') throw new UsageError(`--panel must be a panel id, "next" or "latest", not "${ref}".`);
  const next = await s.ctx.db
    .selectFrom('panels')
    .select('id')
    .where('date', '>=', londonToday(now))
    .where('status', '!=', 'cancelled')
    .orderBy('date')
    .executeTakeFirst();
  if (!next) throw new CliError('No upcoming panel is planned. Plan one, or give --panel with an id.');
  return next.id;
}

async function write(cmd: CommandContext, s: Session, built: BuiltDocument, o: { kind: ExportOptions['kind']; panelId: number | null; out: string; allow?: string }) {
  const path = resolve(o.out);
  const who = await getSetting<Identity>(s.ctx.db, IDENTITY_KEY);
  // A large file is checked in the background after opening and refuses writes until then; the
  // file's log row is a write, so the export waits for the check (as the app's jobs do) rather
  // than writing the document and failing to log it.
  const check = pendingIntegrity(s.ctx.sqlite);
  if (check) {
    const verdict = await check;
    if (!verdict.ok) throw new CliError(verdict.message);
  }
  const written = await exportDocument(s.ctx, built, {
    kind: o.kind,
    panelId: o.panelId,
    path,
    allowFindings: o.allow !== undefined ? { reason: o.allow } : undefined,
    actor: `${who?.name ?? 'unnamed user'} (command line)`,
  });
  const pages = await countPages(path);
  emit(cmd, { path, pages, bytes: written.bytes }, `Wrote ${path} (${pages ?? 'unknown'} pages, ${written.bytes} bytes).`);
  return 0;
}

export const exportAgendaCommand: CliCommand = {
  name: 'export agenda',
  summary: 'Write a panel’s agenda as a Word file',
  usage: 'export agenda --panel <id|next> --out FILE.docx [--allow-findings "reason"] [--json]',
  run: async (cmd) => {
    const { values } = parseArgs({ args: cmd.args, options: { panel: { type: 'string' }, out: { type: 'string' }, 'allow-findings': { type: 'string' } }, strict: true });
    if (!values.panel || !values.out) throw new UsageError('Give --panel and --out.');
    return withSession(cmd, async (s) => {
      const panelId = await panelRef(s, values.panel!, cmd.now());
      return write(cmd, s, await agendaDocument(s.ctx, panelId), { kind: 'agenda', panelId, out: values.out!, allow: values['allow-findings'] });
    });
  },
};

export const exportTorCommand: CliCommand = {
  name: 'export tor',
  summary: 'Write the Terms of Reference (the version in force, or --version N) as a Word file',
  usage: 'export tor [--version N] --out FILE.docx [--allow-findings "reason"] [--json]',
  run: async (cmd) => {
    const { values } = parseArgs({ args: cmd.args, options: { version: { type: 'string' }, out: { type: 'string' }, 'allow-findings': { type: 'string' } }, strict: true });
    if (!values.out) throw new UsageError('Give --out.');
    if (values.version !== undefined && !/^\d+$/.test(values.version)) throw new UsageError('--version must be a whole number.');
    return withSession(cmd, async (s) => {
      const built = await torDocument(s.ctx, { version: values.version === undefined ? undefined : Number(values.version) });
      return write(cmd, s, built, { kind: 'tor', panelId: null, out: values.out!, allow: values['allow-findings'] });
    });
  },
};

export const exportMinutesCommand: CliCommand = {
  name: 'export minutes',
  summary: 'Write a panel’s minutes (draft or approved) as a Word file',
  usage: 'export minutes --panel <id|latest> --out FILE.docx [--allow-findings "reason"] [--json]',
  run: async (cmd) => {
    const { values } = parseArgs({ args: cmd.args, options: { panel: { type: 'string' }, out: { type: 'string' }, 'allow-findings': { type: 'string' } }, strict: true });
    if (!values.panel || !values.out) throw new UsageError('Give --panel and --out.');
    return withSession(cmd, async (s) => {
      const panelId = await panelRef(s, values.panel!, cmd.now());
      return write(cmd, s, await minutesDocument(s.ctx, panelId), { kind: 'minutes', panelId, out: values.out!, allow: values['allow-findings'] });
    });
  },
};

export const exportTrackerCommand: CliCommand = {
  name: 'export tracker',
  summary: 'Write the recommendations tracker (every open recommendation) as a landscape Word file',
  usage: 'export tracker --out FILE.docx [--allow-findings "reason"] [--json]',
  run: async (cmd) => {
    const { values } = parseArgs({ args: cmd.args, options: { out: { type: 'string' }, 'allow-findings': { type: 'string' } }, strict: true });
    if (!values.out) throw new UsageError('Give --out.');
    return withSession(cmd, async (s) => write(cmd, s, await trackerDocument(s.ctx), { kind: 'tracker', panelId: null, out: values.out!, allow: values['allow-findings'] }));
  },
};

export const exportBoardReportCommand: CliCommand = {
  name: 'export board-report',
  summary: 'Write the report to the Board for a quarter as a Word file',
  usage: 'export board-report --quarter 2026-27-Q3 --out FILE.docx [--allow-findings "reason"] [--json]',
  run: async (cmd) => {
    const { values } = parseArgs({ args: cmd.args, options: { quarter: { type: 'string' }, out: { type: 'string' }, 'allow-findings': { type: 'string' } }, strict: true });
    if (!values.quarter || !values.out) throw new UsageError('Give --quarter (such as 2026-27-Q3) and --out.');
    if (!/^\d{4}-\d{2}-Q[1-4]$/.test(values.quarter)) throw new UsageError(`--quarter must look like 2026-27-Q3, not "${values.quarter}".`);
    return withSession(cmd, async (s) => write(cmd, s, await boardReportDocument(s.ctx, values.quarter!), { kind: 'board-report', panelId: null, out: values.out!, allow: values['allow-findings'] }));
  },
};

export const exportPackCommand: CliCommand = {
  name: 'export pack',
  summary: 'Write a panel’s pack (agenda, theme papers, tracker, previous minutes, action log, annexes) as a Word file',
  usage: 'export pack --panel <id|next> --out FILE.docx [--allow-findings "reason"] [--json]',
  run: async (cmd) => {
    const { values } = parseArgs({ args: cmd.args, options: { panel: { type: 'string' }, out: { type: 'string' }, 'allow-findings': { type: 'string' } }, strict: true });
    if (!values.panel || !values.out) throw new UsageError('Give --panel and --out.');
    return withSession(cmd, async (s) => {
      const panelId = await panelRef(s, values.panel!, cmd.now());
      return write(cmd, s, await packDocument(s.ctx, panelId), { kind: 'pack', panelId, out: values.out!, allow: values['allow-findings'] });
    });
  },
};
