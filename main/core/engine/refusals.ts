/**
 * Whether an action fits the engine's data right now: the phase rule (shared/phase-rules.ts),
 * the safety gate, snooze limits, a pause's end, and whether feedback answers something that
 * was asked (a step of the routine that felt worse, a step offered again, the interval on offer). Pure: it throws an EngineRefusal (a stable
 * code, parameters and English text) or returns.
 */
import type { Action } from '../../../shared/actions';
import type { Phase } from '../../../shared/state';
import type { Settings } from '../../../shared/settings';
import { PLAIN_BREAK_ID, safetyGateOpen, type Profile } from '../../../shared/profile';
import { routineFitsProfile } from '../../../shared/routine-selection';
import { routineById } from '../../../shared/routines';
import { phaseAllows } from '../../../shared/phase-rules';
import { refuse } from '../../../shared/engine-messages';
import { stepsToReoffer } from '../../../shared/routine-selection';
import type { SmartIntervalView } from '../../../shared/ipc-contract';
import type { Adaptations } from '../store-adaptations';
import { recentWorse } from './feedback';

const ACTION_WORDS: Partial<Record<Action['type'], string>> = {
  'break/start': 'start a break',
  'break/snooze': 'snooze',
  'break/skip': 'skip a break',
  'routine/complete': 'finish a routine',
  'routine/abandon': 'end a routine',
};
const PHASE_WORDS: Record<Phase, string> = {
  sitting: 'you are sitting and no break is due yet',
  due: 'a break is due',
  deferred: 'a break is being held while you are busy',
  routine: 'a routine is in progress',
  away: 'you are away from the desk',
  paused: 'Movesnack is paused',
  'off-hours': 'it is outside your working hours',
};

export interface FitContext {
  phase: Phase;
  profile: Profile;
  settings: Settings;
  /** Snoozes already used on the pending break. */
  snoozes: number;
  now: number;
  adaptations: Adaptations;
  /** The smart-interval offer now (computed from the history only when asked). */
  smartInterval: () => SmartIntervalView;
}

export function refuseUnlessFits(action: Action, at: FitContext): void {
  const { phase, profile, settings } = at;
  if (!phaseAllows(phase, action.type)) {
    if (action.type === 'resume') refuse('resume.not-paused', {}, 'Cannot resume: Movesnack is not paused.');
    refuse(
      'phase.refused',
      { action: action.type, phase },
      `Cannot ${ACTION_WORDS[action.type] ?? action.type} right now: ${PHASE_WORDS[phase]}.`,
    );
  }
  switch (action.type) {
    case 'break/start': {
      if (action.routineId === PLAIN_BREAK_ID) break;
      if (!safetyGateOpen(profile)) {
        const flagged = profile.redFlags !== null;
        refuse(
          flagged ? 'safety.flagged' : 'safety.unanswered',
          {},
          flagged
            ? 'Guided routines are held back by the safety check until you confirm that a clinician has looked at the warning signs you reported. A plain break (stand up and walk about for a minute) is always fine.'
            : 'Guided routines start once you have answered the short safety check (about 30 seconds). Until then, take a plain break: stand up and walk about for a minute.',
        );
      }
      if (action.routineId === undefined) break;
      const chosen = routineById(action.routineId);
      if (!chosen) {
        refuse('routine.unknown', { routineId: action.routineId }, `Cannot start a break: there is no routine called "${action.routineId}".`);
      }
      if (!routineFitsProfile(chosen!, profile)) {
        refuse(
          'routine.unfit',
          { routineId: action.routineId },
          `Cannot start "${chosen!.name}": it does not fit what you told Movesnack about your back (standing, or the direction that eases it). Choose another routine.`,
        );
      }
      break;
    }
    case 'break/snooze':
      if (at.snoozes >= settings.maxSnoozes) {
        const limit = settings.maxSnoozes;
        refuse(
          limit === 0 ? 'snooze.off' : 'snooze.none-left',
          { limit },
          limit === 0
            ? 'Snoozing is turned off in your settings. Start the routine or skip this break.'
            : `No snoozes left for this break (the limit is ${settings.maxSnoozes}). Start the routine or skip it.`,
        );
      }
      break;
    case 'pause':
      if (Date.parse(action.until) <= at.now) {
        refuse('pause.not-future', { until: action.until }, 'Invalid "pause" action: until must be a time in the future.');
      }
      break;
    default:
      refuseUnlessAsked(action, at);
      break;
  }
}

/** Feedback answers only what is being asked right now; anything else changes nothing. */
function refuseUnlessAsked(action: Action, at: FitContext): void {
  switch (action.type) {
    case 'routine/worse-step': {
      const last = recentWorse(at.adaptations, at.now);
      if (!last) refuse('feedback.none', {}, 'There is no recent routine that felt worse to say a step of.');
      if (action.stepId !== null && !last!.steps.includes(action.stepId)) {
        refuse('feedback.step-unknown', { stepId: action.stepId }, `"${action.stepId}" was not a step of the routine that felt worse.`);
      }
      break;
    }
    case 'routine/reoffer':
      if (!stepsToReoffer(at.adaptations.swaps).includes(action.stepId)) {
        refuse('feedback.not-offered', { stepId: action.stepId }, `"${action.stepId}" is not being offered again yet.`);
      }
      break;
    case 'interval/accept': {
      const offer = at.smartInterval();
      const result = offer.result;
      if (result?.kind !== 'suggest' || offer.dismissedUntil !== null || result.minutes !== action.minutes) {
        refuse(
          'interval.not-offered',
          { minutes: action.minutes },
          `A break every ${action.minutes} minutes is not what the suggestion offers right now; nothing was changed.`,
        );
      }
      break;
    }
    case 'interval/dismiss':
      if (at.smartInterval().result?.kind !== 'suggest') {
        refuse('interval.not-offered', {}, 'There is no interval suggestion to put off right now.');
      }
      break;
    default:
      break;
  }
}
