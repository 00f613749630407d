// The agenda as a reorder will give it, shown before the reorder comes back (renderer/features/agenda/hooks.ts).
import { describe, expect, it } from 'vitest';
import { reorderedAgenda, runningTimes, type Agenda, type AgendaItem } from './agenda';

const item = (id: number, minutes: number): AgendaItem => ({
  id,
  panelId: 7,
  position: id,
  standingKey: null,
  title: `Item ${id}`,
  purpose: 'discussion',
  presenterId: null,
  presenterName: null,
  minutes,
  themeId: null,
  themeTitle: null,
  notes: '',
  papers: [],
  startsAt: '',
  endsAt: '',
});

function agenda(minutes: number[], start = '10:00'): Agenda {
  const items = minutes.map((m, i) => item(i + 1, m));
  const times = runningTimes(start, minutes);
  return {
    panelId: 7,
    state: 'draft',
    items: items.map((it, i) => ({ ...it, ...times[i] })),
    events: [],
    totalMinutes: minutes.reduce((a, b) => a + b, 0),
    meetingMinutes: 150,
    overrunMinutes: 0,
  };
}

describe('an agenda reordered before the reorder comes back', () => {
  it('has its items in the new order, timed again from the meeting’s start', () => {
    const before = agenda([10, 30, 20], '09:45');
    const after = reorderedAgenda(before, [3, 1, 2]);
    expect(after.items.map((i) => i.id)).toEqual([3, 1, 2]);
    expect(after.items.map((i) => i.position)).toEqual([1, 2, 3]);
    expect(after.items.map((i) => [i.startsAt, i.endsAt])).toEqual([
      ['09:45', '10:05'],
      ['10:05', '10:15'],
      ['10:15', '10:45'],
    ]);
    // the rest as it was, and the agenda it came from untouched
    expect(after.totalMinutes).toBe(60);
    expect({ ...after, items: [] }).toEqual({ ...before, items: [] });
    expect(before.items.map((i) => i.id)).toEqual([1, 2, 3]);
    expect(before.items[0].startsAt).toBe('09:45');
  });

  it('is the agenda as it is for ids that are not its items’ ids, each once', () => {
    const before = agenda([10, 30, 20]);
    for (const ids of [[1, 2], [1, 2, 3, 4], [1, 1, 2], [1, 2, 9], []]) expect(reorderedAgenda(before, ids)).toBe(before);
    const none = agenda([]);
    expect(reorderedAgenda(none, [])).toBe(none);
  });
});
