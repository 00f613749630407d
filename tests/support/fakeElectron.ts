// A recording stand-in for the Electron API, enough to run electron/main under plain Node.
import type { BrowserWindowOptionsLike, ElectronLike, MenuItemLike, Rect } from '../../electron/main/electronLike';

type Listener = (...args: never[]) => unknown;

export class FakeWebContents {
  listeners = new Map<string, Listener>();
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  on(event: string, listener: Listener) {
    this.listeners.set(event, listener);
  }
  setWindowOpenHandler(h: (d: { url: string }) => { action: 'deny' | 'allow' }) {
    this.openHandler = h;
  }
  /** Simulates an event and reports whether the app prevented it. */
  emitPreventable(event: string, url?: string): boolean {
    let prevented = false;
    const l = this.listeners.get(event) as ((e: { preventDefault(): void }, url?: string) => void) | undefined;
    l?.({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

export function makeFakeElectron(opts: { lock?: boolean; displays?: Rect[]; userData?: string } = {}) {
  const calls = {
    quit: 0,
    openedExternal: [] as string[],
    openedPaths: [] as string[],
    exit: [] as number[],
    schemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
    protocolHandlers: new Map<string, (r: { url: string }) => Promise<Response> | Response>(),
    ipc: new Map<string, (e: { senderFrame: { url: string } | null }, arg: unknown) => Promise<unknown>>(),
    windows: [] as FakeWindow[],
    menu: null as MenuItemLike[] | null,
    errors: [] as { title: string; content: string }[],
    appListeners: new Map<string, () => void>(),
    permissionRequest: null as null | ((wc: unknown, p: string, cb: (g: boolean) => void) => void),
    permissionCheck: null as null | ((wc: unknown, p: string) => boolean),
    beforeRequest: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    paths: new Map<string, string>(),
  };

  class FakeWindow {
    webContents = new FakeWebContents();
    loaded: string | null = null;
    bounds: Rect;
    maximized = false;
    shown = false;
    focused = 0;
    onClose: (() => void) | null = null;
    constructor(readonly options: BrowserWindowOptionsLike) {
      this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width, height: options.height };
      calls.windows.push(this);
    }
    async loadURL(url: string) {
      this.loaded = url;
    }
    getBounds() {
      return this.bounds;
    }
    isMaximized() {
      return this.maximized;
    }
    isMinimized() {
      return false;
    }
    maximize() {
      this.maximized = true;
    }
    restore() {}
    focus() {
      this.focused++;
    }
    show() {
      this.shown = true;
    }
    once(_e: string, l: () => void) {
      l();
    }
    on(_e: 'close', l: () => void) {
      this.onClose = l;
    }
  }

  const electron: ElectronLike = {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => opts.lock ?? true,
      quit: () => void calls.quit++,
      exit: (code = 0) => void calls.exit.push(code),
      getVersion: () => '0.1.0-test',
      getPath: (name) => calls.paths.get(name) ?? '',
      setPath: (name, value) => void calls.paths.set(name, value),
      whenReady: async () => {},
      on: (event, listener) => void calls.appListeners.set(event, listener),
    },
    BrowserWindow: FakeWindow,
    protocol: {
      registerSchemesAsPrivileged: (s) => void calls.schemes.push(...s),
      handle: (scheme, handler) => void calls.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h) => void (calls.permissionRequest = h),
        setPermissionCheckHandler: (h) => void (calls.permissionCheck = h),
        webRequest: { onBeforeRequest: (l) => void (calls.beforeRequest = l) },
      },
    },
    ipcMain: { handle: (channel, listener) => void calls.ipc.set(channel, listener) },
    Menu: { buildFromTemplate: (t) => t, setApplicationMenu: (m) => void (calls.menu = m as MenuItemLike[]) },
    screen: { getAllDisplays: () => (opts.displays ?? [{ x: 0, y: 0, width: 1920, height: 1080 }]).map((workArea) => ({ workArea })) },
    dialog: { showErrorBox: (title, content) => void calls.errors.push({ title, content }) },
    shell: { openExternal: async (url: string) => void calls.openedExternal.push(url), openPath: async (path: string) => (calls.openedPaths.push(path), '') },
  };
  return { electron, calls };
}
