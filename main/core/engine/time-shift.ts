/**
 * The one place that moves time anchors when the wall clock is changed (issue 11: this used to
 * be written three times). Moving the wall clock moves every anchor with it; durations stay as
 * they were. A pause's `until` stays absolute.
 */
import type { CoreData, HeldStretch, OpenStretch, PendingBreak } from './model';

function shiftStretch(stretch: OpenStretch, by: number): void {
  stretch.start += by;
  if (stretch.discomfortAt !== null) stretch.discomfortAt += by;
}

function shiftPending(pending: PendingBreak, by: number): void {
  pending.dueAt += by;
  if (pending.heldSince !== null) pending.heldSince += by;
  if (pending.holdStart !== null) pending.holdStart += by;
}

/** What a lock or suspend holds: its stretch, deadline and pending break. */
export function shiftHeld(held: HeldStretch, by: number): void {
  shiftStretch(held.stretch, by);
  if (held.deadline !== null) held.deadline += by;
  if (held.pending) shiftPending(held.pending, by);
}

/** Every wall-clock anchor of the engine's data, in place. */
export function shiftAnchors(data: CoreData, by: number): void {
  if (data.stretch) shiftStretch(data.stretch, by);
  if (data.deadline !== null) data.deadline += by;
  if (data.pending) shiftPending(data.pending, by);
  if (data.routine) data.routine.dueAt += by;
  if (data.awaySince !== null) data.awaySince += by;
  if (data.systemAway) {
    data.systemAway.since += by;
    if (data.systemAway.held) shiftHeld(data.systemAway.held, by);
  }
  data.returnedAt += by;
  data.attendedUntil += by;
  // The last recorded stretch moves too, or a clock set back would clamp every new stretch
  // to a moment in the "future" and record it zero minutes long.
  data.lastStretchEnd += by;
}
