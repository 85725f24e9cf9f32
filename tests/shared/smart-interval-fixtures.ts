/** Sitting data for the smart-interval tests: stretches going back from a fixed "now". */
import type { SmartIntervalInput } from '../../shared/smart-interval';
import type { StretchObservation } from '../../shared/summary';

export const MIN = 60_000;
export const DAY = 24 * 60 * MIN;
export const NOW = new Date('2026-11-27T12:00:00.000Z');

/** One stretch per spec, each on its own hour going back from `daysAgo` days before NOW. */
export function stretches(
  specs: { minutes: number; discomfortAfter?: number; daysAgo?: number }[],
): StretchObservation[] {
  return specs.map((s, i) => {
    const start = NOW.getTime() - (s.daysAgo ?? 1) * DAY - i * 2 * 60 * MIN;
    return {
      start: new Date(start).toISOString(),
      end: new Date(start + s.minutes * MIN).toISOString(),
      discomfortAt: s.discomfortAfter === undefined ? null : new Date(start + s.discomfortAfter * MIN).toISOString(),
    };
  });
}

export const repeat = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));

/** The suggestion's input at NOW, every list empty unless the test sets it. */
export const input = (patch: Partial<SmartIntervalInput>): SmartIntervalInput => ({
  now: NOW,
  currentIntervalMin: 30,
  maxIntervalMin: null,
  stretches: [],
  discomforts: [],
  checkins: [],
  lastRaiseAt: null,
  ...patch,
});
