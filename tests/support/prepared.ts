// What SQL a piece of code prepares, for tests that check a query's plan (EXPLAIN QUERY PLAN)
// rather than trusting its text. The statement cache is cleared first, so every statement is seen.
import type Database from 'better-sqlite3';
import { clearStatementCache } from '#db/open';

export async function preparedDuring(sqlite: Database.Database, run: () => Promise<unknown>): Promise<string[]> {
  clearStatementCache(sqlite);
  const seen: string[] = [];
  const original = sqlite.prepare;
  sqlite.prepare = function (this: Database.Database, source: string) {
    seen.push(source);
    return original.call(this, source);
  } as typeof original;
  try {
    await run();
  } finally {
    sqlite.prepare = original;
  }
  return seen;
}
