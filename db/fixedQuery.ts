// Statements whose text never changes, only their values: Kysely builds and compiles each once,
// and every later call runs the compiled text with that call's values in their places.
import type { Compilable, CompiledQuery, Kysely, Transaction } from 'kysely';
import type { DB } from './schema';

type Db = Kysely<DB> | Transaction<DB>;

/** Where a value goes: an object of its own, which Kysely passes through to the compiled parameters as it is. */
class Place {
  constructor(readonly name: string) {}
}

/** A fixed query that cannot be: a value it was given shaped its text rather than filling a place in it. */
export class NotAFixedQuery extends Error {}

/**
 * A query built from `build` once, on its first call, and compiled once; each call after runs
 * that text with its own values. For the statements a screen reads again and again (the meeting,
 * after every autosave): building and compiling one took 20-60 µs, longer than SQLite takes to run
 * many of them.
 *
 * `build` is given stand-ins for the values, not the values: it may only put them where Kysely
 * binds a value (`where('panel_id', '=', v.panelId)`). A value that would change the text (a
 * list for `in`, a condition added only when it is set, a length) cannot be a stand-in: the
 * first call finds any stand-in that is not bound exactly where it was put, and throws.
 */
export function fixedQuery<V extends Record<string, unknown>, R>(build: (db: Db, values: V) => Compilable<R>): (db: Db, values: V) => Promise<R[]> {
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
      const names = query.parameters.map((p) => (p instanceof Place ? p.name : null));
      const bound = query.parameters.filter((p): p is Place => p instanceof Place);
      if (bound.length !== given.length || given.some((p) => !bound.includes(p))) {
        throw new NotAFixedQuery(`A value of this fixed query shapes its text instead of filling a place (${given.map((p) => p.name).join(', ')}): ${query.sql}`);
      }
      compiled = { query, names };
    }
    const { query, names } = compiled;
    const parameters = query.parameters.map((p, i) => {
      const name = names[i];
      return name === null ? p : values[name];
    });
    return (await db.executeQuery<R>({ ...query, parameters })).rows;
  };
}
