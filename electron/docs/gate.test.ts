// A part's text as the personal-data gate reads it: one pass over the tags, checked against the
// three regular expressions it replaced, on made-up parts and on cases of each kind of line end;
// and read from the part's bytes, as from the part decoded whole.
import { strFromU8, unzipSync, zipSync } from 'fflate';
import fc from 'fast-check';
import { Document, Footer, Header, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { docxParts, partText, xmlText } from './gate';

/** The text as the three passes read it before: line ends, then tags away, then entities. */
function byExpressions(xml: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return xml
    .replace(/<\/w:p>|<w:br\/>|<w:tab\/>|<\/(dc|cp|dcterms):[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) => {
      if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
      return entities[e] ?? m;
    });
}

describe('the text of a part of a .docx', () => {
  it('has a line for each paragraph, break, tab and document property, and its entities decoded', () => {
    const body =
      '<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t xml:space="preserve">Ref QQ 12</w:t></w:r><w:r><w:tab/><w:t>34 &amp; 56 &#x43;&#67;</w:t><w:br/><w:t>&lt;b&gt; &unknown; &quot;</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>Next</w:t></w:r></w:p><w:pPr></w:pPr><w:proofErr w:type="spellStart"/></w:body></w:document>';
    expect(xmlText(body)).toBe('Ref QQ 12\n34 & 56 CC\n<b> &unknown; "\nNext\n');
    const core = '<cp:coreProperties><dc:title>Pack</dc:title><dc:creator>Sam</dc:creator><cp:lastModifiedBy>Un known</cp:lastModifiedBy><dcterms:created>2026</dcterms:created></cp:coreProperties>';
    expect(xmlText(core)).toBe('Pack\nSam\nUn known\n2026\n\n');
    // Not tags: kept as text, as they were.
    expect(xmlText('a <> b < c')).toBe('a <> b < c');
    expect(xmlText('')).toBe('');
  });

  it('is the text the three regular expressions made, for any part written as the library writes them', () => {
    const text = fc.stringMatching(/^[a-zA-Z0-9 .,;:'"&#x/=•£é-]{0,12}$/).map((t) => t.replace(/&/g, '&amp;'));
    const entity = fc.constantFrom('&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#163;', '&#x20AC;', '&nbsp;', '&#X41;');
    const tag = fc.constantFrom('<w:p>', '</w:p>', '<w:p/>', '<w:br/>', '<w:tab/>', '<w:t xml:space="preserve">', '</w:t>', '<w:r>', '</w:r>', '<w:pStyle w:val="Heading1"/>', '<dc:title>', '</dc:title>', '</cp:keywords>', '</dcterms:modified>', '<w:tabs>', '</w:tabs>', '<w:br w:type="page"/>', '</w:pict>', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>');
    fc.assert(
      fc.property(fc.array(fc.oneof(text, entity, tag), { maxLength: 40 }), (pieces) => {
        const xml = pieces.join('');
        expect(xmlText(xml)).toBe(byExpressions(xml));
      }),
      { numRuns: 2000 },
    );
  });

  it('is read from the part’s UTF-8 bytes as from the part decoded whole: accents, apostrophes, bullets, CJK, emoji, entities and a byte-order mark', () => {
    const utf8 = (xml: string) => new TextEncoder().encode(xml);
    const decoded = (bytes: Uint8Array) => xmlText(new TextDecoder().decode(bytes));
    const body = '<w:p><w:r><w:t>Mr Ó’Brien • £5 é 社会保障 😀 &amp; &#x2019;</w:t></w:r></w:p><w:p><w:t>ascii</w:t></w:p>';
    expect(partText(utf8(body))).toBe('Mr Ó’Brien • £5 é 社会保障 😀 & ’\nascii\n');
    expect(partText(utf8(body))).toBe(decoded(utf8(body)));
    // TextDecoder drops a byte-order mark at the start, and so does the byte-wise read
    const marked = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(body)]);
    expect(partText(marked)).toBe(decoded(marked));
    // a view into a larger buffer reads only its own bytes
    const inside = utf8(`xx${body}yy`).subarray(2, 2 + utf8(body).length);
    expect(partText(inside)).toBe(decoded(utf8(body)));
    expect(partText(new Uint8Array())).toBe('');
    const text = fc.string({ unit: 'grapheme', maxLength: 12 }).map((t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    const entity = fc.constantFrom('&amp;', '&lt;', '&#163;', '&#x20AC;', '&nbsp;', '&#x1F600;');
    const tag = fc.constantFrom('<w:p>', '</w:p>', '<w:br/>', '<w:tab/>', '<w:t xml:space="preserve">', '</w:t>', '<w:pStyle w:val="Überschrift"/>', '</dc:title>', '<?xml version="1.0" encoding="UTF-8"?>');
    fc.assert(
      fc.property(fc.array(fc.oneof(text, entity, tag), { maxLength: 40 }), (pieces) => {
        const bytes = utf8(pieces.join(''));
        expect(partText(bytes)).toBe(decoded(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a .docx’s parts with Node’s zlib as fflate’s own unzip reads them, and refuses one cut off or damaged', async () => {
    const doc = new Document({
      creator: 'Secretariat',
      title: 'Pack ’26',
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph('OFFICIAL-SENSITIVE')] }) },
          footers: { default: new Footer({ children: [new Paragraph('Page • footer')] }) },
          children: Array.from({ length: 400 }, (_, i) => new Paragraph({ children: [new TextRun(`Item ${i}: Ó’Brien’s claim, £${i} & more 社会保障`)] })),
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toArrayBuffer(doc));
    const byFflate = Object.entries(unzipSync(bytes, { filter: (f) => /^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$|^docProps\/(core|app|custom)\.xml$/.test(f.name) }))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, data]) => [name, xmlText(strFromU8(data))]);
    const parts = docxParts(bytes);
    expect(parts.map((p) => p.text)).toEqual(byFflate.map(([, text]) => text));
    expect(parts.map((p) => p.part)).toEqual(['document properties', 'document properties', 'document properties', 'body', 'body', 'page footer', 'body', 'page header']);
    expect(parts[3].text).toContain('Item 399: Ó’Brien’s claim, £399 & more 社会保障');
    expect(parts.find((p) => p.part === 'page header')?.text).toContain('OFFICIAL-SENSITIVE');
    // cut off anywhere (in the body, after it, in the central directory): refused, never read in part
    for (const end of [40, Math.floor(bytes.length / 3), Math.floor(bytes.length * 0.8), bytes.length - 200, bytes.length - 10]) {
      expect(() => docxParts(bytes.subarray(0, end)), `cut at ${end} of ${bytes.length}`).toThrow();
    }
    // the body's compressed bytes damaged
    const body = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'];
    expect(body.length).toBeGreaterThan(10_000);
    const damaged = bytes.slice();
    const name = new TextEncoder().encode('word/document.xml');
    const header = damaged.findIndex((b, i) => b === 0x50 && damaged[i + 1] === 0x4b && damaged[i + 2] === 0x03 && damaged[i + 3] === 0x04 && name.every((c, j) => damaged[i + 30 + j] === c));
    expect(header).toBeGreaterThan(-1);
    const start = header + 30 + name.length + (damaged[header + 28] | (damaged[header + 29] << 8));
    damaged.fill(0xff, start + 20, start + 60);
    expect(() => docxParts(damaged)).toThrow(/read back whole for the personal-data check/);
    expect(() => docxParts(new Uint8Array([1, 2, 3]))).toThrow(/read back whole/);
    // stored, not deflated: a byte of the body changed reads without complaint, but not past its checksum
    const stored = zipSync(unzipSync(bytes), { level: 0 });
    expect(docxParts(stored).map((p) => p.text)).toEqual(parts.map((p) => p.text));
    const storedHeader = stored.findIndex((b, i) => b === 0x50 && stored[i + 1] === 0x4b && stored[i + 2] === 0x03 && stored[i + 3] === 0x04 && name.every((c, j) => stored[i + 30 + j] === c));
    const storedStart = storedHeader + 30 + name.length + (stored[storedHeader + 28] | (stored[storedHeader + 29] << 8));
    const flipped = stored.slice();
    flipped[storedStart + 500] ^= 0x20;
    expect(() => docxParts(flipped)).toThrow(/word\/document\.xml is damaged/);
    // the body's own header saying it holds nothing (its sizes 0): never read as an empty body
    const emptied = stored.slice();
    emptied.fill(0, storedHeader + 18, storedHeader + 26);
    expect(() => docxParts(emptied)).toThrow(/read back whole/);
    // nor a file whose body is empty throughout
    expect(() => docxParts(zipSync({ ...unzipSync(bytes), 'word/document.xml': new Uint8Array() }))).toThrow(/it has no body/);
  });
});
