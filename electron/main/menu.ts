import type { MenuItemLike } from './electronLike';

/** The usual menus; developer tools only in development builds. */
export function menuTemplate(opts: { isMac: boolean; isPackaged: boolean }): MenuItemLike[] {
  const view: MenuItemLike[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!opts.isPackaged) view.unshift({ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' });
  return [
    ...(opts.isMac ? [{ role: 'appMenu' }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'About Serious Case Panel', role: 'about' }] },
  ];
}
