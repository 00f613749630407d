// How fast this machine is running at the moment, for reading the benchmark's document rows. On
// the shared machines the benchmark is run on, work that allocates heavily (a pack's layout
// allocates about 950 MB) runs up to 1.7 times slower in some spells than in others, on either
// core, while plain arithmetic slows far less: other machines' use of the memory they share. So
// a fixed piece of such work is timed before each timed run of the Word documents, and each row
// says how much slower it ran then than the quickest it ran in the whole benchmark, and its time:
// a row that misses at "×1.6" missed while the machine was slow, one at "×1.0" while it was at its
// best. It is timed on main's thread between runs, so whatever else is still running then (the
// export worker's garbage collection, say) weighs on it too; waiting half a second or two and a
// half before sampling, in a loop of packs, gave the same times.

/**
 * A fixed piece of work shaped like the layout's: small objects made and copied with spreads,
 * short arrays, strings joined and looked up in a map, most of it garbage at once, some kept a
 * while. About 40 ms on the README's machine in a quiet spell. Gives a number made from all of
 * it, so none of it can be left out by the compiler.
 */
export function referenceWork(): number {
  const widths = new Map<string, number>();
  let kept: { x: number; text: string; parts: number[] }[] = [];
  let sum = 0;
  for (let i = 0; i < 400_000; i++) {
    const state = { x: i % 97, y: i % 13, text: `w${i % 500}`, parts: [i & 7, i & 15] };
    const next = { ...state, x: state.x + 1, parts: [...state.parts, state.y] };
    let w = widths.get(next.text);
    if (w === undefined) widths.set(next.text, (w = next.text.length * 7));
    sum += w + next.parts.length;
    if (i % 64 === 0) kept.push(next);
    if (kept.length > 4_000) kept = [];
  }
  return sum + kept.length;
}

/** The reference work's times, as they are taken, and each measure's share of them. */
export class MachineGauge {
  private readonly all: number[] = [];
  private current: number[] | null = null;
  private readonly byMeasure = new Map<string, number[]>();

  /** `work` and `clock` are the reference work and the clock it is timed by (others only in its tests). */
  constructor(
    private readonly work: () => number = referenceWork,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Times the reference work once, for the measure being timed now (if any). */
  sample(): void {
    const t = this.clock();
    if (this.work() < 0) throw new Error('The reference work gave a negative sum, which it cannot.');
    const ms = this.clock() - t;
    this.all.push(ms);
    this.current?.push(ms);
  }

  /** The samples taken from now on are the named measure's, until the next. */
  measuring(name: string | null): void {
    this.current = name === null ? null : [];
    if (name !== null) this.byMeasure.set(name, this.current!);
  }

  /** The quickest the reference work ran in the whole benchmark: the machine at its best. */
  get best(): number {
    return Math.min(...this.all);
  }

  /** The median of a measure's samples, in ms (undefined for a measure not gauged). */
  median(name: string): number | undefined {
    const s = this.byMeasure.get(name);
    if (!s?.length) return undefined;
    const sorted = [...s].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  }

  /** How much slower than its best the machine ran while a measure was timed: the median of its samples over the best. */
  slowdown(name: string): number | undefined {
    const median = this.median(name);
    return median === undefined ? undefined : median / this.best;
  }
}
