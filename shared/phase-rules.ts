import type { ActionType } from './actions';
import type { Phase } from './state';

/**
 * Which actions each phase allows: the engine refuses the rest, and the tray, the dashboard
 * and the prompt offer only these. Actions not listed here fit every phase.
 */
const PHASE_BOUND: Partial<Record<ActionType, readonly Phase[]>> = {
  'break/start': ['sitting', 'due', 'deferred'],
  'break/snooze': ['due'],
  'break/skip': ['due'],
  'routine/complete': ['routine'],
  'routine/abandon': ['routine'],
  resume: ['paused'],
};

export function phaseAllows(phase: Phase, type: ActionType): boolean {
  const phases = PHASE_BOUND[type];
  return !phases || phases.includes(phase);
}
