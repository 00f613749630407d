// Loaded before the benchmark (node --import): main's handlers run here from their sources, and
// this gives them the docx library as the app's bundle has it, with the layout patches applied
// (electron/layoutPatches.mjs), so documents made in place are timed as the app makes them.
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import { DOCX_FILE, patchDocx } from '../../electron/layoutPatches.mjs';

registerHooks({
  load(url, context, nextLoad) {
    const result = nextLoad(url, context);
    if (!url.startsWith('file:') || !DOCX_FILE.test(fileURLToPath(url))) return result;
    return { ...result, source: patchDocx(String(result.source), fileURLToPath(url)), shortCircuit: true };
  },
});

/** Read by the benchmark, which says in its results whether documents were timed patched. */
globalThis[Symbol.for('scp.benchDocxPatched')] = true;
