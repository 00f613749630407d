import { Packer, type Document } from 'docx';

/** The document as .docx bytes; writing them to disk is main's job. */
export async function packDocx(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
