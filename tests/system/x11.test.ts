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
    run('xdotool', ['mousemove', '10', '10'], x.env);
    await sleep(2200);
    const idle = await m.refresh();
    expect(m.sources().idle).toBe('x11-screensaver');
    expect(idle.idleSeconds).toBeGreaterThanOrEqual(2);
    expect(idle.idleSeconds).toBeLessThan(10);
    expect(idle.cantTell).not.toContain('idle');

    run('xdotool', ['mousemove', '200', '150'], x.env);
    const after = await m.refresh();
    expect(after.idleSeconds).toBe(0);
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
    run('xdotool', ['mousemove', '30', '30'], x.env);
    expect(await m.readIdleSeconds()).toBe(0);
    await sleep(1300);
    expect(m.idleSeconds()).toBe(0); // the last reading, from 1.3 s ago (a refresh starts behind it)
    expect(await m.readIdleSeconds()).toBeGreaterThanOrEqual(1);
    expect(m.idleSeconds()).toBeGreaterThanOrEqual(1);
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
  });
});
