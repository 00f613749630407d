// The personal-data gate every document passes before it is written. It scans the panel-facing
// text that went into the document (so a finding names its record and field) and then every part
// of the finished file (body, headers, footers, properties), and looks for the restricted personal
// values of the records the document draws on, verbatim.
import { PII_KIND_LABELS, scanForPersonalData, type PiiKind } from './scan';

/** One piece of panel-facing text the document was built from. */
export interface GateSource {
  recordType: string;
  recordId: number | null;
  field: string;
  text: string;
}

/** A restricted value (a name, a case reference) that must never appear in the document. */
export interface RestrictedValue {
  recordType: string;
  recordId: number;
  field: string;
  value: string;
}

export interface DocumentPart {
  /** e.g. "body", "header", "footer", "document properties" */
  part: string;
  text: string;
}

export type FindingKind = PiiKind | 'restricted';

export interface Finding {
  kind: FindingKind;
  /** what was found, masked so the finding itself does not spread it */
  masked: string;
  recordType: string;
  recordId: number | null;
  field: string;
}

export const FINDING_LABELS: Record<FindingKind, string> = { ...PII_KIND_LABELS, restricted: 'Restricted personal detail' };

const PLACEHOLDERS = new Set(['redacted', '[redacted]', 'unknown', 'n/a', 'none']);

function maskValue(v: string): string {
  return v
    .split(/\s+/)
    .map((w) => (w.length <= 1 ? '•' : `${w[0]}${'•'.repeat(Math.min(6, w.length - 1))}`))
    .join(' ');
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

const KEY = 4;

/**
 * The restricted values that occur anywhere in `whole` (already normalised), each record's field
 * once. A pack can draw on 30,000 such values and hold 500,000 characters, so rather than search
 * the text once per value, every position of the text is indexed by the four characters that
 * start there, and each value is checked only where its own first four characters occur.
 */
function restrictedIn(whole: string, restricted: RestrictedValue[]): RestrictedValue[] {
  const wanted = restricted
    .map((r) => ({ r, v: norm(r.value.trim()) }))
    .filter(({ v }) => v.length >= KEY && !PLACEHOLDERS.has(v));
  if (!wanted.length) return [];
  const starts = new Set(wanted.map(({ v }) => v.slice(0, KEY)));
  const at = new Map<string, number[]>();
  for (let i = 0; i + KEY <= whole.length; i++) {
    const k = whole.slice(i, i + KEY);
    if (!starts.has(k)) continue;
    const list = at.get(k);
    if (list) list.push(i);
    else at.set(k, [i]);
  }
  const seen = new Set<string>();
  const out: RestrictedValue[] = [];
  for (const { r, v } of wanted) {
    const key = `${r.recordType}:${r.recordId}:${r.field}`;
    if (seen.has(key)) continue;
    const positions = at.get(v.slice(0, KEY));
    if (positions?.some((i) => whole.startsWith(v, i))) {
      seen.add(key);
      out.push(r);
    }
  }
  return out;
}

export function gateFindings(sources: GateSource[], parts: DocumentPart[], restricted: RestrictedValue[]): Finding[] {
  const findings: Finding[] = [];
  const attributed = new Set<string>();
  for (const s of sources) {
    for (const m of scanForPersonalData(s.text)) {
      findings.push({ kind: m.kind, masked: m.masked, recordType: s.recordType, recordId: s.recordId, field: s.field });
      attributed.add(`${m.kind}:${norm(m.text)}`);
    }
  }
  // Anything in the finished file that no source explains (a header, a property, a default the
  // document library filled in) is reported against the part it sits in.
  for (const p of parts) {
    for (const m of scanForPersonalData(p.text)) {
      const key = `${m.kind}:${norm(m.text)}`;
      if (attributed.has(key)) continue;
      attributed.add(key);
      findings.push({ kind: m.kind, masked: m.masked, recordType: 'document', recordId: null, field: p.part });
    }
  }
  const found = restrictedIn(parts.map((p) => norm(p.text)).join('\n'), restricted);
  for (const r of found) findings.push({ kind: 'restricted', masked: maskValue(r.value.trim()), recordType: r.recordType, recordId: r.recordId, field: r.field });
  return findings;
}
