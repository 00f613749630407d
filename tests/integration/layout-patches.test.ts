// The docx layout's speed patches (electron/layoutPatches.mjs): each applies exactly once to the
// installed library, a changed library is reported rather than left unpatched, the fast object
// spread gives what the library's helper gives, and a full pack bundled with the patches is the
// same document as one bundled without them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { MAIN_BUNDLE } from '../../electron/build.mjs';
import { DOCX_FILE, LAYOUT_PATCHES, layoutPatchPlugin, patchDocx } from '../../electron/layoutPatches.mjs';
import { HOUSE_FONT_FAMILIES } from '../../electron/docs/houseFonts';
import { Document, FootnoteReferenceRun, HeightRule, PageNumber, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';

const LAYOUT = resolve('node_modules/docx/dist/layout.mjs');
const WRITER = resolve('node_modules/docx/dist/index.mjs');
const layoutSource = readFileSync(LAYOUT, 'utf8');
const writerSource = readFileSync(WRITER, 'utf8');

const dir = mkdtempSync(join(tmpdir(), 'scp-layout-patches-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The transpiler's helpers at the head of the layout module (typeof to _objectSpread2). */
function helpers(source: string): string {
  const start = source.indexOf('// \\0@oxc-project+runtime');
  const end = source.indexOf('// src/', start);
  expect(start, 'the helpers are where they were').toBeGreaterThan(0);
  return source.slice(start, end);
}
type Spread = (target: object, ...sources: unknown[]) => object;
const spreadFrom = (source: string) => new Function(`${helpers(source)}\nreturn _objectSpread2;`)() as Spread;

type Measurer = { measureWidth: (text: string, font: object) => number; unknownFont: (font: object, text?: string) => unknown };
type LayoutModule = {
  measurer: (faces: unknown[]) => Measurer;
  read: (data: Uint8Array) => { name: string }[];
  layoutDocument: (document: Document) => { pages: unknown[]; stoppedAt?: unknown };
};
let modules: Promise<{ original: LayoutModule; patched: LayoutModule }> | undefined;
/** The layout module as installed and as patched, each loaded from a file of its own, with the measurer's makers exported too. */
function layoutModules() {
  const load = async (name: string, source: string) => {
    const file = join(dir, `${name}.mjs`);
    writeFileSync(file, `${source}\nexport { createFontFileMeasurer as measurer, readFontFile as read };\n`);
    return (await import(pathToFileURL(file).href)) as LayoutModule;
  };
  modules ??= Promise.all([load('layout-original', layoutSource), load('layout-patched', patchDocx(layoutSource, LAYOUT))]).then(([original, patched]) => ({ original, patched }));
  return modules;
}

/** Everything about an object that a spread can change: its prototype, own keys in order, and each one's descriptor. */
function shape(o: object) {
  return {
    proto: Object.getPrototypeOf(o) === Object.prototype ? 'Object.prototype' : Object.getPrototypeOf(o),
    keys: Reflect.ownKeys(o).map(String),
    descriptors: Reflect.ownKeys(o).map((k) => Object.getOwnPropertyDescriptor(o, k)),
  };
}

/** The library's text from `from` up to `to`, both where a test expects them. */
function slice(source: string, from: string, to: string): string {
  const start = source.indexOf(from);
  const end = source.indexOf(to, start);
  expect(start, `${from} is where it was`).toBeGreaterThan(0);
  expect(end, `${to} is where it was`).toBeGreaterThan(start);
  return source.slice(start, end);
}

/** The writer's firstOwnKey, which its nameOf patch adds (and the resolve and writing patches use); none in the library as installed. */
function writerFirstOwnKey(source: string): string {
  const own = source.indexOf('var firstOwnKey');
  return own < 0 ? '' : source.slice(own, source.indexOf('var nameOf$3', own));
}

describe('docx layout patches', () => {
  it('apply exactly once each to the installed layout module and writer', () => {
    for (const [file, source] of [
      [LAYOUT, layoutSource],
      [WRITER, writerSource],
    ] as const) {
      expect(DOCX_FILE.test(file), file).toBe(true);
      const patched = patchDocx(source, file);
      for (const patch of LAYOUT_PATCHES.filter((p) => file.endsWith(`${p.file}.mjs`))) {
        expect(patched.includes(patch.replace), patch.name).toBe(true);
        expect(patched.includes(patch.find), `${patch.name}: the original is gone`).toBe(false);
      }
    }
    expect(LAYOUT_PATCHES.map((p) => p.file).sort()).toEqual([...Array(13).fill('index'), ...Array(31).fill('layout')]);
    expect(DOCX_FILE.test(resolve('node_modules/docx/dist/index.cjs'))).toBe(false);
  });

  it('report, by name, a patch whose text the library no longer has, or has twice', () => {
    const changed = layoutSource.replace('var withoutUndefined = (object) =>', 'var withoutUndefined = (obj) =>');
    expect(() => patchDocx(changed, LAYOUT)).toThrow(/withoutUndefined in one loop/);
    expect(() => patchDocx(changed, LAYOUT)).toThrow(/Update electron\/layoutPatches\.mjs/);
    const twice = `${writerSource}\n${LAYOUT_PATCHES[1].find}`;
    expect(() => patchDocx(twice, WRITER)).toThrow(/object spread \(writer\)/);
  });

  it('leave a changed library as it is in the bundle, with a warning that says so', async () => {
    const lib = join(dir, 'changed', 'node_modules', 'docx', 'dist');
    mkdirSync(lib, { recursive: true });
    writeFileSync(join(lib, 'layout.mjs'), 'export const laidOut = "by a newer docx";\n');
    writeFileSync(join(dir, 'changed', 'entry.mjs'), 'import { laidOut } from "./node_modules/docx/dist/layout.mjs";\nconsole.log(laidOut);\n');
    const result = await build({ entryPoints: [join(dir, 'changed', 'entry.mjs')], bundle: true, write: false, logLevel: 'silent', plugins: [layoutPatchPlugin] });
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.text).join('\n')).toMatch(/has changed: these layout patches no longer apply exactly once: .*takesNoRoom/);
    expect(result.outputFiles[0].text).toContain('by a newer docx');
  });

  it('copy objects as the library’s spread helper does, own "__proto__" keys, symbols and missing sources included', () => {
    const native = spreadFrom(layoutSource);
    const fast = spreadFrom(patchDocx(layoutSource, LAYOUT));
    expect(fast).not.toBe(native);
    expect(fast.toString()).toContain('Object.assign');
    const symbol = Symbol('s');
    const hidden = Symbol('hidden');
    const withHidden = () => {
      const o: Record<string | symbol, unknown> = { a: 1, [symbol]: 2 };
      Object.defineProperty(o, hidden, { value: 3, enumerable: false });
      Object.defineProperty(o, 'quiet', { value: 4, enumerable: false });
      return o;
    };
    const cases: [string, () => unknown[]][] = [
      ['plain', () => [{}, { a: 1, b: 'x' }]],
      ['later sources win, order kept', () => [{ z: 0 }, { b: 1, a: 2 }, {}, { a: 3, c: undefined }]],
      ['integer keys first', () => [{}, { b: 1, 2: 'two', 1: 'one' }]],
      ['symbols; not the hidden ones', () => [{}, withHidden()]],
      ['an own "__proto__" key stays a key', () => [{}, JSON.parse('{"__proto__": {"polluted": true}, "a": 1}')]],
      ['"__proto__" among many', () => [{ x: 1 }, { a: 1 }, {}, JSON.parse('{"__proto__": 5}')]],
      ['null and undefined sources', () => [{ a: 1 }, null, undefined, { b: 2 }]],
      ['a string spread', () => [{}, 'ab']],
      ['an array', () => [{}, ['p', 'q']]],
      ['nested as the transpiler writes them', () => [native({}, { a: 1 }), {}, { b: 2, a: 9 }]],
    ];
    for (const [name, args] of cases) {
      const [targetA, ...restA] = args();
      const [targetB, ...restB] = args();
      const a = native(targetA as object, ...restA);
      const b = fast(targetB as object, ...restB);
      expect(b, name).toBe(targetB);
      expect(shape(b), name).toEqual(shape(a));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('combine formats as the library’s combine does, undefined values, later formats, integer keys and own "__proto__" keys included', () => {
    type Combine = (formats: unknown[]) => object;
    const combineFrom = (source: string) => {
      const start = Math.min(...['var withoutUndefined = ', 'var copyDefined = '].map((s) => source.indexOf(s)).filter((at) => at >= 0));
      const end = source.indexOf('var valueOf = ', start);
      expect(start, 'withoutUndefined and combine are where they were').toBeGreaterThan(0);
      return new Function(`${helpers(source)}\n${source.slice(start, end)}\nreturn combine;`)() as Combine;
    };
    const original = combineFrom(layoutSource);
    const patched = combineFrom(patchDocx(layoutSource, LAYOUT));
    expect(patched.toString()).not.toBe(original.toString());
    const cases: [string, () => unknown[]][] = [
      ['none', () => []],
      ['one', () => [{ font: 'Calibri', size: 11 }]],
      ['undefined values are left out, and leave what is under them', () => [{ font: 'Calibri', bold: true }, { font: undefined, bold: false, size: undefined }]],
      ['later formats win, keys in the order first given', () => [{ b: 1, a: 2 }, { c: 3, a: 4 }, {}, { b: 5, d: 6 }]],
      ['integer keys first', () => [{ b: 1, 2: 'two' }, { 1: 'one', a: 0 }]],
      ['an own "__proto__" key stays a key', () => [{ a: 1 }, JSON.parse('{"__proto__": {"polluted": true}, "b": 2}'), { __proto__: null, c: 3 }]],
      ['"__proto__" given twice', () => [JSON.parse('{"__proto__": 1}'), { x: 1 }, { ...JSON.parse('{"__proto__": 2}'), x: undefined }]],
    ];
    for (const [name, formats] of cases) expect(shape(patched(formats())), name).toEqual(shape(original(formats())));
    expect(() => patched([{ a: 1 }, undefined])).toThrow(TypeError);
    expect(() => original([{ a: 1 }, undefined])).toThrow(TypeError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('find and replace placeholders as the writer’s regular expression does, stray, empty and nested braces included', () => {
    type Placeholders = { replace: (xml: string, values: Map<string, string>) => string; find: (xml: string) => Set<string> };
    const placeholdersFrom = (source: string) => {
      const start = source.indexOf('var PLACEHOLDER = ');
      const end = source.indexOf('// src/export/packer/image-replacer.ts', start);
      expect(start, 'the placeholders are where they were').toBeGreaterThan(0);
      return new Function(`${source.slice(start, end)}\nreturn { replace: replacePlaceholders, find: findPlaceholders };`)() as Placeholders;
    };
    const original = placeholdersFrom(writerSource);
    const patched = placeholdersFrom(patchDocx(writerSource, WRITER));
    expect(patched.replace.toString()).toContain('eachPlaceholder');
    const values = new Map([
      ['a', '1'],
      ['img-2', 'rId7'],
      ['b\nc', '$&'],
      ['ü', '{a}'],
    ]);
    const fixed = ['', '{', '}', '{}', '{a}', '{{a}}', '{a{b}', '}{a}{', '{a', 'a}', '{a}{img-2}', 'x{a}y{zz}w', '{b\nc}', '{ü}', '😀{a}😀', '{{}}', '{a}}', '{{a}'];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const alphabet = ['{', '}', 'a', 'b', '\n', 'c', 'ü', 'img-2', '\ud83d'];
    const fuzzed = Array.from({ length: 2000 }, () => Array.from({ length: Math.floor(random() * 14) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    for (const xml of [...fixed, ...fuzzed]) {
      expect(patched.replace(xml, values), JSON.stringify(xml)).toBe(original.replace(xml, values));
      expect(patched.replace(xml, new Map()), JSON.stringify(xml)).toBe(xml);
      expect([...patched.find(xml)], JSON.stringify(xml)).toEqual([...original.find(xml)]);
    }
  });

  it('find children, on/off properties, style chains and footnote references as the library does, holes, repeats and loops included', () => {
    // the reader's helpers, from isObject to the run formatting, and styleChain and countFootnoteReferences, as each module has them
    type Reader = {
      find: (children: unknown[], name: string) => unknown;
      onOff: (children: unknown[], name: string) => boolean | undefined;
      onOff14: (children: unknown[], name: string) => boolean | undefined;
      styleChain: (styles: { styles: Map<unknown, unknown> }, id: unknown, type: string) => unknown[];
      countFootnoteReferences: (elements: unknown[]) => number;
    };
    const readerFrom = (source: string) =>
      new Function(
        [
          slice(source, 'var isObject = ', 'var numberOf = '),
          slice(source, 'var isOff = ', '/** An on/off property of Word 2010'),
          slice(source, 'var onOff14 = ', 'var withoutUndefined = '),
          slice(source, 'var styleChain', '/**\n* A share of a size in points'),
          // what countFootnoteReferences reads an element with
          'var nameOf$1 = (element) => Object.keys(element)[0];\nvar contentOf$3 = (element) => { const content = element[nameOf$1(element)]; return Array.isArray(content) ? content : []; };',
          slice(source, 'var countFootnoteReferences = ', '/** The elements of the names given'),
          'return { find, onOff, onOff14, styleChain, countFootnoteReferences };',
        ].join('\n'),
      )() as Reader;
    const original = readerFrom(layoutSource);
    const patched = readerFrom(patchDocx(layoutSource, LAYOUT));
    expect(patched.find.toString()).not.toBe(original.find.toString());
    expect(patched.styleChain.toString()).toContain('STYLE_CHAINS');

    const children: unknown[][] = [
      [],
      [{ 'w:b': {} }],
      [{ 'w:b': { _attr: { 'w:val': 'false' } } }, { 'w:b': {} }],
      [{ 'w:i': [] }, { 'w:b': [{ _attr: { 'w:val': '0' } }] }, { 'w14:cntxtAlts': { _attr: { 'w14:val': 'true' } } }],
      [{ 'w:sz': undefined }, { 'w:b': null }],
      [{ 'w:b': 0 }],
    ];
    for (const list of children) {
      for (const name of ['w:b', 'w:i', 'w:sz', 'w14:cntxtAlts', 'w:none']) {
        expect(patched.find(list, name), `${JSON.stringify(list)} ${name}`).toEqual(original.find(list, name));
        expect(patched.onOff(list, name), `${JSON.stringify(list)} ${name}`).toEqual(original.onOff(list, name));
        expect(patched.onOff14(list, name), `${JSON.stringify(list)} ${name}`).toEqual(original.onOff14(list, name));
      }
    }
    // a hole is read as undefined, which `in` refuses, in both
    // eslint-disable-next-line no-sparse-arrays
    const holed = [, { 'w:b': {} }];
    expect(() => original.find(holed, 'w:b')).toThrow(TypeError);
    expect(() => patched.find(holed, 'w:b')).toThrow(TypeError);
    expect(() => patched.onOff(holed, 'w:b')).toThrow(TypeError);

    const style = (type: string, basedOn?: string) => ({ type, basedOn });
    const styles = {
      styles: new Map<unknown, unknown>([
        ['Normal', style('paragraph')],
        ['Heading1', style('paragraph', 'Normal')],
        ['Heading2', style('paragraph', 'Heading1')],
        ['Strong', style('character', 'Heading1')],
        ['Loop1', style('paragraph', 'Loop2')],
        ['Loop2', style('paragraph', 'Loop1')],
        ['Self', style('paragraph', 'Self')],
        ['Grid', style('table', 'Normal')],
      ]),
    };
    const ids = ['Normal', 'Heading1', 'Heading2', 'Strong', 'Loop1', 'Loop2', 'Self', 'Grid', 'Missing', undefined];
    for (let round = 0; round < 2; round++) {
      for (const id of ids) {
        for (const type of ['paragraph', 'character', 'table']) {
          const chain = patched.styleChain(styles, id, type);
          expect(chain, `${String(id)} ${type}`).toEqual(original.styleChain(styles, id, type));
          // each element is the style itself, as in the original
          chain.forEach((s, i) => expect(s).toBe(original.styleChain(styles, id, type)[i]));
        }
      }
    }
    // remembered: the same chain for the same styles, type and id; another set of styles has its own
    expect(patched.styleChain(styles, 'Heading2', 'paragraph')).toBe(patched.styleChain(styles, 'Heading2', 'paragraph'));
    const others = { styles: new Map<unknown, unknown>([['Heading2', style('paragraph')]]) };
    expect(patched.styleChain(others, 'Heading2', 'paragraph')).toEqual(original.styleChain(others, 'Heading2', 'paragraph'));
    expect(patched.styleChain(others, 'Heading2', 'paragraph')).toHaveLength(1);
    // a map that gains a style is worked out again
    styles.styles.set('Heading3', style('paragraph', 'Heading2'));
    expect(patched.styleChain(styles, 'Heading3', 'paragraph')).toEqual(original.styleChain(styles, 'Heading3', 'paragraph'));
    expect(patched.styleChain(styles, 'Heading3', 'paragraph')).toHaveLength(4);

    const ref = { 'w:footnoteReference': { _attr: { 'w:id': 1 } } };
    const bodies: unknown[][] = [
      [],
      [ref],
      [{ 'w:p': [{ 'w:r': [ref] }, { 'w:r': [ref, { 'w:t': 'x' }] }] }, 'text', null, [ref]],
      [{ 'w:p': [{ 'w:r': [{ 'w:txbxContent': [ref, ref] }] }] }, { _attr: { 'w:footnoteReference': 1 } }],
      [{ 'w:tbl': [{ 'w:tr': [{ 'w:tc': [{ 'w:p': [{ 'w:r': [ref] }] }] }] }] }, ref],
    ];
    for (const body of bodies) expect(patched.countFootnoteReferences(body), JSON.stringify(body)).toBe(original.countFootnoteReferences(body));
    expect(patched.countFootnoteReferences(bodies[4])).toBe(2);
  });

  it("find a body's section properties, and encode text, as the writer does, holes and nesting included", () => {
    type Writer = { sections: (elements: unknown[]) => unknown[]; encodeUtf8: (text: string) => Uint8Array };
    const writerFrom = (source: string) =>
      new Function(
        [
          // the writer's own adapter for the elements it formats, as sectionPropertiesIn is given it
          `var nameOf$3 = (element) => { const name = typeof element === "object" && element !== null && !Array.isArray(element) ? Object.keys(element)[0] : void 0; return name === "_attr" ? void 0 : name; };`,
          'var tree = { nameOf: nameOf$3, contentOf: (element) => { const content = element[nameOf$3(element)]; return Array.isArray(content) ? content : void 0; } };',
          slice(source, 'var sectionPropertiesIn = ', '/** Whether a paragraph ends a section'),
          slice(source, 'var encodeUtf8 = ', '// src/file/paragraph/run/fit-text.ts'),
          'return { sections: (elements) => sectionPropertiesIn(tree, elements), encodeUtf8 };',
        ].join('\n'),
      )() as Writer;
    const original = writerFrom(writerSource);
    const patched = writerFrom(patchDocx(writerSource, WRITER));
    expect(patchDocx(writerSource, WRITER)).toContain('found.push(element)');

    const sect = (n: number) => ({ 'w:sectPr': [{ 'w:pgSz': { _attr: { 'w:w': n } } }] });
    const holey: unknown[] = [sect(1)];
    holey[3] = { 'w:p': [{ 'w:pPr': [sect(2)] }] };
    const bodies: unknown[][] = [
      [],
      [{ 'w:body': [{ 'w:p': [{ 'w:pPr': [sect(1)] }] }, { 'w:p': [] }, sect(2)] }],
      [{ 'w:body': [{ 'w:tbl': [{ 'w:tr': [{ 'w:tc': [{ 'w:p': [{ 'w:pPr': [sect(3)] }] }] }] }] }, 'text', null, 7, [sect(4)], { _attr: { 'w:sectPr': 1 } }, sect(5)] }],
      holey,
      [{ 'w:sectPr': { _attr: { 'w:rsidR': '1' } } }, { 'w:p': { 'w:pPr': sect(6) } }],
    ];
    for (const body of bodies) {
      const found = patched.sections(body);
      expect(found, JSON.stringify(body)).toEqual(original.sections(body));
      // the very elements, in order, not copies
      original.sections(body).forEach((e, i) => expect(found[i]).toBe(e));
    }
    expect(patched.sections(bodies[2])).toHaveLength(2);

    for (const text of ['', 'plain', 'Caf\u00e9 \u2013 \u00b7 \u2019', '\ud83d\ude00 and a lone \ud800 surrogate', 'x'.repeat(70_000)]) {
      const bytes = patched.encodeUtf8(text);
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(bytes).equals(Buffer.from(original.encodeUtf8(text))), text.slice(0, 20)).toBe(true);
    }
  });

  it('name an element by its first own key as the library does, integer keys, inherited keys, strings and arrays included', () => {
    type NameOf = (element: unknown) => string | undefined;
    const layoutNameOf = (source: string) => new Function(`${slice(source, 'var firstOwnKey', 'var nameOf$1')}${slice(source, 'var nameOf$1 = ', '\n')}\nreturn nameOf$1;`)() as NameOf;
    const writerNameOf = (source: string) => new Function(`${slice(source, 'var firstOwnKey', 'var nameOf$3')}${slice(source, 'var nameOf$3 = ', 'var textElement = ')}\nreturn nameOf$3;`)() as NameOf;
    const layoutFrom = (source: string) => (source.includes('var firstOwnKey') ? layoutNameOf(source) : (new Function(`${slice(source, 'var nameOf$1 = ', '\n')}\nreturn nameOf$1;`)() as NameOf));
    const writerFrom = (source: string) => (source.includes('var firstOwnKey') ? writerNameOf(source) : (new Function(`${slice(source, 'var nameOf$3 = ', 'var textElement = ')}\nreturn nameOf$3;`)() as NameOf));
    const pairs = [
      [layoutFrom(layoutSource), layoutFrom(patchDocx(layoutSource, LAYOUT))],
      [writerFrom(writerSource), writerFrom(patchDocx(writerSource, WRITER))],
    ];
    const inherits = Object.create({ 'w:inherited': 1 }) as Record<string, unknown>;
    inherits['w:own'] = 2;
    const onlyInherited = Object.create({ 'w:inherited': 1 }) as object;
    const hidden = Object.defineProperty({ 'w:shown': 1 }, 'w:hidden', { value: 1, enumerable: false });
    const hiddenFirst = Object.defineProperty({}, 'w:hidden', { value: 1, enumerable: false });
    (hiddenFirst as Record<string, unknown>)['w:shown'] = 2;
    const elements: unknown[] = [
      { 'w:p': [] },
      { _attr: { a: 1 } },
      { 'w:r': 1, 'w:t': 2 },
      { b: 1, 2: 'two', 1: 'one' },
      {},
      Object.assign(Object.create(null) as object, { 'w:p': 1 }),
      inherits,
      onlyInherited,
      hidden,
      hiddenFirst,
      { [Symbol('s')]: 1, 'w:after': 1 },
      'text',
      '',
      5,
      true,
      ['w:p'],
      [],
    ];
    for (const [original, patched] of pairs) {
      expect(patched.toString()).not.toBe(original.toString());
      elements.forEach((element, at) => expect(patched(element), `element ${at}`).toBe(original(element)));
    }
    // null and undefined are refused by the layout's, and named undefined by the writer's, as before
    for (const bad of [null, undefined]) {
      expect(() => pairs[0][0](bad)).toThrow(TypeError);
      expect(() => pairs[0][1](bad)).toThrow(TypeError);
      expect(pairs[1][1](bad)).toBe(pairs[1][0](bad));
    }
  });

  it('resolve elements for writing as the writer does, attributes in their order, integer keys and inherited keys included', () => {
    type Resolve = (data: unknown, indent: string, depth: number) => unknown;
    const resolveFrom = (source: string) => {
      const start = source.indexOf('var ESCAPES = ');
      const end = source.indexOf('var format = ', start);
      expect(start, 'the writer’s escapes are where they were').toBeGreaterThan(0);
      return new Function(`${writerFirstOwnKey(source)}${source.slice(start, end)}\nreturn resolve;`)() as Resolve;
    };
    const original = resolveFrom(writerSource);
    const patched = resolveFrom(patchDocx(writerSource, WRITER));
    expect(patched.toString()).toContain('firstOwnKey');
    const inherited = Object.create({ 'w:inherited': 'x' }) as Record<string, unknown>;
    inherited['w:val'] = 'own';
    const elements: unknown[] = [
      { 'w:p': [{ _attr: { 'w:rsidR': '00A', 'w:val': 'a<b"c' } }, { 'w:r': [{ 'w:t': ['text & more'] }] }] },
      { 'w:b': { _attr: { 'w:val': 0, 2: 'two', 1: 'one', 'w:x': undefined } } },
      { 'w:t': 'plain' },
      { 'w:t': 5 },
      { 'w:br': {} },
      { 'w:br': null },
      { 'w:tab': [] },
      { 'w:sz': { _attr: inherited } },
      { 'w:r': [{ _attr: 'ab' }, 'x'] },
      { 'w:cdata': { _cdata: 'a]]>b' } },
      {},
      'text',
    ];
    elements.forEach((element, at) => expect(patched(element, '  ', 1), `element ${at}`).toEqual(original(element, '  ', 1)));
    expect(() => original(null, '', 0)).toThrow(TypeError);
    expect(() => patched(null, '', 0)).toThrow(TypeError);
    expect(() => original({ 'w:p': { _attr: null } }, '', 0)).not.toThrow();
    expect(patched({ 'w:p': { _attr: null } }, '', 0)).toEqual(original({ 'w:p': { _attr: null } }, '', 0));
  });

  it('write elements in one walk as the writer’s resolve and format do, indents, quirks of mixed content, holes and bad values included', () => {
    type Stringify = (input: unknown, options?: { indent?: string; declaration?: { standalone?: string; encoding?: string } }) => string;
    const stringifyFrom = (source: string) => {
      return new Function(`${writerFirstOwnKey(source)}${slice(source, 'var ESCAPES = ', 'var stringifyAttributes = ')}\nreturn stringifyXmlable;`)() as Stringify;
    };
    const original = stringifyFrom(writerSource);
    const patched = stringifyFrom(patchDocx(writerSource, WRITER));
    expect(patched.toString()).toContain('writeXmlItems');
    expect(original.toString()).not.toContain('writeXmlItems');
    const holed: unknown[] = [{ 'w:a': [] }];
    holed[2] = { 'w:b': 'x' };
    const fixed: unknown[] = [
      { 'w:document': [{ _attr: { 'xmlns:w': 'http://x', 'mc:Ignorable': 'w14' } }, { 'w:body': [{ 'w:p': [{ 'w:r': [{ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, 'a < b & "c" \u0001'] }] }] }] }] },
      // attributes after children, several attribute objects, text that takes the place of the child before it
      { 'w:p': [{ 'w:r': [] }, { _attr: { a: 1 } }, 'text', { 'w:x': {} }, { _attr: { b: 'two' } }] },
      { 'w:p': ['a', { 'w:r': [] }, 'b'] },
      { 'w:p': ['a', 5, true, undefined] },
      { 'w:p': [undefined] },
      { 'w:p': [{ 'w:r': [] }, { 'w:r': [{ 'w:t': 'x' }] }] },
      { 'w:b': { _attr: { 'w:val': false, 2: 'two', 1: 'one', 'w:u': undefined } } },
      { 'w:cdata': { _cdata: 'a]]>b', _attr: { c: 1 } } },
      { 'w:cdata': Object.assign(['x', { 'w:y': [] }], { _cdata: 'in an array' }) },
      { 'w:t': 'plain' },
      { 'w:t': 5 },
      { 'w:t': undefined },
      { 'w:br': {} },
      { 'w:br': null },
      { 'w:tab': [] },
      { 'w:sz': { _attr: 'ab' } },
      { _attr: { x: 1 } },
      {},
      [],
      [{ 'w:a': [] }, { 'w:b': [] }],
      holed,
      { 2: 'two', 'w:r': [] },
    ];
    const options = [undefined, { indent: '  ' }, { indent: '\t', declaration: { standalone: 'yes', encoding: 'UTF-8' } }, { declaration: {} }];
    for (const option of options) fixed.forEach((element, at) => expect(patched(element, option), `element ${at}, ${JSON.stringify(option)}`).toBe(original(element, option)));
    // random trees of the values formatted objects hold: elements, attribute objects, scalars, empty
    // objects and arrays. (Objects of plain prototype: a child that text takes the place of is not
    // written, so, unlike before, its attributes are not turned into text first, and one that cannot
    // be, of no prototype, is not refused; the formatter never makes such an attribute.)
    const leaf = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.constant(undefined), fc.constant({}), fc.record({ _attr: fc.dictionary(fc.constantFrom('a', 'w:val', '1', 'b&'), fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.constant(undefined)), { noNullPrototype: true }) }, { noNullPrototype: true }));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('element')),
      element: fc.tuple(fc.constantFrom('w:p', 'w:r', 'w:t', '', '_attr'), fc.oneof(fc.array(tie('tree'), { maxLength: 5 }), leaf)).map(([name, value]) => ({ [name]: value })),
    }));
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 3 }), fc.constantFrom('', '  '), (items, indent) => {
        const run = (write: Stringify) => {
          try {
            return write(items, { indent });
          } catch (error) {
            return `threw ${(error as Error).constructor.name}`;
          }
        };
        expect(run(patched)).toBe(run(original));
      }),
      { numRuns: 3000, seed: 2026 },
    );
    // null where an element or attributes should be is refused as before
    for (const bad of [null, { 'w:p': [null] }, { 'w:p': [{ _attr: null }] }]) {
      expect(() => original(bad), JSON.stringify(bad)).toThrow(TypeError);
      expect(() => patched(bad), JSON.stringify(bad)).toThrow(TypeError);
    }
  });

  it('rest on the library holding no accessor in an object literal, which the fast spread would copy as a value', () => {
    for (const source of [layoutSource, writerSource]) {
      const lines = source.split('\n');
      const outsideClasses = lines.flatMap((line, at) => {
        if (!/^\s*(get|set) [\w$]+\(/.test(line)) return [];
        let depth = 0;
        for (let j = at - 1; j >= 0; j--) {
          depth += (lines[j].match(/\}/g) ?? []).length - (lines[j].match(/\{/g) ?? []).length;
          if (depth < 0) return /\bclass\b/.test(lines[j]) ? [] : [`${at + 1}: ${line.trim()}`];
        }
        return [`${at + 1}: ${line.trim()}`];
      });
      expect(outsideClasses).toEqual([]);
    }
  });

  it('measure text with a font file as the library does: tabs, kerning, character spacing, scale, ligatures, characters the font lacks, Office’s cloud fonts', async () => {
    const files = HOUSE_FONT_FAMILIES.flatMap((f) => f.places).find((set) => set.every((f) => existsSync(f)));
    expect(files, 'a house font is installed (fonts-liberation)').toBeDefined();
    const { original, patched } = await layoutModules();
    const facesOf = (m: LayoutModule, name: string) => files!.flatMap((f) => m.read(readFileSync(f)).map((face) => ({ ...face, name })));
    const measurers = (name: string) => [original.measurer(facesOf(original, name)), patched.measurer(facesOf(patched, name))];
    // Liberation Sans's letters, a tab, combining marks and a soft hyphen (no room), and characters it lacks (East Asian, an emoji)
    const text = fc.array(fc.constantFrom('A', 'V', 'a', 'f', 'i', 'l', 'T', 'o', ' ', '1', '.', '\t', '\u0301', '\u00ad', '社', '会', '😀', 'ﬁ', '–'), { maxLength: 24 }).map((cs) => cs.join(''));
    const font = fc.record(
      {
        font: fc.constantFrom('Arial', 'arial', 'Nope'),
        size: fc.constantFrom(8, 10, 11.5, 14),
        bold: fc.boolean(),
        italic: fc.boolean(),
        kerning: fc.constantFrom(8, 12, 30),
        characterSpacing: fc.constantFrom(0, -0.5, 1.25),
        scale: fc.constantFrom(50, 100, 150),
        ligatures: fc.constantFrom('none', 'standard', 'all'),
      },
      { requiredKeys: [] },
    );
    const [before, after] = measurers('Arial');
    fc.assert(
      fc.property(text, font, (t, f) => {
        expect(Object.is(after.measureWidth(t, f), before.measureWidth(t, f)), JSON.stringify([t, f])).toBe(true);
      }),
      { numRuns: 3000 },
    );
    // A face whose name is one of Office's cloud fonts (whatever its case) is one Word may draw in Office's own copy of.
    for (const name of ['ABADI', 'Abadi', 'Arial']) {
      const [b, a] = measurers(name);
      for (const f of [{ font: name }, { font: name, bold: true }, { font: 'Nope' }]) for (const t of [undefined, 'Text', '社会']) expect(a.unknownFont(f, t), `${name} ${JSON.stringify(f)} ${t}`).toEqual(b.unknownFont(f, t));
    }
    // (both ways: the cases above are not all alike)
    expect(after.unknownFont({ font: 'Arial' }, 'x')).toBe(false);
    expect(measurers('Abadi')[1].unknownFont({ font: 'Abadi' }, 'x')).toMatch(/Office/);
  });

  it('lay tables out as the library does, rows with page numbers in them (laid out afresh on each page) included', async () => {
    const { original, patched } = await layoutModules();
    const words = 'the claimant was not contacted before the payment stopped and the letters went to an old address'.split(' ');
    const text = (n: number) => Array.from({ length: n }, (_, i) => words[(i * 7 + n) % words.length]).join(' ');
    const cell = (children: (Paragraph | Table)[], width = 3000) => new TableCell({ children, width: { size: width, type: WidthType.DXA } });
    const row = (i: number) =>
      new TableRow({
        tableHeader: i === 0,
        ...(i % 17 === 5 ? { height: { value: 400, rule: HeightRule.EXACT } } : {}),
        children: [
          cell([new Paragraph(`Row ${i}`)]),
          // every eleventh row shows the page it is on: its height is worked out on each page afresh
          cell([new Paragraph({ children: i % 11 === 3 ? [new TextRun(`${text(i % 9)} page `), new TextRun({ children: [PageNumber.CURRENT] })] : [new TextRun(text(i % 23))] })], 4000),
          // a run of letters of every length, then the page: at some length the number's second digit takes another line
          cell([new Paragraph({ children: [new TextRun(`${'a'.repeat(i % 40)} `), ...(i % 2 === 0 ? [new TextRun({ children: [PageNumber.CURRENT] })] : [])] })], 1500),
          cell(i % 13 === 7 ? [new Paragraph('Inside:'), new Table({ rows: [0, 1].map((r) => new TableRow({ children: [cell([new Paragraph(text(r + i % 5))], 1200)] })) }), new Paragraph('')] : [new Paragraph(text(i % 5))]),
        ],
      });
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Tracker', heading: 'Heading1' }),
            new Table({ layout: TableLayoutType.FIXED, rows: Array.from({ length: 320 }, (_, i) => row(i)) }),
            new Paragraph({ children: [new TextRun('After the table, on page '), new TextRun({ children: [PageNumber.CURRENT] })] }),
            new Table({ rows: Array.from({ length: 40 }, (_, i) => row(i + 1)) }),
          ],
        },
      ],
    });
    const before = original.layoutDocument(document);
    const after = patched.layoutDocument(document);
    expect(before.stoppedAt).toBeUndefined();
    // past page 9, so a row's page number grows a digit, and in some rows takes another line
    expect(before.pages.length).toBeGreaterThan(12);
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
  });

  it('lay footnotes out as the library does, the last ending in an empty paragraph with its mark hidden, a long one and one in a table included', async () => {
    const { original, patched } = await layoutModules();
    const words = 'the claimant was not contacted before the payment stopped and the letters went to an old address'.split(' ');
    const text = (n: number) => Array.from({ length: n }, (_, i) => words[(i * 5 + n) % words.length]).join(' ');
    const notes = 40;
    const footnotes = Object.fromEntries(
      Array.from({ length: notes }, (_, i) => [
        i + 1,
        {
          children: [
            new Paragraph(text(8 + ((i * 13) % 40))),
            ...(i === 9 ? Array.from({ length: 30 }, (_, k) => new Paragraph(text(20 + k))) : []),
            // The last note ends with an empty paragraph whose mark is hidden: left out of the last
            // footnote, where Word leaves it out, and a reason to stop in any other.
            ...(i === notes - 1 ? [new Paragraph({ run: { vanish: true } })] : []),
          ],
        },
      ]),
    );
    const withNote = (i: number) => new Paragraph({ children: [new TextRun(`${text(30 + ((i * 7) % 60))} `), new FootnoteReferenceRun(i + 1), new TextRun(` ${text(12)}`)] });
    const document = new Document({
      footnotes,
      sections: [
        {
          children: [
            ...Array.from({ length: notes - 1 }, (_, i) => withNote(i)),
            new Table({ rows: [new TableRow({ children: [new TableCell({ children: [withNote(notes - 1)] })] })] }),
            new Paragraph(text(50)),
          ],
        },
      ],
    });
    const before = original.layoutDocument(document);
    const after = patched.layoutDocument(document);
    expect(before.stoppedAt).toBeUndefined();
    expect(before.pages.length).toBeGreaterThan(4);
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
  });

  it('leave a full panel pack (12 theme papers, 300 evidence rows, 300 tracker rows, soft hyphens, combining marks and East Asian text) the same file, part by part', async () => {
    const bundle = async (name: string, patched: boolean) => {
      const outfile = join(dir, `${name}.cjs`);
      const result = await build({ ...MAIN_BUNDLE, plugins: patched ? [layoutPatchPlugin] : [], entryPoints: [resolve('tests/support/packProbe.ts')], outfile, logLevel: 'silent' });
      // a patch that no longer applies is only a warning in the app's build: here it fails
      expect(result.warnings.map((w) => w.text)).toEqual([]);
      return outfile;
    };
    const run = (script: string, out: string) => {
      const r = spawnSync(process.execPath, [script, out], { encoding: 'utf8', env: { ...process.env, NODE_PATH: resolve('node_modules') } });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(readFileSync(out, 'utf8')) as Record<string, string>;
    };
    const [plain, patched] = [await bundle('plain', false), await bundle('patched', true)];
    // the layout's patches and the writer's are both in the one bundle, and neither in the other
    for (const mark of ['KNOWN_EAST_ASIAN', 'eachPlaceholder', '_objectSpread2Exact', 'NODE_ZLIB', 'writeXmlItems']) {
      expect(readFileSync(patched, 'utf8'), mark).toContain(mark);
      expect(readFileSync(plain, 'utf8'), mark).not.toContain(mark);
    }
    const a = run(plain, join(dir, 'plain.json'));
    const b = run(patched, join(dir, 'patched.json'));
    const xml = a['word/document.xml'];
    expect(xml).toMatch(/PAGEREF _Toc/);
    // the contents carry page numbers the layout worked out, the annexes' (after the East Asian text) among them
    expect(xml).toMatch(/PAGEREF _Toc\d+ \\h.*?<w:t[^>]*>\d+<\/w:t>/s);
    expect(xml.match(/<w:tr[ >]/g)?.length ?? 0).toBeGreaterThan(600);
    expect(xml).toContain('社会保障');
    expect(Object.keys(a).length).toBeGreaterThan(10);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a)) expect(b[name] === a[name], `the patched pack's ${name} is the plain one's`).toBe(true);
    // zipped by Node's zlib in the patched bundle, by the library's own code in the other: the same
    // files in the same order, deflated, each with the right checksum
    const zipped = JSON.parse(b['(the zip)']) as [string, number, boolean][];
    expect(zipped.length).toBeGreaterThan(10);
    expect(zipped.every(([, method, checked]) => method === 8 && checked)).toBe(true);
  }, 180_000);
});
