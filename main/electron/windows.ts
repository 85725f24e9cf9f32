/**
 * One window per role, created on first use, then hidden and reused (never one per break):
 * - 'main':   dashboard, settings, progress… (the renderer's hash routes)
 * - 'prompt': the small break prompt, shown without taking keyboard focus, on top, on the
 *             display where the pointer is.
 * Both load the same renderer; the role picks the first hash route.
 */
import { app, BrowserWindow, nativeImage, screen, type WebContents } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { wireName, type EventChannel, type EventPayloads, type View } from '../../shared/ipc-contract';
import type { RendererLocation } from '../web-security';
import appIconUrl from '../../resources/icons/256x256.png?inline';

export type Role = 'main' | 'prompt';

export interface ShowOptions {
  /** Which screen to show; sent as a 'navigate' event when the page is already loaded. */
  view?: View;
  /** Take keyboard focus (a user's explicit request) or not (the break prompt coming due). */
  focus?: boolean;
}

export interface Windows {
  readonly location: RendererLocation & { indexPath: string };
  show(role: Role, options?: ShowOptions): void;
  hide(role: Role): void;
  isVisible(role: Role): boolean;
  /** Resizes the visible prompt window (the renderer moved from the prompt to the routine). */
  layoutPrompt(layout: PromptLayout): void;
  /** The role of one of our windows' webContents, or null for anything else. */
  roleOf(contents: WebContents): Role | null;
  send<E extends EventChannel>(event: E, payload: EventPayloads[E]): void;
  /** Let windows close for real (quitting) instead of hiding. */
  allowClose(): void;
}

/** The prompt is small; the routine played in the same window gets more room. */
const PROMPT_SIZES = {
  prompt: { width: 440, height: 360 },
  routine: { width: 480, height: 640 },
} as const;
export type PromptLayout = keyof typeof PROMPT_SIZES;
const PROMPT_SIZE = PROMPT_SIZES.prompt;
const PROMPT_MARGIN = 24;

function hashFor(view: View): string {
  // Matches renderer/router.ts: '#/' is the dashboard, '#/prompt', '#/settings', …
  return view === 'dashboard' ? '/' : `/${view}`;
}

export function rendererLocation(): RendererLocation & { indexPath: string; devUrl: string | null } {
  const indexPath = join(__dirname, '../renderer/index.html');
  // electron-vite dev sets ELECTRON_RENDERER_URL; a packaged app never loads a URL.
  const devUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null;
  return {
    indexPath,
    indexFileUrl: pathToFileURL(indexPath).href,
    devUrl,
    devOrigin: devUrl ? new URL(devUrl).origin : null,
    caseInsensitive: process.platform === 'win32',
  };
}

export function createWindows(
  options: { onMainVisibility?: (visible: boolean) => void; /** Open pages with ?pseudo=1. */ pseudo?: boolean } = {},
): Windows {
  const location = rendererLocation();
  const preload = join(__dirname, '../preload/index.js');
  const icon = nativeImage.createFromDataURL(appIconUrl);
  const windows: Partial<Record<Role, BrowserWindow>> = {};
  const loaded: Partial<Record<Role, boolean>> = {};
  let closing = false;

  function load(win: BrowserWindow, view: View): void {
    const hash = hashFor(view);
    // MOVESNACK_PSEUDO_LOCALE=1: the pages speak the pseudo-locale too (renderer/i18n reads it).
    if (location.devUrl) {
      const url = new URL(location.devUrl);
      if (options.pseudo) url.searchParams.set('pseudo', '1');
      url.hash = hash;
      void win.loadURL(url.href);
    } else void win.loadFile(location.indexPath, { hash, ...(options.pseudo ? { query: { pseudo: '1' } } : {}) });
  }

  function create(role: Role, view: View): BrowserWindow {
    const win =
      role === 'main'
        ? new BrowserWindow({
            width: 1040,
            height: 760,
            minWidth: 360,
            minHeight: 480,
            show: false,
            title: 'Movesnack',
            icon,
            autoHideMenuBar: true,
            // Written out per window (not shared) so reviewers and electronegativity see each value.
            webPreferences: {
              // Reviewed: our own bundled preload, exposing only the typed window.movesnack API.
              preload, // eng-disable PRELOAD_JS_CHECK
              contextIsolation: true,
              sandbox: true,
              nodeIntegration: false,
              nodeIntegrationInWorker: false,
              nodeIntegrationInSubFrames: false,
              webSecurity: true,
              allowRunningInsecureContent: false,
              experimentalFeatures: false,
              webviewTag: false,
              navigateOnDragDrop: false,
              spellcheck: false,
              // Middle-click cannot open anything (window.open is denied as well).
              disableBlinkFeatures: 'Auxclick',
              devTools: !app.isPackaged,
            },
          })
        : new BrowserWindow({
            ...PROMPT_SIZE,
            show: false,
            title: 'Movesnack — time to move',
            icon,
            resizable: false,
            minimizable: false,
            maximizable: false,
            fullscreenable: false,
            alwaysOnTop: true,
            autoHideMenuBar: true,
            // Written out per window (not shared) so reviewers and electronegativity see each value.
            webPreferences: {
              // Reviewed: our own bundled preload, exposing only the typed window.movesnack API.
              preload, // eng-disable PRELOAD_JS_CHECK
              contextIsolation: true,
              sandbox: true,
              nodeIntegration: false,
              nodeIntegrationInWorker: false,
              nodeIntegrationInSubFrames: false,
              webSecurity: true,
              allowRunningInsecureContent: false,
              experimentalFeatures: false,
              webviewTag: false,
              navigateOnDragDrop: false,
              spellcheck: false,
              // Middle-click cannot open anything (window.open is denied as well).
              disableBlinkFeatures: 'Auxclick',
              devTools: !app.isPackaged,
            },
          });
    if (role === 'prompt') {
      win.setAlwaysOnTop(true, 'floating');
      if (process.platform === 'darwin') win.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
    }
    win.removeMenu();
    loaded[role] = false;
    win.webContents.on('did-start-loading', () => (loaded[role] = false));
    win.webContents.on('did-finish-load', () => (loaded[role] = true));
    // Closing a window hides it: the app lives in the tray; Quit is in the tray menu.
    win.on('close', (event) => {
      if (closing) return;
      event.preventDefault();
      win.hide();
    });
    win.on('closed', () => {
      delete windows[role];
      delete loaded[role];
    });
    if (role === 'main') {
      win.on('show', () => options.onMainVisibility?.(true));
      win.on('hide', () => options.onMainVisibility?.(false));
    }
    // A renderer that crashed comes back on the same route instead of a blank window.
    win.webContents.on('render-process-gone', (_event, details) => {
      if (details.reason === 'clean-exit' || closing) return;
      console.error(`[movesnack] ${role} renderer gone (${details.reason}); reloading`);
      load(win, role === 'prompt' ? 'prompt' : 'dashboard');
    });
    windows[role] = win;
    load(win, view);
    return win;
  }

  /** Bottom-right corner of the work area of the display under the pointer. */
  function placePrompt(win: BrowserWindow): void {
    const display = screen.getDisplayNearestPoint(screen.getCursorScreenPoint());
    const area = display.workArea;
    const [width = PROMPT_SIZE.width, height = PROMPT_SIZE.height] = win.getSize();
    win.setPosition(
      Math.round(area.x + area.width - width - PROMPT_MARGIN),
      Math.round(area.y + area.height - height - PROMPT_MARGIN),
    );
  }

  /** Sizes the prompt window for its content and keeps it in the corner. */
  function layoutPrompt(win: BrowserWindow, layout: PromptLayout): void {
    const { width, height } = PROMPT_SIZES[layout];
    const [w, h] = win.getSize();
    if (w !== width || h !== height) {
      // Not user-resizable; some Linux window managers ignore setSize while that is so.
      win.setResizable(true);
      win.setSize(width, height);
      win.setResizable(false);
    }
    placePrompt(win);
  }

  function reveal(role: Role, win: BrowserWindow, focus: boolean, view: View): void {
    if (role === 'prompt') layoutPrompt(win, view === 'routine' ? 'routine' : 'prompt');
    if (focus) {
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    } else if (!win.isVisible()) {
      win.showInactive();
    }
  }

  return {
    location,
    show(role, { view = role === 'prompt' ? 'prompt' : 'dashboard', focus = role === 'main' } = {}) {
      const existing = windows[role];
      if (!existing || existing.isDestroyed()) {
        const win = create(role, view);
        win.once('ready-to-show', () => reveal(role, win, focus, view));
        return;
      }
      if (loaded[role]) existing.webContents.send(wireName('navigate'), view);
      else load(existing, view);
      reveal(role, existing, focus, view);
    },
    layoutPrompt(layout) {
      const win = windows.prompt;
      if (win && !win.isDestroyed() && win.isVisible()) layoutPrompt(win, layout);
    },
    hide(role) {
      const win = windows[role];
      if (win && !win.isDestroyed() && win.isVisible()) win.hide();
    },
    isVisible(role) {
      const win = windows[role];
      return !!win && !win.isDestroyed() && win.isVisible();
    },
    roleOf(contents) {
      for (const role of ['main', 'prompt'] as const) {
        const win = windows[role];
        if (win && !win.isDestroyed() && win.webContents.id === contents.id) return role;
      }
      return null;
    },
    send(event, payload) {
      for (const role of ['main', 'prompt'] as const) {
        const win = windows[role];
        if (win && !win.isDestroyed() && loaded[role]) win.webContents.send(wireName(event), payload);
      }
    },
    allowClose() {
      closing = true;
    },
  };
}
