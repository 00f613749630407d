// Finds UK personal data in free text so the secretariat is warned before it reaches minutes,
// agendas or exports. Pure and import-free so main, renderer and templates can share one answer.
//
// Every pattern below has only bounded repetition over disjoint character classes, so each start
// position costs constant work and a scan stays linear on hostile input (a pasted 1 MB log must not
// freeze the UI).

export type PiiKind = 'ni-number' | 'postcode' | 'phone' | 'email' | 'date-of-birth';

export const PII_KINDS: readonly PiiKind[] = Object.freeze(['ni-number', 'postcode', 'phone', 'email', 'date-of-birth'] as const);

export const PII_KIND_LABELS: Record<PiiKind, string> = {
  'ni-number': 'National Insurance number',
  postcode: 'Postcode',
  phone: 'Phone number',
  email: 'E-mail address',
  'date-of-birth': 'Date of birth',
};

export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
  /** the matched text exactly as in the input */
  text: string;
  /** safe to display: keeps the shape, hides most characters, e.g. 'QQ •• •• •• C', 'SW1A •••', '07••• ••• 123', 'j•••@e•••.com', '•• •• 1961' */
  masked: string;
}

interface Range {
  start: number;
  end: number;
}
interface Span extends Range {
  kind: PiiKind;
}

const BULLET = '•';

// Patterns run on an ASCII-upper-cased copy rather than with the `i` flag: with `iu`, '[A-Z]' also
// matches 'ſ' and the Kelvin sign, which would make "letters" that no NI number or postcode has.
// Edges are Unicode-aware so "éQQ123456C" is one longer token, not an NI number.
const NI_NUMBER = /(?<![\p{L}\p{N}])([A-Z]{2}) ?\d\d ?\d\d ?\d\d ?[A-D](?![\p{L}\p{N}])/gu;
const NI_UNALLOCATED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

// Royal Mail's letter rules (no Q/V/X first, no I/J/Z second, restricted third/fourth letters,
// no C/I/K/M/O/V inward) are what keep "Q3 2025", "R04" and most prose out.
const POSTCODE =
  /(?<![\p{L}\p{N}])(?:GIR ?0AA|[A-PR-UWYZ](?:\d[\dA-HJKPSTUW]?|[A-HK-Y]\d[\dABEHMNPRV-Y]?) ?\d[ABD-HJLNP-UW-Z]{2})(?![\p{L}\p{N}])/gu;

// National (0 + 9–10 digits) or +44/0044 + optional trunk 0 or "(0)" + 9–10 digits. At most two
// separator characters between digits, so "0900 - 1700" is two numbers, not one. A number that is
// the tail or head of a longer dotted/hyphenated digit run (dates, references) is not a phone.
const PHONE =
  /(?<![\p{L}\p{N}+]|\p{N}[-./])(?:(?:\+|00)44[ .\-()]{0,2}(?:0[ .\-()]{0,2})?[1-9](?:[ .\-()]{0,2}\d){8,9}|\(?0[1235789](?:[ .\-()]{0,2}\d){8,9})(?![\p{L}\p{N}]|[-./]\p{N})/gu;

// A date is only a date of birth when something says so, shortly before it. Lower-case "b." only:
// "Plan B." and "Annex B." are not birth cues.
const DOB_CUE =
  /(?<![\p{L}\p{N}])(?:(?:DOB|D\.O\.B)(?:\.|(?![\p{L}\p{N}]))|(?:DATE[ -]OF[ -]BIRTH|BIRTH ?DATE|BIRTHDAY|BORN)(?![\p{L}\p{N}])|B\.)/gu;
const CUE_REACH = 60;
const MAX_WORDS_BETWEEN = 4;
// No '.' or ';': a sentence or clause break ends the cue's reach ("born. The report of 13/02/2024").
const BETWEEN_WORDS = /[\s:,=()\-–—]{0,60}/uy;
const WORD = /[\p{L}'’]{1,60}/uy;
const MONTH = 'JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?';
const ORDINAL = '(?:ST|ND|RD|TH)?';
const DATE = new RegExp(
  String.raw`(?:(\d{4})-(\d{1,2})-(\d{1,2})` +
    String.raw`|(\d{1,2})([/.-])(\d{1,2})\5(?:\d{4}|\d{2})` +
    String.raw`|(\d{1,2})${ORDINAL}(?: OF)? (?:${MONTH})\.?,? \d{4}` +
    String.raw`|(?:${MONTH})\.? (\d{1,2})${ORDINAL},? \d{4})(?![\p{L}\p{N}])`,
  'uy',
);

const PRIORITY: Record<PiiKind, number> = { email: 0, 'date-of-birth': 1, 'ni-number': 2, phone: 3, postcode: 4 };

export function scanForPersonalData(text: string): PiiMatch[] {
  const upper = asciiUpper(text);
  const spans = [...findNiNumbers(upper), ...findPostcodes(text, upper), ...findPhones(upper), ...findEmails(text), ...findDatesOfBirth(text, upper)];
  return resolveOverlaps(spans).map(({ kind, start, end }) => {
    const found = text.slice(start, end);
    return { kind, start, end, text: found, masked: maskMatch(kind, found) };
  });
}

export function hasPersonalData(text: string): boolean {
  return scanForPersonalData(text).length > 0;
}

/** Upper-cases ASCII letters only, so every offset into the copy is an offset into the original (toUpperCase turns 'ß' into 'SS'). */
function asciiUpper(text: string): string {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    codes[i] = c >= 97 && c <= 122 ? c - 32 : c;
  }
  let out = '';
  // apply takes the typed array as it is (a spread walks it through an iterator: five times slower)
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode.apply(null, codes.subarray(i, i + 8192) as unknown as number[]);
  return out;
}

/** Exec a global regex, retrying one character later after a rejected match so a failed candidate cannot hide a real one starting inside it. */
function collect(re: RegExp, upper: string, kind: PiiKind, accept: (m: RegExpExecArray) => Range | null): Span[] {
  const spans: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(upper); m; m = re.exec(upper)) {
    const range = accept(m);
    if (range) spans.push({ kind, ...range });
    else re.lastIndex = m.index + 1;
  }
  return spans;
}

const rangeOf = (m: RegExpExecArray): Range => ({ start: m.index, end: m.index + m[0].length });

function findNiNumbers(upper: string): Span[] {
  return collect(NI_NUMBER, upper, 'ni-number', (m) => {
    const prefix = m[1];
    // QQ is HMRC's documentation prefix, never allocated, but it is exactly what a planted test value uses.
    const valid = prefix === 'QQ' || (!'DFIQUV'.includes(prefix[0]) && !'DFIOQUV'.includes(prefix[1]) && !NI_UNALLOCATED.has(prefix));
    return valid ? rangeOf(m) : null;
  });
}

function findPostcodes(text: string, upper: string): Span[] {
  return collect(POSTCODE, upper, 'postcode', (m) => {
    const range = rangeOf(m);
    // "Room B2 3rd floor": a lower-case ordinal is prose; a real inward code like 1ST is written in capitals.
    return /^\d(?:st|nd|rd|th)$/.test(text.slice(range.end - 3, range.end)) ? null : range;
  });
}

function findPhones(upper: string): Span[] {
  return collect(PHONE, upper, 'phone', (m) => {
    const range = rangeOf(m);
    if (m[0].startsWith('(') && !m[0].includes(')')) range.start += 1; // in "(07700 900123)" the bracket belongs to the sentence
    if (m[0].startsWith('+') || m[0].startsWith('00')) return range;
    // Real UK layouts open with a 3–5 digit code and never split into single digits; this is what
    // rejects a date followed by a count, such as "01.02.2024 12".
    const groups = m[0].split(/\D+/).filter(Boolean);
    return groups[0].length >= 3 && groups.every((g) => g.length >= 2) ? range : null;
  });
}

const isAlnum = (ch: string | undefined) => ch !== undefined && ((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'));
const isLocalChar = (ch: string | undefined) => isAlnum(ch) || (ch !== undefined && "._%+'-".includes(ch));
const isDomainChar = (ch: string | undefined) => isAlnum(ch) || ch === '.' || ch === '-';
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

// Grown outwards from each '@' by hand with bounded loops: a regex over the local part would
// rescan up to 64 characters from every position of a long run of letters.
function findEmails(text: string): Span[] {
  const spans: Span[] = [];
  for (let atSign = text.indexOf('@'); atSign !== -1; atSign = text.indexOf('@', atSign + 1)) {
    let start = atSign;
    while (atSign - start < 64 && isLocalChar(text[start - 1])) start--;
    if (isLocalChar(text[start - 1])) continue; // longer than any real local part
    while (start < atSign && !isAlnum(text[start])) start++; // an opening quote or stray dot is not part of it
    if (start === atSign || text[atSign - 1] === '.') continue;
    let end = atSign + 1;
    let dotted = false;
    for (; end - atSign <= 253 && isDomainChar(text[end]); end++) dotted ||= text[end] === '.';
    if (!dotted || isDomainChar(text[end])) continue;
    const labels = text.slice(atSign + 1, end).split('.');
    // Drop a trailing full stop or a non-domain tail ("x.gov.uk." at the end of a sentence).
    while (labels.length >= 2 && !(/^[A-Za-z]{2,24}$/.test(labels[labels.length - 1]) && labels.every((l) => LABEL.test(l)))) labels.pop();
    if (labels.length >= 2) spans.push({ kind: 'email', start, end: atSign + 1 + labels.join('.').length });
  }
  return spans;
}

function plausibleDate(m: RegExpExecArray): boolean {
  const day = (i: number) => Number(m[i]) >= 1 && Number(m[i]) <= 31;
  const month = (i: number) => Number(m[i]) >= 1 && Number(m[i]) <= 12;
  if (m[1]) return month(2) && day(3);
  // Either order: a US-style date of birth is still a date of birth, and over-warning is the safe side.
  if (m[4]) return (day(4) && month(6)) || (month(4) && day(6));
  return day(m[7] ? 7 : 8);
}

function findDatesOfBirth(text: string, upper: string): Span[] {
  const spans: Span[] = [];
  DOB_CUE.lastIndex = 0;
  for (let cue = DOB_CUE.exec(upper); cue; cue = DOB_CUE.exec(upper)) {
    if (cue[0] === 'B.' && text[cue.index] !== 'b') continue;
    let pos = cue.index + cue[0].length;
    const limit = pos + CUE_REACH;
    for (let words = 0; pos < limit; words++) {
      BETWEEN_WORDS.lastIndex = pos;
      BETWEEN_WORDS.exec(upper);
      pos = BETWEEN_WORDS.lastIndex;
      DATE.lastIndex = pos;
      const date = pos < limit ? DATE.exec(upper) : null;
      if (date && plausibleDate(date)) {
        spans.push({ kind: 'date-of-birth', start: pos, end: DATE.lastIndex });
        break;
      }
      WORD.lastIndex = pos;
      if (words === MAX_WORDS_BETWEEN || !WORD.exec(upper)) break;
      pos = WORD.lastIndex;
    }
  }
  return spans;
}

// Sweep in start order; on overlap keep the more specific kind (an e-mail beats the postcode-like
// text inside it), then the longer span. Replacing the last kept span is safe: the one before it
// ended before the last one started.
function resolveOverlaps(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const span of spans) {
    const last = kept[kept.length - 1];
    if (!last || span.start >= last.end) kept.push(span);
    else if (PRIORITY[span.kind] < PRIORITY[last.kind] || (span.kind === last.kind && span.end - span.start > last.end - last.start)) kept[kept.length - 1] = span;
  }
  return kept;
}

/** Replace every ASCII letter and digit not kept with a bullet; separators stay so the shape is recognisable. */
function hide(text: string, keep: (i: number) => boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += isAlnum(text[i]) && !keep(i) ? BULLET : text[i];
  return out;
}

function indicesOf(text: string, wanted: (ch: string) => boolean): number[] {
  const found: number[] = [];
  for (let i = 0; i < text.length; i++) if (wanted(text[i])) found.push(i);
  return found;
}

const MASKERS: Record<PiiKind, (text: string) => string> = {
  'ni-number': (text) => hide(text, (i) => /[A-Za-z]/.test(text[i])),
  postcode: (text) => {
    const inward = new Set(indicesOf(text, isAlnum).slice(-3));
    return hide(text, (i) => !inward.has(i));
  },
  phone: (text) => {
    const digits = indicesOf(text, (ch) => ch >= '0' && ch <= '9');
    const lead = text.startsWith('00') ? 4 : 2; // the country code, or the "0" and first digit of the area code
    const shown = new Set([...digits.slice(0, lead), ...digits.slice(-3)]);
    return hide(text, (i) => shown.has(i));
  },
  email: (text) => {
    const atSign = text.lastIndexOf('@');
    if (atSign < 1) return hide(text, () => false);
    const labels = text.slice(atSign + 1).split('.');
    // Keep "gov.uk"/"co.uk" whole: the public suffix says which organisation type, not who.
    const tldLength = labels.length >= 3 && labels[labels.length - 1].length === 2 && labels[labels.length - 2].length <= 3 ? 2 : Math.min(1, labels.length - 1);
    const suffix = labels.slice(labels.length - tldLength).join('.');
    return `${text[0]}${BULLET.repeat(3)}@${text[atSign + 1] ?? ''}${BULLET.repeat(3)}${suffix ? `.${suffix}` : ''}`;
  },
  'date-of-birth': (text) => {
    const runs = [...text.matchAll(/\d+/g)];
    const year = runs.find((r) => r[0].length === 4) ?? runs[runs.length - 1];
    return hide(text, (i) => year !== undefined && i >= year.index && i < year.index + year[0].length);
  },
};

export function maskMatch(kind: PiiKind, text: string): string {
  const masked = MASKERS[kind](text);
  if (text.length < 4 || !masked.includes(text)) return masked;
  // Only reachable for text that is not really of this kind (e.g. already bullets); still never echo it.
  const blank = BULLET.repeat(text.length);
  return blank.includes(text) ? '' : blank;
}
