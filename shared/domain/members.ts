// Panel membership as described in the Terms of Reference: the NED chair, ICE, Permanent
// Secretary and every Director General, with invited experts, secretariat and observers.
import { z } from 'zod';
import { isoDate, optionalIsoDate, trimmed } from './validation';

export const MEMBER_ROLES = [
  'chair',
  'ice',
  'permanent-secretary',
  'director-general',
  'invited-expert',
  'secretariat',
  'observer',
] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  chair: 'Independent chair (NED)',
  ice: 'Independent Case Examiner',
  'permanent-secretary': 'Permanent Secretary',
  'director-general': 'Director General',
  'invited-expert': 'Invited expert',
  secretariat: 'Secretariat',
  observer: 'Observer',
};

export interface Member {
  id: number;
  name: string;
  role: MemberRole;
  organisation: string;
  email: string;
  activeFrom: string;
  activeTo: string | null;
  /** derived: active on the day the list was asked for */
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

const memberFields = {
  name: trimmed('Name', 1, 120),
  role: z.enum(MEMBER_ROLES, { error: 'Choose a role from the list' }),
  organisation: trimmed('Organisation or directorate', 0, 160),
  email: z
    .string({ error: 'E-mail must be text' })
    .trim()
    .max(254, 'E-mail must be 254 characters or fewer')
    .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'Enter an e-mail address like name@dwp.gov.uk, or leave it blank'),
  activeFrom: isoDate('Active from'),
  activeTo: optionalIsoDate('Active to'),
};

function checkDates(v: { activeFrom?: string; activeTo?: string | null }, ctx: z.RefinementCtx) {
  if (v.activeFrom && v.activeTo && v.activeTo < v.activeFrom) {
    ctx.addIssue({ code: 'custom', path: ['activeTo'], message: 'Active to must be on or after active from' });
  }
}

export const memberInput = z.strictObject(memberFields).superRefine(checkDates);
export type MemberInput = z.input<typeof memberInput>;

export const memberUpdate = z
  .strictObject({ id: z.number().int().positive(), ...memberFields })
  .superRefine(checkDates);
export type MemberUpdate = z.input<typeof memberUpdate>;
