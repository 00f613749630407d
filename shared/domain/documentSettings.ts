import { z } from 'zod';

export const DEFAULT_MARKING = 'OFFICIAL-SENSITIVE';

export interface DocumentSettings {
  /** The protective marking printed at the top and bottom of every page. */
  marking: string;
}

export const documentSettingsInput = z.strictObject({
  marking: z
    .string({ error: 'The marking must be text' })
    .trim()
    .min(1, 'Give a protective marking, such as OFFICIAL-SENSITIVE')
    .max(60, 'The marking must be 60 characters or fewer')
    .regex(/^[A-Z0-9 \-:/]+$/, 'Use capital letters, digits, spaces and - : / only (e.g. OFFICIAL-SENSITIVE)'),
});
