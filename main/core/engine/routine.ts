/** The running routine: started from a break, closed as taken with the seconds measured. */
import type { ActiveRoutine } from '../../../shared/state';
import type { Feeling } from '../../../shared/history';
import { heldMinutes, iso } from './model';
import { closeStretch } from './stretch';
import { arm, type Step } from './step';
import { learnFeeling } from './feedback';

/** `active` is the routine the runner chose (shared/routine-selection) for this break. */
export function startRoutine(t: Step, active: ActiveRoutine): void {
  const s = t.s;
  const dueAt = s.pending?.dueAt ?? s.deadline ?? t.now;
  const snoozes = s.pending?.snoozes ?? 0;
  const deferredMin = s.pending ? heldMinutes(s.pending, t.now) : undefined;
  closeStretch(t, t.now, 'routine');
  s.pending = null;
  s.deadline = null;
  s.routine = {
    ...active,
    totalSeconds: active.steps.reduce((sum, step) => sum + step.seconds, 0),
    startedMono: t.mono,
    dueAt,
    snoozes,
    deferredMin,
  };
  s.phase = 'routine';
  arm(t);
}

/** Closes the running routine as taken, with the seconds measured, capped at its length. */
export function finishRoutine(t: Step, feeling: Feeling | null): void {
  const routine = t.s.routine;
  if (!routine) return;
  const measured = Math.round((t.mono - routine.startedMono) / 1000);
  const seconds = Math.max(0, Math.min(routine.totalSeconds, measured));
  t.s.routine = null;
  t.fx.push({
    kind: 'append',
    collection: 'breaks',
    record: {
      dueAt: iso(routine.dueAt)!,
      outcome: 'taken',
      at: new Date(t.now).toISOString(),
      snoozes: routine.snoozes,
      routineId: routine.id,
      seconds,
      feeling,
      ...(routine.deferredMin !== undefined ? { deferredMin: routine.deferredMin } : {}),
    },
  });
  learnFeeling(t, { id: routine.id, steps: routine.steps }, feeling);
}
