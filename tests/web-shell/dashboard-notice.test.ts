/**
 * The dashboard's "can't see when you step away" notice, through the product's own path: the
 * launcher as `npm start` runs it (MOVESNACK_OPEN=0; it builds the page when stale), opened in
 * Chromium with the printed link. This machine has no X display and no session bus, so no idle
 * source works: the page must say so, and the shell's answer must match.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../renderer/data/api'; // window.movesnack's type

const ROOT = path.resolve(__dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const noDesktop = !fs.existsSync(CHROMIUM) ? 'no Chromium at /usr/bin/chromium' : null;

let child: ChildProcessWithoutNullStreams;
let link = '';
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  if (noDesktop) return;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-notice-'));
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [, ...args] = pkg.scripts.start.split(/\s+/).filter(Boolean);
  const env: NodeJS.ProcessEnv = { ...process.env, MOVESNACK_OPEN: '0', MOVESNACK_SHELL: 'web', MOVESNACK_DATA_DIR: dataDir };
  // A desktop where nothing reports idle time: no X display, no Wayland, no session bus.
  for (const name of ['DISPLAY', 'WAYLAND_DISPLAY', 'XDG_SESSION_TYPE', 'DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR']) delete env[name];
  env.DBUS_SYSTEM_BUS_ADDRESS = 'unix:path=/nonexistent/movesnack-test';
  child = spawn(process.execPath, args, { cwd: ROOT, env });
  let out = '';
  link = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const found = /^Movesnack is running at (\S+)$/m.exec(out)?.[1];
      if (found) resolve(found);
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`the launcher exited (${code}):\n${out}`)));
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(noDesktop)(`the dashboard in the browser shell${noDesktop ? ` — skipped: ${noDesktop}` : ''}`, () => {
  it("says it can't see when you step away, beside the live next break", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(link);
    await page.waitForSelector('#main');
    await page.evaluate(() =>
      window.movesnack!.dispatch({
        type: 'profile/save',
        profile: {
          firstRunDone: true,
          redFlags: { answeredAt: '2026-11-01T09:00:00.000Z', present: [], clearedAt: null, ageBand: '20-49', newPain: false },
        },
      }),
    );
    await page.goto(new URL('/#/', link).toString());
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    expect(await page.evaluate(() => window.movesnack!.desktopStatus!())).toEqual({ idle: 'cant-tell', source: 'none' });
    const notice = page.getByRole('region', { name: 'Stepping away' });
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/^Movesnack can't see when you step away on this desktop\. Breaks are timed by the clock alone/);
    expect(await page.getByRole('heading', { level: 2, name: /^Next break in (30|29) min$/ }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
