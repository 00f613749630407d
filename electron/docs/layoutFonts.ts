// The pack's table of contents is written with its page numbers, worked out by laying the pages
// out (docx/layout). Measured with the house font's own files the layout is both nearer to Word's
// and about three times quicker than with the library's built-in width tables. Arial where the
// machine has it, else Liberation Sans, which has Arial's widths by design; otherwise the tables.
// The house documents number no heading with a list (the minutes' item numbers are typed text), so
// the estimator is given without `listNumbers`: that reads the whole document once more only to
// find list numbers for the contents' entries (about a second of a full pack's layout), and finds none.
import { existsSync, readFileSync } from 'node:fs';
import type { PageNumberEstimator } from 'docx';
import { estimatePageNumbers, estimatePageNumbersWith } from 'docx/layout';
import { HOUSE_FONT_FAMILIES } from './houseFonts';

// Every face of a family with Arial's widths (Arial itself, or Liberation Sans), where all four are found.
const ARIAL_FILES = HOUSE_FONT_FAMILIES.filter((f) => f.arialWidths).flatMap((f) => f.places);

let chosen: { estimator: PageNumberEstimator; measuredWith: string } | undefined;

/** The estimator itself, without the list-number pass (see above). */
export function withoutListNumbers(estimator: PageNumberEstimator): PageNumberEstimator {
  return (body, context) => estimator(body, context);
}

/** The estimator to give a long document, made once; says which fonts it measures with. */
export function layoutEstimator(): { estimator: PageNumberEstimator; measuredWith: string } {
  if (chosen) return chosen;
  const files = ARIAL_FILES.find((set) => set.every((f) => existsSync(f)));
  if (files) {
    try {
      chosen = { estimator: withoutListNumbers(estimatePageNumbersWith({ fonts: files.map((f) => ({ data: readFileSync(f), name: 'Arial' })) })), measuredWith: files[0] };
      return chosen;
    } catch {
      // An unreadable font file: the built-in tables still give page numbers.
    }
  }
  chosen = { estimator: withoutListNumbers(estimatePageNumbers), measuredWith: 'built-in width tables' };
  return chosen;
}
