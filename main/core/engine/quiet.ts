/**
 * The quiet states: paused, off-hours, and away under a lock or suspend. Entering them closes
 * or holds the open stretch; leaving them does what start() does.
 */
import { isWithinWorkingHours } from '../../../shared/working-hours';
import type { SystemAway } from './model';
import { startFromIdle } from './desk';
import { resolvePending } from './pending';
import { finishRoutine } from './routine';
import { closeStretch, openStretch } from './stretch';
import { shiftHeld } from './time-shift';
import { arm, naturalMs, promptNotBefore, type Step } from './step';

export const withinWorkingHours = (t: Step, at = t.now): boolean => isWithinWorkingHours(new Date(at), t.settings.workingHours);

/** What `start()`, the end of a pause and the start of working hours do. */
export function resumeActivity(t: Step, moment: number): void {
  const s = t.s;
  if (!withinWorkingHours(t)) {
    s.phase = 'off-hours';
  } else if (s.systemAway) {
    s.phase = 'away';
    s.awaySince = s.systemAway.since;
  } else {
    return startFromIdle(t, moment);
  }
  arm(t);
}

export function evaluateWorkingHours(t: Step): void {
  const within = withinWorkingHours(t);
  if (!within && t.s.phase !== 'off-hours' && t.s.phase !== 'paused') enterQuiet(t, 'off-hours');
  else if (within && t.s.phase === 'off-hours') resumeActivity(t, t.now);
}

/** The pause has ended (its `until`, seen by a timer or on coming back). */
export function endPauseIfOver(t: Step): boolean {
  if (t.s.pausedUntil === null || t.s.pausedUntil > t.now) return false;
  t.s.pausedUntil = null;
  resumeActivity(t, t.now);
  return true;
}

/** Paused and off-hours: no prompts, no stretches; the open stretch closes, a due break is dropped. */
export function enterQuiet(t: Step, phase: 'paused' | 'off-hours', until?: number): void {
  const s = t.s;
  finishRoutine(t, null);
  if (s.systemAway?.held) {
    s.stretch = s.systemAway.held.stretch;
    closeStretch(t, s.systemAway.since, 'quit');
    s.systemAway.held = null;
  }
  closeStretch(t, t.now, 'quit');
  s.pending = null;
  s.deadline = null;
  s.awaySince = null;
  if (phase === 'paused') s.pausedUntil = until!;
  s.phase = phase === 'paused' ? 'paused' : s.pausedUntil !== null ? 'paused' : 'off-hours';
  arm(t);
}

export function enterSystemAway(t: Step, kind: 'lock' | 'suspend'): void {
  const s = t.s;
  if (s.systemAway) {
    s.systemAway.kinds.add(kind);
    return;
  }
  t.fx.push({ kind: 'rebase-clock' });
  finishRoutine(t, null);
  let held: SystemAway['held'] = null;
  if ((s.phase === 'sitting' || s.phase === 'due' || s.phase === 'deferred') && s.stretch) {
    held = { stretch: s.stretch, pending: s.pending, deadline: s.deadline, phase: s.phase };
    s.stretch = null;
    s.pending = null;
    s.deadline = null;
  }
  s.systemAway = { since: t.now, kinds: new Set([kind]), held };
  if (s.phase !== 'paused' && s.phase !== 'off-hours') {
    if (s.phase !== 'away') s.awaySince = t.now;
    s.phase = 'away';
  }
  arm(t);
}

export function leaveSystemAway(t: Step, kind: 'lock' | 'suspend'): void {
  const s = t.s;
  const now = t.now;
  if (kind === 'suspend') t.fx.push({ kind: 'schedule-calendar' });
  const away = s.systemAway;
  if (!away) {
    // An unlock we never saw locking (the app started on a locked screen): treat as input.
    if (s.phase === 'away') resumeActivity(t, now);
    return;
  }
  if (!away.kinds.delete(kind) || away.kinds.size > 0) return;
  s.systemAway = null;
  t.fx.push({ kind: 'rebase-clock' });
  // After a suspend, give the user naturalBreakMin before any prompt (no burst on waking).
  if (kind === 'suspend') s.returnedAt = now;
  if (s.phase === 'paused') {
    if (!endPauseIfOver(t)) arm(t);
    return;
  }
  let gone = now - away.since;
  if (gone < 0) {
    // The wall clock was set back while we were away: the absence cannot be measured, so the
    // held anchors move with the clock, as they would for a jump seen while sitting.
    if (away.held) shiftHeld(away.held, gone);
    s.lastStretchEnd += gone;
    away.since = now;
    gone = 0;
  }
  if (away.held && gone < naturalMs(t) && withinWorkingHours(t)) {
    s.stretch = away.held.stretch;
    s.pending = away.held.pending;
    s.deadline = away.held.deadline;
    s.awaySince = null;
    if (away.held.phase === 'deferred') {
      s.phase = 'deferred';
      return arm(t);
    }
    if (away.held.phase === 'due' && now >= promptNotBefore(t)) {
      s.phase = 'due';
      return arm(t);
    }
    s.deadline = Math.max(away.held.deadline ?? now, promptNotBefore(t));
    s.phase = 'sitting';
    return arm(t);
  }
  if (away.held) {
    s.stretch = away.held.stretch;
    s.pending = away.held.pending;
    if (s.pending) resolvePending(t, 'natural', Math.max(s.pending.dueAt, away.since));
    closeStretch(t, away.since, 'natural');
  }
  if (!withinWorkingHours(t)) {
    s.phase = 'off-hours';
    s.awaySince = null;
    return arm(t);
  }
  openStretch(t, now);
}
