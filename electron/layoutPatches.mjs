// Speed patches for the docx library's page layout (docx/layout) and writer, applied when main and
// the export worker are bundled. A full panel pack spent most of its time in small helpers that
// the library's build emits or that it calls once per character, run, word or element:
// - `_objectSpread2`, the transpiler's helper for `{ ...a, b }`, which copies each property with
//   Object.defineProperty (about a third of the layout's time, and most of its garbage);
// - `takesNoRoom`, `isExtender` and `slotOf`, which compile a new regular expression for every
//   character they look at;
// - `knownEastAsianFontOf`, which lower-cases every alias of every East Asian font for every run;
// - `withoutUndefined`, through Object.entries, filter and Object.fromEntries;
// - `combine`, which copied everything combined so far for each format it adds;
// - the font-file measurer's `faceOf`, which builds a lower-cased key for every text it measures;
// - the font-file measurer's `measureWidth`, which split every text it measured at its tabs (most
//   have none), and `widthIn`, which gathered each run's glyphs into a list, walked it through an
//   iterator of pairs and made a function for every text; now, without ligatures, glyph by glyph,
//   the same sums in the same order; and `offeredByOffice`, which lower-cased the face's name for
//   every text measured;
// - `spansOf`, which copied its list of spans for every character of a run, and `tokenizeText`,
//   which made a new piece for every character of a word;
// - `placeWord`, which copied the line's state four times for every word: three of those copies
//   were of a state it had just made itself, and now update it; `place`, which copied the line's
//   two lists of bookmarks for every word, most often with none waiting; and `finish`, which
//   gathered every earlier line's bookmarks for each line it finished, needed only where a
//   paragraph's line spacing changes at one;
// - `linesOf`, asked for a paragraph's lines about fifty thousand times a pack, which built its
//   cache key from arrays, gathered its lines' reasons to stop into a set, and stored again what
//   it had just found in its cache;
// - `rowHeights`, which measured every cell of a table again each time a row's height was asked
//   for (some 460 times a pack, a table's rows about ten times over); now a table's rows are
//   measured once a pass, unless one of them shows a page number, whose lines are laid out afresh
//   on each page (and never when guessing, whose guesses are noted page by page);
// - the writer's XmlComponent.prepForXml, once per element: flatMap and filter, and a computed key
//   (slow for so many names) for the element it returns; an element's attributes, copied once for
//   each attribute; and the placeholders of images and lists, found by a regular expression that
//   walks the whole document three times, now by indexOf;
// - the writer's `fillFields`, which walked into every paragraph's, run's, table's, row's and
//   cell's properties looking for fields, which OOXML never puts there (their elements only hold
//   attributes, and other properties);
// - the writer's `sectionPropertiesIn`, which walked the whole body through flatMap, a new array
//   at every element, to find its few section properties, and `encodeUtf8`, which copied the bytes
//   the encoder had just made (a full pack's document: 17 ms);
// - the writer's zip (fflate's `zipSync`), which deflated and checksummed every file in
//   JavaScript: with Node's zlib where it is at hand (the same raw DEFLATE and CRC-32);
// - the writer's `stringifyXmlable`, which resolved every element into a copy and then joined
//   each element's text from its children's, so a document's every character was copied once for
//   each element it sits in (a minutes' 833 entries: about a third of the writer's time); now one
//   walk adds each piece to the one text;
// - the reader's `find`, `onOff` and `onOff14`, which made a function for each child they looked
//   for (some 35 look-ups for each run's formatting), and `countFootnoteReferences`, through
//   filter and reduce, and called on the whole body of every part and document read, footnotes or
//   none (now when the first footnote is read); `styleChain`, which worked each style's chain out
//   again, with a new Set at each step, for every paragraph and run (now remembered for the styles
//   read);
// - an element's name, found by listing all its keys (`Object.keys(element)[0]`), in the reader
//   and the writer, and the writer's and `withoutUndefined`'s lists of keys and entries.
// Each patch replaces one exact text with code that gives the same result: the library's own
// text is matched whole, so an upgrade that changes it is bundled unpatched with a warning, never
// half-patched (tests/integration/layout-patches.test.ts checks every patch applies to the
// installed version, that the spread, combine and placeholders give what the originals give, and
// that a full pack's document is the same with and without them).
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
 * The same copy with Object.assign, which V8 does in one fast step for plain objects. For a source
 * at an odd position (a spread) the two are the same but for a source with its own "__proto__" key
 * (assigning it would set the target's prototype; the helper defines an own property), so a call
 * with such a source goes the original way, kept and renamed. A source at an even position is
 * copied by the helper with its property descriptors; the transpiler puts only object literals
 * there, of plain data properties, which assign copies alike. The library's literals have no
 * accessors (the test checks that too); a frozen object or a string would differ, and the
 * transpiler never puts one there.
 */
export const FAST_SPREAD = `${SLOW_SPREAD.replace('function _objectSpread2(e)', 'function _objectSpread2Exact(e)')}
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

/** An object's first own key, as `Object.keys(object)[0]` gives it, without listing every key (each module has its own). */
const FIRST_OWN_KEY = `var firstOwnKey = (object) => {
\tfor (const key in object) if (Object.prototype.hasOwnProperty.call(object, key)) return key;
\treturn void 0;
};
`;

/** The library's measure of each row of a table (in `rowHeights`), which the patch below runs only when a table's heights are not known. */
const ROW_HEIGHTS_OF_ROWS = `rows.map(({ cells, height, borderTop, borderBottom, edgeTop = 0, edgeBottom = 0 }) => {
\t\t\tconst own = cells.filter(({ verticalMerge }) => verticalMerge === void 0);
\t\t\tconst margined = cells.filter(({ verticalMerge }) => verticalMerge !== "restart");
\t\t\tconst largest = (lengths) => Math.max(0, ...lengths);
\t\t\tconst across = own.filter(({ vertical }) => !vertical);
\t\t\tconst natural = own.length === 0 ? 0 : largest(margined.map(({ marginTop }) => marginTop)) + largest((across.length > 0 ? across : own).map(contentHeight)) + largest(margined.map(({ marginBottom }) => marginBottom));
\t\t\tif ((height === null || height === void 0 ? void 0 : height.rule) === "exact") return Math.max(height.value, borderTop - edgeTop + borderBottom - edgeBottom) + edgeTop + edgeBottom;
\t\t\treturn (height === void 0 ? natural : Math.max(height.value, natural)) + borderTop + borderBottom;
\t\t});
`;

/** fflate's zipSync (in docx's writer) up to where it deflates each file, and that step, which the patch below changes. */
const ZIP_SYNC_HEAD = `function zipSync(data, opts) {
\tif (!opts) opts = {};
\tvar r = {};
\tvar files = [];
\tfltn(data, "", r, opts);
\tvar o = 0;
\tvar tot = 0;
\tfor (var fn in r) {
\t\tvar _a = r[fn], file = _a[0], p = _a[1];
\t\tvar compression = p.level == 0 ? 0 : 8;
\t\tvar f = strToU8(fn), s = f.length;
\t\tvar com = p.comment, m = com && strToU8(com), ms = m && m.length;
\t\tvar exl = exfl(p.extra);
\t\tif (s > 65535) err(11);
`;
const ZIP_DEFLATE_AND_CHECK = `\t\tvar d = compression ? deflateSync(file, p) : file, l = d.length;
\t\tvar c = crc();
\t\tc.p(file);
\t\tfiles.push(mrg(p, {
\t\t\tsize: file.length,
\t\t\tcrc: c.d(),`;

/** The writer's stringifyXmlable, whose walk the patch below makes in one pass. */
const STRINGIFY_XMLABLE = `var stringifyXmlable = (input, { indent = "", declaration } = {}) => {
\tconst items = Array.isArray(input) ? input : [input];
\tconst startDepth = indent ? 1 : 0;
\tconst standalone = (declaration === null || declaration === void 0 ? void 0 : declaration.standalone) ? \` standalone="\${escapeAll(declaration.standalone)}"\` : "";
\treturn (declaration === void 0 ? "" : \`<?xml version="1.0" encoding="\${escapeAll(declaration.encoding || "UTF-8")}"\${standalone}?>\${indent ? "\\n" : ""}\`) + items.map((item, i) => format(resolve(item, indent, startDepth), indent, i === items.length - 1)).join("");
};
`;

/** The writer's walk in one pass, for the patch below: see its note. */
const WRITE_XML = `var NO_XML_CONTENT = Object.freeze([]);
var xmlAttributesOf = (attr, written) => {
\tif (attr === null || attr === void 0) Object.entries(attr);
\tfor (const key in attr) if (Object.prototype.hasOwnProperty.call(attr, key)) written += \` \${key}="\${String(escapeValue(attr[key]))}"\`;
\treturn written;
};
var writeXmlElement = (data, indent, depth, isLast, written) => {
\tconst name = data === null || data === void 0 ? Object.keys(data)[0] : firstOwnKey(data);
\tconst values = name === void 0 ? void 0 : data[name];
\tconst indents = depth > 1 ? indent.repeat(depth - 1) : "";
\tlet attributes = "";
\tlet content = NO_XML_CONTENT;
\tif (typeof values === "object") {
\t\tif (values !== null) {
\t\t\tconst { _attr: attr, _cdata: cdata } = values;
\t\t\tif (attr) attributes = xmlAttributesOf(attr, attributes);
\t\t\tconst isArray = Array.isArray(values);
\t\t\tif (cdata || isArray) content = [];
\t\t\tif (cdata) content.push(\`<![CDATA[\${cdata.replace(/\\]\\]>/g, "]]]]><![CDATA[>")}]]>\`);
\t\t\tif (isArray) {
\t\t\t\tlet isStringContent = false;
\t\t\t\tcontent.push("");
\t\t\t\tfor (const value of values) if (typeof value === "object") {
\t\t\t\t\tif ((value === null ? Object.keys(value)[0] : firstOwnKey(value)) === "_attr") attributes = xmlAttributesOf(value._attr, attributes);
\t\t\t\t\telse content.push(value);
\t\t\t\t} else {
\t\t\t\t\tcontent.pop();
\t\t\t\t\tisStringContent = true;
\t\t\t\t\tcontent.push(escapeValue(value));
\t\t\t\t}
\t\t\t\tif (!isStringContent) content.push("");
\t\t\t}
\t\t}
\t} else content = [escapeValue(values)];
\tconst length = content.length;
\twritten += indents + (name ? \`<\${name}\` : "") + attributes + (length > 0 ? name ? ">" : "" : "/>") + (indent && length > 1 ? "\\n" : "");
\tif (length === 0) return written + (indent ? "\\n" : "");
\tfor (let at = 0; at < length; at++) {
\t\tconst child = content[at];
\t\tif (child === void 0) continue;
\t\twritten = typeof child === "object" ? writeXmlElement(child, indent, depth + 1, false, written) : written + String(child);
\t}
\treturn written + (length > 1 ? indents : "") + (name ? \`</\${name}>\` : "") + (indent && !isLast ? "\\n" : "");
};
var writeXmlItems = (items, indent, depth) => {
\tlet written = "";
\tfor (let i = 0, length = items.length; i < length; i++) if (i in items) written = writeXmlElement(items[i], indent, depth, i === length - 1, written);
\treturn written;
};
`;

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
    name: 'offeredByOffice lower-cases each font name once',
    file: 'layout',
    find: `var offeredByOffice = (font, text) => {
\tif (cloudFonts.size === 0) OFFICE_CLOUD_FONTS.forEach((name) => cloudFonts.add(name.toLowerCase()));
\treturn cloudFonts.has(font.toLowerCase()) && unknownFont({ font }, text);
};`,
    replace: `var OFFERED_BY_OFFICE = /* @__PURE__ */ new Map();
var offeredByOffice = (font, text) => {
\tif (cloudFonts.size === 0) OFFICE_CLOUD_FONTS.forEach((name) => cloudFonts.add(name.toLowerCase()));
\tlet offered = OFFERED_BY_OFFICE.get(font);
\tif (offered === void 0) OFFERED_BY_OFFICE.set(font, offered = cloudFonts.has(font.toLowerCase()));
\treturn offered && unknownFont({ font }, text);
};`,
  },
  {
    name: 'the font-file measurer measures a text without ligatures glyph by glyph, without a list of its glyphs',
    file: 'layout',
    find: `\tconst widthIn = (face, text, font) => {
\t\tconst { size = 10, characterSpacing = 0, scale = 100 } = font;`,
    replace: `\tconst widthIn = (face, text, font) => {
\t\tif (hasLigatures(font)) return widthJoinedIn(face, text, font);
\t\tconst { size = 10, characterSpacing = 0, scale = 100 } = font;
\t\tconst em = size * scale / 100;
\t\tconst kerned = isKerned(font);
\t\tlet width = 0;
\t\tlet last = 0;
\t\tlet count = 0;
\t\tfor (const character of text) {
\t\t\tconst glyph = face.glyphOf(character.codePointAt(0));
\t\t\tif (glyph !== 0) {
\t\t\t\tif (count > 0) width += (face.advanceOfGlyph(last) + (kerned ? face.kerningOfGlyphs(last, glyph) : 0)) * em;
\t\t\t\tlast = glyph;
\t\t\t\tcount++;
\t\t\t\tcontinue;
\t\t\t}
\t\t\tif (count > 0) width += (face.advanceOfGlyph(last) + 0) * em;
\t\t\twidth += characterSpacing * count;
\t\t\tcount = 0;
\t\t\twidth += takesNoRoom(character) ? 0 : fallback.measureWidth(character, font);
\t\t}
\t\tif (count > 0) width += (face.advanceOfGlyph(last) + 0) * em;
\t\twidth += characterSpacing * count;
\t\treturn width;
\t};
\tconst widthJoinedIn = (face, text, font) => {
\t\tconst { size = 10, characterSpacing = 0, scale = 100 } = font;`,
  },
  {
    name: 'the font-file measurer measures a text without a tab without splitting it',
    file: 'layout',
    find: `\t\t\tconst face = faceOf(font);
\t\t\treturn face ? text.split("\t").reduce(`,
    replace: `\t\t\tconst face = faceOf(font);
\t\t\tif (face && text.indexOf("\t") === -1) return 0 + widthIn(face, text, font);
\t\t\treturn face ? text.split("\t").reduce(`,
  },
  {
    name: 'linesOf counts the paragraphs it lays out afresh each time (those with a page number)',
    file: 'layout',
    find: '\t\tconst lines = paragraph.items.some(isPageField) ? layOut() : kept();',
    replace: '\t\tconst lines = paragraph.items.some(isPageField) ? (freshLines++, layOut()) : kept();',
  },
  {
    name: 'linesOf has its count of paragraphs laid out afresh',
    file: 'layout',
    find: '\tconst blockIndexes = new Map(blocks.map(({ block }, index) => [block, index]));\n\tconst linesOf = (',
    replace: '\tconst blockIndexes = new Map(blocks.map(({ block }, index) => [block, index]));\n\tlet freshLines = 0;\n\tconst linesOf = (',
  },
  {
    name: 'rowHeights remembers the heights of a table’s rows in a pass, unless a page number was laid out in them',
    file: 'layout',
    find: `\tconst rowHeights = (table, merges = mergesOf(table)) => {
\t\tconst { rows } = table;
\t\tconst heights = ${ROW_HEIGHTS_OF_ROWS}`,
    replace: `\tconst ownRowHeights = /* @__PURE__ */ new WeakMap();
\tconst rowHeights = (table, merges = mergesOf(table)) => {
\t\tconst { rows } = table;
\t\tconst known = guess ? void 0 : ownRowHeights.get(table);
\t\tconst freshBefore = freshLines;
\t\tconst heights = known !== void 0 ? known.slice() : ${ROW_HEIGHTS_OF_ROWS}\t\tif (known === void 0 && !guess && freshLines === freshBefore) ownRowHeights.set(table, heights.slice());
`,
  },
  {
    name: 'fillFields passes over the properties of paragraphs, runs, tables, rows and cells, which hold no field',
    file: 'index',
    find: `\t\t} else {
\t\t\tvar _tree$contentOf2;
\t\t\tif (name === "w:p") {`,
    replace: `\t\t} else {
\t\t\tvar _tree$contentOf2;
\t\t\tif (name === "w:rPr" || name === "w:pPr" || name === "w:tcPr" || name === "w:trPr" || name === "w:tblPr" || name === "w:tblGrid") continue;
\t\t\tif (name === "w:p") {`,
  },
  {
    name: 'isExtender compiles its expression once',
    file: 'layout',
    find: `var isExtender = (character) => {
\tconst code = character.codePointAt(0);
\treturn new RegExp("\\\\p{M}", "u").test(character) || code`,
    replace: `var EXTENDER_MARK = new RegExp("\\\\p{M}", "u");
var isExtender = (character) => {
\tconst code = character.codePointAt(0);
\treturn EXTENDER_MARK.test(character) || code`,
  },
  {
    name: 'slotOf compiles its expression once',
    file: 'layout',
    find: `var slotOf = (character, previous, format) => {
\tif (isComplexRun(format)) return "complex";
\tif (isEastAsian(character)) return "eastAsian";
\tif (new RegExp("\\\\p{M}", "u").test(character)) return previous;`,
    replace: `var SLOT_MARK = new RegExp("\\\\p{M}", "u");
var slotOf = (character, previous, format) => {
\tif (isComplexRun(format)) return "complex";
\tif (isEastAsian(character)) return "eastAsian";
\tif (SLOT_MARK.test(character)) return previous;`,
  },
  {
    name: 'combine adds each format to the one object it builds',
    file: 'layout',
    find: 'var combine = (formats) => formats.reduce((all, format) => _objectSpread2(_objectSpread2({}, all), withoutUndefined(format)), {});',
    // copyDefined comes with the withoutUndefined patch below (the line before combine in the library).
    replace: 'var combine = (formats) => formats.reduce(copyDefined, {});',
  },
  {
    name: 'placeWord moves the bookmarks onto its own copy of the line',
    file: 'layout',
    find: '\t\t\tline = _objectSpread2(_objectSpread2({}, place(line)), {}, { position: line.position + leadOf(line, skipped || overflows && !squeezed) });',
    replace: '\t\t\tline = _objectSpread2(place(line), {}, { position: line.position + leadOf(line, skipped || overflows && !squeezed) });',
  },
  {
    name: 'placeWord puts a word that fits on its own copy of the line',
    file: 'layout',
    find: '\t\t\t\tline = _objectSpread2(_objectSpread2(_objectSpread2({}, line), snapping && token.type === "word" ? { latin: snapped(line, token.pieces, kernOn(line)).latin } : {}), {}, {',
    replace: '\t\t\t\tline = _objectSpread2(_objectSpread2(line, snapping && token.type === "word" ? { latin: snapped(line, token.pieces, kernOn(line)).latin } : {}), {}, {',
  },
  {
    name: 'placeWord ends a word on its own copy of the line',
    file: 'layout',
    find: `\t\t\tline = _objectSpread2(_objectSpread2({}, line), {}, {
\t\t\t\tend: line.position,
\t\t\t\tbetween: line.spaceCount,
\t\t\t\theights: withToken(line.heights, token),
\t\t\t\tstarted: true,
\t\t\t\tborder: endBorderOf(token),
\t\t\t\ttabsOnly: false
\t\t\t});`,
    // the same text, the line's copy made by placeWord itself updated rather than copied again
    get replace() {
      return this.find.replace('line = _objectSpread2(_objectSpread2({}, line), {}, {', 'line = _objectSpread2(line, {}, {');
    },
  },
  {
    name: 'attributes are added to the one object they are written into',
    file: 'index',
    find: 'return { _attr: Object.values(this.root).filter(({ value }) => value !== void 0).reduce((acc, { key, value }) => _objectSpread2(_objectSpread2({}, acc), {}, { [key]: value }), {}) };',
    replace: `return { _attr: Object.values(this.root).filter(({ value }) => value !== void 0).reduce((acc, { key, value }) => {
\t\t\tif (typeof key === "string" && key !== "__proto__") acc[key] = value;
\t\t\telse _objectSpread2(acc, {}, { [key]: value });
\t\t\treturn acc;
\t\t}, {}) };`,
  },
  {
    name: 'an element gathers its children in one loop',
    file: 'index',
    find: `\t\tconst children = this.root.flatMap((comp) => {
\t\t\tif (isXmlComponent(comp)) {
\t\t\t\tconst parts = comp.writtenAs;
\t\t\t\treturn parts ? parts.map((part) => part.prepForXml(context)) : comp.prepForXml(context);
\t\t\t}
\t\t\treturn comp;
\t\t}).filter((comp) => comp !== void 0);`,
    // the original, for an array of another kind, after a loop for a plain array
    get replace() {
      return `\t\tconst root = this.root;
\t\tlet children;
\t\tif (Array.isArray(root) && root.constructor === Array && Array[Symbol.species] === Array) {
\t\t\tchildren = [];
\t\t\tconst length = root.length;
\t\t\tfor (let index = 0; index < length; index++) {
\t\t\t\tif (!(index in root)) continue;
\t\t\t\tconst comp = root[index];
\t\t\t\tlet value = comp;
\t\t\t\tif (isXmlComponent(comp)) {
\t\t\t\t\tconst parts = comp.writtenAs;
\t\t\t\t\tvalue = parts ? parts.map((part) => part.prepForXml(context)) : comp.prepForXml(context);
\t\t\t\t}
\t\t\t\tif (Array.isArray(value)) {
\t\t\t\t\tconst count = value.length;
\t\t\t\t\tfor (let at = 0; at < count; at++) {
\t\t\t\t\t\tif (!(at in value)) continue;
\t\t\t\t\t\tconst part = value[at];
\t\t\t\t\t\tif (part !== void 0) children.push(part);
\t\t\t\t\t}
\t\t\t\t} else if (value !== void 0) children.push(value);
\t\t\t}
${this.find.replace('\t\tconst children = this.root.flatMap(', '\t\t} else children = root.flatMap(')}`;
    },
  },
  {
    name: 'linesOf keys a paragraph laid out at one width without building arrays',
    file: 'layout',
    find: '\t\tconst key = [...given.map(({ from, width }) => `${from}:${width}`), ...[...rooms].map(([line, { start, end }]) => `${line}:${start}-${end}`)].join(" ");',
    replace: '\t\tconst key = typeof widths === "number" && rooms.size === 0 ? `0:${widths}` : [...given.map(({ from, width }) => `${from}:${width}`), ...[...rooms].map(([line, { start, end }]) => `${line}:${start}-${end}`)].join(" ");',
  },
  {
    name: 'linesOf gathers the reasons its lines stop only when one does',
    file: 'layout',
    find: '\t\tfor (const reason of new Set(lines.flatMap(({ unsupported }) => unsupported === void 0 ? [] : [unsupported]))) stopAt(reason);',
    replace: '\t\tif (lines.some(({ unsupported }) => unsupported !== void 0)) for (const reason of new Set(lines.flatMap(({ unsupported }) => unsupported === void 0 ? [] : [unsupported]))) stopAt(reason);',
  },
  {
    name: 'spansOf groups a text by slot in one array',
    file: 'layout',
    find: `var spansOf = (text, format) => {
\tconst { allCaps, smallCaps, hidden } = format;
\tif (hidden) return [];
\treturn [...text].reduce((all, character) => {
\t\tvar _last$slot;
\t\tconst last = all[all.length - 1];
\t\tconst own = slotOf(character, (_last$slot = last === null || last === void 0 ? void 0 : last.slot) !== null && _last$slot !== void 0 ? _last$slot : "latin", format);
\t\tconst slot = own === "hinted" ? "eastAsian" : own;
\t\treturn (last === null || last === void 0 ? void 0 : last.slot) === slot ? [...all.slice(0, -1), {
\t\t\tslot,
\t\t\ttext: last.text + character
\t\t}] : [...all, {
\t\t\tslot,
\t\t\ttext: character
\t\t}];
\t}, []).flatMap(({ slot, text: part }) => {`,
    replace: `var slotSpansOf = (text, format) => {
\tconst all = [];
\tfor (const character of text) {
\t\tvar _last$slot;
\t\tconst last = all[all.length - 1];
\t\tconst own = slotOf(character, (_last$slot = last === null || last === void 0 ? void 0 : last.slot) !== null && _last$slot !== void 0 ? _last$slot : "latin", format);
\t\tconst slot = own === "hinted" ? "eastAsian" : own;
\t\tif ((last === null || last === void 0 ? void 0 : last.slot) === slot) all[all.length - 1] = {
\t\t\tslot,
\t\t\ttext: last.text + character
\t\t};
\t\telse all.push({
\t\t\tslot,
\t\t\ttext: character
\t\t});
\t}
\treturn all;
};
var spansOf = (text, format) => {
\tconst { allCaps, smallCaps, hidden } = format;
\tif (hidden) return [];
\treturn slotSpansOf(text, format).flatMap(({ slot, text: part }) => {`,
  },
  {
    name: 'tokenizeText adds a character to the piece it goes on',
    file: 'layout',
    find: `\t\t\t\tconst same = piece.font === font && piece.hyphenation === hyphenation;
\t\t\t\tlast.pieces[last.pieces.length - 1 + (same ? 0 : 1)] = _objectSpread2(`,
    replace: `\t\t\t\tconst same = piece.font === font && piece.hyphenation === hyphenation;
\t\t\t\tif (same) piece.text = piece.text + character;
\t\t\t\telse last.pieces[last.pieces.length - 1 + (same ? 0 : 1)] = _objectSpread2(`,
  },
  {
    name: 'linesOf keeps lines it already has without storing them again',
    file: 'layout',
    find: `\t\t\tconst byWidths = (_byParagraph$get = byParagraph.get(paragraph)) !== null && _byParagraph$get !== void 0 ? _byParagraph$get : /* @__PURE__ */ new Map();
\t\t\tbyParagraph.set(paragraph, byWidths);
\t\t\tconst laidOut = (_byWidths$get = byWidths.get(key)) !== null && _byWidths$get !== void 0 ? _byWidths$get : layOut();
\t\t\tbyWidths.set(key, laidOut);
\t\t\treturn laidOut;`,
    replace: `\t\t\tlet byWidths = byParagraph.get(paragraph);
\t\t\tif (byWidths === null || byWidths === void 0) {
\t\t\t\tbyWidths = /* @__PURE__ */ new Map();
\t\t\t\tbyParagraph.set(paragraph, byWidths);
\t\t\t}
\t\t\tlet laidOut = byWidths.get(key);
\t\t\tif (laidOut === null || laidOut === void 0) {
\t\t\t\tlaidOut = layOut();
\t\t\t\tbyWidths.set(key, laidOut);
\t\t\t}
\t\t\treturn laidOut;`,
  },
  {
    name: 'replacePlaceholders finds the placeholders with indexOf',
    file: 'index',
    find: `var replacePlaceholders = (xmlData, values) => values.size === 0 ? xmlData : xmlData.replace(PLACEHOLDER, (placeholder, key) => {
\tvar _values$get;
\treturn (_values$get = values.get(key)) !== null && _values$get !== void 0 ? _values$get : placeholder;
});`,
    replace: `function eachPlaceholder(xmlData, onPlaceholder) {
\tconst length = xmlData.length;
\tlet from = 0;
\tfor (;;) {
\t\tconst at = xmlData.indexOf("{", from);
\t\tif (at === -1) return;
\t\tlet end = at + 1;
\t\twhile (end < length) {
\t\t\tconst code = xmlData.charCodeAt(end);
\t\t\tif (code === 123 || code === 125) break;
\t\t\tend++;
\t\t}
\t\tif (end > at + 1 && end < length && xmlData.charCodeAt(end) === 125) {
\t\t\tonPlaceholder(at, end);
\t\t\tfrom = end + 1;
\t\t} else from = end > at + 1 ? end : at + 1;
\t}
}
var replacePlaceholders = (xmlData, values) => {
\tif (values.size === 0) return xmlData;
\tif (typeof xmlData !== "string") return xmlData.replace(PLACEHOLDER, (placeholder, key) => {
\t\tvar _values$get;
\t\treturn (_values$get = values.get(key)) !== null && _values$get !== void 0 ? _values$get : placeholder;
\t});
\tlet out = "";
\tlet last = 0;
\teachPlaceholder(xmlData, (at, end) => {
\t\tvar _values$get2;
\t\tconst placeholder = xmlData.slice(at, end + 1);
\t\tout += xmlData.slice(last, at) + \`\${(_values$get2 = values.get(xmlData.slice(at + 1, end))) !== null && _values$get2 !== void 0 ? _values$get2 : placeholder}\`;
\t\tlast = end + 1;
\t});
\treturn out + xmlData.slice(last);
};`,
  },
  {
    name: 'findPlaceholders finds the placeholders with indexOf',
    file: 'index',
    find: 'var findPlaceholders = (xmlData) => new Set(Array.from(xmlData.matchAll(PLACEHOLDER), ([, key]) => key));',
    replace: `var findPlaceholders = (xmlData) => {
\tif (typeof xmlData !== "string") return new Set(Array.from(xmlData.matchAll(PLACEHOLDER), ([, key]) => key));
\tconst keys = /* @__PURE__ */ new Set();
\teachPlaceholder(xmlData, (at, end) => keys.add(xmlData.slice(at + 1, end)));
\treturn keys;
};`,
  },
  {
    name: 'an element is written under its name without a computed key',
    file: 'index',
    find: '\t\treturn { [this.rootKey]: children.length ? children.length === 1 && ((_children$ = children[0]) === null || _children$ === void 0 ? void 0 : _children$._attr) ? children[0] : children : EMPTY_OBJECT };',
    replace: `\t\tconst rootKey = this.rootKey;
\t\tif (typeof rootKey === "string" && rootKey !== "__proto__") {
\t\t\tconst element = {};
\t\t\telement[rootKey] = children.length ? children.length === 1 && ((_children$ = children[0]) === null || _children$ === void 0 ? void 0 : _children$._attr) ? children[0] : children : EMPTY_OBJECT;
\t\t\treturn element;
\t\t}
\t\treturn { [rootKey]: children.length ? children.length === 1 && ((_children$ = children[0]) === null || _children$ === void 0 ? void 0 : _children$._attr) ? children[0] : children : EMPTY_OBJECT };`,
  },
  {
    name: 'withoutUndefined in one loop',
    file: 'layout',
    find: 'var withoutUndefined = (object) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== void 0));',
    // Each own enumerable key, in the order Object.keys gives them (for...in gives an object's own
    // keys first, in that order), without listing them in an array first.
    replace: `var copyDefined = (into, object) => {
\tif (object === null || object === void 0) Object.keys(object);
\tfor (const key in object) {
\t\tif (!Object.prototype.hasOwnProperty.call(object, key)) continue;
\t\tconst value = object[key];
\t\tif (value === void 0) continue;
\t\tif (key === "__proto__") Object.defineProperty(into, key, { value, enumerable: true, configurable: true, writable: true });
\t\telse into[key] = value;
\t}
\treturn into;
};
var withoutUndefined = (object) => copyDefined({}, object);`,
  },
  {
    name: 'find looks for the child in a loop, without a function for each look',
    file: 'layout',
    find: `var find = (children, name) => {
\tvar _children$find;
\treturn (_children$find = children.find((child) => name in child)) === null || _children$find === void 0 ? void 0 : _children$find[name];
};`,
    // as Array.prototype.find: every index up to the length, a hole read as undefined (and so throwing, as \`in\` does)
    replace: `var findChild = (children, name) => {
\tfor (let index = 0, length = children.length; index < length; index++) if (name in children[index]) return children[index];
\treturn void 0;
};
var find = (children, name) => {
\tconst child = findChild(children, name);
\treturn child === void 0 ? void 0 : child[name];
};`,
  },
  // findChild comes with the find patch above
  ...['onOff', 'onOff14'].map((fn) => ({
    name: `${fn} looks for the property in a loop`,
    file: 'layout',
    find: `var ${fn} = (children, name) => {
\tconst element = children.find((child) => name in child);`,
    replace: `var ${fn} = (children, name) => {
\tconst element = findChild(children, name);`,
  })),
  {
    name: 'styleChain remembers each chain of the styles read',
    file: 'layout',
    find: `var styleChain = ({ styles }, id, type) => {
\tconst walk = (current, seen) => {
\t\tconst style = current === void 0 || seen.has(current) ? void 0 : styles.get(current);
\t\treturn (style === null || style === void 0 ? void 0 : style.type) === type ? [...walk(style.basedOn, /* @__PURE__ */ new Set([...seen, current])), style] : [];
\t};
\treturn walk(id, /* @__PURE__ */ new Set());
};`,
    // The chain, worked out as before, kept by the styles' map, its type and id: the map is read
    // once from the document's styles and never changed, and every caller reads the chain without
    // changing it (spread, mapped, sliced, reduced). A map changed after all is seen by its size.
    get replace() {
      return `${this.find.replace('var styleChain = ', 'var styleChainOf = ')}
var STYLE_CHAINS = /* @__PURE__ */ new WeakMap();
var styleChain = (textStyles, id, type) => {
\tconst { styles } = textStyles;
\tif (!(styles instanceof Map)) return styleChainOf(textStyles, id, type);
\tlet kept = STYLE_CHAINS.get(styles);
\tif (kept === void 0 || kept.size !== styles.size) STYLE_CHAINS.set(styles, kept = { size: styles.size, chains: /* @__PURE__ */ new Map() });
\tlet byId = kept.chains.get(type);
\tif (byId === void 0) kept.chains.set(type, byId = /* @__PURE__ */ new Map());
\tlet chain = byId.get(id);
\tif (chain === void 0) byId.set(id, chain = styleChainOf(textStyles, id, type));
\treturn chain;
};`;
    },
  },
  {
    name: 'the line breaker puts waiting bookmarks on the line without copying its lists when none is waiting',
    file: 'layout',
    find: `\t\tconst place = (state) => _objectSpread2(_objectSpread2({}, state), {}, {
\t\t\tmarkers: [...state.markers, ...state.pending],
\t\t\tpending: []
\t\t});`,
    // The lists are shared, as wrap already shares a state's pending list: the line breaker only
    // ever makes new ones (spreads), never adds to one in place.
    replace: `\t\tconst place = (state) => state.pending.length === 0 ? _objectSpread2({}, state) : _objectSpread2(_objectSpread2({}, state), {}, {
\t\t\tmarkers: [...state.markers, ...state.pending],
\t\t\tpending: []
\t\t});`,
  },
  {
    name: 'the line breaker gathers the bookmarks seen so far only for a paragraph whose line spacing changes at one',
    file: 'layout',
    find: `\t\t\tconst seen = [
\t\t\t\t...lines.flatMap(({ markers }) => markers),
\t\t\t\t...state.markers,
\t\t\t\t...state.pending
\t\t\t];
\t\t\tconst joined = lineSpacingFrom === null || lineSpacingFrom === void 0 ? void 0 : lineSpacingFrom.findLast(({ marker }) => seen.includes(marker));`,
    // Every line finished gathered every earlier line's bookmarks, to look for the few paragraphs
    // joined to the next whose spacing differs (lineSpacingFrom); now only in those.
    replace: `\t\t\tlet joined;
\t\t\tif (lineSpacingFrom !== null && lineSpacingFrom !== void 0) {
\t\t\t\tconst seen = [
\t\t\t\t\t...lines.flatMap(({ markers }) => markers),
\t\t\t\t\t...state.markers,
\t\t\t\t\t...state.pending
\t\t\t\t];
\t\t\t\tjoined = lineSpacingFrom.findLast(({ marker }) => seen.includes(marker));
\t\t\t}`,
  },
  {
    name: 'a document reader counts its footnote references when it reads its first footnote, not always',
    file: 'layout',
    find: `\tconst footnoteReferences = countFootnoteReferences(contentOf$3(body));
\t/** Whether the footnote whose reference was just read is the document's last */
\tconst isLast = (kind) => kind === "footnote" && countOf(noteCounts, kind).read === footnoteReferences;`,
    replace: `\t// Counted when the first footnote is read (the body is read, never changed): most documents have none.
\tlet footnoteReferences;
\t/** Whether the footnote whose reference was just read is the document's last */
\tconst isLast = (kind) => kind === "footnote" && countOf(noteCounts, kind).read === (footnoteReferences ??= countFootnoteReferences(contentOf$3(body)));`,
  },
  {
    name: 'countFootnoteReferences counts in a loop',
    file: 'layout',
    find: `var countFootnoteReferences = (elements) => elements.filter(isObject).reduce((count, element) => {
\tconst name = nameOf$1(element);
\tif (name === "w:footnoteReference") return count + 1;
\treturn name === "w:txbxContent" || name === "_attr" ? count : count + countFootnoteReferences(contentOf$3(element));
}, 0);`,
    replace: `var countFootnoteReferences = (elements) => {
\tlet count = 0;
\tfor (let index = 0, length = elements.length; index < length; index++) {
\t\tif (!(index in elements)) continue;
\t\tconst element = elements[index];
\t\tif (!isObject(element)) continue;
\t\tconst name = nameOf$1(element);
\t\tif (name === "w:footnoteReference") count += 1;
\t\telse if (name !== "w:txbxContent" && name !== "_attr") count += countFootnoteReferences(contentOf$3(element));
\t}
\treturn count;
};`,
  },
  {
    name: 'sectionPropertiesIn gathers the section properties in one list',
    file: 'index',
    find: `var sectionPropertiesIn = (tree, elements) => elements.flatMap((element) => {
\tvar _tree$contentOf3;
\tconst name = tree.nameOf(element);
\tif (name === void 0) return [];
\treturn name === "w:sectPr" ? [element] : sectionPropertiesIn(tree, (_tree$contentOf3 = tree.contentOf(element)) !== null && _tree$contentOf3 !== void 0 ? _tree$contentOf3 : []);
});`,
    // the same walk, in the same order (holes passed over, as flatMap passes them), into one list
    replace: `var sectionPropertiesIn = (tree, elements, found = []) => {
\tfor (let index = 0, length = elements.length; index < length; index++) {
\t\tif (!(index in elements)) continue;
\t\tvar _tree$contentOf3;
\t\tconst element = elements[index];
\t\tconst name = tree.nameOf(element);
\t\tif (name === void 0) continue;
\t\tif (name === "w:sectPr") found.push(element);
\t\telse sectionPropertiesIn(tree, (_tree$contentOf3 = tree.contentOf(element)) !== null && _tree$contentOf3 !== void 0 ? _tree$contentOf3 : [], found);
\t}
\treturn found;
};`,
  },
  {
    name: 'encodeUtf8 gives the encoder’s own bytes, not a copy',
    file: 'index',
    find: 'var encodeUtf8 = (str) => new Uint8Array(new TextEncoder().encode(str));',
    // a copy only where the encoder's bytes are not this realm's Uint8Array (the copy of a document's 4 MB took 17 ms)
    replace: `var encodeUtf8 = (str) => {
\tconst bytes = new TextEncoder().encode(str);
\treturn bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
};`,
  },
  {
    name: 'zipSync deflates and checks each file with Node’s zlib, where there is one',
    file: 'index',
    find: `${ZIP_SYNC_HEAD}${ZIP_DEFLATE_AND_CHECK}`,
    // The same raw DEFLATE at the same level, and the same CRC-32, from zlib's C (a pack's zip:
    // about 40 → 16 ms). Node's zlib is found through process.getBuiltinModule (Node 22.3;
    // Electron's Node has it), so the writer needs no import; elsewhere (an older Node, a
    // browser) the library's own deflate and checksum, as before.
    replace: `var NODE_ZLIB = typeof process === "object" && process !== null && typeof process.getBuiltinModule === "function" ? process.getBuiltinModule("node:zlib") : void 0;
var deflateRawOf = (file, p) => NODE_ZLIB && typeof NODE_ZLIB.deflateRawSync === "function" ? NODE_ZLIB.deflateRawSync(file, { level: p.level == null ? 6 : p.level }) : deflateSync(file, p);
var crc32Of = (file) => {
\tif (NODE_ZLIB && typeof NODE_ZLIB.crc32 === "function") return NODE_ZLIB.crc32(file);
\tconst c = crc();
\tc.p(file);
\treturn c.d();
};
${ZIP_SYNC_HEAD}\t\tvar d = compression ? deflateRawOf(file, p) : file, l = d.length;
\t\tfiles.push(mrg(p, {
\t\t\tsize: file.length,
\t\t\tcrc: crc32Of(file),`,
  },
  {
    name: 'an element’s name is its first own key, found without listing every key (layout)',
    file: 'layout',
    find: 'var nameOf$1 = (element) => Object.keys(element)[0];',
    replace: `${FIRST_OWN_KEY}var nameOf$1 = (element) => element === null || element === void 0 ? Object.keys(element)[0] : firstOwnKey(element);`,
  },
  {
    name: 'an element’s name is its first own key, found without listing every key (writer)',
    file: 'index',
    find: `var nameOf$3 = (element) => {
\tconst name = typeof element === "object" && element !== null && !Array.isArray(element) ? Object.keys(element)[0] : void 0;`,
    replace: `${FIRST_OWN_KEY}var nameOf$3 = (element) => {
\tconst name = typeof element === "object" && element !== null && !Array.isArray(element) ? firstOwnKey(element) : void 0;`,
  },
  {
    name: 'the writer names an element and lists its attributes without listing their keys first',
    file: 'index',
    find: `var resolve = (data, indent, depth) => {
\tconst name = Object.keys(data)[0];
\tconst values = name === void 0 ? void 0 : data[name];
\tconst attributes = [];
\tconst content = [];
\tconst addAttributes = (attr) => {
\t\tfor (const [key, value] of Object.entries(attr)) attributes.push(\`\${key}="\${String(escapeValue(value))}"\`);
\t};`,
    // firstOwnKey comes with the writer's nameOf patch above; null and undefined are refused as before
    replace: `var resolve = (data, indent, depth) => {
\tconst name = data === null || data === void 0 ? Object.keys(data)[0] : firstOwnKey(data);
\tconst values = name === void 0 ? void 0 : data[name];
\tconst attributes = [];
\tconst content = [];
\tconst addAttributes = (attr) => {
\t\tif (attr === null || attr === void 0) Object.entries(attr);
\t\tfor (const key in attr) if (Object.prototype.hasOwnProperty.call(attr, key)) attributes.push(\`\${key}="\${String(escapeValue(attr[key]))}"\`);
\t};`,
  },
  {
    name: 'the writer writes each element straight into the document’s text',
    file: 'index',
    find: STRINGIFY_XMLABLE,
    // resolve and format in one walk, each piece added to the one text: no element's resolved
    // copy, and no element's text joined from its children's and copied again into its parent's
    // (a document's every character was copied once for each element it sits in). The quirks are
    // kept: attributes wherever they come among the values, a value that is not an element in
    // the place of the content before it, an empty string either side of the children. One
    // difference, beyond anything the formatter makes: a child that text takes the place of was
    // resolved, its attributes turned into text, before it was dropped; now it is dropped unread,
    // so an attribute there that cannot be text (an object of no prototype) is no longer refused.
    // (firstOwnKey comes with the writer's nameOf patch)
    get replace() {
      return `${WRITE_XML}${this.find.replace('items.map((item, i) => format(resolve(item, indent, startDepth), indent, i === items.length - 1)).join("")', 'writeXmlItems(items, indent, startDepth)')}`;
    },
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
