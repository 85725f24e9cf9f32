// The X11 probes against a real X server (Xvfb), real input (xdotool, through XTEST), a real
// EWMH window manager (openbox) and a real window (xmessage) made fullscreen with wmctrl.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystemMonitor, type SystemMonitor } from '../../main/system';
import { missing, run, startProgram, startXvfb, waitFor, type Xvfb } from './components';

const absent = missing('Xvfb', 'xdotool', 'openbox', 'wmctrl', 'xmessage');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(absent)(`X11 probes under Xvfb${absent ? ` — skipped: ${absent}` : ''}`, () => {
  let x: Xvfb;
  const monitors: SystemMonitor[] = [];
  const monitor = (reasons: Array<'fullscreen'> = []) => {
    const m = createSystemMonitor({ platform: 'linux', env: x.env, procRoot: '/nonexistent-proc', reasons: () => reasons });
    monitors.push(m);
    return m;
  };

  beforeAll(async () => {
    x = await startXvfb();
  });
  afterAll(async () => {
    for (const m of monitors) m.close();
    await x?.stop();
  });

  it('reads idle time from MIT-SCREEN-SAVER, and input from xdotool resets it', async () => {
    const m = monitor();
    run('xdotool', ['mousemove', '--sync', '10', '10'], x.env);
    await sleep(2200);
    // Eventually, not at once: on a loaded machine the X server may see the move a little late.
    const idle = await waitFor('idle time to pass 2 s', async () => {
      const s = await m.refresh();
      return (s.idleSeconds ?? 0) >= 2 ? s : null;
    });
    expect(m.sources().idle).toBe('x11-screensaver');
    expect(idle.idleSeconds).toBeLessThan(10);
    expect(idle.cantTell).not.toContain('idle');

    run('xdotool', ['mousemove', '--sync', '200', '150'], x.env);
    const after = await m.refresh();
    expect(after.idleSeconds).toBeLessThanOrEqual(1);
    // X11 has no lock answer of its own, and no D-Bus here: said, not guessed.
    expect(after.locked).toBeNull();
    expect(after.cantTell).toContain('lock');
  });

  it('sample() answers at once with the last reading and refreshes behind it', async () => {
    const m = monitor();
    const first = m.sample();
    expect(first.idleSeconds).toBeNull(); // nothing read yet: can't tell, not 0
    expect(m.idleSeconds()).toBe(0); // createCompanion's number: 0 means "never away from idle"
    await waitFor('the first reading', () => m.sample().idleSeconds !== null);
    expect(m.sources().idle).toBe('x11-screensaver');
  });

  it('idleSeconds() answers from the previous refresh; readIdleSeconds() reads afresh', async () => {
    const m = monitor();
    run('xdotool', ['mousemove', '--sync', '30', '30'], x.env);
    const first = await m.readIdleSeconds();
    expect(first).toBeLessThanOrEqual(1);
    await sleep(2500);
    expect(m.idleSeconds()).toBe(first); // the last reading, from 2.5 s ago (a refresh starts behind it)
    const fresh = await waitFor('a fresh reading past 2 s', async () => {
      const seconds = await m.readIdleSeconds();
      return seconds >= 2 ? seconds : null;
    });
    expect(m.idleSeconds()).toBe(fresh);
  });

  it('SYNC alarms on IDLETIME keep idle time exact between polls, and input resets it at once', async () => {
    let shift = 0;
    const m = createSystemMonitor({
      platform: 'linux',
      env: x.env,
      procRoot: '/nonexistent-proc',
      reasons: () => [],
      idleWatchSeconds: 1,
      now: () => Date.now() + shift,
    });
    monitors.push(m);
    run('xdotool', ['mousemove', '--sync', '40', '40'], x.env);
    expect((await m.refresh()).idleSeconds).toBeLessThanOrEqual(1);
    await sleep(1400); // the idle alarm fires at 1 s of no input
    shift = 100_000; // 100 s later by this clock, with no poll in between
    expect(m.peek().idleSeconds).toBeGreaterThanOrEqual(100);
    expect(m.peek().idleSeconds).toBeLessThan(110);

    run('xdotool', ['mousemove', '--sync', '60', '60'], x.env); // the active alarm fires
    await waitFor('input to be seen without a poll', () => m.peek().idleSeconds === 0);

    await sleep(1400); // the idle alarm was armed again: exact again, still without a poll
    const again = m.peek().idleSeconds ?? 0; // the cached reading is 0: only the alarm says more
    expect(again).toBeGreaterThanOrEqual(1);
    expect(again).toBeLessThan(5);
  });

  it("says can't tell for fullscreen without an EWMH window manager", async () => {
    const m = monitor(['fullscreen']);
    const s = await m.refresh();
    expect(s.busy).toEqual([]);
    expect(s.cantTell).toContain('fullscreen');
  });

  it('sees a real window made fullscreen by the window manager, and not once it is back', async () => {
    const wm = startProgram('openbox', ['--sm-disable'], x.env);
    const win = startProgram('xmessage', ['-name', 'movesnackfull', '-center', 'Movesnack fullscreen test'], x.env);
    try {
      await waitFor('openbox to manage windows', () => {
        try {
          return run('wmctrl', ['-m'], x.env).includes('Openbox');
        } catch {
          return false;
        }
      });
      const id = await waitFor('the xmessage window', () => {
        try {
          return run('xdotool', ['search', '--sync', '--classname', 'movesnackfull'], x.env).trim().split('\n')[0];
        } catch {
          return null;
        }
      });
      run('wmctrl', ['-i', '-a', id], x.env);
      const m = monitor(['fullscreen']);
      await waitFor('the window to have the focus', async () => {
        const s = await m.refresh();
        return !s.cantTell.includes('fullscreen') && s.busy.length === 0;
      });

      // Under Wayland this X server would be XWayland, which sees only X11 windows: "not
      // fullscreen" could be a guess there, and X11 idle time would miss Wayland input.
      const xwayland = createSystemMonitor({
        platform: 'linux',
        env: { ...x.env, XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' },
        procRoot: '/nonexistent-proc',
        reasons: () => ['fullscreen'],
      });
      monitors.push(xwayland);
      const guessed = await xwayland.refresh();
      expect(guessed.cantTell).toEqual(['idle', 'lock', 'fullscreen']);

      run('wmctrl', ['-i', '-r', id, '-b', 'add,fullscreen'], x.env);
      const full = await waitFor('fullscreen to be seen', async () => {
        const s = await m.refresh();
        return s.busy.includes('fullscreen') ? s : null;
      });
      expect(full.busy).toEqual(['fullscreen']);
      expect((await xwayland.refresh()).busy).toEqual(['fullscreen']);
      expect(run('xprop', ['-id', id, '_NET_WM_STATE'], x.env)).toContain('_NET_WM_STATE_FULLSCREEN');

      run('wmctrl', ['-i', '-r', id, '-b', 'remove,fullscreen'], x.env);
      const back = await waitFor('fullscreen to end', async () => {
        const s = await m.refresh();
        return s.busy.length === 0 ? s : null;
      });
      expect(back.cantTell).not.toContain('fullscreen');
    } finally {
      await win.stop();
      await wm.stop();
    }
  }, 45_000);
});
