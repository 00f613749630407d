// A fixed query runs the text Kysely compiled on its first call with each call's own values, and
// refuses, on that first call, a value used to shape the text instead of filling a place in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from './open';
import { fixedQuery, NotAFixedQuery } from './fixedQuery';

let o: OpenedDatabase;
beforeAll(async () => {
  o = await openDatabase(':memory:');
  const at = '2026-11-23T10:00:00.000Z';
  const add = o.sqlite.prepare('insert into members (name, role, organisation, active_from, active_to, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)');
  add.run('Helen Marsh', 'chair', 'Independent', '2026-04-01', null, at, at);
  add.run('Priya Shah', 'director-general', 'DWP', '2026-04-01', '2026-09-30', at, at);
  add.run('Tom Okafor', 'director-general', 'DWP', '2026-10-01', null, at, at);
  add.run('Sam Reid', 'secretariat', 'DWP', '2026-04-01', null, at, at);
});
afterAll(async () => o?.close());

describe('fixedQuery', () => {
  it('runs each call with its own values, in their places among the constants, compiled once', async () => {
    let built = 0;
    const activeIn = fixedQuery((db, v: { role: string; on: string }) => {
      built++;
      return db
        .selectFrom('members')
        .select('name')
        .where('role', '=', v.role)
        // A constant between the values: each value goes to its own place, the constant stays.
        .where('organisation', '!=', 'Nowhere')
        .where('active_from', '<=', v.on)
        .where((eb) => eb.or([eb('active_to', 'is', null), eb('active_to', '>=', v.on)]))
        .orderBy('name');
    });
    expect((await activeIn(o.db, { role: 'director-general', on: '2026-06-01' })).map((r) => r.name)).toEqual(['Priya Shah']);
    expect((await activeIn(o.db, { role: 'director-general', on: '2026-11-23' })).map((r) => r.name)).toEqual(['Tom Okafor']);
    expect((await activeIn(o.db, { role: 'chair', on: '2026-11-23' })).map((r) => r.name)).toEqual(['Helen Marsh']);
    expect(built).toBe(1);
  });

  it('runs inside a transaction, seeing what the transaction wrote', async () => {
    const named = fixedQuery((db, v: { name: string }) => db.selectFrom('members').select('role').where('name', '=', v.name));
    const seen = await o.db.transaction().execute(async (tx) => {
      await tx.updateTable('members').set({ role: 'observer' }).where('name', '=', 'Sam Reid').execute();
      const inside = await named(tx, { name: 'Sam Reid' });
      throw Object.assign(new Error('roll back'), { inside });
    }).catch((e: { inside: unknown }) => e.inside);
    expect(seen).toEqual([{ role: 'observer' }]);
    expect(await named(o.db, { name: 'Sam Reid' })).toEqual([{ role: 'secretariat' }]);
  });

  it('refuses, on its first call, a value that decides the text (a list for `in`, a condition only when set)', async () => {
    let ran = 0;
    const inList = fixedQuery((db, v: { ids: number }) => {
      const ids = v.ids as unknown as number[];
      ran++;
      return db.selectFrom('members').select('name').where('id', 'in', ids.length ? ids : [-1]);
    });
    await expect(inList(o.db, { ids: 1 })).rejects.toBeInstanceOf(NotAFixedQuery);
    const sometimes = fixedQuery((db, v: { role: string | null }) => {
      let q = db.selectFrom('members').select('name');
      if (v.role === null) q = q.where('role', '=', 'chair');
      return q;
    });
    await expect(sometimes(o.db, { role: 'observer' })).rejects.toThrow(/decides its text instead of filling a place in it \(role\)/);
    // Refused again on the next call: nothing half-made was kept.
    await expect(inList(o.db, { ids: 2 })).rejects.toBeInstanceOf(NotAFixedQuery);
    expect(ran).toBe(2);
  });

  it('refuses a call that does not give a value it needs, or gives one SQLite cannot bind as it is, rather than binding NULL', async () => {
    const named = fixedQuery((db, v: { name: string }) => db.selectFrom('members').select('role').where('name', '=', v.name));
    expect(await named(o.db, { name: 'Helen Marsh' })).toEqual([{ role: 'chair' }]);
    await expect(named(o.db, {} as never)).rejects.toThrow('This fixed query needs "name" as a string, number or null; it was given nothing.');
    await expect(named(o.db, { name: undefined } as never)).rejects.toThrow(/given nothing/);
    await expect(named(o.db, { name: true } as never)).rejects.toThrow(/given boolean/);
    await expect(named(o.db, { name: ['Helen Marsh'] } as never)).rejects.toThrow(/given object/);
    // Null is a value: it binds as NULL, which equals nothing.
    expect(await named(o.db, { name: null } as never)).toEqual([]);
  });
});
