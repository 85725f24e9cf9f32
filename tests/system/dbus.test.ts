// The D-Bus probes against a private dbus-daemon and a dbus-next test service that answers as
// GNOME (Mutter IdleMonitor, org.gnome.ScreenSaver, the settings portal) and KDE
// (org.freedesktop.ScreenSaver, Notifications.Inhibited) do.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSystemMonitor, type SystemMonitor, type SystemMonitorOptions, type SystemNotice } from '../../main/system';
import { missing, NO_BUS, startSessionBus, waitFor, type SessionBus } from './components';
import { DesktopService } from './dbus-service';

const absent = missing('dbus-daemon');
const noGsettings = missing('gsettings');

describe.skipIf(absent)(`D-Bus probes on a private session bus${absent ? ` — skipped: ${absent}` : ''}`, () => {
  let bus: SessionBus;
  let service: DesktopService | null = null;
  const monitors: SystemMonitor[] = [];
  const monitor = (desktop: string, options: Partial<SystemMonitorOptions> = {}) => {
    const env: NodeJS.ProcessEnv = {
      DBUS_SESSION_BUS_ADDRESS: bus.address,
      DBUS_SYSTEM_BUS_ADDRESS: NO_BUS,
      XDG_CURRENT_DESKTOP: desktop,
      XDG_SESSION_TYPE: 'wayland',
      PATH: '/nonexistent',
    };
    const m = createSystemMonitor({ platform: 'linux', env, procRoot: '/nonexistent-proc', reasons: () => ['dnd'], ...options });
    monitors.push(m);
    return m;
  };

  beforeAll(async () => {
    bus = await startSessionBus();
  });
  afterEach(() => {
    for (const m of monitors.splice(0)) m.close();
    service?.stop();
    service = null;
  });
  afterAll(async () => {
    await bus?.stop();
  });

  it("GNOME on Wayland: idle from Mutter's IdleMonitor, lock from org.gnome.ScreenSaver, DND from show-banners", async () => {
    service = await DesktopService.start(bus.address, ['org.gnome.Mutter.IdleMonitor', 'org.gnome.ScreenSaver', 'org.freedesktop.portal.Desktop']);
    service.idleMs = 42_500;
    const notices: SystemNotice[] = [];
    const m = monitor('GNOME', { onNotice: (n) => notices.push(n) });
    const s = await m.refresh();
    expect(m.sources()).toEqual({ idle: 'mutter-idle-monitor', lock: 'gnome-screensaver-lock' });
    expect(s.idleSeconds).toBe(42);
    expect(s.locked).toBe(false);
    expect(s.busy).toEqual([]);
    expect(s.cantTell).toEqual([]);
    expect(notices.map((n) => n.code)).toEqual(['system/idle-source']);

    service.locked = true;
    service.showBanners = false;
    const busy = await m.refresh();
    expect(busy.locked).toBe(true);
    expect(busy.busy).toEqual(['dnd']);
  });

  it("Mutter's watches keep the idle time exact between polls, and input resets it", async () => {
    service = await DesktopService.start(bus.address, ['org.gnome.Mutter.IdleMonitor']);
    let now = 1_000_000;
    const m = monitor('GNOME', { idleWatchSeconds: 30, now: () => now, reasons: () => [] });
    await m.refresh();
    await waitFor('the idle watch', () => [...service!.watches.values()].some((w) => w.kind === 'idle' && w.intervalMs === 30_000));

    service.becomeIdle(30_000); // no input for 30 s: Mutter fires the watch
    await waitFor('the active watch after the idle one fired', () => [...service!.watches.values()].some((w) => w.kind === 'active'));
    now += 95_000; // no poll in between: the watch says no input came
    expect(m.sample().idleSeconds).toBe(125);

    service.userActive();
    await waitFor('input to be seen', () => m.sample().idleSeconds === 0);
  });

  it('the lock is followed through ActiveChanged signals, with no poll: an unlock is seen while nothing polls', async () => {
    service = await DesktopService.start(bus.address, ['org.gnome.Mutter.IdleMonitor', 'org.gnome.ScreenSaver']);
    const told: boolean[] = [];
    const m = monitor('GNOME', { reasons: () => [], onLockChange: (locked) => told.push(locked) });
    expect((await m.refresh()).locked).toBe(false);
    expect(told).toEqual([]); // unlocked at start is not news
    const getActive = () => service!.calls.filter((c) => c.endsWith('.GetActive')).length;
    const asked = getActive();

    service.setLocked(true);
    await waitFor('the lock to be told', () => told.length === 1);
    expect(m.peek().locked).toBe(true);
    service.setLocked(false);
    await waitFor('the unlock to be told', () => told.length === 2);
    expect(told).toEqual([true, false]);
    expect(getActive()).toBe(asked); // signals only: nobody asked

    // A refresh that agrees says nothing again.
    await m.refresh();
    expect(told).toEqual([true, false]);
  });

  it("elsewhere, the lock comes from logind's LockedHint on the system bus, and follows its signal", async () => {
    // The private bus stands in for the system bus here; the test service answers as logind.
    service = await DesktopService.start(bus.address, ['org.freedesktop.login1']);
    const told: boolean[] = [];
    const m = createSystemMonitor({
      platform: 'linux',
      env: { DBUS_SYSTEM_BUS_ADDRESS: bus.address, PATH: '/nonexistent' },
      procRoot: '/nonexistent-proc',
      reasons: () => [],
      onLockChange: (locked) => told.push(locked),
    });
    monitors.push(m);
    const s = await m.refresh();
    expect(s.locked).toBe(false);
    expect(m.sources().lock).toBe('logind-locked-hint');
    service.setLockedHint(true);
    await waitFor('the lock to be told', () => told.length === 1);
    service.setLockedHint(false);
    await waitFor('the unlock to be told', () => told.length === 2);
    expect(told).toEqual([true, false]);
    expect(m.peek().locked).toBe(false);
  });

  it('KDE: idle (ms) and lock from org.freedesktop.ScreenSaver, DND from Notifications.Inhibited', async () => {
    service = await DesktopService.start(bus.address, ['org.freedesktop.ScreenSaver', 'org.freedesktop.Notifications']);
    service.idleMs = 7_900;
    const told: boolean[] = [];
    const m = monitor('KDE', { onLockChange: (locked) => told.push(locked) });
    const s = await m.refresh();
    expect(m.sources()).toEqual({ idle: 'freedesktop-screensaver', lock: 'freedesktop-screensaver-lock' });
    expect(s.idleSeconds).toBe(7);
    expect(s.busy).toEqual([]);
    service.inhibited = true;
    service.locked = true; // no signal this time: the next refresh finds it
    const locked = await m.refresh();
    expect(locked.busy).toEqual(['dnd']);
    expect(locked.locked).toBe(true);
    expect(told).toEqual([true]);
  });

  it("elsewhere GetSessionIdleTime's unit is unknown, so idle is can't tell, and it is said once", async () => {
    service = await DesktopService.start(bus.address, ['org.freedesktop.ScreenSaver']);
    const notices: SystemNotice[] = [];
    const m = monitor('XFCE', { onNotice: (n) => notices.push(n) });
    const s = await m.refresh();
    await m.refresh();
    expect(s.idleSeconds).toBeNull();
    expect(m.idleSeconds()).toBe(0);
    expect(s.cantTell).toEqual(expect.arrayContaining(['idle', 'dnd']));
    expect(s.locked).toBe(false);
    expect(notices.filter((n) => n.code === 'system/idle-unknown')).toHaveLength(1);
    expect(notices[0]?.message).toMatch(/can't tell when you step away/);
  });

  it('an idle source that keeps failing is dropped and said once; the next one in the chain answers', async () => {
    service = await DesktopService.start(bus.address, ['org.gnome.Mutter.IdleMonitor', 'org.freedesktop.ScreenSaver']);
    const notices: SystemNotice[] = [];
    const m = monitor('KDE', { onNotice: (n) => notices.push(n), reasons: () => [] });
    expect((await m.refresh()).idleSeconds).toBe(0);
    expect(m.sources().idle).toBe('mutter-idle-monitor');

    service.failing.add('org.gnome.Mutter.IdleMonitor.GetIdletime');
    const asked = () => service!.calls.filter((c) => c.endsWith('GetIdletime')).length;
    for (let i = 0; i < 3; i++) expect((await m.refresh()).cantTell).toContain('idle');
    // Three failures in a row: Mutter is dropped; the next poll skips it and KDE's answer wins.
    service.idleMs = 5_000;
    const base = asked();
    const polls: Array<number | null> = [];
    for (let i = 0; i < 10; i++) polls.push((await m.refresh()).idleSeconds);
    expect(polls[0]).toBe(5);
    expect(m.sources().idle).toBe('freedesktop-screensaver');
    expect(asked() - base).toBe(0); // the chosen source answers; the failing one is left alone
    const backoff = notices.filter((n) => n.code === 'system/probe-backoff');
    expect(backoff).toHaveLength(1);
    expect(backoff[0]?.params).toEqual({ probe: 'mutter-idle-monitor' });
    expect(backoff[0]?.message).toMatch(/look less often/);
  });

  it('a presence probe that keeps failing skips 1, then 2, then 4 polls, and says so once', async () => {
    service = await DesktopService.start(bus.address, ['org.freedesktop.Notifications']);
    service.failing.add('org.freedesktop.DBus.Properties.Get');
    const notices: SystemNotice[] = [];
    const m = monitor('KDE', { onNotice: (n) => notices.push(n) });
    const asked: number[] = [];
    for (let poll = 1; poll <= 13; poll++) {
      const before = service.calls.filter((c) => c === 'org.freedesktop.DBus.Properties.Get').length;
      const s = await m.refresh();
      expect(s.cantTell).toContain('dnd');
      if (service.calls.filter((c) => c === 'org.freedesktop.DBus.Properties.Get').length > before) asked.push(poll);
    }
    expect(asked).toEqual([1, 2, 3, 5, 8, 13]);
    expect(notices.filter((n) => n.code === 'system/probe-backoff').map((n) => n.params.probe)).toEqual(['notifications-inhibited']);

    // It recovers: the next answer resets the back-off.
    service.failing.clear();
    service.inhibited = true;
    let seen = 0;
    for (let poll = 0; poll < 9 && !seen; poll++) if ((await m.refresh()).busy.includes('dnd')) seen = poll + 1;
    expect(seen).toBeGreaterThan(0);
    expect((await m.refresh()).busy).toEqual(['dnd']);
  });

  it.skipIf(noGsettings)(`GNOME without the settings portal: show-banners through gsettings${noGsettings ? ` — skipped: ${noGsettings}` : ''}`, async () => {
    service = await DesktopService.start(bus.address, ['org.gnome.Mutter.IdleMonitor']);
    const config = mkdtempSync(join(tmpdir(), 'movesnack-gsettings-'));
    // The keyfile backend: a real gsettings reading a real settings file, without a dconf service.
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: bus.address, DBUS_SYSTEM_BUS_ADDRESS: NO_BUS, XDG_CURRENT_DESKTOP: 'ubuntu:GNOME', GSETTINGS_BACKEND: 'keyfile', XDG_CONFIG_HOME: config };
    const m = createSystemMonitor({ platform: 'linux', env, procRoot: '/nonexistent-proc', reasons: () => ['dnd'] });
    monitors.push(m);
    try {
      expect((await m.refresh()).busy).toEqual([]);
      execFileSync('gsettings', ['set', 'org.gnome.desktop.notifications', 'show-banners', 'false'], { env });
      const s = await m.refresh();
      expect(s.busy).toEqual(['dnd']);
      expect(s.cantTell).not.toContain('dnd');
    } finally {
      rmSync(config, { recursive: true, force: true });
    }
  });

  it("a service that never answers is cut off by the probe's time limit: can't tell, then said once", async () => {
    service = await DesktopService.start(bus.address, ['org.gnome.Mutter.IdleMonitor', 'org.freedesktop.Notifications']);
    service.silent.add('org.freedesktop.DBus.Properties.Get');
    const notices: SystemNotice[] = [];
    const m = monitor('KDE', { timeoutMs: 300, onNotice: (n) => notices.push(n) });
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const s = await m.refresh();
      expect(Date.now() - started).toBeLessThan(3000);
      expect(s.cantTell).toEqual(['lock', 'dnd']);
      expect(s.idleSeconds).toBe(0); // Mutter still answers
    }
    expect(notices.filter((n) => n.code === 'system/probe-backoff').map((n) => n.params.probe)).toEqual(['notifications-inhibited']);
  });

  it('no session bus at all: every D-Bus answer is can\'t tell, quietly', async () => {
    const notices: SystemNotice[] = [];
    const m = createSystemMonitor({ platform: 'linux', env: { PATH: '/nonexistent', DBUS_SYSTEM_BUS_ADDRESS: NO_BUS }, procRoot: '/nonexistent-proc', onNotice: (n) => notices.push(n) });
    monitors.push(m);
    const s = await m.refresh();
    expect(s).toEqual({ idleSeconds: null, locked: null, busy: [], cantTell: ['idle', 'lock', 'fullscreen', 'dnd', 'meeting'] });
    expect(notices.map((n) => n.code)).toEqual(['system/idle-unknown']);
  });
});
