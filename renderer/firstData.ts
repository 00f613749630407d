// A page asks main for its data when it is drawn, and it is drawn only once the identity has come
// back: on opening the window, that is two round trips and a render one after the other. For a
// page whose first data depends only on its address, the request goes out at start-up instead,
// beside the identity's, and the page finds it in the cache (or on its way) when it mounts.
import type { QueryClient } from '@tanstack/react-query';
import { prefetchRegister } from './features/evidence/hooks';

const FIRST_DATA: Partial<Record<string, (qc: QueryClient) => Promise<void>>> = {
  '/evidence': prefetchRegister,
};

/** Starts the first data of the page at `hash` (the address as wouter's hash location reads it). */
export function prefetchFirstData(qc: QueryClient, hash: string): void {
  const path = hash.replace(/^#/, '').split('?')[0] || '/';
  void FIRST_DATA[path]?.(qc);
}
