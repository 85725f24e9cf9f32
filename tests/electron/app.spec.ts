/**
 * The real app in the real Electron binary (run through `npm run test:electron`, which skips
 * with one line where the binary is missing). Same flows as the browser e2e where time allows:
 * the app starts on a temporary data folder, the tray is there with its status and menu, the
 * dashboard window shows the engine's state, pause/resume from the tray reach the page,
 * settings survive a restart, and the page is locked down (no Node, no popups, no navigation).
 * A break coming due takes 10+ minutes of real time here; the fake-Electron shell test and the
 * browser e2e cover that flow with a fake clock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { INVOKE_CHANNELS, SHELL_CHANNELS } from '../../shared/ipc-contract';
import type { CompanionState } from '../../shared/state';

const ROOT = resolve(__dirname, '../..');
/** Set by scripts/test-electron.ts (`npm run test:electron`), which found the binary. */
const ELECTRON = process.env.MOVESNACK_ELECTRON_BINARY;
test.skip(!ELECTRON, 'run through `npm run test:electron`, which finds the Electron binary or skips');

interface TrayView {
  status: { statusLine: string; tooltip: string; icon: string } | null;
  items: Array<{ id: string; label: string; enabled: boolean }>;
}

async function launch(dataDir: string): Promise<{ app: ElectronApplication; page: Page }> {
  if (!ELECTRON) throw new Error('no Electron binary');
  const args = [ROOT];
  // Chromium's OS-level sandbox cannot start as root (CI containers); webPreferences are unchanged.
  if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
  const app = await electron.launch({
    executablePath: ELECTRON,
    args,
    cwd: ROOT,
    env: { ...process.env, MOVESNACK_DATA_DIR: dataDir, MOVESNACK_E2E: '1', ELECTRON_ENABLE_LOGGING: '1' },
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  await page.waitForFunction(() => typeof window.movesnack === 'object');
  return { app, page };
}

const tray = (app: ElectronApplication) =>
  app.evaluate(() =>
    (globalThis as unknown as { __movesnackShell: { tray: { describe(): unknown } } }).__movesnackShell.tray.describe(),
  ) as Promise<TrayView>;
const clickTray = (app: ElectronApplication, id: string) =>
  app.evaluate(
    (_electron, itemId) =>
      (
        globalThis as unknown as { __movesnackShell: { tray: { click(id: string): boolean } } }
      ).__movesnackShell.tray.click(itemId),
    id,
  );

let dataDir: string;
test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'movesnack-electron-'));
});
test.afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

test('starts in the tray with a dashboard window showing the engine state', async () => {
  const { app, page } = await launch(dataDir);
  try {
    expect(await app.evaluate(({ app: a }) => a.getPath('userData'))).toBe(dataDir);
    const view = await tray(app);
    expect(view.status?.statusLine).toMatch(/^Next break in \d+ min/);
    expect(view.items.map((i) => i.id)).toEqual([
      'status',
      'break-now',
      'discomfort',
      'pause',
      'resume',
      'open',
      'settings',
      'quit',
    ]);

    expect(page.url()).toMatch(/^file:.*\/out\/renderer\/index\.html#\/$/);
    const state = await page.evaluate(() => window.movesnack!.getState());
    expect(state.phase).toBe('sitting');
    await expect(page.locator('#status-title')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('dashboard.png') });
  } finally {
    await app.close();
  }
});

test('the page is sandboxed: no Node, no popups, no navigation away, typed API only', async () => {
  const { app, page } = await launch(dataDir);
  try {
    const probe = await page.evaluate(() => ({
      process: typeof (window as unknown as { process?: unknown }).process,
      require: typeof (window as unknown as { require?: unknown }).require,
      api: Object.keys(window.movesnack ?? {}).sort(),
      popup: window.open('https://example.com') === null,
    }));
    expect(probe).toEqual({
      process: 'undefined',
      require: 'undefined',
      api: [...INVOKE_CHANNELS, ...SHELL_CHANNELS, 'on'].sort(),
      popup: true,
    });
    await expect(page.evaluate(() => window.movesnack!.on('nope' as never, () => undefined))).rejects.toThrow(
      /Unknown event/,
    );
    await expect(page.evaluate(() => window.movesnack!.dispatch({ type: 'break/snooze', extra: 1 }))).rejects.toThrow(
      /Invalid/,
    );
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^file:/);
    expect(app.windows().length).toBe(1);
  } finally {
    await app.close();
  }
});

test('pause and resume from the tray reach the page', async () => {
  const { app, page } = await launch(dataDir);
  try {
    const paused = page.evaluate(
      () =>
        new Promise<string>((done) => {
          const off = window.movesnack!.on('state', (s: CompanionState) => {
            if (s.phase === 'paused') {
              off();
              done(s.phase);
            }
          });
        }),
    );
    expect(await clickTray(app, 'pause-30m')).toBe(true);
    expect(await paused).toBe('paused');
    expect((await tray(app)).status?.statusLine).toMatch(/^Paused until /);
    await expect(page.locator('#status-title')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('paused.png') });
    expect(await clickTray(app, 'resume')).toBe(true);
    await expect.poll(() => page.evaluate(() => window.movesnack!.getState().then((s) => s.phase))).toBe('sitting');
  } finally {
    await app.close();
  }
});

test('settings changed in the app survive a restart', async () => {
  {
    const { app, page } = await launch(dataDir);
    await page.evaluate(() =>
      window.movesnack!.dispatch({ type: 'settings/update', settings: { breakIntervalMin: 45, snoozeMin: 7 } }),
    );
    await app.close();
  }
  const { app, page } = await launch(dataDir);
  try {
    const { settings } = await page.evaluate(() => window.movesnack!.getState());
    expect(settings.breakIntervalMin).toBe(45);
    expect(settings.snoozeMin).toBe(7);
  } finally {
    await app.close();
  }
});

test('closing the window keeps the app in the tray; Open Movesnack brings the window back', async () => {
  const { app, page } = await launch(dataDir);
  try {
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    await expect
      .poll(() =>
        app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().filter((w) => w.isVisible()).length),
      )
      .toBe(0);
    expect(await clickTray(app, 'open')).toBe(true);
    await expect
      .poll(() =>
        app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().filter((w) => w.isVisible()).length),
      )
      .toBe(1);
    expect(await page.evaluate(() => typeof window.movesnack)).toBe('object');
  } finally {
    await app.close();
  }
});
