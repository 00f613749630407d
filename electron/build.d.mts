export function buildElectron(options?: { outdir?: string; minify?: boolean }): Promise<{ main: string; preload: string }>;
