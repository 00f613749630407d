// A long document's page layout, part by part, remembering each part's. The panel pack's table of
// contents is written with its page numbers, worked out by laying all its pages out (docx/layout):
// most of a pack's time. But a pack is made of parts that each start a page: its cover and
// contents, its agenda, each theme paper, each section (the tracker's landscape pages, the previous
// minutes). Laid out on its own, such a part has the same pages as in the whole document: it starts
// at the top of a page in both, in the same section, under the same header and footer, and the
// pages count on without restarting (a document whose sections restart their numbers, or have a
// first page of their own, is laid out whole). So each part is laid out alone, and the document's
// page numbers are the parts' joined, each part's after the pages before it. A part's layout is
// remembered by its content (and the styles, lists, settings, headers and footers it is laid out
// with), so a pack made again after a change lays out again only the parts that changed: the theme
// paper whose evidence changed, and the contents if a heading did.
//
// What a part shows of the others is their page numbers, in the contents, which it is laid out
// without; so once the parts are joined, such a part is laid out again with those numbers shown,
// and unless it has the same pages, the document is laid out whole (`showsOthersAsLaid`). Lists
// numbered on from one part into the next would be numbered afresh in each (the house documents'
// lists are bullets). The tests lay a full pack out both ways and compare every page number.
import { createHash } from 'node:crypto';
import type { Document, EstimatedPageNumbers, IContext, PageNumberEstimator } from 'docx';

type Xml = Record<string, unknown>;
export type Body = { 'w:body': unknown[] };

const nameOf = (element: unknown): string | undefined =>
  typeof element === 'object' && element !== null && !Array.isArray(element) ? Object.keys(element)[0] : undefined;
const contentOf = (element: unknown): unknown[] => {
  const name = nameOf(element);
  const content = name === undefined ? undefined : (element as Xml)[name];
  return Array.isArray(content) ? content : [];
};
const child = (element: unknown, name: string): unknown => contentOf(element).find((c) => nameOf(c) === name);
const attribute = (element: unknown, key: string): unknown => {
  const name = nameOf(element);
  const content = name === undefined ? undefined : (element as Xml)[name];
  const holder = Array.isArray(content) ? content.find((c) => typeof c === 'object' && c !== null && '_attr' in c) : content;
  return (holder as { _attr?: Xml } | undefined)?._attr?.[key];
};
/** An on/off property is on when it is there without a value, or with one that is not off. */
const isOn = (element: unknown) => element !== undefined && !['false', '0', 'off', false, 0].includes(attribute(element, 'w:val') as string);

/** A paragraph's own section properties (its `w:sectPr` element): those of the section it ends. */
const sectionEndedBy = (element: unknown): unknown => (nameOf(element) === 'w:p' ? child(child(element, 'w:pPr'), 'w:sectPr') : undefined);

const startsPage = (element: unknown) => nameOf(element) === 'w:p' && isOn(child(child(element, 'w:pPr'), 'w:pageBreakBefore'));

/**
 * Whether a section's pages can be laid out in parts: its numbers do not restart and are plain
 * numbers (not "05" or "iv"), its first page has no header of its own, and it does not start on
 * the next odd or even page (a part laid out alone starts on its second page, whatever the page's
 * number in the whole document).
 */
const plainSection = (sectPr: unknown) => {
  const numbers = child(sectPr, 'w:pgNumType');
  const format = attribute(numbers, 'w:fmt');
  const type = attribute(child(sectPr, 'w:type'), 'w:val');
  return attribute(numbers, 'w:start') === undefined && (format === undefined || format === 'decimal') && !isOn(child(sectPr, 'w:titlePg')) && type !== 'oddPage' && type !== 'evenPage';
};

/** The kinds of header and footer a section names (`w:headerReference default`, and so on). */
const framesOf = (sectPr: unknown) =>
  contentOf(sectPr)
    .filter((c) => nameOf(c) === 'w:headerReference' || nameOf(c) === 'w:footerReference')
    .map((c) => `${nameOf(c)} ${String(attribute(c, 'w:type'))}`);

/**
 * Whether each section names every kind of header and footer a section before it does. One that
 * does not has the one before's, as Word lays it out, which a part laid out alone would not see.
 */
function framesNamedEverywhere(sections: unknown[]): boolean {
  const seen = new Set<string>();
  for (const sectPr of sections) {
    const own = new Set(framesOf(sectPr));
    if ([...seen].some((kind) => !own.has(kind))) return false;
    for (const kind of own) seen.add(kind);
  }
  return true;
}

/** A paragraph with nothing in it but its properties. */
const isEmptyParagraph = (element: unknown) => nameOf(element) === 'w:p' && contentOf(element).every((c) => nameOf(c) === 'w:pPr' || nameOf(c) === '_attr');

/** A section starts on a new page (`nextPage`, the default), not on the same page or the next odd or even one. */
const startsOnNewPage = (sectPr: unknown) => (attribute(child(sectPr, 'w:type'), 'w:val') ?? 'nextPage') === 'nextPage';

/** One part of a body: its elements `from` up to `to`, and whether it ends where a section ends. */
export interface Part {
  from: number;
  to: number;
  endsSection: boolean;
}

/**
 * Laid out alone, a part is laid out after a page of its own, as it is in the whole document:
 * the first paragraph of a document is laid out otherwise than one after a page break or a section
 * break (its heading's space before, at the top of the page), and a part could take a page more.
 * So a part after the first starts with an empty paragraph, which ends the section before it where
 * the part starts a section; that page is taken off its estimate again.
 */
function preludeOf(body: Body, part: Part, parts: Part[]): unknown[] {
  const before = beforeOf(part, parts);
  if (before === 'nothing') return [];
  return [{ 'w:p': before === 'section' ? [{ 'w:pPr': [sectionEndedBy(body['w:body'][part.from - 1])] }] : [] }];
}

/** What a part is laid out after, alone (`preludeOf`): nothing (the first part), an empty page, or an empty page ending a section. */
type Before = 'nothing' | 'page' | 'section';
const beforeOf = (part: Part, parts: Part[]): Before => (part.from === 0 ? 'nothing' : parts.find((p) => p.to === part.from)?.endsSection ? 'section' : 'page');

/** A part's section page counts without the page it was laid out after (`preludeOf`), and with it again. */
function withoutPrelude(sections: (number | undefined)[], before: Before): (number | undefined)[] {
  // The page before is a section of its own where the part starts one, else the first page of its section.
  if (before === 'section') return sections.slice(1);
  return before === 'page' ? [minus(sections[0], 1), ...sections.slice(1)] : sections;
}
function withPrelude(sections: (number | undefined)[], before: Before): (number | undefined)[] {
  if (before === 'section') return [1, ...sections];
  return before === 'page' ? [minus(sections[0], -1), ...sections.slice(1)] : sections;
}
const minus = (a: number | undefined, b: number) => (a === undefined ? undefined : a - b);

/**
 * The parts of a formatted body, each starting a page: cut before each paragraph that starts a
 * page, and where each section starts on a new page. Not before a paragraph that starts a page
 * after one kept with the next (directly, or by its style, among `keptWithNext`): the layout keeps
 * the two together across the break. Empty when the body must be laid out whole.
 */
export function partsOf(body: Body, keptWithNext: ReadonlySet<string> = new Set()): Part[] {
  const children = body['w:body'];
  const n = children.length;
  if (n < 2 || nameOf(children[n - 1]) !== 'w:sectPr') return [];
  // Each element's section properties: those of the next paragraph that ends a section, or the body's.
  const sectionOf: unknown[] = new Array(n);
  let current = children[n - 1];
  for (let i = n - 1; i >= 0; i--) {
    const ends = sectionEndedBy(children[i]);
    if (ends !== undefined) current = ends;
    sectionOf[i] = current;
  }
  const sections = [...children.map(sectionEndedBy).filter((s) => s !== undefined), children[n - 1]];
  if (!sections.every(plainSection) || !framesNamedEverywhere(sections)) return [];
  const keepsWithNext = (element: unknown) => {
    if (nameOf(element) !== 'w:p') return false;
    const pPr = child(element, 'w:pPr');
    const direct = child(pPr, 'w:keepNext');
    return direct !== undefined ? isOn(direct) : keptWithNext.has(String(attribute(child(pPr, 'w:pStyle'), 'w:val') ?? 'Normal'));
  };
  const parts: Part[] = [];
  let from = 0;
  // The body's own section properties (the last element) end the last part.
  for (let i = 1; i < n - 1; i++) {
    const sectionStarts = sectionEndedBy(children[i - 1]) !== undefined;
    if (sectionStarts ? startsOnNewPage(sectionOf[i]) : startsPage(children[i]) && !keepsWithNext(children[i - 1])) {
      parts.push({ from, to: i, endsSection: sectionStarts });
      from = i;
    }
  }
  parts.push({ from, to: n, endsSection: true });
  return parts;
}

/**
 * A part's body, as a document of its own: after the page before it (`preludeOf`), and with the
 * properties of the section it ends in at its end.
 */
export function bodyOf(body: Body, part: Part, parts: Part[]): Body {
  const children = body['w:body'];
  const prelude = preludeOf(body, part, parts);
  if (part.to === children.length) return { 'w:body': [...prelude, ...children.slice(part.from)] };
  if (!part.endsSection) {
    // The next section's end after the part (not every element after it, which made the parts O(n²)).
    let sectPr: unknown = children[children.length - 1];
    for (let i = part.to; i < children.length; i++) {
      const ends = sectionEndedBy(children[i]);
      if (ends !== undefined) {
        sectPr = ends;
        break;
      }
    }
    return { 'w:body': [...prelude, ...children.slice(part.from, part.to), sectPr] };
  }
  // The paragraph that ends the section, without the section's properties, which end the body
  // instead. An empty one takes no room where it ends a section (but after a table, where it takes
  // a line either way), so it is left out.
  const ender = children[part.to - 1];
  const pPr = child(ender, 'w:pPr');
  const sectPr = sectionEndedBy(ender);
  const withoutSection = { 'w:p': contentOf(ender).map((c) => (c === pPr ? { 'w:pPr': contentOf(pPr).filter((p) => nameOf(p) !== 'w:sectPr') } : c)) };
  const roomless = isEmptyParagraph(ender) && part.to - 2 >= part.from && nameOf(children[part.to - 2]) !== 'w:tbl';
  return { 'w:body': [...prelude, ...children.slice(part.from, part.to - 1), ...(roomless ? [] : [withoutSection]), sectPr] };
}

/** A part's estimate, as kept: plain data, its bookmarks by their order in the part (their names differ from build to build). */
export interface PartEstimate {
  pageCount: number;
  sectionPageCounts: (number | undefined)[];
  bookmarks: [number, number][];
  bookmarkPageNumbers: [number, number][];
}

/**
 * What is kept of a part's estimate, without the page before it where it was laid out after one
 * (`preludeOf`), its bookmarks by their order among `names` (the part's own); null when it cannot
 * be joined to others (see `joinParts`).
 */
export function keptOf(e: EstimatedPageNumbers, part: Part, parts: Part[], names: string[]): PartEstimate | null {
  if (e.pageCount === undefined || !e.sectionPageCounts?.length || (e.relativePositions?.size ?? 0) > 0 || (e.guesses?.length ?? 0) > 0) return null;
  const before = beforeOf(part, parts) === 'nothing' ? 0 : 1;
  const order = new Map(names.map((name, i) => [name, i]));
  const bookmarks: [number, number][] = [];
  for (const [name, text] of e.bookmarks) {
    const at = order.get(name);
    // A page shown other than as a plain count cannot be moved on by the pages before it.
    if (!/^\d+$/.test(text) || at === undefined) return null;
    bookmarks.push([at, Number(text) - before]);
  }
  const numbers: [number, number][] = [];
  for (const [name, n] of e.bookmarkPageNumbers ?? []) {
    const at = order.get(name);
    if (at === undefined) return null;
    numbers.push([at, n - before]);
  }
  const sections = withoutPrelude([...e.sectionPageCounts], beforeOf(part, parts));
  if (sections.length === 0) return null;
  return { pageCount: e.pageCount - before, sectionPageCounts: sections, bookmarks, bookmarkPageNumbers: numbers };
}

/**
 * The whole document's estimate from its parts', in order: each part's pages after those before
 * it, and a section cut across parts counted once with all its pages; `names` are each part's own
 * bookmarks, in order. Null when a bookmark is in two parts (it cannot be: each is laid out where
 * it starts), or a kept layout has a bookmark its part does not.
 */
export function joinParts(parts: Part[], estimates: PartEstimate[], names: string[][]): EstimatedPageNumbers | null {
  const bookmarks = new Map<string, string>();
  const numbers = new Map<string, number>();
  const sections: (number | undefined)[] = [];
  let offset = 0;
  let sectionOpen = false;
  for (const [i, e] of estimates.entries()) {
    for (const [at, page] of e.bookmarks) {
      const name = names[i][at];
      if (name === undefined || bookmarks.has(name)) return null;
      bookmarks.set(name, String(page + offset));
    }
    for (const [at, n] of e.bookmarkPageNumbers) {
      const name = names[i][at];
      if (name === undefined) return null;
      numbers.set(name, n + offset);
    }
    e.sectionPageCounts.forEach((count, s) => {
      if (s === 0 && sectionOpen) {
        const last = sections.pop();
        sections.push(last === undefined || count === undefined ? undefined : last + count);
      } else sections.push(count);
    });
    sectionOpen = !parts[i].endsSection;
    offset += e.pageCount;
  }
  return { bookmarks, bookmarkPageNumbers: numbers, sectionPageCounts: sections, pageCount: offset };
}

/**
 * What else a part's layout depends on: the document's styles, lists, settings, headers and
 * footers, as they are written. Formatted as docx/layout formats them to read them.
 */
function surroundingsOf(context: IContext): { written: string; styles: unknown; settings: unknown } {
  const file = (context as unknown as { file?: Document }).file;
  if (!file) return { written: '', styles: undefined, settings: undefined };
  const plain = { ...context, stack: [] } as IContext;
  type Wrapper = { View: { ReferenceId?: number; prepForXml(c: IContext): unknown } };
  const format = (wrapper: Wrapper) => [wrapper.View.ReferenceId, wrapper.View.prepForXml({ ...context, viewWrapper: wrapper, stack: [] } as unknown as IContext)];
  const styles = file.Styles.prepForXml(plain);
  const settings = file.Settings.prepForXml(plain);
  const fonts = (file.FontTable as unknown as { files?: { name?: string; data?: { length: number } }[] }).files ?? [];
  return {
    written: JSON.stringify([
      styles,
      file.Numbering.prepForXml(plain),
      settings,
      file.Theme.prepForXml(plain),
      fonts.map((f) => [f.name, f.data?.length]),
      file.Headers.map((h) => format(h as unknown as Wrapper)),
      file.Footers.map((f) => format(f as unknown as Wrapper)),
    ]),
    styles,
    settings,
  };
}

/** The paragraph styles that keep a paragraph with the next, themselves or by the styles they are based on. */
export function stylesKeptWithNext(styles: unknown): Set<string> {
  const own = new Map<string, { basedOn?: string; keepNext?: boolean }>();
  for (const style of contentOf(styles)) {
    if (nameOf(style) !== 'w:style' || attribute(style, 'w:type') !== 'paragraph') continue;
    const id = attribute(style, 'w:styleId');
    if (typeof id !== 'string') continue;
    const keep = child(child(style, 'w:pPr'), 'w:keepNext');
    const basedOn = attribute(child(style, 'w:basedOn'), 'w:val');
    own.set(id, { basedOn: typeof basedOn === 'string' ? basedOn : undefined, keepNext: keep === undefined ? undefined : isOn(keep) });
  }
  const kept = new Set<string>();
  for (const id of own.keys()) {
    let at: string | undefined = id;
    for (let depth = 0; at !== undefined && depth < 20; depth++) {
      const style = own.get(at);
      if (style?.keepNext !== undefined) {
        if (style.keepNext) kept.add(id);
        break;
      }
      at = style?.basedOn;
    }
  }
  return kept;
}

/** The names of the bookmarks a formatted part starts, in order. */
export const bookmarksIn = (written: string): string[] =>
  Array.from(written.matchAll(/"w:bookmarkStart":\{"_attr":\{"w:name":"((?:[^"\\]|\\.)*)"/g), (m) => JSON.parse(`"${m[1]}"`) as string);

/** A character that can be part of a bookmark's name as a word (`\w`, `.` or `-`); false past either end of the text. */
const isNamePart = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Where a part's written content is written otherwise for its key, in order: each bookmark's name
 * (as JSON writes it) where it is a word of its own (not next to a letter, digit, `_`, `.` or `-`),
 * the longest first where two start at one place, none inside another; then each id's number
 * (`"w:id":7`, `"id":-7`, its `space`), written as the order in which its number first comes in the
 * part among those of its space, but for an id written with a name's text, which is the name.
 * Found with indexOf, which scans a part's text far quicker than a regular expression.
 */
/** How many of a name's first characters it is looked for by (`placesToRename`). */
const NAME_START = 4;

/** A place in a part's text written otherwise for its key: a bookmark's name, or an id's number and its space. */
type Place = { from: number; to: number } & ({ name: string; space?: undefined } | { name?: undefined; space: 'w:id' | 'id' });

function placesToRename(w: string, namesInJson: string[]): Place[] {
  const found: Place[] = [];
  // The names by their first few characters, each beginning looked for once: the contents'
  // bookmarks are all "_Toc" and a number, and the text was scanned once for each.
  const byStart = new Map<string, string[]>();
  for (const json of namesInJson) {
    // An empty name is found nowhere (the regular expressions before found it everywhere, between
    // any two characters that are not part of a word): the pack's bookmarks are never empty.
    if (json === '') continue;
    const start = json.slice(0, NAME_START);
    const group = byStart.get(start);
    if (group) group.push(json);
    else byStart.set(start, [json]);
  }
  for (const [start, group] of byStart) {
    // Every place the beginning is, overlapping ones too, as each name was looked for before.
    for (let at = w.indexOf(start); at >= 0; at = w.indexOf(start, at + 1)) {
      if (isNamePart(w.charCodeAt(at - 1))) continue;
      for (const json of group) {
        if (w.startsWith(json, at) && !isNamePart(w.charCodeAt(at + json.length))) found.push({ from: at, to: at + json.length, name: json });
      }
    }
  }
  found.sort((a, b) => a.from - b.from || b.to - a.to);
  // As a scan from the start would take them: none that begins inside one taken before.
  const names: typeof found = [];
  for (const f of found) if (names.length === 0 || f.from >= names[names.length - 1].to) names.push(f);
  const ids: typeof found = [];
  let next = 0;
  for (let at = w.indexOf('id":'); at >= 0; at = w.indexOf('id":', at + 4)) {
    const starts = w.charCodeAt(at - 1) === 34 ? at - 1 : w.startsWith('"w:', at - 3) ? at - 3 : -1;
    if (starts < 0) continue;
    // A number, or a negative one: docx numbers runs fitted to a width of their own -1, -2, and on.
    const number = w.charCodeAt(at + 4) === 45 ? at + 5 : at + 4;
    let end = number;
    while (isDigit(w.charCodeAt(end))) end += 1;
    if (end === number) continue;
    while (next < names.length && names[next].to <= starts) next += 1;
    if (next < names.length && names[next].from < end) continue;
    ids.push({ from: at + 4, to: end, space: starts === at - 1 ? 'id' : 'w:id' });
  }
  return ids.length === 0 ? names : [...names, ...ids].sort((a, b) => a.from - b.from);
}

/**
 * What each part's layout is known by: a hash of its content and its surroundings. Its content is
 * as written but for what differs from one build of the same document to the next and is not laid
 * out: the names of bookmarks (counted on across all the packs made), given as their order in the
 * part (or in the document, for other parts' bookmarks, which the contents refer to), and the ids
 * of bookmarks and pictures. Also gives, for each part, the other parts' bookmarks it refers to.
 */
export function contentKeys(written: string[], names: string[][], around: string): { keys: string[]; foreign: string[][] } {
  const everywhere = new Map(names.flat().map((name, i) => [name, i]));
  const inJson = (name: string) => JSON.stringify(name).slice(1, -1);
  const byJson = new Map([...everywhere.keys()].map((name) => [inJson(name), name]));
  const namesInJson = [...byJson.keys()];
  const foreign: string[][] = [];
  const keys = written.map((w, i) => {
    const own = new Map(names[i].map((name, at) => [name, at]));
    const others = new Set<string>();
    const hash = createHash('sha256').update(around).update('\n');
    let done = 0;
    // Each id's number by the order it first comes in, in its space: the ids of bookmarks and
    // pictures are counted on from build to build, and which of them are the same (a bookmark's
    // start and end, runs fitted to one width) is what is laid out.
    const idOrder = { 'w:id': new Map<string, number>(), id: new Map<string, number>() };
    for (const { from, to, name: json, space } of placesToRename(w, namesInJson)) {
      hash.update(w.slice(done, from));
      done = to;
      if (json === undefined) {
        const order = idOrder[space];
        const number = w.slice(from, to);
        let n = order.get(number);
        if (n === undefined) order.set(number, (n = order.size));
        hash.update(String(n));
        continue;
      }
      const name = byJson.get(json)!;
      if (own.has(name)) hash.update(`#${own.get(name)}`);
      else {
        others.add(name);
        hash.update(`##${everywhere.get(name)}`);
      }
    }
    hash.update(w.slice(done));
    foreign.push([...others]);
    return hash.digest('base64');
  });
  return { keys, foreign };
}

/**
 * Whether a part that shows other parts' page numbers (the contents) has the pages it was laid out
 * with, without them, once they are shown. Alone, a page reference to a bookmark in another part
 * is laid out blank; in the whole document it is laid out with its number, and an entry in the
 * contents could wrap to another line with it, and take the contents onto another page. So the
 * part is laid out again with each of those bookmarks after it, on a page of its own that shows
 * the number the joined layout gives it (a section of its own, its page numbers starting there),
 * and its own bookmarks and pages compared with those it was laid out with alone.
 */
export function showsOthersAsLaid(
  estimator: PageNumberEstimator,
  context: IContext,
  partBody: Body,
  alone: PartEstimate,
  before: Before,
  ownNames: string[],
  shown: [string, string][],
): boolean {
  const children = partBody['w:body'];
  const sectPr = children[children.length - 1];
  const last = children[children.length - 2];
  // The part's last section is ended by its last paragraph, so that nothing is added to its pages.
  if (nameOf(sectPr) !== 'w:sectPr' || nameOf(last) !== 'w:p' || sectionEndedBy(last) !== undefined) return false;
  const pPr = child(last, 'w:pPr');
  const ending = { 'w:p': pPr ? contentOf(last).map((c) => (c === pPr ? { 'w:pPr': [...contentOf(pPr), sectPr] } : c)) : [{ 'w:pPr': [sectPr] }, ...contentOf(last)] };
  const plain = contentOf(sectPr).filter((c) => nameOf(c) !== 'w:type' && nameOf(c) !== 'w:pgNumType');
  const numbered = (page: string) => [...plain, { 'w:pgNumType': { _attr: { 'w:start': Number(page) } } }];
  const marker = (name: string, k: number) => [{ 'w:bookmarkStart': { _attr: { 'w:name': name, 'w:id': 1_000_000 + k } } }, { 'w:bookmarkEnd': { _attr: { 'w:id': 1_000_000 + k } } }];
  const tail = shown.map(([name, page], k) =>
    k < shown.length - 1 ? { 'w:p': [{ 'w:pPr': [{ 'w:sectPr': numbered(page) }] }, ...marker(name, k)] } : { 'w:p': marker(name, k) },
  );
  const end = { 'w:sectPr': shown.length ? numbered(shown[shown.length - 1][1]) : plain };
  const e = estimator({ 'w:body': [...children.slice(0, -2), ending, ...tail, end] }, context);
  if (e.pageCount === undefined || (e.relativePositions?.size ?? 0) > 0 || (e.guesses?.length ?? 0) > 0) return false;
  // the other parts' bookmarks show the numbers asked for, so the part was laid out with them
  if (!shown.every(([name, page]) => e.bookmarks.get(name) === page)) return false;
  const add = before === 'nothing' ? 0 : 1;
  if (!alone.bookmarks.every(([at, page]) => e.bookmarks.get(ownNames[at]) === String(page + add))) return false;
  const sections = withPrelude(alone.sectionPageCounts, before);
  return JSON.stringify((e.sectionPageCounts ?? []).slice(0, sections.length)) === JSON.stringify(sections);
}

/** How many parts' layouts are kept: a dozen packs' worth. */
const KEPT_PARTS = 400;

export interface PartLayoutCounts {
  /** parts laid out, and parts whose layout was remembered, since the estimator was made */
  laidOut: number;
  remembered: number;
  /** parts that show other parts' page numbers laid out again with them (`showsOthersAsLaid`) */
  checked: number;
  /** documents laid out whole: no parts to cut, or parts that could not be joined */
  whole: number;
}

/**
 * An estimator that lays a document out part by part and remembers each part's layout (by a hash
 * of its content and surroundings) for the next document with the same part (unless told not to
 * `remember`). A document that cannot be cut, or whose parts cannot be joined, is laid out whole
 * by `estimator`, as before; one whose parts could not be kept or joined is known again by its
 * parts' keys, and laid out whole at once.
 */
export function partByPartEstimator(estimator: PageNumberEstimator, { remember = true } = {}): PageNumberEstimator & { readonly counts: PartLayoutCounts; forget(): void } {
  const kept = new Map<string, PartEstimate>();
  /** whether a part that shows others' page numbers has its pages with them, by its key and the numbers */
  const checked = new Map<string, boolean>();
  /** documents, by their parts' keys, whose parts could not be kept or joined: laid out whole at once when seen again */
  const refused = new Set<string>();
  const counts: PartLayoutCounts = { laidOut: 0, remembered: 0, checked: 0, whole: 0 };
  const whole = (body: Parameters<PageNumberEstimator>[0], context: IContext) => {
    counts.whole += 1;
    return estimator(body, context);
  };
  const estimate = (body: Parameters<PageNumberEstimator>[0], context: IContext): EstimatedPageNumbers => {
    const around = surroundingsOf(context);
    // Headers of their own on even pages: a part laid out alone could start on a page of the other kind.
    if (isOn(child(around.settings, 'w:evenAndOddHeaders'))) return whole(body, context);
    const parts = partsOf(body as Body, stylesKeptWithNext(around.styles));
    if (parts.length < 2) return whole(body, context);
    const bodies = parts.map((part) => bodyOf(body as Body, part, parts));
    const written = bodies.map((b) => JSON.stringify(b));
    // A note's text is in a part of its own, found by its number, which a part is not known by.
    if (written.some((w) => w.includes('"w:footnoteReference"') || w.includes('"w:endnoteReference"'))) return whole(body, context);
    if (!remember) {
      kept.clear();
      checked.clear();
      refused.clear();
    }
    const names = written.map(bookmarksIn);
    const { keys, foreign } = contentKeys(written, names, around.written);
    const signature = keys.join(' ');
    if (refused.has(signature)) return whole(body, context);
    const refuse = () => {
      refused.add(signature);
      if (refused.size > KEPT_PARTS) refused.delete(refused.values().next().value as string);
      return whole(body, context);
    };
    const estimates: PartEstimate[] = [];
    for (const [i, part] of parts.entries()) {
      let e = kept.get(keys[i]);
      if (e) {
        counts.remembered += 1;
        // Most recently used last: the first is the one let go when the memory is full.
        kept.delete(keys[i]);
      } else {
        const laid = keptOf(estimator(bodies[i], context), part, parts, names[i]);
        counts.laidOut += 1;
        if (!laid) return refuse();
        e = laid;
      }
      kept.set(keys[i], e);
      if (kept.size > KEPT_PARTS) kept.delete(kept.keys().next().value as string);
      estimates.push(e);
    }
    const joined = joinParts(parts, estimates, names);
    if (!joined) return refuse();
    // Each part that shows other parts' page numbers, checked with the numbers the join gives them.
    for (const [i, others] of foreign.entries()) {
      const shown = others.filter((name) => joined.bookmarks.has(name)).map((name): [string, string] => [name, joined.bookmarks.get(name)!]);
      if (shown.length === 0) continue;
      const check = `${keys[i]} ${JSON.stringify(shown.map(([, page]) => page))}`;
      let fine = checked.get(check);
      if (fine === undefined) {
        counts.checked += 1;
        fine = showsOthersAsLaid(estimator, context, bodies[i], estimates[i], beforeOf(parts[i], parts), names[i], shown);
        checked.set(check, fine);
        if (checked.size > KEPT_PARTS) checked.delete(checked.keys().next().value as string);
      }
      if (!fine) return refuse();
    }
    return joined;
  };
  return Object.assign(estimate, {
    counts,
    forget: () => {
      kept.clear();
      checked.clear();
      refused.clear();
    },
  });
}
