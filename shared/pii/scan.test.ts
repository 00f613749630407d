import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { hasPersonalData, maskMatch, PII_KIND_LABELS, PII_KINDS, scanForPersonalData, type PiiKind, type PiiMatch } from './scan';

const kindsAndTexts = (text: string) => scanForPersonalData(text).map((m) => [m.kind, m.text]);

/** The contract every scan result must honour, whatever the input. */
function expectWellFormed(input: string, matches: PiiMatch[]): void {
  let previousEnd = 0;
  for (const m of matches) {
    expect(PII_KINDS).toContain(m.kind);
    expect(m.start).toBeGreaterThanOrEqual(previousEnd);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(input.length);
    expect(m.text).toBe(input.slice(m.start, m.end));
    expect(m.masked).toBe(maskMatch(m.kind, m.text));
    if (m.text.length >= 4) expect(m.masked).not.toContain(m.text);
    previousEnd = m.end;
  }
}

describe('kinds and labels', () => {
  it('labels every kind once', () => {
    expect(new Set(PII_KINDS).size).toBe(5);
    expect(Object.keys(PII_KIND_LABELS).sort()).toEqual([...PII_KINDS].sort());
    expect(PII_KIND_LABELS['ni-number']).toBe('National Insurance number');
  });
});

const positives: [PiiKind, string, string][] = [
  ['ni-number', 'NI number QQ 12 34 56 C on file', 'QQ 12 34 56 C'],
  ['ni-number', 'QQ123456C', 'QQ123456C'],
  ['ni-number', 'ni: qq123456c.', 'qq123456c'],
  ['ni-number', 'AB 123456 D', 'AB 123456 D'],
  ['ni-number', '(JT123456A)', 'JT123456A'],
  ['ni-number', 'ref-QQ123456B-x', 'QQ123456B'],
  ['postcode', 'lives at SW1A 1AA.', 'SW1A 1AA'],
  ['postcode', 'sw1a1aa', 'sw1a1aa'],
  ['postcode', 'M1 1AE', 'M1 1AE'],
  ['postcode', 'B33 8TH', 'B33 8TH'],
  ['postcode', 'CR2 6XH', 'CR2 6XH'],
  ['postcode', 'DN55 1PT', 'DN55 1PT'],
  ['postcode', 'W1A 0AX', 'W1A 0AX'],
  ['postcode', 'EC1A 1BB', 'EC1A 1BB'],
  ['postcode', 'Santa: GIR 0AA', 'GIR 0AA'],
  ['postcode', 'ls1 4dy,', 'ls1 4dy'],
  ['phone', 'call 07700 900123 today', '07700 900123'],
  ['phone', '07700900123', '07700900123'],
  ['phone', '07700 900 123', '07700 900 123'],
  ['phone', 'tel: 020 7946 0000', '020 7946 0000'],
  ['phone', '(020) 7946 0000', '(020) 7946 0000'],
  ['phone', 'ring (0161 496 0000)', '0161 496 0000'],
  ['phone', '0161-496-0000', '0161-496-0000'],
  ['phone', '0113.496.0000', '0113.496.0000'],
  ['phone', '0800 123 4567', '0800 123 4567'],
  ['phone', '0800 123456', '0800 123456'],
  ['phone', '0345 600 0000', '0345 600 0000'],
  ['phone', '+44 7700 900123', '+44 7700 900123'],
  ['phone', '+447700900123', '+447700900123'],
  ['phone', '+44 (0)20 7946 0000', '+44 (0)20 7946 0000'],
  ['phone', '+44 (0) 20 7946 0000', '+44 (0) 20 7946 0000'],
  ['phone', '0044 161 496 0000', '0044 161 496 0000'],
  ['phone', '+44 20-7946-0000.', '+44 20-7946-0000'],
  ['email', 'write to name.surname@dwp.gov.uk.', 'name.surname@dwp.gov.uk'],
  ['email', 'a+b@example.co.uk', 'a+b@example.co.uk'],
  ['email', '"jo@example.com"', 'jo@example.com'],
  ['email', "'jo.x@example.com'", 'jo.x@example.com'],
  ['email', 'O\'Brien@Example.ORG', "O'Brien@Example.ORG"],
  ['email', '<first_last-1@sub.mail-host.example.com>', 'first_last-1@sub.mail-host.example.com'],
  ['email', 'sw1a1aa@example.com', 'sw1a1aa@example.com'],
  ['email', 'qq123456c@example.com', 'qq123456c@example.com'],
  ['date-of-birth', 'DOB: 12/03/1961', '12/03/1961'],
  ['date-of-birth', 'DOB 12-03-1961', '12-03-1961'],
  ['date-of-birth', 'DoB:12/03/1961', '12/03/1961'],
  ['date-of-birth', 'D.O.B. 12.03.61', '12.03.61'],
  ['date-of-birth', 'd.o.b 1961-03-12', '1961-03-12'],
  ['date-of-birth', 'DOB (12/03/1961)', '12/03/1961'],
  ['date-of-birth', 'Date of birth: 12 March 1961', '12 March 1961'],
  ['date-of-birth', 'date of birth is 12th March 1961', '12th March 1961'],
  ['date-of-birth', 'date-of-birth 1 Jan 1961', '1 Jan 1961'],
  ['date-of-birth', 'born on 12 March 1961', '12 March 1961'],
  ['date-of-birth', 'born on the 12th of March 1961', '12th of March 1961'],
  ['date-of-birth', 'Born: March 12, 1961', 'March 12, 1961'],
  ['date-of-birth', 'b. 12/03/1961', '12/03/1961'],
  ['date-of-birth', 'born in Leeds on 3 Sept 1961', '3 Sept 1961'],
  ['date-of-birth', 'Birth date 01/02/1961', '01/02/1961'],
  ['date-of-birth', 'DOB\n12/03/1961', '12/03/1961'],
  ['date-of-birth', 'DOB: 03/25/1961 (US order)', '03/25/1961'],
];

describe('finds each kind', () => {
  it.each(positives)('%s in %j', (kind, input, expected) => {
    const matches = scanForPersonalData(input);
    expect(matches.map((m) => [m.kind, m.text])).toEqual([[kind, expected]]);
    expect(matches[0].start).toBe(input.indexOf(expected));
    expect(hasPersonalData(input)).toBe(true);
  });
});

const negatives: [string, string][] = [
  ['panel summary', 'Between Q1 and Q3 2025-26, 14 complaints about Universal Credit advances; ref SCP-2026-27-Q3-R04; £12,345 arrears.'],
  ['reference numbers', 'SCP-2026-27-Q3-R04, PFD-2024-0155, 2024-0155, Q3, R04, FY2025-26'],
  ['dates without a birth cue', 'the report of 13/02/2024 and 2024-02-13, published 12 March 1961'],
  ['money and years', '£1,234,567 in 2024; £0.50; 2023 to 2024'],
  ['date then a count', 'on 01.02.2024 12 cases were closed'],
  ['office hours', 'open 0900-1700, 0930 - 1600'],
  ['too long a number', '0123456789012'],
  ['too short a number', '07700 900, 0161 496'],
  ['unused ranges', '04123 456789, 06123 456789'],
  ['a number inside a dotted or hyphenated run', 'version 1.02.0304.0567, ISBN 978-0-12-345678-9, claim 2024-01632-960001, part 01632.960001.12'],
  ['NI: invalid first letter', 'DA123456A FA123456A IA123456A QA123456A UA123456A VA123456A'],
  ['NI: invalid second letter', 'AD123456A AF123456A AI123456A AO123456A AQ123456A AU123456A AV123456A'],
  ['NI: unallocated prefixes', 'BG123456A GB123456A KN123456A NK123456A NT123456A TN123456A ZZ123456A'],
  ['NI: bad suffix or length', 'QQ123456E QQ12345C QQ1234567C QQ  12 34 56 C QQ-12-34-56-C'],
  ['NI: inside a longer token', 'XQQ123456C QQ123456CX 1QQ123456C QQ123456C1 éQQ123456C'],
  ['postcode: bad letters', 'QA1 1AA, VA1 1AA, XA1 1AA, AI1 1AA, AJ1 1AA, AZ1 1AA, A1 1CA, A1 1AO, MP3 4KB'],
  ['postcode: inside a longer token', 'SW1A1AAB XSW1A 1AA SW1A 1AA2'],
  ['postcode: ordinal in prose', 'Room B2 3rd floor; meet at A1 2nd gate'],
  ['ordinary words', 'The panel agreed the action log and the minutes of the meeting.'],
  ['e-mail look-alikes', 'name@localhost, @example.com, name@, name@.com, name@example.c, name.@example.com, a@b@c, not @ all'],
  ['birth cues too far away or cut off', 'born. The report of 13/02/2024; born and raised in the city of Leeds before 12/03/1961'],
  ['birth cue with no full date', 'born in 1961; DOB unknown; meeting 12/03/2024; DOB: 32/13/1961; DOB 12/03/196'],
  ['capital B. is not a birth cue', 'see Annex B. 12/03/2024 and Plan B. 12/03/2024'],
  ['a cue word inside a longer word', 'reborn 12/03/1961, DOBSON 12/03/1961'],
];

describe('ignores look-alikes', () => {
  it.each(negatives)('%s', (_label, input) => {
    expect(kindsAndTexts(input)).toEqual([]);
    expect(hasPersonalData(input)).toBe(false);
  });
});

describe('mixed text', () => {
  it('reports every item in order, with masks', () => {
    const text =
      'Claimant (DOB 04/07/1983, NI QQ 12 34 56 C) lives at 10 Downing Street, London SW1A 2AA; contact 07700 900123 or j.smith@example.co.uk. Case ref SCP-2026-27-Q3-R04.';
    expect(scanForPersonalData(text).map((m) => [m.kind, m.text, m.masked])).toEqual([
      ['date-of-birth', '04/07/1983', '••/••/1983'],
      ['ni-number', 'QQ 12 34 56 C', 'QQ •• •• •• C'],
      ['postcode', 'SW1A 2AA', 'SW1A •••'],
      ['phone', '07700 900123', '07••• •••123'],
      ['email', 'j.smith@example.co.uk', 'j•••@e•••.co.uk'],
    ]);
  });

  it('lets the more specific kind win where matches overlap, even when shorter', () => {
    expect(kindsAndTexts('mail sw1a1aa@x.gov.uk or 07700900123@example.com')).toEqual([
      ['email', 'sw1a1aa@x.gov.uk'],
      ['email', '07700900123@example.com'],
    ]);
    expect(kindsAndTexts('07700 900 123@x.co')).toEqual([['email', '123@x.co']]);
  });
});

describe('maskMatch', () => {
  it.each([
    ['ni-number', 'QQ 12 34 56 C', 'QQ •• •• •• C'],
    ['ni-number', 'qq123456c', 'qq••••••c'],
    ['postcode', 'SW1A 1AA', 'SW1A •••'],
    ['postcode', 'GIR0AA', 'GIR•••'],
    ['phone', '07700 900 123', '07••• ••• 123'],
    ['phone', '+44 (0)20 7946 0000', '+44 (•)•• •••• •000'],
    ['phone', '0044 161 496 0000', '0044 ••• ••• •000'],
    ['email', 'john@example.com', 'j•••@e•••.com'],
    ['email', 'name.surname@dwp.gov.uk', 'n•••@d•••.gov.uk'],
    ['date-of-birth', '12 03 1961', '•• •• 1961'],
    ['date-of-birth', '12th March 1961', '•••• ••••• 1961'],
    ['date-of-birth', '1961-03-12', '1961-••-••'],
    ['date-of-birth', '12.03.61', '••.••.61'],
  ] as [PiiKind, string, string][])('%s %j -> %j', (kind, text, masked) => {
    expect(maskMatch(kind, text)).toBe(masked);
  });

  it('never echoes text of the wrong kind or already masked', () => {
    for (const kind of PII_KINDS) {
      for (const text of ['••••', 'ABCDEFG', 'no digits here', '----', 'x@y']) {
        if (text.length >= 4) expect(maskMatch(kind, text)).not.toContain(text);
      }
    }
  });

  it('never contains the original for any kind and any text of 4+ characters', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PII_KINDS), fc.string({ unit: 'binary' }), (kind, text) => {
        if (text.length >= 4) expect(maskMatch(kind, text)).not.toContain(text);
      }),
    );
  });
});

// --- generators: valid values of each kind -------------------------------------------------

const SAFE_WORDS = ['the', 'panel', 'noted', 'that', 'case', 'review', 'and', 'claimant', 'Universal', 'Credit', 'advances', 'minutes', 'agreed', 'action', 'secretariat', '—', '(see', 'notes);'];
const chars = (alphabet: string) => fc.constantFrom(...alphabet);
const digit = chars('0123456789');
const digits = (n: number) => fc.string({ unit: digit, minLength: n, maxLength: n });
const withCase = (value: fc.Arbitrary<string>) => fc.tuple(value, fc.boolean()).map(([v, lower]) => (lower ? v.toLowerCase() : v));

const NI_FIRST = 'ABCEGHJKLMNOPRSTWXYZ';
const NI_SECOND = 'ABCEGHJKLMNPRSTWXYZ';
const NI_UNALLOCATED = ['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'];
const niPrefix = fc.oneof(
  fc.constant('QQ'),
  fc
    .tuple(chars(NI_FIRST), chars(NI_SECOND))
    .map(([a, b]) => a + b)
    .filter((p) => !NI_UNALLOCATED.includes(p)),
);
const niNumber = withCase(
  fc
    .tuple(niPrefix, digits(6), chars('ABCD'), fc.array(fc.constantFrom('', ' '), { minLength: 4, maxLength: 4 }))
    .map(([prefix, d, suffix, gaps]) => `${prefix}${gaps[0]}${d.slice(0, 2)}${gaps[1]}${d.slice(2, 4)}${gaps[2]}${d.slice(4)}${gaps[3]}${suffix}`),
);

const PC_FIRST = 'ABCDEFGHIJKLMNOPRSTUWYZ';
const PC_SECOND = 'ABCDEFGHKLMNOPQRSTUVWXY';
const outward = fc.oneof(
  fc.tuple(chars(PC_FIRST), digit),
  fc.tuple(chars(PC_FIRST), digit, digit),
  fc.tuple(chars(PC_FIRST), digit, chars('ABCDEFGHJKPSTUW')),
  fc.tuple(chars(PC_FIRST), chars(PC_SECOND), digit),
  fc.tuple(chars(PC_FIRST), chars(PC_SECOND), digit, digit),
  fc.tuple(chars(PC_FIRST), chars(PC_SECOND), digit, chars('ABEHMNPRVWXY')),
);
const inward = fc.tuple(digit, chars('ABDEFGHJLNPQRSTUWXYZ'), chars('ABDEFGHJLNPQRSTUWXYZ'));
const postcode = withCase(
  fc.oneof(
    fc.tuple(outward, inward, fc.constantFrom('', ' ')).map(([o, i, gap]) => o.join('') + gap + i.join('')),
    fc.constantFrom('GIR 0AA', 'GIR0AA'),
  ),
).filter((p) => !/\d(?:st|nd|rd|th)$/.test(p)); // lower-case ordinals are deliberately read as prose

const group = (d: string, sizes: number[], sep: string) => {
  const parts: string[] = [];
  let i = 0;
  for (const size of sizes) parts.push(d.slice(i, (i += size)));
  return parts.join(sep);
};
const NATIONAL_LAYOUTS: Record<number, number[][]> = { 10: [[10], [4, 6], [3, 3, 4], [5, 5], [4, 3, 3]], 11: [[11], [5, 6], [4, 3, 4], [3, 4, 4], [5, 3, 3], [4, 7]] };
const NSN_LAYOUTS: Record<number, number[][]> = { 9: [[9], [3, 6], [3, 3, 3], [4, 5]], 10: [[10], [4, 6], [2, 4, 4], [3, 3, 4]] };
const nationalDigits = fc.tuple(chars('1235789'), fc.oneof(digits(8), digits(9))).map(([area, rest]) => `0${area}${rest}`);
const separator = fc.constantFrom(' ', '-', '.');
const nationalPhone = fc
  .tuple(nationalDigits, fc.nat(), separator, fc.boolean())
  .map(([d, pick, sep, parens]) => {
    const layout = NATIONAL_LAYOUTS[d.length][pick % NATIONAL_LAYOUTS[d.length].length];
    const grouped = group(d, layout, sep);
    return parens && layout.length > 1 ? `(${d.slice(0, layout[0])})${sep === '.' ? ' ' : sep}${grouped.slice(layout[0] + 1)}` : grouped;
  });
const internationalPhone = fc
  .tuple(nationalDigits, fc.nat(), separator, fc.constantFrom('+44', '0044'), fc.constantFrom('', ' (0)', '(0)', ' 0'), fc.constantFrom('', ' '))
  .map(([d, pick, sep, country, trunk, gap]) => {
    const nsn = d.slice(1);
    return `${country}${trunk}${gap}${group(nsn, NSN_LAYOUTS[nsn.length][pick % NSN_LAYOUTS[nsn.length].length], sep)}`;
  });
const phone = fc.oneof(nationalPhone, internationalPhone);

const alnum = (min: number, max: number) => fc.string({ unit: chars('abcdefghijklmnopqrstuvwxyz0123456789'), minLength: min, maxLength: max });
const email = withCase(
  fc
    .tuple(
      fc.array(alnum(1, 8), { minLength: 1, maxLength: 3 }),
      fc.constantFrom('.', '_', '+', '-'),
      fc.array(alnum(1, 10), { minLength: 1, maxLength: 3 }),
      fc.string({ unit: chars('abcdefghijklmnopqrstuvwxyz'), minLength: 2, maxLength: 6 }),
    )
    .map(([local, joiner, labels, tld]) => `${local.join(joiner)}@${labels.join('.')}.${tld}`),
);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ordinal = (d: number) => (d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th');
const pad = (n: number) => String(n).padStart(2, '0');
const dateText = fc
  .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1920, max: 2010 }), fc.nat(7))
  .map(([d, m, y, format]) => {
    const month = MONTHS[m - 1];
    return [
      `${pad(d)}/${pad(m)}/${y}`,
      `${pad(d)}-${pad(m)}-${y}`,
      `${pad(d)}.${pad(m)}.${String(y).slice(2)}`,
      `${d} ${month} ${y}`,
      `${d}${ordinal(d)} ${month} ${y}`,
      `${month} ${d}, ${y}`,
      `${y}-${pad(m)}-${pad(d)}`,
      `${d} ${month.slice(0, 3)} ${y}`,
    ][format];
  });
const cue = withCase(fc.constantFrom('DOB', 'DOB:', 'DOB -', 'D.O.B.', 'Date of birth:', 'date of birth', 'Date-of-birth', 'Birth date:', 'born', 'Born on', 'born on the', 'birthday:'));
const dobPhrase = fc
  .tuple(fc.oneof(cue, fc.constant('b.')), fc.array(fc.constantFrom('recorded', 'as', 'in', 'Leeds'), { maxLength: 2 }), dateText)
  .map(([c, filler, date]) => ({ prefix: [c, ...filler].join(' ') + ' ', date }));

const words = fc.array(fc.constantFrom(...SAFE_WORDS), { maxLength: 6 });
function embed(before: string[], value: string, after: string[]) {
  const head = before.length ? `${before.join(' ')} ` : '';
  const tail = after.length ? ` ${after.join(' ')}` : '';
  return { text: head + value + tail, start: head.length, end: head.length + value.length };
}

describe('finds any valid value embedded in ordinary words', () => {
  const cases: [PiiKind, fc.Arbitrary<string>][] = [
    ['ni-number', niNumber],
    ['postcode', postcode],
    ['phone', phone],
    ['email', email],
  ];
  it.each(cases)('%s', (kind, value) => {
    fc.assert(
      fc.property(words, value, words, (before, v, after) => {
        const { text, start, end } = embed(before, v, after);
        const matches = scanForPersonalData(text);
        expect(matches.map((m) => ({ kind: m.kind, start: m.start, end: m.end, text: m.text }))).toEqual([{ kind, start, end, text: v }]);
        expect(matches[0].masked).not.toContain(v);
      }),
      { numRuns: 300 },
    );
  });

  it('date-of-birth, reporting the date only', () => {
    fc.assert(
      fc.property(words, dobPhrase, words, (before, { prefix, date }, after) => {
        const { text, start, end } = embed(before, prefix + date, after);
        const matches = scanForPersonalData(text);
        expect(matches.map((m) => [m.kind, m.start, m.end])).toEqual([['date-of-birth', start + prefix.length, end]]);
        expect(matches[0].masked).not.toContain(date);
      }),
      { numRuns: 300 },
    );
  });

  it('ignores the same dates without a birth cue', () => {
    fc.assert(
      fc.property(words, dateText, words, (before, date, after) => {
        expect(scanForPersonalData(embed(before, date, after).text)).toEqual([]);
      }),
    );
  });

  it('masks keep the shape: same length and separators for all but e-mail', () => {
    const shaped: [PiiKind, fc.Arbitrary<string>][] = [
      ['ni-number', niNumber],
      ['postcode', postcode],
      ['phone', phone],
      ['date-of-birth', dateText],
    ];
    for (const [kind, value] of shaped) {
      fc.assert(
        fc.property(value, (v) => {
          const masked = maskMatch(kind, v);
          expect(masked).toHaveLength(v.length);
          for (let i = 0; i < v.length; i++) if (!/[A-Za-z0-9]/.test(v[i])) expect(masked[i]).toBe(v[i]);
          expect(masked).toContain('•');
        }),
      );
    }
  });
});

describe('never misbehaves on arbitrary input', () => {
  it('any string, including lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (input) => {
        expectWellFormed(input, scanForPersonalData(input));
      }),
      { numRuns: 500 },
    );
  });

  it('soup of near-miss fragments', () => {
    const fragments = ['QQ', '12', ' ', '34', '56', 'C', 'SW1A', '1AA', '0', '07700', '900123', '+44', '(0)', '(', ')', '-', '.', '/', '@', 'a', 'x.co', 'DOB', 'born', 'b.', '12/03/1961', 'March', '1961', ',', 'é', '\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 40 }), (parts) => {
        const input = parts.join('');
        const matches = scanForPersonalData(input);
        expectWellFormed(input, matches);
        expect(hasPersonalData(input)).toBe(matches.length > 0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('stays linear on hostile input', () => {
  const MB = 1 << 20;
  const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  it.each(['0', '0 ', '07', '07-', '1 2 ', '+44 ', 'a', 'a@', 'a.', '@a.a', 'A1 1', 'QQ 12 34 56 ', 'DOB ', 'born on the ', '(0', '01.02.', 'March 12 ', 'x'.repeat(100) + '@'])(
    '1 MB of %j',
    (unit) => {
      const input = fill(unit);
      const started = performance.now();
      expect(() => scanForPersonalData(input)).not.toThrow();
      expect(performance.now() - started).toBeLessThan(2000);
    },
  );

  it('1 MB dense with real matches', () => {
    const input = fill('QQ 12 34 56 C, SW1A 1AA, 07700 900123, jo@example.com, DOB 12/03/1961; ');
    const started = performance.now();
    const matches = scanForPersonalData(input);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(new Set(matches.map((m) => m.kind))).toEqual(new Set(PII_KINDS));
  });
});
