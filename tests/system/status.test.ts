/**
 * desktopIdleStatus: what the dashboard is told about this desktop, from a real monitor
 * (createSystemMonitor) whose probes answer, or are not on this desktop at all.
 */
import { describe, expect, it } from 'vitest';
import { createSystemMonitor, desktopIdleStatus } from '../../main/system';
import type { PlatformProbes } from '../../main/system/monitor';
import { Unavailable } from '../../main/system/types';

const none = { fullscreen: [], dnd: [], meeting: [], app: [] };

function probes(idle: PlatformProbes['idle']): PlatformProbes {
  return { idle, lock: [], busy: none, close: () => undefined };
}

describe('desktopIdleStatus', () => {
  it('names the probe that answers, after the first reading (none has run yet)', async () => {
    let reads = 0;
    const monitor = createSystemMonitor({
      probes: probes([
        { id: 'gone', what: 'nothing', read: () => Promise.reject(new Unavailable('not here')) },
        { id: 'mutter', what: 'the idle time from GNOME', read: () => ((reads += 1), Promise.resolve(12_000)) },
      ]),
    });
    expect(monitor.peek().cantTell).toContain('idle');
    expect(await desktopIdleStatus(monitor)).toEqual({ idle: 'ok', source: 'mutter' });
    expect(reads).toBe(1);
    // Known now: asking again reads nothing more.
    expect(await desktopIdleStatus(monitor)).toEqual({ idle: 'ok', source: 'mutter' });
    expect(reads).toBe(1);
    monitor.close();
  });

  it("says it can't tell where no probe answers", async () => {
    const monitor = createSystemMonitor({
      probes: probes([{ id: 'x11-screensaver', what: 'the X server', read: () => Promise.reject(new Unavailable('no display')) }]),
    });
    expect(await desktopIdleStatus(monitor)).toEqual({ idle: 'cant-tell', source: 'none' });
    monitor.close();
  });

  it("can't tell on a platform with no probes at all", async () => {
    const monitor = createSystemMonitor({ platform: 'haiku' });
    expect(await desktopIdleStatus(monitor)).toEqual({ idle: 'cant-tell', source: 'none' });
    monitor.close();
  });
});
