import { loadDemo } from '../../demo/demo';
import { withSession } from '../session';
import { emit, expectNoArgs, type CliCommand } from '../types';

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Fill an empty database with realistic demonstration data',
  usage: 'demo [--json]',
  run: async (cmd) => {
    expectNoArgs(cmd);
    return withSession(cmd, async ({ ctx }) => {
      const counts = await loadDemo(ctx);
      emit(cmd, counts, `Demonstration data loaded: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}.`);
      return 0;
    });
  },
};
