// The window opens where the user left it, unless that place is no longer on any screen.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Rect } from './electronLike';

export interface WindowState extends Rect {
  maximized: boolean;
}

export const DEFAULT_STATE: WindowState = { x: 0, y: 0, width: 1280, height: 820, maximized: false };

function isRect(v: unknown): v is WindowState {
  const s = v as Record<string, unknown>;
  return !!s && ['x', 'y', 'width', 'height'].every((k) => typeof s[k] === 'number' && Number.isFinite(s[k] as number)) && typeof s.maximized === 'boolean';
}

/** Visible means at least 100 x 50 pixels of the window's top overlap some display's work area. */
export function isVisible(state: Rect, displays: Rect[]): boolean {
  return displays.some((d) => {
    const w = Math.min(state.x + state.width, d.x + d.width) - Math.max(state.x, d.x);
    const h = Math.min(state.y + 50, d.y + d.height) - Math.max(state.y, d.y);
    return w >= 100 && h >= 50;
  });
}

export function loadWindowState(file: string, displays: Rect[]): WindowState | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!isRect(parsed) || parsed.width < 400 || parsed.height < 300) return null;
    return isVisible(parsed, displays) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(state));
  } catch {
    // Losing the window position is not worth interrupting the user for.
  }
}
