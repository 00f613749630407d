// Evidence made for tests.
import type { EvidenceInput } from '#shared/domain/evidence';

/** The nth suicide-and-self-harm IPR concluded on 1 March 2020: due for erasure from 1 March 2026. */
export const iprDueForErasure = (n: number): EvidenceInput => ({
  ref: `IPR-2019-${String(n).padStart(3, '0')}`,
  title: 'Payment stopped after lost contact',
  summary: 'Anonymised learning.',
  receivedOn: '2020-03-01',
  region: 'Wales',
  sensitivity: 'official-sensitive',
  details: { type: 'ipr', referralDate: null, acceptedDate: null, concludedDate: '2020-03-01', presentedDate: null, suicideOrSelfHarm: true, outcome: 'Guidance gap', learningPoints: '' },
  personal: { personName: `Person ${n}`, caseReference: `CASE-${n}` },
});
