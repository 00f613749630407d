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
  evidence: {
    all: ['evidence'] as const,
    list: (filter: unknown, sort: string, desc: boolean) => ['evidence', 'list', filter, sort, desc] as const,
    detail: (id: number) => ['evidence', 'detail', id] as const,
    personal: (id: number) => ['evidence', 'personal', id] as const,
    labels: ['evidence', 'labels'] as const,
    coroners: (all: boolean) => ['evidence', 'coroners', all] as const,
  },
  themes: {
    all: ['themes'] as const,
    list: ['themes', 'list'] as const,
    detail: (id: number) => ['themes', 'detail', id] as const,
    suggestions: (id: number) => ['themes', 'suggestions', id] as const,
  },
  retention: {
    all: ['retention'] as const,
    rules: ['retention', 'rules'] as const,
    due: ['retention', 'due'] as const,
  },
  exports: ['exports'] as const,
  search: (text: string) => ['search', text] as const,
  job: (id: number) => ['job', id] as const,
};
