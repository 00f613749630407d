// Speed patches for the docx library's page layout (docx/layout) and writer, applied when main and
// the export worker are bundled. A full panel pack spent most of its time in five small helpers
// that the library's build emits or that it calls once per character or per run of text:
// - `_objectSpread2`, the transpiler's helper for `{ ...a, b }`, which copies each property with
//   Object.defineProperty (about a third of the layout's time, and most of its garbage);
// - `takesNoRoom`, which compiles a new regular expression for every character measured;
// - `knownEastAsianFontOf`, which lower-cases every alias of every East Asian font for every run;
// - `withoutUndefined`, through Object.entries, filter and Object.fromEntries;
// - the font-file measurer's `faceOf`, which builds a lower-cased key for every text it measures.
// Each patch replaces one exact text with code that gives the same result: the library's own
// text is matched whole, so an upgrade that changes it is bundled unpatched with a warning, never
// half-patched (tests/integration/layout-patches.test.ts checks every patch applies to the
// installed version and that a full pack's document is the same with and without them).
import { readFile } from 'node:fs/promises';

/** The library's files that are patched: the layout module and the writer. */
export const DOCX_FILE = /[\\/]node_modules[\\/]docx[\\/]dist[\\/](index|layout)\.mjs$/;

const SLOW_SPREAD = `function _objectSpread2(e) {
\tfor (var r = 1; r < arguments.length; r++) {
\t\tvar t = null != arguments[r] ? arguments[r] : {};
\t\tr % 2 ? ownKeys(Object(t), !0).forEach(function(r) {
\t\t\t_defineProperty(e, r, t[r]);
\t\t}) : Object.getOwnPropertyDescriptors ? Object.defineProperties(e, Object.getOwnPropertyDescriptors(t)) : ownKeys(Object(t)).forEach(function(r) {
\t\t\tObject.defineProperty(e, r, Object.getOwnPropertyDescriptor(t, r));
\t\t});
\t}
\treturn e;
}`;

/**
 * The same copy with Object.assign, which V8 does in one fast step for plain objects. The two
 * differ only for a source with its own "__proto__" key (assigning it would set the target's
 * prototype; the helper defines an own property), so a call with such a source goes the original
 * way; and for accessors in an object literal (the helper copies the accessor, assign its value),
 * which the library's files do not have (the test checks that too).
 */
export const FAST_SPREAD = `function _objectSpread2Exact(e) {
\tfor (var r = 1; r < arguments.length; r++) {
\t\tvar t = null != arguments[r] ? arguments[r] : {};
\t\tr % 2 ? ownKeys(Object(t), !0).forEach(function(r) {
\t\t\t_defineProperty(e, r, t[r]);
\t\t}) : Object.getOwnPropertyDescriptors ? Object.defineProperties(e, Object.getOwnPropertyDescriptors(t)) : ownKeys(Object(t)).forEach(function(r) {
\t\t\tObject.defineProperty(e, r, Object.getOwnPropertyDescriptor(t, r));
\t\t});
\t}
\treturn e;
}
function _objectSpread2(e) {
\tfor (var i = 1; i < arguments.length; i++) {
\t\tvar s = arguments[i];
\t\tif (s != null && typeof s === "object" && Object.prototype.hasOwnProperty.call(s, "__proto__")) return _objectSpread2Exact.apply(null, arguments);
\t}
\tfor (var r = 1; r < arguments.length; r++) {
\t\tvar t = arguments[r];
\t\tif (t != null) Object.assign(e, t);
\t}
\treturn e;
}`;

/** Each patch: the file it is for, the library's exact text, and its replacement. */
export const LAYOUT_PATCHES = [
  { name: 'object spread (layout)', file: 'layout', find: SLOW_SPREAD, replace: FAST_SPREAD },
  { name: 'object spread (writer)', file: 'index', find: SLOW_SPREAD, replace: FAST_SPREAD },
  {
    name: 'takesNoRoom compiles its expression once',
    file: 'layout',
    find: 'var takesNoRoom = (character) => new RegExp("[\\\\p{Mn}\\\\p{Me}\\\\p{Cf}]", "u").test(character);',
    replace: 'var TAKES_NO_ROOM = new RegExp("[\\\\p{Mn}\\\\p{Me}\\\\p{Cf}]", "u");\nvar takesNoRoom = (character) => TAKES_NO_ROOM.test(character);',
  },
  {
    name: 'knownEastAsianFontOf remembers each font name',
    file: 'layout',
    find: `var knownEastAsianFontOf = (font) => {
\tconst name = font.toLowerCase();
\treturn EAST_ASIAN_FONTS.find((candidate) => [candidate.name, ...candidate.aliases].some((alias) => alias.toLowerCase() === name));
};`,
    replace: `var KNOWN_EAST_ASIAN = new Map();
var knownEastAsianFontOf = (font) => {
\tif (KNOWN_EAST_ASIAN.has(font)) return KNOWN_EAST_ASIAN.get(font);
\tconst name = font.toLowerCase();
\tconst found = EAST_ASIAN_FONTS.find((candidate) => [candidate.name, ...candidate.aliases].some((alias) => alias.toLowerCase() === name));
\tKNOWN_EAST_ASIAN.set(font, found);
\treturn found;
};`,
  },
  {
    name: 'faceOf looks a face up by font, bold and italic without building a key',
    file: 'layout',
    find: `\tconst faceOf = ({ font = DEFAULT_FONT, bold = false, italic = false }) => {
\t\tconst key = \`\${font.toLowerCase()}|\${bold}|\${italic}\`;`,
    replace: `\tconst faceByFont = /* @__PURE__ */ new Map();
\tconst faceOf = (format) => {
\t\tconst { font = DEFAULT_FONT, bold = false, italic = false } = format;
\t\tlet byBold = faceByFont.get(font);
\t\tif (byBold === void 0) faceByFont.set(font, byBold = /* @__PURE__ */ new Map());
\t\tlet byItalic = byBold.get(bold);
\t\tif (byItalic === void 0) byBold.set(bold, byItalic = /* @__PURE__ */ new Map());
\t\tif (byItalic.has(italic)) return byItalic.get(italic);
\t\tconst face = faceOfNamed(format);
\t\tbyItalic.set(italic, face);
\t\treturn face;
\t};
\tconst faceOfNamed = ({ font = DEFAULT_FONT, bold = false, italic = false }) => {
\t\tconst key = \`\${font.toLowerCase()}|\${bold}|\${italic}\`;`,
  },
  {
    name: 'withoutUndefined in one loop',
    file: 'layout',
    find: 'var withoutUndefined = (object) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== void 0));',
    replace: `var withoutUndefined = (object) => {
\tconst out = {};
\tfor (const key of Object.keys(object)) {
\t\tconst value = object[key];
\t\tif (value === void 0) continue;
\t\tif (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
\t\telse out[key] = value;
\t}
\treturn out;
};`,
  },
];

/**
 * The file's text with its patches applied. Throws, naming them, when any patch's text is not
 * found exactly once: the installed library has changed and the patches must be looked at again.
 */
export function patchDocx(source, file) {
  const kind = file.endsWith('layout.mjs') ? 'layout' : 'index';
  const missing = [];
  let out = source;
  for (const patch of LAYOUT_PATCHES.filter((p) => p.file === kind)) {
    const at = out.indexOf(patch.find);
    if (at < 0 || out.indexOf(patch.find, at + 1) >= 0) missing.push(patch.name);
    else out = out.slice(0, at) + patch.replace + out.slice(at + patch.find.length);
  }
  if (missing.length > 0) throw new Error(`The docx library in ${file} has changed: these layout patches no longer apply exactly once: ${missing.join('; ')}. Update electron/layoutPatches.mjs for the installed version.`);
  return out;
}

/**
 * The esbuild plugin that applies the patches as the library's files are loaded into a bundle. A
 * library whose text has changed is bundled as it is, with a warning: slower, never broken.
 */
export const layoutPatchPlugin = {
  name: 'docx-layout-patches',
  setup(build) {
    build.onLoad({ filter: DOCX_FILE }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      try {
        return { contents: patchDocx(source, args.path), loader: 'js' };
      } catch (error) {
        return { contents: source, loader: 'js', warnings: [{ text: error instanceof Error ? error.message : String(error) }] };
      }
    });
  },
};
