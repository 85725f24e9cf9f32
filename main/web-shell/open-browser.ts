/**
 * Opens the browser shell's page: Chromium or Chrome in app mode (a window of its own, no
 * address bar) when one is installed, else the default browser.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const APP_MODE_BROWSERS: Record<string, string[]> = {
  linux: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
  win32: [
    path.join(process.env.PROGRAMFILES ?? 'C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe'),
    path.join(process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', 'Google', 'Chrome', 'Application', 'chrome.exe'),
    path.join(process.env.LOCALAPPDATA ?? '', 'Google', 'Chrome', 'Application', 'chrome.exe'),
  ],
};

function onPath(name: string): string | null {
  if (path.isAbsolute(name)) return fs.existsSync(name) ? name : null;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

export type Opener = { command: string; args: string[]; appMode: boolean };

/** How `url` would be opened on this machine, or null when nothing can open it. */
export function findOpener(url: string, platform = process.platform): Opener | null {
  for (const name of APP_MODE_BROWSERS[platform] ?? []) {
    const found = onPath(name);
    if (found) return { command: found, args: [`--app=${url}`], appMode: true };
  }
  if (platform === 'darwin') return { command: 'open', args: [url], appMode: false };
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url], appMode: false };
  const xdg = onPath('xdg-open');
  return xdg ? { command: xdg, args: [url], appMode: false } : null;
}

/** Starts the browser, detached: it outlives neither more nor less than it would if the user had. */
export function openInBrowser(url: string): boolean {
  const opener = findOpener(url);
  if (!opener) return false;
  try {
    const child = spawn(opener.command, opener.args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
