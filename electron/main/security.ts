// Electron's security checklist, applied in one place: no navigation away, no new windows, no
// webviews, no permissions, and no request leaves the app.
import type { SessionLike, WebContentsLike } from './electronLike';
import { APP_SCHEME, isAppUrl } from './protocol';

const ALLOWED_REQUEST_SCHEMES = new Set([`${APP_SCHEME}:`, 'devtools:', 'data:', 'blob:', 'chrome-extension:']);

export function isAllowedRequest(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === `${APP_SCHEME}:`) return isAppUrl(url);
    return ALLOWED_REQUEST_SCHEMES.has(u.protocol);
  } catch {
    return false;
  }
}

export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
}

export function hardenContents(contents: WebContentsLike): void {
  contents.on('will-navigate', (e, url) => {
    if (!isAppUrl(url)) e.preventDefault();
  });
  contents.on('will-redirect', (e, url) => {
    if (!isAppUrl(url)) e.preventDefault();
  });
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export { EXTERNAL_SCHEMES, isAllowedExternal } from '#shared/links';
