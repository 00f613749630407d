// Bundles main and preload with esbuild. The preload must be one CommonJS file requiring only
// 'electron'; main keeps electron and the native modules (SQLite, the chart rasteriser) external:
// they load their platform's .node file at run time, which a bundle cannot hold.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { layoutPatchPlugin } from './layoutPatches.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * How main-process code is bundled, for the app and for anything that runs its code in a plain
 * Node process (the crash-test writer, the benchmark's memory probe): native modules external,
 * import.meta.url (the sources are ES modules) defined as the bundle file's own URL, and the
 * docx library's layout sped up by exact patches (layoutPatches.mjs: a full pack lays out in about
 * half the time).
 */
export const MAIN_BUNDLE = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron', 'better-sqlite3', '@resvg/resvg-js'],
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [layoutPatchPlugin],
};

/** The export job's worker (electron/docs/docWorker.ts), bundled as main is; the app's build puts it beside main.cjs. */
export async function bundleDocWorker(outfile, { minify = false } = {}) {
  await build({ ...MAIN_BUNDLE, entryPoints: [`${root}electron/docs/docWorker.ts`], outfile, sourcemap: false, minify, logLevel: 'warning', absWorkingDir: root });
}

export async function buildElectron({ outdir = `${root}dist/electron`, minify = false } = {}) {
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: false, minify, logLevel: 'warning', absWorkingDir: root };
  await build({
    ...common,
    entryPoints: { main: 'electron/main/index.ts' },
    outExtension: { '.js': '.cjs' },
    outdir,
    external: MAIN_BUNDLE.external,
    define: MAIN_BUNDLE.define,
    banner: MAIN_BUNDLE.banner,
    plugins: MAIN_BUNDLE.plugins,
  });
  await build({
    ...common,
    entryPoints: { preload: 'electron/preload/index.ts' },
    outExtension: { '.js': '.cjs' },
    outdir,
    external: ['electron'],
  });
  await bundleDocWorker(`${outdir}/docWorker.cjs`, { minify });
  return { main: `${outdir}/main.cjs`, preload: `${outdir}/preload.cjs`, docWorker: `${outdir}/docWorker.cjs` };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await buildElectron();
  console.log(`Built ${out.main}, ${out.docWorker} and ${out.preload}`);
}
