/**
 * One transition in progress: the engine's data (a draft, copied before the transition), the
 * moment it happens, what it may read, and the effects it asks for. Helpers every data area uses.
 */
import type { Settings } from '../../../shared/settings';
import type { Profile } from '../../../shared/profile';
import type { BreakRecord } from '../../../shared/history';
import type { Phase } from '../../../shared/state';
import { MINUTE_MS, ROUTINE_TIMEOUT_MS } from '../../../shared/time-rules';
import type { SmartIntervalView } from '../../../shared/ipc-contract';
import type { Adaptations } from '../store-adaptations';
import type { Effect } from './effects';
import type { CoreData } from './model';

/** A timer cannot wait past about 24.8 days: long waits (a pause of weeks) are split. */
const MAX_TIMER_MS = 24 * 60 * MINUTE_MS;
/**
 * Paused and off-hours have no idle poll, so their one timer also wakes each minute: a wall
 * clock moved past the pause's end or a working-hours edge is then noticed within a minute.
 */
const QUIET_RECHECK_MS = MINUTE_MS;
/**
 * While away, one idle look every 30 s. Idle time cannot say when input resumed, only that it
 * did since the last look, so this bounds how late a new stretch may start: 30 s of a 30-minute
 * interval, for a quarter of the wake-ups a 10 s poll would cost.
 */
export const AWAY_POLL_MS = 30_000;
const POLLED_PHASES: ReadonlySet<Phase> = new Set(['sitting', 'due', 'deferred', 'away']);

/** What a transition may read besides the engine's data. Read-only. */
export interface Inputs {
  settings: Settings;
  profile: Profile;
  /**
   * Seconds since the last input, read when a transition asks (the runner reads the OS once per
   * event at most: the shell's idle probe also looks at the lock state, so it is not read on
   * events that do not need it).
   */
  idleSeconds: () => number;
  /** The last breaks, newest last, for choosing a routine. */
  recentBreaks: () => readonly BreakRecord[];
  /** What the engine learned from feedback (swapped steps, the smart-interval memory). */
  adaptations: Adaptations;
  /** The smart-interval offer now, computed from the history when a transition asks. */
  smartInterval: () => SmartIntervalView;
}

export interface Step {
  s: CoreData;
  now: number;
  /** The monotonic clock (ms) at this moment: a routine's length is measured on it. */
  mono: number;
  in: Inputs;
  /** Settings as the transition leaves them (settings/update changes them mid-way). */
  settings: Settings;
  /** The adaptations as the transition leaves them (reducer.ts saveAdaptations asks to save each change once). */
  adaptations: Adaptations;
  fx: Effect[];
}

export const naturalMs = (t: Step): number => t.settings.naturalBreakMin * MINUTE_MS;
export const maxDeferMs = (t: Step): number => t.settings.maxDeferMin * MINUTE_MS;
/** No prompt within naturalBreakMin of coming back from a lock or suspend. */
export const promptNotBefore = (t: Step): number => t.s.returnedAt + naturalMs(t);

export const attending = (t: Step): boolean => t.s.busy.includes('meeting') || t.s.busy.includes('fullscreen');

/** A reason the user enabled in deferFor is busy, and holding is on at all. */
export const holdWanted = (t: Step): boolean =>
  t.settings.maxDeferMin > 0 && t.s.busy.some((reason) => t.settings.deferFor[reason]);

/** Idle time in ms, after presence: a video call or a fullscreen film is sitting, however still the keyboard is. */
export function idleMs(t: Step): number {
  let seconds: number;
  try {
    seconds = t.in.idleSeconds();
  } catch {
    seconds = 0;
  }
  const idle = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
  if (attending(t)) return 0;
  return Math.min(idle, Math.max(0, t.now - t.s.attendedUntil));
}

/**
 * One timer for the next event, plus the idle poll while it matters. Nothing else ticks. The
 * idle poll: idle time says when input stopped, so polling more often adds no accuracy; while
 * at the desk the next look is when idle time could first reach the natural-break threshold
 * (never sooner than idlePollSec); while away, every AWAY_POLL_MS.
 */
export function arm(t: Step): void {
  const s = t.s;
  let delay: number | null = null;
  if ((s.phase === 'sitting' || s.phase === 'deferred') && s.deadline !== null) delay = s.deadline - t.now;
  else if (s.phase === 'paused' && s.pausedUntil !== null) delay = Math.min(s.pausedUntil - t.now, QUIET_RECHECK_MS);
  else if (s.phase === 'off-hours') delay = QUIET_RECHECK_MS;
  else if (s.phase === 'routine' && s.routine) delay = s.routine.startedMono + ROUTINE_TIMEOUT_MS - t.mono;
  const polling = POLLED_PHASES.has(s.phase) && !s.systemAway;
  const floor = t.settings.idlePollSec * 1000;
  const waitMs = s.phase === 'away' ? Math.max(floor, AWAY_POLL_MS) : Math.max(floor, naturalMs(t));
  t.fx.push({
    kind: 'arm',
    eventInMs: delay === null ? null : Math.min(Math.max(0, delay), MAX_TIMER_MS),
    poll: polling ? { waitMs } : null,
  });
}
