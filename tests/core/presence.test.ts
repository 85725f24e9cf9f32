import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCompanion, type Companion } from '../../main/core';
import { ClockUser, ManualClock } from '../support/manual-clock';
import { CLEAR_SCREEN, MIN, tempDir } from './harness';

const T0 = Date.parse('2026-11-23T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

let c: Companion;
let clock: ManualClock;
let user: ClockUser;
let dir: string;

function setup(settings: Record<string, unknown> = {}) {
  clock = new ManualClock(T0);
  user = new ClockUser(clock);
  dir = tempDir();
  c = createCompanion({ dataDir: dir, idleSeconds: user.idleSeconds, clock });
  c.dispatch({ type: 'profile/save', profile: { redFlags: CLEAR_SCREEN } });
  c.dispatch({ type: 'settings/update', settings: { checkinReminder: null, weeklySummaryReminder: null, ...settings } });
  c.start();
}
afterEach(async () => {
  await c?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});
const busy = (...reasons: ('fullscreen' | 'dnd' | 'meeting' | 'app')[]) =>
  c.dispatch({ type: 'presence/update', busy: reasons });

describe('presence: never interrupt at the wrong moment (DESIGN.md "Presence")', () => {
  it('holds a break that comes due during a meeting, and brings it a minute after the meeting ends', () => {
    setup();
    clock.advance(20 * MIN);
    busy('meeting');
    expect(c.getState().busy).toEqual(['meeting']);
    expect(c.getState().phase).toBe('sitting');
    clock.advance(10 * MIN);
    let s = c.getState();
    expect(s.phase).toBe('deferred');
    expect(s.deferredSince).toBe(iso(T0 + 30 * MIN));
    expect(s.nextBreakAt).toBe(iso(T0 + 30 * MIN + 60 * MIN));
    expect(s.stretchStart).toBe(iso(T0));
    clock.advance(25 * MIN);
    busy();
    s = c.getState();
    expect(s.phase).toBe('deferred');
    expect(s.nextBreakAt).toBe(iso(T0 + 55 * MIN + MIN));
    clock.advance(MIN - 1);
    expect(c.getState().phase).toBe('deferred');
    clock.advance(1);
    s = c.getState();
    expect(s.phase).toBe('due');
    expect(s.deferredSince).toBeNull();
    c.dispatch({ type: 'break/start' });
    c.dispatch({ type: 'routine/complete', feeling: 'same' });
    const record = c.exportData().breaks[0]! as { outcome: string; deferredMin?: number };
    expect(record.outcome).toBe('taken');
    expect(record.deferredMin).toBe(26);
    expect(c.weeklySummary(new Date(T0)).breaks.deferred).toBe(1);
    expect(c.weeklySummary(new Date(T0)).breaks.skipped).toBe(0);
  });

  it('holds a break that is already due when a reason turns busy', () => {
    setup();
    clock.advance(30 * MIN);
    expect(c.getState().phase).toBe('due');
    clock.advance(5 * MIN);
    busy('fullscreen');
    const s = c.getState();
    expect(s.phase).toBe('deferred');
    expect(s.deferredSince).toBe(iso(T0 + 30 * MIN));
    expect(s.nextBreakAt).toBe(iso(T0 + 90 * MIN));
  });

  it('comes due anyway at maxDeferMin while still busy, and is not held again', () => {
    setup({ maxDeferMin: 20 });
    busy('dnd');
    clock.advance(30 * MIN);
    expect(c.getState().phase).toBe('deferred');
    clock.advance(20 * MIN);
    expect(c.getState().phase).toBe('due');
    busy('dnd', 'app');
    expect(c.getState().phase).toBe('due');
    c.dispatch({ type: 'break/skip' });
    expect(c.exportData().breaks[0]).toMatchObject({ outcome: 'skipped', deferredMin: 20 });
  });

  it('holds only for the reasons switched on, and never with maxDeferMin 0', () => {
    setup({ deferFor: { fullscreen: true, dnd: false, meeting: true, app: true } });
    busy('dnd');
    clock.advance(30 * MIN);
    expect(c.getState().phase).toBe('due');
    c.dispatch({ type: 'settings/update', settings: { maxDeferMin: 0 } });
    c.dispatch({ type: 'break/skip' });
    busy('meeting');
    clock.advance(30 * MIN);
    expect(c.getState().phase).toBe('due');
  });

  it('refuses a snooze or a skip while a break is held, with a clear message', () => {
    setup();
    busy('meeting');
    clock.advance(30 * MIN);
    const before = c.getState();
    expect(() => c.dispatch({ type: 'break/snooze' })).toThrow(/held while you are busy/);
    expect(() => c.dispatch({ type: 'break/skip' })).toThrow(/held while you are busy/);
    expect(c.getState()).toEqual(before);
  });

  it('counts a quiet video call as sitting, but a lock during the call as away', () => {
    setup();
    busy('meeting');
    user.leave(); // no keyboard or mouse during the call
    clock.advance(20 * MIN);
    expect(c.getState().phase).toBe('sitting');
    expect(c.getState().stretchStart).toBe(iso(T0));
    // The call ends; idle time from before its end is not time away.
    busy();
    clock.advance(MIN);
    expect(c.getState().phase).toBe('sitting');
    clock.advance(2 * MIN);
    expect(c.getState().phase).toBe('away');
    const stretch = c.exportData().stretches[0]!;
    expect(stretch.end).toBe(iso(T0 + 20 * MIN));
    // A lock during a call is away.
    user.returns();
    clock.advance(MIN);
    busy('meeting');
    c.dispatch({ type: 'system/lock' });
    expect(c.getState().phase).toBe('away');
  });

  it('drops a held break unrecorded when the user pauses', () => {
    setup();
    busy('meeting');
    clock.advance(35 * MIN);
    expect(c.getState().phase).toBe('deferred');
    c.dispatch({ type: 'pause', until: iso(clock.now() + 60 * MIN) });
    expect(c.getState().phase).toBe('paused');
    expect(c.getState().deferredSince).toBeNull();
    expect(c.exportData().breaks).toEqual([]);
  });

  it('after a restart during a hold, the break waits a minute for the next presence report', async () => {
    setup();
    busy('meeting');
    clock.advance(35 * MIN);
    await c.stop();
    c = createCompanion({ dataDir: dir, idleSeconds: user.idleSeconds, clock });
    c.start();
    let s = c.getState();
    expect(s.phase).toBe('deferred');
    expect(s.deferredSince).toBe(iso(T0 + 30 * MIN));
    expect(s.nextBreakAt).toBe(iso(T0 + 36 * MIN));
    busy('meeting');
    s = c.getState();
    expect(s.nextBreakAt).toBe(iso(T0 + 90 * MIN));
    clock.advance(55 * MIN);
    expect(c.getState().phase).toBe('due');
    c.dispatch({ type: 'break/skip' });
    expect(c.exportData().breaks[0]).toMatchObject({ outcome: 'skipped', deferredMin: 60 });
  });

  it('refuses bad presence reports and bad settings with clear errors, changing nothing', () => {
    setup();
    const before = c.getState();
    expect(() => c.dispatch({ type: 'presence/update', busy: ['karaoke'] })).toThrow(/busy/);
    expect(() => c.dispatch({ type: 'presence/update' })).toThrow(/busy/);
    expect(() => c.dispatch({ type: 'settings/update', settings: { maxDeferMin: 300 } })).toThrow(/Longest hold must be between 0 and 240/);
    expect(() => c.dispatch({ type: 'settings/update', settings: { deferApps: [''] } })).toThrow(/app name/);
    expect(c.getState()).toEqual(before);
  });
});
