// Writing documents to disk: atomically (a crash never leaves half a file under the real name),
// with errors that say what to do, and a page count from LibreOffice when it is installed.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { UserFacingError } from '#shared/ipc/result';

const run = promisify(execFile);

export function writeDocument(path: string, bytes: Uint8Array): { path: string; bytes: number } {
  const dir = dirname(path);
  const partial = join(dir, `.${basename(path)}.partial`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(partial, bytes, { flush: true });
    renameSync(partial, path);
  } catch (err) {
    try {
      rmSync(partial, { force: true });
    } catch {
      // The folder itself is the problem (e.g. not a folder); there is no partial file to remove.
    }
    const code = (err as { code?: string }).code;
    if (code === 'ENOSPC') throw new UserFacingError('database', `The disk is full, so ${basename(path)} was not written. Free some space and export again; nothing in the app was changed.`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR' || code === 'EEXIST') {
      throw new UserFacingError('forbidden', `The folder ${dir} cannot be written to, so ${basename(path)} was not saved. Choose another folder.`);
    }
    if (code === 'EISDIR') throw new UserFacingError('invalid-argument', `${path} is a folder; give a file name ending in .docx.`);
    throw new UserFacingError('internal', `${basename(path)} could not be written (${code ?? String(err)}). Nothing in the app was changed.`);
  }
  return { path, bytes: bytes.length };
}

/** A file name that is safe on Windows, macOS and Linux. */
export function safeFileName(name: string): string {
  // Control characters are never valid in file names on any platform.
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/\s+/g, ' ').trim().slice(0, 150);
}

/** Pages as LibreOffice lays the document out; null when LibreOffice is not installed. */
export async function countPages(docxPath: string): Promise<number | null> {
  const work = mkdtempSync(join(tmpdir(), 'scp-pages-'));
  try {
    await run('libreoffice', ['--headless', `-env:UserInstallation=file://${join(work, 'profile')}`, '--convert-to', 'pdf', '--outdir', work, docxPath], { timeout: 180_000 });
    const pdf = readdirSync(work).find((f) => f.endsWith('.pdf'));
    if (!pdf) return null;
    const { stdout } = await run('pdfinfo', [join(work, pdf)]);
    const m = /^Pages:\s+(\d+)/m.exec(stdout);
    return m ? Number(m[1]) : null;
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return null;
    throw err;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
