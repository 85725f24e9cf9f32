import type { TFunction } from 'i18next';
import { formatDate, formatTime } from '../../shared/i18n/format';
import type { WorkingHours } from '../../shared/settings';
import { WEEK_ORDER, formatDays as formatDayList } from './time';

export { WEEK_ORDER };

/** A weekday's name in the language: 4 January 2026 was a Sunday. */
export const weekdayName = (locale: string, day: number, style: 'short' | 'long' = 'long'): string =>
  formatDate(locale, new Date(2026, 0, 4 + day, 12), { weekday: style });

/** "09:00" -> "9:00 AM" / "09:00", the language's own clock. */
export function formatHHMM(locale: string, hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  return formatTime(locale, new Date(2000, 0, 1, h ?? 0, m ?? 0));
}

/** "Mon–Fri", "Mon, Wed, Fri", "every day", in the language (the one rule in lib/time). */
export const formatDays = (t: TFunction, locale: string, days: readonly number[]): string =>
  formatDayList(days, { t, locale });

export const describeWorkingHours = (t: TFunction, locale: string, wh: WorkingHours): string =>
  t('settings:hours.summary', {
    days: formatDays(t, locale, wh.days),
    start: formatHHMM(locale, wh.start),
    end: formatHHMM(locale, wh.end),
  });
