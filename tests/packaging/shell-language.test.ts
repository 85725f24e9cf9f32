/**
 * The Electron shell's language (built bundle, fake `electron`, real engine; see shell.test.ts):
 * the tray menu, tooltip and notifications speak settings.language, 'system' follows the OS's
 * preferred languages (app.getPreferredSystemLanguages), a change of setting switches the tray
 * at once (no restart), and MOVESNACK_PSEUDO_LOCALE=1 puts the pseudo-locale in the tray and
 * ?pseudo=1 in the windows' address.
 * Expected words are read from the catalogues (shared/i18n/locales), not copied here.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCompanion } from '../../main/core';
import { fixedT, type TFunction } from '../../shared/i18n';
import { isPseudoText } from '../../shared/i18n/pseudo';
import type { CompanionState } from '../../shared/state';
import { createFakeElectron, type FakeElectron } from './fake-electron';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MIN = 60_000;
const require = createRequire(import.meta.url);

interface ShellHandle {
  tray: { describe(): { items: Array<{ id: string; label: string; submenu?: Array<{ id: string; label: string }> }> } };
  state(): CompanionState;
}
type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleInternals = Module as unknown as { _load: Loader };
const originalLoad = moduleInternals._load;
const savedEnv = { ...process.env };

let work: string;
let out: string;
let fake: FakeElectron;
let shell: ShellHandle;

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};
const tray = () => fake.Tray.all[0]!;
const labels = () => {
  const flat: Record<string, string> = {};
  for (const item of shell.tray.describe().items) {
    flat[item.id] = item.label;
    for (const sub of item.submenu ?? []) flat[sub.id] = sub.label;
  }
  return flat;
};
const mainWindow = () => fake.BrowserWindow.all.find((w) => w.options.title === 'Movesnack')!;
function dispatch(action: unknown): CompanionState {
  const win = mainWindow();
  const handler = fake.ipcMain.handlers.get('movesnack:dispatch')!;
  const result = handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, action) as
    | { ok: true; value: CompanionState }
    | { ok: false; error: string };
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** The menu's words in one language, from its catalogue. */
const menuIn = (t: TFunction, due = false) => ({
  'break-now': t(due ? 'tray:menu.startDue' : 'tray:menu.startBreak'),
  discomfort: t('tray:menu.discomfort'),
  pause: t('tray:menu.pause'),
  'pause-30m': t('tray:pause.30m'),
  'pause-1h': t('tray:pause.1h'),
  'pause-2h': t('tray:pause.2h'),
  'pause-tomorrow': t('tray:pause.tomorrow'),
  resume: t('tray:menu.resume'),
  open: t('tray:menu.open'),
  settings: t('tray:menu.settings'),
  quit: t('tray:menu.quit'),
});

/** Starts the built main bundle on a fresh fake Electron (a fresh module load each time). */
async function startShell(env: Record<string, string | undefined>, systemLanguages: string[]): Promise<void> {
  for (const key of Object.keys(require.cache)) if (key.startsWith(join(out, 'main'))) delete require.cache[key];
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  fake = createFakeElectron({ appPath: ROOT, defaultUserData: join(work, 'default-user-data') });
  fake.app.systemLanguages = systemLanguages;
  moduleInternals._load = function (request, parent, isMain) {
    if (request === 'electron') return fake.electron;
    return originalLoad.call(this, request, parent, isMain);
  };
  require(join(out, 'main', 'index.js'));
  await flush();
  shell = (globalThis as unknown as { __movesnackShell: ShellHandle }).__movesnackShell;
  if (!shell) throw new Error(`the shell did not start: ${fake.dialog.errors.join('\n')}`);
  fake.BrowserWindow.all.forEach((w) => w.finishLoad());
}

async function quitShell(): Promise<void> {
  fake.app.quit();
  await vi.advanceTimersByTimeAsync(0);
  await flush();
  delete (globalThis as Record<string, unknown>).__movesnackShell;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'movesnack-shell-language-'));
  // `npm test` builds once and says so (MOVESNACK_BUILT=1); run alone, the test builds its own
  // (main and preload only: the renderer's files are never opened by the fake windows).
  const reuse = process.env.MOVESNACK_BUILT === '1';
  out = reuse ? join(ROOT, 'out') : join(ROOT, 'node_modules', '.cache', 'movesnack-shell-language-test', 'out');
  if (!reuse) {
    const build = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', out, '--logLevel', 'warn'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`);
  }
  process.env.MOVESNACK_DATA_DIR = join(work, 'data');
  process.env.MOVESNACK_E2E = '1';
  process.env.XDG_CONFIG_HOME = join(work, 'xdg');
  for (const key of ['APPIMAGE', 'ELECTRON_RENDERER_URL', 'WAYLAND_DISPLAY', 'XDG_SESSION_TYPE', 'LANGUAGE', 'LC_ALL', 'LC_MESSAGES']) {
    delete process.env[key];
  }
  process.env.LANG = 'C.UTF-8';
  const seed = createCompanion({ dataDir: join(work, 'data') });
  seed.dispatch({ type: 'profile/save', profile: { redFlags: { answeredAt: '2026-11-01T09:00:00.000Z', present: [], clearedAt: null } } });
  await seed.stop();
  vi.useFakeTimers({ now: new Date('2026-11-24T09:00:00.000Z') });
}, 60_000);

afterAll(() => {
  vi.useRealTimers();
  moduleInternals._load = originalLoad;
  process.env = savedEnv;
  delete (globalThis as Record<string, unknown>).__movesnackShell;
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the tray and notifications in the user\'s language (built bundle, fake Electron)', () => {
  const fr = fixedT('fr');
  const de = fixedT('de');
  const en = fixedT('en');

  it("'system' follows the OS's preferred languages: French first, so the tray speaks French", async () => {
    await startShell({ MOVESNACK_PSEUDO_LOCALE: undefined }, ['fr-CA', 'en-US']);
    expect(shell.state().settings.language).toBe('system');
    expect(labels()).toMatchObject(menuIn(fr));
    expect(labels().open).not.toBe(en('tray:menu.open'));
    expect(tray().tooltip).toBe(
      fr('tray:withName', { text: fr('tray:tooltip.nextIn', { left: fr('common:duration.minShort', { count: 30 }) }) }),
    );
    // The windows load the page without the pseudo-locale.
    expect(mainWindow().url).not.toContain('pseudo');
  });

  it("switching settings.language to 'de' changes the tray menu labels and tooltip at once", () => {
    const frenchTooltip = tray().tooltip;
    dispatch({ type: 'settings/update', settings: { language: 'de' } });
    expect(labels()).toMatchObject(menuIn(de));
    expect(tray().tooltip).not.toBe(frenchTooltip);
    expect(tray().tooltip).toBe(
      de('tray:withName', { text: de('tray:tooltip.nextIn', { left: de('common:duration.minShort', { count: 30 }) }) }),
    );
    // Written out once, so a catalogue that fell back to English would show here too.
    expect(tray().tooltip).toMatch(/nächste Pause in 30/);
    expect(labels().status).toMatch(/^Nächste Pause in 30/);
    // The minute ticking over re-renders in German too.
    vi.advanceTimersByTime(MIN + 100);
    expect(tray().tooltip).toMatch(/nächste Pause in 29/);
  });

  it('a break coming due: the notification and the tray speak German', () => {
    const before = fake.Notification.all.length;
    vi.advanceTimersByTime(30 * MIN);
    expect(shell.state().phase).toBe('due');
    const note = fake.Notification.all.slice(before).at(-1)!;
    expect(note.options.title).toBe(de('notifications:due.title'));
    expect(note.options.body).toBe(
      `${de('notifications:due.body')} ${de('notifications:due.snoozes', { count: shell.state().snoozesLeft })}`,
    );
    expect(labels()['break-now']).toBe(de('tray:menu.startDue'));
    expect(tray().tooltip).toBe(de('tray:withName', { text: de('tray:tooltip.due') }));
    dispatch({ type: 'break/skip' });
  });

  it('the discomfort acknowledgement is in German', () => {
    const before = fake.Notification.all.length;
    const tray = shell.tray as unknown as { click(id: string): boolean };
    expect(tray.click('discomfort')).toBe(true);
    const note = fake.Notification.all.slice(before).at(-1)!;
    expect(note.options).toMatchObject({ title: de('notifications:discomfort.title'), body: de('notifications:discomfort.body') });
    expect(note.options.title).toBe('Notiert');
  });

  it('a calendar reminder is in German', () => {
    const at = new Date(Date.now() + 3 * MIN);
    const hhmm = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
    dispatch({ type: 'settings/update', settings: { checkinReminder: { days: [at.getDay()], time: hhmm } } });
    const before = fake.Notification.all.length;
    vi.advanceTimersByTime(4 * MIN);
    const note = fake.Notification.all.slice(before).find((n) => n.options.title === de('reminders:checkin.title'));
    expect(note?.options.body).toBe(de('reminders:checkin.body'));
  });

  it("back to 'system': French again, without a restart; English when the OS prefers nothing we speak", async () => {
    dispatch({ type: 'settings/update', settings: { language: 'system' } });
    expect(labels()).toMatchObject(menuIn(fr));
    dispatch({ type: 'settings/update', settings: { language: 'en' } });
    expect(labels()).toMatchObject(menuIn(en));
    expect(labels().open).toBe('Open Movesnack');
    await quitShell();
    expect(fake.app.hasQuit).toBe(true);
  });

  it('MOVESNACK_PSEUDO_LOCALE=1: every tray word is pseudo, and the windows open with ?pseudo=1', async () => {
    await startShell({ MOVESNACK_PSEUDO_LOCALE: '1' }, ['de-DE']);
    const words = [tray().tooltip, ...Object.values(labels())];
    expect(words.filter((w) => !isPseudoText(w))).toEqual([]);
    expect(new URL(mainWindow().url).searchParams.get('pseudo')).toBe('1');
    expect(new URL(mainWindow().url).hash).toBe('#/');
    await quitShell();
  });
});
