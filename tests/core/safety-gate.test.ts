import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCompanion, type Companion } from '../../main/core';
import { PLAIN_BREAK_ID } from '../../shared/profile';
import { ClockUser, ManualClock } from '../support/manual-clock';
import { CLEAR_SCREEN, MIN, tempDir } from './harness';

const T0 = Date.parse('2026-11-23T09:00:00.000Z');

let c: Companion;
let clock: ManualClock;
let dir: string;
const open = () => {
  c = createCompanion({ dataDir: dir, idleSeconds: new ClockUser(clock).idleSeconds, clock });
  c.start();
  return c;
};
function setup() {
  clock = new ManualClock(T0);
  dir = tempDir();
  return open();
}
afterEach(async () => {
  await c?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the safety gate (DESIGN.md "Safety gate")', () => {
  it('gives a never-screened user no guided routine, but still prompts and allows a plain break', () => {
    setup();
    clock.advance(30 * MIN);
    expect(c.getState().phase).toBe('due');
    const before = c.getState();
    expect(() => c.dispatch({ type: 'break/start' })).toThrow(/safety check/);
    expect(() => c.dispatch({ type: 'break/start', routineId: 'classic-snack' })).toThrow(/safety check/);
    expect(c.getState()).toEqual(before);
    c.dispatch({ type: 'break/start', routineId: PLAIN_BREAK_ID });
    const s = c.getState();
    expect(s.phase).toBe('routine');
    expect(s.routine!.id).toBe(PLAIN_BREAK_ID);
    clock.advance(MIN);
    c.dispatch({ type: 'routine/complete', feeling: 'same' });
    expect(c.exportData().breaks[0]).toMatchObject({ outcome: 'taken', routineId: PLAIN_BREAK_ID, seconds: 60 });
    expect(c.weeklySummary(new Date(T0)).breaks.taken).toBe(1);
  });

  it('keeps a flagged, uncleared user held across restarts until clearance is confirmed', async () => {
    setup();
    const answeredAt = new Date(T0).toISOString();
    c.dispatch({
      type: 'profile/save',
      profile: { redFlags: { answeredAt, present: ['saddle-numbness'], clearedAt: null } },
    });
    expect(() => c.dispatch({ type: 'break/start' })).toThrow(/safety check/);
    await c.stop();
    open();
    clock.advance(30 * MIN);
    expect(c.getState().phase).toBe('due');
    expect(() => c.dispatch({ type: 'break/start' })).toThrow(/clinician/);
    c.dispatch({
      type: 'profile/save',
      profile: { redFlags: { answeredAt, present: ['saddle-numbness'], clearedAt: new Date(clock.now()).toISOString() } },
    });
    c.dispatch({ type: 'break/start' });
    expect(c.getState().phase).toBe('routine');
  });

  it('opens for a user who answered with no warning signs', () => {
    setup();
    c.dispatch({ type: 'profile/save', profile: { redFlags: CLEAR_SCREEN } });
    c.dispatch({ type: 'break/start' });
    expect(c.getState().phase).toBe('routine');
  });

  it('refuses a routine that does not fit the profile, whatever the renderer asked for', () => {
    setup();
    c.dispatch({ type: 'profile/save', profile: { redFlags: CLEAR_SCREEN, canStand: false } });
    const before = c.getState();
    expect(() => c.dispatch({ type: 'break/start', routineId: 'classic-snack' })).toThrow(/does not fit/);
    expect(c.getState()).toEqual(before);
    c.dispatch({ type: 'break/start' });
    expect(c.getState().routine!.steps.every((step) => step.posture === 'seated')).toBe(true);
  });
});

describe('refusals carry a stable code and parameters (DESIGN.md "Language")', () => {
  it('names the code, the parameters and the English text, over IPC too', async () => {
    setup();
    const { handleInvoke } = await import('../../main/ipc');
    const codeOf = (action: unknown) => {
      try {
        c.dispatch(action);
      } catch (error) {
        const e = error as Error & { code?: string; params?: Record<string, unknown> };
        return { code: e.code, params: e.params, text: e.message };
      }
      return null;
    };
    expect(codeOf({ type: 'break/snooze' })).toEqual({
      code: 'phase.refused',
      params: { action: 'break/snooze', phase: 'sitting' },
      text: 'Cannot snooze right now: you are sitting and no break is due yet.',
    });
    expect(codeOf({ type: 'break/start' })?.code).toBe('safety.unanswered');
    expect(codeOf({ type: 'resume' })?.code).toBe('resume.not-paused');
    expect(codeOf({ type: 'fly' })).toMatchObject({ code: 'action.invalid', params: { type: 'fly' } });
    expect(codeOf({ type: 'pause', until: 'soon' })).toMatchObject({ code: 'action.invalid', params: { fields: 'until' } });
    const answer = handleInvoke(c, 'dispatch', [{ type: 'break/start' }]);
    expect(answer).toMatchObject({ ok: false, code: 'safety.unanswered', params: {} });
    expect((answer as { error: string }).error).toMatch(/safety check/);
  });
});
