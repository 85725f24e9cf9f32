/**
 * The pending break and its presence hold: snooze, skip, holding while busy, and the record a
 * break leaves when it is resolved without a routine.
 */
import type { BreakRecord } from '../../../shared/history';
import { BUSY_REASONS, type BusyReason } from '../../../shared/settings';
import { MINUTE_MS, PRESENCE_GRACE_MS } from '../../../shared/time-rules';
import { nextBreakAt } from './next-break';
import { heldMinutes, iso } from './model';
import { arm, attending, holdWanted, maxDeferMs, promptNotBefore, type Step } from './step';

export function resolvePending(t: Step, outcome: BreakRecord['outcome'], at: number): void {
  const pending = t.s.pending;
  if (!pending) return;
  t.s.pending = null;
  const deferredMin = heldMinutes(pending, at);
  t.fx.push({
    kind: 'append',
    collection: 'breaks',
    record: {
      dueAt: iso(pending.dueAt)!,
      outcome,
      at: iso(at)!,
      snoozes: pending.snoozes,
      routineId: null,
      seconds: 0,
      feeling: null,
      ...(deferredMin !== undefined ? { deferredMin } : {}),
    },
  });
}

export function snooze(t: Step): void {
  t.s.pending!.snoozes++;
  t.s.deadline = t.now + t.settings.snoozeMin * MINUTE_MS;
  t.s.phase = 'sitting';
  arm(t);
}

export function skip(t: Step): void {
  resolvePending(t, 'skipped', t.now);
  t.s.deadline = nextBreakAt(t.now, t.settings.breakIntervalMin, promptNotBefore(t));
  t.s.phase = 'sitting';
  arm(t);
}

/**
 * Presence: a break that comes due (or is already due) while an enabled busy reason holds it
 * waits, for at most maxDeferMin after it came due; never counted as skipped.
 */
export function hold(t: Step, cameDue: number): void {
  const pending = t.s.pending;
  if (!pending || pending.holdSpent || cameDue + maxDeferMs(t) <= t.now) return;
  pending.heldSince = cameDue;
  pending.holdStart = t.now;
  pending.everHeld = true;
  t.s.deadline = cameDue + maxDeferMs(t);
  t.s.phase = 'deferred';
}

/** The hold is over (busy ended a minute ago, or maxDeferMin reached): the break is due now. */
export function releaseHold(t: Step, spent: boolean): void {
  const pending = t.s.pending!;
  if (pending.holdStart !== null) pending.heldMs += Math.max(0, t.now - pending.holdStart);
  pending.heldSince = null;
  pending.holdStart = null;
  if (spent) pending.holdSpent = true;
  t.s.deadline = t.now;
  t.s.phase = 'due';
}

/**
 * The hold's settings changed (maxDeferMin, deferFor) while a break is held: its end follows at
 * once. Still wanted: the new longest hold; no longer wanted: due within the one-minute grace
 * (sooner if the longest hold or a running grace ends first); already past it: due now.
 */
export function refreshHold(t: Step): void {
  const s = t.s;
  // A due break and a reason just turned on that is busy now: held, as a presence report would.
  if (s.phase === 'due' && holdWanted(t)) return hold(t, s.deadline ?? t.now);
  if (s.phase !== 'deferred' || s.pending?.heldSince == null) return;
  const cap = s.pending.heldSince + maxDeferMs(t);
  s.deadline = holdWanted(t) ? cap : Math.min(cap, s.deadline ?? t.now, t.now + PRESENCE_GRACE_MS);
  // Held longer than the new limit already: the break is due now, not at the next timer.
  if (s.deadline <= t.now) releaseHold(t, holdWanted(t));
}

export function updatePresence(t: Step, reported: readonly BusyReason[]): void {
  const s = t.s;
  const wasAttending = attending(t);
  s.busy = BUSY_REASONS.filter((reason) => reported.includes(reason));
  if (wasAttending && !attending(t)) s.attendedUntil = t.now;
  if (s.phase === 'due' && holdWanted(t)) {
    hold(t, s.deadline ?? t.now);
  } else if (s.phase === 'deferred' && s.pending?.heldSince != null) {
    const cap = s.pending.heldSince + maxDeferMs(t);
    // Free again: due one minute later, unless the longest hold ends sooner.
    s.deadline = holdWanted(t) ? cap : Math.min(cap, t.now + PRESENCE_GRACE_MS);
  }
  arm(t);
}
