import { describe, expect, it } from 'vitest';
import { describeTray, formatMinutesLeft, pauseUntil } from '../../main/tray-status';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { CompanionState } from '../../shared/state';

const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
const NOW = new Date(2026, 2, 10, 10, 0, 0); // Tuesday 10:00 local

function state(patch: Partial<CompanionState>): CompanionState {
  return {
    phase: 'sitting',
    stretchStart: NOW.toISOString(),
    nextBreakAt: null,
    snoozesLeft: 3,
    routine: null,
    pausedUntil: null,
    settings: { ...DEFAULT_SETTINGS },
    warnings: [],
    busy: [],
    deferredSince: null,
    ...patch,
  };
}

describe('tray status', () => {
  it('shows the time to the next break while sitting, and when the text next changes', () => {
    const next = new Date(NOW.getTime() + 12 * 60_000 + 30_000); // 12.5 min ahead
    const s = describeTray(state({ nextBreakAt: next.toISOString() }), NOW, hhmm);
    expect(s.icon).toBe('sitting');
    expect(s.statusLine).toBe('Next break in 13 min (10:12)');
    expect(s.tooltip).toBe('Movesnack — next break in 13 min');
    expect(s.title).toBe('13m');
    // "13 min" becomes "12 min" 30 s from now: one refresh then, not a 1 Hz tick.
    expect(s.refreshAt).toBe(NOW.getTime() + 30_000 + 50);
    expect(s.canStartBreak).toBe(true);
    expect(s.canResume).toBe(false);
  });

  it('writes long waits in hours', () => {
    expect(formatMinutesLeft(59 * 60_000)).toBe('59 min');
    expect(formatMinutesLeft(60 * 60_000)).toBe('1 h');
    expect(formatMinutesLeft(65 * 60_000)).toBe('1 h 05 min');
    expect(formatMinutesLeft(1)).toBe('1 min');
  });

  it('shows a due break with the snoozes left and the due icon', () => {
    const s = describeTray(state({ phase: 'due', nextBreakAt: NOW.toISOString(), snoozesLeft: 1 }), NOW, hhmm);
    expect(s).toMatchObject({ icon: 'due', statusLine: 'Time for a movement break (1 snooze left)', refreshAt: null });
    expect(describeTray(state({ phase: 'due', snoozesLeft: 0 }), NOW, hhmm).statusLine).toContain('0 snoozes left');
  });

  it('shows paused until a time today, tomorrow, or on another day', () => {
    const today = describeTray(
      state({ phase: 'paused', nextBreakAt: null, pausedUntil: new Date(2026, 2, 10, 11, 30).toISOString() }),
      NOW,
      hhmm,
    );
    expect(today).toMatchObject({
      icon: 'paused',
      statusLine: 'Paused until 11:30',
      canResume: true,
      canStartBreak: false,
    });
    const tomorrow = describeTray(
      state({ phase: 'paused', pausedUntil: new Date(2026, 2, 11, 8, 0).toISOString() }),
      NOW,
      hhmm,
    );
    expect(tomorrow.statusLine).toBe('Paused until tomorrow 08:00');
    const later = describeTray(
      state({ phase: 'paused', pausedUntil: new Date(2026, 2, 14, 8, 0).toISOString() }),
      NOW,
      hhmm,
    );
    expect(later.statusLine).toMatch(/^Paused until .+ 08:00$/);
    expect(later.statusLine).not.toContain('tomorrow');
  });

  it('shows away, outside working hours and a routine in progress', () => {
    expect(describeTray(state({ phase: 'away' }), NOW, hhmm)).toMatchObject({
      icon: 'paused',
      statusLine: 'Away from the desk',
    });
    expect(describeTray(state({ phase: 'off-hours' }), NOW, hhmm)).toMatchObject({
      icon: 'paused',
      statusLine: 'Outside working hours',
      canStartBreak: false,
    });
    expect(describeTray(state({ phase: 'routine' }), NOW, hhmm)).toMatchObject({ icon: 'due', canStartBreak: false });
  });

  it('never counts below one minute or schedules a refresh for a break already due', () => {
    const s = describeTray(state({ nextBreakAt: new Date(NOW.getTime() - 1000).toISOString() }), NOW, hhmm);
    expect(s.statusLine).toBe('Break due now');
    expect(s.refreshAt).toBeNull();
  });
});

describe('tray status while a break is held', () => {
  it('says why it is held and when it comes anyway, and still offers the break', () => {
    const anyway = new Date(NOW.getTime() + 40 * 60_000);
    const held = describeTray(
      state({ phase: 'deferred', busy: ['meeting'], deferredSince: NOW.toISOString(), nextBreakAt: anyway.toISOString() }),
      NOW,
      hhmm,
    );
    expect(held.statusLine).toBe(`Break held — you're in a call (comes anyway at ${hhmm(anyway)})`);
    expect(held.tooltip).toBe("Movesnack — break held — you're in a call");
    expect(held.canStartBreak).toBe(true);
    expect(describeTray(state({ phase: 'deferred', busy: ['dnd'], nextBreakAt: null }), NOW, hhmm).statusLine).toBe(
      'Break held — Do Not Disturb is on',
    );
  });
});

describe('pause choices', () => {
  it('pauses for 30 minutes, 1 hour and 2 hours from now', () => {
    const wh = { workingHours: null };
    expect(pauseUntil('30m', NOW, wh).getTime() - NOW.getTime()).toBe(30 * 60_000);
    expect(pauseUntil('1h', NOW, wh).getTime() - NOW.getTime()).toBe(60 * 60_000);
    expect(pauseUntil('2h', NOW, wh).getTime() - NOW.getTime()).toBe(120 * 60_000);
  });

  it('pauses until tomorrow at the start of working hours, or 08:00 without them (the one rule in shared/)', () => {
    const withHours = pauseUntil('tomorrow', NOW, {
      workingHours: { days: [1, 2, 3, 4, 5], start: '08:30', end: '17:00' },
    });
    expect([withHours.getDate(), withHours.getHours(), withHours.getMinutes()]).toEqual([11, 8, 30]);
    const without = pauseUntil('tomorrow', NOW, { workingHours: null });
    expect([without.getDate(), without.getHours(), without.getMinutes()]).toEqual([11, 8, 0]);
    const lateNight = pauseUntil('tomorrow', new Date(2026, 2, 10, 23, 50), { workingHours: null });
    expect(lateNight.getTime()).toBeGreaterThan(new Date(2026, 2, 10, 23, 50).getTime());
  });
});
