// The frame every house document carries on every page, as LibreOffice lays it out: the marking
// top and bottom, "Page X of Y", the title in the header, and DRAFT top and bottom while a draft.
import { expect } from 'vitest';
import { squeeze } from './libreoffice';

function firstAndLastLines(page: string) {
  const lines = page.split('\n').map((l) => l.trim()).filter(Boolean);
  return { top: lines[0] ?? '', bottom: lines[lines.length - 1] ?? '' };
}

export function expectFramed(pages: string[], marking: string, title: string, draft: boolean) {
  pages.forEach((page, i) => {
    const { top, bottom } = firstAndLastLines(page);
    expect(top, `page ${i + 1} top`).toContain(marking);
    expect(bottom, `page ${i + 1} bottom`).toContain(marking);
    expect(squeeze(page), `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
    expect(page, `page ${i + 1} header`).toContain(title);
    if (draft) {
      expect(top, `page ${i + 1} draft top`).toContain('DRAFT');
      expect(bottom, `page ${i + 1} draft bottom`).toContain('DRAFT');
    } else expect(page, `page ${i + 1} not draft`).not.toContain('DRAFT');
  });
}
