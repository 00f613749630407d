// Statements whose text never changes, only their values: Kysely builds and compiles each once,
// and every later call runs the compiled text with that call's values in their places.
import type { CompiledQuery, Kysely, SelectQueryBuilder, Transaction } from 'kysely';
import type { DB } from './schema';

type Db = Kysely<DB> | Transaction<DB>;
/** What SQLite binds as it is: a value of a fixed query is one of these, and is always given. */
type Bindable = string | number | bigint | null;

/** Where a value goes: an object of its own, which Kysely passes through to the compiled parameters as it is. */
class Place {
  constructor(readonly name: string) {}
}

/** A fixed query that cannot be, or a call that does not give it what it needs. */
export class NotAFixedQuery extends Error {}

/**
 * A select built from `build` once, on its first call, and compiled once; each call after runs
 * that text with its own values. For the statements a screen reads again and again (the meeting,
 * after every autosave): building and compiling one took 20-60 µs, longer than SQLite takes to run
 * many of them.
 *
 * `build` is given stand-ins for the values, not the values: it may only put them where Kysely
 * binds a value (`where('panel_id', '=', v.panelId)`), never decide anything by them. The first
 * call refuses a stand-in that was read but not bound (a condition added only when a value is
 * set, a length, a value passed through a function); it cannot see one both tested and bound,
 * so values are never optional (`v.x ?? 'default'` would bind nothing). Every call must give each
 * value, as a string, number or null.
 *
 * The text is compiled with the first caller's Kysely, and used for every database after: right
 * while every connection is the same plain SQLite dialect with no plugins (db/open.ts).
 */
export function fixedQuery<V extends Record<string, Bindable>, R>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any tables, any selection: only the row type matters here
  build: (db: Db, values: V) => SelectQueryBuilder<any, any, R>,
): (db: Db, values: V) => Promise<R[]> {
  let compiled: { query: CompiledQuery<R>; names: (string | null)[] } | undefined;
  return async (db, values) => {
    if (!compiled) {
      const given: Place[] = [];
      const stand = new Proxy({} as V, {
        get: (_target, name) => {
          const place = new Place(String(name));
          given.push(place);
          return place;
        },
      });
      const query = build(db, stand).compile();
      const bound = query.parameters.filter((p): p is Place => p instanceof Place);
      const unbound = given.filter((p) => !bound.includes(p));
      if (unbound.length || bound.length !== given.length) {
        throw new NotAFixedQuery(`A value of this fixed query decides its text instead of filling a place in it (${unbound.map((p) => p.name).join(', ')}): ${query.sql}`);
      }
      compiled = { query, names: query.parameters.map((p) => (p instanceof Place ? p.name : null)) };
    }
    const { query, names } = compiled;
    const parameters = query.parameters.map((p, i) => {
      const name = names[i];
      if (name === null) return p;
      const value = Object.hasOwn(values, name) ? values[name] : undefined;
      // Bound as it is, a missing value would be NULL: a wrong answer rather than an error.
      if (value === undefined || (value !== null && typeof value === 'object') || typeof value === 'boolean') {
        throw new NotAFixedQuery(`This fixed query needs "${name}" as a string, number or null; it was given ${value === undefined ? 'nothing' : typeof value}.`);
      }
      return value;
    });
    return (await db.executeQuery<R>({ ...query, parameters })).rows;
  };
}
