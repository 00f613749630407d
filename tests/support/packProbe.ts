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
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('No end of central directory');
  const entries: [string, number, boolean][] = [];
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`No central directory entry at ${at}`);
    const nameLength = view.getUint16(at + 28, true);
    const name = strFromU8(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push([name, view.getUint16(at + 10, true), view.getUint32(at + 16, true) === crc32(files[name])]);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
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
