/**
 * `npm start` (scripts/start.ts) choosing a shell, run as a user runs it: the command from
 * package.json, in a child process. The Electron program cannot be downloaded here, so a fake
 * `electron` (a shell script that writes down how it was started and exits) stands in for it,
 * found the way the launcher finds a real one: through ELECTRON_OVERRIDE_DIST_PATH, Electron's
 * own variable for an Electron installed elsewhere (scripts/electron-binary.ts).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const RUNNING = /^Movesnack is running at http:\/\/127\.0\.0\.1:\d+\/open\?k=[\w-]{43}$/m;

let work: string;
let withElectron: string;
let withoutElectron: string;

/** The command `npm start` runs (package.json "scripts.start"), without npm around it. */
function startCommand(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const argv = pkg.scripts.start.split(/\s+/).filter(Boolean);
  if (argv[0] === 'node') argv[0] = process.execPath;
  return argv;
}

interface Run {
  out: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * Runs the launcher. With `until`, waits for a line matching it, then sends SIGTERM (the browser
 * shell keeps running otherwise) and reports how it ended.
 */
function launch(env: Record<string, string>, until?: RegExp): Promise<Run> {
  const [command, ...args] = startCommand();
  const base = { ...process.env };
  for (const name of ['MOVESNACK_SHELL', 'MOVESNACK_OPEN', 'MOVESNACK_DATA_DIR', 'ELECTRON_OVERRIDE_DIST_PATH', 'ELECTRON_RUN_AS_NODE']) {
    delete base[name];
  }
  const child = spawn(command!, args, { cwd: ROOT, env: { ...base, MOVESNACK_OPEN: '0', ...env } });
  let out = '';
  let asked = false;
  const onData = (d: Buffer) => {
    out += d.toString();
    if (until && !asked && until.test(out)) {
      asked = true;
      child.kill('SIGTERM');
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ out, code, signal })));
}

const dataDir = () => fs.mkdtempSync(path.join(work, 'data-'));
const record = (log: string) => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : null);

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-launcher-'));
  withElectron = path.join(work, 'electron-here');
  withoutElectron = path.join(work, 'electron-missing');
  fs.mkdirSync(withElectron);
  fs.mkdirSync(withoutElectron);
  // Writes down its arguments, folder and data folder, then exits with the code asked for.
  fs.writeFileSync(
    path.join(withElectron, 'electron'),
    [
      '#!/bin/sh',
      'printf "argv:%s\\n" "$*" >> "$FAKE_ELECTRON_LOG"',
      'printf "cwd:%s\\n" "$PWD" >> "$FAKE_ELECTRON_LOG"',
      'printf "data:%s\\n" "$MOVESNACK_DATA_DIR" >> "$FAKE_ELECTRON_LOG"',
      'exit "${FAKE_ELECTRON_EXIT:-0}"',
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('npm start picks a shell', () => {
  it('starts the Electron program when it is there, in the project folder, and exits as it does', async () => {
    const log = path.join(work, 'default.log');
    const data = dataDir();
    const run = await launch({ ELECTRON_OVERRIDE_DIST_PATH: withElectron, FAKE_ELECTRON_LOG: log, FAKE_ELECTRON_EXIT: '7', MOVESNACK_DATA_DIR: data });
    expect(run.code).toBe(7);
    expect(record(log)).toBe(`argv:.\ncwd:${ROOT}\ndata:${data}\n`);
    expect(run.out).not.toContain('Movesnack is running at');
    // The build it needs is there (built now, or already fresh).
    expect(fs.existsSync(path.join(ROOT, 'out', 'main', 'index.js'))).toBe(true);
  }, 300_000);

  it('MOVESNACK_SHELL=electron starts Electron too', async () => {
    const log = path.join(work, 'forced.log');
    const run = await launch({ MOVESNACK_SHELL: 'electron', ELECTRON_OVERRIDE_DIST_PATH: withElectron, FAKE_ELECTRON_LOG: log, MOVESNACK_DATA_DIR: dataDir() });
    expect(run.code).toBe(0);
    expect(record(log)).toMatch(/^argv:\.\n/);
  }, 300_000);

  it('MOVESNACK_SHELL=web runs the browser shell even where Electron is there, and SIGTERM stops it with 0', async () => {
    const log = path.join(work, 'web.log');
    const run = await launch(
      { MOVESNACK_SHELL: 'web', ELECTRON_OVERRIDE_DIST_PATH: withElectron, FAKE_ELECTRON_LOG: log, MOVESNACK_DATA_DIR: dataDir() },
      RUNNING,
    );
    expect(run.out).toMatch(RUNNING);
    expect(record(log)).toBeNull();
    expect(run.out).not.toContain("Electron's program is not installed");
    expect({ code: run.code, signal: run.signal }).toEqual({ code: 0, signal: null });
  }, 180_000);

  it('without Electron: one sentence, no stack trace, then the browser shell', async () => {
    const run = await launch({ ELECTRON_OVERRIDE_DIST_PATH: withoutElectron, MOVESNACK_DATA_DIR: dataDir() }, RUNNING);
    const lines = run.out.split('\n');
    expect(lines[0]).toBe("Electron's program is not installed on this machine, so Movesnack runs in your browser instead.");
    expect(run.out).toMatch(RUNNING);
    expect(run.out).not.toMatch(/\n\s+at /);
    expect(run.out).not.toMatch(/Error|fetch failed|@electron\/get/);
    expect({ code: run.code, signal: run.signal }).toEqual({ code: 0, signal: null });
  }, 180_000);

  it('MOVESNACK_SHELL=electron without Electron says why in one sentence and starts nothing', async () => {
    const run = await launch({ MOVESNACK_SHELL: 'electron', ELECTRON_OVERRIDE_DIST_PATH: withoutElectron, MOVESNACK_DATA_DIR: dataDir() });
    expect(run.code).toBe(1);
    expect(run.out.trim().split('\n')).toEqual([
      "Electron's program is not installed here (ELECTRON_OVERRIDE_DIST_PATH has no electron), so Movesnack cannot start as a desktop app; unset MOVESNACK_SHELL to use the browser instead.",
    ]);
  }, 60_000);

  it('an unknown MOVESNACK_SHELL is named, not guessed', async () => {
    const run = await launch({ MOVESNACK_SHELL: 'tray', MOVESNACK_DATA_DIR: dataDir() });
    expect(run.code).toBe(2);
    expect(run.out.trim()).toBe('MOVESNACK_SHELL can be "web" or "electron" (it was "tray").');
  }, 60_000);
});
