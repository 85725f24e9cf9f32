import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCompanion, type Companion } from '../../main/core';
import type { Reminder } from '../../shared/reminders';
import { ClockUser, ManualClock } from '../support/manual-clock';
import { CLEAR_SCREEN, MIN, tempDir } from './harness';

const T0 = '2026-11-23T09:00:00.000Z'; // a Monday

let companion: Companion | null = null;
let dir = '';
afterEach(async () => {
  await companion?.stop();
  companion = null;
  vi.useRealTimers();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function make(clock: ManualClock, user = new ClockUser(clock)) {
  dir = tempDir();
  companion = createCompanion({ dataDir: dir, idleSeconds: user.idleSeconds, clock });
  companion.dispatch({ type: 'profile/save', profile: { redFlags: CLEAR_SCREEN } });
  return companion;
}

describe('the injected clock (DESIGN.md "Injected clock")', () => {
  it('drives breaks, polls and the calendar without arming a single timer of its own', () => {
    // Global fake timers are installed only to count: with a clock passed in, none may be armed.
    vi.useFakeTimers({ now: new Date('2000-01-01T00:00:00Z') });
    const clock = new ManualClock(T0);
    const c = make(clock);
    const reminders: Reminder[] = [];
    c.onReminder((r) => reminders.push(r));
    c.dispatch({
      type: 'settings/update',
      settings: { checkinReminder: { days: [1], time: '09:40' } },
    });
    c.start();
    expect(c.getState().stretchStart).toBe(T0);
    expect(c.getState().nextBreakAt).toBe(new Date(Date.parse(T0) + 30 * MIN).toISOString());
    clock.advance(30 * MIN - 1);
    expect(c.getState().phase).toBe('sitting');
    clock.advance(1);
    expect(c.getState().phase).toBe('due');
    c.dispatch({ type: 'break/skip' });
    // 09:40 local is a calendar time; find it from the local offset of the test machine.
    const local = new Date(Date.parse(T0));
    const reminderAt = new Date(local.getFullYear(), local.getMonth(), local.getDate(), 9, 40).getTime();
    const untilReminder = reminderAt - clock.now();
    if (untilReminder > 0 && untilReminder < 24 * 60 * MIN) {
      clock.advance(untilReminder);
      expect(reminders.map((r) => r.kind)).toContain('checkin');
      expect(reminders[0]!.at).toBe(new Date(reminderAt).toISOString());
    }
    expect(vi.getTimerCount()).toBe(0);
    // Everything the engine waits for is on the injected clock.
    expect(clock.pending).toBeGreaterThan(0);
  });

  it('tells a wall-clock change from time passing by the monotonic clock', () => {
    const clock = new ManualClock(T0);
    const c = make(clock);
    c.start();
    clock.advance(10 * MIN);
    clock.setWall(clock.now() + 3 * 60 * MIN);
    clock.advance(2 * MIN);
    const s = c.getState();
    expect(s.phase).toBe('sitting');
    expect(Date.parse(s.nextBreakAt!) - Date.parse(s.stretchStart!)).toBe(30 * MIN);
    clock.advance(18 * MIN);
    expect(c.getState().phase).toBe('due');
  });

  it('wakes no more than 60 times an hour while the user sits and types', () => {
    const clock = new ManualClock(T0);
    const c = make(clock);
    c.dispatch({ type: 'settings/update', settings: { checkinReminder: null, weeklySummaryReminder: null, breakIntervalMin: 120 } });
    c.start();
    clock.fired = 0;
    clock.advance(60 * MIN);
    expect(clock.fired).toBeLessThanOrEqual(60);
    expect(clock.fired).toBeGreaterThan(0);
  });
});

describe('clock set back (issue 16, item 3)', () => {
  it('keeps every minute of sitting when the clock is set back two hours while running', () => {
    const clock = new ManualClock(T0);
    const user = new ClockUser(clock);
    const c = make(clock, user);
    c.start();
    clock.advance(20 * MIN);
    user.leave();
    clock.advance(5 * MIN); // a natural break: the first stretch is 20 min
    user.returns();
    clock.advance(30_000);
    clock.setWall(clock.now() - 2 * 60 * MIN);
    clock.advance(15 * MIN);
    user.leave();
    clock.advance(5 * MIN);
    const stretches = c.exportData().stretches;
    expect(stretches).toHaveLength(2);
    // Sorted by start, the later stretch now comes first: its times are two hours earlier.
    const [after, before] = stretches.map((s) => (Date.parse(s.end) - Date.parse(s.start)) / MIN);
    expect(before).toBe(20);
    // The second stretch began at most 30 s after the return and ran 15 min more.
    expect(after).toBeGreaterThanOrEqual(15);
    expect(after).toBeLessThanOrEqual(15.5);
  });

  it('records real lengths when the clock is a day behind at the next start', async () => {
    const clock = new ManualClock(T0);
    const user = new ClockUser(clock);
    const c = make(clock, user);
    c.start();
    clock.advance(25 * MIN);
    await c.stop();
    // Restarted on a machine whose clock is a day behind (dual boot, before NTP).
    clock.setWall(clock.now() - 24 * 60 * MIN);
    companion = createCompanion({ dataDir: dir, idleSeconds: user.idleSeconds, clock });
    companion.start();
    clock.advance(12 * MIN);
    user.leave();
    clock.advance(5 * MIN);
    const minutes = companion.exportData().stretches.map((s) => (Date.parse(s.end) - Date.parse(s.start)) / MIN);
    expect(minutes.sort((a, b) => a - b)).toEqual([12, 25]);
  });
});
