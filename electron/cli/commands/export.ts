import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { londonToday } from '#shared/format';
import { packDocx } from '#templates/style/pack';
import { agendaDocument, torDocument } from '../../docs/planningDocs';
import { countPages, writeDocument } from '../../docs/files';
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

async function write(cmd: CommandContext, out: string, bytes: Uint8Array) {
  const path = resolve(out);
  const written = writeDocument(path, bytes);
  const pages = await countPages(path);
  emit(cmd, { path, pages, bytes: written.bytes }, `Wrote ${path} (${pages ?? 'unknown'} pages, ${written.bytes} bytes).`);
  return 0;
}

export const exportAgendaCommand: CliCommand = {
  name: 'export agenda',
  summary: 'Write a panel’s agenda as a Word file',
  usage: 'export agenda --panel <id|next> --out FILE.docx [--json]',
  run: async (cmd) => {
    const { values } = parseArgs({ args: cmd.args, options: { panel: { type: 'string' }, out: { type: 'string' } }, strict: true });
    if (!values.panel || !values.out) throw new UsageError('Give --panel and --out.');
    return withSession(cmd, async (s) => {
      const built = await agendaDocument(s.ctx, await panelRef(s, values.panel!, cmd.now()));
      return write(cmd, values.out!, await packDocx(built.doc));
    });
  },
};

export const exportTorCommand: CliCommand = {
  name: 'export tor',
  summary: 'Write the Terms of Reference (the version in force, or --version N) as a Word file',
  usage: 'export tor [--version N] --out FILE.docx [--json]',
  run: async (cmd) => {
    const { values } = parseArgs({ args: cmd.args, options: { version: { type: 'string' }, out: { type: 'string' } }, strict: true });
    if (!values.out) throw new UsageError('Give --out.');
    if (values.version !== undefined && !/^\d+$/.test(values.version)) throw new UsageError('--version must be a whole number.');
    return withSession(cmd, async (s) => {
      const built = await torDocument(s.ctx, { version: values.version === undefined ? undefined : Number(values.version) });
      return write(cmd, values.out!, await packDocx(built.doc));
    });
  },
};
