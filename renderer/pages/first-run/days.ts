import type { TFunction } from 'i18next';
import { formatDate, formatTime } from '../../../shared/i18n/format';
import type { WorkingHours } from '../../../shared/settings';

/** Monday first, as most working weeks are written (0 = Sunday, as in settings). */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

/** A weekday's name in the language: 4 January 2026 was a Sunday. */
export const weekdayName = (locale: string, day: number, style: 'short' | 'long' = 'long'): string =>
  formatDate(locale, new Date(2026, 0, 4 + day, 12), { weekday: style });

/** "09:00" -> "9:00 AM" / "09:00", the language's own clock. */
export function formatHHMM(locale: string, hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  return formatTime(locale, new Date(2000, 0, 1, h ?? 0, m ?? 0));
}

const weekPosition = (day: number) => (day + 6) % 7;

/** "Mon–Fri", "Mon, Wed, Fri", "every day", in the language. */
export function formatDays(t: TFunction, locale: string, days: readonly number[]): string {
  const sorted: number[] = WEEK_ORDER.filter((d) => days.includes(d));
  if (sorted.length === 7) return t('settings:hours.everyDay');
  const runs: number[][] = [];
  for (const d of sorted) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev !== undefined && weekPosition(d) === weekPosition(prev) + 1) last.push(d);
    else runs.push([d]);
  }
  const short = (d: number) => weekdayName(locale, d, 'short');
  return runs
    .map((run) => (run.length >= 3 ? `${short(run[0]!)}–${short(run[run.length - 1]!)}` : run.map(short).join(', ')))
    .join(', ');
}

export const describeWorkingHours = (t: TFunction, locale: string, wh: WorkingHours): string =>
  t('settings:hours.summary', {
    days: formatDays(t, locale, wh.days),
    start: formatHHMM(locale, wh.start),
    end: formatHHMM(locale, wh.end),
  });
