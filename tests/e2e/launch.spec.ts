import { test, expect } from '@playwright/test';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RETURNING_USER } from './fixtures';

const ROOT = path.resolve(__dirname, '../..');

/** scripts/electron-binary.ts, the launcher's own check (loaded at run time: it is not in this TS project). */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const { findElectronBinary } = require(path.join(ROOT, 'scripts', 'electron-binary.ts')) as {
  findElectronBinary: (root: string) => { found: true; path: string } | { found: false; reason: string };
};

/** The command `npm start` runs (package.json "scripts.start"), without npm around it. */
function startCommand(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const argv = pkg.scripts.start.split(/\s+/).filter(Boolean);
  if (argv[0] === 'node') argv[0] = process.execPath;
  return argv;
}

function waitForLine(child: ChildProcessWithoutNullStreams, pattern: RegExp, ms: number, log: { text: string }) {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No line matching ${pattern} within ${ms} ms:\n${log.text}`)), ms);
    const check = () => {
      const match = log.text.split('\n').find((line) => pattern.test(line));
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve(match);
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The launcher exited (${code}) before printing the line:\n${log.text}`));
    });
    check();
  });
}

test('npm start with MOVESNACK_OPEN=0: the line, the dashboard live in Chromium, a break saved, SIGTERM exits 0', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-launch-'));
  const electron = findElectronBinary(ROOT);
  const [command, ...args] = startCommand();
  const log = { text: '' };
  const child = spawn(command!, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      MOVESNACK_OPEN: '0',
      MOVESNACK_DATA_DIR: dataDir,
      // Here Electron's binary is missing, so the launcher picks the browser shell by itself.
      ...(electron.found ? { MOVESNACK_SHELL: 'web' } : {}),
    },
  });
  child.stdout.on('data', (d: Buffer) => (log.text += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log.text += d.toString()));
  try {
    const started = Date.now();
    const line = await waitForLine(child, /^Movesnack is running at http:\/\/127\.0\.0\.1:\d+\//, 60_000, log);
    // Within 20 s; a build of the page (when its sources changed since the suite built it) may
    // take longer on a busy machine, and is allowed a minute.
    if (!log.text.includes('Building the Movesnack page')) expect(Date.now() - started).toBeLessThan(20_000);
    if (!electron.found) {
      expect(log.text).toContain("Electron's program is not installed on this machine, so Movesnack runs in your browser instead.");
    }
    expect(log.text).not.toMatch(/\n\s+at /); // no stack trace
    const link = line.slice('Movesnack is running at '.length).trim();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/open\?k=[\w-]{43}$/);

    // Opened in Chromium: the cookie is set and the address bar loses the secret.
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(link);
    expect(new URL(page.url()).search).toBe('');
    await expect(page.locator('#main')).toBeVisible();
    // A brand-new user: answer the way a returning user has, through the page's own API.
    await page.evaluate((profile) => window.movesnack!.dispatch({ type: 'profile/save', profile }), RETURNING_USER);
    await page.goto(new URL('/#/', link).toString());
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    // Live engine state: the real clock, the next break half an hour away.
    await expect(page.getByRole('heading', { level: 2, name: /^Next break in (30|29) min$/ })).toBeVisible();
    await expect(page).toHaveTitle(/^Break in (30|29) min · Movesnack$/);

    // A break taken there.
    await page.getByRole('button', { name: 'Take a break now' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Break in progress' })).toBeVisible();
    await page.getByRole('link', { name: 'Open the routine' }).click();
    await page.getByRole('button', { name: 'End early' }).click();
    await expect(page.getByRole('heading', { name: 'That still counts' })).toBeVisible();
    expect(errors).toEqual([]);
    await context.close();

    // A second `npm start` on the same folder opens the running one: a fresh one-time link.
    const second = spawn(command!, args, {
      cwd: ROOT,
      env: { ...process.env, MOVESNACK_OPEN: '0', MOVESNACK_DATA_DIR: dataDir, ...(electron.found ? { MOVESNACK_SHELL: 'web' } : {}) },
    });
    let secondOut = '';
    second.stdout.on('data', (d: Buffer) => (secondOut += d.toString()));
    const secondCode = await new Promise<number | null>((resolve) => second.on('exit', (code) => resolve(code)));
    expect(secondCode).toBe(0);
    expect(secondOut).toContain('Movesnack is already running on this data folder, so this opens it instead of starting another.');
    const handed = /^Movesnack is running at (http:\/\/127\.0\.0\.1:\d+\/open\?k=[\w-]{43})$/m.exec(secondOut)?.[1];
    expect(handed).toBeDefined();
    expect(new URL(handed!).port).toBe(new URL(link).port);
    expect(handed).not.toBe(link);
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto(handed!);
    expect(new URL(otherPage.url()).search).toBe('');
    await expect(otherPage.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await other.close();

    // SIGTERM: saved, exit 0, within 5 s.
    const stopped = Date.now();
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    child.kill('SIGTERM');
    expect(await exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - stopped).toBeLessThan(5_000);

    const historyDir = path.join(dataDir, 'history');
    const saved = fs
      .readdirSync(historyDir)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => (JSON.parse(fs.readFileSync(path.join(historyDir, f), 'utf8')) as { breaks?: unknown[] }).breaks ?? []);
    expect(saved).toEqual([expect.objectContaining({ outcome: 'taken' })]);
    // Stopped cleanly: no lock or hand-off socket left behind, and the secret in no file.
    expect(fs.existsSync(path.join(dataDir, 'movesnack.lock.json'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'run', 'shell.sock'))).toBe(false);
    const secret = new URL(link).searchParams.get('k')!;
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
      );
    for (const file of files(dataDir)) expect(fs.readFileSync(file, 'utf8'), file).not.toContain(secret);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
