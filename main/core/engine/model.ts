/**
 * The engine's data, as plain values: the open sitting stretch, the pending break and its
 * presence hold, the running routine, the quiet states and the lock/suspend hold. The
 * transitions in the other engine/ modules read and change it; nothing here does I/O or reads
 * a clock.
 */
import type { ActiveRoutine, Phase } from '../../../shared/state';
import type { BusyReason } from '../../../shared/settings';
import { MINUTE_MS } from '../../../shared/time-rules';
import type { Runtime } from '../store-runtime';

export interface OpenStretch {
  start: number;
  discomfortAt: number | null;
}

export interface PendingBreak {
  dueAt: number;
  snoozes: number;
  /** While held (phase deferred): when it came due; null when not held. */
  heldSince: number | null;
  /** When the current hold began (a break already shown can be held later than it came due). */
  holdStart: number | null;
  /** Time held in earlier holds of this break. */
  heldMs: number;
  /** True once a hold ran to maxDeferMin: this break is not held again. */
  holdSpent: boolean;
  everHeld: boolean;
}

export interface RunningRoutine extends ActiveRoutine {
  totalSeconds: number;
  startedMono: number;
  dueAt: number;
  snoozes: number;
  deferredMin: number | undefined;
}

/** What a lock or suspend holds until we know how long the user was gone. */
export interface HeldStretch {
  stretch: OpenStretch;
  pending: PendingBreak | null;
  deadline: number | null;
  phase: 'sitting' | 'due' | 'deferred';
}

/** Lock and suspend: the stretch is held until we know how long the user was gone. */
export interface SystemAway {
  since: number;
  kinds: Set<'lock' | 'suspend'>;
  held: HeldStretch | null;
}

export interface CoreData {
  phase: Phase;
  stretch: OpenStretch | null;
  pending: PendingBreak | null;
  /** When the next prompt is due (sitting), or when the current one came due (due). */
  deadline: number | null;
  routine: RunningRoutine | null;
  pausedUntil: number | null;
  awaySince: number | null;
  systemAway: SystemAway | null;
  /** When the user last came back from a lock or suspend; no prompt within naturalBreakMin of it. */
  returnedAt: number;
  lastStretchEnd: number;
  /** The busy reasons last reported by presence/update. */
  busy: BusyReason[];
  /** When a meeting or fullscreen last ended: input idleness before it was not time away. */
  attendedUntil: number;
}

export const newCoreData = (): CoreData => ({
  phase: 'away',
  stretch: null,
  pending: null,
  deadline: null,
  routine: null,
  pausedUntil: null,
  awaySince: null,
  systemAway: null,
  returnedAt: -Infinity,
  lastStretchEnd: 0,
  busy: [],
  attendedUntil: -Infinity,
});

export const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export const newPending = (dueAt: number, snoozes = 0): PendingBreak => ({
  dueAt,
  snoozes,
  heldSince: null,
  holdStart: null,
  heldMs: 0,
  holdSpent: false,
  everHeld: false,
});

/** Whole minutes a break was held, or undefined when it never was (its record has no deferredMin). */
export function heldMinutes(p: PendingBreak, at: number): number | undefined {
  if (!p.everHeld) return undefined;
  const current = p.holdStart !== null ? Math.max(0, at - p.holdStart) : 0;
  return Math.round((p.heldMs + current) / MINUTE_MS);
}

export function pendingToRuntime(p: PendingBreak): NonNullable<Runtime['pending']> {
  return {
    dueAt: iso(p.dueAt)!,
    snoozes: p.snoozes,
    heldSince: iso(p.heldSince),
    holdStart: iso(p.holdStart),
    heldMs: p.heldMs,
    holdSpent: p.holdSpent,
    everHeld: p.everHeld,
  };
}

export function pendingFromRuntime(p: NonNullable<Runtime['pending']>): PendingBreak {
  const time = (value: string | null | undefined) => (value ? Date.parse(value) : null);
  return {
    ...newPending(Date.parse(p.dueAt), p.snoozes),
    heldSince: time(p.heldSince),
    holdStart: time(p.holdStart),
    heldMs: p.heldMs ?? 0,
    holdSpent: p.holdSpent ?? false,
    everHeld: p.everHeld ?? p.heldSince != null,
  };
}

/**
 * A copy deep enough that a transition never changes the state it was given (the routine's
 * steps are never changed in place, so they are shared). Cheaper than structuredClone, and the
 * idle poll runs it a few hundred times an hour.
 */
export function copyCore(s: CoreData): CoreData {
  const away = s.systemAway;
  const held = away?.held;
  return {
    ...s,
    stretch: s.stretch && { ...s.stretch },
    pending: s.pending && { ...s.pending },
    routine: s.routine && { ...s.routine },
    busy: [...s.busy],
    systemAway: away
      ? {
          since: away.since,
          kinds: new Set(away.kinds),
          held: held ? { ...held, stretch: { ...held.stretch }, pending: held.pending && { ...held.pending } } : null,
        }
      : null,
  };
}
