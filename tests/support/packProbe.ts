// A full panel pack (twelve theme papers of 25 evidence rows each, a 300-row tracker, the previous
// minutes and a long action log, the last entry of which has soft hyphens, combining marks and
// East Asian text), built with the house layout estimator and written out part by part. Bundled
// as main is and run in its own Node process, it shows what the bundle does to the pack:
// tests/integration/layout-patches.test.ts builds it with and without the layout patches and
// compares every part and the zip's record of each (how it is stored, and its checksum), and it
// prints how long each build took.
// Usage: node packProbe.cjs OUT.json [builds]
import { writeFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { Buffer } from 'node:buffer';
import { crc32 } from 'node:zlib';
import { rasteriseSvg } from '../../electron/docs/chartRaster';
import { zipDirectory } from '../../electron/docs/gate';
import { layoutEstimator } from '../../electron/docs/layoutFonts';
import { buildPack } from '../../templates/pack/buildPack';
import { packDocx } from '../../templates/style/pack';
import { fullPackInput, renumberedIds } from '../docs/packFixture';

/** Every part of the file: XML renumbered (and the properties' times of writing left out), pictures as base64. */
function parts(files: Record<string, Uint8Array>): Record<string, string> {
  const text = (name: string) => renumberedIds(strFromU8(files[name])).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'WRITTEN');
  return Object.fromEntries(
    Object.keys(files)
      .sort()
      .map((name) => [name, /\.(xml|rels)$/.test(name) ? text(name) : Buffer.from(files[name]).toString('base64')]),
  );
}

/**
 * The zip's own record of each file, from its central directory, in order: its name, how it is
 * stored (8 deflated, 0 stored), and whether its CRC-32 is the checksum of what it unzips to.
 */
function zipEntries(bytes: Uint8Array, files: Record<string, Uint8Array>): [string, number, boolean][] {
  const directory = zipDirectory(bytes);
  if (!directory) throw new Error('No whole central directory');
  return directory.map((entry): [string, number, boolean] => [entry.name, entry.method, entry.crc === crc32(files[entry.name])]);
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
    const files = unzipSync(bytes);
    written = { ...parts(files), '(the zip)': JSON.stringify(zipEntries(bytes, files)) };
  }
  writeFileSync(out, JSON.stringify(written));
  process.stdout.write(`${JSON.stringify({ ms })}\n`);
}

void main();
