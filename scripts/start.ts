/**
 * `npm start`: Movesnack on this machine.
 *
 * - The Electron app when Electron's binary is installed (checked without requiring the
 *   'electron' package, which would try to download it).
 * - Otherwise, or with MOVESNACK_SHELL=web, the browser shell (main/web-shell): the engine in
 *   this Node process, the page on 127.0.0.1, opened in Chromium/Chrome app mode or the default
 *   browser (MOVESNACK_OPEN=0: only print the link).
 * - A browser shell already running on the same data folder is opened instead of starting a
 *   second one (main/web-shell/handoff.ts).
 *
 * ELECTRON_OVERRIDE_DIST_PATH (Electron's own variable) points at a folder holding an Electron
 * program installed elsewhere; the launcher looks there as the electron package would.
 *
 * MOVESNACK_DATA_DIR picks the data folder (default: the Electron app's, ~/.config/Movesnack on
 * Linux). SIGINT and SIGTERM save everything and exit 0.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findElectronBinary } from './electron-binary';
import { askRunningShell } from '../main/web-shell/handoff';
import { defaultDataDir } from '../main/web-shell/data-dir';
import { openInBrowser } from '../main/web-shell/open-browser';
import { DEFAULT_RENDERER_DIR, FolderLocked, ROOT, startWebShell, type WebShell } from '../main/web-shell/server';
import { FolderInUse } from '../main/web-shell/handoff';

const say = (line: string) => process.stdout.write(`${line}\n`);
const RUNNING = 'Movesnack is running at';

/** Newest modification time of the files a build reads. */
function newestSource(entries: string[]): number {
  let newest = 0;
  const walk = (p: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== 'node_modules' && !name.startsWith('.')) walk(path.join(p, name));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of entries) walk(path.join(ROOT, entry));
  return newest;
}

function run(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  return result.status === 0;
}

/** Builds the page for the browser (dist-web/) unless it is newer than every file it is built from. */
function buildWebIfNeeded(): boolean {
  const index = path.join(DEFAULT_RENDERER_DIR, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (built > newestSource(['renderer', 'shared', 'resources', 'vite.web.config.ts', 'package-lock.json'])) return true;
  say('Building the Movesnack page…');
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  return run(process.execPath, [vite, 'build', '--config', 'vite.web.config.ts', '--logLevel', 'error']);
}

/** Whether out/ (main, preload, renderer) is newer than every file electron-vite builds it from. */
function electronBuildIsFresh(): boolean {
  const built = ['main/index.js', 'preload/index.js', 'renderer/index.html'].map((f) => {
    try {
      return fs.statSync(path.join(ROOT, 'out', f)).mtimeMs;
    } catch {
      return 0;
    }
  });
  const sources = newestSource(['main', 'shared', 'renderer', 'resources', 'electron.vite.config.ts', 'package-lock.json']);
  return Math.min(...built) > sources;
}

function startElectron(binary: string): void {
  const cli = path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  if (!electronBuildIsFresh() && !run(process.execPath, [cli, 'build'])) {
    say('Movesnack could not be built; the messages above say why.');
    process.exit(1);
  }
  const child = spawn(binary, ['.'], { cwd: ROOT, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

async function handOff(dataDir: string, open: boolean): Promise<boolean> {
  const link = await askRunningShell(dataDir);
  if (!link) return false;
  say('Movesnack is already running on this data folder, so this opens it instead of starting another.');
  say(`${RUNNING} ${link}`);
  if (open && !openInBrowser(link)) say('Open that link in your browser (it works once, for a minute).');
  return true;
}

async function startWeb(dataDir: string, open: boolean): Promise<void> {
  if (await handOff(dataDir, open)) return;
  if (!buildWebIfNeeded()) {
    say('The Movesnack page could not be built; the messages above say why.');
    process.exit(1);
  }
  let shell: WebShell;
  try {
    shell = await startWebShell({ dataDir, open: false, desktop: true });
  } catch (error) {
    if (error instanceof FolderInUse && (await handOff(dataDir, open))) return;
    if (error instanceof FolderLocked) {
      say(`Movesnack is already open on this data folder (the desktop app, process ${error.pid}). Use that window, or quit it first.`);
      process.exit(1);
    }
    throw error;
  }

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    shell.close().then(
      () => process.exit(0),
      (error: unknown) => {
        say(`Movesnack could not save everything while stopping: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  // The one line a person (or a script) looks for. The link signs one browser in, once.
  say(`${RUNNING} ${shell.url}`);
  if (open) {
    if (openInBrowser(shell.mintLink())) say('It opens in your browser now. Keep that window open: it is where breaks appear.');
    else say('Open that link in your browser; keep the window open: it is where breaks appear.');
  }
  say('Press Ctrl+C to stop Movesnack.');
}

async function main(): Promise<void> {
  const wanted = (process.env.MOVESNACK_SHELL ?? '').trim().toLowerCase();
  const open = process.env.MOVESNACK_OPEN !== '0';
  const dataDir = defaultDataDir();
  if (wanted && wanted !== 'web' && wanted !== 'electron') {
    say(`MOVESNACK_SHELL can be "web" or "electron" (it was "${wanted}").`);
    process.exit(2);
  }

  if (wanted !== 'web') {
    const electron = findElectronBinary(ROOT);
    if (electron.found) {
      // A browser shell already serving this folder keeps it; this opens that one.
      if (await handOff(dataDir, open)) return;
      startElectron(electron.path);
      return;
    }
    if (wanted === 'electron') {
      say(`Electron's program is not installed here (${electron.reason}), so Movesnack cannot start as a desktop app; unset MOVESNACK_SHELL to use the browser instead.`);
      process.exit(1);
    }
    say("Electron's program is not installed on this machine, so Movesnack runs in your browser instead.");
  }
  await startWeb(dataDir, open);
}

main().catch((error: unknown) => {
  say(`Movesnack could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
