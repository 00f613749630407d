// Query key factories: one place names every cached query so invalidation cannot drift.
export const keys = {
  identity: ['identity'] as const,
  appInfo: ['appInfo'] as const,
  documentSettings: ['documentSettings'] as const,
  members: {
    all: ['members'] as const,
    list: (includeInactive: boolean) => ['members', 'list', { includeInactive }] as const,
    detail: (id: number) => ['members', 'detail', id] as const,
  },
  panels: {
    all: ['panels'] as const,
    list: (includeCancelled: boolean) => ['panels', 'list', { includeCancelled }] as const,
    detail: (id: number) => ['panels', 'detail', id] as const,
  },
};
