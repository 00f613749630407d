// Reads a packed .docx back into its text parts for the personal-data gate: the body, every
// header and footer, and the document properties (which the docx library fills in by default).
import { strFromU8, unzipSync } from 'fflate';
import type { DocumentPart } from '#shared/pii/gate';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlText(xml: string): string {
  return xml
    .replace(/<\/w:p>|<w:br\/>|<w:tab\/>|<\/(dc|cp|dcterms):[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) => {
      if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
      return ENTITIES[e] ?? m;
    });
}

export function docxParts(bytes: Uint8Array): DocumentPart[] {
  const files = unzipSync(bytes, { filter: (f) => /^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$|^docProps\/(core|app|custom)\.xml$/.test(f.name) });
  return Object.entries(files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, data]) => ({
      part: name.startsWith('docProps/') ? 'document properties' : name.includes('header') ? 'page header' : name.includes('footer') ? 'page footer' : 'body',
      text: xmlText(strFromU8(data)),
    }));
}
