// How wide a label is drawn, so a chart can make room for it without a browser to measure text.
// Arial, Liberation Sans and Helvetica share these advance widths (thousandths of the font size).
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
];
const OTHER: Record<string, number> = { '–': 556, '—': 1000, '‘': 222, '’': 222, '“': 333, '”': 333, '…': 1000, '·': 278, 'é': 556, 'è': 556, 'ô': 556 };
/** Bold glyphs are wider by about this much on average; the estimate errs on the wide side. */
const BOLD = 1.1;

export function textWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    units += code >= 32 && code <= 126 ? ASCII_WIDTHS[code - 32] : (OTHER[ch] ?? 600);
  }
  return (units / 1000) * size * (bold ? BOLD : 1);
}

/**
 * Breaks a label into at most `maxLines` lines no wider than `width`, at spaces; the last line is
 * cut with an ellipsis if the words still do not fit (the full label is in the table and alt text).
 */
export function wrapText(text: string, width: number, size: number, maxLines: number, bold = false): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (!line || textWidth(next, size, bold) <= width) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`;
    lines.length = 0;
    lines.push(...kept);
  }
  return lines.map((l) => fit(l, width, size, bold));
}

/** The text, or as much of it as fits with an ellipsis. */
export function fit(text: string, width: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= width) return text;
  let cut = text;
  while (cut.length > 1 && textWidth(`${cut}…`, size, bold) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
