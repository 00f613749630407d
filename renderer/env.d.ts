import type { ScpApi } from '#shared/ipc/contract';

declare global {
  interface Window {
    /** Set by the Electron preload (and by component tests); absent in the web preview. */
    scp?: ScpApi;
  }
}
export {};
