import type { WorkingHours } from './settings';

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

const at = (day: Date, minutes: number) =>
  new Date(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(minutes / 60), minutes % 60, 0, 0);

const addDays = (day: Date, n: number) => new Date(day.getFullYear(), day.getMonth(), day.getDate() + n);

/**
 * Local-time windows of one working day, starting on `day`. A window whose end is earlier
 * than its start runs past midnight into the next day.
 */
function windowOn(day: Date, wh: WorkingHours): [Date, Date] | null {
  if (!wh.days.includes(day.getDay())) return null;
  const start = minutesOf(wh.start);
  const end = minutesOf(wh.end);
  return [at(day, start), end > start ? at(day, end) : at(addDays(day, 1), end)];
}

export function isWithinWorkingHours(now: Date, wh: WorkingHours | null): boolean {
  if (!wh) return true;
  const t = now.getTime();
  for (const offset of [-1, 0]) {
    const window = windowOn(addDays(now, offset), wh);
    if (window && t >= window[0].getTime() && t < window[1].getTime()) return true;
  }
  return false;
}

/** The next moment after `now` at which being inside working hours changes; null when always on. */
export function nextWorkingHoursEdge(now: Date, wh: WorkingHours | null): Date | null {
  if (!wh) return null;
  const inside = isWithinWorkingHours(now, wh);
  const edges: Date[] = [];
  for (let offset = -1; offset <= 8; offset++) {
    const window = windowOn(addDays(now, offset), wh);
    if (window) edges.push(window[0], window[1]);
  }
  edges.sort((a, b) => a.getTime() - b.getTime());
  for (const edge of edges) {
    if (edge.getTime() > now.getTime() && isWithinWorkingHours(edge, wh) !== inside) return edge;
  }
  return null;
}

/** The next time after `now` that falls on one of `days` (0 = Sunday) at local `hhmm`. */
export function nextWeeklyOccurrence(now: Date, days: readonly number[], hhmm: string): Date | null {
  if (days.length === 0) return null;
  const minutes = minutesOf(hhmm);
  for (let offset = 0; offset <= 7; offset++) {
    const day = addDays(now, offset);
    if (!days.includes(day.getDay())) continue;
    const candidate = at(day, minutes);
    if (candidate.getTime() > now.getTime()) return candidate;
  }
  return null;
}
