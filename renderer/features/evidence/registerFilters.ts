// The register's filters as the person last left them (kept in localStorage), and the filter they
// make for main. Both the page and the start-up prefetch read them, so the two ask for the same.
import type { EvidenceFilter, EvidenceSort, EvidenceType } from '#shared/domain/evidence';

const STORE = 'scp.evidence.filters';

export interface Filters {
  text: string;
  type: EvidenceType | '';
  from: string;
  to: string;
  benefitLine: string;
  tag: string;
  themeId: string;
  openDeadline: boolean;
  includeArchived: boolean;
}

export const EMPTY: Filters = { text: '', type: '', from: '', to: '', benefitLine: '', tag: '', themeId: '', openDeadline: false, includeArchived: false };

/** The register opens newest first. */
export const DEFAULT_SORT: { sort: EvidenceSort; desc: boolean } = { sort: 'receivedOn', desc: true };

/** Rows in one page of the register. */
export const PAGE_SIZE = 100;

/** What the register asks main for one page: made here alone, so an early ask and the page's match exactly. */
export function pageRequest(filter: EvidenceFilter, sort: EvidenceSort, desc: boolean, offset: number) {
  return { filter, sort, desc, offset, limit: PAGE_SIZE };
}

/** The register's first page as it opens: the filters last used, newest first. */
export function firstPageRequest() {
  const f = loadFilters();
  return pageRequest(toFilter(f, f.text), DEFAULT_SORT.sort, DEFAULT_SORT.desc, 0);
}

export function loadFilters(): Filters {
  try {
    return { ...EMPTY, ...(JSON.parse(localStorage.getItem(STORE) ?? '{}') as Partial<Filters>) };
  } catch {
    return EMPTY;
  }
}

export function saveFilters(f: Filters): void {
  localStorage.setItem(STORE, JSON.stringify(f));
}

export function toFilter(f: Filters, text: string): EvidenceFilter {
  return {
    ...(text.trim() ? { text: text.trim() } : {}),
    ...(f.type ? { types: [f.type] } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.benefitLine ? { benefitLine: f.benefitLine } : {}),
    ...(f.tag ? { tag: f.tag } : {}),
    ...(f.themeId ? { themeId: Number(f.themeId) } : {}),
    ...(f.openDeadline ? { openDeadline: true } : {}),
    ...(f.includeArchived ? { includeArchived: true } : {}),
  };
}
