import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { EVIDENCE_TYPE_SHORT } from '#shared/domain/evidence';
import { panelTitle } from '#shared/domain/panels';
import { RANKED_AMONG_NOTE } from '#shared/domain/search';
import { formatDateCompact } from '#shared/format';
import { call } from '../../api/client';
import { keys } from '../../api/keys';
import { Dialog } from '../../ui/Dialog';
import { SEARCH_PAUSE_MS, useDebounced } from '../../ui/useDebounced';
import { SECTIONS } from '../../Layout';
import { usePanels } from '../panels/hooks';
import { Highlighted } from '../search/Highlighted';

interface Choice {
  id: string;
  group: string;
  label: React.ReactNode;
  text: string;
  href: string;
}

const isTyping = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/** Ctrl/Cmd+K opens the palette and ? the shortcuts, from anywhere in the app. */
export function GlobalShortcuts() {
  const [open, setOpen] = useState<'palette' | 'help' | null>(null);
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen('palette');
      } else if (e.key === '?' && !isTyping(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        setOpen('help');
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  if (open === 'palette') return <CommandPalette onClose={() => setOpen(null)} />;
  if (open === 'help') return <ShortcutHelp onClose={() => setOpen(null)} />;
  return null;
}

export function CommandPalette({ onClose }: { onClose(): void }) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [, navigate] = useLocation();
  const listId = useId();
  const panels = usePanels();
  const q = useDebounced(text.trim(), SEARCH_PAUSE_MS);
  const hits = useQuery({ queryKey: [...keys.search(q), 'palette'], queryFn: () => call('search', { text: q, limit: 8 }), enabled: q.length > 1, placeholderData: (p) => p });

  const choices = useMemo(() => {
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    const matches = (s: string) => words.every((w) => s.toLowerCase().includes(w));
    const out: Choice[] = [];
    for (const s of SECTIONS) if (!words.length || matches(s.label)) out.push({ id: `s${s.href}`, group: 'Go to', label: s.label, text: s.label, href: s.href });
    if (words.length) {
      const all = [...(panels.data?.upcoming ?? []), ...(panels.data?.past ?? [])];
      for (const p of all) {
        const t = `${panelTitle(p)} ${formatDateCompact(p.date)} ${p.date}`;
        if (matches(t)) out.push({ id: `p${p.id}`, group: 'Panels', label: `${panelTitle(p)}, ${formatDateCompact(p.date)}`, text: t, href: `/panels/${p.id}` });
      }
      for (const h of hits.data?.themes ?? []) out.push({ id: `t${h.id}`, group: 'Themes', label: <Highlighted text={h.title} />, text: h.title, href: `/themes/${h.id}` });
      for (const h of hits.data?.evidence ?? [])
        out.push({
          id: `e${h.id}`,
          group: 'Evidence',
          label: (
            <>
              {h.ref} <span className="muted">{h.type ? EVIDENCE_TYPE_SHORT[h.type] : ''}</span> <Highlighted text={h.title} />
            </>
          ),
          text: h.ref,
          href: `/evidence/${h.id}`,
        });
    }
    return out.slice(0, 30);
  }, [text, panels.data, hits.data]);

  useEffect(() => setActive(0), [text]);
  const go = (c: Choice | undefined) => {
    if (!c) return;
    onClose();
    navigate(c.href);
  };

  return (
    <Dialog title="Go to…" onClose={onClose}>
      <div className="palette">
        <input
          type="text"
          role="combobox"
          aria-label="Page, panel, theme or evidence"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={choices[active] ? `${listId}-${choices[active].id}` : undefined}
          placeholder="Type a page, a panel’s quarter, a reference or words"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(a + 1, choices.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              go(choices[active]);
            }
          }}
        />
        <ul id={listId} role="listbox" aria-label="Results" className="palette__list">
          {choices.length === 0 && (
            <li role="option" aria-selected="false" aria-disabled="true" className="muted">
              {q && hits.isFetching ? 'Searching…' : 'Nothing matches.'}
            </li>
          )}
          {choices.map((c, i) => (
            <li
              key={c.id}
              id={`${listId}-${c.id}`}
              role="option"
              aria-selected={i === active}
              className={`palette__item${i === active ? ' is-active' : ''}`}
              onMouseEnter={() => setActive(i)}
              onClick={() => go(c)}
            >
              <span className="palette__group">{c.group}</span> {c.label}
            </li>
          ))}
        </ul>
        {text.trim() && hits.data?.rankedAmongNewest && hits.data.evidence.length > 0 && <p className="muted palette__hint">Evidence: the best matches first. {RANKED_AMONG_NOTE}</p>}
        <p className="muted palette__hint">↑ ↓ to choose, Enter to open, Esc to close.</p>
      </div>
    </Dialog>
  );
}

/** Each shortcut, its keys in [brackets] (drawn as keys, the words around them as text), and what it does. */
export const SHORTCUTS: [string, string][] = [
  ['[Ctrl+K] ([⌘K] on a Mac)', 'Go to any page, panel, theme or evidence record'],
  ['[?]', 'Show these shortcuts'],
  ['[Esc]', 'Close a dialog or this list'],
  ['[Tab], [Shift+Tab]', 'Move between controls; the focused one is outlined'],
  ['[Space] on an agenda item’s handle, then [↑] [↓], then [Space]', 'Move the item up or down the agenda'],
  ['[Enter] on a sortable column heading', 'Sort by that column; again to reverse'],
];

/** A shortcut's keys as keys, and the words between them as words. */
function Keys({ text }: { text: string }) {
  return text.split(/\[([^\]]+)\]/).map((part, i) => (i % 2 === 1 ? <kbd key={i}>{part}</kbd> : part));
}

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} focusTitle>
      <dl className="shortcuts">
        {SHORTCUTS.map(([k, v]) => (
          <div key={k}>
            <dt>
              <Keys text={k} />
            </dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div className="form__actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
