// Reads a packed .docx back into its text parts for the personal-data gate: the body, every
// header and footer, and the document properties (which the docx library fills in by default).
import { crc32, inflateRawSync } from 'node:zlib';
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
 * of a pack (2.5 MB) is inflated in about 2 ms rather than 14. Its chunks (views of the bytes
 * given, which fflate does not reuse) are gathered and inflated at the last; a file that does not
 * inflate is reported to the file's handler, as fflate's own decoder reports one.
 */
class ZlibInflate implements UnzipDecoder {
  static compression = 8;
  ondata: AsyncFlateStreamHandler = () => {};
  private chunks: Uint8Array[] = [];
  push(chunk: Uint8Array, final: boolean): void {
    if (chunk.length > 0) this.chunks.push(chunk);
    if (!final) return;
    let inflated: Buffer;
    try {
      inflated = inflateRawSync(this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks));
    } catch (err) {
      this.ondata(Object.assign(new Error(`a file in it does not inflate (${(err as Error).message})`), { code: 0 }) as FlateError, new Uint8Array(), true);
      return;
    }
    this.chunks = [];
    // A view of zlib's own bytes (always an ArrayBuffer: zlib makes no shared memory), not a copy.
    this.ondata(null, new Uint8Array(inflated.buffer as ArrayBuffer, inflated.byteOffset, inflated.length), true);
  }
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

/** A file as a zip's central directory lists it: how it is stored (8 deflated, 0 stored), its CRC-32 and size. */
export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  size: number;
}

/** What a zip's central directory lists, in its order. Null where there is no whole directory (a file cut off, or not a zip). */
export function zipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  // The end record is 22 bytes, and a comment of up to 65,535 after it.
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 65535; at--) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(bytes, end + 10);
  const listed: ZipEntry[] = [];
  let at = u32(bytes, end + 16);
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(bytes, at) !== 0x02014b50) return null;
    const nameLength = u16(bytes, at + 28);
    if (at + 46 + nameLength > end) return null;
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, nameLength).toString('utf8');
    listed.push({ name, method: u16(bytes, at + 10), crc: u32(bytes, at + 16), size: u32(bytes, at + 24) });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return listed;
}

/** Why a document cannot be checked: said as the export shows it. */
const unreadable = (why: string) => new Error(`The document could not be read back whole for the personal-data check (${why}); nothing was written.`);

/**
 * The parts the gate reads, unzipped; throws when the file is not a whole .docx. The stream reads
 * the files one after another by their own headers, so each part read is then held to what the
 * central directory lists for it (its size and CRC-32), and every file listed must have been
 * seen: a file cut off, damaged or missing a part is refused, never checked in part.
 */
function unzipParts(bytes: Uint8Array): Record<string, Uint8Array> {
  const directory = zipDirectory(bytes);
  if (!directory) throw unreadable('it is cut off, or not a Word file');
  const listed = new Map(directory.map((entry) => [entry.name, entry]));
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
  try {
    unzip.push(bytes, true);
  } catch (err) {
    throw unreadable((err as Error).message);
  }
  if (failure) throw unreadable((failure as Error).message);
  if (open.size > 0 || seen !== listed.size) throw unreadable('a file in it is cut off or missing');
  const body = files['word/document.xml'];
  if (!body || body.length === 0) throw unreadable('it has no body');
  for (const [name, data] of Object.entries(files)) {
    const entry = listed.get(name);
    if (!entry || entry.size !== data.length || entry.crc !== crc32(data)) throw unreadable(`${name} is damaged`);
  }
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
