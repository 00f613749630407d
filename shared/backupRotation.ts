// Which backups to keep: every daily one for the last N days, then one a week (the newest of
// each ISO week) for the last M weeks. Older ones go. Pure, so the policy is tested exhaustively.
import { toDayNumber } from './calendar/workingDays';

export interface RotationPolicy {
  dailyDays: number;
  weeklyWeeks: number;
}
export const DEFAULT_ROTATION: RotationPolicy = { dailyDays: 14, weeklyWeeks: 13 };

export interface BackupFile {
  name: string;
  /** the calendar day it was taken, YYYY-MM-DD */
  date: string;
}

/** Monday-based week number since the epoch (1970-01-05 was a Monday). */
function weekOf(iso: string): number {
  return Math.floor((toDayNumber(iso) - 4) / 7);
}

export function backupsToDelete(files: BackupFile[], today: string, policy: RotationPolicy = DEFAULT_ROTATION): BackupFile[] {
  const t = toDayNumber(today);
  const keep = new Set<string>();
  const newestOfWeek = new Map<number, BackupFile>();
  for (const f of files) {
    const age = t - toDayNumber(f.date);
    if (age < 0) {
      keep.add(f.name); // a clock set back: never delete what we cannot place
      continue;
    }
    if (age < policy.dailyDays) keep.add(f.name);
    if (age < policy.weeklyWeeks * 7) {
      const w = weekOf(f.date);
      const best = newestOfWeek.get(w);
      if (!best || f.date > best.date || (f.date === best.date && f.name > best.name)) newestOfWeek.set(w, f);
    }
  }
  for (const f of newestOfWeek.values()) keep.add(f.name);
  // However old, the newest backup is never the one to go: there is always something to restore.
  const newest = [...files].sort((a, b) => b.date.localeCompare(a.date) || b.name.localeCompare(a.name))[0];
  if (newest) keep.add(newest.name);
  return files.filter((f) => !keep.has(f.name));
}
