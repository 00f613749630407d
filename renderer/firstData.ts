// A page asks main for its data when it is drawn, and it is drawn only once the identity has come
// back: on opening the window, that is two round trips and a render one after the other. For a
// page whose first data depends only on its address, the request goes out at start-up instead,
// beside the identity's, and the page finds it in the cache (or on its way) when it mounts. The
// request itself was sent earlier still (firstCalls.ts); this takes its answer into the cache.
import type { QueryClient } from '@tanstack/react-query';
import { prefetchRegister } from './features/evidence/hooks';
import { identityQuery } from './features/identity/hooks';
import { pathOf } from './firstCalls';

const FIRST_DATA: Partial<Record<string, (qc: QueryClient) => Promise<void>>> = {
  '/evidence': prefetchRegister,
};

/**
 * Takes the identity, and the first data of the page at `hash` (the address as wouter's hash
 * location reads it), into the cache; settles when both are there (or have failed: the page's own
 * query then asks again and shows the error).
 */
export async function prefetchFirstData(qc: QueryClient, hash: string): Promise<void> {
  await Promise.all([qc.prefetchQuery(identityQuery), FIRST_DATA[pathOf(hash)]?.(qc)]);
}

/** How long the first render waits for the first answers before it draws the loading state instead. */
export const FIRST_RENDER_WAIT_MS = 250;

/**
 * Resolves once the first answers are in the cache, or after FIRST_RENDER_WAIT_MS, whichever is
 * first. They were asked for before the app's code was evaluated, so they are usually back by the
 * time it is: waiting for them, the window draws its page once, with its data, instead of a
 * loading state and then the whole page again.
 */
export function firstAnswers(qc: QueryClient, hash: string, waitMs = FIRST_RENDER_WAIT_MS): Promise<void> {
  return Promise.race([prefetchFirstData(qc, hash), new Promise<void>((done) => setTimeout(done, waitMs))]);
}
