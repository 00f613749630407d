import { useEffect, useRef, type ReactNode } from 'react';

const n = (x: number) => x.toLocaleString('en-GB');

/**
 * The foot of a list read a page at a time: how many of the total are shown, and a button for the
 * next page. The button also presses itself as it scrolls into view, so scrolling reads on; with
 * the keyboard it stays where it is (never disabled, so focus is not lost while a page loads).
 */
export function MoreRows(props: { shown: number; total: number; noun: string; pageSize: number; loading: boolean; onMore(): void; children?: ReactNode }) {
  const { shown, total, pageSize, loading, onMore } = props;
  const button = useRef<HTMLButtonElement>(null);
  const more = shown < total;
  useEffect(() => {
    const el = button.current;
    if (!el || !more || loading || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && onMore(), { rootMargin: '300px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [more, loading, onMore]);
  return (
    <div className="more-rows">
      <p className="more-rows__count" role="status" aria-live="polite">
        Showing {n(shown)} of {n(total)} {props.noun}
        {props.children}
      </p>
      {more && (
        <button ref={button} type="button" className="button button--secondary" aria-disabled={loading || undefined} onClick={() => !loading && onMore()}>
          {loading ? 'Loading…' : `Show ${n(Math.min(pageSize, total - shown))} more`}
        </button>
      )}
    </div>
  );
}
