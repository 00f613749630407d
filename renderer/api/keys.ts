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
  agenda: (panelId: number) => ['agenda', panelId] as const,
  milestones: (panelId: number) => ['milestones', panelId] as const,
  calendar: ['calendar'] as const,
  proposal: (fy: string, weekday: number, week: number | 'last') => ['proposal', fy, weekday, week] as const,
  tor: {
    all: ['tor'] as const,
    list: ['tor', 'list'] as const,
    detail: (id: number) => ['tor', 'detail', id] as const,
    inForce: ['tor', 'inForce'] as const,
  },
  panels: {
    all: ['panels'] as const,
    list: (includeCancelled: boolean) => ['panels', 'list', { includeCancelled }] as const,
    detail: (id: number) => ['panels', 'detail', id] as const,
  },
};
