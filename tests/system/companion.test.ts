// The wiring a shell uses (main/system/index.ts): the engine's idle source is the monitor, and
// the monitor's busy and lock changes become engine actions. Real engine, fake /proc.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createCompanion, type Companion } from '../../main/core';
import { createSystemMonitor, type SystemMonitor } from '../../main/system';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

it('a camera in use and a listed app reach the engine as presence/update; idle time comes from the monitor', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'movesnack-wiring-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const proc = join(dir, 'proc');
  mkdirSync(proc);
  const processWith = (pid: number, comm: string, fds: Record<string, string> = {}) => {
    mkdirSync(join(proc, String(pid), 'fd'), { recursive: true });
    writeFileSync(join(proc, String(pid), 'comm'), `${comm}\n`);
    for (const [fd, target] of Object.entries(fds)) symlinkSync(target, join(proc, String(pid), 'fd', fd));
  };

  let companion: Companion | null = null;
  let idleAsked = 0;
  const monitor: SystemMonitor = createSystemMonitor({
    platform: 'linux',
    env: {},
    procRoot: proc,
    deferApps: () => companion?.getState().settings.deferApps ?? [],
    onBusyChange: (busy) => companion?.dispatch({ type: 'presence/update', busy }),
    onLockChange: (locked) => companion?.dispatch({ type: locked ? 'system/lock' : 'system/unlock' }),
  });
  cleanup.push(() => monitor.close());
  companion = createCompanion({
    dataDir: join(dir, 'data'),
    idleSeconds: () => {
      idleAsked += 1;
      return monitor.idleSeconds();
    },
  });
  companion.start();
  cleanup.push(() => companion?.stop());
  expect(idleAsked).toBeGreaterThan(0); // the engine asked at start, and so started a refresh
  await monitor.refresh();
  expect(companion.getState().busy).toEqual([]);

  processWith(31, 'zoom', { '40': '/dev/video0' });
  await monitor.refresh();
  expect(companion.getState().busy).toEqual(['meeting']);

  companion.dispatch({ type: 'settings/update', settings: { deferApps: ['obs'] } });
  processWith(32, 'obs');
  await monitor.refresh();
  expect(companion.getState().busy).toEqual(['meeting', 'app']);

  rmSync(join(proc, '31'), { recursive: true });
  rmSync(join(proc, '32'), { recursive: true });
  await monitor.refresh();
  expect(companion.getState().busy).toEqual([]);
});
