#!/usr/bin/env node
// `npm test`: typecheck, lint, build, then every vitest project (unit, integration, component,
// end-to-end). Ends with one plain line "N passed, N failed, N skipped" read by CI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let failedSteps = [];

function step(name, cmd, args) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  console.log(`=== ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (!ok) failedSteps.push(name);
  return ok;
}

step('typecheck', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('lint', npx, ['eslint', '--max-warnings', '0', '.']);
const built = step('build (renderer and electron bundles)', npm, ['run', '-s', 'build']);

mkdirSync('tests/.results', { recursive: true });
const report = 'tests/.results/vitest.json';
const projects = built ? [] : ['--project', 'unit', '--project', 'component'];
step('vitest (unit, integration, component, e2e)', npx, ['vitest', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const j = JSON.parse(readFileSync(report, 'utf8'));
  passed = j.numPassedTests ?? 0;
  failed = j.numFailedTests ?? 0;
  skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  if (j.numTotalTests === 0) failedSteps.push('no tests ran');
} else {
  failedSteps.push('no vitest report');
}
// A failed non-test step (typecheck, lint, build) counts as one failure so the line never hides it.
const stepFailures = failedSteps.filter((s) => !s.startsWith('vitest')).length;
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed + stepFailures} failed, ${skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
