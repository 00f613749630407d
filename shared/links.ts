// Which links the app may hand to the operating system: e-mail, and https to the public bodies
// whose documents the panel works from (gov.uk and the judiciary's reports). Everything else stays
// inside the app, so a crafted link in imported data cannot open an arbitrary site or program.
export const EXTERNAL_SCHEMES = new Set(['mailto:', 'https:']);
const HTTPS_HOSTS = ['gov.uk', 'judiciary.uk'];

export function isAllowedExternal(url: string): boolean {
  try {
    const u = new URL(url);
    if (!EXTERNAL_SCHEMES.has(u.protocol)) return false;
    if (u.protocol === 'mailto:') return true;
    if (u.username || u.password || u.port) return false;
    return HTTPS_HOSTS.some((h) => u.hostname === h || u.hostname.endsWith(`.${h}`));
  } catch {
    return false;
  }
}
