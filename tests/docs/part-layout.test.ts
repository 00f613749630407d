// The pack's page layout part by part (electron/docs/partLayout.ts): a full pack's page numbers are
// those of laying the whole pack out, the Word file is the same, a pack made again lays out only
// the parts that changed, and a document that cannot be cut is laid out whole.
import { createHash } from 'node:crypto';
import { Document, Paragraph, TextRun, type EstimatedPageNumbers, type IContext, type PageNumberEstimator } from 'docx';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { rasteriseSvg } from '../../electron/docs/chartRaster';
import { layoutEstimator } from '../../electron/docs/layoutFonts';
import { bodyOf, bookmarksIn, contentKeys, joinParts, partByPartEstimator, partsOf, stylesKeptWithNext, type Body } from '../../electron/docs/partLayout';
import { buildPack, type PackDocInput } from '../../templates/pack/buildPack';
import { packDocx } from '../../templates/style/pack';
import { fullPackInput, renumberedIds } from './packFixture';

const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']);

/** The pack's body as docx's writer formats it, and the context, as the estimator is given them. */
function formatted(input: PackDocInput): { body: Body; context: IContext } {
  let seen: { body: Body; context: IContext } | undefined;
  const capture = Object.assign((body: unknown, context: IContext) => {
    seen = { body: body as Body, context };
    return { bookmarks: new Map<string, string>() };
  }, {}) as PageNumberEstimator;
  const doc: Document = buildPack(input, rasteriseSvg, capture);
  // As docx's writer (and layoutDocument in docx/layout) formats the body, which asks for the page numbers.
  doc.Document.View.Body.prepForXml({ file: doc, viewWrapper: doc.Document, stack: [] } as unknown as IContext);
  if (!seen) throw new Error('The pack asked for no page numbers');
  return seen;
}

const plain = (e: EstimatedPageNumbers) => ({
  bookmarks: [...e.bookmarks],
  numbers: [...(e.bookmarkPageNumbers ?? [])],
  sections: e.sectionPageCounts,
  pages: e.pageCount,
});

/** The full pack with its fifth theme paper's description a page longer. */
function withOnePaperChanged(input: PackDocInput): PackDocInput {
  const more = Array.from({ length: 12 }, (_, i) => `Paragraph ${i + 1} added to the description: the case was reviewed again, at length, with the claimant's representative present.`);
  return { ...input, themePapers: input.themePapers.map((paper, i) => (i === 4 ? { ...paper, description: [paper.description, ...more].join('\n\n') } : paper)) };
}

describe('the page layout part by part', () => {
  const { whole } = layoutEstimator();
  const input = fullPackInput();

  it('gives a full pack every page number the whole pack laid out gives', () => {
    const { body, context } = formatted(input);
    const parts = partsOf(body);
    // cover and contents, agenda, the theme papers, the tracker's section, the previous minutes
    expect(parts.length).toBeGreaterThanOrEqual(15);
    const byParts = partByPartEstimator(whole);
    const expected = plain(whole(body, context));
    expect(expected.pages).toBeGreaterThan(40);
    expect(expected.bookmarks.length).toBeGreaterThan(12);
    expect(plain(byParts(body, context))).toEqual(expected);
    expect(byParts.counts).toEqual({ laidOut: parts.length, remembered: 0, checked: 1, whole: 0 });
  }, 120_000);

  it('writes the same Word file as the whole layout, every part of it', async () => {
    const byParts = await packDocx(buildPack(input, rasteriseSvg, partByPartEstimator(whole)));
    const wholly = await packDocx(buildPack(input, rasteriseSvg, whole));
    const xml = renumberedIds(documentXml(byParts));
    expect(xml).toMatch(/PAGEREF _Toc\d+ \\h[^]*?<w:t[^>]*>\d+<\/w:t>/);
    expect(xml).toBe(renumberedIds(documentXml(wholly)));
    // the styles, lists, settings, headers and footers read for the parts' keys are written as they were
    const xmlParts = (bytes: Uint8Array) => {
      const files = unzipSync(bytes);
      return Object.fromEntries(
        Object.keys(files)
          .filter((name) => /\.(xml|rels)$/.test(name))
          .sort()
          .map((name) => [name, renumberedIds(strFromU8(files[name])).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'WRITTEN')]),
      );
    };
    expect(xmlParts(byParts)).toEqual(xmlParts(wholly));
  }, 120_000);

  it('remembers each part: the same pack lays nothing out again, and after one theme paper changed, only that paper', () => {
    const byParts = partByPartEstimator(whole);
    const first = formatted(input);
    const parts = partsOf(first.body).length;
    byParts(first.body, first.context);
    const again = formatted(input);
    expect(plain(byParts(again.body, again.context))).toEqual(plain(whole(again.body, again.context)));
    expect(byParts.counts).toEqual({ laidOut: parts, remembered: parts, checked: 1, whole: 0 });

    const changed = formatted(withOnePaperChanged(input));
    const expected = plain(whole(changed.body, changed.context));
    // the change moved the pages after it on, so nothing but the paper's own layout could have been kept
    expect(expected.pages).toBeGreaterThan(plain(whole(first.body, first.context)).pages!);
    expect(plain(byParts(changed.body, changed.context))).toEqual(expected);
    expect(byParts.counts).toEqual({ laidOut: parts + 1, remembered: 2 * parts - 1, checked: 2, whole: 0 });

    byParts.forget();
    byParts(changed.body, changed.context);
    expect(byParts.counts.laidOut).toBe(2 * parts + 1);

    // told not to remember, each document is laid out afresh, part by part
    const forgetful = partByPartEstimator(whole, { remember: false });
    forgetful(first.body, first.context);
    expect(plain(forgetful(again.body, again.context))).toEqual(plain(whole(again.body, again.context)));
    expect(forgetful.counts).toEqual({ laidOut: 2 * parts, remembered: 0, checked: 2, whole: 0 });
  }, 180_000);
});

describe('where a body is cut into parts', () => {
  const p = (...pPr: unknown[]) => ({ 'w:p': pPr.length ? [{ 'w:pPr': pPr }] : [] });
  const sect = (...parts: unknown[]) => ({ 'w:sectPr': [{ 'w:pgSz': { _attr: { 'w:w': 11906, 'w:h': 16838 } } }, ...parts] });
  const breakBefore = { 'w:pageBreakBefore': {} };
  const body = (...children: unknown[]): Body => ({ 'w:body': children });
  const cuts = (b: Body, kept?: Set<string>) => partsOf(b, kept).map((part) => [part.from, part.to, part.endsSection]);

  it('before each paragraph that starts a page, and where a section starts on a new page', () => {
    expect(cuts(body(p(), p(), p(breakBefore), p(), p(sect()), p(), sect()))).toEqual([
      [0, 2, false],
      [2, 5, true],
      [5, 7, true],
    ]);
  });

  it('not before a paragraph whose page break is turned off, nor where a section runs on on the same page or to an odd page', () => {
    const off = { 'w:pageBreakBefore': { _attr: { 'w:val': false } } };
    expect(cuts(body(p(), p(off), p(), sect()))).toEqual([[0, 4, true]]);
    expect(cuts(body(p(), p(sect()), p(), p(sect({ 'w:type': { _attr: { 'w:val': 'continuous' } } })), p(), sect()))).toEqual([
      [0, 4, true],
      [4, 6, true],
    ]);
  });

  it('not before a paragraph that starts a page after one kept with the next, directly or by its style', () => {
    const style = (id: string) => ({ 'w:pStyle': { _attr: { 'w:val': id } } });
    expect(cuts(body(p({ 'w:keepNext': {} }), p(breakBefore), sect()))).toEqual([[0, 3, true]]);
    expect(cuts(body(p(style('Heading2')), p(breakBefore), sect()), new Set(['Heading2']))).toEqual([[0, 3, true]]);
    // turned off on the paragraph itself, its style's does not count
    expect(cuts(body(p(style('Heading2'), { 'w:keepNext': { _attr: { 'w:val': false } } }), p(breakBefore), sect()), new Set(['Heading2']))).toEqual([
      [0, 1, false],
      [1, 3, true],
    ]);
  });

  it('finds the styles kept with the next through the styles they are based on', () => {
    const style = (id: string, ...parts: unknown[]) => ({ 'w:style': [{ _attr: { 'w:type': 'paragraph', 'w:styleId': id } }, ...parts] });
    const basedOn = (id: string) => ({ 'w:basedOn': { _attr: { 'w:val': id } } });
    const keep = (on = true) => ({ 'w:pPr': [{ 'w:keepNext': on ? {} : { _attr: { 'w:val': false } } }] });
    const styles = { 'w:styles': [style('Normal'), style('Heading1', basedOn('Normal'), keep()), style('Heading2', basedOn('Heading1')), style('Quiet', basedOn('Heading1'), keep(false))] };
    expect([...stylesKeptWithNext(styles)].sort()).toEqual(['Heading1', 'Heading2']);
  });

  it('nowhere in a document whose pages restart their numbers or show them otherwise, whose sections have a first page of their own, start on an odd or even page, or take a header from the section before', () => {
    expect(cuts(body(p(), p(breakBefore), sect({ 'w:pgNumType': { _attr: { 'w:start': 1 } } })))).toEqual([]);
    expect(cuts(body(p(), p(breakBefore), sect({ 'w:pgNumType': { _attr: { 'w:fmt': 'decimalZero' } } })))).toEqual([]);
    expect(cuts(body(p(), p(sect({ 'w:titlePg': {} })), p(breakBefore), sect()))).toEqual([]);
    expect(cuts(body(p(), p(sect()), p(breakBefore), sect({ 'w:type': { _attr: { 'w:val': 'oddPage' } } })))).toEqual([]);
    const header = { 'w:headerReference': { _attr: { 'w:type': 'default', 'r:id': 'rId6' } } };
    expect(cuts(body(p(), p(sect(header)), p(breakBefore), sect()))).toEqual([]);
    expect(cuts(body(p(), p(sect(header)), p(breakBefore), sect(header)))).toEqual([
      [0, 2, true],
      [2, 4, true],
    ]);
    expect(cuts(body(p(), p(breakBefore)))).toEqual([]);
  });

  it('leaves out of a part an empty paragraph that ends its section, which takes no room there, but not one after a table', () => {
    const text = { 'w:p': [{ 'w:r': [{ 'w:t': ['Last words'] }] }] };
    const table = { 'w:tbl': [] };
    const ended = body(text, p(sect()), p(), sect());
    const [first] = partsOf(ended);
    expect(bodyOf(ended, first, partsOf(ended))['w:body']).toEqual([text, sect()]);
    const afterTable = body(table, p(sect()), p(), sect());
    const [firstAfterTable] = partsOf(afterTable);
    expect(bodyOf(afterTable, firstAfterTable, partsOf(afterTable))['w:body']).toEqual([table, { 'w:p': [{ 'w:pPr': [] }] }, sect()]);
  });

  it('lays out whole a document with headers of their own on even pages', () => {
    const counts = (evenAndOddHeaderAndFooters: boolean) => {
      const byParts = partByPartEstimator(layoutEstimator().whole);
      const doc = new Document({
        evenAndOddHeaderAndFooters,
        pageNumbers: byParts,
        sections: [{ children: [new Paragraph('One'), new Paragraph({ pageBreakBefore: true, children: [new TextRun('Two')] })] }],
      });
      doc.Document.View.Body.prepForXml({ file: doc, viewWrapper: doc.Document, stack: [] } as unknown as IContext);
      return byParts.counts;
    };
    expect(counts(false)).toEqual({ laidOut: 2, remembered: 0, checked: 0, whole: 0 });
    expect(counts(true)).toEqual({ laidOut: 0, remembered: 0, checked: 0, whole: 1 });
  });

  it('lays out whole a document whose contents take other pages once the other parts’ numbers are shown in them', () => {
    // part 0 refers to bookmark B of part 1; laid out with B's number shown, part 0 takes `withNumbers` pages
    const refers = { 'w:p': [{ 'w:r': [{ 'w:instrText': ['PAGEREF B \\h'] }] }] };
    const b = { 'w:p': [{ 'w:pPr': [breakBefore] }, { 'w:bookmarkStart': { _attr: { 'w:name': 'B', 'w:id': 7 } } }, { 'w:bookmarkEnd': { _attr: { 'w:id': 7 } } }] };
    const doc = body(refers, b, sect());
    const made = (withNumbers: number) => {
      const seen: string[] = [];
      const estimator = Object.assign((laid: unknown) => {
        const json = JSON.stringify(laid);
        seen.push(json);
        if (json.includes('"w:pgNumType"')) return { bookmarks: new Map([['B', '2']]), pageCount: withNumbers + 1, sectionPageCounts: [withNumbers, 1] };
        // a page, and one more for each page break (after the empty page a part is laid out after, too)
        const pages = 1 + (json.match(/w:pageBreakBefore/g) ?? []).length;
        return { bookmarks: new Map(json.includes('"w:name":"B"') ? [['B', String(pages)]] : []), pageCount: pages, sectionPageCounts: [pages] };
      }, {}) as PageNumberEstimator;
      const byParts = partByPartEstimator(estimator);
      return { result: byParts(doc, {} as IContext), counts: byParts.counts, seen };
    };
    const same = made(1);
    expect(same.counts).toEqual({ laidOut: 2, remembered: 0, checked: 1, whole: 0 });
    expect(plain(same.result)).toEqual({ bookmarks: [['B', '2']], numbers: [], sections: [2], pages: 2 });
    // the check laid part 0 out with B after it, on a page numbered 2
    expect(same.seen[2]).toContain('"w:pgNumType":{"_attr":{"w:start":2}}');
    const longer = made(2);
    expect(longer.counts).toEqual({ laidOut: 2, remembered: 0, checked: 1, whole: 1 });
    expect(longer.seen[3]).toBe(JSON.stringify(doc));
  });

  it('knows a document whose parts could not be kept or joined when it sees it again, and lays it out whole at once', () => {
    const first = { 'w:p': [{ 'w:r': [{ 'w:t': ['first'] }] }] };
    const doc = body(first, { 'w:p': [{ 'w:pPr': [breakBefore] }, { 'w:r': [{ 'w:t': ['second'] }] }] }, sect());
    const calls: string[] = [];
    // the second part's layout has a guess in it, so it cannot be kept (keptOf), and the document is laid out whole
    const estimator = Object.assign((laid: unknown) => {
      const json = JSON.stringify(laid);
      calls.push(json);
      const guesses = json.includes('"second"') && json !== JSON.stringify(doc) ? [{ reason: 'a guess' }] : [];
      return { bookmarks: new Map<string, string>(), pageCount: 1, sectionPageCounts: [1], guesses };
    }, {}) as unknown as PageNumberEstimator;
    const byParts = partByPartEstimator(estimator);
    byParts(doc, {} as IContext);
    expect(byParts.counts).toEqual({ laidOut: 2, remembered: 0, checked: 0, whole: 1 });
    expect(calls.at(-1)).toBe(JSON.stringify(doc));
    // the same document again: whole at once, no part laid out or looked up again
    byParts(doc, {} as IContext);
    expect(byParts.counts).toEqual({ laidOut: 2, remembered: 0, checked: 0, whole: 2 });
    expect(calls).toHaveLength(4);
    // a changed document (whose second part can be kept) is tried part by part again, its first part
    // remembered; and forgetting lets go of the refusal too
    const changed = body(first, { 'w:p': [{ 'w:pPr': [breakBefore] }, { 'w:r': [{ 'w:t': ['second, changed'] }] }] }, sect());
    byParts(changed, {} as IContext);
    expect(byParts.counts).toEqual({ laidOut: 3, remembered: 1, checked: 0, whole: 2 });
    byParts.forget();
    byParts(doc, {} as IContext);
    expect(byParts.counts).toEqual({ laidOut: 5, remembered: 1, checked: 0, whole: 3 });
  });

  it('lays out whole a document with no place to cut, and joins no parts that share a bookmark', () => {
    const calls: unknown[] = [];
    const estimator = Object.assign((b: unknown) => {
      calls.push(b);
      return { bookmarks: new Map([['a', '1']]), pageCount: 1, sectionPageCounts: [1] };
    }, {}) as PageNumberEstimator;
    const byParts = partByPartEstimator(estimator);
    const single = body(p(), p(), sect());
    expect(byParts(single, {} as IContext).pageCount).toBe(1);
    expect(calls).toEqual([single]);
    expect(byParts.counts.whole).toBe(1);

    const parts = partsOf(body(p(), p(breakBefore), sect()));
    const one = { pageCount: 1, sectionPageCounts: [1], bookmarks: [[0, 1]] as [number, number][], bookmarkPageNumbers: [] };
    expect(joinParts(parts, [one, one], [['a'], ['a']])).toBeNull();
    // nor a part whose kept layout has a bookmark the part has not
    expect(joinParts(parts, [one, one], [['a'], []])).toBeNull();
    // and where it can, counts the section the cut ran through once
    const two = { ...one, pageCount: 2, sectionPageCounts: [2] };
    expect(joinParts(parts, [one, two], [['a'], ['b']])).toEqual({ bookmarks: new Map([['a', '1'], ['b', '2']]), bookmarkPageNumbers: new Map(), sectionPageCounts: [3], pageCount: 3 });
  });
});

describe("a part's content key", () => {
  /**
   * The keys as they were first made, with regular expressions (two passes over each part's text):
   * kept here to check that the indexOf scan that replaced them (much quicker) gives the same.
   */
  function keysByRegex(written: string[], names: string[][], around: string): { keys: string[]; foreign: string[][] } {
    const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const everywhere = new Map(names.flat().map((name, i) => [name, i]));
    const inJson = (name: string) => JSON.stringify(name).slice(1, -1);
    const byJson = new Map([...everywhere.keys()].map((name) => [inJson(name), name]));
    const anyName =
      everywhere.size > 0 ? new RegExp(`(?<![\\w.-])(${[...byJson.keys()].sort((a, b) => b.length - a.length).map(escaped).join('|')})(?![\\w.-])`, 'g') : null;
    const foreign: string[][] = [];
    const keys = written.map((w, i) => {
      const own = new Map(names[i].map((name, at) => [name, at]));
      const others = new Set<string>();
      const renamed = anyName
        ? w.replace(anyName, (found) => {
            const name = byJson.get(found)!;
            if (own.has(name)) return `#${own.get(name)}`;
            others.add(name);
            return `##${everywhere.get(name)}`;
          })
        : w;
      foreign.push([...others]);
      // each id's number by the order it first comes in, in its space ("w:id" or "id")
      const orders = new Map<string, Map<string, number>>();
      const ids = renamed.replace(/"(w:)?id":(-?\d+)/g, (_, w: string | undefined, number: string) => {
        const order = orders.get(w ?? '') ?? new Map<string, number>();
        orders.set(w ?? '', order);
        if (!order.has(number)) order.set(number, order.size);
        return `"${w ?? ''}id":${order.get(number)}`;
      });
      return createHash('sha256').update(around).update('\n').update(ids).digest('base64');
    });
    return { keys, foreign };
  }

  it('is the same as the regular expressions made it, for any names but the empty one, and any text', () => {
    // names like the pack's, and awkward ones: prefixes of others, with spaces, quotes, dots, dashes, accents, emoji
    const name = fc.oneof(
      fc.integer({ min: 1, max: 30 }).map((n) => `_Toc${n}`),
      fc.constantFrom('a', 'a b', 'a.b', 'x-1', 'say "hi"', 'back\\slash', 'café', 'ré sumé', '😀z', '_Toc1 ', 'id', 'w:id'),
    );
    const piece = (names: string[]) =>
      fc.oneof(
        fc.constantFrom(...names),
        fc.constantFrom('"w:id":', '"id":', '"xid":', 'w:id":', '"w:rsid":', ' ', '.', '-', '_', '"', '\\', 'é', 'PAGEREF ', ' \\h', '"w:name":"', '"}'),
        fc.nat({ max: 120 }).map(String),
        fc.string({ maxLength: 6 }),
      );
    const input = fc
      .array(fc.uniqueArray(name, { maxLength: 4 }), { minLength: 1, maxLength: 4 })
      .map((perPart) => {
        // each name is one part's own, as a bookmark is
        const seen = new Set<string>();
        return perPart.map((ns) => ns.filter((n) => !seen.has(n) && (seen.add(n), true)));
      })
      .chain((names) =>
        fc.tuple(
          fc.constant(names),
          fc.array(
            fc.array(piece(names.flat().map((n) => JSON.stringify(n).slice(1, -1)).concat('_Toc')), { maxLength: 40 }).map((ps) => ps.join('')),
            { minLength: names.length, maxLength: names.length },
          ),
        ),
      );
    fc.assert(
      fc.property(input, ([names, written]) => {
        expect(contentKeys(written, names, 'around')).toEqual(keysByRegex(written, names, 'around'));
      }),
      { numRuns: 3000 },
    );
  });

  it('knows runs fitted to one width from runs fitted to a width each, and not the numbers ids are counted on to', () => {
    const key = (w: string, names: string[] = []) => contentKeys([w], [names], 'around').keys[0];
    const run = (text: string, id: number) => `{"w:r":[{"w:rPr":[{"w:fitText":{"_attr":{"w:val":1440,"w:id":${id}}}}]},{"w:t":"${text}"}]}`;
    const fitted = (a: number, b: number) => `{"w:p":[${run('one', a)},${run('two', b)}]}`;
    // Both runs in 1440 twips together, or each in 1440 of its own: laid out otherwise.
    expect(key(fitted(1, 1))).not.toBe(key(fitted(1, 2)));
    expect(key(fitted(3, 3))).toBe(key(fitted(1, 1)));
    expect(key(fitted(7, 9))).toBe(key(fitted(1, 2)));
    // Runs fitted to a width each, without a group, as docx numbers them: -1, -2 and on, from build to build.
    expect(key(fitted(-3, -4))).toBe(key(fitted(-1, -2)));
    expect(key(fitted(-1, -2))).toBe(key(fitted(1, 2)));
    // A heading's bookmark and a picture, as two builds of a pack number them.
    const part = (bookmark: number, picture: number) =>
      `{"w:p":[{"w:bookmarkStart":{"_attr":{"w:name":"_Toc${bookmark}","w:id":${bookmark}}}},{"w:r":[{"w:t":"Item 4"}]},{"w:bookmarkEnd":{"_attr":{"w:id":${bookmark}}}}]},` +
      `{"w:p":[{"w:r":[{"w:drawing":[{"wp:docPr":{"_attr":{"id":${picture},"name":""}}},{"pic:cNvPr":{"_attr":{"id":0,"name":""}}}]}]}]}`;
    expect(key(part(4, 12), ['_Toc4'])).toBe(key(part(40, 3), ['_Toc40']));
    // A bookmark whose end is another's: not the same part.
    expect(key(part(4, 12).replace('"w:bookmarkEnd":{"_attr":{"w:id":4}', '"w:bookmarkEnd":{"_attr":{"w:id":5}'), ['_Toc4'])).not.toBe(key(part(4, 12), ['_Toc4']));
  });

  it('finds an empty bookmark name nowhere (the regular expressions found it everywhere), and still knows the part by its content', () => {
    const [a, b] = contentKeys(['"w:name":""', '"w:name":"x"'], [[''], []], 'around').keys;
    expect(a).not.toBe(b);
    expect(contentKeys(['"w:name":""'], [['']], 'around').keys[0]).toBe(a);
  });

  it("is the same for a full pack's parts, and tells each part the other parts' bookmarks it refers to", () => {
    const { body } = formatted(fullPackInput());
    const parts = partsOf(body);
    const written = parts.map((part) => JSON.stringify(bodyOf(body, part, parts)));
    const names = written.map(bookmarksIn);
    const made = contentKeys(written, names, 'around');
    expect(made).toEqual(keysByRegex(written, names, 'around'));
    expect(new Set(made.keys).size).toBe(parts.length);
    // the contents refer to every theme paper's heading, and no other part to another's
    expect(made.foreign[0].length).toBeGreaterThanOrEqual(12);
    expect(made.foreign.slice(1).every((f) => f.length === 0)).toBe(true);
  }, 60_000);
});
