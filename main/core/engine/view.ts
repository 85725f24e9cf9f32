/**
 * Derived views of the engine's data: the public state snapshot (DESIGN.md getState), the
 * runtime record a restart continues from, and the cheap fingerprint that says whether either
 * changed. Pure: the time comes in as an argument.
 */
import type { CompanionState } from '../../../shared/state';
import type { Settings } from '../../../shared/settings';
import type { Profile } from '../../../shared/profile';
import type { EngineNotice } from '../../../shared/engine-messages';
import type { Runtime } from '../store-runtime';
import { iso, pendingToRuntime, type CoreData } from './model';

export function stateView(
  s: CoreData,
  settings: Settings,
  warnings: { texts(): string[]; notices(): EngineNotice[] },
  profile: Profile,
): CompanionState {
  const showDeadline = s.phase === 'sitting' || s.phase === 'due' || s.phase === 'deferred';
  return {
    phase: s.phase,
    stretchStart: iso(s.stretch?.start ?? null),
    nextBreakAt: showDeadline ? iso(s.deadline) : null,
    snoozesLeft: Math.max(0, settings.maxSnoozes - ((s.pending ?? s.systemAway?.held?.pending)?.snoozes ?? 0)),
    routine: s.routine ? { id: s.routine.id, steps: structuredClone(s.routine.steps) } : null,
    pausedUntil: iso(s.pausedUntil),
    settings: structuredClone(settings),
    warnings: warnings.texts(),
    notices: warnings.notices(),
    profile: structuredClone(profile),
    busy: [...s.busy],
    deferredSince: s.phase === 'deferred' ? iso(s.pending?.heldSince ?? null) : null,
  };
}

/** What a restart needs: the open (or lock-held) stretch, its pending break and deadline, a pause. */
export function runtimeOf(s: CoreData, now: number): Runtime {
  const held = s.systemAway?.held;
  const stretch = s.stretch ?? held?.stretch ?? null;
  const pending = s.stretch ? s.pending : (held?.pending ?? null);
  const deadline = s.stretch ? s.deadline : (held?.deadline ?? null);
  return {
    schemaVersion: 1,
    savedAt: new Date(now).toISOString(),
    stretch: stretch ? { start: iso(stretch.start)!, discomfortAt: iso(stretch.discomfortAt) } : null,
    pending: pending ? pendingToRuntime(pending) : null,
    deadline: iso(deadline),
    pausedUntil: iso(s.pausedUntil),
  };
}

/** Cheap fingerprint of everything the state snapshot and the runtime file show. */
export function stateKey(s: CoreData, settingsVersion: number, warningsVersion: number): string {
  const st = s.stretch;
  return [
    s.phase,
    st?.start,
    st?.discomfortAt,
    s.deadline,
    s.pending?.dueAt,
    s.pending?.snoozes,
    s.routine?.id,
    s.pausedUntil,
    s.systemAway?.held?.stretch.start,
    s.systemAway?.held?.stretch.discomfortAt,
    s.systemAway?.held?.pending?.snoozes,
    settingsVersion,
    warningsVersion,
    s.busy.join(','),
    s.pending?.heldSince,
    s.pending?.holdSpent,
  ].join('|');
}
