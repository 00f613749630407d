// The main process, written as a function of the Electron API so it runs under test with a fake.
import { join } from 'node:path';
import { dailyBackup } from '#db/backup';
import { DatabaseOpenError, openDatabase, type OpenedDatabase } from '#db/open';
import { londonToday } from '#shared/format';
import type { HandlerContext } from '../handlers/context';
import { handlers } from '../handlers/index';
import { appDataDir, defaultDbPath } from '../paths';
import type { BrowserWindowLike, ElectronLike } from './electronLike';
import { registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { APP_ENTRY, APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppRequest } from './protocol';
import { hardenContents, hardenSession } from './security';
import { DEFAULT_STATE, loadWindowState, saveWindowState } from './windowState';

export interface StartOptions {
  /** Folder holding the built renderer (index.html and assets). */
  rendererDir: string;
  /** The bundled preload script. */
  preloadPath: string;
  dbPath?: string;
  userDataDir?: string;
  platform?: NodeJS.Platform;
  now?: () => Date;
}

export interface RunningApp {
  window: BrowserWindowLike | null;
  opened: OpenedDatabase | null;
  /** the day's automatic backup, settled (never rejected) when it ends */
  backup: Promise<unknown>;
}

/** Must run before the app is ready: privileged schemes can only be registered then. */
export function registerSchemes(electron: ElectronLike): void {
  electron.protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

export async function startApp(electron: ElectronLike, options: StartOptions): Promise<RunningApp> {
  const { app } = electron;
  const running: RunningApp = { window: null, opened: null, backup: Promise.resolve() };
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return running;
  }
  const userData = options.userDataDir ?? appDataDir();
  app.setPath('userData', userData);
  registerSchemes(electron);
  // UK formats in native controls (date pickers) whatever the machine's language.
  app.commandLine?.appendSwitch('lang', 'en-GB');

  app.on('second-instance', () => {
    const w = running.window;
    if (!w) return;
    if (w.isMinimized()) w.restore();
    w.focus();
  });
  app.on('window-all-closed', () => {
    if ((options.platform ?? process.platform) !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    // Closing under a running backup would abort it; let it finish first.
    void running.backup.finally(() => running.opened?.close());
  });

  await app.whenReady();

  const dbPath = options.dbPath ?? defaultDbPath();
  try {
    running.opened = await openDatabase(dbPath);
  } catch (err) {
    const message = err instanceof DatabaseOpenError ? err.message : `The database ${dbPath} could not be opened: ${String(err)}`;
    electron.dialog.showErrorBox('Serious Case Panel cannot open its database', message);
    app.exit(1);
    return running;
  }
  const opened = running.opened;
  // The day's automatic backup, kept with rotation; a failure is reported, never fatal.
  running.backup = dailyBackup(opened.sqlite, join(userData, 'backups'), londonToday(new Date())).catch((err: unknown) =>
    console.error('Automatic backup failed:', err instanceof Error ? err.message : err),
  );
  const sqliteVersion = String(opened.sqlite.prepare('select sqlite_version()').pluck().get());
  const ctx: HandlerContext = {
    db: opened.db,
    sqlite: opened.sqlite,
    now: options.now ?? (() => new Date()),
    info: { version: app.getVersion(), dbPath, schemaVersion: opened.schemaVersion, sqliteVersion },
    dataDir: userData,
    // The handler checks the allow-list first; this is the only place a link leaves the app.
    openExternal: (url) => electron.shell.openExternal(url),
    // Only paths from the export log reach this (the handler looks the id up).
    openPath: (path) => electron.shell.openPath(path),
    onDatabaseReplaced: (o) => {
      running.opened = o;
    },
  };

  electron.protocol.handle(APP_SCHEME, (request) => serveAppRequest(request.url, options.rendererDir));
  hardenSession(electron.session.defaultSession);
  registerIpc(electron.ipcMain, handlers, ctx, ({ channel, error }) => console.error(`[ipc] ${channel} failed:`, error));
  electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(menuTemplate({ isMac: (options.platform ?? process.platform) === 'darwin', isPackaged: app.isPackaged })));

  const stateFile = join(userData, 'window-state.json');
  const saved = loadWindowState(stateFile, electron.screen.getAllDisplays().map((d) => d.workArea));
  const state = saved ?? DEFAULT_STATE;
  const win = new electron.BrowserWindow({
    ...(saved ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Serious Case Panel',
    backgroundColor: '#f3f5f7',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  running.window = win;
  if (saved?.maximized) win.maximize();
  hardenContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  win.on('close', () => saveWindowState(stateFile, { ...win.getBounds(), maximized: win.isMaximized() }));
  await win.loadURL(APP_ENTRY);
  return running;
}
