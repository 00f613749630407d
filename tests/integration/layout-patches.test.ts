// The docx layout's speed patches (electron/layoutPatches.mjs): each applies exactly once to the
// installed library, a changed library is reported rather than left unpatched, the fast object
// spread gives what the library's helper gives, and a full pack bundled with the patches is the
// same document as one bundled without them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { MAIN_BUNDLE } from '../../electron/build.mjs';
import { DOCX_FILE, LAYOUT_PATCHES, layoutPatchPlugin, patchDocx } from '../../electron/layoutPatches.mjs';

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

/** Everything about an object that a spread can change: its prototype, own keys in order, and each one's descriptor. */
function shape(o: object) {
  return {
    proto: Object.getPrototypeOf(o) === Object.prototype ? 'Object.prototype' : Object.getPrototypeOf(o),
    keys: Reflect.ownKeys(o).map(String),
    descriptors: Reflect.ownKeys(o).map((k) => Object.getOwnPropertyDescriptor(o, k)),
  };
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
    expect(LAYOUT_PATCHES.map((p) => p.file).sort()).toEqual([...Array(6).fill('index'), ...Array(16).fill('layout')]);
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
    for (const mark of ['KNOWN_EAST_ASIAN', 'eachPlaceholder', '_objectSpread2Exact']) {
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
  }, 180_000);
});
