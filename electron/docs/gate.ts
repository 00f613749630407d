// Reads a packed .docx back into its text parts for the personal-data gate: the body, every
// header and footer, and the document properties (which the docx library fills in by default).
import { inflateRawSync } from 'node:zlib';
import { Unzip, type AsyncFlateStreamHandler, type FlateError, type UnzipDecoder } from 'fflate';
import type { DocumentPart } from '#shared/pii/gate';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const decodeEntity = (m: string, e: string) => {
  if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
  if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
  return ENTITIES[e] ?? m;
};

/** Whether the tag from `lt` to `gt` (its '<' and '>') ends a line of the text: a paragraph's end, a break, a tab, a property's end. */
function endsLine(xml: string, lt: number, gt: number): boolean {
  if (xml.charCodeAt(lt + 1) === 47 /* '/' */) return xml.startsWith('w:p>', lt + 2) || xml.startsWith('dc:', lt + 2) || xml.startsWith('cp:', lt + 2) || xml.startsWith('dcterms:', lt + 2);
  const length = gt - lt + 1;
  return (length === 7 && xml.startsWith('<w:br/>', lt)) || (length === 8 && xml.startsWith('<w:tab/>', lt));
}

/** The text between a part's tags, a line for each paragraph (and break, tab and property), its entities not yet decoded. */
function textBetweenTags(xml: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const lt = xml.indexOf('<', at);
    const gt = lt === -1 ? -1 : xml.indexOf('>', lt + 1);
    // No tag left (or one never closed, kept as text, as it is not a tag).
    if (gt === -1) {
      out += xml.slice(at);
      break;
    }
    if (lt > at) out += xml.slice(at, lt);
    // "<>" is no tag: kept as text.
    if (gt === lt + 1) out += '<>';
    else if (endsLine(xml, lt, gt)) out += '\n';
    at = gt + 1;
  }
  return out;
}

const decodeEntities = (text: string) => (text.includes('&') ? text.replace(/&(#x?[0-9a-f]+|\w+);/gi, decodeEntity) : text);

/**
 * A part's text: what lies between its tags, a line for each paragraph (and break, tab and
 * property), its entities decoded. One pass over the tags, by indexOf: a pack's body is 2.5 million
 * characters, which three regular-expression passes took twice as long over.
 */
export function xmlText(xml: string): string {
  return decodeEntities(textBetweenTags(xml));
}

/** Any byte of a multi-byte UTF-8 sequence, read one byte to a character. */
const BEYOND_ASCII = /[\x80-\xff]/;

/**
 * A part's text from its UTF-8 bytes, as `xmlText` reads the decoded part. Every tag, line end and
 * entity is ASCII, and no byte of a multi-byte character is, so the tags are found in the bytes
 * read one to a character (latin1, about a sixth of the time UTF-8 decoding takes for a pack's 2.5
 * MB body, whose apostrophes and bullets are not ASCII), and only the text between them, a fraction
 * of the part, is decoded as UTF-8. A byte-order mark is dropped, as TextDecoder drops it. (Bytes
 * that are not UTF-8 read alike but where a broken sequence is cut by a tag; the writer's are
 * always UTF-8.)
 */
export function partText(bytes: Uint8Array): string {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const between = textBetweenTags(Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.byteLength - bom).toString('latin1'));
  return decodeEntities(BEYOND_ASCII.test(between) ? Buffer.from(between, 'latin1').toString('utf8') : between);
}

/** The parts the gate reads: the body, headers and footers, notes, comments and the document properties. */
const READ_BACK = /^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$|^docProps\/(core|app|custom)\.xml$/;

/**
 * fflate's decoder for a deflated file in a zip, in Node's zlib rather than JavaScript: the body
 * of a pack (2.5 MB) is inflated in about 2 ms rather than 14. Its chunks are gathered and inflated
 * at the last; a file that does not inflate is reported to the file's handler, as fflate's own
 * decoder reports one.
 */
class ZlibInflate implements UnzipDecoder {
  static compression = 8;
  ondata: AsyncFlateStreamHandler = () => {};
  private chunks: Uint8Array[] = [];
  push(chunk: Uint8Array, final: boolean): void {
    // fflate may reuse the chunk's buffer: a copy is kept unless it is the only one.
    this.chunks.push(final && this.chunks.length === 0 ? chunk : chunk.slice());
    if (!final) return;
    let inflated: Uint8Array<ArrayBuffer>;
    try {
      inflated = new Uint8Array(inflateRawSync(this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks)));
    } catch (err) {
      this.ondata(Object.assign(new Error(`a file in the document does not inflate (${(err as Error).message})`), { code: 0 }) as FlateError, new Uint8Array(), true);
      return;
    }
    this.chunks = [];
    this.ondata(null, inflated, true);
  }
}

/** How many files a zip's central directory lists (its end record's count), or -1 where it has no end record. */
function entriesListed(bytes: Uint8Array): number {
  // The end record is 22 bytes, and a comment of up to 65,535 after it.
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 65535; at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06) return bytes[at + 10] | (bytes[at + 11] << 8);
  }
  return -1;
}

/** The parts the gate reads, unzipped; throws when the file is not a whole .docx. */
function unzipParts(bytes: Uint8Array): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const open = new Set<string>();
  let seen = 0;
  let failure: Error | null = null;
  const unzip = new Unzip();
  unzip.register(ZlibInflate);
  unzip.onfile = (file) => {
    seen += 1;
    if (!READ_BACK.test(file.name)) return;
    open.add(file.name);
    const chunks: Uint8Array[] = [];
    file.ondata = (err, data, final) => {
      if (err) {
        failure ??= err;
        return;
      }
      chunks.push(data);
      if (!final) return;
      files[file.name] = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      open.delete(file.name);
    };
    file.start();
  };
  unzip.push(bytes, true);
  if (failure) throw failure;
  // The stream reads the files one after another; a file cut off, or missing a part, is found by
  // the count its central directory gives: never a document checked in part.
  if (open.size > 0 || !files['word/document.xml'] || seen !== entriesListed(bytes)) throw new Error('The document could not be read back whole for the personal-data check.');
  return files;
}

export function docxParts(bytes: Uint8Array): DocumentPart[] {
  return Object.entries(unzipParts(bytes))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, data]) => ({
      part: name.startsWith('docProps/') ? 'document properties' : name.includes('header') ? 'page header' : name.includes('footer') ? 'page footer' : 'body',
      text: partText(data),
    }));
}
