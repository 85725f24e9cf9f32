import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCompanion, type Companion } from '../../main/core';
import { REOFFER_AFTER_GOOD_RUNS } from '../../shared/routine-selection';
import { ClockUser, ManualClock } from '../support/manual-clock';
import { CLEAR_SCREEN, MIN, tempDir } from './harness';

let c: Companion;
let clock: ManualClock;
let dir: string;
const open = () => {
  c = createCompanion({ dataDir: dir, idleSeconds: new ClockUser(clock).idleSeconds, clock });
  c.start();
};
afterEach(async () => {
  await c?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function classic(feeling: 'better' | 'same' | 'worse') {
  c.dispatch({ type: 'break/start', routineId: 'classic-snack' });
  clock.advance(MIN);
  c.dispatch({ type: 'routine/complete', feeling });
}
const stepIds = () => {
  c.dispatch({ type: 'break/start', routineId: 'classic-snack' });
  const ids = c.getState().routine!.steps.map((s) => s.id);
  c.dispatch({ type: 'routine/abandon' });
  return ids;
};

describe('"worse" swaps the one step the user names (issue 10, point 6)', () => {
  it('asks which step, swaps only that one, keeps it across a restart, and offers it again after good sessions', async () => {
    clock = new ManualClock('2026-11-23T09:00:00.000Z');
    dir = tempDir();
    open();
    c.dispatch({ type: 'profile/save', profile: { redFlags: CLEAR_SCREEN } });
    classic('worse');
    expect(c.getStepSwaps().askWhichStep).toEqual(['march-in-place', 'hip-hinge', 'standing-back-bend']);
    // Nothing is swapped until the user says which step.
    expect(c.getStepSwaps().swapped).toEqual([]);
    c.dispatch({ type: 'routine/worse-step', stepId: 'hip-hinge' });
    expect(c.getStepSwaps()).toEqual({ swapped: ['hip-hinge'], reoffer: [], askWhichStep: null });
    expect(stepIds()).toEqual(['march-in-place', 'mini-hinge', 'standing-back-bend']);
    expect(c.getState().warnings.some((w) => /gentler move/.test(w))).toBe(true);

    await c.stop();
    open();
    expect(stepIds()).toEqual(['march-in-place', 'mini-hinge', 'standing-back-bend']);
    for (let i = 0; i < REOFFER_AFTER_GOOD_RUNS; i++) classic(i % 2 ? 'better' : 'same');
    expect(c.getStepSwaps().reoffer).toEqual(['hip-hinge']);
    // "Not yet" keeps the swap and counts again; yes brings the original back.
    c.dispatch({ type: 'routine/reoffer', stepId: 'hip-hinge', accept: false });
    expect(c.getStepSwaps().reoffer).toEqual([]);
    for (let i = 0; i < REOFFER_AFTER_GOOD_RUNS; i++) classic('better');
    c.dispatch({ type: 'routine/reoffer', stepId: 'hip-hinge', accept: true });
    expect(stepIds()).toEqual(['march-in-place', 'hip-hinge', 'standing-back-bend']);
  });

  it('lets the user skip the question, and refuses answers that do not fit', () => {
    clock = new ManualClock('2026-11-23T09:00:00.000Z');
    dir = tempDir();
    open();
    c.dispatch({ type: 'profile/save', profile: { redFlags: CLEAR_SCREEN } });
    expect(() => c.dispatch({ type: 'routine/worse-step', stepId: 'hip-hinge' })).toThrow(/no recent routine that felt worse/);
    classic('worse');
    expect(() => c.dispatch({ type: 'routine/worse-step', stepId: 'bird-dog' })).toThrow(/was not a step/);
    expect(() => c.dispatch({ type: 'routine/reoffer', stepId: 'hip-hinge', accept: true })).toThrow(/not being offered/);
    c.dispatch({ type: 'routine/worse-step', stepId: null });
    expect(c.getStepSwaps()).toEqual({ swapped: [], reoffer: [], askWhichStep: null });
    classic('worse');
    clock.advance(31 * MIN);
    expect(c.getStepSwaps().askWhichStep).toBeNull();
  });

  it('migrates version-1 notes: a step rated worse twice stays swapped', () => {
    clock = new ManualClock('2026-11-23T09:00:00.000Z');
    dir = tempDir();
    fs.writeFileSync(`${dir}/adaptations.json`, JSON.stringify({ schemaVersion: 1, worse: { 'hip-hinge': 2, 'march-in-place': 1 }, worseNoticeGiven: true }));
    open();
    c.dispatch({ type: 'profile/save', profile: { redFlags: CLEAR_SCREEN } });
    expect(c.getStepSwaps().swapped).toEqual(['hip-hinge']);
  });
});
