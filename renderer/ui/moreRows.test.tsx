// The foot of a paged list: the count, the button, and reading on when it scrolls into view.
// jsdom has no IntersectionObserver, so one is stood in that the test can make report.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MoreRows } from './MoreRows';

type Report = (entries: { isIntersecting: boolean }[]) => void;
const observers: { report: Report; disconnected: boolean }[] = [];
class FakeObserver {
  private readonly me: { report: Report; disconnected: boolean };
  constructor(report: Report) {
    this.me = { report, disconnected: false };
    observers.push(this.me);
  }
  observe() {}
  disconnect() {
    this.me.disconnected = true;
  }
}
afterEach(() => {
  observers.length = 0;
  vi.unstubAllGlobals();
});
const live = () => observers.filter((o) => !o.disconnected);

describe('MoreRows', () => {
  it('says how many of how many, thousands separated, and offers the next page by keyboard', async () => {
    const onMore = vi.fn();
    render(<MoreRows shown={200} total={25_415} noun="records due" pageSize={200} loading={false} onMore={onMore} />);
    expect(screen.getByRole('status')).toHaveTextContent('Showing 200 of 25,415 records due');
    screen.getByRole('button', { name: 'Show 200 more' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(onMore).toHaveBeenCalledTimes(1);
  });

  it('offers only what is left, and nothing once all are shown', () => {
    const { rerender } = render(<MoreRows shown={1000} total={1043} noun="reports" pageSize={100} loading={false} onMore={() => {}} />);
    expect(screen.getByRole('button', { name: 'Show 43 more' })).toBeInTheDocument();
    rerender(<MoreRows shown={1043} total={1043} noun="reports" pageSize={100} loading={false} onMore={() => {}} />);
    expect(screen.getByRole('status')).toHaveTextContent('Showing 1,043 of 1,043 reports');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('reads on when the button scrolls into view, but not while a page is loading', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const onMore = vi.fn();
    const { rerender } = render(<MoreRows shown={100} total={500} noun="recommendations" pageSize={100} loading={false} onMore={onMore} />);
    act(() => live()[0].report([{ isIntersecting: false }]));
    expect(onMore).not.toHaveBeenCalled();
    act(() => live()[0].report([{ isIntersecting: true }]));
    expect(onMore).toHaveBeenCalledTimes(1);
    rerender(<MoreRows shown={100} total={500} noun="recommendations" pageSize={100} loading onMore={onMore} />);
    expect(live()).toHaveLength(0);
    // Still focusable while loading, and pressing it then does nothing.
    const button = screen.getByRole('button', { name: 'Loading…' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(button);
    expect(onMore).toHaveBeenCalledTimes(1);
  });
});
