import type { Plugin } from 'esbuild';

export const DOCX_FILE: RegExp;
export const FAST_SPREAD: string;
export const LAYOUT_PATCHES: { name: string; file: 'layout' | 'index'; find: string; replace: string }[];
export function patchDocx(source: string, file: string): string;
export const layoutPatchPlugin: Plugin;
