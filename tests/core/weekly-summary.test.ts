import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import { rig, MIN, type Rig } from './harness';

process.env.TZ = 'America/New_York';

let r: Rig;
afterEach(async () => {
  await r?.companion.stop();
  vi.useRealTimers();
  fs.rmSync(r.dir, { recursive: true, force: true });
});

const local = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min);
const checkin = (painLow: number, painHigh: number, note = '') => ({
  type: 'checkin/save' as const,
  checkin: { painLow, painHigh, stiffnessMin: 20, walkingMin: 30, confidence: 5, note },
});

describe('weekly summary from a real week of use', () => {
  it('adds up stretches, breaks, feelings, check-ins and the tolerance', () => {
    r = rig({ now: local(2026, 11, 23, 9).toISOString() }); // Monday 09:00 local
    const c = r.companion;
    // Stretch 1: 30 min, discomfort at 25, taken break with "better".
    r.advance(25 * MIN);
    c.dispatch({ type: 'discomfort/report' });
    r.advance(5 * MIN);
    c.dispatch({ type: 'break/start' });
    r.advance(MIN);
    c.dispatch({ type: 'routine/complete', feeling: 'better' });
    // Stretch 2: due at 30, snoozed once, skipped at 40, walk away at 50 (comfortable, censored at 50).
    r.advance(30 * MIN);
    c.dispatch({ type: 'break/snooze' });
    r.advance(5 * MIN);
    c.dispatch({ type: 'break/skip' });
    r.advance(15 * MIN);
    r.user.leave();
    r.advance(5 * MIN);
    // Wednesday: a check-in with a win.
    r.advance(2 * 24 * 60 * MIN);
    c.dispatch(checkin(2, 6, 'Carried the shopping upstairs'));
    c.dispatch(checkin(4, 8));
    const s = c.weeklySummary();
    expect(s.weekStart).toBe(local(2026, 11, 23, 0).toISOString());
    expect(s.stretchCount).toBe(2);
    expect(s.sittingMinutes).toBeCloseTo(30 + 50, 6);
    expect(s.longestStretchMin).toBeCloseTo(50, 6);
    // Observations: event at 25, censored at 50 -> S(25) = 1/2.
    expect(s.tolerance).toEqual({ medianMin: 25, atLeastMin: null });
    expect(s.previousTolerance).toEqual({ medianMin: null, atLeastMin: null });
    expect(s.breaks).toEqual({ due: 2, taken: 1, skipped: 1, natural: 0, snoozes: 1, adherence: 0.5, deferred: 0 });
    expect(s.routineMinutes).toBe(1);
    expect(s.feelings).toEqual({ better: 1, same: 0, worse: 0 });
    expect(s.checkins).toEqual({ count: 2, painLow: 3, painHigh: 7, stiffnessMin: 20, walkingMin: 30, confidence: 5 });
    expect(s.wins).toEqual(['Carried the shopping upstairs']);
    // Next week sees this week as its previous tolerance.
    const next = c.weeklySummary(local(2026, 12, 1, 12));
    expect(next.previousTolerance).toEqual({ medianMin: 25, atLeastMin: null });
    expect(next.stretchCount).toBe(0);
    expect(next.breaks.adherence).toBeNull();
    expect(next.checkins).toEqual({ count: 0, painLow: null, painHigh: null, stiffnessMin: null, walkingMin: null, confidence: null });
  });

  it('counts the open stretch as censored at the moment of asking', () => {
    r = rig({ now: local(2026, 11, 23, 9).toISOString() });
    r.advance(20 * MIN);
    const s = r.companion.weeklySummary();
    expect(s.stretchCount).toBe(1);
    expect(s.sittingMinutes).toBeCloseTo(20, 6);
    expect(s.tolerance).toEqual({ medianMin: null, atLeastMin: 20 });
  });

  it('groups by ISO week in local time across the end of daylight saving', () => {
    // DST ends Sunday 1 Nov 2026. The week of Monday 2 Nov starts at 05:00 UTC, the one before at 04:00 UTC.
    r = rig({ now: local(2026, 11, 1, 23, 30).toISOString() }); // Sunday 23:30 local
    r.advance(20 * MIN);
    r.companion.dispatch({ type: 'break/start' });
    r.companion.dispatch({ type: 'routine/complete', feeling: 'same' }); // break closed Sunday 23:50
    r.advance(15 * MIN); // Monday 00:05: the open stretch began Sunday, counts there
    r.companion.dispatch({ type: 'break/start' }); // closes the second stretch Monday 00:05
    r.companion.dispatch({ type: 'routine/complete', feeling: 'worse' });
    const previous = r.companion.weeklySummary(local(2026, 11, 1, 12));
    const current = r.companion.weeklySummary(local(2026, 11, 2, 12));
    expect(previous.weekStart).toBe('2026-10-26T04:00:00.000Z');
    expect(current.weekStart).toBe('2026-11-02T05:00:00.000Z');
    expect(previous.stretchCount).toBe(2);
    expect(current.stretchCount).toBe(1); // the one opened Monday 00:05 and still open
    expect(previous.breaks.taken).toBe(1);
    expect(current.breaks.taken).toBe(1);
    expect(current.feelings.worse).toBe(1);
  });
});
