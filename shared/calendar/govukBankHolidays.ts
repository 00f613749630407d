// Reads a gov.uk bank-holidays.json file (the user's newer copy) and keeps England and Wales.
import { z } from 'zod';
import { isIsoDate } from './financialYear';

const event = z.object({
  title: z.string({ error: 'title is missing' }).min(1, 'title is empty'),
  date: z.string({ error: 'date is missing' }).refine(isIsoDate, 'date is not a date (YYYY-MM-DD)'),
  notes: z.string().optional(),
  bunting: z.boolean().optional(),
});

const file = z.object(
  {
    'england-and-wales': z.object(
      { division: z.literal('england-and-wales', { error: 'division is not "england-and-wales"' }), events: z.array(event, { error: 'events is not a list' }) },
      { error: 'the "england-and-wales" section is missing' },
    ),
  },
  { error: 'this is not a gov.uk bank-holidays.json file' },
);

export interface BankHoliday {
  date: string;
  title: string;
}

export function parseGovUkBankHolidays(input: unknown): BankHoliday[] {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch {
      throw new Error('The file is not valid JSON. Download bank-holidays.json from gov.uk again and import that file.');
    }
  }
  const r = file.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue.path.join('.').replace(/\.(\d+)\./g, '[$1].').replace(/\.(\d+)$/, '[$1]');
    throw new Error(`The file is not in gov.uk's bank holiday format: ${where ? `${where}: ` : ''}${issue.message}.`);
  }
  const events = r.data['england-and-wales'].events;
  if (events.length === 0) throw new Error('The file lists no England and Wales bank holidays.');
  return events.map((e) => ({ date: e.date, title: e.title })).sort((a, b) => a.date.localeCompare(b.date));
}
