/**
 * The tray: icon (sitting / due / paused), tooltip with the time left (every OS), title on
 * macOS, and a full context menu on every OS (Linux trays may never deliver clicks).
 * Icon, refresh time and menu enabling come from main/tray-status.ts; every word from the
 * language layer (shared/i18n/tray.ts), in the language of settings.language, re-rendered at
 * once when it changes. Actions go to the engine, which decides.
 */
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { Action } from '../../shared/actions';
import type { CompanionState } from '../../shared/state';
import { trayTexts } from '../../shared/i18n/tray';
import { pauseChoiceLabel } from '../../shared/i18n/text';
import { PAUSE_CHOICES, describeTray, pauseUntil, type TrayIcon, type TrayStatus } from '../tray-status';
import type { ShellLanguage } from './language';
import sitting1x from '../../resources/tray/sitting.png?inline';
import sitting2x from '../../resources/tray/sitting@2x.png?inline';
import due1x from '../../resources/tray/due.png?inline';
import due2x from '../../resources/tray/due@2x.png?inline';
import paused1x from '../../resources/tray/paused.png?inline';
import paused2x from '../../resources/tray/paused@2x.png?inline';

export interface TrayDeps {
  getState(): CompanionState;
  /** The words, in the user's language (followed from settings.language by main.ts). */
  language: Pick<ShellLanguage, 't' | 'locale'>;
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
    const { t } = deps.language;
    return [
      { id: 'status', label: s.statusLine, enabled: false },
      { type: 'separator' },
      {
        id: 'break-now',
        label: state.phase === 'due' ? t('tray:menu.startDue') : t('tray:menu.startBreak'),
        enabled: s.canStartBreak,
        click: () => {
          if (deps.act({ type: 'break/start' })) deps.openBreak();
        },
      },
      { id: 'discomfort', label: t('tray:menu.discomfort'), click: () => deps.reportDiscomfort() },
      { type: 'separator' },
      {
        id: 'pause',
        label: t('tray:menu.pause'),
        submenu: PAUSE_CHOICES.map(({ choice }) => ({
          id: `pause-${choice}`,
          label: pauseChoiceLabel(t, choice),
          click: () => {
            const until = pauseUntil(choice, new Date(), deps.getState().settings);
            deps.act({ type: 'pause', until: until.toISOString() });
          },
        })),
      },
      { id: 'resume', label: t('tray:menu.resume'), enabled: s.canResume, click: () => deps.act({ type: 'resume' }) },
      { type: 'separator' },
      { id: 'open', label: t('tray:menu.open'), click: () => deps.openMain('dashboard') },
      { id: 'settings', label: t('tray:menu.settings'), click: () => deps.openMain('settings') },
      { type: 'separator' },
      { id: 'quit', label: t('tray:menu.quit'), click: () => deps.quit() },
    ];
  }

  function render(state: CompanionState): void {
    if (tray.isDestroyed()) return;
    const now = new Date();
    status = { ...describeTray(state, now), ...trayTexts(deps.language.t, deps.language.locale, state, now) };
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
