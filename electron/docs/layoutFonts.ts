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
import { partByPartEstimator } from './partLayout';

// Every face of a family with Arial's widths (Arial itself, or Liberation Sans), where all four are found.
const ARIAL_FILES = HOUSE_FONT_FAMILIES.filter((f) => f.arialWidths).flatMap((f) => f.places);

export interface LayoutEstimator {
  /** laid out part by part, each part's layout remembered (partLayout.ts) */
  estimator: ReturnType<typeof partByPartEstimator>;
  /** the same measure, the whole document at once */
  whole: PageNumberEstimator;
  measuredWith: string;
}

let chosen: LayoutEstimator | undefined;

/** The estimator itself, without the list-number pass (see above). */
export function withoutListNumbers(estimator: PageNumberEstimator): PageNumberEstimator {
  return (body, context) => estimator(body, context);
}

/**
 * `SCP_LAYOUT_MEMORY=off` in the environment (read when the estimator is made) lays every part out
 * afresh each time: what the benchmark times as a pack whose every part changed.
 */
const chose = (whole: PageNumberEstimator, measuredWith: string): LayoutEstimator => ({
  estimator: partByPartEstimator(whole, { remember: process.env.SCP_LAYOUT_MEMORY !== 'off' }),
  whole,
  measuredWith,
});

/** The estimator to give a long document, made once (with its memory of parts); says which fonts it measures with. */
export function layoutEstimator(): LayoutEstimator {
  if (chosen) return chosen;
  const files = ARIAL_FILES.find((set) => set.every((f) => existsSync(f)));
  if (files) {
    try {
      chosen = chose(withoutListNumbers(estimatePageNumbersWith({ fonts: files.map((f) => ({ data: readFileSync(f), name: 'Arial' })) })), files[0]);
      return chosen;
    } catch {
      // An unreadable font file: the built-in tables still give page numbers.
    }
  }
  chosen = chose(withoutListNumbers(estimatePageNumbers), 'built-in width tables');
  return chosen;
}
