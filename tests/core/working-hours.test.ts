import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import { isWithinWorkingHours, nextWorkingHoursEdge } from '../../shared/working-hours';
import { rig, MIN, type Rig } from './harness';

// Local-time rules need a real zone with DST; this file runs in New York time.
process.env.TZ = 'America/New_York';

let r: Rig | undefined;
afterEach(async () => {
  if (r) {
    await r.companion.stop();
    fs.rmSync(r.dir, { recursive: true, force: true });
    r = undefined;
  }
  vi.useRealTimers();
});

const weekdays = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
const local = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min);

describe('working-hours maths', () => {
  it('knows inside from outside on weekdays and weekends', () => {
    expect(isWithinWorkingHours(local(2026, 11, 23, 8, 59), weekdays)).toBe(false); // Monday
    expect(isWithinWorkingHours(local(2026, 11, 23, 9, 0), weekdays)).toBe(true);
    expect(isWithinWorkingHours(local(2026, 11, 23, 16, 59), weekdays)).toBe(true);
    expect(isWithinWorkingHours(local(2026, 11, 23, 17, 0), weekdays)).toBe(false);
    expect(isWithinWorkingHours(local(2026, 11, 28, 12, 0), weekdays)).toBe(false); // Saturday
    expect(isWithinWorkingHours(local(2026, 11, 28, 12, 0), null)).toBe(true);
  });

  it('handles a window that runs past midnight', () => {
    const night = { days: [5], start: '22:00', end: '06:00' };
    expect(isWithinWorkingHours(local(2026, 11, 27, 23, 0), night)).toBe(true); // Friday night
    expect(isWithinWorkingHours(local(2026, 11, 28, 5, 59), night)).toBe(true); // Saturday early
    expect(isWithinWorkingHours(local(2026, 11, 28, 6, 0), night)).toBe(false);
    expect(nextWorkingHoursEdge(local(2026, 11, 27, 23, 0), night)).toEqual(local(2026, 11, 28, 6, 0));
  });

  it('finds the next edge across a weekend', () => {
    expect(nextWorkingHoursEdge(local(2026, 11, 27, 17, 30), weekdays)).toEqual(local(2026, 11, 30, 9, 0));
    expect(nextWorkingHoursEdge(local(2026, 11, 27, 10, 0), weekdays)).toEqual(local(2026, 11, 27, 17, 0));
    expect(nextWorkingHoursEdge(local(2026, 11, 27, 10, 0), null)).toBeNull();
  });

  it('keeps wall-clock edges across the DST changes', () => {
    // 2026-03-08: clocks go forward in New York; 2026-11-01: back.
    const sundayEarly = { days: [0], start: '01:30', end: '04:00' };
    const springStart = nextWorkingHoursEdge(local(2026, 3, 8, 0, 0), sundayEarly)!;
    expect(springStart.getHours()).toBe(1);
    const springEnd = nextWorkingHoursEdge(springStart, sundayEarly)!;
    expect(springEnd.getHours()).toBe(4);
    expect(springEnd.getTime() - springStart.getTime()).toBe(90 * MIN); // one hour fewer that night
    const fallStart = nextWorkingHoursEdge(local(2026, 10, 31, 12, 0), sundayEarly)!;
    const fallEnd = nextWorkingHoursEdge(fallStart, sundayEarly)!;
    expect(fallEnd.getHours()).toBe(4);
    expect(fallEnd.getTime() - fallStart.getTime()).toBe(210 * MIN); // one hour more
  });
});

describe('working hours in the engine', () => {
  it('goes off-hours at the end of the day and back at the start, with no prompts between', () => {
    r = rig({ now: local(2026, 11, 23, 16, 40).toISOString() }); // Monday 16:40 local
    r.companion.dispatch({ type: 'settings/update', settings: { workingHours: weekdays } });
    expect(r.companion.getState().phase).toBe('sitting');
    r.advance(20 * MIN);
    let s = r.companion.getState();
    expect(s.phase).toBe('off-hours');
    expect(s).toMatchObject({ stretchStart: null, nextBreakAt: null });
    expect(r.companion.exportData().stretches).toMatchObject([{ endedBy: 'quit', end: local(2026, 11, 23, 17).toISOString() }]);
    r.states.length = 0;
    r.advance(16 * 60 * MIN - 1); // until 08:59:59.999 on Tuesday
    expect(r.states).toEqual([]);
    r.advance(1);
    s = r.companion.getState();
    expect(s.phase).toBe('sitting');
    expect(s.stretchStart).toBe(local(2026, 11, 24, 9).toISOString());
  });

  it('drops a due break without recording it when working hours end', () => {
    r = rig({ now: local(2026, 11, 23, 16, 20).toISOString() });
    r.companion.dispatch({ type: 'settings/update', settings: { workingHours: weekdays } });
    r.advance(30 * MIN);
    expect(r.companion.getState().phase).toBe('due');
    r.advance(10 * MIN);
    expect(r.companion.getState().phase).toBe('off-hours');
    expect(r.companion.exportData().breaks).toEqual([]);
  });

  it('starts off-hours on a Saturday and wakes on Monday morning', () => {
    r = rig({ now: local(2026, 11, 28, 10, 0).toISOString() });
    r.companion.dispatch({ type: 'settings/update', settings: { workingHours: weekdays } });
    expect(r.companion.getState().phase).toBe('off-hours');
    expect(() => r!.companion.dispatch({ type: 'break/start' })).toThrow(/outside your working hours/);
    r.advance((2 * 24 - 1) * 60 * MIN);
    expect(r.companion.getState().phase).toBe('sitting');
  });

  it('opens on time the morning after the clocks go back', () => {
    // Friday 30 Oct 2026, 17:00 EDT. The next start is Monday 2 Nov 09:00 EST.
    r = rig({ now: local(2026, 10, 30, 16, 50).toISOString() });
    r.companion.dispatch({ type: 'settings/update', settings: { workingHours: weekdays } });
    r.advance(10 * MIN);
    expect(r.companion.getState().phase).toBe('off-hours');
    const monday9 = local(2026, 11, 2, 9, 0).getTime();
    r.advance(monday9 - Date.now() - 1);
    expect(r.companion.getState().phase).toBe('off-hours');
    r.advance(1);
    expect(r.companion.getState().phase).toBe('sitting');
    expect(new Date(r.companion.getState().stretchStart!).getHours()).toBe(9);
  });

  it('opens on time the morning after the clocks go forward', () => {
    r = rig({ now: local(2026, 3, 6, 17, 30).toISOString() }); // Friday before 8 March
    r.companion.dispatch({ type: 'settings/update', settings: { workingHours: weekdays } });
    expect(r.companion.getState().phase).toBe('off-hours');
    const monday9 = local(2026, 3, 9, 9, 0).getTime();
    r.advance(monday9 - Date.now());
    expect(r.companion.getState().phase).toBe('sitting');
    expect(new Date(r.companion.getState().stretchStart!).getHours()).toBe(9);
  });

  it('reschedules after a suspend rather than replaying missed edges', () => {
    r = rig({ now: local(2026, 11, 23, 16, 0).toISOString() });
    r.companion.dispatch({ type: 'settings/update', settings: { workingHours: weekdays } });
    r.companion.dispatch({ type: 'system/suspend' });
    r.advance(18 * 60 * MIN); // overnight, past 17:00 and 09:00
    r.states.length = 0;
    const s = r.companion.dispatch({ type: 'system/resume' });
    expect(s.phase).toBe('sitting');
    expect(r.companion.exportData().stretches).toMatchObject([{ start: local(2026, 11, 23, 16).toISOString() }]);
    r.advance(MIN);
    expect(r.states.filter((p) => p === 'due')).toEqual([]);
  });
});
