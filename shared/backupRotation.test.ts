import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backupsToDelete, DEFAULT_ROTATION } from './backupRotation';
import { addCalendarDays, toDayNumber } from './calendar/workingDays';

const daily = (today: string, days: number) => Array.from({ length: days }, (_, i) => ({ name: `scp-${addCalendarDays(today, -i)}.sqlite3`, date: addCalendarDays(today, -i) }));

describe('backup rotation', () => {
  it('keeps two weeks of dailies, then one a week for three months, and nothing older', () => {
    const today = '2026-11-23';
    const files = daily(today, 200);
    const deleted = new Set(backupsToDelete(files, today).map((f) => f.date));
    const kept = files.filter((f) => !deleted.has(f.date)).map((f) => f.date);
    for (let i = 0; i < 14; i++) expect(kept).toContain(addCalendarDays(today, -i));
    const older = kept.filter((d) => toDayNumber(today) - toDayNumber(d) >= 14);
    expect(older.length).toBeGreaterThanOrEqual(10);
    expect(older.length).toBeLessThanOrEqual(13);
    expect(older.every((d) => toDayNumber(today) - toDayNumber(d) < 13 * 7)).toBe(true);
    // one per week: no two kept older backups share an ISO week
    const weeks = older.map((d) => Math.floor((toDayNumber(d) - 4) / 7));
    expect(new Set(weeks).size).toBe(weeks.length);
  });

  it('never deletes the newest backup, nor one dated in the future', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 400 }), { minLength: 1, maxLength: 60 }), (ages) => {
        const today = '2026-11-23';
        const files = ages.map((a, i) => ({ name: `b${i}`, date: addCalendarDays(today, -a) }));
        const deleted = new Set(backupsToDelete(files, today, DEFAULT_ROTATION).map((f) => f.name));
        const newest = [...files].sort((a, b) => b.date.localeCompare(a.date) || b.name.localeCompare(a.name))[0];
        expect(deleted.has(newest.name)).toBe(false);
        for (const f of files) if (f.date > today) expect(deleted.has(f.name)).toBe(false);
      }),
    );
  });
});
