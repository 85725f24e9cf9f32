import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import { createCompanion } from '../../main/core';
import { rig, at, MIN, tempDir, type Rig } from './harness';

process.env.TZ = 'UTC';

let r: Rig;
afterEach(async () => {
  await r?.companion.stop();
  vi.useRealTimers();
  fs.rmSync(r.dir, { recursive: true, force: true });
});

const T0 = Date.parse('2026-11-23T09:00:00.000Z');

describe('edges a reader of DESIGN.md would test', () => {
  it('a lock timed with the wall clock alone is measured with Date, not taken for a clock change', () => {
    r = rig();
    r.advance(10 * MIN);
    r.companion.dispatch({ type: 'system/lock' });
    vi.setSystemTime(Date.now() + 5 * MIN);
    const s = r.companion.dispatch({ type: 'system/unlock' });
    expect(at(s.stretchStart)).toBe(T0 + 15 * MIN);
    expect(r.companion.exportData().stretches).toEqual([
      { start: new Date(T0).toISOString(), end: new Date(T0 + 10 * MIN).toISOString(), endedBy: 'natural', discomfortAt: null },
    ]);
  });

  it('a clock moved past the end of a pause ends it within a minute', () => {
    r = rig();
    r.companion.dispatch({ type: 'pause', until: new Date(T0 + 60 * MIN).toISOString() });
    vi.setSystemTime(T0 + 61 * MIN);
    r.advance(MIN);
    expect(r.companion.getState().phase).toBe('sitting');
  });

  it('a restart while a break is due comes back due', async () => {
    r = rig();
    r.advance(31 * MIN);
    r.companion.dispatch({ type: 'break/snooze' });
    r.advance(6 * MIN);
    expect(r.companion.getState().phase).toBe('due');
    await r.companion.stop();
    r.advance(30_000);
    r.companion = createCompanion({ dataDir: r.dir, idleSeconds: r.user.idleSeconds });
    r.companion.start();
    expect(r.companion.getState()).toMatchObject({ phase: 'due', snoozesLeft: 2 });
  });

  it('working hours still end on time after another engine was dropped without stop()', () => {
    vi.useFakeTimers({ now: new Date('2026-11-18T12:00:00.000Z') });
    const abandoned = createCompanion({ dataDir: tempDir() });
    abandoned.start(); // never stopped; its calendar jobs stay in node-schedule's queue
    vi.useRealTimers();
    r = rig({ now: '2026-11-23T16:50:00.000Z' });
    r.companion.dispatch({ type: 'settings/update', settings: { workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } } });
    r.advance(11 * MIN);
    expect(r.companion.getState().phase).toBe('off-hours');
  });

  it('imports a file without settings or profile', () => {
    r = rig();
    const result = r.companion.importData({
      format: 'movesnack-export',
      version: 1,
      exportedAt: '2026-11-23T08:00:00.000Z',
      stretches: [{ start: '2026-11-20T09:00:00.000Z', end: '2026-11-20T09:40:00.000Z', endedBy: 'natural', discomfortAt: null }],
      breaks: [],
      checkins: [],
      checklists: [],
    });
    expect(result).toEqual({ imported: 1 });
  });

  it('an empty settings change is accepted and changes nothing', () => {
    r = rig();
    const before = r.companion.getState();
    expect(r.companion.dispatch({ type: 'settings/update', settings: {} })).toEqual(before);
  });
});
