import { describe, expect, it } from 'vitest';
import { gateFindings } from './gate';

describe('personal-data gate', () => {
  it('attributes a match to the record and field it came from, and reports it once', () => {
    const f = gateFindings(
      [
        { recordType: 'agenda_item', recordId: 7, field: 'title', text: 'Theme: lost contact (ref QQ 12 34 56 C)' },
        { recordType: 'agenda_item', recordId: 8, field: 'title', text: 'Any other business' },
      ],
      [{ part: 'body', text: 'Theme: lost contact (ref QQ 12 34 56 C)\nAny other business' }],
      [],
    );
    expect(f).toEqual([{ kind: 'ni-number', masked: 'QQ •• •• •• C', recordType: 'agenda_item', recordId: 7, field: 'title' }]);
  });

  it('reports what no source explains against the part of the file it is in', () => {
    const f = gateFindings([], [{ part: 'document properties', text: 'creator: jo.bloggs@example.com' }], []);
    expect(f).toMatchObject([{ kind: 'email', recordType: 'document', recordId: null, field: 'document properties' }]);
    expect(JSON.stringify(f)).not.toContain('jo.bloggs@example.com');
  });

  it('finds a restricted value verbatim, whatever its case and spacing, and masks it', () => {
    const f = gateFindings([], [{ part: 'body', text: 'We discussed the case of  alex   TESTPERSON at length.' }], [
      { recordType: 'evidence', recordId: 3, field: 'personName', value: 'Alex Testperson' },
      { recordType: 'evidence', recordId: 4, field: 'personName', value: 'REDACTED' },
      { recordType: 'evidence', recordId: 5, field: 'personName', value: 'Al' },
      { recordType: 'evidence', recordId: 6, field: 'personName', value: 'Sam Other' },
    ]);
    expect(f).toEqual([{ kind: 'restricted', masked: 'A••• T••••••', recordType: 'evidence', recordId: 3, field: 'personName' }]);
  });

  it('passes a clean document', () => {
    expect(gateFindings([{ recordType: 'tor_section', recordId: 1, field: 'body', text: 'The panel meets quarterly; papers are due ten working days before.' }], [{ part: 'body', text: 'SCP-2026-27-Q3-R04, 2026-27 Q3, £12,345' }], [])).toEqual([]);
  });
});
