/**
 * A stand-in for the `electron` module, just wide enough to run the built main bundle
 * (out/main/index.js) in plain Node: it records what the shell asks of Electron and lets a test
 * play the OS (power events, idle state, the pointer's display) and the renderer (IPC calls,
 * page loads). The real binary cannot be downloaded on these machines; this is how the shell's
 * wiring is tested here. It proves nothing about Electron itself: the Playwright _electron suite
 * does that where the binary exists.
 */
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

type Listener = (...args: unknown[]) => unknown;

export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeFrame {
  parent: FakeFrame | null = null;
  constructor(
    public url: string,
    public routingId: number,
    public processId: number,
  ) {}
  isDestroyed(): boolean {
    return false;
  }
}

let nextContentsId = 1;
export class FakeWebContents extends EventEmitter {
  id = nextContentsId++;
  mainFrame = new FakeFrame('about:blank', 1, 1000 + this.id);
  sent: Array<[string, unknown]> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits an event with a FakeEvent first, as Electron does; returns the event. */
  fire(name: string, ...args: unknown[]): FakeEvent {
    const event = new FakeEvent();
    this.emit(name, event, ...args);
    return event;
  }
  lastSent(channel: string): unknown {
    return [...this.sent].reverse().find(([c]) => c === channel)?.[1];
  }
  printToPDF(_options: unknown): Promise<Buffer> {
    return Promise.resolve(Buffer.from('%PDF-fake'));
  }
}

export class FakeApp extends EventEmitter {
  calls: string[] = [];
  paths: Record<string, string>;
  constructor(
    private appPath: string,
    defaultUserData: string,
  ) {
    super();
    this.paths = { userData: defaultUserData };
  }
  isPackaged = false;
  name = 'movesnack';
  quitRequested = 0;
  exited: number | null = null;
  hasQuit = false;
  loginItem: unknown = null;
  /** What the OS says the user's languages are (app.getPreferredSystemLanguages). */
  systemLanguages: string[] = ['en-US'];
  getPreferredSystemLanguages(): string[] {
    return [...this.systemLanguages];
  }
  getLocale(): string {
    return this.systemLanguages[0] ?? 'en-US';
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  setName(name: string): void {
    this.name = name;
  }
  getPath(name: string): string {
    return this.paths[name] ?? `/fake/${name}`;
  }
  setPath(name: string, value: string): void {
    this.paths[name] = value;
  }
  getAppPath(): string {
    return this.appPath;
  }
  setAppUserModelId(id: string): void {
    this.calls.push(`setAppUserModelId:${id}`);
  }
  enableSandbox(): void {
    this.calls.push('enableSandbox');
  }
  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return true;
  }
  getLoginItemSettings() {
    return { openAtLogin: false, wasOpenedAtLogin: false };
  }
  setLoginItemSettings(settings: unknown): void {
    this.loginItem = settings;
  }
  quit(): void {
    this.quitRequested++;
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    this.emit('will-quit', new FakeEvent());
    this.hasQuit = true;
  }
  exit(code = 0): void {
    this.exited = code;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static app: FakeApp | null = null;
  static all: FakeBrowserWindow[] = [];
  static fromWebContents(contents: FakeWebContents): FakeBrowserWindow | null {
    return FakeBrowserWindow.all.find((w) => w.webContents === contents) ?? null;
  }
  webContents = new FakeWebContents();
  visible = false;
  focused = false;
  destroyed = false;
  showInactiveCalls = 0;
  showCalls = 0;
  position: [number, number] = [0, 0];
  size: [number, number];
  alwaysOnTop: unknown[] = [];
  url = '';
  pendingLoad = false;
  constructor(public options: Record<string, unknown>) {
    super();
    this.size = [Number(options.width ?? 800), Number(options.height ?? 600)];
    FakeBrowserWindow.all.push(this);
    FakeBrowserWindow.app?.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((w) => !w.destroyed);
  }
  loadFile(file: string, opts: { hash?: string; query?: Record<string, string> } = {}): Promise<void> {
    const query = opts.query ? `?${new URLSearchParams(opts.query).toString()}` : '';
    return this.loadURL(`${pathToFileURL(file).href}${query}${opts.hash !== undefined ? `#${opts.hash}` : ''}`);
  }
  loadURL(url: string): Promise<void> {
    this.url = url;
    this.pendingLoad = true;
    this.webContents.emit('did-start-loading');
    return Promise.resolve();
  }
  /** The page finished loading (the test decides when). */
  finishLoad(): void {
    if (!this.pendingLoad) return;
    this.pendingLoad = false;
    this.webContents.mainFrame.url = this.url;
    this.webContents.emit('did-finish-load');
    this.emit('ready-to-show');
  }
  show(): void {
    this.showCalls++;
    this.visible = true;
    this.emit('show');
  }
  showInactive(): void {
    this.showInactiveCalls++;
    this.visible = true;
    this.emit('show');
  }
  hide(): void {
    this.visible = false;
    this.focused = false;
    this.emit('hide');
  }
  focus(): void {
    this.focused = true;
  }
  close(): void {
    const event = new FakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.visible = false;
    this.emit('closed');
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  removeMenu(): void {}
  setAlwaysOnTop(...args: unknown[]): void {
    this.alwaysOnTop = args;
  }
  setVisibleOnAllWorkspaces(): void {}
  setPosition(x: number, y: number): void {
    this.position = [x, y];
  }
  getSize(): [number, number] {
    return this.size;
  }
  setSize(width: number, height: number): void {
    this.size = [width, height];
  }
  setResizable(): void {}
}

export class FakeTray extends EventEmitter {
  static all: FakeTray[] = [];
  tooltip = '';
  title = '';
  menu: { template: Array<Record<string, unknown>> } | null = null;
  destroyed = false;
  constructor(public image: unknown) {
    super();
    FakeTray.all.push(this);
  }
  setImage(image: unknown): void {
    this.image = image;
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setTitle(text: string): void {
    this.title = text;
  }
  setContextMenu(menu: { template: Array<Record<string, unknown>> }): void {
    this.menu = menu;
  }
  setIgnoreDoubleClickEvents(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export class FakeImage {
  reps: Array<Record<string, unknown>> = [];
  constructor(public dataURL: string | null = null) {}
  addRepresentation(rep: Record<string, unknown>): void {
    this.reps.push(rep);
  }
  isEmpty(): boolean {
    return !this.dataURL && this.reps.length === 0;
  }
}

export class FakePowerMonitor extends EventEmitter {
  idleSeconds = 0;
  idleState: 'active' | 'idle' | 'locked' | 'unknown' = 'active';
  idleStateQueries = 0;
  getSystemIdleTime(): number {
    return this.idleSeconds;
  }
  getSystemIdleState(): string {
    this.idleStateQueries++;
    return this.idleState;
  }
}

export class FakeNotification extends EventEmitter {
  static all: FakeNotification[] = [];
  shown = false;
  closed = false;
  constructor(public options: { title: string; body: string; silent?: boolean }) {
    super();
    FakeNotification.all.push(this);
  }
  static isSupported(): boolean {
    return true;
  }
  show(): void {
    this.shown = true;
  }
  close(): void {
    this.closed = true;
  }
}

export function createFakeElectron(options: { appPath: string; defaultUserData: string }) {
  const app = new FakeApp(options.appPath, options.defaultUserData);
  const { calls, paths } = app;
  FakeBrowserWindow.app = app;
  FakeBrowserWindow.all = [];
  FakeTray.all = [];
  FakeNotification.all = [];
  const BrowserWindow = FakeBrowserWindow;
  const Tray = FakeTray;
  const Notification = FakeNotification;

  const Menu = {
    buildFromTemplate: (template: Array<Record<string, unknown>>) => ({ template }),
  };

  const nativeImage = {
    createEmpty: () => new FakeImage(),
    createFromDataURL: (url: string) => new FakeImage(url),
  };

  const displays = [
    { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
    { id: 2, workArea: { x: 1920, y: 0, width: 2560, height: 1400 } },
  ];
  const screen = {
    cursor: { x: 2500, y: 300 },
    getCursorScreenPoint() {
      return this.cursor;
    },
    getDisplayNearestPoint(point: { x: number; y: number }) {
      return point.x >= 1920 ? displays[1]! : displays[0]!;
    },
  };

  const powerMonitor = new FakePowerMonitor();

  const handlers = new Map<string, Listener>();
  const ipcMain = {
    handlers,
    handle(channel: string, fn: Listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, fn);
    },
    removeHandler(channel: string) {
      handlers.delete(channel);
    },
    on() {},
  };

  const shortcuts = new Map<string, () => void>();
  const globalShortcut = {
    shortcuts,
    register(accelerator: string, fn: () => void) {
      shortcuts.set(accelerator, fn);
      return true;
    },
    unregister(accelerator: string) {
      shortcuts.delete(accelerator);
    },
    unregisterAll() {
      shortcuts.clear();
    },
  };

  type Cb = (...args: unknown[]) => void;
  const defaultSession = {
    permissionRequest: null as null | Cb,
    permissionCheck: null as null | ((...args: unknown[]) => boolean),
    devicePermission: null as null | ((...args: unknown[]) => boolean),
    setPermissionRequestHandler(fn: Cb) {
      this.permissionRequest = fn;
    },
    setPermissionCheckHandler(fn: (...args: unknown[]) => boolean) {
      this.permissionCheck = fn;
    },
    setDevicePermissionHandler(fn: (...args: unknown[]) => boolean) {
      this.devicePermission = fn;
    },
    webRequest: {
      beforeRequest: null as null | Cb,
      headersReceived: null as null | Cb,
      onBeforeRequest(fn: Cb) {
        this.beforeRequest = fn;
      },
      onHeadersReceived(fn: Cb) {
        this.headersReceived = fn;
      },
    },
  };

  const dialog = {
    errors: [] as string[],
    saveDialogs: [] as Array<{ defaultPath?: string }>,
    /** What the next save dialog answers; null means the user cancelled. */
    nextSavePath: null as string | null,
    showErrorBox(title: string, message: string) {
      this.errors.push(`${title}: ${message}`);
    },
    showSaveDialog(...args: unknown[]) {
      const options = args.at(-1) as { defaultPath?: string };
      this.saveDialogs.push(options);
      const filePath = this.nextSavePath;
      return Promise.resolve(filePath ? { canceled: false, filePath } : { canceled: true, filePath: undefined });
    },
  };

  const electron = {
    app,
    BrowserWindow,
    Tray,
    Menu,
    nativeImage,
    screen,
    powerMonitor,
    ipcMain,
    Notification,
    globalShortcut,
    session: { defaultSession },
    dialog,
  };
  return {
    electron,
    calls,
    paths,
    app,
    BrowserWindow,
    Tray,
    Notification,
    powerMonitor,
    ipcMain,
    globalShortcut,
    screen,
    defaultSession,
    dialog,
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
