// The benchmark's gauge of the machine's speed (tests/bench/machineGauge.ts): each measure's
// slowdown is its samples' median over the best sample of the whole run, before any measure too.
import { describe, expect, it } from 'vitest';
import { MachineGauge } from '../bench/machineGauge';

describe('the machine gauge', () => {
  it("gives each measure its samples' median over the quickest sample of the whole run", () => {
    // A clock that moves by each sample's given time while the work runs.
    const times = [36, 40, 80, 60, 100, 44, 50, 42];
    let now = 0;
    let sampled = 0;
    const gauge = new MachineGauge(
      () => {
        now += times[sampled++];
        return 1;
      },
      () => now,
    );
    gauge.sample(); // 36, before any measure: the best, and no measure's
    gauge.measuring('slow row');
    gauge.sample(); // 40
    gauge.sample(); // 80
    gauge.sample(); // 60
    gauge.sample(); // 100
    gauge.measuring('quiet row');
    gauge.sample(); // 44
    gauge.sample(); // 50
    gauge.sample(); // 42
    gauge.measuring(null);
    expect(gauge.best).toBe(36);
    // the slow row's samples sorted: 40, 60, 80, 100; its median (the upper middle) 80
    expect(gauge.median('slow row')).toBe(80);
    expect(gauge.slowdown('slow row')).toBeCloseTo(80 / 36);
    expect(gauge.median('quiet row')).toBe(44);
    expect(gauge.slowdown('quiet row')).toBeCloseTo(44 / 36);
    expect(gauge.median('not measured')).toBeUndefined();
    expect(gauge.slowdown('not measured')).toBeUndefined();
  });

  it('refuses reference work that gives what it cannot', () => {
    const gauge = new MachineGauge(() => -1);
    expect(() => gauge.sample()).toThrow(/negative sum/);
  });
});
