// The camera and app probes on a fake /proc tree (there is no camera here): the same readdir,
// readlink and readFile calls the probes make on a real /proc.
import { chownSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSystemMonitor, type SystemMonitor } from '../../main/system';
import type { BusyReason } from '../../shared/settings';
import { NO_BUS } from './components';

let root: string;
const monitors: SystemMonitor[] = [];

function proc(pid: number, comm: string, fds: Record<string, string> = {}): void {
  const dir = join(root, String(pid));
  mkdirSync(join(dir, 'fd'), { recursive: true });
  writeFileSync(join(dir, 'comm'), `${comm}\n`);
  for (const [fd, target] of Object.entries(fds)) symlinkSync(target, join(dir, 'fd', fd));
}

function monitor(reasons: BusyReason[], deferApps: readonly string[] | (() => readonly string[]) = []) {
  const m = createSystemMonitor({ platform: 'linux', env: { PATH: '/nonexistent', DBUS_SYSTEM_BUS_ADDRESS: NO_BUS }, procRoot: root, reasons: () => reasons, deferApps });
  monitors.push(m);
  return m;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'movesnack-proc-'));
  mkdirSync(join(root, 'sys'));
  writeFileSync(join(root, 'uptime'), '1.00 1.00\n');
  proc(1, 'systemd', { '0': '/dev/null', '1': 'socket:[1234]' });
  proc(200, 'bash', { '0': '/dev/pts/0' });
});
afterEach(() => {
  for (const m of monitors.splice(0)) m.close();
  rmSync(root, { recursive: true, force: true });
});

describe('camera (a process holding /dev/video*)', () => {
  it('no process holds a video device: not a meeting', async () => {
    const s = await monitor(['meeting']).refresh();
    expect(s.busy).toEqual([]);
    expect(s.cantTell).not.toContain('meeting');
  });

  it('a call app holding /dev/video0 is a meeting, and it ends when the app lets go', async () => {
    proc(4242, 'zoom', { '0': '/dev/null', '37': '/dev/video0' });
    const m = monitor(['meeting']);
    expect((await m.refresh()).busy).toEqual(['meeting']);
    rmSync(join(root, '4242'), { recursive: true });
    expect((await m.refresh()).busy).toEqual([]);
  });

  it('other devices whose names start alike are not a camera', async () => {
    proc(300, 'v4l-tool', { '5': '/dev/video-loopback-config', '6': '/dev/videox' });
    expect((await monitor(['meeting']).refresh()).busy).toEqual([]);
  });

  it("without /proc it can't tell", async () => {
    const m = createSystemMonitor({ platform: 'linux', env: {}, procRoot: join(root, 'missing'), reasons: () => ['meeting'] });
    monitors.push(m);
    expect((await m.refresh()).cantTell).toContain('meeting');
  });
});

describe('apps (a listed process is running)', () => {
  it.skipIf(process.getuid?.() !== 0)("another user's process is not this user's (needs root to make one)", async () => {
    proc(450, 'zoom', { '3': '/dev/video0' });
    chownSync(join(root, '450'), 4321, 4321);
    const s = await monitor(['app', 'meeting'], ['zoom']).refresh();
    expect(s.busy).toEqual([]);
  });

  it('a listed name is busy, in any case, with or without .exe', async () => {
    proc(500, 'obs');
    expect((await monitor(['app'], ['OBS.exe']).refresh()).busy).toEqual(['app']);
    expect((await monitor(['app'], ['zoom']).refresh()).busy).toEqual([]);
  });

  it('matches names that Linux cut to 15 characters in comm', async () => {
    proc(600, 'chromium-browse');
    expect((await monitor(['app'], ['chromium-browser']).refresh()).busy).toEqual(['app']);
    expect((await monitor(['app'], ['chromium']).refresh()).busy).toEqual([]);
  });

  it('an empty list is simply not busy (nothing to look for), and the list is read on each poll', async () => {
    let list: string[] = [];
    const m = monitor(['app'], () => list);
    const s = await m.refresh();
    expect(s.busy).toEqual([]);
    expect(s.cantTell).toEqual(['idle', 'lock']);
    proc(700, 'bash-helper');
    list = ['bash'];
    expect((await m.refresh()).busy).toEqual(['app']);
  });
});

describe('the facade', () => {
  it('reports a change of the busy set once, for the shell to dispatch presence/update', async () => {
    const changes: BusyReason[][] = [];
    const m = createSystemMonitor({
      platform: 'linux',
      env: {},
      procRoot: root,
      deferApps: ['obs'],
      reasons: () => ['meeting', 'app'],
      onBusyChange: (busy) => changes.push(busy),
    });
    monitors.push(m);
    await m.refresh();
    proc(800, 'obs', { '3': '/dev/video2' });
    await m.refresh();
    await m.refresh();
    expect(m.busy()).toEqual(['meeting', 'app']);
    rmSync(join(root, '800'), { recursive: true });
    await m.refresh();
    expect(changes).toEqual([['meeting', 'app'], []]);
  });

  it('reasons the user turned off are not looked at', async () => {
    proc(900, 'obs', { '3': '/dev/video0' });
    const s = await monitor(['app'], ['obs']).refresh();
    expect(s.busy).toEqual(['app']);
    expect(s.cantTell).not.toContain('meeting');
  });

  it('keeps no timer of its own: between refreshes nothing is armed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    try {
      proc(1100, 'obs', { '3': '/dev/video0' });
      const m = monitor(['meeting', 'app'], ['obs']);
      expect(vi.getTimerCount()).toBe(0);
      const pending = m.refresh();
      expect(vi.getTimerCount()).toBeGreaterThan(0); // each probe's time limit, while it runs
      expect((await pending).busy).toEqual(['meeting', 'app']);
      expect(vi.getTimerCount()).toBe(0);
      m.sample();
      await m.refresh();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sample() never waits: it answers from the last refresh and starts at most one more', async () => {
    proc(1000, 'obs', { '3': '/dev/video0' });
    const m = monitor(['meeting']);
    const first = m.sample();
    expect(first.busy).toEqual([]); // nothing known yet
    const again = m.sample(); // the refresh already running is reused
    expect(again).toEqual(first);
    await m.refresh();
    expect(m.sample().busy).toEqual(['meeting']);
  });
});
