// Agenda and Terms of Reference, opened in LibreOffice: every page carries the marking top and
// bottom and "Page X of Y"; every item and section is there; drafts say so on every page.
import { hostname, userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { buildAgenda } from '../../templates/agenda/buildAgenda';
import { packDocx } from '../../templates/style/pack';
import { buildTermsOfReference } from '../../templates/tor/buildTermsOfReference';
import { agendaInput, torVersion } from './fixtures';
import { coreProperties, libreOfficeAvailable, listImages, renderDocx, squeeze } from './libreoffice';
import { TOR_SECTIONS } from '#shared/domain/tor';

function firstAndLastLines(page: string) {
  const lines = page.split('\n').map((l) => l.trim()).filter(Boolean);
  return { top: lines[0] ?? '', bottom: lines[lines.length - 1] ?? '' };
}

function expectFramed(pages: string[], marking: string, title: string, draft: boolean) {
  pages.forEach((page, i) => {
    const { top, bottom } = firstAndLastLines(page);
    expect(top, `page ${i + 1} top`).toContain(marking);
    expect(bottom, `page ${i + 1} bottom`).toContain(marking);
    expect(squeeze(page), `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
    expect(page, `page ${i + 1} header`).toContain(title);
    if (draft) expect(top, `page ${i + 1} draft`).toContain('DRAFT');
    else expect(page, `page ${i + 1} not draft`).not.toContain('DRAFT');
  });
}

describe.skipIf(!libreOfficeAvailable)('Word documents in LibreOffice', () => {
  it('agenda: a long draft agenda spans pages, each framed, every item present', async () => {
    const input = agendaInput(12, true);
    const bytes = await packDocx(buildAgenda(input));
    const { pages, imagesDir } = renderDocx('agenda-draft', bytes);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expectFramed(pages, 'OFFICIAL-SENSITIVE', 'Agenda', true);
    const all = squeeze(pages.join('\n'));
    for (const item of input.items) expect(all).toContain(item.title.slice(0, 40));
    expect(all).toContain('Wednesday 10 February 2027');
    expect(all).toContain('10:00 to 12:30');
    expect(all).toContain('Chris Chair');
    expect(all).toContain('Paper: Theme paper 3.docx');
    expect(all).toMatch(/For decision/);
    expect(listImages(imagesDir).length).toBe(pages.length);
  }, 200_000);

  it('agenda: an approved agenda has no DRAFT and shows its approval; the marking is configurable', async () => {
    const input = { ...agendaInput(2, false), marking: 'OFFICIAL' };
    const { pages } = renderDocx('agenda-approved', await packDocx(buildAgenda(input)));
    expectFramed(pages, 'OFFICIAL', 'Agenda', false);
    expect(pages.join('\n')).toContain('Approved by Chris Chair');
  }, 200_000);

  it('Terms of Reference: every section, the quorum rule and the review date', async () => {
    for (const status of ['approved', 'draft'] as const) {
      const { pages } = renderDocx(`tor-${status}`, await packDocx(buildTermsOfReference({ tor: torVersion(status), marking: 'OFFICIAL-SENSITIVE' })));
      expectFramed(pages, 'OFFICIAL-SENSITIVE', 'Terms of Reference', status === 'draft');
      const all = squeeze(pages.join('\n'));
      TOR_SECTIONS.forEach((s, i) => expect(all).toContain(`${i + 1}. ${s.heading}`));
      expect(all).toMatch(/Quorum: the chair or a nominated deputy, plus at least 5 members, of whom at least 2 are\s+Directors General/);
      expect(all).toContain('1 April 2027');
      expect(all).toContain('does not discuss individual cases');
      if (status === 'approved') expect(all).toContain('approved on 1 April 2026');
    }
  }, 300_000);
});

describe('document properties', () => {
  it('name the app, never the user or the computer', async () => {
    const core = coreProperties(await packDocx(buildAgenda(agendaInput(1, true))));
    expect(core).toContain('<dc:creator>Serious Case Panel app</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>Serious Case Panel app</cp:lastModifiedBy>');
    for (const who of [userInfo().username, hostname()]) if (who.length > 3) expect(core).not.toContain(who);
    expect(core).not.toContain('Un-named');
  });
});
