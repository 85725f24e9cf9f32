import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCompanion } from '../../main/core';
import type { EngineService, ServiceContext } from '../../main/core/services';
import { ManualClock } from '../support/manual-clock';
import { CLEAR_SCREEN, MIN, tempDir } from './harness';

/** The seam a separate service (the home program) plugs into: main/core/services.ts. */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function fakeService() {
  const log: string[] = [];
  let context!: ServiceContext;
  let fired = 0;
  const service: EngineService = {
    actionPrefix: 'fake/',
    dispatch(action) {
      log.push(`dispatch ${(action as { type: string }).type}`);
      // A reminder armed through the engine's clock, as the program's would be.
      context.clock.setTimeout(() => fired++, 5 * MIN);
      context.changed();
      return null;
    },
    exportSection: () => ({ name: 'fake', value: { n: log.length } }),
    importSection: (file) => ({ imported: (file.fake as { n?: number } | undefined)?.n ?? 0 }),
    resync: () => log.push('resync'),
    stop: () => log.push('stop'),
  };
  const make = (c: ServiceContext) => {
    context = c;
    return service;
  };
  return { make, log, get context() { return context; }, get fired() { return fired; } };
}

describe('services beside the core', () => {
  it('get their actions, the clock, the gate, an export section, import, resync and stop', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const clock = new ManualClock(Date.parse('2026-11-23T09:00:00.000Z'));
    const fake = fakeService();
    const c = createCompanion({ dataDir: dir, clock, services: [fake.make] });
    c.start();
    expect(fake.context.dataDir).toBe(dir);
    expect(fake.context.gateOpen()).toBe(false);
    c.dispatch({ type: 'profile/save', profile: { redFlags: CLEAR_SCREEN } });
    expect(fake.context.gateOpen()).toBe(true);

    let heard = 0;
    c.subscribe(() => heard++);
    c.dispatch({ type: 'fake/ping' });
    expect(fake.log).toContain('dispatch fake/ping');
    expect(heard).toBeGreaterThanOrEqual(1);
    clock.advance(5 * MIN);
    expect(fake.fired).toBe(1);
    // An unknown action outside every prefix is still refused by the engine.
    expect(() => c.dispatch({ type: 'nothing/here' })).toThrow();

    expect((c.exportData() as unknown as Record<string, unknown>).fake).toEqual({ n: 1 });
    const file = { ...c.exportData(), fake: { n: 3 } };
    expect(c.importData(file).imported).toBe(3);

    c.dispatch({ type: 'system/suspend' });
    c.dispatch({ type: 'system/resume' });
    expect(fake.log).toContain('resync');
    await c.stop();
    expect(fake.log.at(-1)).toBe('stop');
  });
});
