import type { BusyReason, Settings } from './settings';
import type { EngineNotice } from './engine-messages';
import type { Profile } from './profile';

export type Phase = 'sitting' | 'due' | 'deferred' | 'routine' | 'away' | 'paused' | 'off-hours';
export const PHASES: readonly Phase[] = ['sitting', 'due', 'deferred', 'routine', 'away', 'paused', 'off-hours'];

export interface RoutineStepView {
  id: string;
  name: string;
  seconds: number;
  cues: string[];
  posture: 'standing' | 'seated';
  bias: 'extension' | 'flexion' | 'neutral';
  /** Present when the step is done once per side: the seconds are split between them. */
  sides: boolean;
  illustration: string;
  /** True when this step replaces one the user rated worse twice. */
  swappedFrom: string | null;
}

export interface ActiveRoutine {
  id: string;
  steps: RoutineStepView[];
}

/** The engine's public snapshot, exactly the fields DESIGN.md names. */
export interface CompanionState {
  phase: Phase;
  stretchStart: string | null;
  nextBreakAt: string | null;
  snoozesLeft: number;
  routine: ActiveRoutine | null;
  pausedUntil: string | null;
  settings: Settings;
  warnings: string[];
  /**
   * The same warnings, in the same order, each with its stable code and parameters
   * (shared/engine-messages.ts), so a UI can say them in the user's language. The engine always
   * fills it; it is optional in the type only so that hand-made states (test fakes) still fit.
   */
  notices?: EngineNotice[];
  /**
   * The user's answers (getProfile), carried in every state event so each window shows the
   * same answers without a cache of its own. Optional in the type only for hand-made states.
   */
  profile?: Profile;
  /** The busy reasons last reported by `presence/update` ([] = free). */
  busy: BusyReason[];
  /** While a break is held (phase `deferred`): when it came due; null otherwise. */
  deferredSince: string | null;
}
