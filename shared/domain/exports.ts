// The Word documents the app writes, by kind, and how a sentence names each.
export const EXPORT_KINDS = ['agenda', 'tor', 'pack', 'minutes', 'tracker', 'board-report'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** e.g. "Writing the panel pack" */
export const EXPORT_DOCUMENT_NAMES: Record<ExportKind, string> = {
  agenda: 'the agenda',
  tor: 'the Terms of Reference',
  pack: 'the panel pack',
  minutes: 'the minutes',
  tracker: 'the recommendations tracker',
  'board-report': 'the Board report',
};
