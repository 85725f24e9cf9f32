/**
 * The tray: icon (sitting / due / paused), tooltip with the time left (every OS), title on
 * macOS, and a full context menu on every OS (Linux trays may never deliver clicks).
 * Text comes from main/tray-status.ts; actions go to the engine, which decides.
 */
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { Action } from '../../shared/actions';
import type { CompanionState } from '../../shared/state';
import { PAUSE_CHOICES, describeTray, pauseUntil, type TrayIcon, type TrayStatus } from '../tray-status';
import sitting1x from '../../resources/tray/sitting.png?inline';
import sitting2x from '../../resources/tray/sitting@2x.png?inline';
import due1x from '../../resources/tray/due.png?inline';
import due2x from '../../resources/tray/due@2x.png?inline';
import paused1x from '../../resources/tray/paused.png?inline';
import paused2x from '../../resources/tray/paused@2x.png?inline';

export interface TrayDeps {
  getState(): CompanionState;
  /** Runs an engine action; returns false (and has told the user) when it was refused. */
  act(action: Action): boolean;
  openMain(view: 'dashboard' | 'settings'): void;
  openBreak(): void;
  reportDiscomfort(): void;
  quit(): void;
}

export interface TrayItemView {
  id: string;
  label: string;
  enabled: boolean;
  submenu?: TrayItemView[];
}

export interface TrayHandle {
  render(state: CompanionState): void;
  /** What is on screen, for the end-to-end tests. */
  describe(): { status: TrayStatus | null; items: TrayItemView[] };
  /** Clicks a menu item by id, for the end-to-end tests. */
  click(id: string): boolean;
  destroy(): void;
}

function multiScale(x1: string, x2: string): NativeImage {
  const image = nativeImage.createEmpty();
  image.addRepresentation({ scaleFactor: 1, dataURL: x1 });
  image.addRepresentation({ scaleFactor: 2, dataURL: x2 });
  return image;
}

export function createTray(deps: TrayDeps): TrayHandle {
  const icons: Record<TrayIcon, NativeImage> = {
    sitting: multiScale(sitting1x, sitting2x),
    due: multiScale(due1x, due2x),
    paused: multiScale(paused1x, paused2x),
  };
  const tray = new Tray(icons.sitting);
  tray.setIgnoreDoubleClickEvents(true);
  let status: TrayStatus | null = null;
  let template: MenuItemConstructorOptions[] = [];
  let refresh: NodeJS.Timeout | null = null;
  let currentIcon: TrayIcon | null = null;

  // Windows: left click opens the window, right click the menu. macOS/Linux show the menu.
  tray.on('click', () => {
    if (process.platform === 'win32') deps.openMain('dashboard');
  });

  function buildTemplate(s: TrayStatus, state: CompanionState): MenuItemConstructorOptions[] {
    return [
      { id: 'status', label: s.statusLine, enabled: false },
      { type: 'separator' },
      {
        id: 'break-now',
        label: state.phase === 'due' ? 'Start the movement break' : 'Take a break now',
        enabled: s.canStartBreak,
        click: () => {
          if (deps.act({ type: 'break/start' })) deps.openBreak();
        },
      },
      { id: 'discomfort', label: 'My back is complaining', click: () => deps.reportDiscomfort() },
      { type: 'separator' },
      {
        id: 'pause',
        label: 'Pause',
        submenu: PAUSE_CHOICES.map(({ choice, label }) => ({
          id: `pause-${choice}`,
          label,
          click: () => {
            const until = pauseUntil(choice, new Date(), deps.getState().settings);
            deps.act({ type: 'pause', until: until.toISOString() });
          },
        })),
      },
      { id: 'resume', label: 'Resume', enabled: s.canResume, click: () => deps.act({ type: 'resume' }) },
      { type: 'separator' },
      { id: 'open', label: 'Open Movesnack', click: () => deps.openMain('dashboard') },
      { id: 'settings', label: 'Settings…', click: () => deps.openMain('settings') },
      { type: 'separator' },
      { id: 'quit', label: 'Quit Movesnack', click: () => deps.quit() },
    ];
  }

  function render(state: CompanionState): void {
    if (tray.isDestroyed()) return;
    status = describeTray(state);
    if (status.icon !== currentIcon) {
      tray.setImage(icons[status.icon]);
      currentIcon = status.icon;
    }
    tray.setToolTip(status.tooltip);
    if (process.platform === 'darwin') tray.setTitle(status.title);
    template = buildTemplate(status, state);
    tray.setContextMenu(Menu.buildFromTemplate(template));
    // The "in N min" text changes once a minute while a break is ahead; nothing ticks otherwise.
    if (refresh) clearTimeout(refresh);
    refresh = null;
    if (status.refreshAt !== null) {
      refresh = setTimeout(() => render(deps.getState()), Math.max(1000, status.refreshAt - Date.now()));
    }
  }

  const view = (items: MenuItemConstructorOptions[]): TrayItemView[] =>
    items
      .filter((item) => item.type !== 'separator')
      .map((item) => ({
        id: item.id ?? '',
        label: item.label ?? '',
        enabled: item.enabled !== false,
        ...(Array.isArray(item.submenu) ? { submenu: view(item.submenu as MenuItemConstructorOptions[]) } : {}),
      }));

  const find = (items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions | null => {
    for (const item of items) {
      if (item.id === id) return item;
      if (Array.isArray(item.submenu)) {
        const found = find(item.submenu as MenuItemConstructorOptions[], id);
        if (found) return found;
      }
    }
    return null;
  };

  return {
    render,
    describe: () => ({ status, items: view(template) }),
    click(id) {
      const item = find(template, id);
      if (!item || item.enabled === false || typeof item.click !== 'function') return false;
      (item.click as () => void)();
      return true;
    },
    destroy() {
      if (refresh) clearTimeout(refresh);
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
