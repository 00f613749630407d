// Who is using this copy of the app: every record that needs an author takes it from here.
import { z } from 'zod';
import { trimmed } from './validation';

export const USER_ROLES = ['secretariat', 'chair', 'minute-taker', 'member', 'observer'] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const USER_ROLE_LABELS: Record<UserRole, string> = {
  secretariat: 'Secretariat',
  chair: 'Chair',
  'minute-taker': 'Minute-taker',
  member: 'Panel member',
  observer: 'Observer',
};

export interface Identity {
  name: string;
  role: UserRole;
}

export const identityInput = z.strictObject({
  name: trimmed('Your name', 1, 120),
  role: z.enum(USER_ROLES, { error: 'Choose your role from the list' }),
});
