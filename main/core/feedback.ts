/**
 * How routines felt and the smart-interval memory (the adaptations store): learning from a
 * feeling, "which step felt worse?", offering a swapped step again, and the smart-interval
 * offer with its pace. The runner calls these; each checks first and throws a refusal with
 * nothing changed.
 */
import { notice, tell, type Warn } from '../../shared/engine-messages';
import type { Feeling, History } from '../../shared/history';
import type { StretchObservation } from '../../shared/summary';
import type { Settings } from '../../shared/settings';
import type { ActiveRoutine } from '../../shared/state';
import { PLAIN_BREAK_ID } from '../../shared/profile';
import { refuse } from '../../shared/engine-messages';
import { WORSE_QUESTION_MS } from '../../shared/time-rules';
import { applyFeeling, applyReoffer, applyWorseStep, stepsToReoffer } from '../../shared/routine-selection';
import type { AdaptationsStore } from './store-adaptations';
import { notNowUntil, smartIntervalOffer, type SmartIntervalView } from './smart-interval-offer';
import type { StepSwapsView } from './types';

export class Feedback {
  constructor(
    private readonly adaptations: AdaptationsStore,
    private readonly warn: Warn,
  ) {}

  /**
   * DESIGN.md: a session should leave the user better or the same. Good answers count towards
   * offering a swapped step again; "worse" asks which step (routine/worse-step), and only that
   * step is swapped for its gentler one.
   */
  learnFeeling(routine: ActiveRoutine, feeling: Feeling | null, now: number): void {
    if (routine.id === PLAIN_BREAK_ID || !feeling) return;
    const value = this.adaptations.value;
    value.swaps = { ...applyFeeling(value.swaps, routine, feeling) };
    value.lastWorse =
      feeling === 'worse'
        ? { at: new Date(now).toISOString(), steps: [...new Set(routine.steps.map((step) => step.id))] }
        : null;
    this.adaptations.save();
  }

  /** "This step felt worse" (or null: the user would rather not say). */
  answerWorseStep(stepId: string | null, now: number): void {
    const value = this.adaptations.value;
    const last = value.lastWorse;
    if (!last || now - Date.parse(last.at) > WORSE_QUESTION_MS) {
      refuse('feedback.none', {}, 'There is no recent routine that felt worse to say a step of.');
    }
    if (stepId !== null && !last!.steps.includes(stepId)) {
      refuse('feedback.step-unknown', { stepId }, `"${stepId}" was not a step of the routine that felt worse.`);
    }
    value.lastWorse = null;
    if (stepId !== null) {
      const before = value.swaps;
      value.swaps = { ...applyWorseStep(before, stepId, new Date(now).toISOString()) };
      if (value.swaps !== before && !value.worseNoticeGiven) {
        value.worseNoticeGiven = true;
        tell(this.warn, notice('feedback.gentler-move'));
      }
    }
    this.adaptations.save();
  }

  answerReoffer(stepId: string, accept: boolean): void {
    const value = this.adaptations.value;
    if (!stepsToReoffer(value.swaps).includes(stepId)) {
      refuse('feedback.not-offered', { stepId }, `"${stepId}" is not being offered again yet.`);
    }
    value.swaps = { ...applyReoffer(value.swaps, stepId, accept) };
    this.adaptations.save();
  }

  /** Which steps are swapped, which are offered again, and the steps of a routine that just felt worse. */
  stepSwaps(now: number): StepSwapsView {
    const value = this.adaptations.value;
    const last = value.lastWorse;
    return {
      swapped: Object.keys(value.swaps).sort(),
      reoffer: stepsToReoffer(value.swaps),
      askWhichStep: last && now - Date.parse(last.at) <= WORSE_QUESTION_MS ? [...last.steps] : null,
    };
  }

  /** The smart-interval offer, computed from the history (DESIGN.md: no product state in the renderer). */
  smartInterval(history: History, open: StretchObservation | null, settings: Settings, now: number): SmartIntervalView {
    return smartIntervalOffer(history, open, this.adaptations.value.smartInterval, settings.breakIntervalMin, settings.smartInterval, now);
  }

  /** Accept the offer: only the interval it suggests now, at the pace it allows (one raise a week). */
  acceptInterval(offer: SmartIntervalView, minutes: number, now: number): void {
    const result = offer.result;
    if (result?.kind !== 'suggest' || offer.dismissedUntil !== null || result.minutes !== minutes) {
      refuse(
        'interval.not-offered',
        { minutes },
        `A break every ${minutes} minutes is not what the suggestion offers right now; nothing was changed.`,
      );
    }
    const memory = this.adaptations.value.smartInterval;
    this.adaptations.value.smartInterval = {
      lastRaiseAt: result!.kind === 'suggest' && result!.direction === 'raise' ? new Date(now).toISOString() : memory.lastRaiseAt,
      dismissedUntil: null,
    };
    this.adaptations.save();
  }

  dismissInterval(offer: SmartIntervalView, now: number): void {
    if (offer.result?.kind !== 'suggest') {
      refuse('interval.not-offered', {}, 'There is no interval suggestion to put off right now.');
    }
    this.adaptations.value.smartInterval = { ...this.adaptations.value.smartInterval, dismissedUntil: notNowUntil(now) };
    this.adaptations.save();
  }
}
