// Parser for the public Preventable Deaths Tracker export of coroners' Prevention of Future Deaths
// (PFD) reports. Pure: the caller reads the file and decides what to keep; nothing here throws.
import Papa from 'papaparse';

export interface PfdReport {
  row: number; // 1-based data row (the header is row 0), for messages that point back at the file
  ref: string;
  reportDate: string; // ISO; date_added when date_of_report is missing or unreadable (see warnings)
  dateAdded: string | null;
  deceasedName: string; // personal data: the caller keeps it apart from the report
  coronerName: string;
  coronerArea: string;
  category: string;
  addressees: string[];
  addressedToDwp: boolean;
  reportUrl: string;
  /** the tracker lists a published reply from DWP (its date is not given) */
  replied: boolean;
  circumstances: string; // with the deceased's name redacted
  concerns: string; // with the deceased's name redacted
  warnings: string[];
}

export interface PfdParseResult {
  read: number;
  reports: PfdReport[];
  errors: { row: number; message: string }[];
}

// \s misses the zero-width space, which turns up in text pasted from Word.
const oneLine = (s: string): string => s.replace(/[\s\u200b]+/g, ' ').trim();

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

// A prefix of three or more letters, so 'Sept', 'Dec' and the export's truncated 'Decembe' all count.
function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(w));
  return i < 0 ? null : i + 1;
}

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  // Date.UTC rolls 31/02 over into March; comparing the month back catches impossible days.
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// Two-digit years only appear on reports from this century (the tracker starts in 2013).
const fullYear = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));

export function parseLooseDate(s: string): string | null {
  if (typeof s !== 'string') return null;
  const t = oneLine(s).replace(/(\d)(?:st|nd|rd|th)\b/gi, '$1');
  let m = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[3]), Number(m[4]));
  m = /^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$/.exec(t);
  if (m) return isoDate(fullYear(m[4]), Number(m[3]), Number(m[1]));
  m = /^(\d{1,2})\s*(?:of\s+)?([a-z]+)\.?,?\s*(\d{4})$/i.exec(t);
  const month = m ? monthNumber(m[2]) : null;
  return m && month ? isoDate(Number(m[3]), month, Number(m[1])) : null;
}

// Words that mark a fragment as an organisation or office holder rather than a place or a
// department's trailing words, so 'Barking, Havering and Redbridge ...' is not cut at the commas.
const ORG_WORD =
  /\b(trust|council|police|constabulary|services?|hospitals?|board|commission(er)?|department|dept|ministry|minister|secretary|sos|office|agency|college|society|association|group|ltd|limited|plc|llp|practice|surgery|centre|center|clinic|homes?|authority|authorities|partnership|executive|(?<!local )government|coroner|unit|team|university|institute|school|network|foundation|federation|company|corporation|committee|panel|directorate|ombudsman|inspectorate|regulator|chief|director|chair|president|mayor|lord|nhs|hm|hmp|hmpps|icb|ccg|england|highways|pharmacy)\b/i;
const ACRONYM = /\b[A-Z]{2,6}s?\b/;
// An ' and ' followed by one of these starts a new addressee.
const STARTS_ADDRESSEE =
  /^(secretary|sos|department|dept\.?|minister|ministry|chief|chair|president|director|nhs|hm|hmp|hmpps|home office|royal|national|general|lord|rt\.? hon|mayor)\b/i;
const STARTS_WITH_ACRONYM = /^[A-Z]{2,6}s?\b/;
// An addressee ending like this is complete, so a following ' and <organisation>' is a new one.
const ENDS_ADDRESSEE =
  /\b(trust|council|ltd|limited|plc|commission|constabulary|board|group|england|agency|office|executive|services?|pensions|social care|authority|home|hospitals?|centre|practice|surgery)\.?$/i;
const ENDS_WITH_ACRONYM = /\b(?!NHS\b)[A-Z]{2,6}s?\.?$/;

// A trailing abbreviation in brackets ('... Trust (WAST)') does not change how a name ends.
function endsComplete(s: string): boolean {
  const t = s.replace(/\s*\([^)]*\)$/, '');
  return ENDS_ADDRESSEE.test(t) || ENDS_WITH_ACRONYM.test(t);
}

function looksLikeOrg(s: string): boolean {
  const t = s.replace(/\[[^\]]*\]/g, ' ');
  return ORG_WORD.test(t) || ACRONYM.test(t.replace(/\bREDACTED\b/g, '').replace(/\./g, ''));
}

function splitOnAnd(s: string): string[] {
  const pieces = s.split(/\s+and\s+/);
  const out = [pieces[0]];
  for (let i = 1; i < pieces.length; i++) {
    const left = out[out.length - 1];
    const right = pieces[i];
    const rest = pieces.slice(i).join(' and ');
    const newAddressee = /^the\s/i.test(right)
      ? looksLikeOrg(left) && looksLikeOrg(right)
      : STARTS_ADDRESSEE.test(right) ||
        STARTS_WITH_ACRONYM.test(right) ||
        (endsComplete(left) && looksLikeOrg(rest));
    if (newAddressee) out.push(right);
    else out[out.length - 1] = `${left} and ${right}`;
  }
  return out;
}

// Commas separate addressees but also sit inside names ('Department for Culture, Media and
// Sport', 'Barking, Havering and Redbridge ...') and between a body and its place ('Pelham House,
// West Sussex'). A comma fragment that does not look like an organisation is joined to a
// neighbour: forwards when it opens the list or is one word (a list of places), otherwise back,
// unless it is a longer name following a complete one ('..., Council, Natural Resources Wales').
// Pieces cut at ' and ' were cut deliberately and are not rejoined.
function joinCommaFragments(fragments: string[]): string[] {
  const pieces = fragments.flatMap((f, i) =>
    splitOnAnd(f.replace(/^(and|&)\s+/i, '')).map((text, j) => ({ text, afterComma: j === 0 && i > 0 })),
  );
  const out: string[] = [];
  let pending = '';
  pieces.forEach(({ text, afterComma }, i) => {
    const joined = pending ? `${pending}, ${text}` : text;
    pending = '';
    const prev = out[out.length - 1];
    const words = text.split(' ').length;
    if (looksLikeOrg(text) || !(afterComma || i === 0)) out.push(joined);
    else if (pieces[i + 1]?.afterComma && (out.length === 0 || words === 1)) pending = joined;
    else if (prev && afterComma && (words <= 2 || !endsComplete(prev))) {
      out[out.length - 1] = `${prev}, ${joined}`;
    } else out.push(joined);
  });
  return out;
}

export function splitAddressees(s: string): string[] {
  if (typeof s !== 'string') return [];
  // Line breaks are mostly wrapping from the PDF, but a line opening with '[REDACTED]' is a new
  // addressee ('[REDACTED], Chief Executive NHS England').
  const text = oneLine(s.replace(/\r?\n(?=\s*\[)/g, '|'));
  return text
    .split(/[|;]/)
    .flatMap((part) => joinCommaFragments(part.split(',').map((f) => f.trim()).filter(Boolean)))
    .map((a) => a.replace(/^(and|&)\s+/i, '').replace(/[\s.,:]+$/, '').trim())
    .filter((a) => a.length > 0);
}

export function isDwpAddressee(s: string): boolean {
  if (typeof s !== 'string') return false;
  const t = ` ${s.toLowerCase().replace(/[.'’]/g, '').replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ')} `
    // The Commons select committee scrutinises DWP but is not part of it.
    .replace(/ works? and pensions? (select )?committee /g, ' ');
  // DWP's own ministers are sometimes addressed by title alone, without the department.
  return / (dwp|works? and pensions?|jobcentre plus|minister (of state )?for (disabled people|pensions|welfare delivery)) /.test(t);
}

const TITLES = ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'master', 'mister', 'sir', 'dame', 'lady', 'lord', 'rev', 'prof'];
// Name parts that are also everyday words (many found in the tracker's own names: 'Wiktoria Was',
// 'Matthew Power', 'Mrs Care'). Alone they are left; after a title they are still redacted.
const COMMON = new Set(
  ('and the of for with von van der den del della dos das bin ibn abu baby child infant unknown unnamed ' +
    'redacted deceased person male female name boy girl man woman was power care heard may day self ward blood long ' +
    'prior still short head weeks fell key senior junior ray best reason young read wait trigger height little ' +
    'friend wing few beach small cross keep attack page bridge seven riding hand white winter miles wall street ' +
    'foot mac will mark hope rose grace faith joy hall hill wood green brown black king price cook bell edge tree ' +
    'frame gross summer april june august major park lane field bank chance rich good new north south east west').split(' '),
);
const PLACEHOLDER = /^\[?(redacted|unknown|unnamed|name withheld|withheld)\]?$/i;
// Compiled once: Unicode property classes are slow to compile, so the per-name patterns avoid
// them and the word boundaries are checked with these instead.
const WORD_START = /(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu;
const STARTS_WITH_WORD_CHAR = /^[\p{L}\p{N}]/u;
const MIDDLE_NAME = /\p{Lu}[\p{L}'’-]*[^\S\n]+/uy;
const ENDS_WITH_TITLE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${TITLES.join('|')})\\.?\\s+$`, 'iu');

// Matches the name however the report spells its accents, apostrophes and spacing.
function namePattern(name: string): string {
  return [...name]
    .map((c) => {
      if (/\s/.test(c)) return '\\s+';
      if (/['’‘`]/.test(c)) return "['’‘`]";
      const base = c.normalize('NFD').replace(/\p{M}/gu, '');
      const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      return base && base !== c ? `(?:${esc(c)}|${esc(base)})` : esc(c);
    })
    .join('');
}

// Longest name first; a name running on into a longer word ('Smithson') is no match.
function nameEndingAt(src: string, at: number, patterns: RegExp[]): number {
  for (const re of patterns) {
    re.lastIndex = at;
    const hit = re.exec(src);
    const end = hit ? at + hit[0].length : -1;
    if (hit && !STARTS_WITH_WORD_CHAR.test(src.slice(end, end + 2))) return end;
  }
  return -1;
}

const letters = (w: string): number => (w.match(/\p{L}/gu) ?? []).length;

export function redactName(text: string, fullName: string): string {
  if (typeof text !== 'string') return '';
  if (typeof fullName !== 'string' || text.trim() === '') return text;
  const always = new Set<string>();
  const afterTitle = new Set<string>();
  // One row can name several people: 'Tony Jopson and Michael Jopson', 'A, B & C'.
  const names = fullName.normalize('NFC').replace(/[()[\]]/g, ' ');
  for (const person of names.split(/,|;|&|\band\b|\.\s/)) {
    const words: string[] = person.match(/[\p{L}\p{N}'’‘`-]+/gu) ?? [];
    while (words.length > 1 && TITLES.includes(words[0].toLowerCase())) words.shift();
    const whole = words.join(' ');
    if (!whole || PLACEHOLDER.test(whole)) continue;
    if (words.length > 1 || letters(whole) >= 3) always.add(whole);
    else afterTitle.add(whole);
    // Hyphenated and run-together names ('Haddon-Cave', 'KennethDaly') are also written apart.
    const parts = words.flatMap((w) => [w, ...w.split('-'), ...w.split(/(?<=\p{Ll})(?=\p{Lu}\p{Ll}{2})/u)]);
    for (const part of parts) {
      if (!part || TITLES.includes(part.toLowerCase())) continue;
      const plain = part.toLowerCase().replace(/['’‘`]/g, '');
      if (letters(part) >= 3 && !COMMON.has(plain)) always.add(part);
      else afterTitle.add(part);
    }
  }
  const sticky = (set: Set<string>) =>
    [...set].sort((x, y) => y.length - x.length).map((n) => new RegExp(namePattern(n), 'iuy'));
  const alwaysRes = sticky(always);
  const allRes = [...alwaysRes, ...sticky(afterTitle)];
  const src = text.normalize('NFC');
  let out = '';
  let done = -1;
  WORD_START.lastIndex = 0;
  for (let m = WORD_START.exec(src); m; m = WORD_START.exec(src)) {
    const at = m.index;
    // Straight after a redacted name, the words that follow are likely more of it: middle names,
    // or a surname that is also a common word ('[name] Jane Brown').
    const nextToName = done >= 0 && /^[^\S\n]+$/.test(src.slice(done, at));
    const titled = nextToName || ENDS_WITH_TITLE.test(src.slice(Math.max(0, at - 20), at));
    let end = nameEndingAt(src, at, titled ? allRes : alwaysRes);
    for (let pos = at, k = 0; end < 0 && nextToName && k < 3; k++) {
      MIDDLE_NAME.lastIndex = pos;
      if (!MIDDLE_NAME.test(src)) break;
      pos = MIDDLE_NAME.lastIndex;
      end = nameEndingAt(src, pos, allRes);
    }
    if (end >= 0) {
      out += `${src.slice(Math.max(done, 0), at)}[name]`;
      done = end;
      WORD_START.lastIndex = end;
    }
  }
  out += src.slice(Math.max(done, 0));
  // 'John Paul Smith' written as 'John Smith' becomes '[name] [name]'; one marker reads better.
  return out.replace(/\[name\](?:[^\S\n]+\[name\])+/g, '[name]');
}

// Keeps paragraph breaks in the long text fields but drops the PDF-extraction spacing.
const tidyText = (s: string): string =>
  s.replace(/\r\n?/g, '\n').replace(/[^\S\n]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();

const DWP_REPLY = /\bDWP\b|work-and-pensions/i;

// Returns the report, or why the row cannot be one.
function parseRow(row: number, cells: string[], header: string[]): PfdReport | string {
  const get = (name: string): string => {
    const i = header.indexOf(name);
    return i >= 0 && typeof cells[i] === 'string' ? cells[i] : '';
  };
  const warnings: string[] = [];
  if (cells.length !== header.length) warnings.push(`row has ${cells.length} fields; the header has ${header.length}`);

  // Some refs are typed '2016 – 0396' with an en dash.
  const ref = oneLine(get('ref')).replace(/^(\d{4})\s*[-–—]\s*(\d)/, '$1-$2');
  const rawReportDate = oneLine(get('date_of_report'));
  const dateAdded = parseLooseDate(get('date_added'));
  let reportDate = parseLooseDate(rawReportDate);
  if (!reportDate && dateAdded) {
    warnings.push(rawReportDate ? `date_of_report '${rawReportDate}' not understood; used date_added` : 'no date_of_report; used date_added');
    reportDate = dateAdded;
  }
  if (!ref || !reportDate) return [!ref && 'no ref', !reportDate && 'no usable date_of_report or date_added'].filter(Boolean).join('; ');

  if (!/^\d{4}-\d{4}[A-Z]?$/.test(ref)) warnings.push(`ref '${ref}' is not in the usual yyyy-nnnn form`);
  if (/^\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2}$/.test(rawReportDate)) warnings.push(`two-digit year in '${rawReportDate}' read as ${reportDate.slice(0, 4)}`);
  if (dateAdded && reportDate > dateAdded) warnings.push(`report dated ${reportDate}, after it was added on ${dateAdded}`);

  const sentTo = get('this_report_is_being_sent_to');
  const addressees = splitAddressees(sentTo);
  // Tested on the whole field as well, so an odd split can never hide DWP.
  const addressedToDwp = isDwpAddressee(sentTo) || addressees.some(isDwpAddressee);
  if (addressees.length === 0) warnings.push('no addressees listed');
  if (!addressedToDwp && DWP_REPLY.test(get('reply_urls'))) warnings.push('a reply from DWP is listed, but DWP is not among the addressees');

  const deceasedName = oneLine(get('deceased_name'));
  return {
    row, ref, reportDate, dateAdded, deceasedName,
    coronerName: oneLine(get('coroner_name')),
    // One area is written ': London Inner (West)'.
    coronerArea: oneLine(get('coroner_area')).replace(/^[:;,\s]+/, ''),
    category: oneLine(get('category')),
    addressees, addressedToDwp,
    reportUrl: oneLine(get('report_url')),
    replied: DWP_REPLY.test(get('reply_urls')),
    circumstances: redactName(tidyText(get('circumstances')), deceasedName),
    concerns: redactName(tidyText(get('concerns')), deceasedName),
    warnings,
  };
}

export function parsePfdCsv(text: string): PfdParseResult {
  const result: PfdParseResult = { read: 0, reports: [], errors: [] };
  if (typeof text !== 'string') return result;
  let rows: string[][];
  try {
    // Rows are read without Papa's header mode so that row numbers stay true to the file.
    rows = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { delimiter: ',' }).data.filter((r) => Array.isArray(r));
  } catch (e) {
    result.errors.push({ row: 0, message: `CSV could not be read: ${e instanceof Error ? e.message : String(e)}` });
    return result;
  }
  const header = (rows[0] ?? []).map((h) => oneLine(String(h)).toLowerCase());
  const dataRows = rows.map((cells, row) => ({ row, cells })).slice(1).filter(({ cells }) => cells.some((c) => String(c).trim() !== ''));
  result.read = dataRows.length;
  const missing = ['ref', 'date_of_report', 'date_added'].filter((c) => !header.includes(c));
  if (missing.length > 0) {
    result.errors.push({ row: 0, message: `header is missing column(s): ${missing.join(', ')}` });
    return result;
  }

  for (const { row, cells } of dataRows) {
    let parsed: PfdReport | string;
    try {
      parsed = parseRow(row, cells, header);
    } catch (e) {
      // A bug should cost one row, not the import.
      parsed = `could not be read: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (typeof parsed === 'string') result.errors.push({ row, message: parsed });
    else result.reports.push(parsed);
  }

  // Several refs were reused for different deaths (or for each death in a joint report).
  const rowsByRef = new Map<string, number[]>();
  for (const r of result.reports) rowsByRef.set(r.ref, [...(rowsByRef.get(r.ref) ?? []), r.row]);
  for (const r of result.reports) {
    const others = (rowsByRef.get(r.ref) ?? []).filter((n) => n !== r.row);
    if (others.length > 0) r.warnings.push(`ref ${r.ref} is also used on row(s) ${others.join(', ')}`);
  }
  return result;
}
