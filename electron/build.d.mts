import type { Plugin } from 'esbuild';

export const MAIN_BUNDLE: {
  bundle: true;
  platform: 'node';
  format: 'cjs';
  target: string;
  external: string[];
  define: Record<string, string>;
  banner: { js: string };
  plugins: Plugin[];
};
export function buildElectron(options?: { outdir?: string; minify?: boolean }): Promise<{ main: string; preload: string; docWorker: string }>;
export function bundleDocWorker(outfile: string, options?: { minify?: boolean }): Promise<void>;
