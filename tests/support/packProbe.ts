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
import { buildPack, type PackDocInput } from '../../templates/pack/buildPack';
import { packDocx } from '../../templates/style/pack';
import { packInput, renumberedIds } from '../docs/packFixture';
import { trackerInput } from '../docs/meetingFixtures';

function fullPack(): PackDocInput {
  const base = packInput(false);
  const paper = base.themePapers[0];
  const quarters = Array.from({ length: 12 }, (_, i) => `${2024 + Math.floor((i + 2) / 4)}-${String(25 + Math.floor((i + 2) / 4)).slice(-2)} Q${((i + 2) % 4) + 1}`);
  const evidence = (n: number) =>
    Array.from({ length: 25 }, (_, i) => ({ ...paper.evidence[i % paper.evidence.length], ref: `EV-2027-${String(n * 100 + i + 1).padStart(5, '0')}` }));
  return {
    ...base,
    themePapers: Array.from({ length: 12 }, (_, n) => ({
      ...paper,
      itemNumber: n + 4,
      title: `${paper.title} (${n + 1})`,
      byQuarter: quarters.map((quarter, i) => ({ quarter, count: (i * (n + 3)) % 11 })),
      evidence: evidence(n),
      evidenceTotal: 25 + n,
    })),
    tracker: trackerInput(300).rows,
    actionLog: Array.from({ length: 120 }, (_, i) => ({
      text:
        i === 119
          ? 'Action 120: re\u00ADview the safe\u00ADguard\u00ADing guid\u00ADance with the cafe\u0301 and na\u0308ive claimants\u2019 cases, and the 社会保障 (social security) and 복지 (welfare) translations.'
          : `Action ${i + 1}: bring the evaluation of the new contact check to the next panel, with the figures by region.`,
      owner: ['Dana General', 'Evan Director', 'Sam Secretariat'][i % 3],
      due: i % 7 === 3 ? null : `2027-0${1 + (i % 9)}-2${i % 8}`,
      status: ['Open', 'Done', 'Overdue'][i % 3],
      panelDate: `2026-0${1 + (i % 9)}-12`,
    })),
  };
}

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
  const input = fullPack();
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
