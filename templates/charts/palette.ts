// Chart colours: each bar colour stands at least 3:1 against the white page (WCAG 1.4.11, graphics)
// and chart text at least 4.5:1; stacked parts are parted by a white edge, and every bar carries
// its number in words, so colour is never the only way to tell one from another.
import { COLOUR } from '../style/theme';

export const CHART_COLOUR = {
  /** a simple bar */
  bar: COLOUR.accent,
  /** the overdue part of a bar */
  overdue: COLOUR.draft,
  /** the part that is open and not overdue: lighter than the bar colour, still 3:1 on white */
  open: '5B8DC2',
} as const;

function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two "RRGGBB" colours, from 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
