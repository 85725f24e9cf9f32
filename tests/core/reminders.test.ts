import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import type { Reminder } from '../../shared/reminders';
import { rig, MIN, type Rig } from './harness';

process.env.TZ = 'Europe/London';

let r: Rig;
afterEach(async () => {
  await r?.companion.stop();
  vi.useRealTimers();
  fs.rmSync(r.dir, { recursive: true, force: true });
});

const HOUR = 60 * MIN;
const local = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min);

function listen(rr: Rig) {
  const heard: Reminder[] = [];
  rr.companion.onReminder((reminder) => heard.push(reminder));
  return heard;
}

describe('calendar reminders', () => {
  it('reminds to check in on Tuesday and Friday at 17:00 by default, and the summary on Monday 09:00', () => {
    r = rig({ now: local(2026, 11, 23, 8).toISOString() }); // Monday 08:00
    const heard = listen(r);
    r.advance(8 * 24 * HOUR);
    expect(heard.map((x) => [x.kind, new Date(x.at).getDay(), new Date(x.at).getHours()])).toEqual([
      ['weekly-summary', 1, 9],
      ['checkin', 2, 17],
      ['checkin', 5, 17],
      ['weekly-summary', 1, 9],
    ]);
  });

  it('follows changed reminder settings and can be switched off', () => {
    r = rig({ now: local(2026, 11, 23, 8).toISOString() });
    const heard = listen(r);
    r.companion.dispatch({ type: 'settings/update', settings: { checkinReminder: { days: [3], time: '12:30' }, weeklySummaryReminder: null } });
    r.advance(7 * 24 * HOUR);
    expect(heard.map((x) => x.kind)).toEqual(['checkin']);
    expect(new Date(heard[0]!.at).getDay()).toBe(3);
  });

  it('drops a reminder missed during a suspend instead of firing it late', () => {
    r = rig({ now: local(2026, 11, 24, 16).toISOString() }); // Tuesday 16:00
    const heard = listen(r);
    r.companion.dispatch({ type: 'system/suspend' });
    // While suspended no JavaScript runs; fake timers cannot freeze, so resume is what matters:
    // the schedule is rebuilt from the clock and the 17:00 run is not replayed.
    vi.setSystemTime(local(2026, 11, 24, 19));
    r.companion.dispatch({ type: 'system/resume' });
    r.advance(HOUR);
    expect(heard).toEqual([]);
  });

  it('stays quiet while paused', () => {
    r = rig({ now: local(2026, 11, 24, 16).toISOString() });
    const heard = listen(r);
    r.companion.dispatch({ type: 'pause', until: local(2026, 11, 24, 18).toISOString() });
    r.advance(2 * HOUR);
    expect(heard).toEqual([]);
  });

  it('offers a workstation re-check after recheckDays, and at once after moving desks', () => {
    r = rig({ now: local(2026, 11, 23, 8).toISOString() });
    r.companion.dispatch({ type: 'settings/update', settings: { checkinReminder: null, weeklySummaryReminder: null, recheckDays: 7 } });
    const heard = listen(r);
    r.companion.dispatch({ type: 'checklist/save', answers: { 'screen-height': 'yes' } });
    r.advance(7 * 24 * HOUR - 1);
    expect(heard).toEqual([]);
    r.advance(1);
    expect(heard.map((x) => x.kind)).toEqual(['setup-recheck']);
    r.companion.dispatch({ type: 'checklist/save', answers: { 'screen-height': 'yes' } });
    r.advance(HOUR);
    r.companion.dispatch({ type: 'profile/save', profile: { movedDeskAt: new Date().toISOString() } });
    r.advance(2 * HOUR); // Monday 09:00 -> 11:00: offered at 10:00
    expect(heard.map((x) => x.kind)).toEqual(['setup-recheck', 'setup-recheck']);
    expect(new Date(heard[1]!.at).getHours()).toBe(10);
    // Until the check is done again, it is offered once a day.
    r.advance(24 * HOUR);
    expect(heard).toHaveLength(3);
  });
});
