// `npm run preview:web`: the built renderer and the real handlers on 127.0.0.1, behind a token.
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DatabaseOpenError, openDatabase } from '#db/open';
import { handlers } from '../handlers/index';
import { CONTENT_SECURITY_POLICY } from '../main/csp';
import { defaultDbPath } from '../paths';
import { startPreviewServer } from './server';

async function main() {
  const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' } }, strict: true });
  const dbPath = resolve(values.db ?? defaultDbPath());
  const opened = await openDatabase(dbPath);
  const server = await startPreviewServer({
    handlers,
    ctx: {
      db: opened.db,
    sqlite: opened.sqlite,
      now: () => new Date(),
      info: { version: process.env.npm_package_version ?? 'dev', dbPath, schemaVersion: opened.schemaVersion, sqliteVersion: String(opened.sqlite.prepare('select sqlite_version()').pluck().get()) },
      dataDir: join(dirname(dbPath), 'preview-data'),
    },
    staticDir: resolve('dist/renderer'),
    csp: CONTENT_SECURITY_POLICY,
    port: values.port ? Number(values.port) : 0,
  });
  console.log(`Serious Case Panel web preview on ${dbPath}\nOpen: ${server.url}\n(Ctrl+C to stop)`);
  const stop = async () => {
    await server.close();
    await opened.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof DatabaseOpenError ? err.message : err);
  process.exit(1);
});
