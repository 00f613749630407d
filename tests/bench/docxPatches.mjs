// Loaded before the benchmark (node --import): main's handlers run here from their sources, and
// this gives them the docx library as the app's bundle has it, with the layout patches applied
// (electron/layoutPatches.mjs), so documents made in place are timed as the app makes them.
// module.registerHooks came in Node 22.15: on an older Node the library is left as it is, and the
// benchmark's results say the documents were timed unpatched.
import * as nodeModule from 'node:module';
import { fileURLToPath } from 'node:url';
import { DOCX_FILE, patchDocx } from '../../electron/layoutPatches.mjs';

/** Read by the benchmark: set once a docx file has actually been patched as it loaded. */
const PATCHED = Symbol.for('scp.benchDocxPatched');

if (typeof nodeModule.registerHooks === 'function') {
  nodeModule.registerHooks({
    load(url, context, nextLoad) {
      const result = nextLoad(url, context);
      if (!url.startsWith('file:') || !DOCX_FILE.test(fileURLToPath(url))) return result;
      const source = patchDocx(String(result.source), fileURLToPath(url));
      globalThis[PATCHED] = true;
      return { ...result, source, shortCircuit: true };
    },
  });
} else {
  process.stderr.write(`Node ${process.version} has no module.registerHooks (22.15 or later): documents made in place are timed with the docx library unpatched.\n`);
}
