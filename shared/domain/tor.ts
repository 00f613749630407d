// Terms of Reference: versioned, sectioned, with a structured quorum so attendance can be checked.
import { z } from 'zod';
import { isoDate, recordId } from './validation';

export const TOR_SECTIONS = [
  { key: 'purpose', heading: 'Purpose' },
  { key: 'remit', heading: 'Remit and what is out of scope' },
  { key: 'membership-and-chair', heading: 'Membership and chair' },
  { key: 'quorum', heading: 'Quorum' },
  { key: 'frequency', heading: 'Frequency of meetings' },
  { key: 'secretariat', heading: 'Secretariat' },
  { key: 'declarations-of-interest', heading: 'Declarations of interest' },
  { key: 'reporting-and-escalation', heading: 'Reporting and escalation' },
  { key: 'publication', heading: 'Publication' },
  { key: 'review-date', heading: 'Review' },
] as const;
export type TorSectionKey = (typeof TOR_SECTIONS)[number]['key'];
export const TOR_SECTION_KEYS = TOR_SECTIONS.map((s) => s.key) as [TorSectionKey, ...TorSectionKey[]];

export type TorStatus = 'draft' | 'approved' | 'superseded';
export const TOR_STATUS_LABELS: Record<TorStatus, string> = { draft: 'Draft', approved: 'Approved (in force)', superseded: 'Superseded' };

export interface Quorum {
  chairOrDeputy: boolean;
  minMembers: number;
  minDirectorsGeneral: number;
}

export interface TorSection {
  key: TorSectionKey;
  heading: string;
  body: string;
}

export interface TorVersion {
  id: number;
  version: number;
  status: TorStatus;
  approvedOn: string | null;
  approvedBy: string | null;
  reviewDate: string;
  quorum: Quorum;
  sections: TorSection[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** The quorum rule in words, as the document and the meeting screen show it. */
export function describeQuorum(q: Quorum): string {
  const parts: string[] = [];
  if (q.chairOrDeputy) parts.push('the chair or a nominated deputy');
  const members = `at least ${q.minMembers} member${q.minMembers === 1 ? '' : 's'}`;
  const dgs = q.minDirectorsGeneral > 0 ? `, of whom at least ${q.minDirectorsGeneral} ${q.minDirectorsGeneral === 1 ? 'is a Director General' : 'are Directors General'}` : '';
  parts.push(members + dgs);
  return `Quorum: ${parts.join(', plus ')}.`;
}

export const quorumInput = z
  .strictObject({
    chairOrDeputy: z.boolean({ error: 'Say whether the chair or a deputy must be present' }),
    minMembers: z.number({ error: 'Minimum members must be a number' }).int('Minimum members must be a whole number').min(1, 'At least one member must be required').max(50, 'Minimum members cannot exceed 50'),
    minDirectorsGeneral: z.number({ error: 'Minimum Directors General must be a number' }).int('Must be a whole number').min(0, 'Cannot be negative').max(50, 'Cannot exceed 50'),
  })
  .refine((q) => q.minDirectorsGeneral <= q.minMembers, { path: ['minDirectorsGeneral'], message: 'Cannot require more Directors General than members' });

export const torDraftUpdate = z.strictObject({
  id: recordId,
  reviewDate: isoDate('Review date'),
  quorum: quorumInput,
  sections: z
    .array(z.strictObject({ key: z.enum(TOR_SECTION_KEYS, { error: 'Unknown section' }), body: z.string().trim().max(20000, 'A section must be 20,000 characters or fewer') }))
    .max(TOR_SECTIONS.length),
});
export type TorDraftUpdate = z.input<typeof torDraftUpdate>;
