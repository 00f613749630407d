// At least 50 SIGKILLs of a process mid-write (including mid-meeting: notes, decisions,
// recommendations and their tracker updates): nothing acknowledged is ever lost.
import { describe, expect, it } from 'vitest';
import { crashRounds } from './crash';

describe('durability under SIGKILL', () => {
  it('keeps every acknowledged write, with integrity and foreign keys intact, over 50 kills', async () => {
    const r = await crashRounds(50, 7);
    console.info(`crash harness: ${r.rounds} rounds, ${r.acknowledged} acknowledged writes (${JSON.stringify(r.byKind)}), ${r.lost.length} lost`);
    expect(r.rounds).toBe(50);
    expect(r.acknowledged).toBeGreaterThan(50);
    expect(Object.keys(r.byKind).sort()).toEqual(['decision', 'evidence', 'item', 'link', 'member', 'note', 'rec']);
    expect(r.integrity).toEqual([]);
    expect(r.foreignKeyProblems).toBe(0);
    expect(r.lost).toEqual([]);
    expect(r.auditBroken).toBe(0);
  }, 600_000);
});
