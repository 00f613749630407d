import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A wide table in a small window or at large text: it scrolls sideways inside this named region
 * rather than pushing the page wider than the window. Only while the table is wider than the room
 * does the region scroll and take the keyboard focus (so the arrow keys scroll it): otherwise it
 * would be a tab stop that does nothing, and a scroll box would stop a sticky header sticking.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setOverflowing(el.scrollWidth > el.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    return () => ro.disconnect();
  }, []);
  return (
    <div ref={ref} className={overflowing ? 'table-scroll table-scroll--overflowing' : 'table-scroll'} role="region" aria-label={label} tabIndex={overflowing ? 0 : undefined}>
      {children}
    </div>
  );
}
