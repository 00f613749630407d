import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gateFindings, type RestrictedValue } from './gate';

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

  it('finds a restricted value wherever it occurs, as a plain search would, however many values there are', () => {
    // Few letters, so values often share their first characters and occur inside one another.
    const text = fc.stringMatching(/^[ab ]{0,60}$/);
    const value = fc.stringMatching(/^[ab ]{1,8}$/);
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), fc.array(value, { maxLength: 20 }), (parts, values) => {
        const restricted: RestrictedValue[] = values.map((v, i) => ({ recordType: 'evidence', recordId: i, field: 'personName', value: v }));
        const found = gateFindings([], parts.map((t) => ({ part: 'body', text: t })), restricted).filter((f) => f.kind === 'restricted').map((f) => f.recordId);
        const whole = parts.map((t) => t.toLowerCase().replace(/\s+/g, ' ')).join('\n');
        const expected = restricted
          .filter((r) => {
            const v = r.value.trim().toLowerCase().replace(/\s+/g, ' ');
            return v.length >= 4 && whole.includes(v);
          })
          .map((r) => r.recordId);
        expect(found).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('checks 30,000 restricted values against a long document quickly enough for a pack', () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `Record ${i}: the claimant's letter went to an old address.`).join('\n');
    const restricted: RestrictedValue[] = Array.from({ length: 30_000 }, (_, i) => ({ recordType: 'evidence', recordId: i, field: 'personName', value: `Person ${i}` }));
    restricted.push({ recordType: 'evidence', recordId: 99_999, field: 'caseReference', value: 'Record 19999' });
    const f = gateFindings([], [{ part: 'body', text: body }], restricted);
    expect(f.filter((x) => x.kind === 'restricted').map((x) => x.recordId)).toEqual([99_999]);
  });
});

