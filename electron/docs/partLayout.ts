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
// without: the contents' entries are one line each, whatever their numbers. Lists numbered on from
// one part into the next would be numbered afresh in each (the house documents' lists are bullets).
// The tests and the benchmark lay full packs out both ways and compare every page number.
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

/** Whether a section's pages can be laid out in parts: its numbers do not restart, and its first page has no header of its own. */
const plainSection = (sectPr: unknown) => attribute(child(sectPr, 'w:pgNumType'), 'w:start') === undefined && !isOn(child(sectPr, 'w:titlePg'));

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
  const index = parts.indexOf(part);
  if (index <= 0) return [];
  const sectionBefore = parts[index - 1].endsSection ? sectionEndedBy(body['w:body'][part.from - 1]) : undefined;
  return [{ 'w:p': sectionBefore ? [{ 'w:pPr': [sectionBefore] }] : [] }];
}

/**
 * The parts of a formatted body, each starting a page: cut before each paragraph that starts a
 * page, and where each section starts on a new page. Empty when the body must be laid out whole.
 */
export function partsOf(body: Body): Part[] {
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
  if (!sectionOf.every(plainSection)) return [];
  const parts: Part[] = [];
  let from = 0;
  // The body's own section properties (the last element) end the last part.
  for (let i = 1; i < n - 1; i++) {
    const sectionStarts = sectionEndedBy(children[i - 1]) !== undefined;
    if (sectionStarts ? startsOnNewPage(sectionOf[i]) : startsPage(children[i])) {
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
    const sectPr = children.slice(part.to).map(sectionEndedBy).find((s) => s !== undefined) ?? children[children.length - 1];
    return { 'w:body': [...prelude, ...children.slice(part.from, part.to), sectPr] };
  }
  // The paragraph that ends the section, without the section's properties, which end the body instead.
  const ender = children[part.to - 1];
  const pPr = child(ender, 'w:pPr');
  const sectPr = sectionEndedBy(ender);
  const withoutSection = { 'w:p': contentOf(ender).map((c) => (c === pPr ? { 'w:pPr': contentOf(pPr).filter((p) => nameOf(p) !== 'w:sectPr') } : c)) };
  return { 'w:body': [...prelude, ...children.slice(part.from, part.to - 1), withoutSection, sectPr] };
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
  const index = parts.indexOf(part);
  const before = index > 0 ? 1 : 0;
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
  let sections = [...e.sectionPageCounts];
  if (before) {
    // The page before is a section of its own where the part starts one, else the first page of its section.
    if (parts[index - 1].endsSection) sections = sections.slice(1);
    else sections[0] = sections[0] === undefined ? undefined : sections[0] - 1;
  }
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
function surroundingsOf(context: IContext): string {
  const file = (context as unknown as { file?: Document }).file;
  if (!file) return '';
  const plain = { ...context, stack: [] } as IContext;
  const format = (wrapper: { View: { prepForXml(c: IContext): unknown } }) => wrapper.View.prepForXml({ ...context, viewWrapper: wrapper, stack: [] } as unknown as IContext);
  return JSON.stringify([
    file.Styles.prepForXml(plain),
    file.Numbering.prepForXml(plain),
    file.Settings.prepForXml(plain),
    file.Headers.map(format),
    file.Footers.map(format),
  ]);
}

/** The names of the bookmarks a formatted part starts, in order. */
export const bookmarksIn = (written: string): string[] =>
  Array.from(written.matchAll(/"w:bookmarkStart":\{"_attr":\{"w:name":"((?:[^"\\]|\\.)*)"/g), (m) => JSON.parse(`"${m[1]}"`) as string);

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What each part's layout is known by: a hash of its content and its surroundings. Its content is
 * as written but for what differs from one build of the same document to the next and is not laid
 * out: the names of bookmarks (counted on across all the packs made), given as their order in the
 * part (or in the document, for other parts' bookmarks, which the contents refer to), and the ids
 * of bookmarks and pictures.
 */
export function contentKeys(written: string[], names: string[][], around: string): string[] {
  const everywhere = new Map(names.flat().map((name, i) => [name, i]));
  const inJson = (name: string) => JSON.stringify(name).slice(1, -1);
  const anyName =
    everywhere.size > 0
      ? new RegExp(`(?<![\\w.-])(${[...everywhere.keys()].map(inJson).sort((a, b) => b.length - a.length).map(escaped).join('|')})(?![\\w.-])`, 'g')
      : null;
  return written.map((w, i) => {
    const own = new Map(names[i].map((name, at) => [inJson(name), at]));
    const everywhereInJson = new Map([...everywhere].map(([name, at]) => [inJson(name), at]));
    const renamed = anyName ? w.replace(anyName, (name) => (own.has(name) ? `#${own.get(name)}` : `##${everywhereInJson.get(name)}`)) : w;
    return createHash('sha256').update(around).update('\n').update(renamed.replace(/"(w:)?id":\d+/g, '"$1id":0')).digest('base64');
  });
}

/** How many parts' layouts are kept: a dozen packs' worth. */
const KEPT_PARTS = 400;

export interface PartLayoutCounts {
  /** parts laid out, and parts whose layout was remembered, since the estimator was made */
  laidOut: number;
  remembered: number;
  /** documents laid out whole: no parts to cut, or parts that could not be joined */
  whole: number;
}

/**
 * An estimator that lays a document out part by part and remembers each part's layout (by a hash
 * of its content and surroundings) for the next document with the same part (unless told not to
 * `remember`). A document that cannot be cut, or whose parts cannot be joined, is laid out whole
 * by `estimator`, as before.
 */
export function partByPartEstimator(estimator: PageNumberEstimator, { remember = true } = {}): PageNumberEstimator & { readonly counts: PartLayoutCounts; forget(): void } {
  const kept = new Map<string, PartEstimate>();
  const counts: PartLayoutCounts = { laidOut: 0, remembered: 0, whole: 0 };
  const whole = (body: Parameters<PageNumberEstimator>[0], context: IContext) => {
    counts.whole += 1;
    return estimator(body, context);
  };
  const estimate = (body: Parameters<PageNumberEstimator>[0], context: IContext): EstimatedPageNumbers => {
    const parts = partsOf(body as Body);
    if (parts.length < 2) return whole(body, context);
    const bodies = parts.map((part) => bodyOf(body as Body, part, parts));
    const written = bodies.map((b) => JSON.stringify(b));
    // A note's text is in a part of its own, found by its number, which a part is not known by.
    if (written.some((w) => w.includes('"w:footnoteReference"') || w.includes('"w:endnoteReference"'))) return whole(body, context);
    const names = written.map(bookmarksIn);
    const keys = contentKeys(written, names, surroundingsOf(context));
    if (!remember) kept.clear();
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
        if (!laid) return whole(body, context);
        e = laid;
      }
      kept.set(keys[i], e);
      if (kept.size > KEPT_PARTS) kept.delete(kept.keys().next().value as string);
      estimates.push(e);
    }
    return joinParts(parts, estimates, names) ?? whole(body, context);
  };
  return Object.assign(estimate, { counts, forget: () => kept.clear() });
}
