import { describe, expect, it } from 'vitest';
import { isAllowedExternal } from './links';

describe('external links', () => {
  it('allows e-mail and https to gov.uk and the judiciary only', () => {
    for (const ok of ['mailto:scp.secretariat@dwp.gov.uk', 'https://www.gov.uk/bank-holidays.json', 'https://www.judiciary.uk/prevention-of-future-death-reports/x/', 'https://judiciary.uk/a']) expect(isAllowedExternal(ok), ok).toBe(true);
    for (const bad of [
      'http://www.gov.uk/',
      'https://gov.uk.evil.example/',
      'https://evilgov.uk/',
      'https://www.judiciary.uk.example.com/',
      'https://user:pw@www.gov.uk/',
      'https://www.gov.uk:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id',
      'not a url',
      '',
    ])
      expect(isAllowedExternal(bad), bad).toBe(false);
  });
});
