import { useDeferredValue, useMemo } from 'react';
import { PII_KIND_LABELS, scanForPersonalData } from '#shared/pii/scan';

/**
 * Shown under panel-facing text: what in it looks like personal data, masked, as it is typed.
 * The text is the secretariat's to fix; nothing is changed for them.
 */
export function PiiWarnings({ text, id }: { text: string; id?: string }) {
  const deferred = useDeferredValue(text);
  const matches = useMemo(() => scanForPersonalData(deferred), [deferred]);
  return (
    <div id={id} aria-live="polite" className="pii">
      {matches.length > 0 && (
        <div className="pii__box">
          <p className="pii__title">
            <span aria-hidden="true">⚠ </span>This panel-facing text seems to contain personal data:
          </p>
          <ul>
            {matches.slice(0, 8).map((m) => (
              <li key={`${m.start}-${m.kind}`}>
                {PII_KIND_LABELS[m.kind]} <code>{m.masked}</code> (character {m.start + 1})
              </li>
            ))}
            {matches.length > 8 && <li>and {matches.length - 8} more</li>}
          </ul>
          <p className="pii__hint">Remove it, or keep it in the restricted fields below, which never appear in packs or minutes.</p>
        </div>
      )}
    </div>
  );
}
