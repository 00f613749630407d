// The slice of Electron's API that main uses. Main is written against this so that tests can
// run it under plain Node with a fake (the Electron binary is not available everywhere).
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WebContentsLike {
  on(event: 'will-navigate', listener: (e: { preventDefault(): void }, url: string) => void): void;
  on(event: 'will-attach-webview', listener: (e: { preventDefault(): void }) => void): void;
  on(event: 'will-redirect', listener: (e: { preventDefault(): void }, url: string) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void;
}

export interface BrowserWindowLike {
  webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  getBounds(): Rect;
  isMaximized(): boolean;
  isMinimized(): boolean;
  maximize(): void;
  restore(): void;
  focus(): void;
  show(): void;
  once(event: 'ready-to-show', listener: () => void): void;
  on(event: 'close', listener: () => void): void;
}

export interface WebPreferencesLike {
  preload: string;
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegration: boolean;
  nodeIntegrationInWorker: boolean;
  nodeIntegrationInSubFrames: boolean;
  webSecurity: boolean;
  allowRunningInsecureContent: boolean;
  webviewTag: boolean;
  spellcheck: boolean;
  devTools: boolean;
}

export interface BrowserWindowOptionsLike extends Partial<Rect> {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  webPreferences: WebPreferencesLike;
}

export interface SessionLike {
  setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (wc: unknown, permission: string) => boolean): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: { url: string } | null }, arg: unknown) => Promise<unknown>): void;
}

export interface MenuItemLike {
  role?: string;
  label?: string;
  type?: string;
  submenu?: MenuItemLike[];
  click?: () => void;
}

export interface ElectronLike {
  app: {
    isPackaged: boolean;
    requestSingleInstanceLock(): boolean;
    quit(): void;
    exit(code?: number): void;
    getVersion(): string;
    getPath(name: 'userData'): string;
    setPath(name: 'userData', value: string): void;
    setName?(name: string): void;
    commandLine?: { appendSwitch(name: string, value?: string): void };
    whenReady(): Promise<void>;
    on(event: 'second-instance' | 'window-all-closed' | 'activate' | 'will-quit', listener: () => void): void;
  };
  BrowserWindow: new (options: BrowserWindowOptionsLike) => BrowserWindowLike;
  protocol: {
    registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void;
    handle(scheme: string, handler: (request: { url: string }) => Promise<Response> | Response): void;
  };
  session: { defaultSession: SessionLike };
  ipcMain: IpcMainLike;
  Menu: {
    buildFromTemplate(template: MenuItemLike[]): unknown;
    setApplicationMenu(menu: unknown): void;
  };
  screen: { getAllDisplays(): { workArea: Rect }[] };
  dialog: { showErrorBox(title: string, content: string): void };
  shell: { openExternal(url: string): Promise<void>; openPath(path: string): Promise<string> };
}
