// Opens a Word file in a real client (LibreOffice, headless), and returns the text of every page
// as LibreOffice lays it out; page images are kept in tests/docs/output/<name>/ to be looked at.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

function which(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const libreOfficeAvailable = which('libreoffice') && which('pdftotext');
if (!libreOfficeAvailable) {
  if (process.env.CI === 'true') throw new Error('LibreOffice (libreoffice-writer-nogui) and poppler-utils are required under CI=true.');
  console.warn('LibreOffice or poppler-utils is not installed: the Word rendering tests are skipped.');
}

export interface Rendered {
  pages: string[];
  pdf: string;
  imagesDir: string;
}

export function renderDocx(name: string, bytes: Uint8Array): Rendered {
  const work = mkdtempSync(join(tmpdir(), 'scp-lo-'));
  const out = resolve('tests/docs/output', name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  try {
    const docx = join(out, `${name}.docx`);
    writeFileSync(docx, bytes);
    execFileSync('libreoffice', ['--headless', `-env:UserInstallation=file://${join(work, 'profile')}`, '--convert-to', 'pdf', '--outdir', out, docx], {
      timeout: 180_000,
      stdio: 'ignore',
    });
    const pdf = join(out, `${name}.pdf`);
    if (!existsSync(pdf)) throw new Error(`LibreOffice did not convert ${name}.docx`);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    const pages: string[] = [];
    for (let i = 1; i <= count; i++) pages.push(execFileSync('pdftotext', ['-layout', '-f', String(i), '-l', String(i), pdf, '-'], { encoding: 'utf8' }));
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(out, 'page')]);
    return { pages, pdf, imagesDir: out };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** docProps/core.xml of a .docx (a zip), read with Python's zipfile, which every CI image here has. */
export function coreProperties(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'scp-zip-'));
  try {
    const f = join(dir, 'x.docx');
    writeFileSync(f, bytes);
    return execFileSync('python3', ['-c', 'import sys,zipfile;print(zipfile.ZipFile(sys.argv[1]).read("docProps/core.xml").decode())', f], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function listImages(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.png'));
}

/** Lines of a page with the layout's spacing squeezed, for matching. */
export function squeeze(page: string): string {
  return page.replace(/[ \t]+/g, ' ');
}
