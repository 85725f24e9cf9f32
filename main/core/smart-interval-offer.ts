import { suggestInterval, WINDOW_DAYS } from '../../shared/smart-interval';
import type { SmartIntervalView } from '../../shared/ipc-contract';
import type { StretchObservation } from '../../shared/summary';
import type { History } from '../../shared/history';
import type { SmartIntervalMemory } from './store-adaptations';

const DAY = 24 * 60 * 60_000;
/** "Not now" hides a suggestion for this long. */
export const NOT_NOW_DAYS = 7;

export type { SmartIntervalView };

/** The offer from the engine's own history: the same data, the same rule, one home. */
export function smartIntervalOffer(
  history: Readonly<History>,
  open: StretchObservation | null,
  memory: SmartIntervalMemory,
  currentIntervalMin: number,
  on: boolean,
  now: number,
): SmartIntervalView {
  if (!on) return { result: null, dismissedUntil: memory.dismissedUntil, lastRaiseAt: memory.lastRaiseAt };
  const from = now - (WINDOW_DAYS + 1) * DAY;
  const recent = <T extends { at: string }>(list: readonly T[]) => list.filter((r) => Date.parse(r.at) >= from);
  const stretches: StretchObservation[] = history.stretches.filter((s) => Date.parse(s.start) >= from);
  if (open) stretches.push(open);
  const result = suggestInterval({
    now: new Date(now),
    currentIntervalMin,
    maxIntervalMin: null,
    stretches,
    discomforts: recent(history.discomforts),
    checkins: recent(history.checkins),
    lastRaiseAt: memory.lastRaiseAt,
  });
  const dismissed = memory.dismissedUntil !== null && Date.parse(memory.dismissedUntil) > now;
  return { result, dismissedUntil: dismissed ? memory.dismissedUntil : null, lastRaiseAt: memory.lastRaiseAt };
}

/** After an import or a restore: the later of each time wins, so the weekly pace cannot be reset. */
export function mergeSmartIntervalMemory(mine: SmartIntervalMemory, theirs: SmartIntervalMemory): SmartIntervalMemory {
  const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : Date.parse(a) >= Date.parse(b) ? a : b);
  return { lastRaiseAt: later(mine.lastRaiseAt, theirs.lastRaiseAt), dismissedUntil: later(mine.dismissedUntil, theirs.dismissedUntil) };
}

export const notNowUntil = (now: number) => new Date(now + NOT_NOW_DAYS * DAY).toISOString();
