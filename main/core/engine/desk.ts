/**
 * At the desk or away from it, by idle time: the stretch ends when input stopped, starts again
 * when it resumed, and a break comes due only while the user is there.
 */
import { newPending } from './model';
import { hold, resolvePending } from './pending';
import { closeStretch, openStretch } from './stretch';
import { arm, holdWanted, idleMs, naturalMs, promptNotBefore, type Step } from './step';

/** Idle crossed the natural-break threshold: the stretch ended when input stopped. */
export function goAwayFromIdle(t: Step, leftAt: number): void {
  const s = t.s;
  const left = Math.min(t.now, Math.max(leftAt, s.stretch?.start ?? leftAt));
  if (s.pending) resolvePending(t, 'natural', Math.min(t.now, Math.max(s.pending.dueAt, left)));
  closeStretch(t, left, 'natural');
  s.deadline = null;
  s.phase = 'away';
  s.awaySince = left;
  arm(t);
}

/** What start() does: at the desk (a stretch from when input resumed, not before `notBefore`) or away. */
export function startFromIdle(t: Step, notBefore = 0): void {
  const idle = idleMs(t);
  if (idle < naturalMs(t)) {
    openStretch(t, Math.max(notBefore, t.now - idle));
  } else {
    t.s.phase = 'away';
    t.s.awaySince = t.now - idle;
    arm(t);
  }
}

export function becomeDue(t: Step): void {
  const s = t.s;
  const idle = idleMs(t);
  if (idle >= naturalMs(t)) return goAwayFromIdle(t, t.now - idle);
  if (t.now < promptNotBefore(t)) {
    s.deadline = promptNotBefore(t);
    return arm(t);
  }
  if (!s.pending) s.pending = newPending(s.deadline ?? t.now);
  const cameDue = s.deadline ?? t.now;
  s.deadline = cameDue;
  s.phase = 'due';
  if (holdWanted(t)) hold(t, cameDue);
  arm(t);
}

/** An idle-poll reading: leave the desk, or come back to it. */
export function onIdleReading(t: Step): void {
  const s = t.s;
  const idle = idleMs(t);
  if (s.phase === 'sitting' || s.phase === 'due' || s.phase === 'deferred') {
    if (idle >= naturalMs(t)) goAwayFromIdle(t, t.now - idle);
  } else if (s.phase === 'away' && !s.systemAway) {
    if (idle < naturalMs(t)) openStretch(t, Math.max(t.now - idle, s.awaySince ?? 0));
  }
}
