/**
 * Launch at login. macOS/Windows: the OS login item. Linux: an XDG autostart .desktop file
 * (setLoginItemSettings does nothing there); its text comes from main/autostart.ts.
 * Started at login, the app runs in the tray only (`--hidden`).
 */
import { app } from 'electron';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname } from 'node:path';
import { autostartCommand, autostartFilePath, buildAutostartDesktopEntry } from '../autostart';

export const HIDDEN_ARG = '--hidden';

export function applyLoginItem(enabled: boolean): void {
  try {
    if (process.platform === 'linux') {
      const file = autostartFilePath(process.env, homedir());
      if (!enabled) {
        rmSync(file, { force: true });
        return;
      }
      const { exec, args } = autostartCommand({
        execPath: process.execPath,
        appImage: process.env.APPIMAGE,
        isPackaged: app.isPackaged,
        appPath: app.getAppPath(),
        extraArgs: [HIDDEN_ARG],
      });
      mkdirSync(dirname(file), { recursive: true });
      const text = buildAutostartDesktopEntry({
        name: 'Movesnack',
        comment: 'Movement breaks for your back',
        exec,
        args,
        icon: 'movesnack',
      });
      writeFileSync(file, text, { mode: 0o644 });
    } else if (process.platform === 'darwin' || process.platform === 'win32') {
      app.setLoginItemSettings({
        openAtLogin: enabled,
        ...(process.platform === 'win32' ? { args: [HIDDEN_ARG] } : {}),
      });
    }
  } catch (error) {
    console.error(`[movesnack] could not ${enabled ? 'enable' : 'disable'} launch at login:`, error);
  }
}

/** Whether this launch came from the login item (start in the tray, no window). */
export function startedAtLogin(argv: readonly string[]): boolean {
  if (argv.includes(HIDDEN_ARG)) return true;
  if (process.platform === 'darwin') {
    try {
      return app.getLoginItemSettings().wasOpenedAtLogin === true;
    } catch {
      return false;
    }
  }
  return false;
}
