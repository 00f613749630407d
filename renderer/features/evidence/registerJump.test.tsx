// The register reads the pages in view by their offset: a jump to the end reads the last page or
// two, not every page before it, and pages far from view are let go.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScpApi } from '#shared/ipc/contract';
import { App, makeQueryClient } from '../../App';
import { makeHarness, ok, type Harness } from '../../../tests/support/harness';
import { PAGE_SIZE } from './registerFilters';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
  localStorage.clear();
});

const N = 10_000;
const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 46;
const ref = (i: number) => `R-${String(i).padStart(5, '0')}`;

/** N records, one a day from 1 January 1990, so newest first puts R-09999 first and R-00000 last. */
async function register() {
  harness = await makeHarness();
  const h = harness;
  ok(await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' }));
  const insert = h.opened.sqlite.prepare(
    `insert into evidence (type, ref, title, summary, received_on, sensitivity, details, created_at, updated_at)
     values ('complaint', ?, ?, '', date('1990-01-01', ? || ' days'), 'official', '{"type":"complaint"}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
  );
  h.opened.sqlite.transaction(() => {
    for (let i = 0; i < N; i++) insert.run(ref(i), `Record ${i}`, i);
  })();
  const asked: { offset: number; sort: unknown; desc: unknown }[] = [];
  const api = h.api as unknown as Record<string, (arg: unknown) => Promise<unknown>>;
  window.scp = {
    ...api,
    listEvidence: (arg: { offset?: number; sort?: string; desc?: boolean }) => {
      asked.push({ offset: arg.offset ?? 0, sort: arg.sort, desc: arg.desc });
      return api.listEvidence(arg);
    },
  } as unknown as ScpApi;
  window.location.hash = '#/evidence';
  const qc = makeQueryClient();
  render(<App queryClient={qc} />);
  const table = await screen.findByRole('table', { name: /Evidence register/ });
  expect(await within(table).findByRole('link', { name: ref(N - 1) })).toBeInTheDocument();
  // jsdom has no layout: the scroller's position is kept here, and moving it fires a scroll as a browser's would.
  let top = 0;
  Object.defineProperty(table, 'scrollTop', { configurable: true, get: () => top, set: (v: number) => (top = v) });
  table.scrollTo = ((o: ScrollToOptions) => {
    top = o.top ?? top;
    fireEvent.scroll(table);
  }) as typeof table.scrollTo;
  /** Moves the scrollbar as a drag to put row `row` (from 0) at the top of the view would. */
  const scrollTo = (row: number) => {
    top = HEADER_HEIGHT + row * ROW_HEIGHT;
    fireEvent.scroll(table);
  };
  const cachedPages = () =>
    qc
      .getQueryCache()
      .findAll({ queryKey: ['evidence', 'list'] })
      .filter((q) => q.state.data)
      .map((q) => q.queryKey.at(-1) as number)
      .sort((a, b) => a - b);
  return { table, asked, scrollTo, cachedPages };
}

describe('evidence register, read where it is looked at', () => {
  it('reads only the pages at the end on a jump to the end, shows the last rows, and lets the first pages go', async () => {
    const { table, asked, scrollTo, cachedPages } = await register();
    expect(asked.map((a) => a.offset)).toEqual([0]);
    expect(screen.getByText('10,000 records')).toBeInTheDocument();
    expect(table).toHaveAttribute('aria-rowcount', String(N + 1));

    scrollTo(N - 14);
    // The last record, from the last page alone: not the 98 pages between.
    expect(await within(table).findByRole('link', { name: ref(0) }, { timeout: 5000 })).toBeInTheDocument();
    const after = asked.slice(1).map((a) => a.offset);
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThanOrEqual(2);
    for (const offset of after) expect(offset).toBeGreaterThanOrEqual(N - 2 * PAGE_SIZE);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.at(-1)).toHaveAttribute('aria-rowindex', String(N + 1));
    expect(within(rows.at(-1)!).getByRole('link')).toHaveTextContent(ref(0));
    // The first page, far out of view, is no longer held.
    await waitFor(() => expect(cachedPages()).toEqual([N - PAGE_SIZE]));
  }, 30_000);

  it('shows rows not yet read as busy placeholders, then their records', async () => {
    const { table, asked, scrollTo } = await register();
    // Hold the next page back until the placeholders have been looked at.
    const api = window.scp as unknown as Record<string, (arg: unknown) => Promise<unknown>>;
    const real = api.listEvidence;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    api.listEvidence = async (arg) => {
      await held;
      return real(arg);
    };
    scrollTo(5_020);
    const busy = await within(table).findAllByRole('row', { busy: true });
    expect(busy.length).toBeGreaterThan(5);
    expect(busy[0]).toHaveTextContent('Loading…');
    release();
    // Row 5,020 from 0 (aria-rowindex 5,022: the header is row 1) is the 5,021st newest.
    await waitFor(() => expect(within(table).queryAllByRole('row', { busy: true })).toEqual([]));
    const row = table.querySelector('[aria-rowindex="5022"]') as HTMLElement;
    expect(within(row).getByRole('link')).toHaveTextContent(ref(N - 1 - 5_020));
    expect(asked.map((a) => a.offset)).toEqual([0, 5_000]);
  }, 30_000);

  it('sorts from the top again, and selects the records in view', async () => {
    const { table, asked, scrollTo } = await register();
    scrollTo(N - 14);
    expect(await within(table).findByRole('link', { name: ref(0) })).toBeInTheDocument();
    asked.length = 0;
    fireEvent.click(within(table).getByRole('button', { name: /Reference/ }));
    // Reference, A to Z: R-00000 first, read from the first page of the new order.
    await waitFor(() => expect(within(table).getAllByRole('row')[1]).toHaveTextContent(ref(0)));
    expect(asked).toEqual([{ offset: 0, sort: 'ref', desc: false }]);
    fireEvent.click(within(table).getByRole('checkbox', { name: 'Select all loaded records' }));
    expect(await screen.findByText(`${PAGE_SIZE} selected`)).toBeInTheDocument();
  }, 30_000);
});
