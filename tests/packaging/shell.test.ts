/**
 * The built main bundle (what ships in app.asar) run in plain Node against a fake `electron`
 * module (tests/packaging/fake-electron.ts) and the real engine on a temporary data folder.
 * Checks the shell's wiring: IPC table and sender check, tray menu and status, the break prompt
 * window (reused, shown inactive, on the pointer's display), notifications, power and lock
 * events, launch at login, the global shortcut, security hooks, and a clean quit.
 * What only real Electron can show (pixels, OS integration) is for tests/electron/.
 */
import { createCompanion } from '../../main/core';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, SHELL_CHANNELS } from '../../shared/ipc-contract';
import type { CompanionState } from '../../shared/state';
import { createFakeElectron, FakeFrame, type FakeBrowserWindow, type FakeElectron } from './fake-electron';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MIN = 60_000;
const require = createRequire(import.meta.url);

type Win = FakeBrowserWindow;
interface ShellHandle {
  tray: {
    describe(): {
      status: { statusLine: string; icon: string } | null;
      items: Array<{ id: string; label: string; enabled: boolean }>;
    };
    click(id: string): boolean;
  };
  isVisible(role: 'main' | 'prompt'): boolean;
  state(): CompanionState;
}

let work: string;
let outDir = '';
let fake: FakeElectron;
let shell: ShellHandle;
const savedEnv = { ...process.env };
type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleInternals = Module as unknown as { _load: Loader };
const originalLoad = moduleInternals._load;

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};
const windows = () => fake.BrowserWindow.all;
const byHash = (hash: string) => windows().find((w) => w.url.endsWith(hash));
const mainWindow = () => windows().find((w) => w.options.title === 'Movesnack')!;
const promptWindow = () => windows().find((w) => String(w.options.title).includes('time to move'));
const tray = () => fake.Tray.all[0]!;
const finishLoads = () => windows().forEach((w) => w.finishLoad());

function invokeFrom(win: Win, channel: string, ...args: unknown[]) {
  const handler = fake.ipcMain.handlers.get(`movesnack:${channel}`);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, ...args) as
    { ok: true; value: CompanionState } | { ok: false; error: string };
}
const dispatch = (action: unknown) => {
  const result = invokeFrom(mainWindow(), 'dispatch', action);
  if (!result.ok) throw new Error(result.error);
  return result.value;
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'movesnack-shell-'));
  // `npm test` builds once and says so (MOVESNACK_BUILT=1); run alone, the test builds its own.
  const reuse = process.env.MOVESNACK_BUILT === '1';
  // Inside the project, so the bundle's externals (dbus-next, x11) resolve from node_modules.
  const out = reuse ? join(ROOT, 'out') : join(ROOT, 'node_modules', '.cache', 'movesnack-shell-test', 'out');
  outDir = out;
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
  delete process.env.APPIMAGE;
  delete process.env.ELECTRON_RENDERER_URL;
  // An X11 (or non-Linux) session: powerMonitor is the idle source (Wayland is its own case).
  delete process.env.WAYLAND_DISPLAY;
  delete process.env.XDG_SESSION_TYPE;

  fake = createFakeElectron({ appPath: ROOT, defaultUserData: join(work, 'default-user-data') });
  moduleInternals._load = function (request, parent, isMain) {
    if (request === 'electron') return fake.electron;
    return originalLoad.call(this, request, parent, isMain);
  };
  // A user who answered the safety check with no warning signs: guided routines may run.
  const seed = createCompanion({ dataDir: join(work, 'data') });
  seed.dispatch({ type: 'profile/save', profile: { redFlags: { answeredAt: '2026-11-01T09:00:00.000Z', present: [], clearedAt: null } } });
  await seed.stop();
  vi.useFakeTimers({ now: new Date('2026-11-24T09:00:00.000Z') });
  require(join(out, 'main', 'index.js'));
  await flush();
  shell = (globalThis as unknown as { __movesnackShell: ShellHandle }).__movesnackShell;
  if (!shell) throw new Error(`the shell did not start: ${fake.dialog.errors.join('\n')}`);
}, 60_000);

afterAll(async () => {
  vi.useRealTimers();
  moduleInternals._load = originalLoad;
  process.env = savedEnv;
  delete (globalThis as Record<string, unknown>).__movesnackShell;
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the Electron shell (built bundle, fake Electron)', () => {
  it('starts once per user, on the data folder from MOVESNACK_DATA_DIR, with the app id', () => {
    expect(fake.calls).toEqual(
      expect.arrayContaining(['requestSingleInstanceLock', 'setAppUserModelId:com.movesnack.app', 'enableSandbox']),
    );
    expect(fake.paths.userData).toBe(join(work, 'data'));
    expect(fake.dialog.errors).toEqual([]);
    expect(existsSync(join(work, 'data'))).toBe(true);
    expect(shell.state().phase).toBe('sitting');
  });

  it('registers one IPC handler per contract channel and nothing else', () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(
      [...INVOKE_CHANNELS, ...SHELL_CHANNELS].map((c) => `movesnack:${c}`).sort(),
    );
  });

  it('saves the calling page as a PDF where the user chooses, and refuses a bad name', async () => {
    finishLoads();
    const win = mainWindow();
    const handler = fake.ipcMain.handlers.get('movesnack:savePdf')!;
    const target = join(work, 'report.pdf');
    fake.dialog.nextSavePath = target;
    const saved = (await handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, 'Movesnack report')) as {
      ok: boolean;
      value: { savedTo: string | null };
    };
    expect(saved).toEqual({ ok: true, value: { savedTo: target } });
    expect(readFileSync(target, 'utf8')).toBe('%PDF-fake');
    expect(fake.dialog.saveDialogs.at(-1)?.defaultPath).toMatch(/Movesnack report\.pdf$/);
    fake.dialog.nextSavePath = null;
    expect(await handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, 'x')).toEqual({
      ok: true,
      value: { savedTo: null },
    });
    const bad = (await handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, '../../etc/passwd')) as {
      ok: boolean;
      error: string;
    };
    expect(bad.ok).toBe(false);
    expect(bad.error).toMatch(/plain file name/);
  });

  it('answers desktopStatus itself (not through savePdf): powerMonitor is the idle source, read-only', async () => {
    finishLoads();
    const win = mainWindow();
    const handler = fake.ipcMain.handlers.get('movesnack:desktopStatus')!;
    const pdfsBefore = fake.dialog.saveDialogs.length;
    const before = shell.state();
    expect(await handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame })).toEqual({
      ok: true,
      value: { idle: 'ok', source: 'electron-powerMonitor' },
    });
    expect(fake.dialog.saveDialogs.length).toBe(pdfsBefore);
    expect(shell.state()).toEqual(before);
    expect(await handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, 'extra')).toMatchObject({ ok: false });
    // Another page gets the same refusal as for every other channel.
    const evil = new FakeFrame('https://evil.example/', win.webContents.mainFrame.routingId, win.webContents.mainFrame.processId);
    expect(await handler({ sender: win.webContents, senderFrame: evil })).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused/) });
  });

  it('opens the dashboard window, locked down, loading the bundled renderer', () => {
    const win = mainWindow();
    expect(win).toBeDefined();
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(existsSync(String(prefs.preload))).toBe(true);
    expect(win.url).toBe(`${pathToFileURL(join(outDir, 'renderer/index.html')).href}#/`);
    expect(promptWindow()).toBeUndefined(); // created on first use only
    finishLoads();
    expect(win.visible && win.focused).toBe(true);
  });

  it('answers IPC from our window through main/ipc.ts', () => {
    const result = invokeFrom(mainWindow(), 'getState');
    expect(result).toMatchObject({ ok: true, value: { phase: 'sitting' } });
    const bad = invokeFrom(mainWindow(), 'dispatch', { type: 'break/snooze', extra: 1 });
    expect(bad.ok).toBe(false);
    expect(invokeFrom(mainWindow(), 'getProgress', 0)).toMatchObject({
      ok: false,
      error: expect.stringContaining('getProgress'),
    });
  });

  it('refuses IPC from other pages, subframes and unknown windows', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const handler = fake.ipcMain.handlers.get('movesnack:getState')!;
    const win = mainWindow();
    const evilFrame = new FakeFrame(
      'https://evil.example/',
      win.webContents.mainFrame.routingId,
      win.webContents.mainFrame.processId,
    );
    expect(handler({ sender: win.webContents, senderFrame: evilFrame })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Refused/),
    });
    const sub = new FakeFrame(win.webContents.mainFrame.url, 7, win.webContents.mainFrame.processId);
    sub.parent = win.webContents.mainFrame;
    expect(handler({ sender: win.webContents, senderFrame: sub })).toMatchObject({ ok: false });
    const stranger = new fake.BrowserWindow({ title: 'stranger' });
    stranger.loadURL(win.url);
    stranger.finishLoad();
    expect(handler({ sender: stranger.webContents, senderFrame: stranger.webContents.mainFrame })).toMatchObject({
      ok: false,
    });
    expect(handler({ sender: win.webContents, senderFrame: null })).toMatchObject({ ok: false });
    stranger.destroyed = true;
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      '[movesnack] refused getState from https://evil.example/',
      expect.stringMatching(/^\[movesnack\] refused getState from file:/),
      expect.stringMatching(/^\[movesnack\] refused getState from file:/),
      '[movesnack] refused getState from an unknown frame',
    ]);
    warn.mockRestore();
  });

  it('denies new windows, navigation and webviews, permissions and remote requests; sets the CSP header', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const contents = mainWindow().webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(contents.fire(event, { url: 'https://example.com' }).defaultPrevented, event).toBe(true);
    }
    const ses = fake.defaultSession;
    let granted: boolean | null = null;
    ses.permissionRequest!(contents, 'media', (ok: boolean) => (granted = ok));
    expect(granted).toBe(false);
    expect(ses.permissionCheck!(contents, 'notifications')).toBe(false);
    const decide = (url: string) => {
      let cancel: boolean | null = null;
      ses.webRequest.beforeRequest!({ url }, (r: { cancel: boolean }) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('https://cdn.example.com/x.js')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide(pathToFileURL(join(outDir, 'renderer/assets/app.js')).href)).toBe(false);
    let headers: Record<string, string[]> = {};
    ses.webRequest.headersReceived!(
      { url: mainWindow().url, responseHeaders: {} },
      (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders),
    );
    expect(headers['Content-Security-Policy']?.[0]).toContain("default-src 'none'");
    expect(warn).toHaveBeenCalledWith('[movesnack] blocked request to https://cdn.example.com/x.js');
    warn.mockRestore();
  });

  it('shows a tray with the time to the next break and the full menu', () => {
    expect(tray().tooltip).toBe('Movesnack — next break in 30 min');
    const items = shell.tray.describe().items;
    expect(items.map((i) => i.id)).toEqual([
      'status',
      'break-now',
      'discomfort',
      'pause',
      'resume',
      'open',
      'settings',
      'quit',
    ]);
    expect(items.find((i) => i.id === 'status')).toMatchObject({
      label: expect.stringMatching(/^Next break in 30 min/),
      enabled: false,
    });
    expect(items.find((i) => i.id === 'resume')?.enabled).toBe(false);
    const pause = tray().menu!.template.find((i) => i.id === 'pause')!;
    expect((pause.submenu as Array<{ label: string }>).map((i) => i.label)).toEqual([
      '30 minutes',
      '1 hour',
      '2 hours',
      'Until tomorrow',
    ]);
  });

  it('refreshes the tray text when the minute ticks over', () => {
    vi.advanceTimersByTime(MIN - 1000);
    expect(tray().tooltip).toBe('Movesnack — next break in 30 min');
    vi.advanceTimersByTime(1100);
    expect(tray().tooltip).toBe('Movesnack — next break in 29 min');
  });

  it('pauses and resumes from the tray, and every window hears the new state', () => {
    const before = mainWindow().webContents.sent.length;
    expect(shell.tray.click('pause-30m')).toBe(true);
    expect(shell.state().phase).toBe('paused');
    expect(tray().tooltip).toMatch(/^Movesnack — paused until /i);
    expect(mainWindow().webContents.sent.length).toBeGreaterThan(before);
    expect(mainWindow().webContents.lastSent('movesnack:state')).toMatchObject({ phase: 'paused' });
    expect(shell.tray.describe().items.find((i) => i.id === 'resume')?.enabled).toBe(true);
    expect(shell.tray.click('resume')).toBe(true);
    expect(shell.state().phase).toBe('sitting');
  });

  it('at due: a notification and the prompt window, on top, on the pointer display, without focus', () => {
    vi.advanceTimersByTime(31 * MIN);
    expect(shell.state().phase).toBe('due');
    const prompt = promptWindow()!;
    expect(prompt).toBeDefined();
    expect(prompt.url.endsWith('#/prompt')).toBe(true);
    expect(prompt.options.alwaysOnTop).toBe(true);
    finishLoads();
    expect(prompt.showInactiveCalls).toBe(1);
    expect(prompt.showCalls).toBe(0);
    expect(prompt.focused).toBe(false);
    // The pointer is on the second display (x 1920..4480): bottom-right corner of its work area.
    expect(prompt.size).toEqual([440, 360]);
    expect(prompt.position).toEqual([1920 + 2560 - 440 - 24, 1400 - 360 - 24]);
    const note = fake.Notification.all.at(-1)!;
    expect(note.shown).toBe(true);
    expect(note.options.title).toMatch(/movement snack/i);
    expect(tray().tooltip).toMatch(/time for a movement break/);
  });

  it('a notification click brings the prompt forward; snoozing hides it and closes the notification', () => {
    const note = fake.Notification.all.at(-1)!;
    note.emit('click');
    const prompt = promptWindow()!;
    expect(prompt.focused).toBe(true);
    const state = (() => {
      const r = invokeFrom(prompt, 'dispatch', { type: 'break/snooze' });
      if (!r.ok) throw new Error(r.error);
      return r.value;
    })();
    expect(state.phase).toBe('sitting');
    expect(prompt.visible).toBe(false);
    expect(note.closed).toBe(true);
  });

  it('the next due reuses the same prompt window (never one per break)', () => {
    const count = windows().length;
    vi.advanceTimersByTime(6 * MIN);
    expect(shell.state().phase).toBe('due');
    expect(windows().length).toBe(count);
    expect(promptWindow()!.showInactiveCalls).toBe(2);
    expect(promptWindow()!.webContents.lastSent('movesnack:navigate')).toBe('prompt');
  });

  it('"Take a break now" from the tray starts the break in the prompt window', () => {
    expect(shell.tray.click('break-now')).toBe(true);
    expect(shell.state().phase).toBe('routine');
    expect(promptWindow()!.visible).toBe(true);
    expect(promptWindow()!.webContents.lastSent('movesnack:navigate')).toBe('routine');
    // The routine gets a taller window, still in the corner of the pointer's display.
    expect(promptWindow()!.size).toEqual([480, 640]);
    expect(promptWindow()!.position).toEqual([1920 + 2560 - 480 - 24, 1400 - 640 - 24]);
    dispatch({ type: 'routine/complete', feeling: 'better' });
    expect(shell.state().phase).toBe('sitting');
    expect(promptWindow()!.visible).toBe(false);
  });

  it('the next prompt is small again; Start in the prompt grows the same window for the routine', () => {
    vi.advanceTimersByTime(31 * MIN);
    expect(shell.state().phase).toBe('due');
    const prompt = promptWindow()!;
    expect(prompt.visible).toBe(true);
    expect(prompt.size).toEqual([440, 360]);
    const started = invokeFrom(prompt, 'dispatch', { type: 'break/start' });
    expect(started).toMatchObject({ ok: true, value: { phase: 'routine' } });
    expect(prompt.visible).toBe(true);
    expect(prompt.size).toEqual([480, 640]);
    expect(prompt.focused).toBe(false); // the user clicked in it; main does not force focus
    dispatch({ type: 'routine/complete', feeling: 'same' });
    expect(prompt.visible).toBe(false);
  });

  it('reports discomfort from the tray and from the global shortcut, with a quiet acknowledgement', () => {
    expect(shell.tray.click('discomfort')).toBe(true);
    expect(fake.Notification.all.at(-1)!.options).toMatchObject({ title: 'Noted', silent: true });
    expect([...fake.globalShortcut.shortcuts.keys()]).toEqual(['CommandOrControl+Alt+B']);
    dispatch({ type: 'settings/update', settings: { discomfortShortcut: 'CommandOrControl+Shift+K' } });
    expect([...fake.globalShortcut.shortcuts.keys()]).toEqual(['CommandOrControl+Shift+K']);
    const count = fake.Notification.all.length;
    fake.globalShortcut.shortcuts.get('CommandOrControl+Shift+K')!();
    expect(fake.Notification.all.length).toBe(count + 1);
    dispatch({ type: 'settings/update', settings: { discomfortShortcut: '' } });
    expect(fake.globalShortcut.shortcuts.size).toBe(0);
  });

  it('suspend and resume become engine actions', () => {
    fake.powerMonitor.emit('suspend');
    expect(shell.state().phase).toBe('away');
    fake.powerMonitor.emit('resume');
    expect(shell.state().phase).toBe('sitting');
  });

  it('on Linux, reads the lock inside the engine\'s idle poll (no timer of its own while sitting), polls only while locked, and sends lock/unlock once each', async () => {
    const enginePoll = shell.state().settings.naturalBreakMin * 60_000; // typing: the next look is then
    const flush = () => new Promise<void>((resolve) => queueMicrotask(resolve));
    let queries = fake.powerMonitor.idleStateQueries;
    for (let minute = 0; minute < 10; minute++) {
      vi.advanceTimersByTime(60_000);
      await flush();
    }
    // One read per engine poll (every 2 min while typing), none of its own: 5 in 10 minutes, not 60.
    expect(fake.powerMonitor.idleStateQueries - queries).toBeGreaterThanOrEqual(4);
    expect(fake.powerMonitor.idleStateQueries - queries).toBeLessThanOrEqual(6);
    fake.powerMonitor.idleState = 'locked';
    vi.advanceTimersByTime(enginePoll);
    await flush();
    expect(shell.state().phase).toBe('away');
    // Locked: the engine does not poll, so the shell looks every idlePollSec for the unlock.
    const poll = shell.state().settings.idlePollSec * 1000;
    queries = fake.powerMonitor.idleStateQueries;
    vi.advanceTimersByTime(5 * poll);
    expect(fake.powerMonitor.idleStateQueries).toBe(queries + 5);
    expect(shell.state().phase).toBe('away');
    fake.powerMonitor.idleState = 'active';
    vi.advanceTimersByTime(poll);
    expect(shell.state().phase).toBe('sitting');
  });

  it('stops polling while paused', () => {
    dispatch({ type: 'pause', until: new Date(Date.now() + 60 * MIN).toISOString() });
    const queries = fake.powerMonitor.idleStateQueries;
    vi.advanceTimersByTime(30 * MIN);
    expect(fake.powerMonitor.idleStateQueries).toBe(queries);
    dispatch({ type: 'resume' });
  });

  it('writes and removes the XDG autostart entry when launch at login changes', () => {
    const file = join(work, 'xdg', 'autostart', 'movesnack.desktop');
    expect(existsSync(file)).toBe(false);
    dispatch({ type: 'settings/update', settings: { launchAtLogin: true } });
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^\[Desktop Entry\]\n/);
    expect(text).toContain(`Exec=${process.execPath} ${ROOT} --hidden`);
    dispatch({ type: 'settings/update', settings: { launchAtLogin: false } });
    expect(existsSync(file)).toBe(false);
  });

  it('closing the window hides it; a second launch brings it back', () => {
    const win = mainWindow();
    win.close();
    expect(win.destroyed).toBe(false);
    expect(win.visible).toBe(false);
    expect(shell.isVisible('main')).toBe(false);
    fake.app.emit('second-instance', {}, [], ROOT);
    expect(win.visible && win.focused).toBe(true);
    expect(byHash('#/')).toBe(win);
  });

  it('the tray opens Settings in the same main window', () => {
    const count = windows().length;
    shell.tray.click('settings');
    expect(windows().length).toBe(count);
    expect(mainWindow().webContents.lastSent('movesnack:navigate')).toBe('settings');
  });

  it('a calendar reminder becomes a quiet notification whose click opens its screen', () => {
    const at = new Date(Date.now() + 3 * MIN);
    const hhmm = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
    dispatch({ type: 'settings/update', settings: { checkinReminder: { days: [at.getDay()], time: hhmm } } });
    const before = fake.Notification.all.length;
    vi.advanceTimersByTime(4 * MIN);
    const note = fake.Notification.all.slice(before).find((n) => n.options.title === 'A two-minute check-in');
    expect(note?.shown).toBe(true);
    expect(note?.options.silent).toBe(true);
    mainWindow().close();
    note!.emit('click');
    expect(mainWindow().visible).toBe(true);
    expect(mainWindow().webContents.lastSent('movesnack:navigate')).toBe('checkin');
  });

  it('quits cleanly: handlers removed, engine stopped and saved, then the app exits', async () => {
    expect(shell.tray.click('quit')).toBe(true);
    expect(fake.app.hasQuit).toBe(false); // waiting for the engine to save
    await vi.advanceTimersByTimeAsync(0);
    await flush();
    expect(fake.app.hasQuit).toBe(true);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(tray().destroyed).toBe(true);
    expect(fake.globalShortcut.shortcuts.size).toBe(0);
    const win = mainWindow();
    win.close();
    expect(win.destroyed).toBe(true); // windows really close once quitting
  });
});
