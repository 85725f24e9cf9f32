/**
 * How routines felt and the smart-interval memory, as transitions of the pure core: learning
 * from a feeling, "which step felt worse?", offering a swapped step again, and accepting or
 * putting off the smart-interval offer. Each works on the transition's adaptations draft
 * (t.adaptations); the reducer saves it once if it changed. Whether an action fits (the
 * refusals) is decided before the transition, in refusals.ts.
 */
import { notice } from '../../../shared/engine-messages';
import type { Feeling } from '../../../shared/history';
import type { ActiveRoutine } from '../../../shared/state';
import { PLAIN_BREAK_ID } from '../../../shared/profile';
import { WORSE_QUESTION_MS } from '../../../shared/time-rules';
import { applyFeeling, applyReoffer, applyWorseStep, stepsToReoffer } from '../../../shared/routine-selection';
import type { StepSwapsView } from '../../../shared/ipc-contract';
import type { Adaptations } from '../store-adaptations';
import { notNowUntil } from '../smart-interval-offer';
import type { Step } from './step';

type Swaps = Adaptations['swaps'];

/** The routine that felt worse, while "which step?" may still be answered. */
export function recentWorse(adaptations: Adaptations, now: number): Adaptations['lastWorse'] {
  const last = adaptations.lastWorse;
  return last && now - Date.parse(last.at) <= WORSE_QUESTION_MS ? last : null;
}

/**
 * DESIGN.md: a session should leave the user better or the same. Good answers count towards
 * offering a swapped step again; "worse" asks which step (routine/worse-step), and only that
 * step is swapped for its gentler one.
 */
export function learnFeeling(t: Step, routine: ActiveRoutine, feeling: Feeling | null): void {
  if (routine.id === PLAIN_BREAK_ID || !feeling) return;
  t.adaptations = {
    ...t.adaptations,
    swaps: { ...applyFeeling(t.adaptations.swaps, routine, feeling) } as Swaps,
    lastWorse:
      feeling === 'worse'
        ? { at: new Date(t.now).toISOString(), steps: [...new Set(routine.steps.map((step) => step.id))] }
        : null,
  };
}

/** "This step felt worse" (or null: the user would rather not say). */
export function answerWorseStep(t: Step, stepId: string | null): void {
  const before = t.adaptations.swaps;
  const swaps = stepId === null ? before : (applyWorseStep(before, stepId, new Date(t.now).toISOString()) as Swaps);
  const swapped = swaps !== before;
  if (swapped && !t.adaptations.worseNoticeGiven) t.fx.push({ kind: 'notice', notice: notice('feedback.gentler-move') });
  t.adaptations = {
    ...t.adaptations,
    swaps: swapped ? { ...swaps } : before,
    lastWorse: null,
    worseNoticeGiven: t.adaptations.worseNoticeGiven || swapped,
  };
}

export function answerReoffer(t: Step, stepId: string, accept: boolean): void {
  t.adaptations = { ...t.adaptations, swaps: { ...applyReoffer(t.adaptations.swaps, stepId, accept) } as Swaps };
}

/** The offer was accepted (refusals.ts checked it is the one on offer): a raise starts the week's pace. */
export function acceptInterval(t: Step): void {
  const result = t.in.smartInterval().result;
  const raise = result?.kind === 'suggest' && result.direction === 'raise';
  const memory = t.adaptations.smartInterval;
  t.adaptations = {
    ...t.adaptations,
    smartInterval: { lastRaiseAt: raise ? new Date(t.now).toISOString() : memory.lastRaiseAt, dismissedUntil: null },
  };
}

export function dismissInterval(t: Step): void {
  t.adaptations = { ...t.adaptations, smartInterval: { ...t.adaptations.smartInterval, dismissedUntil: notNowUntil(t.now) } };
}

/** Which steps are swapped, which are offered again, and the steps of a routine that just felt worse. */
export function stepSwapsView(adaptations: Adaptations, now: number): StepSwapsView {
  const last = recentWorse(adaptations, now);
  return {
    swapped: Object.keys(adaptations.swaps).sort(),
    reoffer: stepsToReoffer(adaptations.swaps),
    askWhichStep: last ? [...last.steps] : null,
  };
}
