// The Terms of Reference of any version, with its status, the structured quorum and review date.
import type { Document } from 'docx';
import { describeQuorum, type TorVersion } from '#shared/domain/tor';
import { formatDateLong } from '#shared/format';
import { h1, paragraphs, para, titleBlock } from '../style/blocks';
import { houseDocument } from '../style/houseDocument';

export interface TorDocInput {
  tor: Pick<TorVersion, 'version' | 'status' | 'approvedOn' | 'approvedBy' | 'reviewDate' | 'quorum' | 'sections'>;
  marking: string;
}

export function statusLine(tor: TorDocInput['tor']): string {
  if (tor.status === 'approved' && tor.approvedOn) return `Version ${tor.version}: approved on ${formatDateLong(tor.approvedOn)}${tor.approvedBy ? ` (${tor.approvedBy})` : ''}; in force`;
  if (tor.status === 'superseded') return `Version ${tor.version}: superseded${tor.approvedOn ? ` (approved on ${formatDateLong(tor.approvedOn)})` : ''}`;
  return `Version ${tor.version}: draft for approval`;
}

export function buildTermsOfReference({ tor, marking }: TorDocInput): Document {
  const draft = tor.status === 'draft';
  const children = [
    ...titleBlock('Serious Case Panel: Terms of Reference', [statusLine(tor), `Next review: ${formatDateLong(tor.reviewDate)}`], draft ? 'DRAFT: not yet approved' : undefined),
  ];
  tor.sections.forEach((s, i) => {
    children.push(h1(`${i + 1}. ${s.heading}`));
    if (s.key === 'quorum') children.push(para(describeQuorum(tor.quorum)));
    if (s.key === 'review-date') children.push(para(`These terms of reference will next be reviewed by ${formatDateLong(tor.reviewDate)}.`));
    children.push(...paragraphs(s.body));
  });
  return houseDocument({
    title: 'Terms of Reference',
    context: `Serious Case Panel · version ${tor.version}, ${tor.status}`,
    marking,
    draft,
    children,
  });
}
