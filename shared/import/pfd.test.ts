import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDwpAddressee, parseLooseDate, parsePfdCsv, redactName, splitAddressees } from './pfd';

describe('parseLooseDate', () => {
  it.each([
    ['13/02/2024', '2024-02-13'],
    ['3 December 2021', '2021-12-03'],
    ['3rd Dec 2021', '2021-12-03'],
    ['2024-02-13', '2024-02-13'],
    ['13.02.2024', '2024-02-13'],
    ['13-02-2024', '2024-02-13'],
    ['13/2/24', '2024-02-13'],
    ['17th of November 2022', '2022-11-17'],
    ['29/02/2024', '2024-02-29'],
    // Seen in the tracker export:
    ['08 /03/2024', '2024-03-08'], // space before the slash (rows 6, 74, 79)
    ['03/11 /2022', '2022-11-03'], // row 766
    ['01/07/22', '2022-07-01'], // two-digit years (30 rows, 917-964)
    ['17\u00a0 November 2017', '2017-11-17'], // non-breaking space (rows 2821, 3291, 3397, 3585, 4388)
    ['14 December\u00a0 2016', '2016-12-14'],
    ['15 August2016', '2016-08-15'], // no space before the year (row 3651)
    ['7 october 2014', '2014-10-07'], // lower-case month (rows 4235, 4277)
    ['2 Decembe 2015', '2015-12-02'], // truncated month (row 4891)
    ['  21/03/2024  ', '2024-03-21'],
  ])('%j → %s', (input, iso) => {
    expect(parseLooseDate(input)).toBe(iso);
  });

  it.each([
    '31/02/2024',
    '29/02/2023',
    '00/01/2024',
    '13/13/2024',
    '2024-02-30',
    '04/102013', // row 4758: a slash lost; ambiguous enough to refuse
    '3 Ma 2021', // 'Ma' could be March or May
    '3 Smarch 2021',
    '',
    'n/a',
    '13/02',
    '2024',
    'December 3, 2021', // American order is not used by coroners here
  ])('rejects %j', (input) => {
    expect(parseLooseDate(input)).toBeNull();
  });

  it('never throws on non-strings', () => {
    expect(parseLooseDate(undefined as unknown as string)).toBeNull();
    expect(parseLooseDate(20240213 as unknown as string)).toBeNull();
  });

  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const pad = (n: number) => String(n).padStart(2, '0');
  const ordinal = (d: number) => `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'}`;
  const formats: Record<string, (y: number, m: number, d: number) => string> = {
    'dd/mm/yyyy': (y, m, d) => `${pad(d)}/${pad(m)}/${y}`,
    'd/m/yyyy': (y, m, d) => `${d}/${m}/${y}`,
    'dd.mm.yyyy': (y, m, d) => `${pad(d)}.${pad(m)}.${y}`,
    'dd-mm-yyyy': (y, m, d) => `${pad(d)}-${pad(m)}-${y}`,
    'yyyy-mm-dd': (y, m, d) => `${y}-${pad(m)}-${pad(d)}`,
    'd Month yyyy': (y, m, d) => `${d} ${MONTHS[m - 1]} ${y}`,
    'dth Mon yyyy': (y, m, d) => `${ordinal(d)} ${MONTHS[m - 1].slice(0, 3)} ${y}`,
    'd MONTH yyyy': (y, m, d) => `${d} ${MONTHS[m - 1].toUpperCase()} ${y}`,
  };

  it('round-trips any valid date written in each supported format', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...Object.keys(formats)),
        (date, format) => {
          const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
          expect(parseLooseDate(formats[format](y, m, d))).toBe(date.toISOString().slice(0, 10));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('round-trips two-digit years this century', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        expect(parseLooseDate(`${d}/${m}/${pad(y % 100)}`)).toBe(date.toISOString().slice(0, 10));
      }),
    );
  });
});

describe('splitAddressees', () => {
  it.each<[string, string[]]>([
    ['NHS England', ['NHS England']],
    ['', []],
    ['   ', []],
    // Pipes and semicolons are the export's list separators; 'and' inside them is part of a name.
    ['Stockport Metropolitan Borough Council | Stockport Homes', ['Stockport Metropolitan Borough Council', 'Stockport Homes']],
    ['G4S | West Midlands Police |Swansea Bay University Health Board', ['G4S', 'West Midlands Police', 'Swansea Bay University Health Board']],
    ['NHS England; NHS Digital', ['NHS England', 'NHS Digital']],
    ['Pennine Acute Hospitals NHS Trust;', ['Pennine Acute Hospitals NHS Trust']],
    ['Metropolitan Police; London Ambulance Service NHS Trust; The Department for Work and Pensions', ['Metropolitan Police', 'London Ambulance Service NHS Trust', 'The Department for Work and Pensions']],
    ['CQC; Lancs & Cumbria Lifts UK Ltd; HSE, Department for Works and Pensions', ['CQC', 'Lancs & Cumbria Lifts UK Ltd', 'HSE', 'Department for Works and Pensions']],
    ['George Eliot Hospital NHS Trust, Nuneaton, Warwickshire | The Royal College of Midwives', ['George Eliot Hospital NHS Trust, Nuneaton, Warwickshire', 'The Royal College of Midwives']],
    // Names containing 'and' stay whole.
    ['Department for Work and Pensions', ['Department for Work and Pensions']],
    ['Secretary of State for Health and Social Care', ['Secretary of State for Health and Social Care']],
    ['HM Prison and Probation Service', ['HM Prison and Probation Service']],
    ['Kent and Medway NHS and Social Care Partnership Trust', ['Kent and Medway NHS and Social Care Partnership Trust']],
    ['Police and Crime Commissioner', ['Police and Crime Commissioner']],
    ['Barking, Havering and Redbridge University Hospitals NHS Trust', ['Barking, Havering and Redbridge University Hospitals NHS Trust']],
    ['Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust', ['Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust']],
    ['Secretary of State for Housing, Communities and Local Government', ['Secretary of State for Housing, Communities and Local Government']],
    ['Pelham House, West Sussex', ['Pelham House, West Sussex']],
    // 'and' between two addressees splits.
    ['Department for Work and Pensions and Health and Safety Executive', ['Department for Work and Pensions', 'Health and Safety Executive']],
    ['Royal Berkshire NHS Foundation Trust and Department of Health and Social Care', ['Royal Berkshire NHS Foundation Trust', 'Department of Health and Social Care']],
    ['The Department of Work and Pensions and Capita Business Services Ltd', ['The Department of Work and Pensions', 'Capita Business Services Ltd']],
    ['Cygnet Health Care and NHS England', ['Cygnet Health Care', 'NHS England']],
    ['Secretary of State for Health, Manchester Health and Social Care Partnership and the Uplands Medical Practice', ['Secretary of State for Health', 'Manchester Health and Social Care Partnership', 'the Uplands Medical Practice']],
    ['Betsi Cadwaladr University Health Board (BCUHB), Welsh Ambulance Service Trust (WAST) and North Wales Local Authorities', ['Betsi Cadwaladr University Health Board (BCUHB)', 'Welsh Ambulance Service Trust (WAST)', 'North Wales Local Authorities']],
    ['Betfair, Gambling Commission and Department for Culture, Media and Sport', ['Betfair, Gambling Commission', 'Department for Culture, Media and Sport']],
    [
      'Minister of State for Disabled People, Health and Work and Minister of State for Business, Energy and Industrial Strategy',
      ['Minister of State for Disabled People, Health and Work', 'Minister of State for Business, Energy and Industrial Strategy'],
    ],
    ['Kent & Medway Social Care Partnership Trust, Maidstone & Tunbridge Wells NHS Foundation Trust and Secretary of State for Work and Pensions', ['Kent & Medway Social Care Partnership Trust', 'Maidstone & Tunbridge Wells NHS Foundation Trust', 'Secretary of State for Work and Pensions']],
    // Oxford comma, trailing full stop, doubled spaces.
    ['Department For Transport, West Midlands Combined Authority, and Collaborative Mobility UK', ['Department For Transport', 'West Midlands Combined Authority', 'Collaborative Mobility UK']],
    ['Bloomfield Medical Centre,  Blackpool Teaching Hospitals NHS Foundation Trust and North West Ambulance Service.', ['Bloomfield Medical Centre', 'Blackpool Teaching Hospitals NHS Foundation Trust', 'North West Ambulance Service']],
    // Line breaks: wrapping from the PDF (row 257) …
    ['Department of Health and Social Care | National Institute for Health and Care \nExcellence', ['Department of Health and Social Care', 'National Institute for Health and Care Excellence']],
    // … or one addressee per line (row 144).
    ['Rt Hon Victoria Atkins, Secretary of State for Health and Social Care\n[REDACTED], Chief Executive NHS England', ['Rt Hon Victoria Atkins, Secretary of State for Health and Social Care', '[REDACTED], Chief Executive NHS England']],
  ])('%j', (input, expected) => {
    expect(splitAddressees(input)).toEqual(expected);
  });

  it('never throws and returns only trimmed, non-empty names', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', ',', ';', '|', '\n', 'and', ' and ', 'Trust', 'NHS', 'The ', '[', '&') }), (s) => {
        for (const a of splitAddressees(s)) {
          expect(a).toBe(a.trim());
          expect(a.length).toBeGreaterThan(0);
        }
      }),
    );
    expect(splitAddressees(null as unknown as string)).toEqual([]);
  });
});

describe('isDwpAddressee', () => {
  it.each([
    'Department for Work and Pensions',
    'Department of Work and Pensions',
    'Department for Work & Pensions',
    'Department for Works and Pensions', // row 2395
    'The Department for Work and Pensions',
    'DWP',
    'D.W.P.',
    'dwp',
    'The Secretary of State for Work and Pensions',
    'Secretary of State for Work & Pensions',
    'Minister for Employment, Department for Work and Pensions',
    'Minister of State for Disabled People, Health and Work', // a DWP minister (rows 695, 3046)
    'Minister for Pensions',
    'Jobcentre Plus',
    '  department   FOR work\u00a0and   pensions ',
    'Department for Work and Pensions and Health and Safety Executive',
    'CQC; HSE, Department for Works and Pensions',
  ])('%j is DWP', (s) => {
    expect(isDwpAddressee(s)).toBe(true);
  });

  it.each([
    'Department for Work',
    'Department of Health',
    'Department of Health and Social Care',
    'Work and Health Programme',
    'DWPX',
    'Health and Safety Executive',
    'Pluss Work Choice',
    'Capita Business Services Ltd',
    'Work and Pensions Committee',
    'Minister for Care and Mental Health',
    '',
  ])('%j is not DWP', (s) => {
    expect(isDwpAddressee(s)).toBe(false);
  });

  it('never throws on non-strings', () => {
    expect(isDwpAddressee(undefined as unknown as string)).toBe(false);
  });
});

describe('redactName', () => {
  it.each<[string, string, string]>([
    ['Sarah Harris died at home.', 'Sarah Harris', '[name] died at home.'],
    ['Mr Harris was seen by his GP.', 'David Harris', 'Mr [name] was seen by his GP.'],
    ['Ms. Harris and Dr HARRIS', 'Sarah Harris', 'Ms. [name] and Dr [name]'],
    ['David had been unwell. harris said so.', 'David Harris', '[name] had been unwell. [name] said so.'],
    ["Harris's family and Harris’ friends", 'David Harris', "[name]'s family and [name]’ friends"],
    ['Harrison and Harrisburg are other words.', 'David Harris', 'Harrison and Harrisburg are other words.'],
    ['David  John\u00a0Harris died.', 'David Harris', '[name] died.'], // middle name and odd spacing
    ['Mrs Jane Brown and a brown dog', 'Jane Brown', 'Mrs [name] and a brown dog'],
    ['The price rose. Mrs Price was 80.', 'Sylvia Price', 'The price rose. Mrs [name] was 80.'],
    ['Sylvia Linda WHITE was 92', 'Sylvia White', '[name] was 92'],
    ['Tony and Michael Jopson died; Tony Jopson was 60.', 'Tony Jopson and Michael Jopson', '[name] and [name] died; [name] was 60.'],
    ['Sukbir Singh Rana and Mandip Singh', 'Sukbir Singh Rana & Mandip Singh', '[name] and [name]'],
    ['Ben Haddon-Cave, known as Ben Haddon.', 'Ben Haddon-Cave', '[name], known as [name].'],
    ['Kenneth Daly died.', 'KennethDaly', '[name] died.'], // row 2022 has the name run together
    ['Alesha O\'Connor and Ms O’CONNOR', 'Alesha O’Connor', '[name] and Ms [name]'],
    ['Agnes Marchessou and Agnès', 'Agnès Marchessou', '[name] and [name]'],
    ['Winifred, known as Mary, Redfearn', 'Winifred (Mary) Redfearn', '[name], known as [name], [name]'],
    ['Miss C died. Vitamin C was given.', 'Miss C', 'Miss [name] died. Vitamin C was given.'],
    ['Mr Smith was seen.', 'Mr John Smith', 'Mr [name] was seen.'],
    ['[REDACTED] called the police.', 'REDACTED', '[REDACTED] called the police.'],
    ['The patient died.', '', 'The patient died.'],
    ['', 'John Smith', ''],
    ['Line one John\nSmith line two', 'John Smith', 'Line one [name] line two'],
  ])('%j with %j', (text, name, expected) => {
    expect(redactName(text, name)).toBe(expected);
  });

  it('never throws on non-strings', () => {
    expect(redactName(undefined as unknown as string, 'A B')).toBe('');
    expect(redactName('text', undefined as unknown as string)).toBe('text');
  });

  const letters = 'abcdefghijklmnopqrstuvwxyzéèñøåüç'.split('');
  const nameWord = fc
    .array(fc.constantFrom(...letters), { minLength: 1, maxLength: 9 })
    .map((cs) => cs[0].toUpperCase() + cs.slice(1).join(''))
    .filter((w) => !['and', 'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'lady', 'lord', 'rev', 'prof', 'master', 'mister'].includes(w.toLowerCase()));
  const fullName = fc.oneof(
    fc.array(nameWord, { minLength: 2, maxLength: 4 }).map((ws) => ws.join(' ')),
    nameWord.filter((w) => w.length >= 3),
  );
  const bounded = (name: string) =>
    new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'iu');

  it('never leaves the full name in the output', () => {
    fc.assert(
      fc.property(
        fullName,
        fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 4 }),
        fc.constantFrom((s: string) => s, (s: string) => s.toUpperCase(), (s: string) => s.toLowerCase()),
        (name, fillers, variant) => {
          const text = [...fillers, variant(name), ...fillers].join(' ');
          const out = redactName(text, name);
          expect(out).not.toMatch(bounded(name));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (text, name) => {
        expect(typeof redactName(text, name)).toBe('string');
      }),
    );
  });
});

const HEADER =
  'date_added,date_of_report,ref,deceased_name,coroner_name,coroner_area,category,this_report_is_being_sent_to,report_url,pdf_url,reply_urls,circumstances,concerns,inquest,action,response,legal';
const csvRow = (fields: Partial<Record<string, string>>): string =>
  Papa.unparse([HEADER.split(',').map((h) => fields[h] ?? '')], { quotes: true });
const base = { date_added: '21/03/2024', date_of_report: '20/03/2024', ref: '2024-0155', deceased_name: 'Sarah Harris', report_url: 'https://example.test/r' };

describe('parsePfdCsv', () => {
  it('parses a clean row', () => {
    const text = [HEADER, csvRow({ ...base, coroner_name: 'Alison Mutch', coroner_area: 'Manchester South', category: 'Suicide (from 2015)', this_report_is_being_sent_to: 'NHS England | Department for Work and Pensions', circumstances: 'Sarah Harris was found.', concerns: 'Ms Harris had not been assessed.' })].join('\r\n');
    const { read, reports, errors } = parsePfdCsv(text);
    expect({ read, errors }).toEqual({ read: 1, errors: [] });
    expect(reports).toEqual([
      {
        row: 1,
        ref: '2024-0155',
        reportDate: '2024-03-20',
        dateAdded: '2024-03-21',
        deceasedName: 'Sarah Harris',
        coronerName: 'Alison Mutch',
        coronerArea: 'Manchester South',
        category: 'Suicide (from 2015)',
        addressees: ['NHS England', 'Department for Work and Pensions'],
        addressedToDwp: true,
        reportUrl: 'https://example.test/r',
        replied: false,
        circumstances: '[name] was found.',
        concerns: 'Ms [name] had not been assessed.',
        warnings: [],
      },
    ]);
  });

  it('notes a published reply from DWP', () => {
    const text = [HEADER, csvRow({ ...base, this_report_is_being_sent_to: 'DWP', reply_urls: 'https://example.test/2024-0155-response-from-dwp.pdf' }), csvRow({ ...base, ref: '2024-0156', this_report_is_being_sent_to: 'DWP', reply_urls: 'https://example.test/response-from-nhs.pdf' })].join('\r\n');
    expect(parsePfdCsv(text).reports.map((r) => r.replied)).toEqual([true, false]);
  });

  it('reports rows without a ref or any usable date as errors, by row number', () => {
    const text = [
      HEADER,
      csvRow({ ...base, ref: '' }),
      csvRow({ ...base, ref: '2024-0001', date_of_report: '', date_added: '' }),
      csvRow({ ...base, ref: ' ', date_of_report: 'soon', date_added: 'later' }),
      csvRow({ ...base, ref: '2024-0002' }),
    ].join('\n');
    const { read, reports, errors } = parsePfdCsv(text);
    expect(read).toBe(4);
    expect(reports.map((r) => r.row)).toEqual([4]);
    expect(errors).toEqual([
      { row: 1, message: 'no ref' },
      { row: 2, message: 'no usable date_of_report or date_added' },
      { row: 3, message: 'no ref; no usable date_of_report or date_added' },
    ]);
  });

  it('falls back to date_added, and says so', () => {
    const text = [HEADER, csvRow({ ...base, date_of_report: '' }), csvRow({ ...base, ref: '2013-0252', date_of_report: '04/102013', date_added: '26/01/2014' })].join('\n');
    const [a, b] = parsePfdCsv(text).reports;
    expect(a.reportDate).toBe('2024-03-21');
    expect(a.warnings).toContain('no date_of_report; used date_added');
    expect(b.reportDate).toBe('2014-01-26');
    expect(b.warnings).toContain("date_of_report '04/102013' not understood; used date_added");
  });

  it('tidies the oddities seen in the tracker export', () => {
    const text = [
      HEADER,
      csvRow({ ...base, ref: '2016 – 0396', coroner_area: 'Surrey\n', coroner_name: 'Alison Mutch      ', category: 'Mental Health related deaths |\u00a0Suicide' }),
      csvRow({ ...base, ref: '2016 – 0396', deceased_name: 'Gareth Willington', coroner_area: ': London Inner (West)' }),
      csvRow({ ...base, ref: '20140-0147', date_of_report: '01/07/22', date_added: '23/09/2022' }),
      csvRow({ ...base, ref: '2024-0069', date_of_report: '15/11/2024', date_added: '14/02/2024' }),
      csvRow({ ...base, ref: '2014-0012', this_report_is_being_sent_to: '', reply_urls: 'https://example.test/2014-0012-Response-by-DWP.pdf' }),
    ].join('\r\n');
    const { reports, errors } = parsePfdCsv(text);
    expect(errors).toEqual([]);
    const [a, b, c, d, e] = reports;
    expect([a.ref, a.coronerArea, a.coronerName, a.category]).toEqual(['2016-0396', 'Surrey', 'Alison Mutch', 'Mental Health related deaths | Suicide']);
    expect(a.warnings).toContain('ref 2016-0396 is also used on row(s) 2');
    expect(b.warnings).toContain('ref 2016-0396 is also used on row(s) 1');
    expect(b.coronerArea).toBe('London Inner (West)');
    expect(c.reportDate).toBe('2022-07-01');
    expect(c.warnings).toEqual(["ref '20140-0147' is not in the usual yyyy-nnnn form", "two-digit year in '01/07/22' read as 2022", 'no addressees listed']);
    expect(d.warnings).toContain('report dated 2024-11-15, after it was added on 2024-02-14');
    expect(e.addressedToDwp).toBe(false);
    expect(e.warnings).toEqual(['no addressees listed', 'a reply from DWP is listed, but DWP is not among the addressees']);
  });

  it('tests the whole addressee field for DWP, not just the split parts', () => {
    const text = [HEADER, csvRow({ ...base, this_report_is_being_sent_to: 'Minister for Employment, Department for Work and Pensions' })].join('\n');
    expect(parsePfdCsv(text).reports[0].addressedToDwp).toBe(true);
  });

  it('keeps row numbers true to the file across blank lines, a BOM and quoted newlines', () => {
    const text = `\ufeff${HEADER}\n${csvRow({ ...base, circumstances: 'line one\nline two' })}\n\n${csvRow({ ...base, ref: '2024-0156' })}\n`;
    const { read, reports } = parsePfdCsv(text);
    expect(read).toBe(2);
    expect(reports.map((r) => [r.row, r.ref])).toEqual([
      [1, '2024-0155'],
      [3, '2024-0156'],
    ]);
    expect(reports[0].circumstances).toBe('line one\nline two');
  });

  it('warns about rows with the wrong number of fields', () => {
    const text = `${HEADER}\n21/03/2024,20/03/2024,2024-0155`;
    const { reports } = parsePfdCsv(text);
    expect(reports[0].warnings[0]).toBe('row has 3 fields; the header has 17');
  });

  it('reports a missing header as one error on row 0', () => {
    expect(parsePfdCsv('a,b\n1,2\n')).toEqual({ read: 1, reports: [], errors: [{ row: 0, message: 'header is missing column(s): ref, date_of_report, date_added' }] });
    expect(parsePfdCsv('')).toEqual({ read: 0, reports: [], errors: [{ row: 0, message: 'header is missing column(s): ref, date_of_report, date_added' }] });
  });

  it('never throws, and accounts for every row it reads', () => {
    const csvish = fc.string({ unit: fc.constantFrom('"', ',', '\n', '\r', 'a', '1', '/', ' ', '2024-0001', '13/02/2024', 'DWP', '\u00a0') });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), csvish, csvish.map((s) => `${HEADER}\n${s}`)), (text) => {
        const { read, reports, errors } = parsePfdCsv(text);
        const rowErrors = errors.filter((e) => e.row > 0).length;
        if (!errors.some((e) => e.row === 0)) expect(reports.length + rowErrors).toBe(read);
      }),
      { numRuns: 300 },
    );
    expect(parsePfdCsv(undefined as unknown as string)).toEqual({ read: 0, reports: [], errors: [] });
  });
});

const DATA = new URL('../../../shared/data/pfd/reports-2024-03-24.csv', import.meta.url);

describe.skipIf(!existsSync(DATA))('the Preventable Deaths Tracker export of 24 March 2024', () => {
  const text = readFileSync(DATA, 'utf8');
  const result = parsePfdCsv(text);
  const raw = Papa.parse<Record<string, string>>(text, { header: true }).data;

  it('reads every data row', () => {
    expect(raw.length).toBe(4929);
    expect(result.read).toBe(4929);
    expect(result.reports.length).toBe(4826);
    expect(result.reports.length + result.errors.length).toBe(result.read);
  });

  it('lists the 103 rows without a ref as errors (the last block of the file)', () => {
    const rows = Array.from({ length: 103 }, (_, i) => 4827 + i);
    expect(result.errors).toEqual(rows.map((row) => ({ row, message: 'no ref' })));
    expect(rows.every((row) => raw[row - 1].ref.trim() === '')).toBe(true);
  });

  it('gives every report a valid ISO date', () => {
    for (const r of result.reports) {
      expect(r.reportDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(parseLooseDate(r.reportDate)).toBe(r.reportDate);
      expect(r.reportDate >= '2013-01-01' && r.reportDate <= '2024-12-31').toBe(true);
    }
    const fellBack = result.reports.filter((r) => r.warnings.some((w) => w.includes('used date_added')));
    expect(fellBack.map((r) => [r.row, r.reportDate])).toEqual([[4758, '2014-01-26']]);
  });

  it('finds the reports addressed to DWP', () => {
    const dwp = result.reports.filter((r) => r.addressedToDwp);
    console.log(`PFD reports addressed to DWP: ${dwp.length} (rows ${dwp.map((r) => r.row).join(', ')})`);
    expect(dwp.length).toBe(12);
    // An independent check on the raw column: ten name the department or its Secretary of State,
    // two the DWP Minister for Disabled People, Health and Work.
    const byName = raw.flatMap((x, i) => (/works?\s*(and|&)\s*pensions?|\bDWP\b/i.test(x.this_report_is_being_sent_to) ? [i + 1] : []));
    const byMinister = raw.flatMap((x, i) => (/minister[^|;]*disabled people/i.test(x.this_report_is_being_sent_to) ? [i + 1] : []));
    expect(byName).toEqual([76, 277, 700, 1137, 1293, 1513, 2139, 2395, 3206, 3350]);
    expect(byMinister).toEqual([695, 3046]);
    expect(dwp.map((r) => r.row)).toEqual([...byName, ...byMinister].sort((a, b) => a - b));
    // Replies from DWP to reports whose addressee list does not name it.
    const replies = result.reports.filter((r) => r.warnings.includes('a reply from DWP is listed, but DWP is not among the addressees'));
    expect(replies.map((r) => r.row)).toEqual([323, 3686, 4641]);
  });

  it('normalises refs, areas and addressees', () => {
    expect(result.reports.filter((r) => r.ref.includes('–'))).toEqual([]);
    expect(result.reports.find((r) => r.row === 3640)?.ref).toBe('2016-0396');
    for (const r of result.reports) {
      expect(r.coronerArea).not.toMatch(/\s\s|^\s|\s$|\n|^:/);
      for (const a of r.addressees) expect(a).toMatch(/^\S(.*\S)?$/);
    }
    expect(result.reports.find((r) => r.row === 700)?.coronerArea).toBe('Surrey');
    const duplicated = result.reports.filter((r) => r.warnings.some((w) => w.startsWith(`ref ${r.ref} is also used`)));
    expect(duplicated.length).toBe(110);
  });

  it('leaves no deceased full name in the circumstances or concerns', () => {
    for (const r of result.reports.filter((x) => x.circumstances || x.concerns)) {
      for (const person of r.deceasedName.split(/,|;|&|\band\b|\.\s/)) {
        const words = person.replace(/[()[\]]/g, ' ').trim().split(/\s+/);
        if (words.length < 2) continue;
        const pattern = new RegExp(`(?<![\\p{L}])${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+')}(?![\\p{L}])`, 'iu');
        expect(r.circumstances).not.toMatch(pattern);
        expect(r.concerns).not.toMatch(pattern);
      }
    }
  });
});
