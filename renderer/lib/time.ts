import { pauseUntil, tomorrowStart } from '../../shared/pause-presets';
import { differenceInCalendarDays } from 'date-fns';
import type { WorkingHours } from '../../shared/settings';

import type { TFunction } from 'i18next';
import { fixedT } from '../../shared/i18n';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/**
 * What the formatters need to speak the user's language: `t` and `locale` from useT(). Left
 * out, they speak English in the browser's own format (screens not moved to the layer yet).
 */
export interface Fmt {
  t: TFunction;
  locale: string | undefined;
}
let english: Fmt | null = null;
const fmtOr = (fmt?: Fmt): Fmt => fmt ?? (english ??= { t: fixedT('en'), locale: undefined });

const toDate = (value: string | number | Date) => (value instanceof Date ? value : new Date(value));
const intl = (locale: string | undefined) => (locale === 'en-XA' ? 'en' : locale);

/** "9:42 AM" or "09:42", following the user's locale. */
export function formatClock(value: string | number | Date, fmt?: Fmt): string {
  return toDate(value).toLocaleTimeString(intl(fmt?.locale), { hour: 'numeric', minute: '2-digit' });
}

/** "9 AM" / "09", for timeline ticks. */
export function formatHour(value: string | number | Date, fmt?: Fmt): string {
  return toDate(value).toLocaleTimeString(intl(fmt?.locale), { hour: 'numeric' });
}

/** "Tuesday 10 June" in the user's locale. */
export function formatLongDate(value: string | number | Date, fmt?: Fmt): string {
  return toDate(value).toLocaleDateString(intl(fmt?.locale), { weekday: 'long', day: 'numeric', month: 'long' });
}

/** A moment relative to now: "9:42 AM", "tomorrow at 8:00 AM", "Friday at 8:00 AM". */
export function formatMoment(value: string | number | Date, now: number, fmt?: Fmt): string {
  const { t, locale } = fmtOr(fmt);
  const date = toDate(value);
  const days = differenceInCalendarDays(date, now);
  const clock = formatClock(date, fmt);
  if (days === 0) return clock;
  if (days === 1) return t('app:time.tomorrowAt', { time: clock });
  if (days > 1 && days < 7)
    return t('app:time.dayAt', { day: date.toLocaleDateString(intl(locale), { weekday: 'long' }), time: clock });
  return t('app:time.dayAt', {
    day: date.toLocaleDateString(intl(locale), { day: 'numeric', month: 'short' }),
    time: clock,
  });
}

/** "less than a minute", "1 min", "38 min", "1 h 5 min". */
export function formatDuration(ms: number, fmt?: Fmt): string {
  const { t } = fmtOr(fmt);
  const minutes = Math.floor(Math.max(0, ms) / MINUTE);
  if (minutes < 1) return t('app:time.lessThanMinute');
  if (minutes < 60) return t('common:duration.minShort', { count: minutes });
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? t('common:duration.hoursShort', { h }) : t('common:duration.hoursMinutesShort', { h, m });
}

/** The big number in the ring and its unit: minutes rounded up, seconds in the last minute. */
export function countdownParts(ms: number, fmt?: Fmt): { value: string; unit: string } {
  const { t } = fmtOr(fmt);
  if (ms <= 0) return { value: t('app:time.now'), unit: '' };
  if (ms < MINUTE) return { value: String(Math.ceil(ms / 1000)), unit: t('app:time.unitSec') };
  const minutes = Math.ceil(ms / MINUTE);
  if (minutes < 60) return { value: String(minutes), unit: t('app:time.unitMin') };
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return { value: `${h}:${String(m).padStart(2, '0')}`, unit: t('app:time.unitHours') };
}

/** Spoken form of a countdown, for screen readers and plain sentences. */
export function formatCountdown(ms: number, fmt?: Fmt): string {
  const { t } = fmtOr(fmt);
  if (ms <= 0) return t('app:time.nowLower');
  if (ms < MINUTE) return t('app:time.lessThanMinute');
  const minutes = Math.ceil(ms / MINUTE);
  return formatDuration(minutes * MINUTE, fmt);
}

/** English names, for screens not on the language layer yet: prefer dayShort/dayName with fmt. */
export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
/** Monday first, as most working weeks are written. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

/** 4 Jan 2026 was a Sunday: day d of the week is 4 + d January. */
const weekday = (day: number, locale: string | undefined, weekdayStyle: 'short' | 'long') =>
  day >= 0 && day <= 6
    ? new Date(2026, 0, 4 + day).toLocaleDateString(intl(locale) ?? 'en', { weekday: weekdayStyle })
    : '?';

/** "Mon", "lun", "Mo", in the user's language (English without fmt). */
export function dayShort(day: number, fmt?: Fmt): string {
  return weekday(day, fmt ? fmt.locale : 'en', 'short');
}

/** "Monday", "lunes", "Montag". */
export function dayName(day: number, fmt?: Fmt): string {
  return weekday(day, fmt ? fmt.locale : 'en', 'long');
}

/** Monday 0 … Sunday 6. */
const weekPosition = (day: number) => (day + 6) % 7;

/** "Mon–Fri", "Mon, Wed, Fri", "every day". */
export function formatDays(days: readonly number[], fmt?: Fmt): string {
  const sorted: number[] = WEEK_ORDER.filter((d) => days.includes(d));
  if (sorted.length === 7) return fmtOr(fmt).t('app:time.everyDay');
  const runs: number[][] = [];
  for (const d of sorted) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev !== undefined && weekPosition(d) === weekPosition(prev) + 1) last.push(d);
    else runs.push([d]);
  }
  return runs
    .map((run) =>
      run.length >= 3
        ? `${dayShort(run[0]!, fmt)}–${dayShort(run[run.length - 1]!, fmt)}`
        : run.map((d) => dayShort(d, fmt)).join(', '),
    )
    .join(', ');
}

/** "9:00 AM" from "09:00", in the user's locale. */
export function formatHHMM(hhmm: string, fmt?: Fmt): string {
  const [h, m] = hhmm.split(':').map(Number);
  const d = new Date(2000, 0, 1, h ?? 0, m ?? 0);
  return formatClock(d, fmt);
}

export function describeWorkingHours(wh: WorkingHours, fmt?: Fmt): string {
  return `${formatDays(wh.days, fmt)}, ${formatHHMM(wh.start, fmt)} – ${formatHHMM(wh.end, fmt)}`;
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

export function pausePresets(wh: WorkingHours | null, fmt?: Fmt): PausePreset[] {
  const { t } = fmtOr(fmt);
  return [
    { id: '30m', label: t('app:pause.30m'), until: (now) => pauseUntil('30m', new Date(now), wh) },
    { id: '1h', label: t('app:pause.1h'), until: (now) => pauseUntil('1h', new Date(now), wh) },
    { id: '2h', label: t('app:pause.2h'), until: (now) => pauseUntil('2h', new Date(now), wh) },
    {
      id: 'tomorrow',
      label: t('app:pause.tomorrow', { time: formatHHMM(tomorrowStart(wh), fmt) }),
      until: (now) => pauseUntil('tomorrow', new Date(now), wh),
    },
  ];
}

/** "10 June 2026" in the user's locale (the date of an answer or a check). */
export function formatDay(iso: string, fmt?: Fmt): string {
  return new Date(iso).toLocaleDateString(intl(fmt?.locale), { day: 'numeric', month: 'long', year: 'numeric' });
}
