import { pauseUntil, tomorrowStart } from '../../shared/pause-presets';
import { differenceInCalendarDays } from 'date-fns';
import type { WorkingHours } from '../../shared/settings';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

const toDate = (value: string | number | Date) => (value instanceof Date ? value : new Date(value));

/** "9:42 AM" or "09:42", following the user's locale. */
export function formatClock(value: string | number | Date): string {
  return toDate(value).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
}

/** "9 AM" / "09", for timeline ticks. */
export function formatHour(value: string | number | Date): string {
  return toDate(value).toLocaleTimeString(undefined, { hour: 'numeric' });
}

/** "Tuesday 10 June" in the user's locale. */
export function formatLongDate(value: string | number | Date): string {
  return toDate(value).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
}

/** A moment relative to now: "9:42 AM", "tomorrow at 8:00 AM", "Friday at 8:00 AM". */
export function formatMoment(value: string | number | Date, now: number): string {
  const date = toDate(value);
  const days = differenceInCalendarDays(date, now);
  const clock = formatClock(date);
  if (days === 0) return clock;
  if (days === 1) return `tomorrow at ${clock}`;
  if (days > 1 && days < 7) return `${date.toLocaleDateString(undefined, { weekday: 'long' })} at ${clock}`;
  return `${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })} at ${clock}`;
}

/** "less than a minute", "1 min", "38 min", "1 h 5 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** The big number in the ring and its unit: minutes rounded up, seconds in the last minute. */
export function countdownParts(ms: number): { value: string; unit: string } {
  if (ms <= 0) return { value: 'Now', unit: '' };
  if (ms < MINUTE) return { value: String(Math.ceil(ms / 1000)), unit: 'sec' };
  const minutes = Math.ceil(ms / MINUTE);
  if (minutes < 60) return { value: String(minutes), unit: 'min' };
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return { value: `${h}:${String(m).padStart(2, '0')}`, unit: 'hours' };
}

/** Spoken form of a countdown, for screen readers and plain sentences. */
export function formatCountdown(ms: number): string {
  if (ms <= 0) return 'now';
  if (ms < MINUTE) return 'less than a minute';
  const minutes = Math.ceil(ms / MINUTE);
  return formatDuration(minutes * MINUTE);
}

const DAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
/** Monday first, as most working weeks are written. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export function dayShort(day: number): string {
  return DAY_SHORT[day] ?? '?';
}

/** Monday 0 … Sunday 6. */
const weekPosition = (day: number) => (day + 6) % 7;

/** "Mon–Fri", "Mon, Wed, Fri", "every day". */
export function formatDays(days: readonly number[]): string {
  const sorted: number[] = WEEK_ORDER.filter((d) => days.includes(d));
  if (sorted.length === 7) return 'every day';
  const runs: number[][] = [];
  for (const d of sorted) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev !== undefined && weekPosition(d) === weekPosition(prev) + 1) last.push(d);
    else runs.push([d]);
  }
  return runs
    .map((run) =>
      run.length >= 3 ? `${dayShort(run[0]!)}–${dayShort(run[run.length - 1]!)}` : run.map(dayShort).join(', '),
    )
    .join(', ');
}

/** "9:00 AM" from "09:00", in the user's locale. */
export function formatHHMM(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  const d = new Date(2000, 0, 1, h ?? 0, m ?? 0);
  return formatClock(d);
}

export function describeWorkingHours(wh: WorkingHours): string {
  return `${formatDays(wh.days)}, ${formatHHMM(wh.start)} – ${formatHHMM(wh.end)}`;
}

/** "Until tomorrow": the one rule in shared/pause-presets.ts (working-hours start, else 08:00). */
export function tomorrowMorning(now: number, wh: WorkingHours | null): Date {
  return pauseUntil('tomorrow', new Date(now), wh);
}

export interface PausePreset {
  id: string;
  label: string;
  until: (now: number) => Date;
}

export function pausePresets(wh: WorkingHours | null): PausePreset[] {
  return [
    { id: '30m', label: 'For 30 minutes', until: (now) => pauseUntil('30m', new Date(now), wh) },
    { id: '1h', label: 'For 1 hour', until: (now) => pauseUntil('1h', new Date(now), wh) },
    { id: '2h', label: 'For 2 hours', until: (now) => pauseUntil('2h', new Date(now), wh) },
    { id: 'tomorrow', label: `Until tomorrow, ${formatHHMM(tomorrowStart(wh))}`, until: (now) => pauseUntil('tomorrow', new Date(now), wh) },
  ];
}

/** "10 June 2026" in the user's locale (the date of an answer or a check). */
export function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
}
