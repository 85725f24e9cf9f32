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
