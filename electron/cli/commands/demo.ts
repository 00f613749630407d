import { parseArgs } from 'node:util';
import { loadDemo } from '../../demo/demo';
import { loadLargeDemo } from '../../demo/large';
import { withSession } from '../session';
import { emit, UsageError, type CliCommand } from '../types';

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Fill an empty database with realistic demonstration data (--scale large adds 100,000 evidence items)',
  usage: 'demo [--scale normal|large] [--json]',
  run: async (cmd) => {
    const { values } = parseArgs({ args: cmd.args, options: { scale: { type: 'string', default: 'normal' } }, strict: true });
    if (values.scale !== 'normal' && values.scale !== 'large') throw new UsageError('--scale must be normal or large.');
    return withSession(cmd, async ({ ctx }) => {
      const counts: Record<string, number> = { ...(await loadDemo(ctx)) };
      if (values.scale === 'large') {
        let shown = -1;
        const large = await loadLargeDemo(ctx, undefined, (done, total) => {
          const pct = Math.floor((done / total) * 10) * 10;
          if (!cmd.json && pct !== shown) {
            shown = pct;
            cmd.io.stderr(`Building the large dataset… ${pct}%`);
          }
        });
        counts.evidence += large.evidence;
        counts.themes += large.themes;
        counts.links += large.links;
        counts.panels += large.panels;
        counts.panelsHeld = (counts.panelsHeld ?? 0) + large.panels;
        counts.recommendations = (counts.recommendations ?? 0) + large.recommendations;
        counts.recommendationUpdates = large.updates;
        counts.minuteEntries = large.minuteEntries;
        counts.seconds = large.seconds;
      }
      emit(cmd, counts, `Demonstration data loaded: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}.`);
      return 0;
    });
  },
};
