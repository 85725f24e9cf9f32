/**
 * Movesnack's Electron main process: the thin shell around the engine. It wires OS events to
 * engine actions and engine state to the tray, windows and notifications; it decides nothing.
 *
 *   OS/user event -> here -> companion.dispatch -> new state -> subscribe -> tray/windows/IPC
 */
import { app, dialog, ipcMain, powerMonitor } from 'electron';
import { resolve } from 'node:path';
import { createCompanion } from '../core';
import { handleInvoke } from '../ipc';
import { INVOKE_CHANNELS, SHELL_CHANNELS, wireName } from '../../shared/ipc-contract';
import type { DesktopStatus, IpcResult, ShellChannel } from '../../shared/ipc-contract';
import type { Action } from '../../shared/actions';
import type { CompanionState } from '../../shared/state';
import { createWindows } from './windows';
import { guardAllWebContents, hardenSession, isTrustedSender } from './security';
import { createTray } from './tray';
import { createNotifier } from './notifications';
import { watchPower, type PowerWatch } from './power';
import { createSystemMonitor, desktopIdleStatus, isWaylandSession } from '../system';
import { reasonsToProbe, refreshWhenDue } from '../desk-presence';
import { applyLoginItem, startedAtLogin } from './login-item';
import { bindDiscomfortShortcut } from './shortcut';
import { savePdf } from './save-pdf';
import { createShellLanguage } from './language';
import { engineMessage } from '../../shared/i18n/text';
import { refusalOf } from '../../shared/engine-messages';

const APP_ID = 'com.movesnack.app';

// One data folder name in development and when packaged (~/.config/Movesnack, …).
app.setName('Movesnack');
// Tests and power users point the app at another data folder (e.g. a temporary one).
if (process.env.MOVESNACK_DATA_DIR) app.setPath('userData', resolve(process.env.MOVESNACK_DATA_DIR));
// Windows: notifications and taskbar grouping belong to this id (same as electron-builder's appId).
app.setAppUserModelId(APP_ID);
// Every renderer is sandboxed, whatever a window's options say.
app.enableSandbox();

function fatal(error: unknown): void {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error('[movesnack] could not start:', message);
  try {
    dialog.showErrorBox('Movesnack could not start', message);
  } finally {
    app.exit(1);
  }
}

function main(): void {
  // The tray and notifications speak settings.language (set once the engine is up, below).
  const language = createShellLanguage(undefined);
  const windows = createWindows({
    pseudo: language.pseudo,
    // macOS: no Dock icon while only the tray runs; the Dock icon comes with the main window.
    onMainVisibility: (visible) => {
      if (process.platform !== 'darwin' || !app.dock) return;
      if (visible) void app.dock.show();
      else app.dock.hide();
    },
  });
  if (process.platform === 'darwin') app.dock?.hide();
  hardenSession(windows.location);

  // main/system watches the desktop beside powerMonitor: calls, fullscreen, Do Not Disturb,
  // listed apps, and idle time where powerMonitor reads 0 (many Wayland sessions). It runs
  // inside the engine's idle poll and has no timer of its own.
  let power: PowerWatch | null = null;
  const wayland = isWaylandSession(process.env);
  const monitor = createSystemMonitor({
    deferApps: () => companion.getState().settings.deferApps,
    reasons: () => reasonsToProbe(companion.getState().settings),
    onBusyChange: (busy) => systemAct({ type: 'presence/update', busy }),
    onLockChange: process.platform === 'linux' ? (locked) => power?.setLocked(locked) : undefined,
    onNotice: (notice) => console.info(`[movesnack] ${notice.message}`),
  });
  /** On Wayland powerMonitor may read 0 for good; once it reads more, it is known to work. */
  let powerMonitorAnswered = !wayland;
  const companion = createCompanion({
    dataDir: app.getPath('userData'),
    idleSeconds: () => {
      const desktop = monitor.idleSeconds(); // also refreshes presence and the lock, in this tick
      power?.checkLock();
      const electron = powerMonitor.getSystemIdleTime();
      if (electron > 0) powerMonitorAnswered = true;
      return wayland && electron === 0 ? desktop : electron;
    },
  });
  /** For the dashboard: whether this desktop shows when the user steps away (read-only). */
  const desktopStatus = async (): Promise<DesktopStatus> => {
    if (powerMonitorAnswered) return { idle: 'ok', source: 'electron-powerMonitor' };
    const status = await desktopIdleStatus(monitor);
    // powerMonitor may have read a real idle time during that refresh.
    return powerMonitorAnswered ? { idle: 'ok', source: 'electron-powerMonitor' } : status;
  };

  language.follow(companion.getState().settings.language);
  const notifier = createNotifier({
    language,
    openPrompt: () => windows.show('prompt', { view: 'prompt', focus: true }),
    openView: (view) => windows.show('main', { view, focus: true }),
  });
  companion.onReminder((reminder) => notifier.remind(reminder));

  /** Runs an engine action from the tray or the OS; a refusal is shown, never thrown. */
  const act = (action: Action): boolean => {
    try {
      companion.dispatch(action);
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.warn(`[movesnack] ${action.type} refused: ${message}`);
      const refusal = refusalOf(error);
      notifier.acknowledge(language.t('common:appName'), refusal ? engineMessage(language.t, refusal, message) : message);
      return false;
    }
  };
  /** OS events (power, lock) can arrive in any phase; the engine's refusal is only logged. */
  const systemAct = (action: Action): void => {
    try {
      companion.dispatch(action);
    } catch (error) {
      console.warn(`[movesnack] ${action.type} ignored: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const reportDiscomfort = () => {
    if (act({ type: 'discomfort/report' })) {
      notifier.acknowledge(language.t('notifications:discomfort.title'), language.t('notifications:discomfort.body'));
    }
  };

  // IPC: every invoke channel of the contract, answered through the one table in main/ipc.ts.
  const isOurWindow = (contents: Electron.WebContents) => windows.roleOf(contents) !== null;
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(wireName(channel), (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, isOurWindow, windows.location)) {
        console.warn(`[movesnack] refused ${channel} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
        return { ok: false, error: 'Refused: this request did not come from a Movesnack window.' };
      }
      return handleInvoke(companion, channel, args);
    });
  }

  // Shell-only channels: each answered by its own handler (they need a window or the desktop).
  const shellHandlers: { [C in ShellChannel]: (event: Electron.IpcMainInvokeEvent, args: unknown[]) => Promise<IpcResult<unknown>> } = {
    savePdf: (event, args) => savePdf(event.sender, args),
    desktopStatus: async (_event, args) =>
      args.length === 0 ? { ok: true, value: await desktopStatus() } : { ok: false, error: 'desktopStatus takes no arguments.' },
  };
  for (const channel of SHELL_CHANNELS) {
    ipcMain.handle(wireName(channel), async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, isOurWindow, windows.location)) {
        return { ok: false, error: 'Refused: this request did not come from a Movesnack window.' };
      }
      return shellHandlers[channel](event, args);
    });
  }

  const tray = createTray({
    getState: () => companion.getState(),
    language,
    act,
    openMain: (view) => windows.show('main', { view, focus: true }),
    openBreak: () => windows.show('prompt', { view: 'routine', focus: true }),
    reportDiscomfort,
    quit: () => app.quit(),
  });
  power = watchPower({ getState: () => companion.getState(), dispatch: systemAct });
  refreshWhenDue(companion, () => monitor.refresh());
  const shortcut = bindDiscomfortShortcut(reportDiscomfort);

  let previous: CompanionState | null = null;
  const onState = (state: CompanionState) => {
    // A new settings.language switches the tray and the notifications here; the windows
    // switch themselves from the same state event.
    language.follow(state.settings.language);
    windows.send('state', state);
    tray.render(state);
    notifier.onState(previous, state);
    if (state.phase === 'due' && previous?.phase !== 'due') {
      // The prompt appears where the pointer is, on top, without taking keyboard focus.
      windows.show('prompt', { view: 'prompt', focus: false });
    } else if (state.phase === 'routine') {
      // Started from the prompt: the routine plays in the same window, which grows for it.
      windows.layoutPrompt('routine');
    } else if (state.phase !== 'due') {
      windows.hide('prompt');
    }
    power.onState(state);
    shortcut.apply(state.settings.discomfortShortcut);
    if (previous === null || previous.settings.launchAtLogin !== state.settings.launchAtLogin) {
      applyLoginItem(state.settings.launchAtLogin);
    }
    previous = state;
  };
  companion.subscribe(onState);
  companion.start();
  onState(companion.getState());

  app.on('second-instance', () => windows.show('main', { focus: true }));
  app.on('activate', () => windows.show('main', { focus: true }));

  let stopping = false;
  app.on('before-quit', (event) => {
    windows.allowClose();
    if (stopping) return;
    stopping = true;
    event.preventDefault();
    for (const channel of [...INVOKE_CHANNELS, ...SHELL_CHANNELS]) ipcMain.removeHandler(wireName(channel));
    power?.dispose();
    monitor.close();
    shortcut.dispose();
    notifier.dispose();
    tray.destroy();
    companion
      .stop()
      .catch((error: unknown) => console.error('[movesnack] could not save on quit:', error))
      .finally(() => app.quit());
  });

  if (process.env.MOVESNACK_E2E === '1') {
    // Read-only handles for the Playwright _electron suite (tests/electron/).
    (globalThis as Record<string, unknown>).__movesnackShell = {
      tray: { describe: () => tray.describe(), click: (id: string) => tray.click(id) },
      isVisible: (role: 'main' | 'prompt') => windows.isVisible(role),
      state: () => companion.getState(),
    };
  }

  if (!startedAtLogin(process.argv)) windows.show('main', { focus: true });
}

if (!app.requestSingleInstanceLock()) {
  // Another Movesnack runs: it receives 'second-instance' and shows its window.
  app.quit();
} else {
  guardAllWebContents();
  // A tray app keeps running when its windows are closed (they only hide anyway).
  app.on('window-all-closed', () => undefined);
  app
    .whenReady()
    .then(main)
    .catch((error: unknown) => fatal(error));
}
