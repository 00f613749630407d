// A full panel pack (twelve theme papers of 25 evidence rows each, a 300-row tracker, the previous
// minutes and a long action log, the last entry of which has soft hyphens, combining marks and
// East Asian text), built with the house layout estimator and written out part by part. Bundled
// as main is and run in its own Node process, it shows what the bundle does to the pack:
// tests/integration/layout-patches.test.ts builds it with and without the layout patches and
// compares every part, and it prints how long each build took.
// Usage: node packProbe.cjs OUT.json [builds]
import { writeFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { Buffer } from 'node:buffer';
import { rasteriseSvg } from '../../electron/docs/chartRaster';
import { layoutEstimator } from '../../electron/docs/layoutFonts';
import { buildPack } from '../../templates/pack/buildPack';
import { packDocx } from '../../templates/style/pack';
import { fullPackInput, renumberedIds } from '../docs/packFixture';

/** Every part of the file: XML renumbered (and the properties' times of writing left out), pictures as base64. */
function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  const text = (name: string) => renumberedIds(strFromU8(files[name])).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'WRITTEN');
  return Object.fromEntries(
    Object.keys(files)
      .sort()
      .map((name) => [name, /\.(xml|rels)$/.test(name) ? text(name) : Buffer.from(files[name]).toString('base64')]),
  );
}

async function main() {
  const [out, count = '1'] = process.argv.slice(2);
  const input = fullPackInput();
  const { estimator } = layoutEstimator();
  const ms: number[] = [];
  let written: Record<string, string> = {};
  for (let i = 0; i < Number(count); i++) {
    const start = performance.now();
    const bytes = await packDocx(buildPack(input, rasteriseSvg, estimator));
    ms.push(Math.round(performance.now() - start));
    written = parts(bytes);
  }
  writeFileSync(out, JSON.stringify(written));
  process.stdout.write(`${JSON.stringify({ ms })}\n`);
}

void main();
