import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EvidenceInput } from '#shared/domain/evidence';
import { renderApp } from '../../../tests/support/renderApp';
import { ok, type Harness } from '../../../tests/support/harness';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  localStorage.clear();
});

const complaint = (ref: string, title: string, receivedOn: string): EvidenceInput => ({
  ref,
  title,
  summary: `${title}.`,
  receivedOn,
  region: 'Wales',
  tags: ['callback'],
  sensitivity: 'official',
  details: { type: 'complaint', serviceArea: 'Universal Credit', periodFrom: null, periodTo: null, complaintCount: 3 },
});

describe('evidence screens', () => {
  it('adds an Internal Process Review, flags personal data as it is typed, and keeps the name restricted', async () => {
    const app = await renderApp({ hash: '#/evidence/new' });
    harness = app.harness;
    await app.user.click(await screen.findByRole('button', { name: 'Internal Process Review' }));
    await app.user.type(screen.getByLabelText('Reference'), 'IPR-2026-001');
    await app.user.type(screen.getByLabelText(/^Title/), 'Payment stopped after lost contact');
    const summary = screen.getByLabelText(/Panel-facing summary/);
    await app.user.type(summary, 'Claimant QQ 12 34 56 C lost contact.');
    expect(await screen.findByText(/seems to contain personal data/)).toBeInTheDocument();
    expect(screen.getByText('QQ •• •• •• C')).toBeInTheDocument();
    await app.user.clear(summary);
    await app.user.type(summary, 'Contact was lost and payment stopped without a safeguarding check.');
    await waitFor(() => expect(screen.queryByText(/seems to contain personal data/)).not.toBeInTheDocument());
    await app.user.type(screen.getByLabelText('Claimant’s name'), 'Alex Testperson');
    await app.user.click(screen.getByLabelText(/Concerns suicide or self-harm/));
    await app.user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('heading', { level: 1, name: /IPR-2026-001: Payment stopped after lost contact/ })).toBeInTheDocument();
    expect(screen.queryByText('Alex Testperson')).not.toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Show restricted fields' }));
    expect(await screen.findByText('Alex Testperson')).toBeInTheDocument();
    const saved = await app.harness.api.listEvidence({});
    expect(saved.ok && saved.value.rows.map((r) => r.ref)).toEqual(['IPR-2026-001']);
  });

  it('refuses a form with errors, tying each message to its field, and saves nothing', async () => {
    const app = await renderApp({ hash: '#/evidence/new' });
    harness = app.harness;
    await app.user.click(await screen.findByRole('button', { name: /Coroner’s report/ }));
    await app.user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByLabelText('Reference')).toHaveAccessibleDescription(/Reference is required/);
    expect(screen.getByLabelText('Date of report')).toHaveAccessibleDescription(/Date of report is required/);
    const r = await app.harness.api.listEvidence({});
    expect(r.ok && r.value.total).toBe(0);
  });

  it('filters the register, selects records and links them to a theme', async () => {
    const app = await renderApp({
      hash: '#/evidence',
      setup: async (h) => {
        await h.api.createEvidence(complaint('C-1', 'Callbacks not made', '2026-05-01'));
        await h.api.createEvidence(complaint('C-2', 'Callbacks promised and missed', '2026-06-01'));
        await h.api.createEvidence({ ...complaint('F-1', 'Appointee not recorded', '2026-07-01'), tags: ['appointee'], details: { type: 'frontline', fromWhom: 'Work coaches', channel: 'Survey' } });
        await h.api.createTheme({ title: 'Complaints not called back', description: '', status: 'emerging', tags: [] });
      },
    });
    harness = app.harness;
    expect(await screen.findByText('3 records')).toBeInTheDocument();
    await app.user.selectOptions(screen.getByLabelText('Source'), 'Frontline feedback');
    expect(await screen.findByText('1 record match the filters')).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await app.user.type(screen.getByLabelText('Search'), 'callback');
    expect(await screen.findByText('2 records match the filters')).toBeInTheDocument();
    await app.user.click(screen.getByLabelText('Select C-1'));
    await app.user.click(screen.getByLabelText('Select C-2'));
    const bar = screen.getByRole('region', { name: 'Selected records' });
    await app.user.selectOptions(within(bar).getByLabelText('Link to theme'), 'Complaints not called back');
    await app.user.click(within(bar).getByRole('button', { name: 'Link 2' }));
    expect(await screen.findByText('2 linked to “Complaints not called back”.')).toBeInTheDocument();
    const t = await app.harness.api.listThemes({});
    expect(t.ok && t.value[0].evidenceCount).toBe(2);
  });

  it('lists coroners’ reports addressed to DWP with the overdue first', async () => {
    const pfd = (ref: string, reportDate: string): EvidenceInput => ({
      ref: `PFD ${ref}`,
      title: `Report ${ref}`,
      summary: '',
      receivedOn: reportDate,
      region: '',
      sensitivity: 'official',
      details: { type: 'pfd', coronerRef: ref, reportDate, coronerName: '', coronerArea: 'Avon', category: '', addressees: ['DWP'], addressedToDwp: true, circumstances: '', concerns: '', reportUrl: '' },
    });
    const app = await renderApp({
      hash: '#/coroners',
      setup: async (h) => {
        await h.api.createEvidence(pfd('2026-0002', '2026-11-01'));
        await h.api.createEvidence(pfd('2026-0001', '2026-08-01'));
      },
    });
    harness = app.harness;
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual(['2026-0001', '2026-0002']);
    expect(within(rows[0]).getByText('Overdue')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Awaiting response')).toBeInTheDocument();
    expect(screen.getByText('Showing 2 of 2 reports')).toHaveRole('status');
    expect(screen.queryByRole('button', { name: /more$/ })).not.toBeInTheDocument();
  });

  it('reads the coroners’ reports a page at a time, most urgent first, with the counts of all of them', async () => {
    const pfd = (i: number, reportDate: string): EvidenceInput => ({
      ref: `PFD ${i}`,
      title: `Report ${i}`,
      summary: '',
      receivedOn: reportDate,
      region: '',
      sensitivity: 'official',
      details: { type: 'pfd', coronerRef: `C-${String(i).padStart(4, '0')}`, reportDate, coronerName: '', coronerArea: 'Avon', category: '', addressees: ['DWP'], addressedToDwp: true, circumstances: '', concerns: '', reportUrl: '' },
    });
    const app = await renderApp({
      hash: '#/coroners',
      setup: async (h) => {
        // 1,040 overdue (reported before 28 September) and 3 due within 14 days, which come first among the rest.
        const at = (i: number) => new Date(Date.UTC(2023, 0, 1) + (i % 600) * 86_400_000).toISOString().slice(0, 10);
        for (let i = 1; i <= 1040; i++) ok(await h.api.createEvidence(pfd(i, at(i))));
        for (const [i, d] of [[2001, '2026-10-01'], [2002, '2026-10-05'], [2003, '2026-11-20']] as const) ok(await h.api.createEvidence(pfd(i, d)));
      },
    });
    harness = app.harness;
    const table = await screen.findByRole('table');
    const summary = screen.getByRole('list', { name: 'Summary' });
    expect(summary).toHaveTextContent('1,040 overdue');
    expect(summary).toHaveTextContent('2 due within 14 days');
    expect(within(table).getAllByRole('row')).toHaveLength(101);
    expect(screen.getByText('Showing 100 of 1,043 reports')).toHaveRole('status');
    const more = screen.getByRole('button', { name: 'Show 100 more' });
    // The button is a keyboard control like any other, and keeps the focus while the page loads.
    more.focus();
    await app.user.keyboard('{Enter}');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(201));
    expect(screen.getByText('Showing 200 of 1,043 reports')).toHaveRole('status');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show 100 more' }));
    // The most overdue first: the oldest reports lead.
    const refs = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[0].textContent);
    expect(refs[0]).toBe('C-0600');
    expect(new Set(refs).size).toBe(200);
  }, 60_000);

  it('imports a CSV of complaint themes through mapping, validation report and an all-or-nothing import', async () => {
    const app = await renderApp({ hash: '#/evidence/import' });
    harness = app.harness;
    await app.user.click(await screen.findByLabelText(/Any type of evidence/));
    await app.user.selectOptions(screen.getByLabelText('Type of evidence in the file'), 'Complaint theme');
    const bad = new File(['Reference,Subject,Date,Count\nCMP-1,Callbacks not made,13/02/2026,12\nCMP-2,Letters unread,31/02/2026,x\n'], 'complaints.csv', { type: 'text/csv' });
    await app.user.upload(screen.getByLabelText('CSV file'), bad);
    await app.user.click(screen.getByRole('button', { name: 'Read the file' }));
    expect(await screen.findByText(/2 rows read/)).toHaveTextContent('1 ready, 2 problems');
    expect(screen.getByLabelText('Reference (required)')).toHaveDisplayValue('Reference');
    expect(screen.getByLabelText('Title (required)')).toHaveDisplayValue('Subject');
    expect(screen.getByRole('button', { name: 'Import 1 record' })).toBeDisabled();
    expect(screen.getByText(/“31\/02\/2026” is not a date/)).toBeInTheDocument();
    // Unmapping the bad number column leaves one problem; the import stays refused.
    await app.user.selectOptions(screen.getByLabelText('Number of complaints'), 'Not imported');
    await app.user.click(screen.getByRole('button', { name: 'Check again with this mapping' }));
    await waitFor(() => expect(screen.getByText(/rows read/)).toHaveTextContent('1 ready, 1 problem'));
    const r = await app.harness.api.listEvidence({});
    expect(r.ok && r.value.total).toBe(0);

    await app.user.click(screen.getByRole('button', { name: 'Start again' }));
    const good = new File(['Reference,Subject,Date,Count\nCMP-1,Callbacks not made,13/02/2026,12\nCMP-2,Letters unread,3 March 2026,4\n'], 'complaints.csv', { type: 'text/csv' });
    await app.user.upload(screen.getByLabelText('CSV file'), good);
    await app.user.click(screen.getByRole('button', { name: 'Read the file' }));
    await app.user.click(await screen.findByRole('button', { name: 'Import 2 records' }));
    expect(await screen.findByRole('heading', { name: 'Imported 2 records' }, { timeout: 5000 })).toBeInTheDocument();
    const after = await app.harness.api.listEvidence({ sort: 'ref', desc: false });
    expect(after.ok && after.value.rows.map((x) => [x.ref, x.receivedOn])).toEqual([
      ['CMP-1', '2026-02-13'],
      ['CMP-2', '2026-03-03'],
    ]);
  });
});
