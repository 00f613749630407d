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

/** A number for the four characters at `i` (the first of a value, or of any position of the text): equal characters, equal numbers. */
const keyHash = (s: string, i: number) =>
  (Math.imul(Math.imul(Math.imul(s.charCodeAt(i), 31) + s.charCodeAt(i + 1), 31) + s.charCodeAt(i + 2), 31) + s.charCodeAt(i + 3)) & 0xffff;

/**
 * The restricted values to look for, normalised, ready for a document's text. A pack can draw on
 * 30,000 such values (many the same name on several records) and hold 500,000 characters, so
 * rather than search the text once per value, each distinct value is filed under its first four
 * characters, and the text is looked at, position by position, only where four characters that
 * start a value begin: a table of those four characters' numbers turns the rest away without
 * making a string.
 */
interface RestrictedIndex {
  /** each value worth looking for (long enough, not a placeholder), in the order given */
  wanted: { r: RestrictedValue; v: string }[];
  /** the distinct values, by their first four characters */
  byStart: Map<string, string[]>;
  /** 1 where some value's first four characters have that number */
  starts: Uint8Array;
}

function indexRestricted(restricted: RestrictedValue[]): RestrictedIndex {
  const wanted = restricted
    .map((r) => ({ r, v: norm(r.value.trim()) }))
    .filter(({ v }) => v.length >= KEY && !PLACEHOLDERS.has(v));
  const byStart = new Map<string, string[]>();
  const starts = new Uint8Array(0x10000);
  for (const v of new Set(wanted.map((w) => w.v))) {
    const k = v.slice(0, KEY);
    const list = byStart.get(k);
    if (list) list.push(v);
    else byStart.set(k, [v]);
    starts[keyHash(v, 0)] = 1;
  }
  return { wanted, byStart, starts };
}

/** The restricted values that occur anywhere in `whole` (already normalised), each record's field once, in the order given. */
function restrictedIn(whole: string, index: RestrictedIndex): RestrictedValue[] {
  const { wanted, byStart, starts } = index;
  if (!wanted.length) return [];
  const found = new Set<string>();
  for (let i = 0; i + KEY <= whole.length; i++) {
    if (!starts[keyHash(whole, i)]) continue;
    const values = byStart.get(whole.slice(i, i + KEY));
    if (!values) continue;
    for (const v of values) if (!found.has(v) && whole.startsWith(v, i)) found.add(v);
  }
  const seen = new Set<string>();
  const out: RestrictedValue[] = [];
  for (const { r, v } of wanted) {
    if (!found.has(v)) continue;
    const key = `${r.recordType}:${r.recordId}:${r.field}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}

/**
 * What the gate knows before the finished file exists: what the document's sources hold, each
 * finding attributed to its record and field, and the restricted values indexed for the search.
 * Worked out while the file's pages are laid out (elsewhere), it leaves only the file's own text
 * to look at once the file is made.
 */
export interface PreparedGate {
  findings: Finding[];
  /** kind and normalised text of every source finding: the file's own are reported only if new */
  attributed: Set<string>;
  restricted: RestrictedIndex;
}

export function prepareGate(sources: GateSource[], restricted: RestrictedValue[]): PreparedGate {
  const findings: Finding[] = [];
  const attributed = new Set<string>();
  for (const s of sources) {
    for (const m of scanForPersonalData(s.text)) {
      findings.push({ kind: m.kind, masked: m.masked, recordType: s.recordType, recordId: s.recordId, field: s.field });
      attributed.add(`${m.kind}:${norm(m.text)}`);
    }
  }
  return { findings, attributed, restricted: indexRestricted(restricted) };
}

/** The findings for the finished file: its sources' (prepared), then what no source explains, then the restricted values it holds. */
export function finishGate(prepared: PreparedGate, parts: DocumentPart[]): Finding[] {
  const findings = [...prepared.findings];
  const attributed = new Set(prepared.attributed);
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
  const found = restrictedIn(parts.map((p) => norm(p.text)).join('\n'), prepared.restricted);
  for (const r of found) findings.push({ kind: 'restricted', masked: maskValue(r.value.trim()), recordType: r.recordType, recordId: r.recordId, field: r.field });
  return findings;
}

export function gateFindings(sources: GateSource[], parts: DocumentPart[], restricted: RestrictedValue[]): Finding[] {
  return finishGate(prepareGate(sources, restricted), parts);
}
