// Small schema builders whose messages a secretariat user can act on without help.
import { z } from 'zod';
import { isIsoDate } from '../calendar/financialYear';

export function trimmed(label: string, min: number, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .min(min, min <= 1 ? `${label} is required` : `${label} must be at least ${min} characters`)
    .max(max, `${label} must be ${max} characters or fewer`);
}

export function isoDate(label: string) {
  return z
    .string({ error: `${label} is required` })
    .min(1, `${label} is required`)
    .refine(isIsoDate, `${label} must be a real date (YYYY-MM-DD)`);
}

export function optionalIsoDate(label: string) {
  return z
    .union([isoDate(label), z.literal(''), z.null()])
    .optional()
    .transform((v) => (v ? v : null));
}

export const timeOfDay = (label: string) =>
  z.string({ error: `${label} is required` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label} must be a 24-hour time such as 10:00`);

export const recordId = z.number({ error: 'An id (a whole number) is required' }).int('An id must be a whole number').positive('An id must be positive');

/** Where a page of a long list starts: the number of rows before it. */
export const pageOffset = z
  .number({ error: 'Say where the page starts (a whole number of rows)' })
  .int('A page starts at a whole number of rows')
  .min(0, 'A page cannot start before the first row')
  .max(10_000_000, 'A page cannot start after row 10,000,000')
  .default(0);

/** How many rows a page holds: at least one, at most `max`, `fallback` when not given. */
export const pageLimit = (max: number, fallback: number) =>
  z
    .number({ error: 'Say how many rows the page holds (a whole number)' })
    .int('A page holds a whole number of rows')
    .min(1, 'A page holds at least one row')
    .max(max, `A page holds at most ${max.toLocaleString('en-GB')} rows`)
    .default(fallback);
