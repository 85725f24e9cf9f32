import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import { rig, at, MIN, type Rig } from './harness';

let r: Rig;
afterEach(async () => {
  await r?.companion.stop();
  vi.useRealTimers();
  fs.rmSync(r.dir, { recursive: true, force: true });
});

const T0 = Date.parse('2026-11-23T09:00:00.000Z');

describe('start', () => {
  it('starts sitting with the stretch beginning when input last happened', () => {
    r = rig({ start: false });
    r.user.leave(T0 - 40_000);
    r.companion.start();
    const s = r.companion.getState();
    expect(s.phase).toBe('sitting');
    expect(at(s.stretchStart)).toBe(T0 - 40_000);
    expect(at(s.nextBreakAt)).toBe(T0 - 40_000 + 30 * MIN);
    expect(s.snoozesLeft).toBe(3);
    expect(s.routine).toBeNull();
    expect(s.pausedUntil).toBeNull();
    expect(s.warnings).toEqual([]);
  });

  it('starts away when the user has been idle past the natural-break threshold', () => {
    r = rig({ start: false });
    r.user.leave(T0 - 5 * MIN);
    r.companion.start();
    expect(r.companion.getState()).toMatchObject({ phase: 'away', stretchStart: null, nextBreakAt: null });
  });

  it('is idempotent', () => {
    r = rig();
    const before = r.companion.getState();
    r.companion.start();
    r.advance(30 * MIN);
    expect(r.companion.getState().phase).toBe('due');
    expect(at(r.companion.getState().nextBreakAt)).toBe(at(before.nextBreakAt));
  });
});

describe('due, snooze and skip', () => {
  it('prompts once the interval has passed and not before', () => {
    r = rig();
    r.advance(30 * MIN - 1);
    expect(r.companion.getState().phase).toBe('sitting');
    r.advance(1);
    const s = r.companion.getState();
    expect(s.phase).toBe('due');
    expect(at(s.nextBreakAt)).toBe(T0 + 30 * MIN);
    expect(at(s.stretchStart)).toBe(T0);
  });

  it('snooze returns to sitting, due again after snoozeMin, counting snoozes per break', () => {
    r = rig();
    r.advance(30 * MIN);
    let s = r.companion.dispatch({ type: 'break/snooze' });
    expect(s.phase).toBe('sitting');
    expect(s.snoozesLeft).toBe(2);
    expect(at(s.nextBreakAt)).toBe(T0 + 35 * MIN);
    r.advance(5 * MIN);
    expect(r.companion.getState().phase).toBe('due');
    r.companion.dispatch({ type: 'break/snooze' });
    r.advance(5 * MIN);
    r.companion.dispatch({ type: 'break/snooze' });
    r.advance(5 * MIN);
    s = r.companion.getState();
    expect(s.phase).toBe('due');
    expect(s.snoozesLeft).toBe(0);
    expect(() => r.companion.dispatch({ type: 'break/snooze' })).toThrow(/No snoozes left.*limit is 3/);
    expect(r.companion.getState()).toEqual(s);
    r.companion.dispatch({ type: 'break/skip' });
    expect(r.companion.getState().snoozesLeft).toBe(3);
    const summary = r.companion.weeklySummary();
    expect(summary.breaks).toMatchObject({ due: 1, skipped: 1, taken: 0, snoozes: 3, adherence: 0 });
  });

  it('respects a snooze limit of zero', () => {
    r = rig();
    r.companion.dispatch({ type: 'settings/update', settings: { maxSnoozes: 0 } });
    r.advance(30 * MIN);
    expect(r.companion.getState().snoozesLeft).toBe(0);
    expect(() => r.companion.dispatch({ type: 'break/snooze' })).toThrow(/turned off/);
  });

  it('skip keeps the stretch and sets the next break an interval after the skip', () => {
    r = rig();
    r.advance(32 * MIN);
    const s = r.companion.dispatch({ type: 'break/skip' });
    expect(s.phase).toBe('sitting');
    expect(at(s.stretchStart)).toBe(T0);
    expect(at(s.nextBreakAt)).toBe(T0 + 62 * MIN);
    const [record] = r.companion.exportData().breaks;
    expect(record).toEqual({
      dueAt: new Date(T0 + 30 * MIN).toISOString(),
      outcome: 'skipped',
      at: new Date(T0 + 32 * MIN).toISOString(),
      snoozes: 0,
      routineId: null,
      seconds: 0,
      feeling: null,
    });
  });

  it('refuses actions that do not fit the phase, leaving state unchanged', () => {
    r = rig();
    const s = r.companion.getState();
    expect(() => r.companion.dispatch({ type: 'break/snooze' })).toThrow(/Cannot snooze right now/);
    expect(() => r.companion.dispatch({ type: 'break/skip' })).toThrow(/Cannot skip/);
    expect(() => r.companion.dispatch({ type: 'routine/complete', feeling: 'same' })).toThrow(/Cannot finish a routine/);
    expect(() => r.companion.dispatch({ type: 'routine/abandon' })).toThrow(/Cannot end a routine/);
    expect(() => r.companion.dispatch({ type: 'resume' })).toThrow(/not paused/);
    expect(r.companion.getState()).toEqual(s);
  });
});

describe('routines', () => {
  it('an early start counts as taken and the completion starts a new stretch', () => {
    r = rig();
    r.advance(12 * MIN);
    let s = r.companion.dispatch({ type: 'break/start' });
    expect(s.phase).toBe('routine');
    expect(s.stretchStart).toBeNull();
    expect(s.nextBreakAt).toBeNull();
    expect(s.routine?.steps.reduce((n, step) => n + step.seconds, 0)).toBe(60);
    r.advance(60_000);
    s = r.companion.dispatch({ type: 'routine/complete', feeling: 'better' });
    expect(s.phase).toBe('sitting');
    expect(at(s.stretchStart)).toBe(T0 + 13 * MIN);
    expect(at(s.nextBreakAt)).toBe(T0 + 43 * MIN);
    const data = r.companion.exportData();
    expect(data.stretches).toEqual([
      { start: new Date(T0).toISOString(), end: new Date(T0 + 12 * MIN).toISOString(), endedBy: 'routine', discomfortAt: null },
    ]);
    expect(data.breaks[0]).toMatchObject({
      dueAt: new Date(T0 + 30 * MIN).toISOString(),
      outcome: 'taken',
      seconds: 60,
      feeling: 'better',
      routineId: s.routine === null ? expect.any(String) : undefined,
    });
  });

  it('a taken break after snoozes keeps its snooze count', () => {
    r = rig();
    r.advance(30 * MIN);
    r.companion.dispatch({ type: 'break/snooze' });
    r.advance(5 * MIN);
    r.companion.dispatch({ type: 'break/start', routineId: 'meeting-safe' });
    expect(r.companion.getState().routine?.id).toBe('meeting-safe');
    r.companion.dispatch({ type: 'routine/complete', feeling: 'same' });
    expect(r.companion.exportData().breaks[0]).toMatchObject({ outcome: 'taken', snoozes: 1, routineId: 'meeting-safe' });
  });

  it('abandon counts as taken with the measured seconds, capped at the routine length', () => {
    r = rig();
    r.advance(30 * MIN);
    r.companion.dispatch({ type: 'break/start' });
    r.advance(25_000);
    r.companion.dispatch({ type: 'routine/abandon' });
    expect(r.companion.exportData().breaks[0]).toMatchObject({ outcome: 'taken', seconds: 25, feeling: null });
    expect(r.companion.getState().phase).toBe('sitting');
  });

  it('a routine left open for ten minutes ends as taken with no feeling', () => {
    r = rig();
    r.advance(30 * MIN);
    r.companion.dispatch({ type: 'break/start' });
    r.advance(10 * MIN - 1);
    expect(r.companion.getState().phase).toBe('routine');
    r.advance(1);
    expect(r.companion.getState().phase).toBe('sitting');
    expect(r.companion.exportData().breaks[0]).toMatchObject({ outcome: 'taken', seconds: 60, feeling: null });
  });

  it('refuses an unknown routine id', () => {
    r = rig();
    expect(() => r.companion.dispatch({ type: 'break/start', routineId: 'cartwheels' })).toThrow(/no routine called "cartwheels"/);
    expect(r.companion.getState().phase).toBe('sitting');
  });
});

describe('away from the desk', () => {
  it('ends the stretch when input stopped and starts a new one when input resumes', () => {
    r = rig();
    r.advance(10 * MIN);
    r.user.leave();
    r.advance(2 * MIN + 10_000);
    let s = r.companion.getState();
    expect(s.phase).toBe('away');
    expect(s.nextBreakAt).toBeNull();
    expect(r.companion.exportData().stretches[0]).toEqual({
      start: new Date(T0).toISOString(),
      end: new Date(T0 + 10 * MIN).toISOString(),
      endedBy: 'natural',
      discomfortAt: null,
    });
    r.advance(20 * MIN);
    r.user.returns();
    const back = Date.now();
    // While away the idle poll looks every 30 s: the new stretch starts within that of the return.
    r.advance(30_000);
    s = r.companion.getState();
    expect(s.phase).toBe('sitting');
    expect(at(s.stretchStart)).toBeGreaterThanOrEqual(back);
    expect(at(s.stretchStart)).toBeLessThanOrEqual(back + 30_000);
  });

  it('a due break resolves as natural, not skipped, when the user walks away', () => {
    r = rig();
    r.advance(30 * MIN);
    expect(r.companion.getState().phase).toBe('due');
    r.user.leave();
    r.advance(3 * MIN);
    expect(r.companion.getState().phase).toBe('away');
    const summary = r.companion.weeklySummary();
    expect(summary.breaks).toMatchObject({ due: 1, natural: 1, skipped: 0, taken: 0, adherence: null });
  });

  it('a snoozed break also resolves as natural', () => {
    r = rig();
    r.advance(30 * MIN);
    r.companion.dispatch({ type: 'break/snooze' });
    r.user.leave();
    r.advance(4 * MIN);
    expect(r.companion.getState().phase).toBe('away');
    expect(r.companion.exportData().breaks).toMatchObject([{ outcome: 'natural', snoozes: 1 }]);
  });

  it('does not prompt when the user already left before the deadline', () => {
    r = rig();
    r.advance(27 * MIN + 30_000);
    r.user.leave();
    r.advance(5 * MIN);
    expect(r.states).not.toContain('due');
    expect(r.companion.exportData().breaks).toEqual([]);
  });
});

describe('suspend and lock', () => {
  it('a 60-minute suspend produces no burst of prompts and starts a new stretch', () => {
    r = rig();
    r.advance(25 * MIN);
    r.companion.dispatch({ type: 'system/suspend' });
    expect(r.companion.getState().phase).toBe('away');
    r.states.length = 0;
    r.advance(60 * MIN);
    expect(r.states).toEqual([]);
    const s = r.companion.dispatch({ type: 'system/resume' });
    expect(s.phase).toBe('sitting');
    expect(at(s.stretchStart)).toBe(T0 + 85 * MIN);
    expect(at(s.nextBreakAt)).toBe(T0 + 115 * MIN);
    r.advance(29 * MIN);
    expect(r.states).not.toContain('due');
    expect(r.companion.exportData().stretches).toMatchObject([
      { start: new Date(T0).toISOString(), end: new Date(T0 + 25 * MIN).toISOString(), endedBy: 'natural' },
    ]);
  });

  it('stops polling idle while suspended or locked', () => {
    let polls = 0;
    r = rig();
    r.companion.dispatch({ type: 'system/lock' });
    const c = r.companion as unknown as { idleSource: () => number };
    const original = c.idleSource;
    c.idleSource = () => {
      polls++;
      return original();
    };
    r.advance(30 * MIN);
    expect(polls).toBe(0);
  });

  it('a short lock continues the same stretch', () => {
    r = rig();
    r.advance(10 * MIN);
    r.companion.dispatch({ type: 'system/lock' });
    r.advance(MIN);
    const s = r.companion.dispatch({ type: 'system/unlock' });
    expect(s.phase).toBe('sitting');
    expect(at(s.stretchStart)).toBe(T0);
    expect(r.companion.exportData().stretches).toEqual([]);
  });

  it('a due break during a long lock resolves as natural', () => {
    r = rig();
    r.advance(30 * MIN);
    r.companion.dispatch({ type: 'system/lock' });
    r.advance(15 * MIN);
    r.companion.dispatch({ type: 'system/unlock' });
    expect(r.companion.exportData().breaks).toMatchObject([{ outcome: 'natural', dueAt: new Date(T0 + 30 * MIN).toISOString() }]);
  });

  it('a short lock while a break is due comes back to the same due break', () => {
    r = rig();
    r.advance(30 * MIN);
    r.companion.dispatch({ type: 'break/snooze' });
    r.advance(5 * MIN);
    r.companion.dispatch({ type: 'system/lock' });
    expect(r.companion.getState()).toMatchObject({ phase: 'away', snoozesLeft: 2 });
    r.advance(30_000);
    const s = r.companion.dispatch({ type: 'system/unlock' });
    expect(s).toMatchObject({ phase: 'due', snoozesLeft: 2 });
    expect(at(s.nextBreakAt)).toBe(T0 + 35 * MIN);
  });

  it('never prompts within naturalBreakMin after a resume from suspend, even when the break was due', () => {
    r = rig();
    r.advance(30 * MIN);
    r.companion.dispatch({ type: 'system/suspend' });
    r.advance(30_000);
    r.states.length = 0;
    r.companion.dispatch({ type: 'system/resume' });
    expect(r.companion.getState().phase).toBe('sitting');
    r.advance(2 * MIN - 1);
    expect(r.states).not.toContain('due');
    r.advance(1);
    expect(r.companion.getState().phase).toBe('due');
    // Same break, not a second one.
    r.companion.dispatch({ type: 'break/skip' });
    expect(r.companion.exportData().breaks).toHaveLength(1);
  });

  it('lock and suspend nest: only the last of unlock/resume ends the away period', () => {
    r = rig();
    r.companion.dispatch({ type: 'system/lock' });
    r.companion.dispatch({ type: 'system/suspend' });
    r.advance(30 * MIN);
    expect(r.companion.dispatch({ type: 'system/resume' }).phase).toBe('away');
    expect(r.companion.dispatch({ type: 'system/unlock' }).phase).toBe('sitting');
  });

  it('locking during a routine ends it as taken with the seconds measured', () => {
    r = rig();
    r.companion.dispatch({ type: 'break/start' });
    r.advance(40_000);
    r.companion.dispatch({ type: 'system/lock' });
    expect(r.companion.getState().phase).toBe('away');
    expect(r.companion.exportData().breaks).toMatchObject([{ outcome: 'taken', seconds: 40, feeling: null }]);
  });
});

describe('pause and resume', () => {
  it('pause closes the stretch, drops a due break, and never prompts', () => {
    r = rig();
    r.advance(30 * MIN);
    const until = new Date(T0 + 90 * MIN).toISOString();
    const s = r.companion.dispatch({ type: 'pause', until });
    expect(s).toMatchObject({ phase: 'paused', pausedUntil: until, stretchStart: null, nextBreakAt: null, snoozesLeft: 3 });
    expect(r.companion.exportData().breaks).toEqual([]);
    expect(r.companion.exportData().stretches).toMatchObject([{ endedBy: 'quit', end: new Date(T0 + 30 * MIN).toISOString() }]);
    r.states.length = 0;
    r.advance(60 * MIN - 1);
    expect(r.states).toEqual([]);
    r.advance(1);
    expect(r.companion.getState()).toMatchObject({ phase: 'sitting', pausedUntil: null, stretchStart: until });
  });

  it('resume starts a stretch at max(resume, now - idle), or away when idle', () => {
    r = rig();
    r.companion.dispatch({ type: 'pause', until: new Date(T0 + 60 * MIN).toISOString() });
    r.advance(10 * MIN);
    let s = r.companion.dispatch({ type: 'resume' });
    expect(s.phase).toBe('sitting');
    expect(at(s.stretchStart)).toBe(T0 + 10 * MIN);
    r.companion.dispatch({ type: 'pause', until: new Date(T0 + 60 * MIN).toISOString() });
    r.user.leave();
    r.advance(5 * MIN);
    s = r.companion.dispatch({ type: 'resume' });
    expect(s.phase).toBe('away');
  });

  it('a pause longer than a timer can wait (about 24.8 days) still ends on time', () => {
    r = rig();
    const until = T0 + 40 * 24 * 60 * MIN;
    r.companion.dispatch({ type: 'pause', until: new Date(until).toISOString() });
    r.advance(40 * 24 * 60 * MIN - 1);
    expect(r.companion.getState().phase).toBe('paused');
    r.advance(1);
    expect(r.companion.getState().phase).toBe('sitting');
  });

  it('refuses a pause that ends in the past', () => {
    r = rig();
    expect(() => r.companion.dispatch({ type: 'pause', until: new Date(T0 - 1000).toISOString() })).toThrow(/future/);
    expect(r.companion.getState().phase).toBe('sitting');
  });
});

describe('discomfort reports', () => {
  it('the first report in a stretch is its event; later ones are stored only', () => {
    r = rig();
    r.advance(20 * MIN);
    r.companion.dispatch({ type: 'discomfort/report' });
    r.advance(5 * MIN);
    r.companion.dispatch({ type: 'discomfort/report' });
    r.companion.dispatch({ type: 'break/start' });
    const stretch = r.companion.exportData().stretches[0]!;
    expect(stretch.discomfortAt).toBe(new Date(T0 + 20 * MIN).toISOString());
    expect(r.companion.getDay().discomforts).toHaveLength(2);
  });

  it('a report outside a stretch is stored but does not enter the tolerance', () => {
    r = rig();
    r.companion.dispatch({ type: 'pause', until: new Date(T0 + 60 * MIN).toISOString() });
    r.companion.dispatch({ type: 'discomfort/report' });
    expect(r.companion.getDay().discomforts).toEqual([{ at: new Date(T0).toISOString(), inStretch: false }]);
    expect(r.companion.exportData().stretches.every((s) => s.discomfortAt === null)).toBe(true);
  });
});

describe('settings changes', () => {
  it('a new interval moves the deadline of the open stretch', () => {
    r = rig();
    r.advance(5 * MIN);
    const s = r.companion.dispatch({ type: 'settings/update', settings: { breakIntervalMin: 45 } });
    expect(at(s.nextBreakAt)).toBe(T0 + 45 * MIN);
    expect(s.settings.breakIntervalMin).toBe(45);
    r.advance(40 * MIN - 1);
    expect(r.companion.getState().phase).toBe('sitting');
    r.advance(1);
    expect(r.companion.getState().phase).toBe('due');
  });

  it('idle is polled only when idle time could reach the natural-break threshold, and not at all while paused', () => {
    let polls = 0;
    r = rig({ start: false });
    const c = r.companion as unknown as { idleSource: () => number };
    c.idleSource = () => {
      polls++;
      return 0;
    };
    r.companion.start();
    r.companion.dispatch({ type: 'settings/update', settings: { checkinReminder: null, weeklySummaryReminder: null } });
    polls = 0;
    r.advance(60 * 60_000 - 1);
    // Typing all along (idle 0): the next look is naturalBreakMin (2 min) later, so 30 an hour,
    // plus one read when the break comes due. idlePollSec (10 s) is only the floor.
    expect(polls).toBeGreaterThanOrEqual(30);
    expect(polls).toBeLessThanOrEqual(32);
    r.companion.dispatch({ type: 'pause', until: new Date(Date.now() + 60 * MIN).toISOString() });
    polls = 0;
    const timers = vi.getTimerCount();
    r.advance(59 * MIN);
    expect(polls).toBe(0);
    // Only the pause's end and calendar jobs are armed, and nothing re-arms itself meanwhile.
    expect(vi.getTimerCount()).toBe(timers);
  });
});
