import { CLOCK_JUMP_THRESHOLD_MS } from '../../main/core/clock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import fc from 'fast-check';
import type { Action } from '../../shared/actions';
import type { CompanionState } from '../../shared/state';
import { isWithinWorkingHours } from '../../shared/working-hours';
import { rig, MIN, type Rig } from './harness';

process.env.TZ = 'Europe/Berlin';

type Command =
  | { kind: 'advance'; ms: number }
  | { kind: 'leave' }
  | { kind: 'return' }
  | { kind: 'jump'; ms: number }
  | { kind: 'action'; action: Action };

const future = (minutes: number) => ({ minutes });

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1_000, max: 50 * MIN }).map((ms) => ({ kind: 'advance' as const, ms })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'leave' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'return' as const }) },
  { weight: 1, arbitrary: fc.integer({ min: -3 * 60 * MIN, max: 3 * 60 * MIN }).map((ms) => ({ kind: 'jump' as const, ms })) },
  {
    weight: 6,
    arbitrary: fc
      .constantFrom<Action['type'] | 'pause'>(
        'break/start',
        'break/snooze',
        'break/skip',
        'routine/complete',
        'routine/abandon',
        'discomfort/report',
        'pause',
        'resume',
        'system/suspend',
        'system/resume',
        'system/lock',
        'system/unlock',
      )
      .chain((type) =>
        type === 'pause'
          ? fc.integer({ min: 1, max: 180 }).map((m) => ({ kind: 'action' as const, action: { type: 'pause', until: future(m) } as never }))
          : type === 'routine/complete'
            ? fc.constantFrom('better', 'same', 'worse').map((feeling) => ({ kind: 'action' as const, action: { type, feeling } as Action }))
            : fc.constant({ kind: 'action' as const, action: { type } as Action }),
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        breakIntervalMin: fc.integer({ min: 10, max: 60 }),
        naturalBreakMin: fc.integer({ min: 1, max: 5 }),
        workingHours: fc.option(fc.constant({ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }), { nil: null }),
      })
      .map((settings) => ({ kind: 'action' as const, action: { type: 'settings/update', settings } as Action })),
  },
);

let r: Rig | undefined;
afterEach(async () => {
  if (r) {
    await r.companion.stop();
    fs.rmSync(r.dir, { recursive: true, force: true });
    r = undefined;
  }
  vi.useRealTimers();
});

function checkShape(s: CompanionState) {
  const active = s.phase === 'sitting' || s.phase === 'due';
  expect(s.stretchStart !== null).toBe(active);
  expect(s.nextBreakAt !== null).toBe(active);
  expect(s.routine !== null).toBe(s.phase === 'routine');
  expect(s.pausedUntil !== null).toBe(s.phase === 'paused');
  expect(s.snoozesLeft).toBeGreaterThanOrEqual(0);
  expect(s.snoozesLeft).toBeLessThanOrEqual(s.settings.maxSnoozes);
}

describe('engine invariants under random use', () => {
  it("holds for random sequences of actions, idle, suspends, locks and clock jumps", { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 5, maxLength: 60 }), async (commands) => {
        r = rig({ now: '2026-11-23T08:00:00.000Z' });
        const c = r.companion;
        const user = r.user;
        let systemAway = new Set<string>();
        let resumedAtMono = -Infinity;
        let previous = c.getState();
        const monoStart = performance.now();
        // Backward jumps past the 30 s threshold: records before and after them are in two
        // different wall-clock frames and may overlap (the sitting time itself is kept).
        let jumpedBack = false;
        let jumps = 0;
        // True while an unlock/resume is being dispatched: the state it emits is after the return.
        let returning = false;
        // A wall-clock change is noticed at the next wake-up; a refused action may be that wake-up.
        let unnoticedJump = false;
        const violations: string[] = [];

        c.subscribe((s) => {
          const enteringDue = s.phase === 'due' && previous.phase !== 'due';
          if (enteringDue) {
            if (systemAway.size > 0 && !returning) violations.push('prompt while suspended or locked');
            if (user.idleSeconds() >= s.settings.naturalBreakMin * 60) violations.push('prompt while away');
            if (!isWithinWorkingHours(new Date(), s.settings.workingHours)) violations.push('prompt off-hours');
            if (performance.now() - resumedAtMono < s.settings.naturalBreakMin * MIN) violations.push('prompt right after a resume');
          }
          previous = s;
        });

        for (const command of commands) {
          switch (command.kind) {
            case 'advance':
              vi.advanceTimersByTime(command.ms);
              break;
            case 'leave':
              if (user.idleSeconds() === 0) user.leave();
              break;
            case 'return':
              user.returns();
              break;
            case 'jump':
              vi.setSystemTime(Date.now() + command.ms);
              unnoticedJump = true;
              jumps++;
              if (command.ms < -CLOCK_JUMP_THRESHOLD_MS) jumpedBack = true;
              break;
            case 'action': {
              let action = command.action;
              if (action.type === 'pause') {
                action = { type: 'pause', until: new Date(Date.now() + (action.until as unknown as { minutes: number }).minutes * MIN).toISOString() };
              }
              const before = c.getState();
              const recordsBefore = c.exportData().breaks.length;
              let after: CompanionState;
              try {
                returning = action.type === 'system/unlock' || action.type === 'system/resume';
                after = c.dispatch(action);
              } catch (error) {
                // A refusal must leave the state as it was.
                expect((error as Error).message.length).toBeGreaterThan(10);
                returning = false;
                if (!unnoticedJump) expect(c.getState()).toEqual(before);
                unnoticedJump = false;
                break;
              }
              unnoticedJump = false;
              returning = false;
              if (action.type === 'system/suspend' || action.type === 'system/lock') systemAway.add(action.type);
              if (action.type === 'system/resume' || action.type === 'system/unlock') {
                const had = systemAway.size > 0;
                systemAway.delete(action.type === 'system/resume' ? 'system/suspend' : 'system/lock');
                // The no-prompt window follows waking from a suspend; an unlock returns to the held state.
                if (had && systemAway.size === 0 && action.type === 'system/resume') resumedAtMono = performance.now();
              }
              if (action.type === 'break/skip') expect(c.exportData().breaks.length).toBe(recordsBefore + 1);
              if (action.type === 'break/snooze') expect(c.exportData().breaks.length).toBe(recordsBefore);
              if (action.type === 'routine/complete' || action.type === 'routine/abandon') {
                expect(c.exportData().breaks.length).toBe(recordsBefore + 1);
                expect(after.phase).toBe('sitting');
              }
              break;
            }
          }
          const state = c.getState();
          checkShape(state);
          if (state.phase === 'paused' || state.phase === 'off-hours' || systemAway.size > 0) {
            expect(state.phase).not.toBe('due');
          }
        }
        expect(violations).toEqual([]);

        const data = c.exportData();
        let lastEnd = -Infinity;
        for (const s of data.stretches) {
          const start = Date.parse(s.start);
          const end = Date.parse(s.end);
          expect(end).toBeGreaterThanOrEqual(start);
          if (!jumpedBack) expect(start).toBeGreaterThanOrEqual(lastEnd);
          if (s.discomfortAt) {
            expect(Date.parse(s.discomfortAt)).toBeGreaterThanOrEqual(start);
            expect(Date.parse(s.discomfortAt)).toBeLessThanOrEqual(end);
          }
          lastEnd = end;
        }
        // One record per break: none is resolved twice (the import matches breaks on this key).
        const keys = data.breaks.map((b) => `${b.dueAt}|${b.at}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const b of data.breaks) {
          if (b.outcome !== 'taken') expect(Date.parse(b.at)).toBeGreaterThanOrEqual(Date.parse(b.dueAt));
          expect(b.snoozes).toBeLessThanOrEqual(10);
        }
        // Sitting is measured, never invented: the recorded stretches add up to no more than the
        // time that really passed (a jump under the 30 s threshold is not seen, so each may add that).
        const sat = data.stretches.reduce((sum, s) => sum + Date.parse(s.end) - Date.parse(s.start), 0);
        expect(sat).toBeLessThanOrEqual(performance.now() - monoStart + jumps * CLOCK_JUMP_THRESHOLD_MS + 1);
        await c.stop();
        fs.rmSync(r.dir, { recursive: true, force: true });
        r = undefined;
        vi.useRealTimers();
        systemAway = new Set();
        return true;
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 120), seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined },
    );
  });
});
