// The window's first calls to main, sent before the rest of the app's code has been evaluated
// (main.tsx imports early.ts before anything else): who is using the app, and the first data of a
// page whose data depends only on its address. Evaluating React, the screens and their schemas
// takes tens of milliseconds on a slow machine; the answers come back meanwhile, and the first
// call() that asks the same takes each (api/client.ts). Nothing here may import the app's heavier
// code, or it would be evaluated first.
import { callEarly } from './api/client';
import { firstPageRequest } from './features/evidence/registerFilters';

/** The path of a hash address as wouter's hash location reads it ('' is the dashboard). */
export function pathOf(hash: string): string {
  return hash.replace(/^#/, '').split('?')[0] || '/';
}

const FIRST_CALLS: Partial<Record<string, () => void>> = {
  '/evidence': () => callEarly('listEvidence', firstPageRequest()),
};

/** Sends the identity's call and, for a page that has them, its first data's. */
export function startFirstCalls(hash: string): void {
  callEarly('getIdentity', {});
  FIRST_CALLS[pathOf(hash)]?.();
}
