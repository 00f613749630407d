import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { londonToday } from '#shared/format';
import { getSetting } from '#db/queries/settings';
import type { Identity } from '#shared/domain/identity';
import { exportDocument, type ExportOptions } from '../../docs/exportDocument';
import { agendaDocument, torDocument, type BuiltDocument } from '../../docs/planningDocs';
import { countPages } from '../../docs/files';
import { IDENTITY_KEY } from '../../handlers/context';
import { withSession, type Session } from '../session';
import { CliError, emit, UsageError, type CliCommand, type CommandContext } from '../types';

async function panelRef(s: Session, ref: string, now: Date): Promise<number> {
  if (/^\d+$/.test(ref)) return Number(ref);
  if (ref !== 'next') throw new UsageError(`--panel must be a panel id or "next", not "${ref}".`);
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
