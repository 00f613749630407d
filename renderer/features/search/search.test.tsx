import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../../tests/support/renderApp';
import type { Harness } from '../../../tests/support/harness';

let harness: Harness | null = null;
afterEach(async () => harness?.close());

describe('search screen', () => {
  it('finds evidence as you type and says how results are ranked when many match', async () => {
    const app = await renderApp({
      setup: async (h) => {
        await h.api.createEvidence({
          ref: 'C-1',
          title: 'Appointee letters sent to the claimant',
          summary: 'Letters went to the claimant, not the appointee.',
          receivedOn: '2026-10-02',
          region: '',
          tags: [],
          sensitivity: 'official',
          details: { type: 'complaint', serviceArea: 'Pension Credit', periodFrom: null, periodTo: null, complaintCount: 3 },
        });
      },
    });
    harness = app.harness;
    window.location.hash = '#/search';
    await app.user.type(await screen.findByLabelText('Search evidence and themes'), 'appointee');
    expect(await screen.findByRole('link', { name: /^C-1:/ })).toBeInTheDocument();
    expect(screen.getByText(/Best matches first\. When more than 5,000 records match, the best are chosen from the 5,000 added most recently\./)).toBeInTheDocument();
  });
});
